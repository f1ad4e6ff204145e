/**
 * The hand-written docs cannot drift from the code: every path, npm script, environment variable (and
 * other UPPER_SNAKE name), port and GraphQL field that a Markdown page names in code (`...`) or links to
 * exists. Pages: README.md, CONTRIBUTING.md, docs/**\/*.md (not docs/sources/, the source documents).
 *
 * What counts as a claim is narrow on purpose, so prose is free and only names are checked:
 * - a path: a code span or a relative link whose first segment is a top-level entry of the repository
 *   (placeholders `<code>` and globs `*` are matched as patterns);
 * - an npm script: `npm run <name>` (with `-w <workspace>`: that workspace's package.json);
 * - a name: an UPPER_SNAKE code span (`MAX_DEPTH`, `NOT_STATED`) occurs in the code or the generated config;
 * - a port: `127.0.0.1:<port>` / `localhost:<port>` / "port <port>" in 4000-4099 is in the registry;
 * - a GraphQL field: `Type.field`, `landscape.field(...)`, `region.field` on a type of the composed API schema.
 * A path may also be a file the code creates on demand: its folder exists and the code names the file.
 * A walkthrough's hypothetical names (a region not yet added, a field being added) are declared on its
 * page in a comment, `<!-- docs-claims: examples vaxjo HoglandetRegion.history -->`: spans that contain
 * one are not claims.
 */
import { REVIEW_DEFAULT_PORT } from '../authoring/src/review/port';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { COMPARISON, GATEWAY, REGIONS } from '../contract/src/registry';
import { apiSchemaOf } from '../scripts/lib/schema-check';

const ROOT = join(__dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

function walk(dir: string, keep: (rel: string) => boolean, skip = /(^|\/)(node_modules|dist|\.data|\.git|test-artifacts)(\/|$)/): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = dir ? `${dir}/${name}` : name;
    if (skip.test(rel)) continue;
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...walk(rel, keep, skip));
    else if (keep(rel)) out.push(rel);
  }
  return out;
}

const PAGES = ['README.md', 'CONTRIBUTING.md', ...walk('docs', (f) => f.endsWith('.md') && !f.startsWith('docs/sources/'))];
const TOP = new Set(readdirSync(ROOT).filter((n) => !['node_modules', '.git', '.data'].includes(n)));

/** Code spans (`...`, not inside fenced blocks) and relative link targets of a page, with their line. */
function claimsOf(page: string): { spans: Array<[string, number]>; links: Array<[string, number]> } {
  const spans: Array<[string, number]> = [];
  const links: Array<[string, number]> = [];
  let fenced = false;
  read(page)
    .split('\n')
    .forEach((line, i) => {
      if (/^\s*```/.test(line)) {
        fenced = !fenced;
        return;
      }
      if (fenced) return;
      for (const m of line.matchAll(/`([^`]+)`/g)) spans.push([m[1]!.trim(), i + 1]);
      for (const m of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) links.push([m[1]!, i + 1]);
    });
  return { spans, links };
}

/** A repository path a span names, or null when the span is not one. */
function pathOf(span: string): string | null {
  const p = span
    .replace(/^\.\//, '')
    .replace(/[:#].*$/, '')
    .replace(/[),.;]+$/, '');
  if (/\s/.test(p) || (!p.includes('/') && !/\.\w+$/.test(p))) return null;
  if (!TOP.has(p.split('/')[0]!) || /(^|\/)(dist|\.data|node_modules)(\/|$)/.test(p)) return null;
  return p;
}

/** Whether `p` exists, `<placeholder>` and `*` matching any one name (and `**` any depth). */
function pathExists(p: string): boolean {
  if (!/[<*]|\.\.\./.test(p)) return existsSync(join(ROOT, p));
  const parts = p.replace(/\/$/, '').split('/');
  const match = (dir: string, i: number): boolean => {
    if (i === parts.length) return true;
    const part = parts[i]!;
    if (part === '**')
      return match(dir, i + 1) || readdirSync(join(ROOT, dir)).some((n) => statSync(join(ROOT, dir, n)).isDirectory() && match(join(dir, n), i));
    const re = new RegExp(`^${part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/<[^>]+>|\*|\\\.\\\.\\\./g, '.*')}$`);
    if (!existsSync(join(ROOT, dir)) || !statSync(join(ROOT, dir)).isDirectory()) return false;
    return readdirSync(join(ROOT, dir)).some((n) => re.test(n) && match(join(dir, n), i + 1));
  };
  return match('', 0);
}

/** The text the code and the generated configuration consist of: where a named variable must occur. */
const CODE_TEXT = walk(
  '',
  (f) =>
    /\.(ts|mts|mjs|js|tsx|json|ya?ml|graphql|sh)$|(^|\/)(Dockerfile|run|new-region-suite|\.env\.example)$/.test(f) &&
    !/(^|\/)docs\//.test(f) &&
    f !== 'test/docs-claims.test.ts' &&
    !f.endsWith('package-lock.json'),
)
  .concat(['.env.example', 'docs/CONFIGURATION.md'])
  .map(read)
  .join('\n');

const schema: GraphQLSchema = apiSchemaOf(read('gateway/supergraph.graphql'));
const ROOT_TYPES: Record<string, string> = { landscape: 'Landscape', region: 'Region', regions: 'Region', Query: 'Query' };
// The services' ports, and the review page's (a development tool, authoring/src/review/port.ts).
const PORTS = new Set([...REGIONS.map((r) => r.port), COMPARISON.port, GATEWAY.port, REVIEW_DEFAULT_PORT]);

/** A file the code creates on demand (a region's schema-changes.json): its folder exists and the code names it. */
const createdOnDemand = (p: string) => pathExists(dirname(p)) && new RegExp(`['\`/]${p.split('/').at(-1)!.replace(/\./g, '\\.')}\\b`).test(CODE_TEXT);

describe.each(PAGES)('%s names only what exists', (page) => {
  const examples = [...read(page).matchAll(/<!-- docs-claims: examples ([^>]*?) -->/g)].flatMap((m) => m[1]!.split(/\s+/).filter(Boolean));
  const all = claimsOf(page);
  const spans = all.spans.filter(([s]) => !examples.some((e) => s.includes(e)));
  const links = all.links;

  it('paths (code spans and relative links)', () => {
    const missing: string[] = [];
    for (const [span, line] of spans) {
      const p = pathOf(span);
      if (p && !pathExists(p) && !createdOnDemand(p)) missing.push(`${page}:${line}: ${span}`);
    }
    for (const [target, line] of links) {
      if (/^(https?:|mailto:|#)/.test(target)) continue;
      const file = relative(ROOT, join(ROOT, dirname(page), decodeURI(target.replace(/#.*$/, ''))));
      if (!pathExists(file)) missing.push(`${page}:${line}: (${target})`);
    }
    expect(missing).toEqual([]);
  });

  it('npm scripts', () => {
    const missing: string[] = [];
    for (const [span, line] of spans) {
      const m = /^npm run ([\w:.-]+)(?:.*?-w ([\w/@.-]+))?/.exec(span);
      if (!m) continue;
      const pkg = m[2] ? (m[2].startsWith('@samverkan/') ? m[2].slice('@samverkan/'.length) : m[2]) : '.';
      const file = join(pkg === '.' ? '' : pkg, 'package.json');
      const scripts = existsSync(join(ROOT, file)) ? ((JSON.parse(read(file)) as { scripts?: Record<string, string> }).scripts ?? {}) : {};
      if (!(m[1]! in scripts)) missing.push(`${page}:${line}: ${span} (not in ${file})`);
    }
    expect(missing).toEqual([]);
  });

  it('environment variables and other UPPER_SNAKE names occur in the code', () => {
    const missing: string[] = [];
    for (const [span, line] of spans) {
      for (const m of span.matchAll(/(?<![\w<>$])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?![\w<>])/g)) {
        if (!new RegExp(`\\b${m[1]}\\b`).test(CODE_TEXT)) missing.push(`${page}:${line}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("ports of the services are the registry's", () => {
    const wrong: string[] = [];
    read(page)
      .split('\n')
      .forEach((text, i) => {
        for (const m of text.matchAll(/(?:127\.0\.0\.1:|localhost:|\bports? )(40\d\d)\b/g))
          if (!PORTS.has(Number(m[1]))) wrong.push(`${page}:${i + 1}: ${m[0]}`);
      });
    expect(wrong).toEqual([]);
  });

  it('GraphQL fields are in the composed API schema', () => {
    const missing: string[] = [];
    for (const [span, line] of spans) {
      const m = /^(\w+)\.(\w+)(?:\(.*\))?$/.exec(span);
      if (!m) continue;
      const typeName = ROOT_TYPES[m[1]!] ?? m[1]!;
      const type = schema.getType(typeName);
      if (!type) continue; // not a GraphQL name (a JavaScript one, a file name)
      if (!(isObjectType(type) || isInterfaceType(type)) || !(m[2]! in type.getFields())) missing.push(`${page}:${line}: ${span}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('the claims check itself', () => {
  it('finds what is missing, and takes placeholders and globs as patterns', () => {
    expect(pathExists('subgraphs/<code>/data')).toBe(true);
    expect(pathExists('deploy/k8s/*.yaml')).toBe(true);
    expect(pathExists('subgraphs/<code>/no-such-file.ts')).toBe(false);
    expect(pathOf('docs/NO-SUCH-PAGE.md')).toBe('docs/NO-SUCH-PAGE.md');
    expect(pathOf('not a path')).toBeNull();
    expect(createdOnDemand('subgraphs/samla/schema-changes.json')).toBe(true);
    expect(createdOnDemand('subgraphs/nosuchregion/schema-changes.json')).toBe(false);
    expect(createdOnDemand('subgraphs/samla/no-such-file.json')).toBe(false);
    expect(/\bNO_SUCH_VARIABLE_ANYWHERE\b/.test(CODE_TEXT.replace(/NO_SUCH_VARIABLE_ANYWHERE/g, ''))).toBe(false);
    expect('noSuchField' in schema.getQueryType()!.getFields()).toBe(false);
    expect('landscape' in schema.getQueryType()!.getFields()).toBe(true);
  });
});
