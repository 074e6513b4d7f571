import { serializeDocument, type DesignDocument } from '../model';
import { generateDdl } from '../sql';
import { toDbml } from './dbml';
import { toMarkdown } from './markdown';
import { toMermaid } from './mermaid';
import { exportPrisma } from './prisma';
import { exportDrizzle } from './drizzle';
import { exportSequelize } from './sequelize';

/** The Sequelize export is two files; each is its own format here, so each is one download. */
const sequelizeFile = (which: 'models' | 'migration') => (doc: DesignDocument) => {
  const files = exportSequelize(doc.design);
  const name = Object.keys(files).find((f) =>
    which === 'models' ? f === 'models.js' : f.startsWith('migrations/'),
  );
  return name ? files[name]! : '';
};

/**
 * Every text export, one file each, in the order the Export dialog lists them. The CLI's
 * `export --to <id>` and the dialog both read this list, so a format exists in both or neither.
 */
export interface TextExport {
  id: string;
  label: string;
  /** One line: what the file is for. */
  description: string;
  /** File name suffix after the design's name, e.g. `.sql`, `.schema.prisma`. */
  suffix: string;
  mime: string;
  render(doc: DesignDocument): string;
}

export const TEXT_EXPORTS: readonly TextExport[] = [
  {
    id: 'sql',
    label: 'PostgreSQL DDL',
    description: 'CREATE statements PostgreSQL runs as they are.',
    suffix: '.sql',
    mime: 'application/sql',
    render: (doc) => generateDdl(doc.design).text,
  },
  {
    id: 'mermaid',
    label: 'Mermaid ER diagram',
    description: 'An erDiagram for Markdown in GitHub, GitLab, Notion and docs sites.',
    suffix: '.mmd',
    mime: 'text/plain',
    render: (doc) => toMermaid(doc.design),
  },
  {
    id: 'dbml',
    label: 'DBML',
    description: 'For dbdiagram.io, dbdocs and other DBML tools.',
    suffix: '.dbml',
    mime: 'text/plain',
    render: (doc) => toDbml(doc.design),
  },
  {
    id: 'markdown',
    label: 'Data dictionary (Markdown)',
    description: 'Every table, column, constraint, index, comment and relationship, as a document.',
    suffix: '.md',
    mime: 'text/markdown',
    render: (doc) => toMarkdown(doc.design),
  },
  {
    id: 'prisma',
    label: 'Prisma schema',
    description:
      'schema.prisma with models, relations both ways, enums and indexes (checked with Prisma’s own validator).',
    suffix: '.schema.prisma',
    mime: 'text/plain',
    render: (doc) => exportPrisma(doc.design),
  },
  {
    id: 'drizzle',
    label: 'Drizzle schema',
    description: 'A drizzle-orm/pg-core module; drizzle-kit turns it into the same tables.',
    suffix: '.drizzle.ts',
    mime: 'text/typescript',
    render: (doc) => exportDrizzle(doc.design),
  },
  {
    id: 'sequelize',
    label: 'Sequelize models',
    description: 'Sequelize v6 models (underscored), with both directions of every association.',
    suffix: '.models.js',
    mime: 'text/javascript',
    render: sequelizeFile('models'),
  },
  {
    id: 'sequelize-migration',
    label: 'Sequelize migration',
    description: 'A queryInterface migration that creates the tables (up) and drops them (down).',
    suffix: '.migration.js',
    mime: 'text/javascript',
    render: sequelizeFile('migration'),
  },
  {
    id: 'json',
    label: 'Tablewright design (JSON)',
    description: 'The whole design with its layout; import it back or keep it in version control.',
    suffix: '.tablewright.json',
    mime: 'application/json',
    render: (doc) => serializeDocument(doc),
  },
];

export function textExport(id: string): TextExport | undefined {
  return TEXT_EXPORTS.find((f) => f.id === id);
}
