/**
 * Issue #25: the body filter is implemented twice, as the region's MikroORM query
 * (shared/src/orm/body-filter.ts) and as the comparison read model's SQL
 * (subgraphs/comparison/src/read-model/body-query.ts). Through the gateway, for every field of
 * BodyFilter and the values each region's own bodies have, `region(code) { bodies(filter) }` and
 * `landscape { bodies(filter: { regions: [code], ... }) }` give the same bodies.
 */
import { describe, expect, it } from 'vitest';
import { REGIONS } from '../contract/src/registry';
import { gqlOk } from './support/client';
import { regionsWithBodies } from './support/data';

interface RegionBody {
  id: string;
  kind: string;
  level: string | null;
  permanence: string;
  cadence: { minPerYear: number | null; maxPerYear: number | null } | null;
  minutes: { kept: boolean | null } | null;
  substitutes: { rule: string };
}
type Filter = Record<string, unknown>;

const regionIds = async (code: string, filter: Filter) =>
  (
    await gqlOk<{ region: { bodies: Array<{ id: string }> } }>(
      'query($code: ID!, $filter: BodyFilter) { region(code: $code) { bodies(filter: $filter) { id } } }',
      { code, filter },
    )
  ).region.bodies
    .map((b) => b.id)
    .sort();

async function landscapeIds(code: string, filter: Filter): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<{ id: string }> } = (
      await gqlOk<{ landscape: { bodies: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<{ id: string }> } } }>(
        'query($filter: ComparisonBodyFilter, $after: String) { landscape { bodies(filter: $filter, first: 200, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } } }',
        { filter: { ...filter, regions: [code] }, after },
      )
    ).landscape.bodies;
    ids.push(...page.nodes.map((n) => n.id));
    if (!page.pageInfo.hasNextPage) return ids.sort();
    after = page.pageInfo.endCursor;
  }
}

const distinct = <T>(values: Array<T | null | undefined>): T[] => [...new Set(values.filter((v): v is T => v != null))];

/** One filter per field and value found in the region's bodies (both values of each boolean). */
function filtersOf(bodies: RegionBody[]): Filter[] {
  return [
    {},
    ...distinct(bodies.map((b) => b.level)).map((v) => ({ levels: [v] })),
    ...distinct(bodies.map((b) => b.kind)).map((v) => ({ kinds: [v] })),
    ...distinct(bodies.map((b) => b.permanence)).map((v) => ({ permanence: [v] })),
    ...distinct(bodies.map((b) => b.substitutes.rule)).map((v) => ({ substituteRules: [v] })),
    ...distinct(bodies.map((b) => b.cadence?.minPerYear)).map((v) => ({ meetsAtLeast: v })),
    ...distinct(bodies.map((b) => b.cadence?.maxPerYear)).map((v) => ({ meetsAtMost: v })),
    { hasFrequency: true },
    { hasFrequency: false },
    { keepsMinutes: true },
    { keepsMinutes: false },
  ];
}

describe('the region and the comparison filter bodies alike', () => {
  for (const { code } of REGIONS) {
    if (!regionsWithBodies().some((r) => r.code === code)) {
      // A region with no bodies yet (`npm run new-region` scaffolds one with no facts): neither answers one.
      it(`${code}: no bodies in its data files, none in region(code) or landscape`, async () => {
        expect(await regionIds(code, {})).toEqual([]);
        expect(await landscapeIds(code, {})).toEqual([]);
      });
      continue;
    }
    it(`${code}: every BodyFilter field gives the same bodies in region(code) and landscape`, async () => {
      const bodies = (
        await gqlOk<{ region: { bodies: RegionBody[] } }>(
          'query($code: ID!) { region(code: $code) { bodies { id kind level permanence cadence { minPerYear maxPerYear } minutes { kept } substitutes { rule } } } }',
          { code },
        )
      ).region.bodies;
      expect(bodies.length).toBeGreaterThan(0);
      let narrowed = 0;
      for (const filter of filtersOf(bodies)) {
        const fromRegion = await regionIds(code, filter);
        expect({ filter, ids: await landscapeIds(code, filter) }).toEqual({ filter, ids: fromRegion });
        if (fromRegion.length < bodies.length) narrowed++;
      }
      // The filters do filter: most of them leave out some of the region's bodies.
      expect(narrowed).toBeGreaterThan(0);
    });
  }
});
