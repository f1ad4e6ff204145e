/**
 * The work estimate on today's supergraph: the comparison's aggregates are answered from its read
 * model (no region data through the gateway), and still cost work each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { aggregateFields, operationWork } from '../src/demand';
import { REGIONS } from '../../contract/src/registry';

const sdl = readFileSync(join(__dirname, '..', 'supergraph.graphql'), 'utf8');
const schema = buildSchema(sdl, { assumeValidSDL: true });
const fields = aggregateFields(sdl);
const weights = { perAggregate: 100, listFactor: 10, maxMultiplier: 100, regions: REGIONS.length };
const work = (query: string) => {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return operationWork(schema, document, operation, fields, weights);
};

describe('work estimate', () => {
  it('counts every Landscape field but its key and its regions as a read-model aggregate', () => {
    const landscape = Object.keys((schema.getType('Landscape') as unknown as { getFields(): object }).getFields());
    expect([...fields].sort()).toEqual(
      landscape
        .filter((f) => f !== 'id' && f !== 'regions')
        .map((f) => `Landscape.${f}`)
        .sort(),
    );
  });

  it('an aggregate costs perAggregate per alias of landscape; drill-down to regions costs per region', () => {
    expect(work('{ landscape { missingRegions } }')).toBe(2 + 100);
    expect(work('{ a: landscape { missingRegions } b: landscape { missingRegions } }')).toBe(2 * (2 + 100));
    expect(work('{ landscape { id } }')).toBe(2);
    expect(work('{ landscape { regions { code } } }')).toBe(2 + REGIONS.length);
    expect(work('{ regions { code } }')).toBe(1 + REGIONS.length);
  });

  it('one landscape with every aggregate, a field each, is an expensive operation (EXPENSIVE_WORK 1000)', () => {
    const leaf = (f: string) =>
      (
        ({
          meetingFrequencyTable: 'meetingFrequencyTable { rank }',
          bodies: 'bodies { totalCount }',
          differences: `differences(regions: ["${REGIONS[0]!.code}", "${REGIONS[1]!.code}"]) { regions }`,
          freshness: 'freshness { regionCode }',
          missing: 'missing { regionCode }',
        }) as Record<string, string>
      )[f];
    const names = [...fields].map((f) => f.split('.')[1]!);
    const sel = names.map((n) => leaf(n) ?? (['staleRegions', 'missingRegions'].includes(n) ? n : `${n} { __typename }`)).join(' ');
    expect(work(`{ landscape { ${sel} } }`)).toBeGreaterThanOrEqual(1000);
  });
});
