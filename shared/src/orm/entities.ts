/**
 * The tables every region subgraph owns in its own PostgreSQL schema. Columns that analysts filter
 * and sort on are real columns; the full fact with its provenance is kept as JSONB beside them, so
 * the API serves exactly what the data file says.
 */
import { EntitySchema } from '@mikro-orm/core';
import type { Body, DatedEvent, DecisionRule, FieldDiff, Plan, RegionalFact, ReportingDuty, Role, SourceDocument } from '@samverkan/contract';

export class BodyRow {
  id!: string;
  position!: number;
  document!: string;
  name!: string;
  kind!: string;
  level!: string | null;
  permanence!: string;
  parentId!: string | null;
  minPerYear!: number | null;
  maxPerYear!: number | null;
  keepsMinutes!: boolean | null;
  substituteRule!: string;
  data!: Body;
}

/** A fact table: stable id, order in the document, one classifying column, the fact as JSONB. */
abstract class FactRow<T> {
  id!: string;
  position!: number;
  document!: string;
  kind!: string;
  data!: T;
}
export class RoleRow extends FactRow<Role> {}
export class ReportingDutyRow extends FactRow<ReportingDuty> {}
export class PlanRow extends FactRow<Plan> {}
export class DecisionRuleRow extends FactRow<DecisionRule> {}
export class RegionalFactRow extends FactRow<RegionalFact> {}
/** A dated event; `kind` is its EventKind. */
export class EventRow extends FactRow<DatedEvent> {}

export class DocumentRow {
  file!: string;
  data!: SourceDocument;
}

/** What was loaded: one row per data file with its content hash, so a restart with the same data changes nothing. */
export class DataVersionRow {
  file!: string;
  sha256!: string;
  loadedAt!: Date;
}

const factProperties = {
  id: { type: 'text', primary: true },
  position: { type: 'integer' },
  document: { type: 'text' },
  kind: { type: 'text' },
  data: { type: 'json' },
} as const;

function factSchema<T>(cls: new () => FactRow<T>, tableName: string) {
  return new EntitySchema<FactRow<T>>({ class: cls, tableName, properties: { ...factProperties } as any });
}

export const BodyEntity = new EntitySchema<BodyRow>({
  class: BodyRow,
  tableName: 'body',
  indexes: [
    { name: 'body_level_kind_idx', properties: ['level', 'kind'] },
    { name: 'body_min_per_year_idx', properties: ['minPerYear'] },
  ],
  properties: {
    id: { type: 'text', primary: true },
    position: { type: 'integer' },
    document: { type: 'text' },
    name: { type: 'text' },
    kind: { type: 'text' },
    level: { type: 'text', nullable: true },
    permanence: { type: 'text' },
    parentId: { type: 'text', nullable: true },
    minPerYear: { type: 'double', nullable: true },
    maxPerYear: { type: 'double', nullable: true },
    keepsMinutes: { type: 'boolean', nullable: true },
    substituteRule: { type: 'text' },
    data: { type: 'json' },
  },
});
export const RoleEntity = factSchema(RoleRow, 'role');
export const ReportingDutyEntity = factSchema(ReportingDutyRow, 'reporting_duty');
export const PlanEntity = factSchema(PlanRow, 'plan');
export const DecisionRuleEntity = factSchema(DecisionRuleRow, 'decision_rule');
export const RegionalFactEntity = factSchema(RegionalFactRow, 'regional_fact');
export const EventEntity = factSchema(EventRow, 'event');
export const DocumentEntity = new EntitySchema<DocumentRow>({
  class: DocumentRow,
  tableName: 'source_document',
  properties: { file: { type: 'text', primary: true }, data: { type: 'json' } },
});
export const DataVersionEntity = new EntitySchema<DataVersionRow>({
  class: DataVersionRow,
  tableName: 'data_version',
  properties: { file: { type: 'text', primary: true }, sha256: { type: 'text' }, loadedAt: { type: 'datetime' } },
});

/** One entry of the append-only change history (migration ...History); `seq` counts up. */
export class DataChangeRow {
  seq!: string;
  at!: Date;
  dataVersionBefore!: string | null;
  dataVersionAfter!: string;
  change!: string;
  factKind!: string | null;
  factId!: string | null;
  factName!: string | null;
  fields!: FieldDiff[];
  quoteBefore!: string | null;
  quoteAfter!: string | null;
}

export const DataChangeEntity = new EntitySchema<DataChangeRow>({
  class: DataChangeRow,
  tableName: 'data_change',
  indexes: [{ name: 'data_change_at_idx', properties: ['at'] }],
  properties: {
    seq: { type: 'bigint', primary: true, autoincrement: true },
    at: { type: 'datetime' },
    dataVersionBefore: { type: 'text', nullable: true },
    dataVersionAfter: { type: 'text' },
    change: { type: 'text' },
    factKind: { type: 'text', nullable: true },
    factId: { type: 'text', nullable: true },
    factName: { type: 'text', nullable: true },
    fields: { type: 'json', defaultRaw: "'[]'" },
    quoteBefore: { type: 'text', nullable: true },
    quoteAfter: { type: 'text', nullable: true },
  },
});

export const REGION_ENTITIES = [
  BodyEntity,
  RoleEntity,
  ReportingDutyEntity,
  PlanEntity,
  DecisionRuleEntity,
  RegionalFactEntity,
  EventEntity,
  DocumentEntity,
  DataVersionEntity,
  DataChangeEntity,
];
