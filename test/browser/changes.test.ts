/**
 * The dashboard's "what changed" section in real Chromium: per region, the entries the API's
 * landscape.changes gives for that region, newest first, and choosing another region shows its own.
 */
import { describe, expect, inject, it } from 'vitest';
import { REGIONS } from '../../contract/src/registry';
import { gqlOk } from '../support/client';
import { SKIP, browserSession, reportSkip, errors, originOf } from './browser';

const session = browserSession(async (browser) => {
  const page = await browser.newPage();
  await page.goto(`${originOf(inject('gatewayUrl'))}/dashboard/`);
  await page.locator('button[data-lang="sv"]').click();
  return page;
});
const page = () => session().page;
reportSkip();

interface Changes {
  landscape: { changes: { totalCount: number; nodes: Array<{ id: string; change: string; factName: string | null }> } };
}
const changesOf = (code: string) =>
  gqlOk<Changes>('query ($regions: [ID!]) { landscape { changes(regions: $regions, first: 10) { totalCount nodes { id change factName } } } }', {
    regions: [code],
  });

describe.skipIf(!!SKIP)('the dashboard: what changed, per region', () => {
  it.each(REGIONS.map((r) => r.code))(
    '%s: the entries the API gives for the region, in its order, with the count',
    async (code) => {
      const want = (await changesOf(code)).landscape.changes;
      expect(want.totalCount).toBeGreaterThan(0); // every region has at least its first load
      await page().locator('[data-testid="changes-region"]').selectOption(code);
      const items = page().locator('[data-testid="changes-list"] > li');
      await expect
        .poll(async () => (await items.evaluateAll((li) => li.map((e) => e.getAttribute('data-change')))).join(','), { timeout: 30_000 })
        .toBe(want.nodes.map((n) => n.change).join(','));
      expect(await page().locator('[data-testid="changes-count"]').innerText()).toBe(`${want.totalCount} ${want.totalCount === 1 ? 'ändring' : 'ändringar'}`);
      const named = want.nodes.filter((n) => n.factName);
      if (named.length) expect(await items.nth(want.nodes.indexOf(named[0]!)).innerText()).toContain(named[0]!.factName);
    },
    60_000,
  );

  it('threw no page errors', () => {
    expect(errors).toEqual([]);
  });
});
