import { describe, expect, it } from 'vitest';
import { parseRenameRequest, type RenameRequest } from '../core/diff/explicitRenames';
import { baseDesign, col, edited } from '../core/diff/testDesigns';
import type { Design } from '../core/model';
import { decideRenames, type Prompt } from './diffRenames';

/** Old design, and a new one as a file gives it: posts.title is now heading (a new id). */
const a = baseDesign();
const b: Design = edited(a, (d) => {
  d.tables.t_posts!.columns[2] = col('c_heading', 'heading', 'text');
  // email and age went away, mail and years came: text vs integer, so each fits one.
  const users = d.tables.t_users!;
  users.columns = [
    users.columns[0]!,
    col('c_x1', 'x1', 'varchar(10)'),
    col('c_x2', 'x2', 'varchar(10)'),
  ];
});

const requests = (...texts: string[]): RenameRequest[] =>
  texts.map((t) => (parseRenameRequest(t) as { value: RenameRequest }).value);

/** A terminal that answers from a script, and records what it was asked. */
function scripted(...answers: string[]): { prompt: Prompt; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    prompt: async (q) => {
      asked.push(q);
      return answers.shift() ?? '';
    },
  };
}

async function decide(
  mode: 'ask' | 'auto' | 'none' | undefined,
  prompt?: Prompt,
  ...flags: string[]
) {
  const lines: string[] = [];
  const result = await decideRenames(
    a,
    b,
    { ...(mode ? { mode } : {}), requests: requests(...flags) },
    (l) => lines.push(l),
    prompt,
  );
  if (!result.ok) throw new Error(result.error.join('\n'));
  const posts = result.value.design.tables.t_posts!;
  return { lines: lines.join(''), applied: result.value.applied, posts };
}

describe('decideRenames', () => {
  it('auto applies the inferred renames (old ids on the new columns)', async () => {
    const { lines, posts } = await decide('auto');
    expect(posts.columns.map((c) => c.id)).toEqual(['c_pid', 'c_author', 'c_title']);
    // age (integer) fits nothing; email fits x1 and x2, and x1 is at its place.
    expect(lines).toBe(
      'tablewright: renames applied (2):\n' +
        '  column users.email -> x1 (same type, nullability, default and keys; the closest of 2 candidates)\n' +
        '  column posts.title -> heading (same type, nullability, default and keys)\n',
    );
  });

  it('without a terminal and without --renames: nothing applied, a notice says what and how', async () => {
    const { lines, applied, posts } = await decide(undefined, undefined);
    expect(applied).toEqual([]);
    expect(posts.columns.map((c) => c.id)).toEqual(['c_pid', 'c_author', 'c_heading']);
    expect(lines).toContain('without a terminal the default is --renames none');
    expect(lines).toContain('column posts.title -> heading');
    expect(lines).toContain(
      'To apply them: --renames auto, or one by one: --rename users.email=x1 --rename posts.title=heading',
    );
  });

  it('--renames ask without a terminal does not wait: it says so and applies nothing', async () => {
    const { lines, applied } = await decide('ask', undefined);
    expect(applied).toEqual([]);
    expect(lines).toContain('--renames ask needs a terminal');
  });

  it('ask asks about each inferred rename; Enter is yes, n is no', async () => {
    const terminal = scripted('n', '');
    const { applied } = await decide(undefined, terminal.prompt);
    expect(terminal.asked).toEqual([
      'Rename column users.email -> x1? (same type, nullability, default and keys; the closest of 2 candidates) [Y/n] ',
      'Rename column posts.title -> heading? (same type, nullability, default and keys) [Y/n] ',
    ]);
    expect(applied.map((r) => `${r.from}->${r.to}`)).toEqual(['title->heading']);
  });

  it('--rename decides before the inference, which works on the rest', async () => {
    const { applied, lines } = await decide('none', undefined, 'users.email=x2');
    expect(applied.map((r) => [r.from, r.to, r.source])).toEqual([['email', 'x2', 'explicit']]);
    expect(lines).toContain('column users.email -> x2 (given with --rename)');
    expect(lines).toContain('--renames none');
  });
});

describe('decideRenames on a tie', () => {
  // email and extra are as near to x, and as unlike it by name: no way to tell.
  const old = edited(a, (d) => {
    d.tables.t_users!.columns.push(col('c_extra', 'extra', 'varchar(10)'));
  });
  const next = edited(a, (d) => {
    const users = d.tables.t_users!;
    users.columns = [users.columns[0]!, users.columns[2]!, col('c_x', 'x', 'varchar(10)')];
  });

  it('auto decides nothing and says how to decide', async () => {
    const lines: string[] = [];
    const r = await decideRenames(old, next, { mode: 'auto', requests: [] }, (l) => lines.push(l));
    expect(r.ok && r.value.applied).toEqual([]);
    expect(lines.join('')).toBe(
      'tablewright: could not tell which of these are renames (none applied; say which with --rename):\n' +
        '  columns of users: email, extra went away and x came, alike (e.g. --rename users.email=x)\n',
    );
  });

  it('ask asks which old column the new one is', async () => {
    const terminal = scripted('extra');
    const r = await decideRenames(old, next, { requests: [] }, () => {}, terminal.prompt);
    expect(terminal.asked).toEqual([
      'x is a new column of users: is it email or extra renamed? Type the old name, or Enter for none: ',
    ]);
    expect(r.ok && r.value.applied.map((x) => [x.from, x.to, x.reason])).toEqual([
      ['extra', 'x', 'chosen when asked'],
    ]);
    expect(r.ok && r.value.design.tables.t_users!.columns.map((c) => c.id)).toEqual([
      'c_uid',
      'c_age',
      'c_extra',
    ]);
  });
});

describe('decideRenames and where ids come from', () => {
  it('pairs a table of the same name under another id (studio design against SQL), then infers inside it', async () => {
    // posts as SQL would read it: every id new; title now heading.
    const fromSql = edited(b, (d) => {
      const posts = d.tables.t_posts!;
      delete d.tables.t_posts;
      d.tables.t_posts_sql = {
        ...posts,
        id: 't_posts_sql',
        columns: posts.columns.map((c) => ({ ...c, id: `${c.id}_sql` })),
        constraints: [],
        indexes: [],
      };
    });
    const lines: string[] = [];
    const r = await decideRenames(a, fromSql, { mode: 'auto', requests: [] }, (l) => lines.push(l));
    if (!r.ok) throw new Error(r.error.join());
    expect(Object.keys(r.value.design.tables)).toEqual(['t_users', 't_posts']);
    expect(r.value.design.tables.t_posts!.columns.map((c) => c.id)).toEqual([
      'c_pid',
      'c_author',
      'c_title',
    ]);
    expect(lines.join('')).toContain(
      'tablewright: 1 table has the same name but another id in the two files: paired by name.\n',
    );
    expect(r.value.applied.map((x) => `${x.from}->${x.to}`)).toEqual([
      'email->x1',
      'title->heading',
    ]);
  });

  it('infers nothing between two design documents (stable ids), and says so when asked to', async () => {
    const lines: string[] = [];
    const r = await decideRenames(
      a,
      b,
      { mode: 'auto', requests: requests('posts.title=heading'), stableIds: true },
      (l) => lines.push(l),
    );
    expect(r.ok && r.value.applied.map((x) => x.source)).toEqual(['explicit']);
    expect(lines.join('')).toContain(
      '--renames auto: both files are design documents with stable ids, where a rename is already a rename: nothing is inferred (--rename still decides).',
    );
  });
});
