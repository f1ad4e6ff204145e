/**
 * The comparison dashboard for a browser test file: this file's browser (browserSession) with a page
 * opened on the test federation's /dashboard/ once every section has loaded.
 */
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { browserSession, originOf, reportSkip } from './browser';

/** The file's browser and its dashboard page (a skip is reported when there is no browser). */
export function dashboardSession(): ReturnType<typeof browserSession> {
  const session = browserSession(async (browser) => {
    const page = await browser.newPage();
    await page.goto(`${originOf(inject('gatewayUrl'))}/dashboard/`);
    await loaded(page);
    return page;
  });
  reportSkip();
  return session;
}

/** Waits until no section is loading and the four tables have rows. */
export async function loaded(p: Page) {
  // Generous waits: the page asks eleven operations at once and the machine may be busy.
  await p.locator('table[data-table="matrix"] tbody tr').first().waitFor({ timeout: 60_000 });
  await p.locator('table[data-table="frequency"] tbody tr').first().waitFor({ timeout: 60_000 });
  await p.locator('table[data-table="crosswalk"] tbody tr').first().waitFor({ timeout: 60_000 });
  await p.waitForFunction(() => document.querySelectorAll('section[aria-busy="true"]').length === 0, undefined, { timeout: 60_000 });
}
