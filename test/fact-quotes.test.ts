/**
 * Issue #27 through the gateway: every fact an aggregate or a dashboard panel shows has its own quote
 * (the misreadings the issue lists, compared with the documents' own text: fact-misreadings.test.ts).
 *
 * The walk: every example operation of docs/queries/ and every dashboard operation (the persisted
 * manifest the dashboard sends, with its default variables) is sent; in every answer, every quote is
 * an exact substring of its document and every heading of its section stands in it, and every STATED
 * matrix cell shows as many facts as it has quotes, each fact with its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gqlOk } from './support/client';
import { sourceText, type Quote } from './support/documents';
import { REGIONS } from '../contract/src/registry';

const ROOT = join(__dirname, '..');

interface Fact {
  text: string;
  quote: Quote;
}
interface Cell {
  regionCode: string;
  status: string;
  value: string | null;
  details: string[];
  note: string | null;
  quotes: Quote[];
  quoteCount: number;
  facts: Fact[];
}
interface Row {
  aspect: string;
  cells: Cell[];
}

/** Every object of an answer that is a quote (document, section, quote), with where it is. */
function quotesIn(value: unknown, path: string, out: Array<{ path: string; q: Quote }> = []) {
  if (Array.isArray(value)) value.forEach((v, i) => quotesIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const r = value as Record<string, unknown>;
    if (typeof r.quote === 'string' && typeof r.section === 'string' && typeof r.document === 'string') out.push({ path, q: r as unknown as Quote });
    for (const [k, v] of Object.entries(r)) quotesIn(v, `${path}.${k}`, out);
  }
  return out;
}

/** The operations a reader or the dashboard sends: docs/queries and the dashboard's persisted manifest. */
function operations(): Array<{ name: string; query: string }> {
  const dir = join(ROOT, 'docs', 'queries');
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => ({ name: f, query: readFileSync(join(dir, f), 'utf8') }));
  const manifest = JSON.parse(readFileSync(join(ROOT, 'gateway', 'persisted-documents', 'dashboard.json'), 'utf8')) as Record<string, string>;
  return [...docs, ...Object.values(manifest).map((query) => ({ name: /query (\w+)/.exec(query)![1]!, query }))];
}

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
interface SchemaType {
  name: string;
  fields: Array<{ name: string; args: Array<{ type: TypeRef }>; type: TypeRef }> | null;
}
const INTROSPECT = `{ __schema { types { name fields { name args { type { ...T } } type { ...T } } } } }
  fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`;
const namedType = (t: TypeRef): string => t.name ?? namedType(t.ofType!);
/** The types a root field of Query returns besides Landscape (the regions and their entities), filled from the schema. */
const ENTITIES = new Set<string>();

/**
 * A selection of every field of a type, down to its scalars (each object type once per path; fields
 * needing an argument left out; the regions' own entities, which the aggregates do not make, not entered).
 */
function selectAll(typeName: string, types: Map<string, SchemaType>, path: string[] = []): string | null {
  const fields = types.get(typeName)?.fields;
  if (!fields || ENTITIES.has(typeName)) return null;
  const parts = fields
    .filter((f) => !f.args.some((a) => a.type.kind === 'NON_NULL'))
    .flatMap((f) => {
      const inner = namedType(f.type);
      if (!types.get(inner)?.fields) return [f.name];
      if (path.includes(inner)) return [];
      const sub = selectAll(inner, types, [...path, inner]);
      return sub ? [`${f.name} ${sub}`] : [];
    });
  return parts.length ? `{ ${parts.join(' ')} }` : null;
}

/** Every aggregate of the landscape, asked with all its fields (required arguments: every region, a common word). */
async function everyAggregate(): Promise<Array<{ name: string; data: unknown }>> {
  const schema = await gqlOk<{ __schema: { types: SchemaType[] } }>(INTROSPECT);
  const types = new Map(schema.__schema.types.map((t) => [t.name, t]));
  for (const f of types.get('Query')!.fields!) if (namedType(f.type) !== 'Landscape') ENTITIES.add(namedType(f.type));
  const args: Record<string, string> = { differences: `(regions: ${JSON.stringify(REGIONS.map((r) => r.code))})`, search: '(text: "samverkan", first: 100)' };
  const out: Array<{ name: string; data: unknown }> = [];
  for (const f of types.get('Landscape')!.fields!) {
    const sub = selectAll(namedType(f.type), types, ['Landscape', namedType(f.type)]);
    if (!sub) continue;
    out.push({ name: f.name, data: await gqlOk(`{ landscape { ${f.name}${args[f.name] ?? ''} ${sub} } }`) });
  }
  return out;
}

const MATRIX =
  '{ landscape { comparisonMatrix { rows { aspect cells { regionCode status value details note quotes { document section quote } quoteCount facts { text quote { document section quote } } } } } } }';
let rows: Row[];
const cell = (aspect: string, region: string) => rows.find((r) => r.aspect === aspect)!.cells.find((c) => c.regionCode === region)!;

beforeAll(async () => {
  rows = (await gqlOk<{ landscape: { comparisonMatrix: { rows: Row[] } } }>(MATRIX)).landscape.comparisonMatrix.rows;
});

describe('every fact shown has its own quote', () => {
  it('every quote of every example and dashboard answer is verbatim in its document, under its headings', async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(11);
    let seen = 0;
    for (const op of ops) {
      const variables = op.query.includes('$text') ? { text: 'samverkan' } : {};
      if (/\$\w+: \w+!/.test(op.query.replace(/\$text: String!/, ''))) continue; // an operation needing an argument a panel supplies
      const data = await gqlOk(op.query, variables);
      for (const { path, q } of quotesIn(data, op.name)) {
        const text = sourceText(q.document);
        expect(text.includes(q.quote), `${path}: ${q.quote}`).toBe(true);
        for (const heading of q.section.split(' > ')) expect(text.includes(heading), `${path}.section: ${heading}`).toBe(true);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(100);
  }, 120_000);

  it('every aggregate of the landscape, asked with all its fields: every quote verbatim, every listed fact with a quote of its own', async () => {
    const answers = await everyAggregate();
    expect(answers.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        'comparisonMatrix',
        'reportingDuties',
        'functionalCrosswalk',
        'rolesCrosswalk',
        'reportingChains',
        'timeline',
        'search',
        'differences',
      ]),
    );
    const unquoted: string[] = [];
    let seen = 0;
    for (const { name, data } of answers) {
      for (const { path, q } of quotesIn(data, name)) {
        expect(sourceText(q.document).includes(q.quote), `${path}: ${q.quote}`).toBe(true);
        seen++;
      }
      // a list of facts (an object with text and a quote field) where one fact has no quote
      (function walk(v: unknown, path: string) {
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
        else if (v && typeof v === 'object') {
          const r = v as Record<string, unknown>;
          if ('quote' in r && r.quote === null && typeof (r.text ?? r.description) === 'string') unquoted.push(`${path}: ${String(r.text ?? r.description)}`);
          if (Array.isArray(r.facts) && Array.isArray(r.quotes))
            expect(
              (r.facts as Fact[]).every((f) => f.quote),
              path,
            ).toBe(true);
          for (const [k, x] of Object.entries(r)) walk(x, `${path}.${k}`);
        }
      })(data, name);
    }
    expect(seen).toBeGreaterThan(500);
    expect(unquoted).toEqual([]);
  }, 120_000);

  it('a STATED matrix cell shows one fact per quote, each with its own; a NOT_STATED cell shows no fact', () => {
    for (const row of rows) {
      for (const c of row.cells) {
        const where = `${row.aspect} ${c.regionCode}`;
        if (c.status !== 'STATED') {
          expect(c.facts, where).toEqual([]);
          continue;
        }
        expect(c.facts.length, where).toBe(c.quotes.length);
        expect(
          c.facts.map((f) => f.quote),
          where,
        ).toEqual(c.quotes);
        expect(c.quoteCount, where).toBe(c.quotes.length);
      }
    }
  });

  it("SAMLA's chair: selection, term and rotation each with its own quote, in the document's words", () => {
    const c = cell('CHAIR_SELECTION', 'samla');
    const doc = sourceText('004_d4ad0bc19c53bb6e.txt');
    expect(c.facts.map((f) => [f.text, f.quote.quote])).toEqual([
      [
        'selection: Ordförandeskapet i Samordningsgruppen följer samma huvudman som ordförandeskapet i den politiska samrådsgruppen.',
        'Ordförandeskapet i Samordningsgruppen följer samma huvudman som ordförandeskapet i den politiska samrådsgruppen.',
      ],
      ['term: Mandatperiod om ett år', 'Ordförandeskapet roterar mellan huvudmännen med en mandatperiod om ett år.'],
      ['rotation: Ordförandeskapet roterar mellan huvudmännen', 'Ordförandeskapet roterar mellan huvudmännen med en mandatperiod om ett år.'],
    ]);
    // each fact's words stand in its own quote (the paraphrase "(regionen och kommunerna)" is gone)
    for (const f of c.facts) expect(f.quote.quote.toLowerCase()).toContain(f.text.replace(/^\w+: /, '').toLowerCase());
    expect(doc).not.toContain('(regionen och kommunerna)');
    expect(c.value).not.toContain('(regionen och kommunerna)');
    expect(c.note).not.toMatch(/quoted/);
    const vice = cell('VICE_CHAIR', 'samla');
    expect(vice.facts.map((f) => f.text)).toEqual(['selection: Utses av den huvudman som inte innehar ordförandeskapet.']);
    expect(vice.facts[0]!.quote.quote).toBe('Gruppen har även en vice ordförande, som utses av den huvudman som inte innehar ordförandeskapet.');
  });

  it('Höglandet\'s reports: one stream twice a year ("vid halv- och helårsskifte"), counted once', () => {
    const half = cell('HALF_YEAR_REPORT', 'hoglandet');
    expect(half.facts.map((f) => f.quote.quote)).toEqual([
      'Lämna skriftlig rapport avseende samverkansarbetet i respektive kommunområde till förbundschef i Höglandets samordningsförbund vid halv- och helårsskifte.',
    ]);
    expect(half.value).toBe('Samverkanskoordinator → förbundschef i Höglandets samordningsförbund (vid halv- och helårsskifte)');
    expect(cell('ANNUAL_REPORT', 'hoglandet').status).toBe('NOT_STATED');
  });

  it('SAMLA\'s activity plans count for the action-plan row ("Upprätta en aktivitetsplan"), each with its quote', () => {
    const c = cell('ACTION_PLAN_REVISION', 'samla');
    expect(c.status).toBe('NOT_STATED');
    expect(c.note).toBe('2 action or activity plan(s), none states a revision cycle.');
    expect(c.quotes.map((q) => q.quote)).toContain('Upprätta en aktivitetsplan baserad på de prioriterade målområdena i SAMLA *Samverkansplan*.');
  });
});
