import { describe, expect, it } from 'vitest';
import { keywordCategory } from './keywords';
import {
  checkIdentifierLength,
  qualifiedName,
  quoteIdent,
  quoteLiteral,
  utf8ByteLength,
} from './quote';

describe('quoteIdent', () => {
  it('leaves plain lower-case names bare', () => {
    expect(quoteIdent('customer')).toBe('customer');
    expect(quoteIdent('_private')).toBe('_private');
    expect(quoteIdent('order_2')).toBe('order_2');
  });

  it('quotes reserved keywords', () => {
    for (const word of [
      'user',
      'order',
      'select',
      'table',
      'check',
      'default',
      'group',
      'all',
      'primary',
    ]) {
      expect(quoteIdent(word)).toBe(`"${word}"`);
    }
  });

  it('quotes column-name and type/function-name keywords, but not unreserved ones', () => {
    expect(keywordCategory('int')).toBe('colName');
    expect(quoteIdent('int')).toBe('"int"');
    expect(quoteIdent('values')).toBe('"values"');
    expect(keywordCategory('left')).toBe('typeFuncName');
    expect(quoteIdent('left')).toBe('"left"');
    expect(quoteIdent('join')).toBe('"join"');
    expect(keywordCategory('name')).toBe('unreserved');
    expect(quoteIdent('name')).toBe('name');
    expect(quoteIdent('data')).toBe('data');
    expect(quoteIdent('comment')).toBe('comment');
  });

  it('quotes upper case, spaces, leading digits and $ (as quote_ident does)', () => {
    expect(quoteIdent('Customer')).toBe('"Customer"');
    expect(quoteIdent('ID')).toBe('"ID"');
    expect(quoteIdent('first name')).toBe('"first name"');
    expect(quoteIdent('1st')).toBe('"1st"');
    expect(quoteIdent('a$b')).toBe('"a$b"');
    expect(quoteIdent('')).toBe('""');
  });

  it('doubles embedded double quotes', () => {
    expect(quoteIdent('say "hi"')).toBe('"say ""hi"""');
    expect(quoteIdent('"')).toBe('""""');
    expect(quoteIdent("it's")).toBe('"it\'s"');
  });

  it('quotes non-ASCII letters and emoji', () => {
    expect(quoteIdent('café')).toBe('"café"');
    expect(quoteIdent('📦')).toBe('"📦"');
    expect(quoteIdent('日本')).toBe('"日本"');
  });
});

describe('quoteLiteral', () => {
  it('doubles single quotes', () => {
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteLiteral('')).toBe("''");
    expect(quoteLiteral('café 📦')).toBe("'café 📦'");
  });

  it('uses the E form with doubled backslashes only when there is a backslash', () => {
    expect(quoteLiteral('C:\\dir')).toBe("E'C:\\\\dir'");
    expect(quoteLiteral("a\\'b")).toBe("E'a\\\\''b'");
    expect(quoteLiteral('line\nbreak')).toBe("'line\nbreak'");
  });
});

describe('qualifiedName', () => {
  it('omits public and quotes each part as needed', () => {
    expect(qualifiedName('public', 'user')).toBe('"user"');
    expect(qualifiedName('public', 'orders')).toBe('orders');
    expect(qualifiedName('sales', 'orders')).toBe('sales.orders');
    expect(qualifiedName('Sales Dept', 'order')).toBe('"Sales Dept"."order"');
  });
});

describe('checkIdentifierLength', () => {
  it('counts bytes of UTF-8, not characters', () => {
    expect(utf8ByteLength('abc')).toBe(3);
    expect(utf8ByteLength('é')).toBe(2);
    expect(utf8ByteLength('日')).toBe(3);
    expect(utf8ByteLength('📦')).toBe(4);
    expect(utf8ByteLength('\ud800')).toBe(3); // a lone surrogate is sent as U+FFFD
  });

  it('accepts a name of exactly 63 bytes made of multi-byte characters', () => {
    const name = 'é'.repeat(31) + 'x'; // 31 × 2 + 1
    expect(utf8ByteLength(name)).toBe(63);
    expect(checkIdentifierLength(name)).toBeUndefined();
    const emoji = '📦'.repeat(15) + 'abc'; // 15 × 4 + 3
    expect(utf8ByteLength(emoji)).toBe(63);
    expect(checkIdentifierLength(emoji)).toBeUndefined();
  });

  it('refuses a name of 64 bytes, saying how long it is', () => {
    const name = 'é'.repeat(32);
    expect(name.length).toBe(32);
    expect(checkIdentifierLength(name, 'Table name')).toBe(
      `Table name "${name}" is 64 bytes; PostgreSQL allows at most 63 bytes.`,
    );
    expect(checkIdentifierLength('x'.repeat(64))).toMatch(
      /^Name "x{37}…" is 64 bytes; PostgreSQL allows at most 63 bytes\.$/,
    );
  });

  it('accepts 63 ASCII bytes and refuses 64', () => {
    expect(checkIdentifierLength('a'.repeat(63))).toBeUndefined();
    expect(checkIdentifierLength('a'.repeat(64))).toContain('64 bytes');
  });

  it('refuses empty names and NUL characters', () => {
    expect(checkIdentifierLength('', 'Column name', ' in table "t"')).toBe(
      'Column name in table "t" is empty; PostgreSQL needs a name.',
    );
    expect(checkIdentifierLength('a\0b')).toContain('NUL');
  });
});
