/**
 * Headless Chromium driven by playwright-core, never a browser download at install time: the
 * machine's browser or the one inside the npm package @sparticuz/chromium (see ./chromium.ts).
 * A fresh profile per launch; every request that leaves 127.0.0.1 is blocked and recorded, so the
 * tests also prove the apps need no internet (no CDN).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
import { browserUnavailable, chromiumExecutable } from './chromium';

export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');
export const SCREENSHOTS = join(ARTIFACTS, 'screenshots');

/**
 * Why the browser tests are skipped, or null when they run. With CI=true they always run (a
 * missing browser then fails them with the reason); elsewhere no browser at all means skipped.
 */
export const SKIP: string | null = process.env.CI === 'true' ? null : browserUnavailable();
/** Puts the skip reason into the test report (as the title of a skipped test). */
export function reportSkip(): void {
  if (!SKIP) return;
  console.warn(`browser tests skipped: ${SKIP}`);
  it.skip(`browser tests skipped: ${SKIP}`, () => {});
}

export interface Browser {
  context: BrowserContext;
  /** URLs the pages tried to load from anywhere but 127.0.0.1 (blocked). */
  external: string[];
  newPage: () => Promise<Page>;
  close: () => Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = await chromiumExecutable();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'samverkan-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1440, height: 1000 },
    acceptDownloads: true,
    timeout: 30_000,
  });
  context.setDefaultTimeout(20_000);
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
    external.push(url.href);
    return route.abort();
  });
  return {
    context,
    external,
    newPage: async () => {
      const page = await context.newPage();
      page.on('pageerror', (e) => {
        errors.push(`${page.url()}: ${e.message}`);
      });
      return page;
    },
    close: async () => {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Uncaught errors in any page (a test asserts there are none). */
export const errors: string[] = [];

/** A small RFC 4180 reader for the downloaded CSV files (BOM, quotes, CRLF), by default with Swedish Excel's ";". */
export function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Clicks a CSV button and returns the downloaded file's name, raw text and rows parsed with Swedish conventions (";"). */
export async function downloadCsv(page: Page, selector: string, separator = ';'): Promise<{ name: string; text: string; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const text = readFileSync(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), text, rows: parseCsv(text, separator) };
}

/** The gateway's origin (http://127.0.0.1:14000) from its GraphQL URL. */
export const originOf = (graphqlUrl: string) => new URL(graphqlUrl).origin;

/**
 * One browser for a test file: launched in beforeAll, closed in afterAll. A launch failure (no
 * Chromium) is rethrown by every test, so each one fails with the message instead of being skipped.
 */
export function browserSession(open: (browser: Browser) => Promise<Page>): () => { browser: Browser; page: Page } {
  let browser: Browser | undefined;
  let page: Page | undefined;
  let failure: unknown;
  if (SKIP)
    return () => {
      throw new Error(SKIP);
    };
  beforeAll(async () => {
    try {
      browser = await launchBrowser();
      page = await open(browser);
    } catch (e) {
      failure = e;
    }
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (failure || !browser || !page) throw failure ?? new Error('the browser did not start');
    return { browser, page };
  };
}

const AXE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe violations, as "rule: target" lines (empty when clean). */
export async function axeProblems(p: Page): Promise<string[]> {
  await p.addScriptTag({ content: AXE });
  const violations = await p.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }> }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(' ')}`);
}
