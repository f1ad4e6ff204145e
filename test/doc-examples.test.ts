/**
 * The docs' examples run: every ```graphql block, every inline `{ ... }` operation and every inline
 * selection of a root field (`landscape { freshness { ... } }`, run as `{ landscape { ... } }`) in
 * README.md, docs/ (docs/regions/ included) and the region READMEs is sent through the gateway and must
 * answer with data and no error. Where a doc prints an answer (a ```json block right after the
 * operation), the live answer must match it: every printed value, and a printed list's rows are the
 * first rows of the live list. docs/queries/*.graphql run in test/comparison-queries.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gql } from './support/client';
import { REGIONS } from '../contract/src/registry';

const ROOT = join(__dirname, '..');
const markdown = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `${dir}/${f}`);
const DOCS = ['README.md', ...markdown('docs'), ...markdown('docs/regions'), ...REGIONS.map((r) => `subgraphs/${r.code}/README.md`)];
const ROOTS = `region|regions|landscape|${REGIONS.map((r) => r.code).join('|')}`;

/** Whether `text` has balanced braces and nests at least two levels (a selection with leaves, not `landscape { freshness }`). */
function isSelection(text: string): boolean {
  let depth = 0;
  let max = 0;
  for (const c of text) {
    if (c === '{') max = Math.max(max, ++depth);
    if (c === '}' && --depth < 0) return false;
  }
  return depth === 0 && max >= 2;
}

/** "[...]" or "... }": a shortened selection in prose, not an operation ("... on X" is a fragment and runs). */
const ELIDED = /\[\.\.\.\]|\.\.\.\s*[}\]]/;

interface Example {
  file: string;
  query: string;
  answer?: string;
}

function examples(file: string): Example[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: Example[] = [];
  for (const m of text.matchAll(/```graphql\n([\s\S]*?)```(?:\s*```json\n([\s\S]*?)```)?/g)) out.push({ file, query: m[1]!, answer: m[2] });
  for (const m of text.matchAll(new RegExp(`\`(\\{ (?:${ROOTS})\\b[^\`]*\\})\``, 'g'))) out.push({ file, query: m[1]! });
  // A root field's selection without the operation's braces, unless elided ("[...]", "...").
  for (const m of text.matchAll(new RegExp(`\`((?:${ROOTS})(?:\\([^\`)]*\\))? \\{[^\`]*\\})\``, 'g'))) {
    if (isSelection(m[1]!) && !ELIDED.test(m[1]!)) out.push({ file, query: `{ ${m[1]!} }` });
  }
  return out;
}

const ALL = DOCS.flatMap(examples);

/** Drops the "…" placeholders the docs use for elided parts. */
const withoutElisions = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(withoutElisions);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== '…')
        .map(([k, x]) => [k, withoutElisions(x)]),
    );
  return v;
};

/** Every printed value is the live one; a printed list is the start of the live list. */
function expectPrinted(live: unknown, printed: unknown, path: string): void {
  if (Array.isArray(printed)) {
    expect(Array.isArray(live), path).toBe(true);
    printed.forEach((p, i) => expectPrinted((live as unknown[])[i], p, `${path}[${i}]`));
  } else if (printed && typeof printed === 'object') {
    expect(live && typeof live === 'object', path).toBe(true);
    for (const [k, v] of Object.entries(printed)) expectPrinted((live as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else expect(live, path).toEqual(printed);
}

describe('the examples in README.md and docs/', () => {
  it('are found (README has its example comparison and its drill-down)', () => {
    const readme = ALL.filter((e) => e.file === 'README.md');
    expect(readme.some((e) => e.answer && e.query.includes('meetingFrequencyTable'))).toBe(true);
    expect(readme.some((e) => e.query.startsWith('{ region(code: "samla")'))).toBe(true);
  });

  it('inline selections are found, elided ones are not run', () => {
    expect(ALL.some((e) => e.file === 'docs/ARCHITECTURE.md' && e.query.startsWith('{ landscape { freshness {'))).toBe(true);
    expect(ALL.some((e) => ELIDED.test(e.query))).toBe(false);
    expect(ALL.some((e) => e.query === '{ landscape { freshness } }')).toBe(false);
  });

  it.each(ALL.map((e, i) => [`${e.file} #${i + 1}`, e] as const))('%s answers with data and no error', async (_name, example) => {
    const r = await gql(example.query);
    expect(r.status).toBe(200);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.data).toBeTruthy();
    if (!example.answer) return;
    expectPrinted(r.data, (withoutElisions(JSON.parse(example.answer)) as { data: unknown }).data, 'data');
  });
});
