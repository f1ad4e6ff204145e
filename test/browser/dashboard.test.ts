/**
 * The comparison dashboard in a real browser (headless Chromium) against the real federation: the
 * chart and the tables show the documents' facts, a filter changes the table, the English switch
 * relabels, the CSV downloads hold the table's rows, a matrix cell shows its source quote, and with
 * a region's subgraph down (own gateway on port 15600, Kalmar pointing at a dead port) the banner
 * names the missing region while the others still show. Screenshots go to test-artifacts/.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { spawnService, stopChild } from '../../scripts/lib/federation';
import { TEST_SCHEMA_PREFIX, testPort } from '../support/ports';
import { SCREENSHOTS, SKIP, browserSession, reportSkip, downloadCsv, errors, originOf } from './browser';

const session = browserSession(async (browser) => {
  const page = await browser.newPage();
  await page.goto(`${originOf(inject('gatewayUrl'))}/dashboard/`);
  await loaded(page);
  return page;
});
const page = () => session().page;
reportSkip();

/** Waits until no section is loading and the four tables have rows. */
async function loaded(p: Page) {
  await p.locator('table[data-table="matrix"] tbody tr').first().waitFor();
  await p.locator('table[data-table="frequency"] tbody tr').first().waitFor();
  await p.locator('table[data-table="crosswalk"] tbody tr').first().waitFor();
  await p.waitForFunction(() => document.querySelectorAll('section[aria-busy="true"]').length === 0, undefined, { timeout: 20_000 });
}
const text = (selector: string) => page().locator(selector).innerText();
const freqBodies = async () => (await page().locator('table[data-table="frequency"] tbody tr td:nth-child(3)').allInnerTexts());

describe.skipIf(!!SKIP)('the dashboard (/dashboard)', () => {
  it('shows the meeting frequencies from the documents as a chart and a table', async () => {
    const chart = page().locator('[data-testid="frequency-chart"]');
    expect(Number(await chart.getAttribute('data-bars'))).toBeGreaterThanOrEqual(5);
    const label = (await chart.getAttribute('aria-label')) ?? '';
    expect(label).toContain('Chefsgrupp för folkhälsa (Örebro län): minst sex gånger per år');
    expect(label).toContain('cirka 2–3 gånger per halvår');
    const table = await text('table[data-table="frequency"]');
    expect(table).toContain('Chefsgrupp för folkhälsa');
    expect(table).toContain('“minst sex gånger per år”');
    expect(table).toContain('Gemensam presidiekonferens');
    expect(table).toMatch(/Samordningsgruppen SAMLA\s+Strategisk\s+Samordningsgrupp\s+4\s+6\s+≈ “cirka 2–3 gånger per halvår”/);
    expect(await text('body')).not.toContain('Uppgifter saknas');
    await page().screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });
  }, 30_000);

  it('shows the roles crosswalk: kinds × regions with each region\'s title and duties', async () => {
    const crosswalk = page().locator('table[data-table="crosswalk"]');
    const head = await crosswalk.locator('thead').innerText();
    for (const region of ['Örebro län', 'Kalmar län', 'Höglandet', 'SAMLA (Lerum–Alingsås)']) expect(head).toContain(region);
    const coordinator = await crosswalk.locator('tbody tr', { hasText: 'Samordnare' }).first().innerText();
    expect(coordinator).toContain('Samverkansledare');
    expect(coordinator).toContain('Samverkanskoordinator');
    expect(coordinator).toContain('Delregional samordnare');
    expect(coordinator).toContain('Kallelse:'); // duties grouped by category, in Swedish
    expect(await crosswalk.innerText()).toContain('Processledare SAMLA');
  });

  it('draws each region\'s reporting chain up to the political level', async () => {
    for (const region of ['orebro', 'kalmar', 'hoglandet', 'samla']) {
      const diagram = page().locator(`[data-testid="chain-${region}"]`);
      expect(Number(await diagram.getAttribute('data-nodes')), region).toBeGreaterThanOrEqual(4);
      expect(await diagram.locator('canvas').count(), region).toBeGreaterThan(0);
    }
    expect(await page().locator('[data-testid="chain-orebro"]').getAttribute('aria-label')).toContain('Lokala samverkansgrupperingar på kommunnivå');
    expect(await page().locator('#chains').innerText()).toContain('7 kedjor av 7 når politisk nivå');
    await page().locator('#chains').screenshot({ path: join(SCREENSHOTS, 'dashboard-chains.png') });
  });

  it('shows the comparison matrix with the source quote on hover and on click', async () => {
    const row = page().locator('table[data-table="matrix"] tbody tr', { hasText: 'Ersättare i toppgruppen' });
    const samla = row.locator('td').nth(3);
    expect(await samla.innerText()).toContain('ej tillåtna'); // SAMLA: substitutes FORBIDDEN, a stated rule
    expect(await samla.getAttribute('title')).toContain('kan representanterna inte utse ersättare vid frånvaro');
    expect(await row.locator('td').nth(0).innerText()).toContain('Ej angivet'); // Örebro: silent, not "no"
    await samla.locator('button').click();
    const panel = page().locator('[data-testid="quote-panel"]');
    await expect.poll(() => panel.innerText()).toContain('kan representanterna inte utse ersättare vid frånvaro');
    expect(await panel.innerText()).toContain('004_');
    await page().keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
  });

  it('filters by region and by level, and the table changes', async () => {
    expect(await freqBodies()).toContain('Chefsgrupp för folkhälsa');
    await page().locator('fieldset[data-filter="region"] input[value="orebro"]').uncheck();
    await expect.poll(freqBodies, { timeout: 15_000 }).not.toContain('Chefsgrupp för folkhälsa');
    expect(await freqBodies()).toEqual(['Samordningsgruppen SAMLA', 'Gemensam presidiekonferens']);
    await expect.poll(() => page().locator('table[data-table="matrix"] thead').innerText()).not.toContain('Örebro län');
    expect(await page().locator('[data-testid="chain-orebro"]').count()).toBe(0);

    for (const level of ['STRATEGIC', 'TACTICAL', 'OPERATIONAL']) await page().locator(`fieldset[data-filter="level"] input[value="${level}"]`).uncheck();
    await expect.poll(freqBodies, { timeout: 15_000 }).toEqual(['Gemensam presidiekonferens']);

    await page().locator('button.reset').click();
    await expect.poll(freqBodies, { timeout: 15_000 }).toContain('Chefsgrupp för folkhälsa');
    await loaded(page());
  }, 45_000);

  it('switches to English', async () => {
    await page().locator('button[data-lang="en"]').click();
    await expect.poll(() => text('h1')).toBe('Collaboration in four regions: comparison');
    expect(await text('#frequency h2')).toBe('Meeting frequency per body and region');
    const matrix = await text('table[data-table="matrix"]');
    expect(matrix).toContain('Substitutes in the top body');
    expect(matrix).toContain('not allowed');
    expect(await text('table[data-table="frequency"] thead')).toContain('Min/year');
    expect(await text('table[data-table="frequency"]')).toContain('“minst sex gånger per år”'); // the documents' own words stay
    await page().screenshot({ path: join(SCREENSHOTS, 'dashboard-en.png') });
  });

  it('downloads every table as CSV with its rows', async () => {
    const freq = await downloadCsv(page(), '#frequency button.csv', ',');
    expect(freq.name).toBe('motesfrekvens-en.csv');
    expect(freq.rows[0]).toEqual(['Rank', 'Region', 'Body', 'Level', 'Kind', 'Min/year', 'Max/year', 'Approximate', "The document's wording", 'Source quote']);
    const tableRows = await page().locator('table[data-table="frequency"] tbody tr').count();
    expect(freq.rows.length - 1).toBe(tableRows);
    expect(freq.rows).toContainEqual(expect.arrayContaining(['Örebro län', 'Chefsgrupp för folkhälsa', 'Strategic', 'Management group', '6', '', 'no', 'minst sex gånger per år']));
    expect(freq.rows).toContainEqual(expect.arrayContaining(['SAMLA (Lerum–Alingsås)', 'Samordningsgruppen SAMLA', '4', '6', 'yes', 'cirka 2–3 gånger per halvår']));

    const matrix = await downloadCsv(page(), '#matrix button.csv', ',');
    expect(matrix.rows[0]).toEqual(['Aspect', 'Region', 'Status', 'Value', 'Note', 'Source quote']);
    const substitutes = matrix.rows.find((r) => r[0] === 'Substitutes in the top body' && r[1] === 'SAMLA (Lerum–Alingsås)')!;
    expect(substitutes.slice(2, 4)).toEqual(['stated', 'not allowed']);
    expect(substitutes[5]).toContain('kan representanterna inte utse ersättare vid frånvaro');
    expect(matrix.rows.length - 1).toBe(10 * 4); // ten aspects × four regions

    const roles = await downloadCsv(page(), '#crosswalk button.csv', ',');
    expect(roles.rows[0]).toEqual(['Role kind', 'Region', 'Title', 'Origin', 'Category', 'Duties', 'Source quote']);
    expect(roles.rows.some((r) => r[0] === 'Coordinator' && r[1] === 'Örebro län' && r[2] === 'Samverkansledare')).toBe(true);

    const chains = await downloadCsv(page(), '#chains button.csv', ',');
    expect(chains.rows[0]).toEqual(['Region', 'From', 'To', 'Origin', 'Relation', 'Source quote']);
    expect(chains.rows).toContainEqual(expect.arrayContaining(['Kalmar län', 'Länsgemensam ledning', 'Gemensam presidiekonferens', 'parent link', 'reports to']));
  }, 45_000);

  it('loaded nothing from outside the gateway and threw no page errors', () => {
    expect(session().browser.external).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!!SKIP)('the dashboard with a region down', () => {
  const GATEWAY_PORT = testPort(15600);
  const DEAD_KALMAR = testPort(15602); // nothing listens here
  let gateway: ChildProcess | undefined;

  afterAll(async () => {
    if (gateway) await stopChild(gateway);
  });

  it('shows a clear banner naming the missing region, and the other regions still', async () => {
    const urls = inject('subgraphUrls');
    gateway = await spawnService('gateway', GATEWAY_PORT, {
      ...process.env,
      LOG_LEVEL: 'silent',
      RESPONSE_CACHE: 'false',
      DATABASE_URL: inject('databaseUrl'),
      DB_SCHEMA_PREFIX: TEST_SCHEMA_PREFIX,
      GATEWAY_PORT: String(GATEWAY_PORT),
      OREBRO_URL: urls.orebro!, HOGLANDET_URL: urls.hoglandet!, SAMLA_URL: urls.samla!, COMPARISON_URL: urls.comparison!,
      KALMAR_URL: `http://127.0.0.1:${DEAD_KALMAR}/graphql`,
    });
    const p = await session().browser.newPage();
    try {
      await p.goto(`http://127.0.0.1:${GATEWAY_PORT}/dashboard/`);
      await p.locator('button[data-lang="sv"]').click();
      const banner = p.locator('[data-testid="missing-banner"]');
      await banner.waitFor();
      expect(await banner.getAttribute('data-missing')).toBe('kalmar');
      expect(await banner.getAttribute('role')).toBe('alert');
      expect(await banner.innerText()).toContain('Uppgifter saknas för Kalmar');
      await p.locator('table[data-table="matrix"] tbody tr').first().waitFor();
      await expect.poll(() => p.locator('section[aria-busy="true"]').count(), { timeout: 20_000 }).toBe(0);
      const freq = await p.locator('table[data-table="frequency"]').innerText();
      expect(freq).toContain('Samordningsgruppen SAMLA');
      expect(freq).toContain('Chefsgrupp för folkhälsa');
      expect(freq).not.toContain('Gemensam presidiekonferens');
      expect(await p.locator('table[data-table="matrix"] thead').innerText()).not.toContain('Kalmar');
      expect(await p.locator('[data-testid="chain-kalmar"]').count()).toBe(0);
      expect(await p.locator('[data-testid="error-banner"]').count()).toBe(0); // the missing region explains the errors
      await p.screenshot({ path: join(SCREENSHOTS, 'dashboard-missing-region.png') });
    } finally {
      await p.close();
    }
  }, 90_000);
});
