import { expect, type Locator, type Page } from '@playwright/test';

/** The studio as a person sees it: by role and accessible name. */
export class StudioPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/');
    await expect(this.canvas).toBeVisible();
  }

  get canvas(): Locator {
    return this.page.getByRole('application').or(this.page.locator('.react-flow')).first();
  }

  get status(): Locator {
    return this.page.getByRole('status', { name: /Postgres status/ });
  }

  get saveStatus(): Locator {
    return this.page.getByRole('status', { name: /Save status/ });
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  table(name: string): Locator {
    return this.page.getByRole('group', { name: `Table ${name}`, exact: true });
  }

  async expectAccepted() {
    await expect(this.status).toHaveAccessibleName(
      'Postgres status: Postgres accepts this schema',
      { timeout: 60_000 },
    );
  }

  /** The DDL as the Download button gives it. */
  async downloadDdl(): Promise<string> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.button('Download DDL').click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  async newDesign() {
    await this.button('New design').click();
    await expect(this.page.locator('.tw-table')).toHaveCount(0);
  }

  async addTable(): Promise<void> {
    await this.button('Add table').click();
  }

  /**
   * Renames via the inline editor on the table header, as a person does: a new table's name is
   * already being edited (Add table puts the keyboard there); any other is double-clicked first.
   * The name is typed key by key, then Enter.
   */
  async renameTable(from: string, to: string) {
    const input = this.page.getByRole('textbox', { name: `Table name ${from}`, exact: true });
    if (!(await input.isVisible()))
      await this.page.getByRole('button', { name: `Table name ${from}`, exact: true }).dblclick();
    await expect(input).toBeFocused();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(to);
    await this.page.keyboard.press('Enter');
    await expect(this.table(to)).toBeVisible();
  }

  /** Adds a table with the toolbar button and types its name, as the studio invites. */
  async addNamedTable(name: string) {
    await this.addTable();
    const input = this.page.getByRole('textbox', { name: /^Table name new_table/ });
    await expect(input).toBeFocused();
    await this.page.keyboard.type(name);
    await this.page.keyboard.press('Enter');
    await expect(this.table(name)).toBeVisible();
  }

  /** Opens the Import dialog, chooses `file` and imports it; returns the report once it shows. */
  async importFile(
    file: Parameters<Locator['setInputFiles']>[0],
    timeout: number,
  ): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('File').setInputFiles(file);
    await dialog.getByRole('button', { name: 'Import SQL' }).click();
    const report = dialog.getByRole('region', { name: 'Import report' });
    await expect(report).toBeVisible({ timeout });
    return report;
  }

  inspector(): Locator {
    return this.page.getByRole('region', { name: /^Inspector/ });
  }

  /**
   * Drags from one column's connection handle to another's, as a person draws a foreign key:
   * from the side of the source row that faces the target.
   */
  async connect(from: string, to: string) {
    const target = this.page.getByLabel(`Connect ${to}`, { exact: true });
    const b = await target.boundingBox();
    const sides = [
      this.page.getByLabel(`Connect ${from}`, { exact: true }),
      this.page.getByLabel(`Connect ${from} (right)`, { exact: true }),
    ];
    const boxes = await Promise.all(sides.map((h) => h.boundingBox()));
    if (!b || !boxes[0] || !boxes[1]) throw new Error('connection handles not on screen');
    const a = Math.abs(boxes[0].x - b.x) <= Math.abs(boxes[1].x - b.x) ? boxes[0] : boxes[1];
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await this.page.mouse.up();
  }
}
