/**
 * The rest of issues #27 and #28 in real Chromium at 390×844 and 1440×900, against the real
 * federation: the documents' markup shown as formatting ("*Årsrapport*" as emphasis, "[text](#)" as
 * text) while the stored quote stays the exact substring and "copy citation" copies clean words; the
 * roles picker (a role's closest roles per region with the shared functions and their quotes); the
 * English view without Swedish fragments; a cell's note in both languages; Kalmar's duty lists without
 * stray ";" lines; Höglandet's chain line saying the levels are not stated; the search hit for
 * Beredningsgruppen quoting a sentence about it. Every page: no sideways scroll, targets of at least
 * 24×24 px, axe clean. Expected values come from the API and the documents, never from constants.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, SKIP, axeProblems, browserSession, errors, originOf, reportSkip } from './browser';
import { gqlOk } from '../support/client';

const SIZES = [
  { name: '390', width: 390, height: 844 },
  { name: '1440', width: 1440, height: 900 },
] as const;
const session = browserSession(async (browser) => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: originOf(inject('gatewayUrl')) });
  return browser.newPage();
});
reportSkip();
const documentText = (file: string) => readFileSync(join(__dirname, '..', '..', 'docs', 'sources', file), 'utf8');

interface Quote {
  document: string;
  documentTitle: string;
  section: string;
  quote: string;
}
interface Cell {
  regionCode: string;
  status: string;
  value: string | null;
  note: string | null;
  quotes: Quote[];
}

async function open(p: Page, size: { width: number; height: number }, query = '') {
  await p.setViewportSize({ width: size.width, height: size.height });
  await p.goto(`${originOf(inject('gatewayUrl'))}/dashboard/${query}`);
  await p.locator('table[data-table="matrix"] tbody tr').first().waitFor({ timeout: 60_000 });
  await p.waitForFunction(() => document.querySelectorAll('section[aria-busy="true"]').length === 0, undefined, { timeout: 60_000 });
}

/** The page fits its width; every visible control is at least 24×24 px; axe finds nothing serious. */
async function usable(p: Page) {
  const w = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(w.scroll, 'page scrollWidth').toBeLessThanOrEqual(w.viewport);
  // every control; a link too, but for one off the page until focused (the skip link)
  const small = await p.evaluate(() =>
    [...document.querySelectorAll('button, input, select, summary, a[href]')]
      .filter((e) => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden' && e.getBoundingClientRect().right > 0)
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 24 || r.height < 24)
      .map(({ e, r }) => `${e.tagName} ${(e.textContent ?? '').trim().slice(0, 30)} ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
  expect(small).toEqual([]);
  expect(await axeProblems(p)).toEqual([]);
}

const MATRIX =
  '{ landscape { comparisonMatrix { columns rows { aspect cells { regionCode status value note quotes { document documentTitle section quote } } } } } }';
type MatrixAnswer = { landscape: { comparisonMatrix: { columns: string[]; rows: Array<{ aspect: string; cells: Cell[] }> } } };
/** The button of the matrix cell that holds `want` (row and column found in the API's order). */
const cellButton = (p: Page, m: MatrixAnswer['landscape']['comparisonMatrix'], aspect: string, region: string) =>
  p
    .locator('table[data-table="matrix"] tbody tr')
    .nth(m.rows.findIndex((r) => r.aspect === aspect))
    .locator('td')
    .nth(m.columns.indexOf(region))
    .locator('button');
const panel = (p: Page) => p.locator('[data-testid="quote-panel"]');
async function closePanel(p: Page) {
  await p.keyboard.press('Escape');
  await expect.poll(() => panel(p).count()).toBe(0);
}

describe.skipIf(!!SKIP)('issues #27 and #28: what the analyst saw', () => {
  for (const size of SIZES) {
    it(`${size.width}×${size.height}: "*Årsrapport*" is emphasis, "[text](#)" is text; the stored quote stays exact; "copy citation" copies clean words`, async () => {
      const m = (await gqlOk<MatrixAnswer>(MATRIX)).landscape.comparisonMatrix;
      // the matrix cell whose quote carries the document's emphasis marks
      const row = m.rows.find((r) => r.cells.some((c) => c.quotes.some((q) => /\*[^*\s][^*]*\*/.test(q.quote))))!;
      const cell = row.cells.find((c) => c.quotes.some((q) => /\*[^*\s][^*]*\*/.test(q.quote)))!;
      const marked = cell.quotes.find((q) => /\*[^*\s][^*]*\*/.test(q.quote))!;
      expect(documentText(marked.document)).toContain(marked.quote);
      const emphasised = /\*([^*\s][^*]*)\*/.exec(marked.quote)![1]!;
      const p = session().page;
      await open(p, size);
      await cellButton(p, m, row.aspect, cell.regionCode).click();
      const quote = panel(p).locator(`blockquote[data-quote="${marked.quote.replace(/"/g, '\\"')}"]`);
      await expect.poll(() => quote.count()).toBe(1);
      expect(await quote.locator('em').allInnerTexts()).toContain(emphasised);
      expect(await quote.innerText()).not.toContain('*');
      const copy = quote.locator('xpath=..').locator('button.copy-citation');
      const citation = (await copy.getAttribute('data-citation')) ?? '';
      expect(citation).toContain(emphasised);
      expect(citation).not.toContain('*');
      await copy.click();
      await expect.poll(() => panel(p).locator('[role="status"]').first().innerText()).not.toBe('');
      expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(citation);
      await p.screenshot({ path: join(SCREENSHOTS, `analyst-markup-${size.name}.png`) });
      await usable(p);
      await closePanel(p);

      // a link in the text: its words, never "[...](#)", in the snippets and in the quote
      const search = await gqlOk<{ landscape: { search: { nodes: Array<{ kind: string; name: string; source: Quote }> } } }>(
        '{ landscape { search(text: "Samverkansplanen", first: 20) { nodes { kind name source { document documentTitle section quote } } } } }',
      );
      const linked = search.landscape.search.nodes.find((n) => n.kind === 'PLAN' && /\[[^\]]+\]\(#\)/.test(n.source.quote))!;
      const words = /\[([^\]]+)\]\(#\)/.exec(linked.source.quote)![1]!;
      await open(p, size, '?q=Samverkansplanen');
      const hits = p.locator('[data-testid="search-hits"]');
      await expect.poll(() => hits.locator('> li').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      const shown = await hits.innerText();
      expect(shown).toContain(words);
      expect(shown).not.toMatch(/\]\(|\*|\[/);
      await hits.locator('button', { hasText: linked.name }).first().click();
      expect(await panel(p).locator('blockquote .doc-link').allInnerTexts()).toContain(words);
      expect(await panel(p).locator('blockquote').first().getAttribute('data-quote')).toBe(linked.source.quote);
      await closePanel(p);
    }, 180_000);

    it(`${size.width}×${size.height}: the roles picker shows a role's closest roles per region, the shared functions and their quotes`, async () => {
      type F = {
        landscape: {
          functionalCrosswalk: {
            functions: Array<{
              function: string;
              regions: Array<{ regionCode: string; performers: Array<{ type: string; roleId: string | null; evidence: Array<{ quote: Quote }> }> }>;
            }>;
            regions: Array<{
              regionCode: string;
              roles: Array<{ roleId: string; title: string; closest: Array<{ regionCode: string; roleId: string; title: string; shared: string[] }> }>;
            }>;
          };
        };
      };
      const fx = (
        await gqlOk<F>(`{ landscape { functionalCrosswalk { functions { function regions { regionCode performers { type roleId evidence { quote { document documentTitle section quote } } } } }
        regions { regionCode roles { roleId title closest { regionCode roleId title shared } } } } } }`)
      ).landscape.functionalCrosswalk;
      // the role with matches in the most regions
      const roles = fx.regions.flatMap((r) => r.roles.map((role) => ({ ...role, regionCode: r.regionCode })));
      const role = roles.reduce((a, b) => (new Set(b.closest.map((c) => c.regionCode)).size > new Set(a.closest.map((c) => c.regionCode)).size ? b : a));
      expect(role.closest.length).toBeGreaterThan(1);
      const evidence = (region: string, roleId: string, fn: string) =>
        fx.functions
          .find((f) => f.function === fn)!
          .regions.find((r) => r.regionCode === region)!
          .performers.filter((x) => x.type === 'ROLE' && x.roleId === roleId)
          .flatMap((x) => x.evidence.map((e) => e.quote.quote));
      const p = session().page;
      await open(p, size);
      const picker = p.locator('[data-testid="closest-roles"]');
      await picker.locator('select').selectOption(`${role.regionCode}:${role.roleId}`);
      for (const other of fx.regions.filter((r) => r.regionCode !== role.regionCode)) {
        const want = role.closest.filter((c) => c.regionCode === other.regionCode);
        const box = picker.locator(`[data-region="${other.regionCode}"]`);
        expect(await box.locator('.match').evaluateAll((ms) => ms.map((x) => x.getAttribute('data-role'))), other.regionCode).toEqual(
          want.map((c) => c.roleId),
        );
        for (const match of want) expect(await box.locator(`.match[data-role="${match.roleId}"] button`).count()).toBe(match.shared.length);
      }
      // a shared function opens the quotes that say both roles do it, each verbatim in its document
      const match = role.closest[0]!;
      const fn = match.shared[0]!;
      await picker.locator(`[data-region="${match.regionCode}"] .match[data-role="${match.roleId}"] button`).first().click();
      const quotes = await panel(p)
        .locator('blockquote')
        .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-quote')));
      expect(quotes).toEqual([...evidence(role.regionCode, role.roleId, fn), ...evidence(match.regionCode, match.roleId, fn)]);
      await p.screenshot({ path: join(SCREENSHOTS, `analyst-roles-${size.name}.png`) });
      await usable(p);
      await closePanel(p);
      await picker.screenshot({ path: join(SCREENSHOTS, `analyst-roles-picker-${size.name}.png`) });
    }, 120_000);

    it(`${size.width}×${size.height}: English without Swedish fragments; each cell's note in both languages; Kalmar's duties without stray ";"`, async () => {
      const m = (await gqlOk<MatrixAnswer>(MATRIX)).landscape.comparisonMatrix;
      const p = session().page;
      await open(p, size);
      await p.locator('button[data-lang="en"]').click();
      await expect.poll(() => p.locator('h1').innerText()).toBe('Collaboration in four regions: comparison');
      const body = await p.locator('main').innerText();
      expect(body).not.toMatch(/ej angivet|på engelska/i);
      // "from → to (how often)": the document's wording is marked as a quote, the rest is English
      const reported = m.rows.flatMap((r) =>
        r.cells.filter((c) => c.status === 'STATED' && / → ej angivet \(/.test(c.value ?? '')).map((c) => ({ aspect: r.aspect, c })),
      );
      expect(reported.length).toBeGreaterThan(0);
      for (const { aspect, c } of reported) {
        const often = /\(([^()]+)\)$/.exec(c.value!)![1]!;
        expect(await cellButton(p, m, aspect, c.regionCode).innerText()).toContain(`→ not stated (“${often}”)`);
      }
      await p.screenshot({ path: join(SCREENSHOTS, `analyst-en-${size.name}.png`) });
      // each cell's note: in English as the API wrote it, in Swedish translated or marked, never left out
      const noted = m.rows.flatMap((r) => r.cells.filter((c) => c.note).map((c) => ({ aspect: r.aspect, c })));
      expect(noted.length).toBeGreaterThan(0);
      // every noted cell at the desktop size; on the phone the first (the same panel, only slower to walk)
      for (const lang of ['en', 'sv'] as const) {
        await p.locator(`button[data-lang="${lang}"]`).click();
        for (const { aspect, c } of size.width < 760 ? noted.slice(0, 1) : noted) {
          await cellButton(p, m, aspect, c.regionCode).click();
          const note = await panel(p).locator('[data-testid="quote-note"]').innerText();
          if (lang === 'en') expect(note.startsWith(c.note!), `${aspect} ${c.regionCode}`).toBe(true);
          else if (note.startsWith('(på engelska) ')) expect(note.slice('(på engelska) '.length).startsWith(c.note!), `${aspect} ${c.regionCode}`).toBe(true);
          else expect(note.startsWith(c.note!), `${aspect} ${c.regionCode}: translated`).toBe(false);
          await closePanel(p);
        }
      }
      // Swedish: the documents' own words in a cell are never marked as English
      expect(await p.locator('table[data-table="matrix"]').innerText()).not.toContain('(på engelska)');
      // Kalmar's duty lists: one duty a line, no line that is only a separator
      for (const table of ['crosswalk', 'functions']) {
        const cells = p.locator(`table[data-table="${table}"] td[data-label="Kalmar län"]`);
        const lines = (await cells.allInnerTexts()).flatMap((t) => t.split('\n')).map((l) => l.trim());
        expect(lines.length, table).toBeGreaterThan(0);
        expect(
          lines.filter((l) => /^[;·,]/.test(l)),
          table,
        ).toEqual([]);
      }
      await usable(p);
    }, 300_000);

    it(`${size.width}×${size.height}: Höglandet's chain line says the document does not state the levels`, async () => {
      type C = {
        landscape: {
          reportingChains: {
            regions: Array<{
              regionCode: string;
              nodes: Array<{ id: string; level: string | null }>;
              paths: Array<{ bodyIds: string[]; reachesPolitical: boolean }>;
            }>;
          };
        };
      };
      const chains = (await gqlOk<C>('{ landscape { reportingChains { regions { regionCode nodes { id level } paths { bodyIds reachesPolitical } } } } }'))
        .landscape.reportingChains.regions;
      const p = session().page;
      await open(p, size);
      await p.locator('button[data-lang="sv"]').click();
      for (const c of chains) {
        const onPaths = new Set(c.paths.flatMap((x) => x.bodyIds));
        const unstated = c.nodes.filter((n) => onPaths.has(n.id) && !n.level).length;
        const note = p.locator(`[data-testid="chain-note-${c.regionCode}"]`);
        const reach = c.paths.filter((x) => x.reachesPolitical).length;
        if (unstated === 0 || reach === c.paths.length) {
          expect(await note.count(), c.regionCode).toBe(0);
          continue;
        }
        expect(await note.innerText()).toContain(`Dokumenten anger inte nivån för ${unstated} av organen`);
      }
      const hoglandet = chains.find((c) => c.regionCode === 'hoglandet')!;
      expect(hoglandet.paths.filter((x) => x.reachesPolitical)).toEqual([]);
      await p.locator('[data-testid="chain-note-hoglandet"]').scrollIntoViewIfNeeded();
      await p.screenshot({ path: join(SCREENSHOTS, `analyst-chain-note-${size.name}.png`) });
    }, 90_000);

    it(`${size.width}×${size.height}: search "styrgruppen": Beredningsgruppen's hit quotes a sentence about Beredningsgruppen`, async () => {
      type S = { landscape: { search: { nodes: Array<{ kind: string; id: string; name: string; source: Quote }> } } };
      const hits = (
        await gqlOk<S>('{ landscape { search(text: "styrgruppen", first: 50) { nodes { kind id name source { document documentTitle section quote } } } } }')
      ).landscape.search.nodes;
      const hit = hits.find((h) => h.kind === 'BODY' && h.id === 'hoglandet:beredningsgruppen')!;
      expect(hit.source.quote).toMatch(/beredningsgrupp/i);
      expect(documentText(hit.source.document)).toContain(hit.source.quote);
      const p = session().page;
      await open(p, size, '?q=styrgruppen');
      const list = p.locator('[data-testid="search-hits"]');
      await expect.poll(() => list.locator('> li').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await list.locator('button', { hasText: hit.name }).first().click();
      expect(await panel(p).locator('blockquote').first().getAttribute('data-quote')).toBe(hit.source.quote);
      await p.screenshot({ path: join(SCREENSHOTS, `analyst-search-styrgruppen-${size.name}.png`) });
      await closePanel(p);
      await usable(p);
    }, 120_000);

    it(`${size.width}×${size.height}: the playground: the editor has the page's width, icons are named by their buttons, targets, axe`, async () => {
      const p = session().page;
      await p.setViewportSize({ width: size.width, height: size.height });
      await p.goto(`${originOf(inject('gatewayUrl'))}/playground/`);
      await p.locator('.graphiql-query-editor .view-lines', { hasText: 'query' }).first().waitFor({ timeout: 30_000 });
      const editor = await p.locator('.graphiql-query-editor').evaluate((e) => e.getBoundingClientRect().width);
      if (size.width < 700) expect(editor).toBeGreaterThan(size.width * 0.9);
      const titles = await p.locator('svg > title').allTextContents();
      expect(titles.length).toBeGreaterThan(0);
      expect(titles.filter((t) => /^[A-Za-z_$][\w$]{0,3} icon$/.test(t))).toEqual([]);
      // The active tab's close button (shown on the active tab) stays clear of the tab's name.
      const tab = await p.locator('.graphiql-tab.graphiql-tab-active').evaluate((t) => {
        const text = document.createRange();
        text.selectNodeContents(t.querySelector('.graphiql-tab-button')!);
        return { textEnd: text.getBoundingClientRect().right, closeStart: t.querySelector('.graphiql-tab-close')!.getBoundingClientRect().left };
      });
      expect(tab.textEnd).toBeLessThanOrEqual(tab.closeStart);
      await p.screenshot({ path: join(SCREENSHOTS, `analyst-playground-${size.name}.png`) });
      await usable(p);
    }, 90_000);
  }

  it('threw no page errors and loaded nothing from outside', () => {
    expect(session().browser.external).toEqual([]);
    expect(errors).toEqual([]);
  });
});
