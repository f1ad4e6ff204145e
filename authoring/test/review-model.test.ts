/**
 * The review's data side, without a browser: every fact of every reviewed data file is one the page
 * shows (the contract's own list of sources), a reviewed file is written back byte for byte, proposals
 * nobody accepted are left out, the server refuses data that fails check-data's checks, and the
 * command says what is wrong with its arguments.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REGIONS } from '../../contract/src/registry';
import { collectSources } from '../../contract/src/data/validate';
import { formatDataFile } from '../src/review/format';
import { acceptAt, factsOf, withoutProposals, type Json } from '../src/review/model';
import { createReviewServer } from '../src/review/server';

const ROOT = join(__dirname, '..', '..');
const files = REGIONS.flatMap((r) =>
  readdirSync(join(ROOT, 'subgraphs', r.code, 'data'))
    .filter((n) => n.endsWith('.json'))
    .map((n) => join('subgraphs', r.code, 'data', n)),
);
const read = (file: string): Json => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

describe.each(files)('%s', (file) => {
  it('is shown whole: a fact for every source the contract finds, and written back byte for byte', () => {
    const data = read(file);
    const shown = factsOf(data).map((f) => (f.value === f.value.source || !f.value.source ? f.key : `${f.key}.source`));
    expect(shown.sort()).toEqual(
      collectSources(data)
        .map((s) => s.path)
        .sort(),
    );
    expect(formatDataFile(withoutProposals(data))).toBe(readFileSync(join(ROOT, file), 'utf8'));
  });
});

describe('proposals', () => {
  const data = files.map(read).find((d) => d.bodies.some((b: Json) => b.purposes.length && b.assignments.length))!;
  const i = data.bodies.findIndex((b: Json) => b.purposes.length && b.assignments.length);
  const body = data.bodies[i];

  it('left out when nobody accepted them, with what stands in them; accepted ones stay, without their mark', () => {
    const draft = structuredClone(data);
    draft.bodies.push({ ...structuredClone(body), id: 'proposed', draft: { rule: 'heading', confidence: 0.5 } });
    draft.bodies[i].purposes.push({ text: 'x', source: { section: 's', quote: 'q' }, draft: { rule: 'r', confidence: 0.1 } });
    draft.bodies[i].substitutes = { rule: 'ALLOWED', source: { section: 's', quote: 'q' }, draft: { rule: 'r', confidence: 0.2 } };
    draft.bodies[i].assignments[0].draft = { rule: 'r', confidence: 0.9 };
    acceptAt(draft, ['bodies', i, 'assignments', 0]);
    const expected = structuredClone(data);
    expected.bodies[i].substitutes = { rule: 'NOT_STATED', source: null };
    expect(withoutProposals(draft)).toEqual(expected);
    expect(
      factsOf(draft)
        .filter((f) => f.draft)
        .map((f) => f.key),
    ).toEqual([`$.bodies[${i}].purposes[${body.purposes.length}]`, `$.bodies[${i}].substitutes`]);
  });
});

describe('the server', () => {
  const region = REGIONS.find((r) => readdirSync(join(ROOT, 'subgraphs', r.code, 'data')).length === 1)!;
  const repoData = join(ROOT, 'subgraphs', region.code, 'data');
  const name = readdirSync(repoData)[0]!;
  const scratch = mkdtempSync(join(tmpdir(), 'samverkan-review-model-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  mkdirSync(join(scratch, 'data'));
  copyFileSync(join(repoData, name), join(scratch, 'data', name));
  const data = read(join('subgraphs', region.code, 'data', name));
  const restarts: string[] = [];
  const options = {
    region: region.code,
    regionName: region.name,
    dataDir: join(scratch, 'data'),
    name,
    sourcesDir: join(ROOT, 'docs', 'sources'),
    data,
    origin: name,
    documentText: readFileSync(join(ROOT, 'docs', 'sources', String(data.file)), 'utf8'),
    pageDir: scratch,
    restart: async () => {
      restarts.push(region.code);
      return `${region.code} restarted`;
    },
  };

  async function save(body: Json): Promise<{ status: number; json: Json }> {
    const server = createReviewServer(options);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/save`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: body }),
      });
      return { status: res.status, json: (await res.json()) as Json };
    } finally {
      server.close();
    }
  }

  it('refuses data that fails the checks, naming the path, and writes nothing', async () => {
    const wrong = structuredClone(data);
    const b = data.bodies.findIndex((x: Json) => x.purposes.length);
    wrong.bodies[b].name = '';
    wrong.bodies[b].purposes[0].source.quote = 'Ett citat som inte står i dokumentet.';
    const { status, json } = await save(wrong);
    expect(status).toBe(422);
    expect(json.problems).toEqual([{ path: `$.bodies[${b}].name`, message: 'Too small: expected string to have >=1 characters (found "")' }]);
    wrong.bodies[b].name = data.bodies[b].name;
    const second = await save(wrong);
    expect(second.json.problems).toEqual([
      { path: `$.bodies[${b}].purposes[0].source.quote`, message: `not in ${String(data.file)}: "Ett citat som inte står i dokumentet."` },
    ]);
    expect(readFileSync(join(scratch, 'data', name), 'utf8')).toBe(readFileSync(join(repoData, name), 'utf8'));
    expect(restarts).toEqual([]);
  });

  it('writes a reviewed file back unchanged, leaves no temporary file, and asks that the region restart', async () => {
    const { status, json } = await save(data);
    expect(status).toBe(200);
    expect(json).toEqual({ saved: join(scratch, 'data', name), proposalsLeftOut: 0, restart: `${region.code} restarted` });
    expect(readFileSync(join(scratch, 'data', name), 'utf8')).toBe(readFileSync(join(repoData, name), 'utf8'));
    expect(readdirSync(join(scratch, 'data'))).toEqual([name]);
    expect(restarts).toEqual([region.code]);
  });

  it('writes only a data file in the folder of the region', () => {
    expect(() => createReviewServer({ ...options, name: '../elsewhere.json' })).toThrow(
      `refusing to write ${join(scratch, 'elsewhere.json')}: not a data file in ${join(scratch, 'data')}`,
    );
  });
});

describe('npm run review', () => {
  const review = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'authoring', 'dist', 'cli', 'review.js'), ...args], { encoding: 'utf8' });

  it('names what is wrong with its arguments and exits 2', () => {
    const unknown = review('--region', 'nowhere');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(`review: --region must be one of ${REGIONS.map((r) => r.code).join(', ')}`);
    const several = REGIONS.find((r) => readdirSync(join(ROOT, 'subgraphs', r.code, 'data')).length > 1)!;
    const names = readdirSync(join(ROOT, 'subgraphs', several.code, 'data')).sort();
    const ambiguous = review('--region', several.code);
    expect(ambiguous.status).toBe(2);
    expect(ambiguous.stderr).toContain(`has ${names.length} data files (${names.join(', ')}): choose one with --document`);
    const port = review('--region', several.code, '--port', '70000');
    expect(port.stderr).toContain('review: --port must be a port number, got 70000');
  });
});
