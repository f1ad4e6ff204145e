/**
 * The data checks every entry point runs (a subgraph before loading, `npm run generate`,
 * `npm run check-data`), on temporary copies of Kalmar's data file and its document: each kind of
 * problem is found, and its message names the data file, the JSON path and the offending text.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { checkRegionData, DataFileError, findSourcesDir, loadRegionData } from '../src/data/load';

const root = join(__dirname, '..', '..');
const NAME = '002_b6f78db4ef6f618f.json';
const DOCUMENT = '002_b6f78db4ef6f618f.txt';
const committed = readFileSync(join(root, 'subgraphs', 'kalmar', 'data', NAME), 'utf8');

const tmp = mkdtempSync(join(tmpdir(), 'samverkan-data-check-unit-'));
const dataDir = join(tmp, 'subgraphs', 'kalmar', 'data');
const file = join(dataDir, NAME);
type Json = any;
const edit = (change: (d: Json) => void) => {
  const d = JSON.parse(committed) as Json;
  change(d);
  writeFileSync(file, JSON.stringify(d, null, 2));
};
const problems = () => checkRegionData(dataDir).problems;

beforeEach(() => {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(join(tmp, 'docs'));
  cpSync(join(root, 'docs', 'sources'), join(tmp, 'docs', 'sources'), { recursive: true });
  writeFileSync(file, committed);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('checkRegionData', () => {
  it('finds the documents in docs/sources/ above the data folder, and passes the committed file', () => {
    expect(findSourcesDir(dataDir, {})).toBe(join(tmp, 'docs', 'sources'));
    expect(findSourcesDir(dataDir, { SOURCES_DIR: '/elsewhere' })).toBe('/elsewhere');
    expect(problems()).toEqual([]);
  });

  it.each<[string, (d: Json) => void, string]>([
    [
      'a quote that is not in the document',
      (d) => {
        d.roles[0].source.quote += ' och mer';
      },
      `$.roles[0].source.quote: not in ${DOCUMENT}: "`,
    ],
    [
      'a section heading that is not in the document',
      (d) => {
        d.bodies[0].cadence.source.section = 'Gemensam presidiekonferens > Ingen sådan rubrik';
      },
      `$.bodies[0].cadence.source.section: heading "Ingen sådan rubrik" is not in ${DOCUMENT}`,
    ],
    [
      "cadence numbers that are not the normalizer's",
      (d) => {
        d.bodies[0].cadence.minPerYear = 1;
        d.bodies[0].cadence.approximate = true;
      },
      '$.bodies[0].cadence: "Två gånger varje år" normalizes to minPerYear 2, approximate false; the data says minPerYear 1, approximate true',
    ],
    [
      'a frequency text that is not in its quote',
      (d) => {
        d.bodies[0].cadence.text = 'Tre gånger varje år';
      },
      '$.bodies[0].cadence.text: not part of its quote "',
    ],
    [
      'an unknown body id',
      (d) => {
        d.roles[0].servesBodyIds = ['ingen-sadan-grupp'];
      },
      '$.roles[0].servesBodyIds[0]: unknown body id "ingen-sadan-grupp"',
    ],
    [
      'a duplicate id',
      (d) => {
        d.plans[1].id = d.plans[0].id;
      },
      `$.plans[1].id: duplicate plan id`,
    ],
    [
      'a value the schema does not allow',
      (d) => {
        d.bodies[2].kind = 'KOMMITTE';
      },
      '$.bodies[2].kind: Invalid option: expected one of',
    ],
    [
      'an event quote that is not in the document',
      (d) => {
        d.events[0].source.quote += ' och mer';
      },
      `$.events[0].source.quote: not in ${DOCUMENT}: "`,
    ],
    [
      'an event date phrase that is not in its quote',
      (d) => {
        d.events[0].from.text = 'bildades 2014';
      },
      '$.events[0].from.text: not part of its quote "',
    ],
    [
      'an event date whose year is not in its phrase',
      (d) => {
        d.events[0].from.date = '2014';
      },
      '$.events[0].from.date: the year of "2014" is not in its text "bildades 2013"',
    ],
    [
      'an event date that is no real day',
      (d) => {
        d.events[0].from.date = '2013-02-30';
      },
      '$.events[0].from.date: not a real date',
    ],
    [
      'an event period that ends before it begins',
      (d) => {
        d.events[0].to = { date: '2012', text: 'bildades 2013' };
      },
      '$.events[0].to.date: "2012" is before from "2013"',
    ],
    [
      'an event about an unknown plan',
      (d) => {
        d.events[0].planId = 'ingen-sadan-plan';
      },
      '$.events[0].planId: unknown plan id "ingen-sadan-plan"',
    ],
    [
      'a document that is not there',
      (d) => {
        d.file = '999_missing.txt';
      },
      '$.file: the file is named after another document than "999_missing.txt"',
    ],
  ])('%s', (_name, change, message) => {
    edit(change);
    const found = problems();
    expect(found).toHaveLength(found.filter((p) => p.startsWith(`${file}: `)).length);
    expect(
      found.some((p) => p.includes(message)),
      found.join('\n'),
    ).toBe(true);
  });

  it('loads a data file without events (written before they existed)', () => {
    edit((d) => {
      delete d.events;
    });
    expect(problems()).toEqual([]);
    expect(loadRegionData('kalmar', dataDir).events).toEqual([]);
  });

  it('names the offending text: the quote as it stands in the data file', () => {
    edit((d) => {
      d.bodies[0].cadence.source.quote = 'Två gånger varje år träffas berörda tjänstemän';
    });
    expect(problems()).toEqual([`${file}: $.bodies[0].cadence.source.quote: not in ${DOCUMENT}: "Två gånger varje år träffas berörda tjänstemän"`]);
  });

  it('refuses data whose documents cannot be found, unless told not to read documents', () => {
    rmSync(join(tmp, 'docs'), { recursive: true });
    expect(problems()).toEqual([`${dataDir}: no source documents: no docs/sources/ at or above it, and SOURCES_DIR is not set`]);
    expect(checkRegionData(dataDir, { documents: false }).problems).toEqual([]);
  });

  it('loadRegionData throws a DataFileError listing every problem', () => {
    edit((d) => {
      d.bodies[0].cadence.maxPerYear = 5;
      d.roles[0].servesBodyIds = ['x'];
    });
    let error: unknown;
    try {
      loadRegionData('kalmar', dataDir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).problems).toHaveLength(2);
    expect((error as DataFileError).message).toContain('2 problems');
  });
});
