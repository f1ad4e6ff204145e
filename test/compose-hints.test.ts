/**
 * A type name two subgraphs both define (a regional team picking a name another subgraph owns) gives
 * a composition error that says who owns the name and suggests the region prefix, instead of only a
 * wall of "cannot be satisfied".
 */
import { composeServices } from '@apollo/composition';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { REGIONS, SUBGRAPHS } from '../contract/src/registry';
import { collisionHints, nameCollisions } from '../scripts/lib/collisions';

const committed = SUBGRAPHS.map((s) => ({ name: s.code, sdl: readFileSync(join(__dirname, '..', s.dir, 'schema.graphql'), 'utf8') }));

describe('composition hints for name collisions', () => {
  it('finds none in the committed subgraphs (shared types are identical, entities are keyed)', () => {
    expect(nameCollisions(committed)).toEqual([]);
  });

  it('names both owners of a colliding type and suggests the region prefixes', () => {
    const [a, b] = [REGIONS[0]!, REGIONS[1]!];
    const sdls = committed.map((s) => {
      if (s.name === a.code) return { ...s, sdl: `${s.sdl}\ntype Contact { email: String }\nextend type Query { ${a.code}Contact: Contact }\n` };
      if (s.name === b.code) return { ...s, sdl: `${s.sdl}\ntype Contact { phone: String }\nextend type Query { ${b.code}Contact: Contact }\n` };
      return s;
    });
    const composed = composeServices(sdls.map((s) => ({ name: s.name, url: 'http://127.0.0.1:1/graphql', typeDefs: parse(s.sdl) })));
    expect(composed.errors?.length ?? 0).toBeGreaterThan(0); // the collision really breaks composition
    expect(nameCollisions(sdls)).toEqual([{ name: 'Contact', subgraphs: [a.code, b.code] }]);
    const prefix = (typename: string) => typename.replace(/Region$/, '');
    expect(collisionHints(nameCollisions(sdls))).toEqual([
      `Type "Contact" is defined differently by subgraphs "${a.code}" and "${b.code}". A region's own type carries its prefix: rename it to "${prefix(a.typename)}Contact" or "${prefix(b.typename)}Contact". A type every region shares belongs in the contract (contract/, @samverkan/contract) and is defined identically everywhere.`,
    ]);
  });
});
