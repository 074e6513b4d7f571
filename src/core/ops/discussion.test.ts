import { describe, expect, it } from 'vitest';
import { THREAD_LIMITS } from '../model';
import {
  deleteColumn,
  deleteTables,
  deleteThread,
  deleteThreadMessage,
  keepThreads,
  openThreadCounts,
  replyToThread,
  setThreadResolved,
  startThread,
  threadsOfTable,
} from './index';
import { example, sound } from './testDesigns';

const at = '2026-12-07T09:00:00.000Z';
const msg = (id: string, text: string, author = 'Ada') => ({ id, author, text, createdAt: at });

const withThreads = () => {
  let d = startThread(example(), {
    id: 'h_table',
    target: { tableId: 't_customers' },
    message: msg('m_1', '  Should this be called clients?  '),
  });
  d = startThread(d, {
    id: 'h_email',
    target: { tableId: 't_customers', columnId: 'c_customers_email' },
    message: msg('m_2', 'Unique per tenant, or globally?', 'Bob'),
  });
  return sound(d);
};

describe('discussion ops', () => {
  it('starts threads on a table and on a column, text trimmed, open', () => {
    const d = withThreads();
    expect(d.threads.map((t) => [t.id, t.target, t.resolved, t.messages[0]!.text])).toEqual([
      ['h_table', { tableId: 't_customers' }, false, 'Should this be called clients?'],
      [
        'h_email',
        { tableId: 't_customers', columnId: 'c_customers_email' },
        false,
        'Unique per tenant, or globally?',
      ],
    ]);
    expect(d.threads[1]!.messages[0]).toEqual({
      id: 'm_2',
      author: 'Bob',
      text: 'Unique per tenant, or globally?',
      createdAt: at,
    });
  });

  it('refuses a thread on nothing, an empty message, a reused id: the design is unchanged', () => {
    const d = withThreads();
    const start = (target: { tableId: string; columnId?: string }, text = 'x', id = 'h_new') =>
      startThread(d, { id, target, message: msg('m_new', text) });
    expect(start({ tableId: 't_gone' })).toBe(d);
    expect(start({ tableId: 't_customers', columnId: 'c_gone' })).toBe(d);
    expect(start({ tableId: 't_customers' }, '   \n ')).toBe(d);
    expect(start({ tableId: 't_customers' }, 'x', 'h_table')).toBe(d);
    expect(start({ tableId: 't_customers' }, 'x', 'm_1')).toBe(d);
  });

  it('caps a long message at the limit and names a nameless author', () => {
    const long = 'é'.repeat(THREAD_LIMITS.text + 50);
    const d = sound(
      startThread(example(), {
        id: 'h_1',
        target: { tableId: 't_orders' },
        message: { id: 'm_1', author: '   ', text: long, createdAt: at },
      }),
    );
    expect(d.threads[0]!.messages[0]!.text).toHaveLength(THREAD_LIMITS.text);
    expect(d.threads[0]!.messages[0]!.author).toBe('Someone');
  });

  it('replies in order, resolves and reopens', () => {
    let d = withThreads();
    d = replyToThread(d, 'h_table', msg('m_3', 'Keep customers.', 'Bob'));
    d = replyToThread(d, 'h_table', msg('m_4', 'Agreed.'));
    expect(d.threads[0]!.messages.map((m) => m.text)).toEqual([
      'Should this be called clients?',
      'Keep customers.',
      'Agreed.',
    ]);
    expect(replyToThread(d, 'h_gone', msg('m_5', 'x'))).toBe(d);
    expect(replyToThread(d, 'h_table', msg('m_3', 'same id'))).toBe(d);
    d = sound(setThreadResolved(d, 'h_table', true));
    expect(d.threads[0]!.resolved).toBe(true);
    expect(setThreadResolved(d, 'h_table', true)).toBe(d);
    expect(setThreadResolved(d, 'h_table', false).threads[0]!.resolved).toBe(false);
  });

  it('deletes a message; the last message takes its thread with it; deletes a thread', () => {
    let d = replyToThread(withThreads(), 'h_table', msg('m_3', 'Keep customers.'));
    d = sound(deleteThreadMessage(d, 'h_table', 'm_1'));
    expect(d.threads[0]!.messages.map((m) => m.id)).toEqual(['m_3']);
    d = sound(deleteThreadMessage(d, 'h_table', 'm_3'));
    expect(d.threads.map((t) => t.id)).toEqual(['h_email']);
    expect(deleteThreadMessage(d, 'h_email', 'm_gone')).toBe(d);
    expect(sound(deleteThread(d, 'h_email')).threads).toEqual([]);
  });

  it('deleting a column drops its threads; deleting the table drops the rest', () => {
    const d = withThreads();
    const noEmail = sound(deleteColumn(d, 't_customers', 'c_customers_email'));
    expect(noEmail.threads.map((t) => t.id)).toEqual(['h_table']);
    expect(sound(deleteTables(d, ['t_customers'])).threads).toEqual([]);
    // A table elsewhere leaves the discussion as it was (same array).
    expect(deleteTables(d, ['t_products']).threads).toBe(d.threads);
  });

  it('editing the DDL keeps threads on what the SQL still has', () => {
    const d = withThreads();
    const readBack = { ...deleteColumn(d, 't_customers', 'c_customers_email'), threads: [] };
    expect(keepThreads(d, readBack).threads.map((t) => t.id)).toEqual(['h_table']);
  });

  it('counts open threads per table and lists open ones first', () => {
    const d = setThreadResolved(withThreads(), 'h_table', true);
    expect([...openThreadCounts(d.threads)]).toEqual([['t_customers', 1]]);
    expect(threadsOfTable(d, 't_customers').map((t) => t.id)).toEqual(['h_email', 'h_table']);
  });
});
