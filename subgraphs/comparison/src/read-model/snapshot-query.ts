/**
 * What the comparison asks a region for when it syncs: the shared fields it knows, each by name
 * (never "every field"), through the region's drill-down root field. A region on an older shared
 * contract lacks some of them: `forContract` drops what the region's own SDL does not have, so the
 * sync still works and the missing fields are null in the read model.
 */
import { Kind, parse, print, visit, type DocumentNode, type FieldNode, type SelectionNode, type SelectionSetNode } from 'graphql';

const SOURCE = 'section quote document documentId documentTitle';
const SRC = `source { ${SOURCE} }`;
const CAD = `label text minPerYear maxPerYear approximate whenNeeded note ${SRC}`;
const OFFICE = `holder selection term rotation note ${SRC}`;
const STATEMENT = `text group category note ${SRC}`;

/** The fields of each shared list on Region that the read model keeps. */
export const SNAPSHOT_SELECTION = `
  documents {
    id file title publisher { name inferred note ${SRC} } date reviewBy validity { text from to note ${SRC} }
    version textAvailable passages { ordinal section text } note ${SRC}
  }
  bodies {
    id regionCode name kind level levelBasis levelSource { ${SOURCE} } permanence permanenceSource { ${SOURCE} }
    instances { count names ${SRC} } parent { bodyId relation ${SRC} }
    establishedBy { ${STATEMENT} } purposes { ${STATEMENT} } assignments { ${STATEMENT} }
    composition { organisation function seats { min max text } appointedBy note ${SRC} }
    substitutes { rule note ${SRC} }
    chair { ${OFFICE} } viceChair { ${OFFICE} }
    convener { who note ${SRC} } agendaBy { who note ${SRC} }
    minutes { kept keeper note ${SRC} } noticeContent { ${STATEMENT} }
    cadence { ${CAD} } otherMeetings { ${CAD} } notes document
  }
  roles {
    id regionCode title kind kindNote employer { ${STATEMENT} } financing { ${STATEMENT} }
    postHolders { count perBody text ${SRC} } servesBodyIds duties { group text category ${SRC} } notes ${SRC}
  }
  reportingDuties { id regionCode artifact description fromBodyId fromRoleId fromText toBodyId toRoleId toText cadence { ${CAD} } notes ${SRC} }
  plans { id regionCode name kind ownerBodyId ownerText description revision { ${CAD} } notes ${SRC} }
  decisionRules { id regionCode ordinal text appliesTo ${SRC} }
  regionalFacts { id topic name value count note ${SRC} }
`;

/** The sync query for region `code`, as this comparison knows the contract. */
export function snapshotQuery(code: string): DocumentNode {
  return parse(`query RegionSnapshot { region: ${code} { code name ${SNAPSHOT_SELECTION} } }`);
}

/** Field name → named return type, per object or interface type of an SDL. */
function fieldTypes(sdl: string): Map<string, Map<string, string>> {
  const types = new Map<string, Map<string, string>>();
  for (const def of parse(sdl).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION
      && def.kind !== Kind.INTERFACE_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_EXTENSION) continue;
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
      if (!returns) { dropped.push(`${path}${s.name.value}`); return []; }
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
