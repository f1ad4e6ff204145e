/**
 * The analyst's playground in a real browser (headless Chromium), against the real federation:
 * GraphiQL loads from the gateway with nothing from the internet, the docs/queries examples are
 * preloaded as tabs, an example runs and its real answer shows in the result pane, the schema
 * docs and autocomplete work, and the Examples plugin opens an example in a new tab.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, SKIP, browserSession, reportSkip, errors, originOf } from './browser';

const EXAMPLES = readdirSync(join(__dirname, '..', '..', 'docs', 'queries')).filter((f) => f.endsWith('.graphql'));

const session = browserSession(async (browser) => {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1440, height: 1800 }); // the response pane renders only its visible lines
  await page.goto(`${originOf(inject('gatewayUrl'))}/playground/`);
  // Monaco loads after the page: wait until the first example is in the query editor.
  await page.locator('.graphiql-query-editor .view-lines', { hasText: 'BodiesFiltered' }).waitFor({ timeout: 30_000 });
  return page;
});
const page = () => session().page;
reportSkip();
const tab = (name: string) => page().locator('.graphiql-tab', { hasText: name });
/** Monaco renders spaces as no-break spaces. */
const textOf = async (selector: string) => (await page().locator(selector).innerText()).replace(/\u00a0/g, ' ');

describe.skipIf(!!SKIP)('the playground (/playground)', () => {
  it('preloads every example operation of docs/queries as a tab', async () => {
    await expect.poll(() => page().locator('.graphiql-tab').count()).toBe(EXAMPLES.length);
    for (const name of ['BodiesFiltered', 'FrequencySummary', 'RolesCrosswalk', 'ReportingChains', 'ComparisonMatrix', 'Differences']) {
      expect(await tab(name).count(), name).toBe(1);
    }
  });

  it('runs an example query and shows the real answer in the result pane', async () => {
    await tab('ComparisonMatrix').locator('.graphiql-tab-button').click();
    await expect.poll(() => textOf('.graphiql-query-editor'), { timeout: 10_000 }).toContain('query ComparisonMatrix');
    const [response] = await Promise.all([
      page().waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('ComparisonMatrix')),
      page().locator('.graphiql-execute-button').click(),
    ]);
    expect(response.status(), await response.text()).toBe(200);
    expect(response.request().headers()['content-type']).toContain('application/json');
    await expect.poll(() => textOf('.graphiql-response'), { timeout: 20_000 }).toContain('Samordningsgruppen SAMLA');
    const text = await textOf('.graphiql-response');
    expect(text).toContain('Gemensam presidiekonferens');
    expect(text).toContain('"missingRegions": []');
    await page().screenshot({ path: join(SCREENSHOTS, 'playground.png') });
  }, 60_000);

  it('has the schema docs, from introspection through the gateway', async () => {
    await page().locator('.graphiql-sidebar button[aria-label*="Documentation"]').first().click();
    const docs = page().locator('.graphiql-doc-explorer');
    await expect.poll(() => docs.innerText()).toContain('Query');
    await docs.getByText('Query', { exact: true }).first().click();
    await expect.poll(() => docs.innerText()).toContain('landscape');
  }, 30_000);

  it('autocompletes fields from the schema', async () => {
    await page().locator('.graphiql-tab-add').click();
    await expect.poll(() => page().locator('.graphiql-tab').count()).toBe(EXAMPLES.length + 1);
    const editor = page().locator('.graphiql-query-editor .monaco-editor').first();
    await editor.click();
    await page().keyboard.press('ControlOrMeta+A');
    await page().keyboard.press('Delete');
    await page().keyboard.type('{ landscape { missi');
    await page().keyboard.press('Control+Space');
    const suggest = page().locator('.monaco-editor .suggest-widget');
    await expect.poll(() => suggest.innerText(), { timeout: 15_000 }).toContain('missingRegions');
    await page().keyboard.press('Escape');
  }, 45_000);

  it('opens an example from the Examples plugin in a new tab', async () => {
    const before = await page().locator('.graphiql-tab').count();
    await page().locator('.graphiql-sidebar button[aria-label*="Examples"]').first().click();
    await page().locator('button[data-example="FrequencySummary"]').click();
    await expect.poll(() => page().locator('.graphiql-tab').count()).toBe(before + 1);
    await expect.poll(() => textOf('.graphiql-query-editor'), { timeout: 10_000 }).toContain('query FrequencySummary');
  }, 30_000);

  it('describes each example with its whole leading comment, never cut mid-sentence', async () => {
    const list = page().locator('.samverkan-examples');
    for (const file of EXAMPLES) {
      const source = readFileSync(join(__dirname, '..', '..', 'docs', 'queries', file), 'utf8');
      const lead = source
        .split('\n')
        .filter((_, i, lines) => lines.slice(0, i + 1).every((l) => l.startsWith('#')))
        .map((l) => l.replace(/^#\s?/, '').trim())
        .join(' ');
      const name = /^\s*query\s+(\w+)/m.exec(source)![1]!;
      const shown = await list.locator(`button[data-example="${name}"] span`).innerText();
      expect(shown, file).toBe(lead);
      expect(shown, file).toMatch(/[.?)]$/);
    }
  });

  it("shows an error without the server's stack trace", async () => {
    const p = page();
    // The gateway in development adds extensions.stacktrace; answer like it does for this one request.
    await p.route('**/graphql', async (route) => {
      if (!(route.request().postData() ?? '').includes('nosuchfield')) return route.continue();
      await route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [
            {
              message: 'Cannot query field "nosuchfield" on type "Query".',
              extensions: {
                code: 'GRAPHQL_VALIDATION_FAILED',
                stacktrace: [
                  'GraphQLError: Cannot query field',
                  '    at Object.Field (/app/node_modules/graphql/validation/rules/FieldsOnCorrectTypeRule.js:51:13)',
                ],
              },
            },
          ],
        }),
      });
    });
    try {
      await p.locator('.graphiql-tab-add').click();
      const editor = p.locator('.graphiql-query-editor .monaco-editor').first();
      await editor.click();
      await p.keyboard.press('ControlOrMeta+A');
      await p.keyboard.press('Delete');
      await p.keyboard.type('{ nosuchfield }');
      await p.locator('.graphiql-execute-button').click();
      await expect.poll(() => textOf('.graphiql-response'), { timeout: 15_000 }).toContain('GRAPHQL_VALIDATION_FAILED');
      const shown = await textOf('.graphiql-response');
      expect(shown).toContain('Cannot query field');
      expect(shown).not.toContain('stacktrace');
      expect(shown).not.toContain('FieldsOnCorrectTypeRule');
    } finally {
      await p.unroute('**/graphql');
    }
  }, 45_000);

  it('loaded nothing from outside the gateway and threw no page errors', () => {
    expect(session().browser.external).toEqual([]);
    expect(errors).toEqual([]);
  });
});
