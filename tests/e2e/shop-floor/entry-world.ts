import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { mutators } from '../../../sync/mutators.ts';
import type { Person } from '../../helpers/people.ts';
import { expectStatus, rest } from '../../helpers/rest.ts';
import type { openZero } from '../../helpers/zero-client.ts';

/** What the entry pages' tests enter against: two lines, a night shift, two open work orders. */
export interface EntryWorld {
  line1: string;
  line2: string;
  night: string;
  wo1001: string;
  wo1002: string;
}

/** Made by `manager` through REST (lines, work orders) and a Zero client (the shift, which has no REST route). */
export async function buildEntryWorld(manager: Person, orgID: string, open: typeof openZero): Promise<EntryWorld> {
  const as = { person: manager, org: orgID };
  const line = async (name: string) => expectStatus(await rest(as, 'POST', '/api/lines', { name }), 201).id as string;
  const order = async (number: string) =>
    expectStatus(await rest(as, 'POST', '/api/work-orders', { number, plannedQuantity: 5000 }), 201).id as string;
  const night = crypto.randomUUID();
  const zero = open(manager, orgID);
  const made = await zero.mutate(mutators.shift.create({ id: night, name: 'Night', start: '22:00', end: '06:00', breaks: [] }))
    .server;
  expect(made.type, JSON.stringify(made)).toBe('success');
  return {
    line1: await line('Line 1'),
    line2: await line('Line 2'),
    night,
    wo1001: await order('WO-1001'),
    wo1002: await order('WO-1002'),
  };
}

/** Puts `text` on the page's clipboard event, as a spreadsheet's copy would, and pastes it into `label`'s cell. */
export async function pasteInto(page: Page, label: string, text: string) {
  const cell = page.getByLabel(label, { exact: true });
  await cell.focus();
  await cell.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** The label of the focused element (the grid's cells are named by aria-label). */
export const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

/** Spreadsheet rows: cells by tab, rows by line (Windows line ends, as Excel copies). */
export const sheet = (...rows: (string | number)[][]) => `${rows.map((r) => r.join('\t')).join('\r\n')}\r\n`;
