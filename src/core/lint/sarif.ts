import { RULES } from './rules/index';
import type { Finding, Severity } from './types';

/** SARIF's result levels: `note` is its word for information. */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/**
 * A SARIF 2.1.0 log (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/) with one run. A
 * design has no files or lines, so results point at logical locations: `schema.table` or
 * `schema.table.column`, always schema-qualified here so tools can group them.
 */
export function findingsToSarif(findings: readonly Finding[]): object {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Tablewright design review',
            rules: RULES.map((r) => ({
              id: r.id,
              // SARIF wants an opaque PascalCase name beside the human title.
              name: r.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
              shortDescription: { text: r.title },
              fullDescription: { text: r.why },
              help: { text: `${r.why}\nPractice: ${r.practice}` },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { practice: r.practice },
            })),
          },
        },
        results: findings.map((f) => {
          const table = f.table.includes('.') ? f.table : `public.${f.table}`;
          const location =
            f.column === null
              ? {
                  name: f.table.split('.').pop() ?? f.table,
                  fullyQualifiedName: table,
                  kind: 'table',
                }
              : { name: f.column, fullyQualifiedName: `${table}.${f.column}`, kind: 'column' };
          return {
            ruleId: f.rule,
            ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [{ logicalLocations: [location] }],
          };
        }),
      },
    ],
  };
}
