import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { freePort } from '../src/test/freePort';
import { test as base, expect } from './fixtures';
import { StudioPage } from './pages/StudioPage';

/**
 * A relay started for the test on 127.0.0.1 and a free port (so parallel runs never clash), as
 * a team starts it; stopped after. With the steps every room spec takes.
 */
export const test = base.extend<{ relay: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  relay: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'tablewright-relay-'));
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['bin/tablewright.mjs', 'relay', '--port', String(port), '--db', join(dir, 'rooms.sqlite')],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const url = await listening(child);
    await use(url);
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await gone;
    rmSync(dir, { recursive: true, force: true });
  },
});

function listening(child: ChildProcess): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (ws:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the relay exited (${code}): ${output}`)));
  });
}

/** Opens the Invite dialog, sets the name the others will see, and returns the dialog. */
export async function openRoomDialog(page: Page, name: string) {
  await page.getByRole('button', { name: /^(Invite|Room)$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite' });
  const field = dialog.getByRole('textbox', { name: 'Your name' });
  await field.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  return dialog;
}

/** Starts a live room on `relay` from the design on screen; returns its edit link. */
export async function startRoom(page: Page, relay: string, name: string): Promise<string> {
  const dialog = await openRoomDialog(page, name);
  await dialog.getByRole('textbox', { name: 'Relay URL' }).fill(relay);
  await dialog.getByRole('button', { name: 'Use this relay' }).click();
  await dialog.getByRole('button', { name: 'Start a live room' }).click();
  const editLink = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('status', { name: 'Room status: Live' })).toBeVisible();
  return editLink;
}

/** A teammate in a fresh browser profile opening a link. */
export async function teammate(browser: Browser, baseURL: string | undefined, link: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto(link);
  const studio = new StudioPage(page);
  await expect(page.getByRole('status', { name: 'Room status: Live' })).toBeVisible({
    timeout: 60_000,
  });
  return { context, page, studio };
}
