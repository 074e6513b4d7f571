import { describe, expect, it } from 'vitest';
import {
  indexKeyExpression,
  isPlainFunctionCall,
  isWrappedInParens,
  matchingParen,
} from './expressions';

describe('expression helpers', () => {
  it('matches parentheses, skipping strings and quoted identifiers', () => {
    expect(matchingParen('(a + b)', 0)).toBe(6);
    expect(matchingParen("(')' || b)", 0)).toBe(9);
    expect(matchingParen('(")(" + 1)', 0)).toBe(9);
    expect(matchingParen("('it''s)')", 0)).toBe(9);
    expect(matchingParen('(a', 0)).toBe(-1);
  });

  it('knows a wholly parenthesized expression', () => {
    expect(isWrappedInParens('(a + b)')).toBe(true);
    expect(isWrappedInParens('(a) + (b)')).toBe(false);
    expect(isWrappedInParens('a + b')).toBe(false);
  });

  it('knows a plain function call', () => {
    expect(isPlainFunctionCall('lower(email)')).toBe(true);
    expect(isPlainFunctionCall('LOWER(email)')).toBe(true);
    expect(isPlainFunctionCall('lower(a) || lower(b)')).toBe(false);
    expect(isPlainFunctionCall('COALESCE(a, 0)')).toBe(false); // a column-name keyword
    expect(isPlainFunctionCall('row(a, b)')).toBe(false);
    expect(isPlainFunctionCall('public.f(a)')).toBe(false);
  });

  it('parenthesizes index keys only when needed', () => {
    expect(indexKeyExpression('lower(email)')).toBe('lower(email)');
    expect(indexKeyExpression('(a + 1)')).toBe('(a + 1)');
    expect(indexKeyExpression('a + 1')).toBe('(a + 1)');
    expect(indexKeyExpression("profile ->> 'plan'")).toBe("(profile ->> 'plan')");
    expect(indexKeyExpression('COALESCE(a, 0)')).toBe('(COALESCE(a, 0))');
  });
});
