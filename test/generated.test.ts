/**
 * Generated files are never stale: the comparison stubs, every subgraph SDL snapshot, the supergraph,
 * the dashboard's operation types and its persisted documents manifest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CODEOWNERS_FILE,
  DATA_SCHEMA_FILE,
  DATA_SCHEMA_REF,
  PLATFORM_OWNER,
  regionOwner,
  renderCodeowners,
  renderDataFileSchema,
  renderRegionStubs,
  STUBS_FILE,
} from '../scripts/lib/generated';
import { composeSupergraph, sdlFile, SUPERGRAPH_FILE } from '../scripts/lib/supergraph';
import { regionDocFile, renderRegionDoc } from '../scripts/lib/region-docs';
import { DATA_FILES_DOC, renderDataFilesDoc } from '../scripts/lib/docs-data-files';
import { regionReadmeFile, TYPED_FIELDS_START, withTypedFields } from '../scripts/lib/docs-region-fields';
import { CONFIGURATION_FILE, ENV_EXAMPLE_FILE, renderConfigurationDoc, renderEnvExample } from '../scripts/lib/docs-config';
import { REGIONS } from '../contract/src/registry';
import { renderDashboardTypes } from '../scripts/lib/codegen';

const root = join(__dirname, '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('generated files', () => {
  it('the comparison stubs match the registry (run `npm run generate`)', () => {
    expect(read(STUBS_FILE)).toBe(renderRegionStubs());
  });

  it('CODEOWNERS matches the registry: each region owns its folder and its acknowledgement file (run `npm run generate`)', () => {
    const text = read(CODEOWNERS_FILE);
    expect(text).toBe(renderCodeowners());
    const rules = text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.trim().split(/\s+/));
    const owners = (path: string) => rules.find(([p]) => p === path)?.slice(1);
    expect(owners('*')).toEqual([PLATFORM_OWNER]);
    for (const r of REGIONS) {
      expect(owners(`/subgraphs/${r.code}/`)).toEqual([regionOwner(r.code)]);
      expect(owners(`/subgraphs/${r.code}/schema-changes.json`)).toEqual([regionOwner(r.code)]);
    }
  });

  it('the configuration reference and .env.example match the validation schemas (run `npm run generate`)', () => {
    expect(read(CONFIGURATION_FILE)).toBe(renderConfigurationDoc());
    expect(read(ENV_EXAMPLE_FILE)).toBe(renderEnvExample());
  });

  it("the data files' JSON Schema matches the data schema, and every data file names it (run `npm run generate`)", () => {
    expect(read(DATA_SCHEMA_FILE)).toBe(renderDataFileSchema());
    for (const r of REGIONS) {
      const dir = join(root, 'subgraphs', r.code, 'data');
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
        expect((JSON.parse(readFileSync(join(dir, f), 'utf8')) as { $schema?: string }).$schema, `${r.code}/${f}`).toBe(DATA_SCHEMA_REF);
      }
    }
  });

  it('the data file reference docs/DATA-FILES.md matches the data schema (run `npm run generate`)', () => {
    expect(read(DATA_FILES_DOC)).toBe(renderDataFilesDoc());
  });

  it.each(REGIONS.map((r) => r.code))('subgraphs/%s/README.md lists the typed fields of its schema.graphql (run `npm run compose`)', (code) => {
    const readme = read(regionReadmeFile(code));
    expect(readme).toContain(TYPED_FIELDS_START);
    expect(readme).toBe(withTypedFields(code, readme));
  });

  it.each(REGIONS.map((r) => r.code))('the overview docs/regions/%s.md is current (run `npm run generate`)', (code) => {
    expect(read(regionDocFile(code))).toBe(renderRegionDoc(code));
  });

  it('composition succeeds, and the committed SDL snapshots and supergraph are current (run `npm run compose`)', async () => {
    const { supergraph, sdls } = await composeSupergraph();
    for (const { dir, sdl } of sdls) expect(read(sdlFile(dir)), sdlFile(dir)).toBe(sdl);
    expect(read(SUPERGRAPH_FILE)).toBe(supergraph);
  }, 60_000);

  it("the dashboard's operation types and persisted documents manifest match the supergraph and web/dashboard/api.ts (run `npm run generate`)", async () => {
    const files = await renderDashboardTypes();
    expect(Object.keys(files).sort()).toEqual([
      'gateway/persisted-documents/dashboard.json',
      'web/dashboard/generated/gql.ts',
      'web/dashboard/generated/graphql.ts',
      'web/dashboard/generated/index.ts',
    ]);
    for (const [path, text] of Object.entries(files)) expect(read(path), path).toBe(text);
  }, 60_000);
});
