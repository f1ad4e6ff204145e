/**
 * The review page in real Chromium, against a scratch copy of one region's data and document (the
 * repository's files are never written; review-session.ts): what the page shows of a draft made from
 * the region's reviewed file (the document with every quote highlighted, the facts by body, the
 * proposals marked) at 1280 and 390 px with axe finding nothing, and its API answering bad requests
 * with a clear 4xx and writing nothing. A review from the first edit to the saved, served file:
 * review-edits.test.ts.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SKIP } from '../../test/browser/browser';
import { testPort } from '../../test/support/ports';
import { byMouse, name, original, REGION, repoData, reviewSession, type Json } from './review-session';

const PORT = testPort(16410);
const AXE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

const session = reviewSession(PORT);
const { target } = session;
let page: Page;
beforeAll(() => {
  if (session.page) page = session.page;
});

async function axeViolations(p: Page): Promise<string[]> {
  await p.addScriptTag({ content: AXE });
  return p.evaluate(async () => {
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map(
      (v: any) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n: any) => JSON.stringify(n.target))
          .join(' ')}`,
    );
  });
}

describe.skipIf(SKIP)('the review page', () => {
  it('shows the document with every quote highlighted and the facts by body, four proposals marked; axe finds nothing (1280 px)', async () => {
    expect(await page.locator('h1').textContent()).toBe(`Review: ${REGION.name}, ${original.file}`);
    await expect.poll(() => page.locator('#counts').textContent()).toMatch(/ · 4 proposals to review · 0 problems · /);
    const groups = await page.locator('#facts .group-head h3').allTextContents();
    expect(groups.slice(0, original.bodies.length + 1)).toEqual(['The document', ...original.bodies.map((b: Json) => b.name)]);
    expect(groups.slice(original.bodies.length + 1)).toEqual(['Facts of no body']);
    expect(await page.locator('#facts li.fact.proposal').count()).toBe(4);
    expect(await page.locator('#doc mark', { hasText: byMouse.source.quote }).count()).toBe(0);
    const highlighted = await page.locator('#doc mark').evaluateAll((marks) => new Set(marks.flatMap((m) => (m as HTMLElement).dataset.keys!.split('|'))).size);
    expect(highlighted).toBe(await page.locator('#facts li.fact').count());
    await page.screenshot({ path: '/tmp/review-1280.png' });
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  });

  it('answers bad requests with a clear 4xx and writes nothing', async () => {
    const api = (path: string, init?: RequestInit) =>
      fetch(`http://127.0.0.1:${PORT}${path}`, init).then(async (r) => [r.status, ((await r.json()) as { error: string }).error]);
    const post = (body: string, type = 'application/json') => ({ method: 'POST', headers: { 'content-type': type }, body });
    const other = JSON.stringify({ data: { ...original, file: 'other.txt' } });
    expect(await api('/api/save', post('{}', 'text/plain'))).toEqual([415, 'send the data as application/json']);
    expect(await api('/api/save', post('{"data":'))).toEqual([400, expect.stringMatching(/^the request is not JSON: /)]);
    expect(await api('/api/save', post('{"data":[]}'))).toEqual([400, 'the request needs {"data": <the data file>}']);
    expect(await api('/api/save', post(other))).toEqual([400, `this page reviews ${original.file}; the data is about "other.txt"`]);
    expect(await api('/api/save', post(' '.repeat(9 * 1024 * 1024)))).toEqual([413, 'the request is over 8 MB']);
    expect(await api('/api/session', post('{}'))).toEqual([405, 'GET only']);
    expect(await api('/api/nothing', post(JSON.stringify({ data: original })))).toEqual([404, 'no such API: /api/nothing']);
    expect(await api('/..%2f..%2f..%2fpackage.json')).toEqual([404, 'not found: /..%2f..%2f..%2fpackage.json']);
    expect(readFileSync(target, 'utf8')).toBe(readFileSync(join(repoData, name), 'utf8'));
  });

  it('reads at 390 px, stacked, with nothing wider than the screen; axe finds nothing', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const panes = await page.locator('.pane').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ left: r.left, top: r.top })));
    expect(panes[0]!.left).toBe(panes[1]!.left);
    expect(panes[1]!.top).toBeGreaterThan(panes[0]!.top);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: '/tmp/review-390.png' });
    await page.locator('#facts-heading').evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: '/tmp/review-390-facts.png' });
    expect(await axeViolations(page)).toEqual([]);
  });
});
