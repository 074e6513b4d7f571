import { describe, expect, it } from 'vitest';
import type { Design } from '../model/schema';
import { parseRenameRequest, resolveRenameRequests, type RenameRequest } from './explicitRenames';
import { baseDesign, col, edited } from './testDesigns';

const parsed = (text: string) => {
  const r = parseRenameRequest(text);
  return r.ok ? { path: r.value.path, to: r.value.to } : r.error;
};

describe('parseRenameRequest: the --rename syntax', () => {
  it('reads table and column paths, with SQL quoting for names with dots, quotes, = or emoji', () => {
    expect(parsed('album=record')).toEqual({ path: ['album'], to: 'record' });
    expect(parsed('album.title=name')).toEqual({ path: ['album', 'title'], to: 'name' });
    expect(parsed('music.album.title=name')).toEqual({
      path: ['music', 'album', 'title'],
      to: 'name',
    });
    expect(parsed('"order.lines"."Qty ""net"""=qty')).toEqual({
      path: ['order.lines', 'Qty "net"'],
      to: 'qty',
    });
    expect(parsed('"a=b".x="🎵 title"')).toEqual({ path: ['a=b', 'x'], to: '🎵 title' });
    expect(parsed('Album.Title=Name')).toEqual({ path: ['Album', 'Title'], to: 'Name' });
  });

  it('says what is wrong with a value it cannot read', () => {
    expect(parsed('album')).toBe(
      '--rename album: write old=new, e.g. album.title=name or album=record.',
    );
    expect(parsed('album.=x')).toContain('a name is empty');
    expect(parsed('album.title=')).toContain('a name is empty');
    expect(parsed('a=b=c')).toContain('more than one "="');
    expect(parsed('a.b=c.d')).toContain('the new name is one name');
    expect(parsed('"open=x')).toContain('a quoted name is not closed');
    expect(parsed('a"b"=c')).toContain('a quote inside a name');
    expect(parsed('a.b.c.d=e')).toContain('at most schema.table.column');
  });
});

/** The old design, and a new one as a file would give it: renamed things under new ids. */
const a = baseDesign();
const b: Design = edited(a, (d) => {
  const users = d.tables.t_users!;
  delete d.tables.t_users;
  d.tables.t_members = { ...users, id: 't_members', name: 'members' };
  d.tables.t_members.columns[1] = col('c_mail', 'mail', 'varchar(10)');
  d.tables.t_posts!.columns[2] = col('c_heading', 'heading', 'text');
});

const resolve = (...texts: string[]) => {
  const requests = texts.map((t) => (parseRenameRequest(t) as { value: RenameRequest }).value);
  return resolveRenameRequests(a, b, requests);
};

describe('resolveRenameRequests: --rename against the two designs', () => {
  it('pairs the old ids with the new ones; a column of a renamed table is found in it', () => {
    const r = resolve('users=members', 'users.email=mail', 'posts.title=heading');
    expect(r.ok && r.value.tables.map((t) => [t.fromId, t.toId])).toEqual([
      ['t_users', 't_members'],
    ]);
    expect(r.ok && r.value.columns.map((c) => [c.tableToId, c.fromId, c.toId])).toEqual([
      ['t_members', 'c_email', 'c_mail'],
      ['t_posts', 'c_title', 'c_heading'],
    ]);
    expect(r.ok && r.value.columns[0]).toMatchObject({ source: 'explicit', table: 'users' });
    // schema.table is the table when no table of that name has such a column.
    expect(resolve('public.users=members').ok).toBe(true);
    expect(resolve('public.posts.title=heading').ok).toBe(true);
  });

  it('refuses names that are not there, with every problem in a sentence', () => {
    const r = resolve('nope=x', 'posts.nope=x', 'posts.title=nope', 'posts.id=heading');
    expect(r).toEqual({
      ok: false,
      error: [
        '--rename nope=x: the old file has no table nope.',
        '--rename posts.nope=x: table posts of the old file has no column nope.',
        '--rename posts.title=nope: table posts of the new file has no column nope.',
        '--rename posts.id=heading: table posts of the new file still has column id, so it was not renamed.',
      ],
    });
    expect(resolve('users.email=mail')).toEqual({
      ok: false,
      error: [
        '--rename users.email=mail: the new file has no table users; if it was renamed, say so too: --rename users=<new name>.',
      ],
    });
    expect(resolve('posts=members')).toMatchObject({
      ok: false,
      error: ['--rename posts=members: the new file still has table posts, so it was not renamed.'],
    });
    expect(resolve('posts.title=heading', 'posts.title=heading')).toMatchObject({
      ok: false,
      error: [expect.stringContaining('name the same column')],
    });
  });
});
