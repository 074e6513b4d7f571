import { describe, expect, it } from 'vitest';
import { withoutConsequences } from './checker';

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
