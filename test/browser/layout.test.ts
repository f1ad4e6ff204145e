/**
 * Both pages for real people, at a phone (390×844) and a desktop (1440×900) size in real Chromium:
 * no horizontal scroll (the language switch, tables, diagrams and chart fit), the quote panel opens
 * inside the visible area, controls are reachable by keyboard, axe-core finds no serious or critical
 * violation, and the print stylesheet hides the filters. Screenshots go to test-artifacts/screenshots/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, SKIP, axeProblems, browserSession, errors, originOf, reportSkip } from './browser';

const SIZES = [
  { name: '390', width: 390, height: 844 },
  { name: '1440', width: 1440, height: 900 },
] as const;

const session = browserSession(async (browser) => browser.newPage());
reportSkip();

async function dashboard(p: Page) {
  await p.goto(`${originOf(inject('gatewayUrl'))}/dashboard/`);
  // Generous waits: the machine running the tests may be busy (these wait for data, they assert nothing).
  await p.locator('table[data-table="matrix"] tbody tr').first().waitFor({ timeout: 60_000 });
  await p.locator('table[data-table="reporting"] tbody tr').first().waitFor({ timeout: 60_000 });
  await p.waitForFunction(() => document.querySelectorAll('section[aria-busy="true"]').length === 0, undefined, { timeout: 60_000 });
}
async function playground(p: Page) {
  await p.goto(`${originOf(inject('gatewayUrl'))}/playground/`);
  await p.locator('.graphiql-query-editor .view-lines', { hasText: 'query' }).first().waitFor({ timeout: 30_000 });
}

const pageWidth = (p: Page) => p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
const rectOf = (p: Page, selector: string) =>
  p
    .locator(selector)
    .first()
    .evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    });

describe.skipIf(!!SKIP)('the dashboard at phone and desktop size', () => {
  for (const size of SIZES) {
    it(`${size.width}×${size.height}: nothing scrolls sideways; tables, diagrams, chart and the language switch fit`, async () => {
      const p = session().page;
      await p.setViewportSize({ width: size.width, height: size.height });
      await dashboard(p);
      const w = await pageWidth(p);
      expect(w.scroll, 'page scrollWidth').toBeLessThanOrEqual(w.viewport);
      expect((await rectOf(p, 'button[data-lang="en"]')).right).toBeLessThanOrEqual(size.width);
      const tables = await p
        .locator('table.data')
        .evaluateAll((ts) =>
          ts
            .filter((t) => t.getClientRects().length)
            .map((t) => ({
              name: t.getAttribute('data-table'),
              right: t.getBoundingClientRect().right,
              scroll: t.scrollWidth,
              client: (t.parentElement as HTMLElement).clientWidth,
            })),
        );
      expect(tables.length).toBeGreaterThanOrEqual(4);
      for (const t of tables) {
        expect(t.right, `${t.name} right edge`).toBeLessThanOrEqual(size.width);
        expect(t.scroll, `${t.name} scrollWidth`).toBeLessThanOrEqual(t.client + 1);
      }
      const diagrams = await p.locator('[data-testid^="chain-"]').evaluateAll((ds) => ds.map((d) => d.getBoundingClientRect().right));
      expect(diagrams.length).toBeGreaterThan(0);
      for (const right of diagrams) expect(right).toBeLessThanOrEqual(size.width);
      // Chart labels: every body name whole (wrapped into lines, never cut with "…"), the canvas inside the page.
      const chart = p.locator('[data-testid="frequency-chart"]');
      const labels = JSON.parse((await chart.getAttribute('data-labels')) ?? '[]') as string[][];
      const names = await p.locator('table[data-table="frequency"] tbody tr td:nth-child(3)').allInnerTexts();
      for (const name of names.filter((n) => labels.some((l) => l.join(' ').includes(n.slice(0, 12))))) {
        expect(
          labels.some((l) => l.slice(0, -1).join(' ').replace(/^≈ /, '') === name),
          name,
        ).toBe(true);
      }
      expect(labels.flat().some((l) => l.endsWith('…'))).toBe(false);
      expect((await rectOf(p, '[data-testid="frequency-chart"]')).right).toBeLessThanOrEqual(size.width);
      await p.screenshot({ path: join(SCREENSHOTS, `dashboard-${size.name}.png`), fullPage: true, timeout: 60_000 });
      await p.evaluate(() => window.scrollTo(0, 0));
      await p.screenshot({ path: join(SCREENSHOTS, `dashboard-${size.name}-top.png`) });
    }, 150_000);

    it(`${size.width}×${size.height}: the quote panel opens inside the visible area, by touch/click and keyboard`, async () => {
      const p = session().page;
      const cell = p.locator('table[data-table="matrix"] tbody tr', { hasText: 'Ersättare i toppgruppen' }).locator('button').last();
      await cell.scrollIntoViewIfNeeded();
      await cell.click();
      const panel = await rectOf(p, '[data-testid="quote-panel"]');
      expect(panel.left).toBeGreaterThanOrEqual(0);
      expect(panel.top).toBeGreaterThanOrEqual(0);
      expect(panel.right).toBeLessThanOrEqual(size.width);
      expect(panel.bottom).toBeLessThanOrEqual(size.height);
      expect(await p.evaluate(() => document.activeElement?.closest('[data-testid="quote-panel"]') !== null)).toBe(true);
      await p.keyboard.press('Escape');
      await expect.poll(() => p.locator('[data-testid="quote-panel"]').count()).toBe(0);
      // a duty in the crosswalk is a button too (no hover-only tooltip)
      const duty = p.locator('table[data-table="crosswalk"] button.duty').first();
      await duty.focus();
      await p.keyboard.press('Enter');
      await expect.poll(() => p.locator('[data-testid="quote-panel"] blockquote').count()).toBeGreaterThan(0);
      await p.keyboard.press('Escape');
    }, 30_000);

    it(`${size.width}×${size.height}: axe-core finds no serious or critical violation`, async () => {
      expect(await axeProblems(session().page)).toEqual([]);
    }, 60_000);
  }

  it('320×640 (the smallest phones): nothing scrolls sideways, the tables and the language switch fit', async () => {
    const p = session().page;
    await p.setViewportSize({ width: 320, height: 640 });
    await dashboard(p);
    const w = await pageWidth(p);
    expect(w.scroll, 'page scrollWidth').toBeLessThanOrEqual(320);
    expect((await rectOf(p, 'button[data-lang="en"]')).right).toBeLessThanOrEqual(320);
    const rights = await p
      .locator('table.data, [data-testid^="chain-"], [data-testid="frequency-chart"]')
      .evaluateAll((es) => es.filter((e) => e.getClientRects().length).map((e) => e.getBoundingClientRect().right));
    expect(rights.length).toBeGreaterThan(4);
    for (const right of rights) expect(right).toBeLessThanOrEqual(320);
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.screenshot({ path: join(SCREENSHOTS, 'dashboard-320-top.png') });
  }, 120_000);

  it('at 1440 px no table column is squeezed so that words break between letters', async () => {
    const p = session().page;
    await p.setViewportSize({ width: 1440, height: 900 });
    await dashboard(p);
    // Every word of a frequency-table cell fits on one line of its cell (a word broken mid-way would be wider than its cell's content box).
    const broken = await p.locator('table[data-table="frequency"] tbody td').evaluateAll((tds) =>
      tds.flatMap((td) => {
        const range = document.createRange();
        const out: string[] = [];
        const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent ?? '';
          for (const m of text.matchAll(/[\p{L}\p{N}]{4,}/gu)) {
            range.setStart(n, m.index);
            range.setEnd(n, m.index + m[0].length);
            if (range.getClientRects().length > 1) out.push(m[0]);
          }
        }
        return out;
      }),
    );
    expect(broken).toEqual([]);
  }, 120_000);

  it('reaches the controls by keyboard: skip link, language, filters, "only this", reset, CSV', async () => {
    const p = session().page;
    await p.setViewportSize({ width: 1440, height: 900 });
    await dashboard(p); // a fresh page: Tab starts at the top
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) {
      await p.keyboard.press('Tab');
      seen.push(
        await p.evaluate(() => {
          const e = document.activeElement as HTMLElement;
          return `${e.tagName.toLowerCase()}.${e.className}[${e.getAttribute('data-lang') ?? e.getAttribute('value') ?? e.getAttribute('data-only') ?? ''}]`;
        }),
      );
    }
    expect(seen[0]).toBe('a.skip[]');
    for (const want of ['button.[sv]', 'button.[en]', 'input.[orebro]', 'button.only[orebro]', 'button.toggle[]', 'button.reset[]', 'button.csv[]'])
      expect(seen, want).toContain(want);
    // nothing clickable is kept from the keyboard
    const unreachable = await p.locator('button, a[href], input, summary').evaluateAll((es) => es.filter((e) => (e as HTMLElement).tabIndex < 0).length);
    expect(unreachable).toBe(0);
  }, 120_000);

  it('at 1440 px the body-kind list stays on the page and does not cover the reset button', async () => {
    const p = session().page;
    const kinds = p.locator('fieldset[data-filter="bodyKind"]');
    await kinds.locator('button.toggle').click();
    const list = await rectOf(p, 'fieldset[data-filter="bodyKind"] .checks');
    const reset = await rectOf(p, 'button.reset');
    expect(list.right).toBeLessThanOrEqual(1440);
    const overlaps = list.left < reset.right && reset.left < list.right && list.top < reset.bottom && reset.top < list.bottom;
    expect(overlaps).toBe(false);
    const onTop = await p.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.classList.contains('reset'), {
      x: (reset.left + reset.right) / 2,
      y: (reset.top + reset.bottom) / 2,
    });
    expect(onTop).toBe(true);
    await p.screenshot({ path: join(SCREENSHOTS, 'dashboard-1440-kinds-open.png') });
    await p.keyboard.press('Escape');
  });

  it('prints without the filter form, with diagrams kept whole and legend colours printed', async () => {
    const p = session().page;
    await p.emulateMedia({ media: 'print' });
    try {
      expect(await p.locator('form.filters').isVisible()).toBe(false);
      expect(await p.locator('button.csv').first().isVisible()).toBe(false);
      expect(
        await p
          .locator('.chain')
          .first()
          .evaluate((e) => getComputedStyle(e).breakInside),
      ).toBe('avoid');
      expect(
        await p
          .locator('.legend .key')
          .first()
          .evaluate((e) => getComputedStyle(e).getPropertyValue('print-color-adjust') || getComputedStyle(e).getPropertyValue('-webkit-print-color-adjust')),
      ).toBe('exact');
    } finally {
      await p.emulateMedia({ media: 'screen' });
    }
  });
});

describe.skipIf(!!SKIP)('the playground at phone and desktop size', () => {
  for (const size of SIZES) {
    it(`${size.width}×${size.height}: no sideways scroll; axe-core finds no serious or critical violation; a main landmark and h1`, async () => {
      const p = session().page;
      await p.setViewportSize({ width: size.width, height: size.height });
      await playground(p);
      const w = await pageWidth(p);
      expect(w.scroll).toBeLessThanOrEqual(w.viewport);
      expect(await p.locator('main').count()).toBe(1);
      expect(await p.locator('h1').count()).toBe(1);
      await p.screenshot({ path: join(SCREENSHOTS, `playground-${size.name}.png`) });
      expect(await axeProblems(p)).toEqual([]);
    }, 90_000);
  }

  it('loaded nothing from outside the gateway and threw no page errors', () => {
    expect(session().browser.external).toEqual([]);
    expect(errors).toEqual([]);
  });
});
