import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type { PGlite } from '@electric-sql/pglite';
import type { Sequelize as SequelizeType } from 'sequelize';

/**
 * Sequelize v6 talking to PGlite. Sequelize's postgres dialect needs the `pg` module; its
 * `dialectModule` option takes any object shaped like it, so this one's Client sends every query
 * to a PGlite instance (pg's own `types` parse the values). Only what Sequelize uses is here.
 */
const require = createRequire(import.meta.url);
const pg = require('pg') as { types: unknown };
const { Sequelize } = require('sequelize') as { Sequelize: typeof SequelizeType };

interface PgResult {
  command: string;
  rowCount: number;
  rows: Record<string, unknown>[];
  fields: { name: string; dataTypeID: number }[];
}

/**
 * pg hands arrays of catalog queries (name[], int2vector) to Sequelize as text, which it parses
 * itself; PGlite has parsed them already, so they go back to the `{a,b}` text form.
 */
function pgTextArrays(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = Array.isArray(value)
      ? `{${value.map((v) => (/[",{}\\\s]/.test(String(v)) ? JSON.stringify(String(v)) : String(v))).join(',')}}`
      : value;
  }
  return out;
}

function fakePg(db: PGlite) {
  class Client extends EventEmitter {
    connection = new EventEmitter();
    connect(callback: (error: Error | null) => void) {
      callback(null);
    }
    end(callback?: () => void) {
      callback?.();
    }
    // pg's Client.query: (sql, values?, callback?), a promise when there is no callback.
    query(
      sql: string,
      params?: unknown,
      callback?: (error: Error | null, result?: PgResult | PgResult[]) => void,
    ) {
      const cb = (typeof params === 'function' ? params : callback) as
        ((error: Error | null, result?: PgResult | PgResult[]) => void) | undefined;
      const values = Array.isArray(params) ? params : undefined;
      const command = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? '';
      const shape = (r: {
        rows: unknown[];
        affectedRows?: number;
        fields: { name: string; dataTypeID: number }[];
      }): PgResult => ({
        command,
        rowCount: r.affectedRows ?? r.rows.length,
        rows: (r.rows as Record<string, unknown>[]).map(pgTextArrays),
        fields: r.fields,
      });
      const run =
        values && values.length > 0
          ? db.query(sql, values).then(shape)
          : db
              .exec(sql)
              .then((rs) =>
                rs.length === 1 ? shape(rs[0] as never) : rs.map((r) => shape(r as never)),
              );
      if (!cb) return run;
      run.then(
        (r) => cb(null, r),
        (error: Error) => cb(error),
      );
      return undefined;
    }
  }
  return { Client, types: pg.types };
}

/** A Sequelize instance whose queries run in `db`. Close it with `sequelize.close()`. */
export function sequelizeOn(db: PGlite, log?: (sql: string) => void): SequelizeType {
  return new Sequelize('postgres://tablewright@localhost/pglite', {
    dialect: 'postgres',
    dialectModule: fakePg(db),
    logging: log ?? false,
    pool: { max: 1, min: 0 },
  });
}

/** Loads CommonJS source text as a module (the exported models.js or a migration). */
export function loadCommonJs(source: string): unknown {
  const module = { exports: {} as unknown };
  // The generated files only require 'sequelize'; resolving from here finds the installed one.
  new Function('module', 'exports', 'require', source)(module, module.exports, require);
  return module.exports;
}

export { Sequelize };
