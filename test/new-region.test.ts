/**
 * `npm run new-region` end to end, without touching the working tree: the repository's files are
 * copied to a temporary folder (git's tracked files plus untracked, not ignored ones: the tree as the
 * developer sees it), with a node_modules whose @samverkan/* links point at the copy's workspaces.
 * There: build, refuse an unacknowledged breaking compose, scaffold a throwaway region, check every
 * registration, start the whole federation (ports 17000+, schemas scaffold_*) and see the region in
 * the comparison answers, stop it and see it missing, then `--remove` it and check the tree is back
 * exactly as it was (`git status --porcelain` in the copy is empty).
 *
 * Also: the templates render exactly the files every existing region has where regions share them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { stripVTControlCharacters } from 'node:util';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import ts from 'typescript';
import { parse } from 'yaml';
import { format, resolveConfig } from 'prettier';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { COMPARISON, GATEWAY, REGIONS } from '../contract/src/registry';
import { documentTitle, regionTypename, renderRegionFiles } from '../scripts/lib/scaffold';
import { testPort } from './support/ports';

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
const git = (...args: string[]) => execFileSync('git', ['-c', 'core.autocrlf=false', ...args], { cwd: copy, encoding: 'utf8' });
function node(args: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, args, { cwd: copy, encoding: 'utf8', timeout: 300_000, env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}
const tsc = () => node([join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b']);

async function gql<T>(url: string, query: string): Promise<{ data?: T; errors?: Array<{ message: string }> }> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(15_000),
  });
  return (await r.json()) as { data?: T; errors?: Array<{ message: string }> };
}

/**
 * A vitest config (outside the copy, so its tree stays clean) that runs only the new region's own test
 * in the copy, against `gatewayUrl`: what the copy's `npm test` would run for it, without a second federation.
 */
function vitestConfigFor(gatewayUrl: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-new-region-vitest-'));
  configDirs.push(dir);
  const file = join(dir, 'vitest.config.mjs');
  writeFileSync(
    file,
    `export default ${JSON.stringify({
      root: copy,
      test: { include: [`subgraphs/${CODE}/test/**/*.test.ts`], provide: { gatewayUrl }, testTimeout: 30_000, reporters: ['verbose'] },
    })};\n`,
  );
  return file;
}
const configDirs: string[] = [];

/** A copy of the working tree (tracked and untracked-not-ignored files) with its own node_modules links. */
function copyRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-new-region-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const f of files) {
    const from = join(root, f);
    if (!existsSync(from) || lstatSync(from).isDirectory()) continue; // deleted in the tree, or a submodule
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(from, join(dir, f), { preserveTimestamps: true });
  }
  // node_modules: every package linked to the real one, except our workspaces, which must be the copy's.
  mkdirSync(join(dir, 'node_modules', '@samverkan'), { recursive: true });
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry !== '@samverkan') symlinkSync(join(root, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  for (const ws of readdirSync(join(root, 'node_modules', '@samverkan'))) {
    const link = join(root, 'node_modules', '@samverkan', ws);
    if (lstatSync(link).isSymbolicLink()) symlinkSync(readlinkSync(link), join(dir, 'node_modules', '@samverkan', ws)); // relative: ../../<workspace>
    // A workspace's own node_modules (npm nests a version that differs from the root's there) is linked too.
    const nested = join(root, readlinkSync(link).replace(/^(\.\.\/)+/, ''), 'node_modules');
    const target = join(dir, readlinkSync(link).replace(/^(\.\.\/)+/, ''), 'node_modules');
    if (lstatSync(link).isSymbolicLink() && existsSync(nested) && !existsSync(target)) symlinkSync(nested, target);
  }
  return dir;
}

describe('the region templates', () => {
  // new-region formats what it writes with the repository's formatter, so the templates are compared formatted.
  const formatted = async (file: string, text: string) =>
    file.endsWith('.ts') ? format(text, { ...(await resolveConfig(join(root, file))), filepath: join(root, file) }) : text;

  it.each(REGIONS.map((r) => r.code))('render the files %s shares with every region, byte for byte (formatted as new-region writes them)', async (code) => {
    const entry = REGIONS.find((r) => r.code === code)!;
    const dataFile = readdirSync(join(root, 'subgraphs', code, 'data')).find((n) => n.endsWith('.json'))!;
    const sourceFile = (JSON.parse(readFileSync(join(root, 'subgraphs', code, 'data', dataFile), 'utf8')) as { file: string }).file;
    const files = renderRegionFiles({ code, name: entry.name, sourceFile, title: 'unused', port: entry.port });
    for (const f of ['package.json', 'tsconfig.json', 'src/index.ts', 'src/migrations/index.ts']) {
      expect(await formatted(`subgraphs/${code}/${f}`, files[f]!), `${code}/${f}`).toBe(readFileSync(join(root, 'subgraphs', code, f), 'utf8'));
    }
    // subgraph.ts: the same, except the resolvers a region adds for its own typed views
    const ownViews = (text: string) =>
      text.replace(/resolvers: \[[^\]]*\]/, 'resolvers: [REGION_RESOLVERS]').replace(/^import \{ \w+ \} from '\.\/(?!resolver'|migrations').*\n/gm, '');
    const file = `subgraphs/${code}/src/subgraph.ts`;
    expect(await formatted(file, ownViews(files['src/subgraph.ts']!))).toBe(await formatted(file, ownViews(readFileSync(join(root, file), 'utf8'))));
  });

  it('write a region test that parses, and uses only what the shared region harness exports', async () => {
    const test = renderRegionFiles({ code: 'x', name: 'X', sourceFile: 'x.txt', title: 'X', port: 1 })['test/x.test.ts']!;
    const parsed = ts.transpileModule(test, { reportDiagnostics: true, fileName: 'x.test.ts', compilerOptions: { target: ts.ScriptTarget.ES2022 } });
    expect(parsed.diagnostics!.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
    const imported = /import \{ ([^}]+) \} from '\.\.\/\.\.\/\.\.\/test\/support\/region'/
      .exec(test)![1]!
      .split(',')
      .map((n) => n.trim())
      .filter((n) => !n.startsWith('type '));
    expect(imported.length).toBeGreaterThan(2);
    const harness = await import('./support/region');
    for (const name of imported) expect(harness, name).toHaveProperty(name);
  });

  it('take the document title from its first non-empty line, without heading marks', () => {
    expect(documentTitle(SOURCE_TEXT)).toBe('Uppdragsbeskrivning för Provgruppen');
    expect(documentTitle(readFileSync(join(root, 'docs/sources/004_d4ad0bc19c53bb6e.txt'), 'utf8'))).toBe('Uppdragsbeskrivning för Samordningsgruppen');
    expect(() => documentTitle('\n \n')).toThrow(/no text/);
  });
});

describe('npm run new-region, in a copy of the repository', () => {
  beforeAll(async () => {
    const started = Date.now();
    copy = copyRepository();
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=new-region test', '-c', 'user.email=test@localhost', 'commit', '-q', '--no-verify', '--no-gpg-sign', '-m', 'snapshot');
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
      url,
      '{ regions { code } landscape { missingRegions } }',
    );
    expect(all.errors).toBeUndefined();
    expect(all.data!.regions.map((r) => r.code)).toEqual([...REGIONS.map((r) => r.code), CODE]);
    expect(all.data!.landscape.missingRegions).toEqual([]);

    const one = await gql<{
      region: { __typename: string; name: string; documents: Array<{ file: string; title: string; source: { quote: string } }>; bodies: unknown[] };
    }>(url, `{ region(code: "${CODE}") { __typename name documents { file title source { quote } } bodies { id } } }`);
    expect(one.errors).toBeUndefined();
    expect(one.data!.region).toEqual({
      __typename: TYPENAME,
      name: NAME,
      bodies: [],
      documents: [{ file: SOURCE, title: 'Uppdragsbeskrivning för Provgruppen', source: { quote: 'Uppdragsbeskrivning för Provgruppen' } }],
    });

    // The test the scaffold wrote for the region runs, and passes, against this federation.
    const generatedTest = node([join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', vitestConfigFor(url)]);
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
    const up = await gql<Fresh>(url, freshness);
    expect(up.errors).toBeUndefined();
    expect(up.data!.landscape.freshness.find((f) => f.regionCode === CODE)).toMatchObject({ stale: false, dataVersion: expect.any(String) });
    await federation.stopService(CODE);
    let down = await gql<Fresh>(url, freshness);
    for (const until = Date.now() + 10_000; !down.data?.landscape.staleRegions.length && Date.now() < until;) {
      await new Promise((r) => setTimeout(r, 200));
      down = await gql<Fresh>(url, freshness);
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
