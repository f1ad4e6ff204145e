/**
 * The docs' examples run: every ```graphql block and every inline `{ ... }` operation in README.md and
 * docs/ is sent through the gateway and must answer with data and no error; where the README prints an
 * answer, the live answer must match it (the printed rows are the first rows of the live answer).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gql } from './support/client';

const ROOT = join(__dirname, '..');
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

interface Example { file: string; query: string; answer?: string }

function examples(file: string): Example[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: Example[] = [];
  for (const m of text.matchAll(/```graphql\n([\s\S]*?)```(?:\s*```json\n([\s\S]*?)```)?/g)) out.push({ file, query: m[1]!, answer: m[2] });
  for (const m of text.matchAll(/`(\{ (?:region|regions|landscape|orebro|kalmar|hoglandet|samla)\b[^`]*\})`/g)) out.push({ file, query: m[1]! });
  return out;
}

const ALL = DOCS.flatMap(examples);

/** Drops the "…" placeholders the docs use for elided parts. */
const withoutElisions = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(withoutElisions);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== '…').map(([k, x]) => [k, withoutElisions(x)]));
  return v;
};

describe('the examples in README.md and docs/', () => {
  it('are found (README has its example comparison and its drill-down)', () => {
    const readme = ALL.filter((e) => e.file === 'README.md');
    expect(readme.some((e) => e.answer && e.query.includes('meetingFrequencyTable'))).toBe(true);
    expect(readme.some((e) => e.query.startsWith('{ region(code: "samla")'))).toBe(true);
  });

  it.each(ALL.map((e, i) => [`${e.file} #${i + 1}`, e] as const))('%s answers with data and no error', async (_name, example) => {
    const r = await gql(example.query);
    expect(r.status).toBe(200);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.data).toBeTruthy();
    if (!example.answer) return;
    const printed = withoutElisions(JSON.parse(example.answer)) as { data: { landscape: Record<string, unknown> } };
    for (const [field, value] of Object.entries(printed.data.landscape)) {
      const live = (r.data as { landscape: Record<string, unknown> }).landscape[field];
      if (Array.isArray(value)) {
        expect((live as unknown[]).slice(0, value.length), field).toMatchObject(value);
      } else expect(live, field).toEqual(value);
    }
  });
});
