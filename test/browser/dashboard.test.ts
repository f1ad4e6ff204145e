/**
 * The comparison dashboard in a real browser (headless Chromium) against the real federation, what it
 * shows: the chart and the tables show the documents' facts, a matrix cell shows its source quote, the
 * data's age is stated, and with a region the comparison has never reached (own comparison and gateway,
 * Kalmar pointing at a dead port) the banner names the missing region while the others still show. What
 * a reader does with it (filters, the English switch, CSV downloads, search): dashboard-controls.test.ts.
 * Screenshots go to test-artifacts/.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { spawnService, stopChild } from '../../scripts/lib/federation';
import { REGIONS, SUBGRAPHS, urlVar } from '../../contract/src/registry';
import { dropSchemas, gqlOk } from '../support/client';
import { regionsWithBodies } from '../support/data';
import { testPort } from '../support/ports';
import { SCREENSHOTS, SKIP } from './browser';
import { dashboardSession } from './dashboard-page';

const REGION_NAMES = REGIONS.map((r) => r.name);

const session = dashboardSession();
const page = () => session().page;
const text = (selector: string) => page().locator(selector).innerText();

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
    // SAMLA's data calls its Samordningsgruppen a management group (its members are the parties' managers, docs/sources/004): "Chefsgrupp".
    expect(table).toMatch(/Samordningsgruppen SAMLA\s+Strategisk\s+Chefsgrupp\s+4\s+6\s+≈ “cirka 2–3 gånger per halvår”/);
    expect(await text('body')).not.toContain('Uppgifter saknas');
  }, 30_000);

  it("shows the roles crosswalk: kinds × regions with each region's title and duties", async () => {
    const crosswalk = page().locator('table[data-table="crosswalk"]');
    const head = await crosswalk.locator('thead').innerText();
    for (const region of REGION_NAMES) expect(head).toContain(region);
    const coordinator = await crosswalk.locator('tbody tr', { hasText: 'Samordnare' }).first().innerText();
    expect(coordinator).toContain('Samverkansledare');
    expect(coordinator).toContain('Samverkanskoordinator');
    expect(coordinator).toContain('Delregional samordnare');
    expect(coordinator).toContain('Kallelse:'); // duties grouped by category, in Swedish
    expect(await crosswalk.innerText()).toContain('Processledare SAMLA');
  });

  it("draws each region's reporting chain up to the political level, with the roles on its edges", async () => {
    type Chain = {
      regionCode: string;
      nodes: Array<{ name: string }>;
      roleNodes: Array<{ title: string }>;
      edges: unknown[];
      paths: Array<{ reachesPolitical: boolean }>;
    };
    const { landscape } = await gqlOk<{ landscape: { reportingChains: { regions: Chain[] } } }>(
      '{ landscape { reportingChains { regions { regionCode nodes { name } roleNodes { title } edges { from } paths { reachesPolitical } } } } }',
    );
    const chains = new Map(landscape.reportingChains.regions.map((c) => [c.regionCode, c]));
    const section = await page().locator('#chains').innerText();
    // A region whose data files model no body (a new region) has no chain to draw.
    for (const region of REGIONS.filter((r) => !regionsWithBodies().includes(r))) expect(chains.get(region.code)!.nodes, region.code).toEqual([]);
    for (const region of regionsWithBodies()) {
      const chain = chains.get(region.code)!;
      const diagram = page().locator(`[data-testid="chain-${region.code}"]`);
      expect(Number(await diagram.getAttribute('data-nodes')), region.code).toBeGreaterThanOrEqual(4);
      expect(Number(await diagram.getAttribute('data-nodes')), region.code).toBe(chain.nodes.length);
      // Every edge is drawn, also a duty from or to a role (a role is a node of its own).
      expect(Number(await diagram.getAttribute('data-role-nodes')), region.code).toBe(chain.roleNodes.length);
      expect(Number(await diagram.getAttribute('data-edges')), region.code).toBe(chain.edges.length);
      const label = (await diagram.getAttribute('aria-label')) ?? '';
      for (const r of chain.roleNodes) expect(label, region.code).toContain(r.title);
      expect(await diagram.locator('canvas').count(), region.code).toBeGreaterThan(0);
      const reach = chain.paths.filter((p) => p.reachesPolitical).length;
      expect(section).toContain(`${region.name}\n\n${reach} kedjor av ${chain.paths.length} når politisk nivå`);
    }
    expect(await page().locator('[data-testid="chain-orebro"]').getAttribute('aria-label')).toContain('Lokala samverkansgrupperingar på kommunnivå');
    // From the documents: every Örebro chain ends at Regionala samverkansrådet (political); Höglandet's
    // samverkanskoordinator reports to the förbundschef (role to role: half-year and annual reports).
    const orebro = chains.get('orebro')!;
    expect(orebro.paths.length).toBeGreaterThanOrEqual(7);
    expect(orebro.paths.every((p) => p.reachesPolitical)).toBe(true);
    expect(chains.get('hoglandet')!.roleNodes.map((r) => r.title)).toEqual(expect.arrayContaining(['Samverkanskoordinator', 'Förbundschef']));
    await page()
      .locator('#chains')
      .screenshot({ path: join(SCREENSHOTS, 'dashboard-chains.png') });
  });

  it('shows the comparison matrix; a cell opens its quote by click and by keyboard, with a citation to copy', async () => {
    const row = page().locator('table[data-table="matrix"] tbody tr', { hasText: 'Ersättare i toppgruppen' });
    const samla = row.locator('td').nth(3);
    expect(await samla.innerText()).toContain('ej tillåtna'); // SAMLA: substitutes FORBIDDEN, a stated rule
    expect(await row.locator('td').nth(0).innerText()).toContain('Ej angivet'); // Örebro: silent, not "no"
    await samla.locator('button').click();
    const panel = page().locator('[data-testid="quote-panel"]');
    await expect.poll(() => panel.innerText()).toContain('kan representanterna inte utse ersättare vid frånvaro');
    expect(await panel.innerText()).toContain('004_');
    // The citation to paste into a report: quote, the document's title (not its file name), section, region.
    const docs = await gqlOk<{ regions: Array<{ documents: Array<{ file: string; title: string }> }> }>('{ regions { documents { file title } } }');
    const title = docs.regions.flatMap((r) => r.documents).find((d) => d.file.startsWith('004_'))!.title;
    const citation = (await panel.locator('button.copy-citation').first().getAttribute('data-citation')) ?? '';
    expect(citation).toMatch(/^“.*kan representanterna inte utse ersättare vid frånvaro.*” \(/);
    expect(citation).toContain(`(${title}, `);
    expect(citation).toMatch(/, SAMLA \(Lerum–Alingsås\)\)$/);
    expect(citation).not.toContain('004_');
    await page().keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    // keyboard: focus is back on the cell's button; Enter opens the panel again, Esc closes it
    expect(await page().evaluate(() => document.activeElement?.closest('td')?.textContent ?? '')).toContain('ej tillåtna');
    await page().keyboard.press('Enter');
    await expect.poll(() => panel.count()).toBe(1);
    await page().keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
  });

  it('shows the reporting duties (who reports what to whom, how often) and the bodies with no stated frequency', async () => {
    const table = page().locator('table[data-table="reporting"]');
    const annual = await table.locator('tbody tr', { hasText: 'Årlig skriftlig sammanställning' }).innerText();
    expect(annual).toContain('SAMLA (Lerum–Alingsås)');
    expect(annual).toContain('Samordningsgruppen');
    expect(annual).toContain('årsrapport');
    expect(annual).toContain('“Årlig”');
    expect(await table.locator('tbody tr', { hasText: 'Minnesanteckningar från chefsgruppens sammanträden' }).innerText()).toContain('ej angivet');
    expect(await table.innerText()).not.toMatch(/not stated/i); // the Swedish view is Swedish
    const silent = page().locator('[data-testid="no-frequency"]');
    expect(await silent.locator('[data-region]').count()).toBe(REGIONS.length);
  });

  it('says how current the data is: each region with the time its copy was synced', async () => {
    const line = await text('[data-testid="data-as-of"]');
    for (const name of REGION_NAMES) expect(line).toContain(name);
    expect(line).toMatch(/\d{2}:\d{2}/);
  });
});

describe.skipIf(!!SKIP)('the dashboard with a region the comparison has never reached', () => {
  // Its own comparison (own read model) and gateway; Kalmar's URL points where nothing listens.
  const GATEWAY_PORT = testPort(15600);
  const COMPARISON_PORT = testPort(15605);
  const DEAD_KALMAR = testPort(15602); // nothing listens here
  const processes: ChildProcess[] = [];

  afterAll(async () => {
    await Promise.all(processes.map(stopChild));
  });

  it('shows a clear banner naming the missing region, and the other regions still', async () => {
    const urls = inject('subgraphUrls');
    await dropSchemas(inject('databaseUrl'), ['dashboarddown_comparison']);
    const env = {
      ...process.env,
      LOG_LEVEL: 'silent',
      RESPONSE_CACHE: 'false',
      DATABASE_URL: inject('databaseUrl'),
      DB_SCHEMA_PREFIX: 'dashboarddown_',
      ...Object.fromEntries(SUBGRAPHS.map((sg) => [urlVar(sg.code), urls[sg.code]!])),
      KALMAR_URL: `http://127.0.0.1:${DEAD_KALMAR}/graphql`,
      COMPARISON_URL: `http://127.0.0.1:${COMPARISON_PORT}/graphql`,
    };
    processes.push(await spawnService('subgraphs/comparison', COMPARISON_PORT, { ...env, COMPARISON_PORT: String(COMPARISON_PORT) }));
    processes.push(await spawnService('gateway', GATEWAY_PORT, { ...env, GATEWAY_PORT: String(GATEWAY_PORT) }));
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
