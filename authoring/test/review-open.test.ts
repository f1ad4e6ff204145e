/**
 * The review command opening a region's own data file that still holds the draft stage's marks (a
 * region scaffolded with `new-region --data <draft>`): its proposals are offered for acceptance, as
 * when the draft is opened with --draft. No browser: the page's session route says what it shows.
 */
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReviewServer } from './review-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGIONS } from '../../contract/src/registry';
import { testPort } from '../../test/support/ports';

type Json = Record<string, any>;
const ROOT = join(__dirname, '..', '..');
const PORT = testPort(16412);
// The first data file of the registry's regions with a body that has an assignment; that assignment gets a draft mark.
const found = REGIONS.flatMap((r) => {
  const dir = join(ROOT, 'subgraphs', r.code, 'data');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .map((name) => ({ region: r, dir, name, data: JSON.parse(readFileSync(join(dir, name), 'utf8')) as Json }));
}).find((f) => f.data.bodies.some((b: Json) => b.assignments?.length > 0))!;
const { region, name, data } = found;
const marked = data.bodies.find((b: Json) => b.assignments?.length > 0);
const mark = { rule: 'duty-sentence', confidence: 0.6 };
const scratch = mkdtempSync(join(tmpdir(), 'samverkan-review-open-'));
let server: ChildProcess | undefined;

beforeAll(async () => {
  const dataDir = join(scratch, 'data');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(join(scratch, 'docs', 'sources'), { recursive: true });
  copyFileSync(join(ROOT, 'docs', 'sources', data.file), join(scratch, 'docs', 'sources', data.file));
  marked.assignments[0].source.draft = mark;
  writeFileSync(join(dataDir, name), JSON.stringify(data, null, 2) + '\n');
  server = await startReviewServer(['--region', region.code, '--data-dir', dataDir], PORT);
}, 120_000);

afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(scratch, { recursive: true, force: true });
});

describe('review opens a region file with draft marks', () => {
  it("moves a marked source's draft onto its fact, so the page offers Accept", async () => {
    const session = (await (await fetch(`http://127.0.0.1:${PORT}/api/session`)).json()) as { data: Json };
    const body = session.data.bodies.find((b: Json) => b.id === marked.id);
    expect(body.assignments[0].draft).toEqual(mark);
    expect(body.assignments[0].source.draft).toBeUndefined();
    // Facts without a mark stay as they are: a reviewed fact is not offered again.
    expect(body.assignments.slice(1).filter((a: Json) => a.draft)).toEqual([]);
  });
});
