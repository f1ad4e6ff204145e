/**
 * Issue #25 in real Chromium at 390×844 and 1440×900: the dashboard asks for the first 10 entries of
 * each crosswalk list and shows "N of M" from the counts; "show all" asks that one list again (that kind
 * or function and region, `first` = its count) and shows every entry; "show the first 10" goes back;
 * the roles picker lists the first 10 of a region with "N of M roles", and a role's closest roles say
 * how many tie ("3 of 10 equally close"). The real data fits the bound, so this file runs its own federation on synthetic regions
 * (scripts/lib/synthetic.ts: many roles of a kind per region): every region of the registry, the comparison and a
 * gateway serving the built dashboard, on its own ports and schemas. Expected values come from the API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { portVar, REGIONS } from '../../contract/src/registry';
import { writeSyntheticRegion } from '../../scripts/lib/synthetic';
import { dropSchemas, eventually, gqlOk } from '../support/client';
import { testPort } from '../support/ports';
import { Services, testServiceEnv } from '../support/services';
import { SCREENSHOTS, SKIP, axeProblems, browserSession, errors, reportSkip } from './browser';

/** The dashboard's bound: the first 10 of each list (LIST_FIRST in web/dashboard/api.ts). */
const BOUND = 10;
const BODIES = 30;
/** The API's default closestFirst (the dashboard does not set it). */
const CLOSEST_FIRST = 3;
const PREFIX = 'bounded_';
// The regions' ports after the others', one per region of the registry (a new region takes the next).
const PORTS = { gateway: testPort(16400), comparison: testPort(16401), region: (i: number) => testPort(16410 + i) };
const GRAPHQL = `http://127.0.0.1:${PORTS.gateway}/graphql`;
const SIZES = [
  { name: '390', width: 390, height: 844 },
  { name: '1440', width: 1440, height: 900 },
] as const;
const services = new Services();
let dataDir = '';
const schemas = () => [...REGIONS.map((r) => `${PREFIX}${r.code}`), `${PREFIX}comparison`];

beforeAll(async () => {
  if (SKIP) return;
  await dropSchemas(inject('databaseUrl'), schemas());
  dataDir = mkdtempSync(join(tmpdir(), 'samverkan-bounded-'));
  const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
  const own = Object.fromEntries([...REGIONS.map((r, i) => [r.code, url(PORTS.region(i))]), ['comparison', url(PORTS.comparison)]]);
  const env = testServiceEnv(PREFIX, own, { COMPARISON_PORT: String(PORTS.comparison), GATEWAY_PORT: String(PORTS.gateway), RATE_LIMIT_MAX: '0' });
  await Promise.all(
    REGIONS.map((r, i) => {
      const dir = join(dataDir, r.code);
      writeSyntheticRegion(dir, BODIES);
      return services.start(
        `subgraphs/${r.code}`,
        PORTS.region(i),
        { ...env, [portVar(r.code)]: String(PORTS.region(i)), DATA_DIR: dir },
        { timeoutMs: 180_000 },
      );
    }),
  );
  await services.start('subgraphs/comparison', PORTS.comparison, env, { timeoutMs: 180_000 });
  await services.start('gateway', PORTS.gateway, env, { timeoutMs: 180_000 });
  await eventually(async () => {
    expect((await gqlOk<{ landscape: { missingRegions: string[] } }>('{ landscape { missingRegions } }', undefined, GRAPHQL)).landscape.missingRegions).toEqual(
      [],
    );
  }, 120_000);
}, 400_000);

afterAll(async () => {
  try {
    await services.stopAll();
  } finally {
    if (!SKIP) await dropSchemas(inject('databaseUrl'), schemas());
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
});

const session = browserSession((browser) => browser.newPage());
reportSkip();

/** The operations the page sent to /graphql (by hash or by text), with their variables. */
function recordRequests(p: Page): Array<{ variables: Record<string, unknown> }> {
  const sent: Array<{ variables: Record<string, unknown> }> = [];
  p.on('request', (r: Request) => {
    if (r.url().endsWith('/graphql') && r.method() === 'POST')
      sent.push({ variables: (JSON.parse(r.postData() ?? '{}') as { variables?: Record<string, unknown> }).variables ?? {} });
  });
  return sent;
}

async function open(p: Page, size: { width: number; height: number }) {
  await p.setViewportSize({ width: size.width, height: size.height });
  await p.goto(`http://127.0.0.1:${PORTS.gateway}/dashboard/`);
  // the cells with data (an empty table has a "no rows" row before the filters are read)
  await p.locator('table[data-table="crosswalk"] td[data-region]').first().waitFor({ timeout: 60_000 });
  await p.locator('table[data-table="functions"] td[data-region]').first().waitFor({ timeout: 60_000 });
  await p.waitForFunction(() => document.querySelectorAll('section[aria-busy="true"]').length === 0, undefined, { timeout: 60_000 });
}

const titlesIn = (cell: ReturnType<Page['locator']>) => cell.locator('.role-title').evaluateAll((bs) => bs.map((b) => b.textContent ?? ''));

/** A cell's bounded list: its first BOUND entries, "N of M", show all (one request for that list), show the first again. */
async function checkCell(p: Page, cell: ReturnType<Page['locator']>, whole: string[], sent: Array<{ variables: Record<string, unknown> }>, ask: object) {
  expect(whole.length, 'the synthetic list is longer than the bound').toBeGreaterThan(BOUND);
  expect(await titlesIn(cell)).toEqual(whole.slice(0, BOUND));
  const line = cell.locator('[data-bound]');
  expect([await line.getAttribute('data-shown'), await line.getAttribute('data-total')]).toEqual([String(BOUND), String(whole.length)]);
  expect(await line.innerText()).toContain(`${BOUND} av ${whole.length} visas`);
  const button = line.locator('button.show-all');
  expect(await button.innerText()).toBe(`Visa alla ${whole.length}`);
  const box = (await button.boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
  const before = sent.length;
  await button.click();
  await expect.poll(() => titlesIn(cell), { timeout: 30_000 }).toEqual(whole);
  // one request, for that list only, with first = its count
  expect(sent.slice(before).map((s) => s.variables)).toEqual([{ ...ask, first: whole.length }]);
  expect(await cell.locator('button.show-all').innerText()).toBe(`Visa de första ${BOUND}`);
  expect(await cell.locator('[data-bound]').getAttribute('data-shown')).toBe(String(whole.length));
  await cell.locator('button.show-all').click();
  await expect.poll(() => titlesIn(cell)).toEqual(whole.slice(0, BOUND));
}

describe.skipIf(SKIP)('bounded crosswalk lists on the dashboard', () => {
  for (const size of SIZES) {
    it(`${size.width}×${size.height}: the roles crosswalk shows the first ${BOUND} roles per kind and region, "N of M", and all of one on demand`, async () => {
      const region = REGIONS[1]!.code;
      const all = await gqlOk<{
        landscape: { rolesCrosswalk: { rows: Array<{ kind: string; regions: Array<{ roleCount: number; roles: Array<{ title: string }> }> }> } };
      }>(
        `{ landscape { rolesCrosswalk(kinds: [COORDINATOR], regions: ["${region}"], first: 500) { rows { kind regions { roleCount roles { title } } } } } }`,
        undefined,
        GRAPHQL,
      );
      const whole = all.landscape.rolesCrosswalk.rows[0]!.regions[0]!;
      expect(whole.roles.length).toBe(whole.roleCount);
      const p = session().page;
      const sent = recordRequests(p);
      await open(p, size);
      // every cell of the page is bounded
      const cells = await p
        .locator('table[data-table="crosswalk"] td[data-region]')
        .evaluateAll((tds) => tds.map((td) => td.querySelectorAll('.role-title').length));
      expect(cells.length).toBeGreaterThan(0);
      expect(Math.max(...cells)).toBe(BOUND);
      const row = p.locator('table[data-table="crosswalk"] tbody tr', { has: p.locator('th', { hasText: /^Samordnare$/ }) });
      const cell = row.locator(`td[data-region="${region}"]`);
      await checkCell(
        p,
        cell,
        whole.roles.map((r) => r.title ?? ''),
        sent,
        { kinds: ['COORDINATOR'], regions: [region] },
      );
      const w = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(w.scroll, 'page scrollWidth').toBeLessThanOrEqual(w.viewport);
      expect(await axeProblems(p)).toEqual([]);
      await cell.screenshot({ path: join(SCREENSHOTS, `bounded-crosswalk-${size.name}.png`) });
    }, 180_000);

    it(`${size.width}×${size.height}: the functions table shows the first ${BOUND} performers, "N of M", all of one on demand; the picker says how many roles and ties`, async () => {
      type F = {
        landscape: {
          functionalCrosswalk: {
            functions: Array<{
              function: string;
              regions: Array<{
                regionCode: string;
                performerCount: number;
                performers: Array<{ type: string; roleId: string | null; title: string; evidence: Array<{ quote: { quote: string } }> }>;
              }>;
            }>;
            regions: Array<{
              regionCode: string;
              roleCount: number;
              roles: Array<{ roleId: string; functions: string[]; closestCounts: Array<{ regionCode: string; count: number }> }>;
            }>;
          };
        };
      };
      const fx = (
        await gqlOk<F>(
          `{ landscape { functionalCrosswalk(first: 500) { functions { function regions { regionCode performerCount performers { type roleId title evidence { quote { quote } } } } }
          regions { regionCode roleCount roles { roleId functions closestCounts { regionCode count } } } } } }`,
          undefined,
          GRAPHQL,
        )
      ).landscape.functionalCrosswalk;
      // the function with the most performers in the second region
      const region = REGIONS[1]!.code;
      const cellOf = (f: F['landscape']['functionalCrosswalk']['functions'][number]) => f.regions.find((r) => r.regionCode === region)!;
      const fn = fx.functions.reduce((a, b) => (cellOf(b).performerCount > cellOf(a).performerCount ? b : a));
      const whole = cellOf(fn);
      expect(whole.performers.length).toBe(whole.performerCount);
      const p = session().page;
      const sent = recordRequests(p);
      await open(p, size);
      const row = p.locator('table[data-table="functions"] tbody tr').nth(fx.functions.indexOf(fn));
      await checkCell(
        p,
        row.locator(`td[data-region="${region}"]`),
        whole.performers.map((x) => x.title),
        sent,
        { regions: [region], functions: [fn.function] },
      );
      // the picker lists the first roles of each region, saying how many there are
      const regionRoles = fx.regions.find((r) => r.regionCode === region)!;
      const group = p.locator(`[data-testid="role-picker"] optgroup`).nth(fx.regions.indexOf(regionRoles));
      expect(await group.locator('option').count()).toBe(BOUND);
      expect(await group.getAttribute('label')).toContain(`${BOUND} av ${regionRoles.roleCount} roller`);
      // a listed role's function opens the quotes that say it does it; its closest roles say how many tie
      const role = regionRoles.roles[0]!;
      const fnOf = role.functions[0]!;
      const want = cellOf(fx.functions.find((x) => x.function === fnOf)!)
        .performers.filter((x) => x.type === 'ROLE' && x.roleId === role.roleId)
        .flatMap((x) => x.evidence.map((e) => e.quote.quote));
      expect(want.length).toBeGreaterThan(0);
      const picker = p.locator('[data-testid="closest-roles"]');
      await picker.locator('select').selectOption(`${region}:${role.roleId}`);
      await picker.locator('p.small').first().locator('button').first().click();
      const panel = p.locator('[data-testid="quote-panel"]');
      await expect.poll(() => panel.locator('blockquote').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-quote'))), { timeout: 30_000 }).toEqual(want);
      for (const c of role.closestCounts.filter((x) => x.count > CLOSEST_FIRST)) {
        const ties = picker.locator(`[data-region="${c.regionCode}"] [data-bound]`);
        expect([await ties.getAttribute('data-shown'), await ties.getAttribute('data-total')]).toEqual([String(CLOSEST_FIRST), String(c.count)]);
        expect(await ties.innerText()).toBe(`${CLOSEST_FIRST} av ${c.count} lika nära`);
        expect(await picker.locator(`[data-region="${c.regionCode}"] .match`).count()).toBe(CLOSEST_FIRST);
      }
      expect(role.closestCounts.some((x) => x.count > CLOSEST_FIRST)).toBe(true);
      await panel.locator('header button').click();
      const w = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(w.scroll, 'page scrollWidth').toBeLessThanOrEqual(w.viewport);
      await row.screenshot({ path: join(SCREENSHOTS, `bounded-functions-${size.name}.png`) });
      expect(errors).toEqual([]);
    }, 180_000);
  }
});
