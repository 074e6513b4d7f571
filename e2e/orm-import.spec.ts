import { test, expect } from './fixtures';

const SCHEMA = `datasource db {
  provider = "postgresql"
}

enum Role {
  ADMIN
  MEMBER
}

model User {
  id     Int     @id @default(autoincrement())
  email  String  @unique
  role   Role    @default(MEMBER)
  token  String  @default(uuid()) @db.Uuid
  posts  Post[]
  groups Group[]

  @@map("users")
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  author   User   @relation(fields: [authorId], references: [id])
  authorId Int
}

model Group {
  id    Int    @id
  users User[]
}
`;

test('a Prisma schema file imports as the tables Prisma Migrate would create', async ({
  studio,
  page,
}) => {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('File').setInputFiles({
    name: 'schema.prisma',
    mimeType: 'text/plain',
    buffer: Buffer.from(SCHEMA),
  });
  await dialog.getByRole('button', { name: 'Import Prisma schema' }).click();
  const report = dialog.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('status')).toContainText(
    'Imported 4 tables into the new design “schema”',
    { timeout: 120_000 },
  );
  await expect(report).toContainText('users.token: @default(uuid(4)) is made by Prisma Client');
  await report.getByRole('button', { name: 'Done' }).click();
  for (const name of ['users', 'Post', 'Group', '_GroupToUser'])
    await expect(studio.table(name)).toBeVisible();
  await studio.expectAccepted();
});

test("a broken Prisma schema, pasted, shows Prisma's own message with its line", async ({
  studio,
  page,
}) => {
  await expect(studio.canvas).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('textbox', { name: /or paste/ }).click();
  // A paste arrives as one insertion, as Playwright's insertText sends it.
  await page.keyboard.insertText(SCHEMA.replace('title    String', 'title    Strin'));
  await dialog.getByRole('button', { name: 'Import Prisma schema' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText("Prisma's schema engine refused the schema (line 23)", {
    timeout: 60_000,
  });
  await expect(alert).toContainText('Type "Strin" is neither a built-in type');
  // Nothing was opened: the dialog is still there with the text, ready to be fixed.
  await expect(dialog.getByRole('textbox', { name: /or paste/ })).toHaveValue(/Strin/);
});

test('a Drizzle schema module points to the command line', async ({ studio, page }) => {
  await expect(studio.canvas).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('File').setInputFiles({
    name: 'schema.ts',
    mimeType: 'text/plain',
    buffer: Buffer.from(
      "import { pgTable, serial } from 'drizzle-orm/pg-core';\nexport const users = pgTable('users', { id: serial('id').primaryKey() });\n",
    ),
  });
  const note = dialog.getByRole('note', { name: 'Drizzle schemas' });
  await expect(note).toContainText('cannot run safely in the browser');
  await expect(note).toContainText('npx tablewright import src/db/schema.ts');
  await expect(dialog.getByRole('button', { name: 'Import Drizzle schema' })).toBeDisabled();
});
