/**
 * Whether a request asks for a field below the one being resolved, by path of field names (aliases
 * and fragments followed; @skip/@include ignored, so a field that may be asked counts as asked). An
 * aggregate whose answer asks for none of its lists reads its groups' totals without their entries.
 */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function selectsIn(set: SelectionSetNode | undefined, path: readonly string[], info: GraphQLResolveInfo, seen: Set<string>): boolean {
  if (!path.length) return true;
  if (!set) return false;
  return set.selections.some((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === path[0] && selectsIn(s.selectionSet, path.slice(1), info, seen);
    if (s.kind === Kind.INLINE_FRAGMENT) return selectsIn(s.selectionSet, path, info, seen);
    if (seen.has(s.name.value)) return false;
    return selectsIn(info.fragments[s.name.value]?.selectionSet, path, info, new Set([...seen, s.name.value]));
  });
}

/** True when any of the paths (each from the resolved field down, e.g. ['rows', 'regions', 'roles']) is asked for. */
export function selectsAny(info: GraphQLResolveInfo, paths: ReadonlyArray<readonly string[]>): boolean {
  return paths.some((path) => info.fieldNodes.some((node) => selectsIn(node.selectionSet, path, info, new Set())));
}
