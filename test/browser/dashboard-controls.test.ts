/**
 * The comparison dashboard in a real browser (headless Chromium) against the real federation, what a
 * reader does with it: a filter changes the tables and stays in the URL, the English switch relabels
 * the whole page, the CSV downloads hold the tables' rows (English, then Swedish for Excel), a search
 * finds the facts that say a word; and the page loads nothing from outside the gateway. What it shows:
 * dashboard.test.ts. Screenshots go to test-artifacts/.
 */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { REGIONS } from '../../contract/src/registry';
import { gqlOk } from '../support/client';
import { SCREENSHOTS, SKIP, downloadCsv, errors, originOf } from './browser';
import { dashboardSession, loaded } from './dashboard-page';

const session = dashboardSession();
const page = () => session().page;
const text = (selector: string) => page().locator(selector).innerText();
const freqBodies = async () => await page().locator('table[data-table="frequency"] tbody tr td:nth-child(3)').allInnerTexts();

describe.skipIf(!!SKIP)('the dashboard (/dashboard)', () => {
  it('filters by region and by level; the filters are in the URL (reload keeps them, Back restores)', async () => {
    const p = page();
    expect(await freqBodies()).toContain('Chefsgrupp för folkhälsa');
    await p.locator('fieldset[data-filter="region"] input[value="orebro"]').uncheck();
    await expect.poll(freqBodies, { timeout: 15_000 }).not.toContain('Chefsgrupp för folkhälsa');
    expect(await freqBodies()).toEqual(['Samordningsgruppen SAMLA', 'Gemensam presidiekonferens']);
    expect(new URL(p.url()).searchParams.get('region')).toBe(
      REGIONS.map((r) => r.code)
        .filter((c) => c !== 'orebro')
        .join(','),
    );
    await expect.poll(() => p.locator('table[data-table="matrix"] thead').innerText()).not.toContain('Örebro län');
    expect(await p.locator('[data-testid="chain-orebro"]').count()).toBe(0);

    for (const level of ['STRATEGIC', 'TACTICAL', 'OPERATIONAL']) await p.locator(`fieldset[data-filter="level"] input[value="${level}"]`).uncheck();
    await expect.poll(freqBodies, { timeout: 15_000 }).toEqual(['Gemensam presidiekonferens']);
    expect(new URL(p.url()).searchParams.get('level')).toBe('POLITICAL');

    await p.reload();
    await loaded(p);
    expect(await freqBodies()).toEqual(['Gemensam presidiekonferens']);
    expect(await p.locator('fieldset[data-filter="region"] input[value="orebro"]').isChecked()).toBe(false);

    await p.goBack(); // one level fewer unchecked: OPERATIONAL back in
    await expect.poll(() => new URL(p.url()).searchParams.get('level')).toBe('POLITICAL,OPERATIONAL');
    await expect.poll(() => p.locator('fieldset[data-filter="level"] input[value="OPERATIONAL"]').isChecked()).toBe(true);

    await p.locator('button.reset').click();
    await expect.poll(freqBodies, { timeout: 15_000 }).toContain('Chefsgrupp för folkhälsa');
    expect(new URL(p.url()).search).toBe('');
    await loaded(p);
  }, 60_000);

  it('has "only this" per option; the body-kind list closes on Esc and on a click outside', async () => {
    const p = page();
    await p.locator('fieldset[data-filter="region"] button[data-only="samla"]').click();
    await expect.poll(freqBodies, { timeout: 15_000 }).toEqual(['Samordningsgruppen SAMLA']);
    expect(new URL(p.url()).searchParams.get('region')).toBe('samla');
    const kinds = p.locator('fieldset[data-filter="bodyKind"]');
    await kinds.locator('button.toggle').click();
    await expect.poll(() => kinds.locator('input').count()).toBeGreaterThan(10);
    await p.keyboard.press('Escape');
    await expect.poll(() => kinds.locator('input').count()).toBe(0);
    expect(await kinds.locator('button.toggle').evaluate((b) => b === document.activeElement)).toBe(true);
    await kinds.locator('button.toggle').click();
    await p.locator('h1').click();
    await expect.poll(() => kinds.locator('input').count()).toBe(0);
    await p.locator('button.reset').click();
    await loaded(p);
  }, 45_000);

  it('switches to English: the whole page, no Swedish labels', async () => {
    await page().locator('button[data-lang="en"]').click();
    await expect.poll(() => text('h1')).toBe('Collaboration in four regions: comparison');
    expect(await text('#frequency h2')).toBe('Meeting frequency per body and region');
    const matrix = await text('table[data-table="matrix"]');
    expect(matrix).toContain('Substitutes in the top body');
    expect(matrix).toContain('not allowed');
    expect(matrix).not.toContain('Ej angivet');
    expect(await text('table[data-table="frequency"] thead')).toContain('Min/year');
    expect(await text('table[data-table="frequency"]')).toContain('“minst sex gånger per år”'); // the documents' own words stay
    expect(await text('table[data-table="reporting"]')).not.toContain('ej angivet');
    await page().screenshot({ path: join(SCREENSHOTS, 'dashboard-en.png') });
  });

  it('downloads every table as CSV: English with English headers, then Swedish for Excel (";", BOM, CRLF), each quote with its document\'s title, file and section', async () => {
    const documents = await gqlOk<{ regions: Array<{ documents: Array<{ file: string; title: string }> }> }>('{ regions { documents { file title } } }');
    const titleOf = new Map(documents.regions.flatMap((r) => r.documents.map((d) => [d.file, d.title] as const)));
    /** Every row's title cell is the title of the file in the file cell (titles, not file names). */
    const titlesMatch = (rows: string[][], titleAt: number) => {
      const quoted = rows.slice(1).filter((r) => r[titleAt + 1]);
      expect(quoted.length).toBeGreaterThan(0);
      for (const r of quoted)
        expect(r[titleAt], r[titleAt + 1]).toBe(
          r[titleAt + 1]!.split(' | ')
            .map((f) => titleOf.get(f))
            .join(' | '),
        );
    };
    const freq = await downloadCsv(page(), '#frequency button.csv', ',');
    expect(freq.name).toBe('meeting-frequency-en.csv');
    expect(freq.rows[0]).toEqual([
      'Rank',
      'Region',
      'Body',
      'Level',
      'Kind',
      'Min/year',
      'Max/year',
      'Approximate',
      "The document's wording",
      'Source quote',
      'Document',
      'File',
      'Section',
    ]);
    titlesMatch(freq.rows, 10);
    const tableRows = await page().locator('table[data-table="frequency"] tbody tr').count();
    expect(freq.rows.length - 1).toBe(tableRows);
    expect(freq.rows).toContainEqual(
      expect.arrayContaining([
        'Örebro län',
        'Chefsgrupp för folkhälsa',
        'Strategic',
        'Management group',
        '6',
        'no upper bound',
        'no',
        'minst sex gånger per år',
      ]),
    );
    expect(freq.rows).toContainEqual(
      expect.arrayContaining(['SAMLA (Lerum–Alingsås)', 'Samordningsgruppen SAMLA', '4', '6', 'yes', 'cirka 2–3 gånger per halvår']),
    );

    const matrix = await downloadCsv(page(), '#matrix button.csv', ',');
    expect(matrix.rows[0]).toEqual([
      'Aspect',
      'Region',
      'Status',
      'Value',
      'Details',
      'Note',
      'Source quote',
      'Document',
      'File',
      'Section',
      'Facts (in the order of the quotes)',
    ]);
    titlesMatch(matrix.rows, 7);
    const substitutes = matrix.rows.find((r) => r[0] === 'Substitutes in the top body' && r[1] === 'SAMLA (Lerum–Alingsås)')!;
    expect(substitutes.slice(2, 4)).toEqual(['stated', 'not allowed']);
    expect(substitutes[6]).toContain('kan representanterna inte utse ersättare vid frånvaro');
    expect(substitutes[8]).toMatch(/^004_/);
    expect(substitutes[7]).toBe(titleOf.get(substitutes[8]!));
    expect(matrix.rows.length - 1).toBe(10 * REGIONS.length); // ten aspects × the regions

    const roles = await downloadCsv(page(), '#crosswalk button.csv', ',');
    expect(roles.rows[0]).toEqual(['Role kind', 'Region', 'Title', 'Origin', 'Category', 'Duties', 'Source quote', 'Document', 'File', 'Section']);
    titlesMatch(roles.rows, 7);
    expect(roles.rows.some((r) => r[0] === 'Coordinator' && r[1] === 'Örebro län' && r[2] === 'Samverkansledare')).toBe(true);

    const chains = await downloadCsv(page(), '#chains button.csv', ',');
    expect(chains.rows[0]).toEqual(['Region', 'From', 'To', 'Origin', 'Relation', 'Source quote', 'Document', 'File', 'Section']);
    titlesMatch(chains.rows, 6);
    expect(chains.rows).toContainEqual(
      expect.arrayContaining(['Kalmar län', 'Länsgemensam ledning', 'Gemensam presidiekonferens', 'parent link', 'reports to']),
    );

    await page().locator('button[data-lang="sv"]').click();
    await expect.poll(() => text('#frequency h2')).toBe('Mötesfrekvens per organ och region');
    const sv = await downloadCsv(page(), '#frequency button.csv'); // parsed with ";" as Swedish Excel does
    expect(sv.name).toBe('motesfrekvens-sv.csv');
    expect(sv.text.startsWith('\uFEFF')).toBe(true);
    expect(sv.text.split('\r\n').length - 2).toBe(tableRows); // CRLF line ends, header + rows + final CRLF
    expect(sv.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(sv.rows[0]).toEqual([
      'Rang',
      'Region',
      'Organ',
      'Nivå',
      'Typ',
      'Min/år',
      'Max/år',
      'Ungefärligt',
      'Dokumentets formulering',
      'Källcitat',
      'Dokument',
      'Fil',
      'Avsnitt',
    ]);
    const folkhalsa = sv.rows.find((r) => r[2] === 'Chefsgrupp för folkhälsa')!;
    expect(folkhalsa.slice(5, 8)).toEqual(['6', 'ingen övre gräns', 'nej']);
    expect(folkhalsa[11]).toMatch(/^00[01]_/);
    expect(folkhalsa[10]).toBe(titleOf.get(folkhalsa[11]!));
    expect(folkhalsa[12]).not.toBe('');
    expect(sv.rows.every((r) => r.length === 13)).toBe(true);
    titlesMatch(sv.rows, 10);

    const svMatrix = await downloadCsv(page(), '#matrix button.csv');
    expect(svMatrix.rows[0]).toEqual([
      'Aspekt',
      'Region',
      'Status',
      'Värde',
      'Detaljer',
      'Kommentar',
      'Källcitat',
      'Dokument',
      'Fil',
      'Avsnitt',
      'Fakta (i citatens ordning)',
    ]);
    const notes = svMatrix.rows
      .slice(1)
      .map((r) => r[5]!)
      .filter(Boolean);
    // A note no phrase translates is shown in English, marked "(på engelska)"; every other note is Swedish.
    for (const note of notes)
      if (!note.startsWith('(på engelska) ')) expect(note, 'an unmarked English note in the Swedish file').not.toMatch(/\b(the|not|stated|for|of)\b/);
    expect(svMatrix.rows.some((r) => r[4]!.includes(' per år'))).toBe(true);
  }, 60_000);

  it('searches the documents: "suicidprevention" finds the facts that say it, a hit opens its quote, the search is in the URL', async () => {
    const want = await gqlOk<{
      landscape: {
        search: {
          totalCount: number;
          nodes: Array<{ name: string; regionCode: string; kind: string; id: string; source: { documentId: string; documentTitle: string; quote: string } }>;
        };
      };
    }>(
      'query ($text: String!) { landscape { search(text: $text, first: 20) { totalCount nodes { name regionCode kind id source { documentId documentTitle quote } } } } }',
      { text: 'suicidprevention' },
    );
    // The page lists one entry per passage: the hits whose quotes stand in the same passage of the same document are one.
    const passages = new Set(
      want.landscape.search.nodes.map((h) => {
        const passage = want.landscape.search.nodes.find(
          (p) =>
            p.kind === 'DOCUMENT_PASSAGE' &&
            p.regionCode === h.regionCode &&
            p.source.documentId === h.source.documentId &&
            p.source.quote.includes(h.source.quote),
        );
        return passage ? `${passage.regionCode}:${passage.id}` : `${h.regionCode}:${h.source.documentId}:${h.source.quote}`;
      }),
    );
    expect(want.landscape.search.totalCount).toBeGreaterThan(0);
    await page().goto(`${originOf(inject('gatewayUrl'))}/dashboard/`); // every region: the same scope as the query above
    await loaded(page());
    await page().locator('button[data-lang="sv"]').click();
    const box = page().getByRole('searchbox');
    await box.fill('suicidprevention');
    await box.press('Enter');
    const hits = page().locator('[data-testid="search-hits"] > li');
    await expect.poll(() => hits.count(), { timeout: 30_000 }).toBe(passages.size);
    expect(await text('[data-testid="search-count"]')).toBe(
      `${want.landscape.search.totalCount} ${want.landscape.search.totalCount === 1 ? 'träff' : 'träffar'}`,
    );
    expect(new URL(page().url()).searchParams.get('q')).toBe('suicidprevention');
    // the matched words are marked in the snippets
    const marks = (await page().locator('[data-testid="search-hits"] mark').allInnerTexts()).map((m) => m.toLowerCase());
    expect(marks.some((m) => m.includes('suicidprevention'))).toBe(true);
    // the first hit opens its verbatim quote with the document's title
    const first = want.landscape.search.nodes[0]!;
    await hits.first().locator('button.hit').click();
    const panel = page().locator('[data-testid="quote-panel"]');
    await expect.poll(() => panel.innerText()).toContain(first.source.quote);
    expect(await panel.innerText()).toContain(first.source.documentTitle);
    expect(await panel.locator('#quote-panel-title').innerText()).toBe(first.name);
    await page().keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    // Back leaves the search; the box is empty again and the hits are gone
    await page().goBack();
    await expect.poll(() => hits.count()).toBe(0);
    expect(await box.inputValue()).toBe('');
  }, 90_000);

  it('loaded nothing from outside the gateway and threw no page errors', () => {
    expect(session().browser.external).toEqual([]);
    expect(errors).toEqual([]);
  });
});
