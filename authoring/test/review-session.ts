/**
 * The review page's test setup, one per test file: a scratch copy of one region's data file and
 * document (the repository's files are never written), a draft made from the region's reviewed file
 * (proposals marked, one cadence proposed as its whole sentence, two assignments missing and one put
 * as a purpose of another body), the review command serving it, and Chromium on the page at 1280 px.
 */
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { regionByCode } from '../../contract/src/registry';
import { normalizeFrequency } from '../../contract/src/frequency';
import { launchBrowser, SKIP, type Browser } from '../../test/browser/browser';
import { watchRestartRequests } from '../../scripts/lib/restart-requests';
import { startReviewServer } from './review-server';

export type Json = Record<string, any>;

export const ROOT = join(__dirname, '..', '..');
export const REGION = regionByCode('samla')!;
export const repoData = join(ROOT, 'subgraphs', REGION.code, 'data');
export const name = readdirSync(repoData).filter((n) => n.endsWith('.json'))[0]!;
export const original: Json = JSON.parse(readFileSync(join(repoData, name), 'utf8'));
export const body = original.bodies.findIndex((b: Json) => b.cadence && b.assignments.length >= 3);
export const cadence = original.bodies[body].cadence;
export const [misplaced, byMouse, byKeyboard] = original.bodies[body].assignments.slice(-3) as [Json, Json, Json];
/** Another body, where the draft puts one of this body's assignments as a purpose. */
export const other = body === 0 ? 1 : 0;
export const heading = (fact: Json) => String(fact.source.section).split(' > ').at(-1)!;

/** The draft: proposals marked on the first purpose (left pending), the first assignment (accepted), the cadence (fixed) and an assignment put as a purpose of another body (moved). */
function draft(): Json {
  const d = structuredClone(original);
  const b = d.bodies[body];
  b.purposes[0].draft = { rule: 'purpose-heading', confidence: 0.7 };
  b.assignments[0].draft = { rule: 'list-under-uppdrag', confidence: 0.8 };
  b.assignments.splice(-3, 3);
  d.bodies[other].purposes.push({ ...misplaced, draft: { rule: 'purpose-heading', confidence: 0.4 } });
  const sentence = cadence.source.quote as string;
  const n = normalizeFrequency(sentence);
  b.cadence = {
    ...cadence,
    text: sentence,
    minPerYear: n.minPerYear,
    maxPerYear: n.maxPerYear,
    approximate: n.approximate,
    whenNeeded: n.whenNeeded,
    draft: { rule: 'meets-with-frequency', confidence: 0.6 },
  };
  return d;
}

export interface ReviewSession {
  /** The scratch copy's data folder, and the data file in it the page saves. */
  dataDir: string;
  target: string;
  /** The page, once beforeAll has opened it (never with SKIP). */
  page?: Page;
  /** What the stand-in for `npm start` was asked to do (scripts/lib/restart-requests.ts, the real protocol). */
  restarts: string[];
}

/** The review command on `port` serving the draft for this file's scratch copy, and the page open on it (beforeAll; all stopped and removed afterAll). */
export function reviewSession(port: number): ReviewSession {
  const scratch = mkdtempSync(join(tmpdir(), 'samverkan-review-test-'));
  const dataDir = join(scratch, 'subgraphs', REGION.code, 'data');
  const session: ReviewSession = { dataDir, target: join(dataDir, name), restarts: [] };
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let stopWatching = () => {};

  beforeAll(async () => {
    mkdirSync(dataDir, { recursive: true });
    mkdirSync(join(scratch, 'docs', 'sources'), { recursive: true });
    copyFileSync(join(repoData, name), session.target);
    copyFileSync(join(ROOT, 'docs', 'sources', original.file), join(scratch, 'docs', 'sources', original.file));
    writeFileSync(join(scratch, 'draft.json'), JSON.stringify(draft(), null, 2));
    if (SKIP) return;
    stopWatching = watchRestartRequests(
      join(scratch, 'run'),
      {
        stopService: async (code) => {
          session.restarts.push(`stop ${code}`);
        },
        startService: async (code) => {
          session.restarts.push(`start ${code}`);
        },
      },
      [REGION.code],
      () => {},
      50,
    );
    const args = ['--region', REGION.code, '--draft', join(scratch, 'draft.json'), '--data-dir', dataDir, '--run-dir', join(scratch, 'run')];
    server = await startReviewServer(args, port);
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.locator('#facts li.fact').first().waitFor();
    await page.waitForFunction(() => /· 0 problems ·|· \d+ problems? ·/.test(document.getElementById('counts')!.textContent ?? ''));
    session.page = page;
  }, 150_000);

  afterAll(async () => {
    stopWatching();
    await browser?.close();
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  return session;
}
