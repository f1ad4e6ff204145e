/**
 * Issue #15: the dated events the documents state, as typed, quoted facts, on each region and as one
 * timeline across the Landscape, through the gateway of the test federation. Expectations come from
 * the data files (subgraphs/<code>/data/*.json) and the documents, with the date arithmetic done here
 * independently of the implementation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGIONS } from '../contract/src/registry';
import { eventually, gql, gqlOk } from './support/client';
import { documentText } from './support/data-files';

interface FileDate {
  date: string;
  text: string;
}
interface FileEvent {
  id: string;
  kind: string;
  label: string;
  subject: string;
  bodyId?: string | null;
  planId?: string | null;
  from: FileDate;
  to?: FileDate | null;
  source: { section: string; quote: string };
}
interface ApiEvent {
  id: string;
  regionCode: string;
  kind: string;
  label: string;
  subject: string;
  bodyId: string | null;
  planId: string | null;
  document: string;
  from: FileDate & { precision: string };
  to: (FileDate & { precision: string }) | null;
  source: { document: string; section: string; quote: string };
}

const ROOT = join(__dirname, '..');
const ORDER = REGIONS.map((r) => r.code);
/** Every event of the data files, as the API should serve it (ids qualified, document order). */
const FILE_EVENTS = REGIONS.flatMap((r) => {
  const dir = join(ROOT, 'subgraphs', r.code, 'data');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .flatMap((n) => {
      const f = JSON.parse(readFileSync(join(dir, n), 'utf8')) as { file: string; events?: FileEvent[] };
      return (f.events ?? []).map((e, position) => ({ ...e, regionCode: r.code, document: f.file, qid: `${r.code}:${e.id}`, position }));
    });
});

const precisionOf = (date: string) => ({ 4: 'YEAR', 7: 'MONTH', 10: 'DAY' })[date.length as 4 | 7 | 10];
const lastDay = (date: string) => {
  if (date.length === 10) return date;
  if (date.length === 7) return `${date}-${String(new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate()).padStart(2, '0')}`;
  return `${date}-12-31`;
};
const firstDay = (date: string) => (date.length === 10 ? date : date.length === 7 ? `${date}-01` : `${date}-01-01`);
const endOf = (e: { from: FileDate; to?: FileDate | null }) => lastDay((e.to ?? e.from).date);
/** The timeline order: start, end, region (registry order), document order. */
const byTimeline = (a: (typeof FILE_EVENTS)[number], b: (typeof FILE_EVENTS)[number]) =>
  firstDay(a.from.date).localeCompare(firstDay(b.from.date)) ||
  endOf(a).localeCompare(endOf(b)) ||
  ORDER.indexOf(a.regionCode) - ORDER.indexOf(b.regionCode) ||
  FILE_EVENTS.indexOf(a) - FILE_EVENTS.indexOf(b);

const DATE = 'date precision text';
const EVENT = `id regionCode kind label subject bodyId planId document from { ${DATE} } to { ${DATE} } source { document section quote }`;
const timeline = async (args = '') =>
  (
    await gqlOk<{ landscape: { timeline: { events: ApiEvent[]; totalCount: number; missingRegions: string[]; staleRegions: string[] } } }>(
      `{ landscape { timeline${args} { totalCount missingRegions staleRegions events { ${EVENT} } } } }`,
    )
  ).landscape.timeline;
const ids = (events: Array<{ id: string }>) => events.map((e) => e.id);

describe('dated events (region { events }, landscape { timeline })', () => {
  it("the data has dated events (a region whose documents state none has none: a new region's)", () => {
    expect(FILE_EVENTS.length).toBeGreaterThan(0);
    for (const e of FILE_EVENTS) expect(ORDER).toContain(e.regionCode);
  });

  it('each region serves its events in document order, typed, with the date at the precision of the text', async () => {
    for (const code of ORDER) {
      const { region } = await gqlOk<{ region: { events: ApiEvent[] } }>(`{ region(code: "${code}") { events { ${EVENT} } } }`);
      const expected = FILE_EVENTS.filter((e) => e.regionCode === code);
      expect(region.events).toEqual(
        expected.map((e) => ({
          id: e.qid,
          regionCode: code,
          kind: e.kind,
          label: e.label,
          subject: e.subject,
          bodyId: e.bodyId ? `${code}:${e.bodyId}` : null,
          planId: e.planId ? `${code}:${e.planId}` : null,
          document: e.document,
          from: { ...e.from, precision: precisionOf(e.from.date) },
          to: e.to ? { ...e.to, precision: precisionOf(e.to.date) } : null,
          source: { ...e.source, document: e.document },
        })),
      );
    }
  });

  it('every quote is an exact substring of its document, and every date phrase is part of its quote', async () => {
    const t = await eventually(async () => {
      expect((await timeline()).totalCount).toBe(FILE_EVENTS.length);
    });
    expect(t).toBeLessThan(10_000);
    for (const e of (await timeline()).events) {
      expect(documentText(e.source.document)).toContain(e.source.quote);
      expect(e.source.quote).toContain(e.from.text);
      if (e.to) expect(e.source.quote).toContain(e.to.text);
    }
  });

  it('a year is a year: a text that names only a year ("bildades 2013") is precision YEAR with a four-digit date, never a 1 January', async () => {
    const events = (await timeline()).events;
    const yearOnly = events.filter((e) => !/\d{4}-\d{2}/.test(e.from.text));
    expect(yearOnly.length).toBe(FILE_EVENTS.filter((e) => !/\d{4}-\d{2}/.test(e.from.text)).length);
    for (const e of yearOnly) expect(e.from).toMatchObject({ date: expect.stringMatching(/^\d{4}$/), precision: 'YEAR' });
    for (const e of events) expect(e.from.precision).toBe(precisionOf(e.from.date));
  });

  it('the timeline is ordered by start date, then end, then region, then document order, across regions', async () => {
    const t = await timeline();
    expect(t).toMatchObject({ totalCount: FILE_EVENTS.length, missingRegions: [], staleRegions: [] });
    expect(ids(t.events)).toEqual([...FILE_EVENTS].sort(byTimeline).map((e) => e.qid));
  });

  it('filters: regions, kinds, and a window (events that overlap it)', async () => {
    const [a, b] = [ORDER[0]!, ORDER[2]!];
    expect(ids((await timeline(`(regions: ["${a}", "${b}"])`)).events)).toEqual(
      [...FILE_EVENTS]
        .sort(byTimeline)
        .filter((e) => e.regionCode === a || e.regionCode === b)
        .map((e) => e.qid),
    );
    expect(ids((await timeline('(kinds: [PLAN_PERIOD, FOUNDED])')).events)).toEqual(
      [...FILE_EVENTS]
        .sort(byTimeline)
        .filter((e) => e.kind === 'PLAN_PERIOD' || e.kind === 'FOUNDED')
        .map((e) => e.qid),
    );
    for (const [from, to] of [
      ['2016', '2016'],
      ['2019-07', '2020-06-30'],
      ['2024', '2029'],
      ['2027', null],
      [null, '2015'],
    ]) {
      const args = [from && `from: "${from}"`, to && `to: "${to}"`].filter(Boolean).join(', ');
      const expected = [...FILE_EVENTS]
        .sort(byTimeline)
        .filter((e) => (!from || endOf(e) >= firstDay(from)) && (!to || firstDay(e.from.date) <= lastDay(to)))
        .map((e) => e.qid);
      expect(ids((await timeline(`(${args})`)).events), args).toEqual(expected);
    }
  });

  it.each([
    ['(from: "2024-13")', /from: "2024-13" is not a date/],
    ['(to: "yesterday")', /to: "yesterday" is not a date/],
    ['(from: "2023-02-30")', /from: "2023-02-30" is not a date/],
    ['(from: "2025", to: "2024")', /from "2025" is after to "2024"/],
    ['(regions: ["atlantis"])', /Unknown region code\(s\): atlantis/],
  ])('bad input %s is BAD_USER_INPUT', async (args, message) => {
    const r = await gql(`{ landscape { timeline${args} { totalCount } } }`);
    expect(r.errors?.[0]?.message).toMatch(message);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
