import { describe, expect, it } from 'vitest';
import { memoizedScan, withoutConsequences } from './checker';

const e = (statementIndex: number, code: string) => ({ statementIndex, error: { code } });

describe('withoutConsequences', () => {
  const statements = [
    { kind: 'table' },
    { kind: 'foreignKey' },
    { kind: 'index' },
    { kind: 'comment' },
    { kind: 'table' },
  ];

  it('drops "does not exist" echoes of a failed CREATE TABLE', () => {
    const errors = [e(0, '22P02'), e(1, '42P01'), e(2, '42P01'), e(3, '42P01')];
    expect(withoutConsequences(errors, statements)).toEqual([e(0, '22P02')]);
  });

  it('keeps independent errors', () => {
    const errors = [e(0, '22P02'), e(4, '42804')];
    expect(withoutConsequences(errors, statements)).toEqual(errors);
  });

  it('keeps a missing relation when no table failed (a real mistake, not an echo)', () => {
    const errors = [e(1, '42P01')];
    expect(withoutConsequences(errors, statements)).toEqual(errors);
  });
});

describe('memoizedScan', () => {
  const danger = { kind: 'program' } as never;
  const statements = (...sqls: string[]) => sqls.map((sql) => ({ sql }) as never);

  it('parses only statements it has not seen, and answers for all by index', async () => {
    const parsed: string[] = [];
    const scan = memoizedScan(async (list) => {
      const found = new Map();
      list.forEach((s, i) => {
        parsed.push(s.sql);
        if (s.sql.includes('PROGRAM')) found.set(i, [danger]);
      });
      return found;
    });
    const first = await scan(statements('CREATE TABLE a ();', "COPY a FROM PROGRAM 'x';"));
    expect([...first.keys()]).toEqual([1]);
    const second = await scan(
      statements('CREATE TABLE b ();', 'CREATE TABLE a ();', "COPY a FROM PROGRAM 'x';"),
    );
    expect([...second.keys()]).toEqual([2]);
    expect(parsed).toEqual([
      'CREATE TABLE a ();',
      "COPY a FROM PROGRAM 'x';",
      'CREATE TABLE b ();',
    ]);
  });

  it('remembers nothing from a scan that failed', async () => {
    let fail = true;
    const scan = memoizedScan(async (list) => {
      if (fail) throw new Error('parser not loaded');
      return new Map(list.map((_, i) => [i, [danger]]));
    });
    await expect(scan(statements('SELECT 1;'))).rejects.toThrow('parser not loaded');
    fail = false;
    expect((await scan(statements('SELECT 1;'))).get(0)).toEqual([danger]);
  });
});
