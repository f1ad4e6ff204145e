/**
 * `npm run new-region` end to end, without touching the working tree: in a copy of it in a temporary
 * folder (test/support/repository-copy.ts), build, refuse an unacknowledged breaking compose, scaffold
 * a throwaway region, check every registration, start the whole federation (ports 17000+, schemas
 * scaffold_*) and see the region in the comparison answers, stop it and see it missing, then
 * `--remove` it: the copy's tree is back exactly as it was (`git status --porcelain` is empty).
 *
 * That the templates render exactly the files every existing region has: region-templates.test.ts.
 */
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { stripVTControlCharacters } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { COMPARISON, GATEWAY, REGIONS } from '../contract/src/registry';
import { regionTypename, renderRegionFiles } from '../scripts/lib/scaffold';
import { gql } from './support/client';
import { testPort } from './support/ports';
import { copyRepository, gitIn, nodeIn, tscIn, vitestConfigIn } from './support/repository-copy';

const root = join(__dirname, '..');
const CODE = 'provlan';
const NAME = 'Provlänet (test)';
const TYPENAME = regionTypename(CODE);
const SOURCE = '999_scaffold_test.txt';
const SOURCE_TEXT = '\n\n## Uppdragsbeskrivning för Provgruppen\n\nProvgruppen träffas fyra gånger per år.\n';
const SCHEMA_PREFIX = 'scaffold_';
/** The port the scaffold gives the region: the next after every port the registry names (4006 beside the four regions). */
const PORT = Math.max(...REGIONS.map((r) => r.port), COMPARISON.port, GATEWAY.port) + 1;
/** Test ports 17000+: the registry port's offset from the gateway's 4000, so a new region gets one too. */
const portFor = (registryPort: number) => testPort(17000 + (registryPort - 4000));

let copy = '';
let closed = false;
let federation: { gatewayUrl: string; stopService: (code: string) => Promise<void>; stop: () => Promise<void> } | undefined;

const inCopy = (file: string) => join(copy, file);
const readCopy = (file: string) => readFileSync(inCopy(file), 'utf8');
const git = (...args: string[]) => gitIn(copy, ...args);
const node = (args: string[]) => nodeIn(copy, args);
const tsc = () => tscIn(copy);

/** Temporary folders of the file (vitest configs, draft data files), removed after it. */
const configDirs: string[] = [];

describe('npm run new-region, in a copy of the repository', () => {
  beforeAll(async () => {
    const started = Date.now();
    copy = copyRepository();
    const build = tsc();
    if (build.status !== 0) throw new Error(`build in the copy failed:\n${build.output}`);
    console.log(`new-region test: copy and build in ${Date.now() - started} ms (${copy})`);
  }, 360_000); // a copy and a full build: over three minutes on a loaded machine

  afterAll(async () => {
    closed = true; // a test that runs on after its timeout stops the federation it then gets (see below)
    await federation?.stop().catch(() => {});
    const client = new Client({ connectionString: inject('databaseUrl') });
    try {
      await client.connect();
      const { rows } = await client.query<{ nspname: string }>("select nspname from pg_namespace where nspname like 'scaffold\\_%'");
      for (const { nspname } of rows) await client.query(`drop schema "${nspname}" cascade`);
    } finally {
      await client.end().catch(() => {});
    }
    if (copy && copy.startsWith(tmpdir())) rmSync(copy, { recursive: true, force: true });
    for (const dir of configDirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('compose refuses an unacknowledged breaking change, and writes once it is acknowledged', () => {
    const supergraph = readCopy('gateway/supergraph.graphql');
    const changes = readCopy('schema-changes.json');
    // The committed supergraph has a root field the code does not: composing now would remove it.
    const withExtra = supergraph.replace(
      /(type Query\n(?: {2}@join__type\(graph: \w+\)\n)+\{\n)/,
      '$1  retiredField: String @join__field(graph: COMPARISON)\n\n',
    );
    expect(withExtra).not.toBe(supergraph);
    writeFileSync(inCopy('gateway/supergraph.graphql'), withExtra);

    const check = node(['scripts/dist/schema-check.js']);
    expect(check.status, check.output).toBe(1);
    expect(check.output).toContain("Field 'retiredField' was removed from object type 'Query'");

    const refused = node(['scripts/dist/compose.js']);
    expect(refused.status, refused.output).toBe(1);
    expect(refused.output).toContain('BREAKING, not acknowledged');
    expect(refused.output).toContain('schema-changes.json');
    expect(readCopy('gateway/supergraph.graphql')).toBe(withExtra);

    const acknowledged = JSON.parse(changes) as { acknowledged: unknown[] };
    acknowledged.acknowledged.push({ path: 'Query.retiredField', reason: 'test: never used', acknowledgedBy: 'new-region test' });
    writeFileSync(inCopy('schema-changes.json'), JSON.stringify(acknowledged, null, 2));
    expect(node(['scripts/dist/schema-check.js']).status).toBe(0);
    const written = node(['scripts/dist/compose.js']);
    expect(written.status, written.output).toBe(0);
    expect(readCopy('gateway/supergraph.graphql')).toBe(supergraph);
    writeFileSync(inCopy('schema-changes.json'), changes);
    expect(git('status', '--porcelain')).toBe('');
  }, 120_000);

  it('validates its arguments and writes nothing when they are wrong', () => {
    writeFileSync(inCopy(`docs/sources/${SOURCE}`), SOURCE_TEXT);
    // Draft data files (--data), outside the copy: one for another document, one quoting what the document does not say.
    const drafts = mkdtempSync(join(tmpdir(), 'samverkan-new-region-drafts-'));
    configDirs.push(drafts);
    const draft = (name: string, file: string, quote: string) => {
      const data = JSON.parse(
        renderRegionFiles({ code: CODE, name: NAME, sourceFile: SOURCE, title: quote, port: 1 })[`data/${SOURCE.replace('.txt', '.json')}`]!,
      ) as { file: string };
      writeFileSync(join(drafts, name), JSON.stringify({ ...data, file }));
      return join(drafts, name);
    };
    const cases: Array<[string[], RegExp]> = [
      [['Bad-Code', NAME, '--source', SOURCE], /lower-case letters/],
      [['samla', NAME, '--source', SOURCE], /already registered/],
      [[CODE, NAME], /--source <file> is required/],
      [[CODE, NAME, '--source', 'nope.txt'], /does not exist/],
      [[CODE, NAME, '--source', '004_d4ad0bc19c53bb6e.txt'], /already the source of samla/],
      [['--remove', 'nosuchregion'], /neither registered nor a folder/],
      [[CODE, NAME, '--source', SOURCE, '--data', join(drafts, 'nope.json')], /--data .*nope\.json: no such file/],
      [
        [CODE, NAME, '--source', SOURCE, '--data', draft('other.json', 'other.txt', 'Uppdragsbeskrivning för Provgruppen')],
        /"other\.txt", not the region's source document "999_scaffold_test\.txt"/,
      ],
      [
        [CODE, NAME, '--source', SOURCE, '--data', draft('unquoted.json', SOURCE, 'Uppdragsbeskrivning för Någon annan')],
        /--data .*unquoted\.json: .*Uppdragsbeskrivning för Någon annan/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = node(['scripts/dist/new-region.js', ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.output).toMatch(message);
    }
    expect(git('status', '--porcelain')).toBe(`?? docs/sources/${SOURCE}\n`);
  }, 60_000);

  it('scaffolds, registers and regenerates a region with the shape of the others', () => {
    const r = node(['scripts/dist/new-region.js', CODE, NAME, '--source', `docs/sources/${SOURCE}`]);
    expect(r.status, r.output).toBe(0);

    const filesOf = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
        .filter((f) => !/^(dist|node_modules)\/|tsbuildinfo$/.test(f))
        .sort();
    const mine = filesOf(inCopy(`subgraphs/${CODE}`));
    expect(mine).toEqual([
      'README.md',
      `data/${SOURCE.replace('.txt', '.json')}`,
      'package.json',
      'schema.graphql',
      'src/index.ts',
      'src/migrations/index.ts',
      'src/region.ts',
      'src/resolver.ts',
      'src/subgraph.ts',
      `test/${CODE}.test.ts`,
      'tsconfig.json',
    ]);
    // the same kinds of files as samla: its top-level entries, and every src/ file but samla's own typed views
    const samla = filesOf(inCopy('subgraphs/samla'));
    const top = (files: string[]) => [...new Set(files.map((f) => f.split('/')[0]))].sort();
    expect(top(mine)).toEqual(top(samla));
    for (const f of mine.filter((x) => x.startsWith('src/'))) expect(samla).toContain(f);

    const data = JSON.parse(readCopy(`subgraphs/${CODE}/data/${SOURCE.replace('.txt', '.json')}`));
    expect(data.file).toBe(SOURCE);
    expect(data.document.title).toBe('Uppdragsbeskrivning för Provgruppen');
    expect(SOURCE_TEXT).toContain(data.document.source.quote);
    expect(data.bodies).toEqual([]);

    // registered: the registry (next free port), workspaces, lock file, references, Dockerfile, env, sources
    expect(readCopy('contract/src/registry.ts')).toContain(`{ code: '${CODE}', name: '${NAME}', typename: '${TYPENAME}', port: ${PORT} },`);
    expect(JSON.parse(readCopy('package.json')).workspaces).toContain(`subgraphs/${CODE}`);
    const lock = JSON.parse(readCopy('package-lock.json'));
    expect(lock.packages[`node_modules/@samverkan/${CODE}`]).toEqual({ resolved: `subgraphs/${CODE}`, link: true });
    expect(lock.packages[`subgraphs/${CODE}`].name).toBe(`@samverkan/${CODE}`);
    const references = (JSON.parse(readCopy('tsconfig.json')) as { references: Array<{ path: string }> }).references.map((r) => r.path);
    expect(references.slice(references.indexOf(`subgraphs/${CODE}`))[1]).toBe('subgraphs/comparison');
    expect(readCopy('Dockerfile')).toContain(`COPY subgraphs/${CODE}/package.json subgraphs/${CODE}/`);
    expect(readCopy('.env.example')).toContain(`${CODE.toUpperCase()}_PORT=${PORT}`);
    expect(readCopy('docs/sources/README.md')).toContain(`| ${SOURCE} | ${NAME} |`);
    expect(lstatSync(inCopy(`node_modules/@samverkan/${CODE}`)).isSymbolicLink()).toBe(true);

    // regenerated and composed
    expect(readCopy('subgraphs/comparison/src/generated/region-stubs.ts')).toContain(`defineRegionStub('${TYPENAME}')`);
    const compose = parse(readCopy('docker-compose.yml')) as { services: Record<string, { environment: Record<string, string> }> };
    expect(compose.services[CODE]!.environment.SERVICE_DIR).toBe(`subgraphs/${CODE}`);
    expect(compose.services.gateway!.environment[`${CODE.toUpperCase()}_URL`]).toBe(`http://${CODE}:${PORT}/graphql`);
    expect(readCopy(`deploy/k8s/${CODE}.yaml`)).toContain(`SERVICE_DIR\n              value: subgraphs/${CODE}`);
    expect(readCopy(`docs/regions/${CODE}.md`)).toContain(NAME);
    expect(readCopy(`subgraphs/${CODE}/schema.graphql`)).toContain(`type ${TYPENAME} implements Region`);
    expect(readCopy('gateway/supergraph.graphql')).toContain(`${CODE}: ${TYPENAME}`);
    // and generating again changes nothing: what new-region wrote is what `npm run generate` writes,
    // the dashboard's operation types included (git's index holds what new-region wrote; reset after)
    git('add', '-A');
    expect(node(['scripts/dist/generate.js']).status).toBe(0);
    expect(node(['scripts/dist/codegen.js']).status).toBe(0);
    expect(git('diff', '--stat')).toBe('');
    expect(git('diff', '--cached', '--name-only').split('\n')).toEqual(expect.arrayContaining(['web/dashboard/generated/graphql.ts', '.github/CODEOWNERS']));
    git('reset', '-q');
  }, 240_000);

  it('starts with the federation, and the comparison subgraph answers for it', async () => {
    const req = createRequire(join(copy, 'scripts', 'dist', 'lib', 'federation.js'));
    const { startFederation } = req(join(copy, 'scripts', 'dist', 'lib', 'federation.js')) as {
      startFederation: (o: object) => Promise<NonNullable<typeof federation>>;
    };
    const { SUBGRAPHS, GATEWAY } = req('@samverkan/shared') as typeof import('../contract/src/registry');
    expect(SUBGRAPHS.map((s) => s.code)).toContain(CODE); // the copy's registry, not this tree's
    federation = await startFederation({
      env: { DATABASE_URL: inject('databaseUrl'), DB_SCHEMA_PREFIX: SCHEMA_PREFIX, LOG_LEVEL: 'silent', RESPONSE_CACHE: 'false', SUBGRAPH_RETRIES: '0' },
      ports: Object.fromEntries([...SUBGRAPHS, GATEWAY].map((s) => [s.code, portFor(s.port)])),
      output: 'ignore',
      startTimeoutMs: 90_000,
    });
    if (closed) {
      await federation.stop();
      throw new Error('the federation started after this file was already cleaned up (the test timed out): stopped it');
    }
    const url = federation.gatewayUrl;
    expect(url).toBe(`http://127.0.0.1:${portFor(4000)}/graphql`);

    const all = await gql<{ regions: Array<{ code: string }>; landscape: { missingRegions: string[] } }>(
      '{ regions { code } landscape { missingRegions } }',
      undefined,
      url,
    );
    expect(all.errors).toBeUndefined();
    expect(all.data!.regions.map((r) => r.code)).toEqual([...REGIONS.map((r) => r.code), CODE]);
    expect(all.data!.landscape.missingRegions).toEqual([]);

    const one = await gql<{
      region: { __typename: string; name: string; documents: Array<{ file: string; title: string; source: { quote: string } }>; bodies: unknown[] };
    }>(`{ region(code: "${CODE}") { __typename name documents { file title source { quote } } bodies { id } } }`, undefined, url);
    expect(one.errors).toBeUndefined();
    expect(one.data!.region).toEqual({
      __typename: TYPENAME,
      name: NAME,
      bodies: [],
      documents: [{ file: SOURCE, title: 'Uppdragsbeskrivning för Provgruppen', source: { quote: 'Uppdragsbeskrivning för Provgruppen' } }],
    });

    // The test the scaffold wrote for the region runs, and passes, against this federation.
    const config = vitestConfigIn(copy, [`subgraphs/${CODE}/test/**/*.test.ts`], url);
    configDirs.push(config.folder);
    const generatedTest = node([join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', config.file]);
    const report = stripVTControlCharacters(generatedTest.output); // vitest colours even with FORCE_COLOR=0
    expect(generatedTest.status, report).toBe(0);
    expect(report).toMatch(/Test Files +1 passed \(1\)/);
    expect(report).toMatch(/Tests +(\d+) passed \(\1\)/);
    expect(report).toContain(
      `subgraphs/${CODE}/test/${CODE}.test.ts > ${NAME} through the gateway > is the same region through the gateway’s region(code:) entry point`,
    );

    // The comparison synced the region (its read model holds a copy): with its subgraph down, it is the
    // one served stale from that copy (the next sync round, every 500 ms, notices), not missing.
    type Fresh = {
      landscape: {
        missingRegions: string[];
        staleRegions: string[];
        freshness: Array<{ regionCode: string; stale: boolean; dataVersion: string | null; reason: string | null }>;
      };
    };
    const freshness = '{ landscape { missingRegions staleRegions freshness { regionCode stale dataVersion reason } } }';
    const up = await gql<Fresh>(freshness, undefined, url);
    expect(up.errors).toBeUndefined();
    expect(up.data!.landscape.freshness.find((f) => f.regionCode === CODE)).toMatchObject({ stale: false, dataVersion: expect.any(String) });
    await federation.stopService(CODE);
    let down = await gql<Fresh>(freshness, undefined, url);
    for (const until = Date.now() + 10_000; !down.data?.landscape.staleRegions.length && Date.now() < until;) {
      await new Promise((r) => setTimeout(r, 200));
      down = await gql<Fresh>(freshness, undefined, url);
    }
    expect(down.errors).toBeUndefined();
    expect(down.data!.landscape.staleRegions).toEqual([CODE]);
    expect(down.data!.landscape.missingRegions).toEqual([]);
    expect(down.data!.landscape.freshness.find((f) => f.regionCode === CODE)!.reason).toMatch(/did not answer/);
    await federation.stop();
    federation = undefined;
  }, 180_000);

  it('--remove undoes all of it: the tree is back as it was', () => {
    const r = node(['scripts/dist/new-region.js', '--remove', CODE]);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain(`Field '${CODE}' was removed from object type 'Query'`); // reported, accepted for this region only
    rmSync(inCopy(`docs/sources/${SOURCE}`));
    expect(git('status', '--porcelain')).toBe('');
    expect(existsSync(inCopy(`node_modules/@samverkan/${CODE}`))).toBe(false);
    // and the tree still builds and composes as committed
    expect(tsc().status).toBe(0);
    expect(node(['scripts/dist/schema-check.js']).status).toBe(0);
  }, 240_000);
});
