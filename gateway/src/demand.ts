/**
 * Demand control: what an operation costs in real work, estimated before any planning or fetching.
 * graphql-armor's cost counts fields of the answer; the work here is behind the fields:
 *   - the comparison's aggregates (every field of `Landscape` but its key and its list of regions)
 *     read the comparison's read model: each one runs its SQL over every region's copy and computes
 *     the comparison over all of it, once per object that selects it (each alias of `landscape` is
 *     one more round). The gateway no longer fetches region data for them, but they are not free;
 *   - a list of regions is fetched from every region subgraph.
 * So the work of an operation is:
 *   - each field: 1 × how many times it is resolved (lists count `listFactor`, a region list the
 *     number of regions; nested lists at most `maxMultiplier` in all: the lists inside an aggregate
 *     are cut from data already read, so they do not grow without bound);
 *   - each aggregate: `perAggregate` more.
 */
import {
  getNamedType,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface WorkWeights {
  perAggregate: number;
  listFactor: number;
  maxMultiplier: number;
  regions: number;
}

/**
 * `Type.field` of every comparison aggregate (the fields that cost `perAggregate`): the fields of the
 * entity types only `graph` resolves (`@join__type(graph: <graph>, key: ...)` and no other graph; today `Landscape`), except their key
 * fields and the fields that return regions (those are resolved by the region subgraphs).
 */
export function aggregateFields(supergraphSdl: string, graph = 'COMPARISON', regionType = 'Region'): Set<string> {
  const out = new Set<string>();
  for (const def of parse(supergraphSdl).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const joins = (def.directives ?? []).filter((d) => d.name.value === 'join__type');
    const arg = (d: (typeof joins)[number], name: string) => d.arguments?.find((a) => a.name.value === name)?.value;
    const graphOf = (d: (typeof joins)[number]) => {
      const v = arg(d, 'graph');
      return v?.kind === Kind.ENUM ? v.value : undefined;
    };
    if (!joins.length || joins.some((d) => graphOf(d) !== graph)) continue;
    const key = joins.map((d) => arg(d, 'key')).find((v) => v?.kind === Kind.STRING);
    if (!key || key.kind !== Kind.STRING) continue;
    const keyFields = new Set(key.value.split(/[\s{}]+/).filter(Boolean));
    for (const field of def.fields ?? []) {
      let t = field.type;
      while (t.kind !== Kind.NAMED_TYPE) t = t.type;
      if (keyFields.has(field.name.value) || t.name.value === regionType) continue;
      out.add(`${def.name.value}.${field.name.value}`);
    }
  }
  return out;
}

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

export function operationWork(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  aggregates: Set<string>,
  weights: WorkWeights,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const regionType = schema.getType('Region');

  /** Work of a selection set on `type`, resolved `times` times. */
  const walk = (set: SelectionSetNode, type: GraphQLCompositeType, times: number, seen: Set<string>): number => {
    let work = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) {
          work += times;
          continue;
        }
        const fields = isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
        const def = fields[sel.name.value];
        if (!def) continue;
        work += times;
        // On an interface, a field is an aggregate when any implementation's is.
        const names = isAbstractType(type) ? [type.name, ...schema.getPossibleTypes(type).map((t) => t.name)] : [type.name];
        if (names.some((n) => aggregates.has(`${n}.${sel.name.value}`))) work += times * weights.perAggregate;
        if (!sel.selectionSet) continue;
        const named = getNamedType(def.type) as GraphQLCompositeType;
        const childTimes = !isList(def.type)
          ? times
          : named === regionType
            ? times * weights.regions
            : Math.min(times * weights.listFactor, Math.max(times, weights.maxMultiplier));
        work += walk(sel.selectionSet, named, childTimes, seen);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) as GraphQLCompositeType | undefined) : type;
        if (t) work += walk(sel.selectionSet, t, times, seen);
      } else {
        const f = fragments.get(sel.name.value);
        if (!f || seen.has(f.name.value)) continue;
        const t = schema.getType(f.typeCondition.name.value) as GraphQLCompositeType | undefined;
        if (t) work += walk(f.selectionSet, t, times, new Set([...seen, f.name.value]));
      }
    }
    return work;
  };

  const root = schema.getRootType(operation.operation);
  return root ? walk(operation.selectionSet, root, 1, new Set()) : 0;
}
