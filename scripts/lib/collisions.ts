/**
 * Object type names two subgraphs both define without sharing them: the usual cause of a wall of
 * "cannot be satisfied" composition errors when a region adds a type whose name another subgraph
 * already uses. Entities (@key), @shareable or @external value types (the shared vocabulary), root types, and
 * enums, inputs, interfaces and scalars (which Federation merges) are not collisions.
 */
import { Kind, parse, type DefinitionNode } from 'graphql';
import { regionTypePrefix, REGIONS } from '@samverkan/contract';

export interface NameCollision {
  name: string;
  subgraphs: string[];
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

type Named = Extract<DefinitionNode, { name: { value: string } }> & { directives?: ReadonlyArray<{ name: { value: string } }> };

export function nameCollisions(sdls: Array<{ name: string; sdl: string }>): NameCollision[] {
  const byName = new Map<string, Array<{ subgraph: string; shared: boolean }>>();
  for (const { name, sdl } of sdls) {
    for (const def of parse(sdl).definitions) {
      if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      const node = def as Named;
      if (ROOT_TYPES.has(node.name.value)) continue;
      const shared = (node.directives ?? []).some((d) => ['key', 'shareable', 'external', 'interfaceObject'].includes(d.name.value));
      const list = byName.get(node.name.value) ?? [];
      if (!list.some((d) => d.subgraph === name)) list.push({ subgraph: name, shared });
      byName.set(node.name.value, list);
    }
  }
  const out: NameCollision[] = [];
  for (const [name, defs] of byName) {
    if (defs.length >= 2 && defs.some((d) => !d.shared)) out.push({ name, subgraphs: defs.map((d) => d.subgraph) });
  }
  return out;
}

/** A hint per collision: who defines the name, and the region-prefixed names to use instead. */
export function collisionHints(collisions: NameCollision[]): string[] {
  return collisions.map(({ name, subgraphs }) => {
    const prefixed = subgraphs
      .map((code) => REGIONS.find((r) => r.code === code))
      .filter((r) => r !== undefined)
      .map((r) => `"${regionTypePrefix(r)}${name}"`);
    const suggestion = prefixed.length ? ` A region's own type carries its prefix: rename it to ${prefixed.join(' or ')}.` : '';
    return `Type "${name}" is defined differently by subgraphs ${subgraphs.map((s) => `"${s}"`).join(' and ')}.${suggestion} A type every region shares belongs in the contract (contract/, @samverkan/contract) and is defined identically everywhere.`;
  });
}
