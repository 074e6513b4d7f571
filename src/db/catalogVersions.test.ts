/** The catalog queries (the reader's and the snapshot's) as each server version from 13 on can run them. */
import { describe, expect, it } from 'vitest';
import { DEPENDENCIES_SQL } from '../core/catalog/dependencyQueries';
import * as X from '../core/catalog/extrasQueries';
import * as Q from '../core/catalog/queries';
import {
  catalogSqlFor,
  SCHEMA_FILTER_MARK,
  VERSIONED_CATALOG_PARTS,
  versionName,
} from '../core/catalog/serverVersion';
import { UNSUPPORTED_SQL } from '../core/catalog/unsupportedQueries';
import { catalogQueries } from './catalogFingerprintQueries';

const READER_SQL = [
  ...Object.values(Q).filter((v): v is string => typeof v === 'string'),
  ...Object.values(X).filter((v): v is string => typeof v === 'string'),
  DEPENDENCIES_SQL,
  UNSUPPORTED_SQL,
].join('\n');
const SNAPSHOT_SQL = Object.values(
  catalogQueries({ columnPositions: true, notNullByColumn: false }),
).join('\n');

describe('catalogSqlFor', () => {
  it('leaves the queries alone on PostgreSQL 18 (PGlite), but for the schema mark', () => {
    expect(catalogSqlFor(READER_SQL, 180000)).toBe(READER_SQL.split(SCHEMA_FILTER_MARK).join(''));
  });

  it('every versioned part is still written in the queries (a renamed alias would go unnoticed)', () => {
    for (const part of VERSIONED_CATALOG_PARTS) {
      // colliculocale only ever appears as colllocale's stand-in.
      if (part.reference === 'c.colliculocale') continue;
      expect(`${READER_SQL}\n${SNAPSHOT_SQL}`, part.reference).toContain(part.reference);
    }
  });

  it('replaces what each older server lacks, and only that', () => {
    const on15 = catalogSqlFor(READER_SQL + SNAPSHOT_SQL, 150004);
    expect(on15).not.toMatch(/conenforced|conperiod|colllocale/);
    expect(on15).toContain('c.colliculocale');
    expect(on15).toContain('indnullsnotdistinct');
    const on13 = catalogSqlFor(READER_SQL + SNAPSHOT_SQL, 130000);
    expect(on13).not.toMatch(
      /conenforced|conperiod|colllocale|colliculocale|indnullsnotdistinct|confdelsetcols|prattrs|prqual|pg_publication_namespace|rngmultitypid/,
    );
  });

  it('narrows the schemas read', () => {
    const sql = catalogSqlFor(Q.TABLES_SQL, 180000, { only: ["o'brien"], except: ['secret'] });
    expect(sql).toContain("AND n.nspname IN ('o''brien') AND n.nspname NOT IN ('secret')");
  });
});

it('versionName', () => {
  expect(versionName(150004)).toBe('15.4');
  expect(versionName(120017)).toBe('12.17');
  expect(versionName(90624)).toBe('9.6.24');
});
