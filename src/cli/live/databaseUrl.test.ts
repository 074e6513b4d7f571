import { describe, expect, it } from 'vitest';
import { maskUrl, parseDatabaseUrl } from './databaseUrl';

describe('maskUrl', () => {
  it('masks the password in the user part and in ?password=, and nothing else', () => {
    expect(maskUrl('postgres://ann:s3cret@db.example.com:5432/shop')).toBe(
      'postgres://ann:***@db.example.com:5432/shop',
    );
    expect(
      maskUrl('postgresql://ann:p%40ss@h/db?sslmode=require&password=x1&application_name=a'),
    ).toBe('postgresql://ann:***@h/db?sslmode=require&password=***&application_name=a');
    // An unencoded @ in the password: everything up to the last @ is masked.
    expect(maskUrl('postgres://ann:p@ss@h/db')).toBe('postgres://ann:***@h/db');
    expect(maskUrl('postgres://ann@h:5432/db')).toBe('postgres://ann@h:5432/db');
    expect(maskUrl('postgres://h:5432/db')).toBe('postgres://h:5432/db');
  });
});

describe('parseDatabaseUrl', () => {
  it('takes postgres:// and postgresql:// URLs and names the database', () => {
    const url = parseDatabaseUrl('postgres://ann:s3cret@h:5433/my%20shop');
    expect(url.ok && url.value).toEqual({
      url: 'postgres://ann:s3cret@h:5433/my%20shop',
      masked: 'postgres://ann:***@h:5433/my%20shop',
      database: 'my shop',
    });
    const socket = parseDatabaseUrl('postgresql:///app?host=/var/run/postgresql');
    expect(socket.ok && socket.value.database).toBe('app');
  });

  it('refuses what is not one, without repeating the password', () => {
    for (const text of [
      'mysql://ann:s3cret@h/db',
      'postgres://ann:s3cret@/db',
      'postgres://ann:s3cret@h:70000/db',
      'h:5432/db',
    ]) {
      const url = parseDatabaseUrl(text);
      expect(url.ok).toBe(false);
      if (!url.ok) expect(url.error).not.toContain('s3cret');
    }
  });
});
