/**
 * The review page in real Chromium, a review from the first edit to the saved, served file, against a
 * scratch copy of one region's data and document (review-session.ts): the team accepts one proposal,
 * fixes the cadence (the normalized value shown as it types, a wrong phrase refused at save), moves a
 * fact to another type and body, makes the two missing assignments from the text (with the mouse, and
 * with the keyboard only), saves; then check-data passes on the folder, the file is exactly the
 * expected data in the repository's format, and a region subgraph started from that folder serves the
 * facts. What the page shows of the draft, and its API's answers to bad requests: review.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { portVar } from '../../contract/src/registry';
import { SKIP } from '../../test/browser/browser';
import { dropSchemas, gqlOk } from '../../test/support/client';
import { testPort } from '../../test/support/ports';
import { Services } from '../../test/support/services';
import { formatDataFile } from '../src/review/format';
import {
  body,
  byKeyboard,
  byMouse,
  cadence,
  heading,
  misplaced,
  name,
  original,
  other,
  REGION,
  repoData,
  reviewSession,
  ROOT,
  type Json,
} from './review-session';

const PORT = testPort(16413);
const REGION_PORT = testPort(16411);
const PREFIX = 'review_';

const session = reviewSession(PORT);
const { dataDir, target, restarts } = session;
const services = new Services();
let page: Page;
beforeAll(() => {
  if (session.page) page = session.page;
});

afterAll(async () => {
  await services.stopAll();
  try {
    await dropSchemas(databaseUrl(), [`${PREFIX}${REGION.code}`]);
  } catch {
    /* no database: nothing was made */
  }
});

/** The test federation's database under the root config; DATABASE_URL under authoring's own. */
function databaseUrl(): string {
  let url: string | undefined;
  try {
    url = inject('databaseUrl');
  } catch {
    url = undefined;
  }
  url ??= process.env.DATABASE_URL;
  if (!url) throw new Error('no database: set DATABASE_URL (authoring/vitest.config.mts) or run under the root config');
  return url;
}

const card = (label: string, text?: string) =>
  page
    .locator('#facts li.fact', { has: page.locator('h4', { hasText: label }) })
    .filter(text ? { hasText: text } : {})
    .first();

describe.skipIf(SKIP)('the review page', () => {
  it('accepts a proposal', async () => {
    const assignment = card('Assignment', original.bodies[body].assignments[0].text);
    await assignment.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => page.locator('#counts').textContent()).toMatch(/ · 3 proposals to review · /);
    expect(await card('Assignment', original.bodies[body].assignments[0].text).getByRole('button', { name: 'Accept' }).count()).toBe(0);
  });

  it('edits a cadence: the normalized value shows as you type; a phrase not in the quote is a problem inline and is not saved', async () => {
    await card('Meeting cadence').getByRole('button', { name: 'Edit' }).click();
    const form = page.locator('form.editor');
    const text = form.getByLabel('text', { exact: true });
    await text.fill('minst sex gånger per år');
    expect(await form.locator('output').textContent()).toBe('Normalized: at least 6 a year (minPerYear 6, maxPerYear null)');
    await expect.poll(() => form.locator('.problems').textContent()).toContain('not part of its quote');
    await form.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('button', { name: 'Save data file' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Not saved: not saved: 1 problem');
    expect(readFileSync(target, 'utf8')).toBe(readFileSync(join(repoData, name), 'utf8'));
    expect(restarts).toEqual([]);
    expect(await card('Meeting cadence').locator('.problems').textContent()).toContain('not part of its quote');

    await card('Meeting cadence').getByRole('button', { name: 'Edit' }).click();
    await page.locator('form.editor').getByLabel('text', { exact: true }).fill(cadence.text);
    const { minPerYear: min, maxPerYear: max } = cadence;
    const range = min === max ? `${min} a year` : max === null ? `at least ${min} a year` : `${min} to ${max} a year`;
    expect(await page.locator('form.editor output').textContent()).toBe(
      `Normalized: ${range}${cadence.approximate ? ', approximate' : ''}${cadence.whenNeeded ? ', more when needed (not counted)' : ''} (minPerYear ${min}, maxPerYear ${max})`,
    );
    await expect.poll(() => page.locator('form.editor').textContent()).toContain('No problems: the checks pass for this fact.');
    await page.locator('form.editor').screenshot({ path: '/tmp/review-cadence-editor.png' });
    await page.locator('form.editor').getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('#counts').textContent()).toMatch(/ · 2 proposals to review · 0 problems · /);
  });

  it("changes a fact's type and links it to another body", async () => {
    const group = page.locator('#facts section.group', { has: page.locator('.group-head h3', { hasText: original.bodies[other].name }) });
    await group
      .locator('li.fact', { has: page.locator('h4', { hasText: 'Purpose' }) })
      .filter({ hasText: misplaced.text })
      .getByRole('button', { name: 'Edit' })
      .click();
    const form = page.locator('form.editor');
    await form.getByLabel('type', { exact: true }).selectOption({ label: 'Assignment' });
    await form.getByLabel('body', { exact: true }).selectOption({ label: original.bodies[body].name });
    await expect.poll(() => form.textContent()).toContain('No problems: the checks pass for this fact.');
    await form.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('#counts').textContent()).toMatch(/ · 1 proposal to review · 0 problems · /);
    const home = page.locator('#facts section.group', { has: page.locator('.group-head h3', { hasText: original.bodies[body].name }) });
    expect(
      await home
        .locator('li.fact', { has: page.locator('h4', { hasText: 'Assignment' }) })
        .filter({ hasText: misplaced.text })
        .count(),
    ).toBe(1);
    expect(await group.locator('li.fact').filter({ hasText: misplaced.text }).count()).toBe(0);
  });

  it('makes a fact from a passage selected with the mouse: its quote and the heading above it filled in', async () => {
    await page.evaluate((quote) => {
      const text = [...document.querySelectorAll<HTMLElement>('#doc [data-o]')];
      const el = text.find((e) => e.textContent!.includes(quote))!;
      const at = el.textContent!.indexOf(quote);
      const range = document.createRange();
      range.setStart(el.firstChild!, at);
      range.setEnd(el.firstChild!, at + quote.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    }, byMouse.source.quote);
    await page.getByRole('button', { name: 'New fact from selection' }).click();
    const form = page.locator('form.create');
    expect(await form.getByLabel('quote (from the document, exactly)').inputValue()).toBe(byMouse.source.quote);
    expect(await form.getByLabel('section (the heading above it)').inputValue()).toBe(heading(byMouse));
    await form.getByLabel('type').selectOption({ label: 'Assignment' });
    await form.getByLabel('body', { exact: true }).selectOption({ index: body });
    await form.getByRole('button', { name: 'Create fact' }).click();
    await card('Assignment', byMouse.source.quote).waitFor();
    expect(await page.locator('#doc mark', { hasText: byMouse.source.quote }).count()).toBe(1);
    // A click on a highlighted passage goes to its fact.
    await page.locator('#doc mark', { hasText: byMouse.source.quote }).click();
    expect(await card('Assignment', byMouse.source.quote).evaluate((el) => el === document.activeElement && el.classList.contains('current'))).toBe(true);
  });

  it('by keyboard only: a fact from a sentence, from the fact to its sentence and back, and save', async () => {
    await page.locator('#new-fact').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('unit'))).toBe(true);
    const steps = await page.evaluate((quote) => {
      const units = [...document.querySelectorAll<HTMLElement>('#doc .unit')];
      return units.findIndex((u) => u.textContent!.includes(quote)) - units.indexOf(document.activeElement as HTMLElement);
    }, byKeyboard.source.quote);
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('n');
    const form = page.locator('form.create');
    expect(await form.getByLabel('quote (from the document, exactly)').inputValue()).toBe(byKeyboard.source.quote);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await form.getByLabel('type').getAttribute('id'));
    await page.keyboard.press('ArrowDown'); // Purpose -> Assignment
    expect(await form.getByLabel('type').inputValue()).toBe('assignments');
    await page.keyboard.press('Tab');
    for (let i = 0; i < body; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const created = card('Assignment', byKeyboard.source.quote);
    await created.waitFor();
    expect(await created.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press('Tab'); // Show in document
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).closest('.unit')?.textContent)).toContain(byKeyboard.source.quote);
    expect(await page.locator('#doc mark.current').textContent()).toBe(byKeyboard.source.quote);
    await page.keyboard.press('Enter'); // back to the fact
    expect(await created.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // to the document again, then up to Save
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('save');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#status').textContent(), { timeout: 20_000 })
      .toBe(`Saved ${target}. 1 proposal not yet accepted left out. Federation: ${REGION.code} restarted.`);
    expect(restarts).toEqual([`stop ${REGION.code}`, `start ${REGION.code}`]);
  });

  it('saved exactly the reviewed data, in the repository format: check-data passes on the folder', () => {
    const expected = structuredClone(original);
    const b = expected.bodies[body];
    b.purposes.splice(0, 1);
    b.assignments.splice(-2, 2, ...[byMouse, byKeyboard].map((a) => ({ text: a.source.quote, source: { section: heading(a), quote: a.source.quote } })));
    const saved = readFileSync(target, 'utf8');
    expect(JSON.parse(saved)).toEqual(expected);
    expect(saved).toBe(formatDataFile(JSON.parse(saved)));
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'dist', 'check-data.js'), dataDir], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('ok    ');
  });

  it('a region subgraph started from the saved folder serves the facts', async () => {
    const url = databaseUrl();
    await dropSchemas(url, [`${PREFIX}${REGION.code}`]);
    await services.start(
      `subgraphs/${REGION.code}`,
      REGION_PORT,
      { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: url, DB_SCHEMA_PREFIX: PREFIX, DATA_DIR: dataDir, [portVar(REGION.code)]: String(REGION_PORT) },
      { timeoutMs: 120_000 },
    );
    const r = await gqlOk<{
      r: { bodies: Array<{ id: string; cadence: Json; purposes: Json[]; assignments: Array<{ text: string; source: { quote: string; section: string } }> }> };
    }>(
      `{ r: ${REGION.code} { bodies { id cadence { text minPerYear maxPerYear approximate whenNeeded } purposes { text } assignments { text source { quote section } } } } }`,
      undefined,
      `http://127.0.0.1:${REGION_PORT}/graphql`,
    );
    const served = r.r.bodies.find((b) => b.id === `${REGION.code}:${original.bodies[body].id}`);
    expect(served, r.r.bodies.map((b) => b.id).join(', ')).toBeDefined();
    expect(served!.cadence).toEqual({
      text: cadence.text,
      minPerYear: cadence.minPerYear,
      maxPerYear: cadence.maxPerYear,
      approximate: cadence.approximate,
      whenNeeded: cadence.whenNeeded,
    });
    expect(served!.assignments.slice(-2)).toEqual(
      [byMouse, byKeyboard].map((a) => ({ text: a.source.quote, source: { quote: a.source.quote, section: heading(a) } })),
    );
    expect(served!.purposes).toHaveLength(original.bodies[body].purposes.length - 1);
  }, 150_000);
});
