/**
 * The name a design imported from a file takes: the file's name without its import extensions
 * (`lago.sql` -> lago, `schema.sql.gz` -> schema, `db.tablewright.json` -> db). One rule for the
 * CLI and the studio's Import.
 */
export function designNameFromFile(fileName: string): string {
  return fileName
    .replace(/\.gz$/i, '')
    .replace(/(\.tablewright)?\.(sql|psql|dbml|json|txt|prisma|rb|[mc]?[jt]s)$/i, '');
}
