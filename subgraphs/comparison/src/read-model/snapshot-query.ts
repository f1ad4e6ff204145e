/**
 * What the comparison asks a region for when it syncs: the shared fields it knows, each by name
 * (never "every field"), through the region's drill-down root field. A region on an older shared
 * contract lacks some of them: `forContract` drops what the region's own SDL does not have, so the
 * sync still works and the missing fields are null in the read model.
 */
import { Kind, parse, print, visit, type DocumentNode, type FieldNode, type SelectionNode, type SelectionSetNode } from 'graphql';

/**
 * A region's answer to the sync's queries (the `data` of the GraphQL response): its lists under
 * `region`, each null when the region failed it, or its SDL under `_service`. JSON as served: each
 * reader states the type of the list it asked for.
 */
export interface RegionAnswer {
  region?: { readonly [list: string]: unknown } | null;
  _service?: { sdl: string };
}

const SOURCE = 'section quote document documentId documentTitle';
const SRC = `source { ${SOURCE} }`;
const CAD = `label text minPerYear maxPerYear approximate whenNeeded note ${SRC}`;
const OFFICE = `holder selection term rotation note ${SRC} holderSource { ${SOURCE} } selectionSource { ${SOURCE} } termSource { ${SOURCE} } rotationSource { ${SOURCE} }`;
const STATEMENT = `text group category note ${SRC}`;

/** The fields of each shared list on Region that the read model keeps. */
export const LIST_SELECTIONS = {
  documents: `
    id file title publisher { name inferred note ${SRC} } date reviewBy validity { text from to note ${SRC} }
    version textAvailable passages { ordinal section text } note ${SRC}`,
  bodies: `
    id regionCode name kind level levelBasis levelSource { ${SOURCE} } permanence permanenceSource { ${SOURCE} }
    instances { count names ${SRC} } parent { bodyId relation basis basisNote ${SRC} } otherParents { bodyId relation basis basisNote ${SRC} }
    establishedBy { ${STATEMENT} } purposes { ${STATEMENT} } assignments { ${STATEMENT} }
    composition { organisation function seats { min max text } appointedBy note basis basisNote ${SRC} }
    substitutes { rule note ${SRC} }
    chair { ${OFFICE} } viceChair { ${OFFICE} }
    convener { who note ${SRC} } agendaBy { who note ${SRC} }
    minutes { kept keeper note basis basisNote ${SRC} } noticeContent { ${STATEMENT} }
    cadence { ${CAD} } otherMeetings { ${CAD} } notes document`,
  roles: `
    id regionCode title kind kindNote employer { ${STATEMENT} } financing { ${STATEMENT} }
    postHolders { count perBody text ${SRC} } servesBodyIds duties { group text category ${SRC} } notes ${SRC}`,
  reportingDuties: `id regionCode artifact description fromBodyId fromRoleId fromText toBodyId toRoleId toText cadence { ${CAD} } notes ${SRC}`,
  plans: `id regionCode name kind ownerBodyId ownerText description revision { ${CAD} } notes ${SRC}`,
  decisionRules: `id regionCode ordinal text appliesTo ${SRC}`,
  regionalFacts: `id topic name value count note ${SRC}`,
  events: `id regionCode kind label subject bodyId planId from { date precision text } to { date precision text } note document ${SRC}`,
};
export type SnapshotList = keyof typeof LIST_SELECTIONS;

export const SNAPSHOT_SELECTION = Object.entries(LIST_SELECTIONS)
  .map(([list, fields]) => `${list} { ${fields} }`)
  .join('\n');

/** The lists a sync reads page by page (`first`, `afterId`) when the region's contract has them. */
export const PAGED_LISTS = ['bodies', 'roles', 'reportingDuties', 'plans', 'decisionRules', 'regionalFacts', 'events'] as const;
export type PagedList = (typeof PAGED_LISTS)[number];

/** One page of one list of region `code` (the first page when afterId is null). */
export function pageQuery(code: string, list: SnapshotList, first: number, afterId: string | null): DocumentNode {
  const args = `first: ${first}${afterId === null ? '' : `, afterId: ${JSON.stringify(afterId)}`}`;
  return parse(`query RegionPage { region: ${code} { ${list}(${args}) { ${LIST_SELECTIONS[list]} } } }`);
}

/** One list of region `code`, whole (documents, and any list of a region on an older contract). */
export function listQuery(code: string, list: SnapshotList): DocumentNode {
  return parse(`query RegionList { region: ${code} { ${list} { ${LIST_SELECTIONS[list]} } } }`);
}

/**
 * Whether the region's contract pages every list of PAGED_LISTS: its root field `code` returns a type
 * whose list fields all take `first` and `afterId`. A region on an older contract is synced in one answer.
 */
export function pagesLists(regionSdl: string, code: string): boolean {
  const objects = parse(regionSdl).definitions.filter((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION);
  const field = (type: string, name: string) =>
    objects
      .filter((d) => d.name.value === type)
      .flatMap((d) => d.fields ?? [])
      .find((f) => f.name.value === name);
  let root = field('Query', code)?.type;
  while (root && root.kind !== Kind.NAMED_TYPE) root = root.type;
  if (!root) return false;
  return PAGED_LISTS.every((list) => {
    const args = new Set(field(root.name.value, list)?.arguments?.map((a) => a.name.value));
    return args.has('first') && args.has('afterId');
  });
}

/** The sync query for region `code`, as this comparison knows the contract. */
export function snapshotQuery(code: string): DocumentNode {
  return parse(`query RegionSnapshot { region: ${code} { code name ${SNAPSHOT_SELECTION} } }`);
}

/** Field name → named return type, per object or interface type of an SDL. */
function fieldTypes(sdl: string): Map<string, Map<string, string>> {
  const types = new Map<string, Map<string, string>>();
  for (const def of parse(sdl).definitions) {
    if (
      def.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      def.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      def.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      def.kind !== Kind.INTERFACE_TYPE_EXTENSION
    )
      continue;
    const fields = types.get(def.name.value) ?? new Map<string, string>();
    for (const f of def.fields ?? []) {
      let t = f.type;
      while (t.kind !== Kind.NAMED_TYPE) t = t.type;
      fields.set(f.name.value, t.name.value);
    }
    types.set(def.name.value, fields);
  }
  return types;
}

/**
 * The query without the fields the region's SDL lacks (an older shared contract), and the paths of
 * what was dropped (reported in the region's freshness, so a reader knows what is missing).
 */
export function forContract(query: DocumentNode, regionSdl: string): { query: DocumentNode; dropped: string[] } {
  const types = fieldTypes(regionSdl);
  const dropped: string[] = [];
  const prune = (set: SelectionSetNode, typeName: string, path: string): SelectionSetNode => {
    const fields = types.get(typeName);
    const selections = set.selections.flatMap((s): SelectionNode[] => {
      if (s.kind !== Kind.FIELD) return [s];
      const returns = fields?.get(s.name.value);
      if (!returns) {
        dropped.push(`${path}${s.name.value}`);
        return [];
      }
      if (!s.selectionSet) return [s];
      const inner = prune(s.selectionSet, returns, `${path}${s.name.value}.`);
      return inner.selections.length ? [{ ...s, selectionSet: inner } as FieldNode] : [];
    });
    return { ...set, selections };
  };
  const pruned = visit(query, {
    OperationDefinition(node) {
      return { ...node, selectionSet: prune(node.selectionSet, 'Query', '') };
    },
  });
  // Paths from the region's root field down: "reportingDuties.toRoleId".
  return { query: pruned, dropped: dropped.map((p) => p.split('.').slice(1).join('.') || p) };
}

export const printQuery = print;
