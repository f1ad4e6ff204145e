/**
 * The files of a new region's subgraphs/<code>/ folder. The templates are the real region files
 * (subgraphs/samla/...) with the region's names put in; test/region-templates.test.ts renders them for every
 * existing region and compares, so the shape of a new region cannot drift from the others.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DATA_SCHEMA_REF } from './generated';
import { ROOT } from './paths';
import { dataFileName, regionTypename, type NewRegion } from './scaffold-names';

/** The version of a workspace package (contract/, shared/): a region depends on exactly that. */
const versionOf = (dir: string) => (JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as { version: string }).version;
/** A TypeScript single-quoted string literal. */
const sq = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const docNumber = (sourceFile: string) => basename(sourceFile, '.txt').split('_')[0];

/** The README's word on the data file: empty, or started from a draft (`--data`). Markdown, wrapped. */
function dataState(r: NewRegion): string {
  const review = `\`npm run review -- --region ${r.code}\``;
  if (!r.fromDraft) {
    return `Scaffolded by \`npm run new-region\`: the data file names the document
and models no fact yet. Model the document's bodies, roles, reporting duties, plans and rules in the
data file, each with a verbatim quote: \`npm run draft\` proposes them and ${review} opens them
beside the document ([docs/AUTHORING.md](../../docs/AUTHORING.md)).`;
  }
  const { entries, proposals } = r.fromDraft;
  const state = proposals ? `${proposals} of its facts still proposals nobody has accepted (they carry a \`draft\` mark)` : 'every fact accepted in review';
  return `Scaffolded by \`npm run new-region\` from a draft of the document: the data
file has ${entries} entries (bodies, roles, reporting duties, plans, rules), ${state}; each
quotes the document verbatim and passed \`npm run check-data\`. Review them beside the document with
${review}: accept, fix or reject each ([docs/AUTHORING.md](../../docs/AUTHORING.md)).`;
}

/** The files of subgraphs/<code>/: relative path -> content. */
export function renderRegionFiles(r: NewRegion): Record<string, string> {
  const T = regionTypename(r.code);
  const data = dataFileName(r.sourceFile);
  return {
    'package.json': `{
  "name": "@samverkan/${r.code}",
  "version": "0.1.0",
  "private": true,
  "main": "dist/index.js",
  "scripts": { "start": "node dist/index.js" },
  "dependencies": { "@samverkan/contract": "${versionOf('contract')}", "@samverkan/shared": "${versionOf('shared')}", "reflect-metadata": "0.2.2", "type-graphql": "2.0.0-rc.4" }
}
`,
    'tsconfig.json': `{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "rootDir": "src", "outDir": "dist" },
  "include": ["src"],
  "references": [{ "path": "../../contract" }, { "path": "../../shared" }]
}
`,
    'README.md': `# ${r.name} subgraph

Serves \`${T}\` from ${r.title} (${docNumber(r.sourceFile)}).

What is special here: nothing yet. ${dataState(r)} Add what only this region has as fields in
\`src/resolver.ts\` (see [docs/EXTENDING.md](../../docs/EXTENDING.md)).

Data: \`data/${data}\`. Overview: [docs/regions/${r.code}.md](../../docs/regions/${r.code}.md).
`,
    'src/index.ts': `/** Entry point of the ${r.name} subgraph. */
// First: tracing (when configured) must be set up before the modules it instruments load.
import '@samverkan/shared/tracing';
import 'reflect-metadata';
import { runRegionSubgraph } from '@samverkan/shared';
import { subgraph } from './subgraph';

runRegionSubgraph(subgraph);
`,
    'src/subgraph.ts': `/** The ${r.name} subgraph: its type and resolvers, its migrations, its data. */
import { join } from 'node:path';
import type { RegionSubgraphOptions } from '@samverkan/shared';
import { migrations } from './migrations';
import { ${T}Resolver } from './resolver';

export const subgraph: RegionSubgraphOptions = {
  code: '${r.code}',
  resolvers: [${T}Resolver],
  dataDir: join(__dirname, '..', 'data'),
  migrations,
};
`,
    'src/region.ts': `/** ${T}: the shared Region contract plus what only ${r.name} has (see resolver.ts). */
import { Directive, ObjectType } from 'type-graphql';
import { Region } from '@samverkan/contract';

@Directive('@key(fields: "code")')
@ObjectType('${T}', { implements: Region, description: ${sq(`${r.name}: ${r.title}.`)} })
export class ${T} extends Region {}
`,
    'src/resolver.ts': `/** ${r.name}: the shared Region fields, the drill-down root field, and the region's own fields. */
import { Query, Resolver } from 'type-graphql';
import { regionByCode } from '@samverkan/contract';
import { createRegionResolver } from '@samverkan/shared';
import { ${T} } from './region';

const entry = regionByCode('${r.code}')!;

@Resolver(() => ${T})
export class ${T}Resolver extends createRegionResolver(${T}) {
  @Query(() => ${T}, { description: ${sq(`${r.name}, served by this subgraph alone (drill-down).`)} })
  ${r.code}(): ${T} {
    return { code: entry.code, name: entry.name } as ${T};
  }

  // Fields only ${r.name} has go here, e.g. a list of regional facts of one topic:
  //   @FieldResolver(() => [RegionalFact], { description: '...' })
  //   myTopic(@Ctx() ctx: SubgraphContext): Promise<RegionalFact[]> { return regionalFactsByTopic(ctx, 'my-topic'); }
  // (docs/EXTENDING.md walks through one.)
}
`,
    'src/migrations/index.ts': `/** ${r.name}: migrations in order: the shared base tables, then this region's own (none yet). */
import { BASE_REGION_MIGRATIONS } from '@samverkan/shared';

export const migrations = [...BASE_REGION_MIGRATIONS];
`,
    [`data/${data}`]: `${JSON.stringify(
      {
        $schema: DATA_SCHEMA_REF,
        file: r.sourceFile,
        document: {
          // A short stable id: the file name's stem as a slug (rename it to a word if you like, before anything cites it).
          id: r.sourceFile
            .replace(/\.txt$/, '')
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, ''),
          title: r.title,
          date: null,
          reviewBy: null,
          note: 'Scaffolded by `npm run new-region`: no fact of this document is modelled yet. Add them, each with a verbatim quote (docs/EXTENDING.md).',
          ...(r.origin ? { origin: r.origin } : {}),
          source: { section: r.title, quote: r.title },
        },
        bodies: [],
        roles: [],
        reportingDuties: [],
        plans: [],
        decisionRules: [],
        regionalFacts: [],
      },
      null,
      2,
    )}\n`,
    [`test/${r.code}.test.ts`]: `/**
 * ${r.name} through the gateway: the region answers from its document, and every served quote is
 * checked against the source document on disk. Add a test per analyst question as the data grows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegion, provenanceTests, readDocuments, type Region } from '../../../test/support/region';

const CODE = '${r.code}';
const DOCS = [${sq(r.sourceFile)}];
/** The fields only ${r.code} serves, beside those every region serves (none yet). */
type ${T} = Region;

let region: ${T};
beforeAll(async () => { region = await loadRegion<${T}>(CODE, ''); });
const documentText = readDocuments(DOCS);

describe(${sq(`${r.name} through the gateway`)}, () => {
  it('answers from its document', () => {
    expect(region.code).toBe(CODE);
    expect(region.name).toBe(${sq(r.name)});
    expect(region.documents.map((d) => d.file)).toEqual(DOCS);
    expect(region.documents[0]!.title).toBe(${sq(r.title)});
  });

  provenanceTests(CODE, DOCS, documentText, () => region, 0);
});
`,
  };
}
