/**
 * The contract/runtime split: @samverkan/contract (vocabulary, data schema, normalizer, registry) has
 * no ORM and no server and never imports the runtime; the gateway needs only the contract and the
 * runtime's ORM-free HTTP entry, so neither its package.json nor its built module graph reaches MikroORM.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
type Pkg = { name: string; version: string; dependencies?: Record<string, string> };
const pkg = (dir: string) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as Pkg;

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f));
}

/** Every module path (relative to the repo) node loads when it requires the given built files. */
function loadedModules(files: string[]): string[] {
  const script = `for (const f of ${JSON.stringify(files)}) require(f); console.log(JSON.stringify(Object.keys(require.cache)));`;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
  return (JSON.parse(out) as string[]).map((p) => p.slice(root.length + 1));
}

const FORBIDDEN_IN_CONTRACT = /^(@mikro-orm\/|express$|@apollo\/server|@apollo\/subgraph|pino|prom-client|@samverkan\/shared)/;

describe('@samverkan/contract', () => {
  it('has its own version and depends on no ORM, server or runtime package', () => {
    const contract = pkg('contract');
    expect(contract.name).toBe('@samverkan/contract');
    expect(contract.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(contract.dependencies ?? {}).filter((d) => FORBIDDEN_IN_CONTRACT.test(d))).toEqual([]);
  });

  it('imports nothing outside itself but its declared dependencies and node built-ins', () => {
    const declared = Object.keys(pkg('contract').dependencies ?? {});
    const bad: string[] = [];
    for (const file of filesUnder('contract/src', '.ts')) {
      for (const [, spec] of readFileSync(join(root, file), 'utf8').matchAll(/from '([^']+)'/g)) {
        if (spec!.startsWith('.')) {
          if (!join(file, '..', spec!).startsWith('contract/src')) bad.push(`${file}: ${spec}`);
        } else if (!spec!.startsWith('node:') && !declared.includes(spec!)) bad.push(`${file}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('loads no ORM or server module when required (built)', () => {
    const loaded = loadedModules(['./contract/dist/index.js']);
    expect(loaded).toContain('contract/dist/graphql/types.js');
    expect(loaded.filter((p) => /node_modules\/(@mikro-orm|express|@apollo\/server|pino)\//.test(p) || p.startsWith('shared/'))).toEqual([]);
  });
});

describe('the runtime and the gateway', () => {
  it('the runtime (@samverkan/shared) has its own version and depends on the contract at its version', () => {
    const runtime = pkg('shared');
    expect(runtime.name).toBe('@samverkan/shared');
    expect(runtime.version).not.toBe(pkg('contract').version);
    expect(runtime.dependencies?.['@samverkan/contract']).toBe(pkg('contract').version);
  });

  it('the gateway declares no MikroORM dependency and imports the runtime only through its ORM-free entry', () => {
    expect(Object.keys(pkg('gateway').dependencies ?? {}).filter((d) => d.startsWith('@mikro-orm/'))).toEqual([]);
    const imports = filesUnder('gateway/src', '.ts').flatMap((f) =>
      [...readFileSync(join(root, f), 'utf8').matchAll(/from '(@samverkan\/[^']+|@mikro-orm\/[^']+)'/g)].map((m) => m[1]),
    );
    expect(new Set(imports)).toEqual(new Set(['@samverkan/contract', '@samverkan/shared/server']));
  });

  it("the gateway's built module graph loads no MikroORM module", () => {
    // Every built gateway module but the entry point (which starts the server); index.js itself
    // requires only these, the tracing preload and the runtime's ORM-free entry.
    const modules = readdirSync(join(root, 'gateway/dist'))
      .filter((f) => f.endsWith('.js') && f !== 'index.js')
      .map((f) => `./gateway/dist/${f}`);
    expect(modules).toContain('./gateway/dist/gateway.js');
    const index = readFileSync(join(root, 'gateway/dist/index.js'), 'utf8');
    const external = [...index.matchAll(/require\("([^".][^"]*)"\)/g)].map((m) => m[1]);
    // First the tracing preload (it loads no SDK module unless tracing is configured), then the server runtime.
    expect(external).toEqual(['@samverkan/shared/tracing', '@samverkan/shared/server']);
    const loaded = loadedModules([...modules, './shared/dist/tracing-start.js']);
    expect(loaded).toContain('shared/dist/server.js');
    expect(loaded.filter((p) => p.includes('@mikro-orm') || p === 'shared/dist/index.js' || p.startsWith('shared/dist/orm/'))).toEqual([]);
  });
});
