/**
 * The schema of a region's data file: one JSON file per source document, in
 * `subgraphs/<region>/data/`. Every fact carries a Source: the section it stands
 * under and a verbatim quote that is an exact substring of the document.
 * The loader validates every file against this schema before anything reaches
 * PostgreSQL, so a typo in a data file is a clear start-up error, never bad data.
 */
import { z } from 'zod';
import { dateSpan } from '../history/dates';
import {
  ARTIFACT_KINDS,
  BODY_KINDS,
  DUTY_CATEGORIES,
  EVENT_KINDS,
  LEVEL_BASES,
  LEVELS,
  PARENT_RELATIONS,
  PERMANENCE,
  PLAN_KINDS,
  ROLE_KINDS,
  SUBSTITUTE_RULES,
} from './enum-values';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case-kebab slugs');
const text = z.string().min(1);

/** Where a fact comes from. `section` is a path of headings joined by " > ", each present in the document. */
export const SourceSchema = z.strictObject({
  section: text,
  quote: text,
  /**
   * The source document, when it is not the data file's own: one document may state a fact about a
   * body another describes (Örebro's samverkansledare description says who convenes the länsdelsgrupp).
   * A file name in docs/sources/; the quote and section are checked against that document.
   */
  document: z
    .string()
    .regex(/^[\w.-]+\.txt$/)
    .optional(),
  /**
   * Set only in a draft (`npm run draft`): the rule that proposed the fact and how sure it is (0-1).
   * Review removes it when a person accepts the fact; a reviewed file has none.
   */
  draft: z.strictObject({ rule: text, confidence: z.number().min(0).max(1) }).optional(),
});

/** A free-text fact (an uppdrag bullet, a purpose, who establishes a body ...). */
export const StatementSchema = z.strictObject({
  text,
  group: text.nullish(),
  /** What kind of duty a body's assignment is (decides, reports, follows up ...), when it is one. */
  category: z.enum(DUTY_CATEGORIES).nullish(),
  note: text.nullish(),
  source: SourceSchema,
});

/**
 * How often something happens. `text` is the verbatim frequency phrase (a substring of source.quote);
 * the numbers are what the shared normalizer makes of it, and a test checks that they agree.
 */
export const CadenceSchema = z.strictObject({
  label: text.nullish(),
  text,
  minPerYear: z.number().nonnegative().nullable(),
  maxPerYear: z.number().nonnegative().nullable(),
  approximate: z.boolean(),
  whenNeeded: z.boolean(),
  note: text.nullish(),
  source: SourceSchema,
});

export const SeatsSchema = z.strictObject({ min: z.number().int().nonnegative().nullable(), max: z.number().int().nonnegative().nullable(), text });

/** Where the text allows two readings: INFERRED, with the reading served, its basis and the other reading. */
const READING = { basis: z.enum(['STATED', 'INFERRED']).optional(), basisNote: text.nullish() };

export const MemberSchema = z.strictObject({
  organisation: text.nullish(),
  function: text,
  seats: SeatsSchema.nullish(),
  appointedBy: text.nullish(),
  note: text.nullish(),
  ...READING,
  source: SourceSchema,
});

/** The fields of an office that state a fact; each stands verbatim in its own source, or in the office's. */
export const OFFICE_FACTS = ['holder', 'selection', 'term', 'rotation'] as const;

export const OfficeSchema = z.strictObject({
  holder: text.nullish(),
  selection: text.nullish(),
  term: text.nullish(),
  rotation: text.nullish(),
  note: text.nullish(),
  source: SourceSchema,
  /** Where the holder stands, when not in `source` (each fact of an office has its own quote). */
  holderSource: SourceSchema.nullish(),
  selectionSource: SourceSchema.nullish(),
  termSource: SourceSchema.nullish(),
  rotationSource: SourceSchema.nullish(),
});

/** How a body sits under another; `basis` INFERRED (with `basisNote`) where the text allows two readings. */
export const ParentLinkSchema = z.strictObject({ bodyId: id, relation: z.enum(PARENT_RELATIONS), ...READING, source: SourceSchema });

export const DutyHolderSchema = z.strictObject({ who: text, note: text.nullish(), source: SourceSchema });

export const BodySchema = z.strictObject({
  id,
  name: text,
  kind: z.enum(BODY_KINDS),
  level: z.enum(LEVELS).nullable(),
  levelBasis: z.enum(LEVEL_BASES),
  levelSource: SourceSchema.nullish(),
  permanence: z.enum(PERMANENCE),
  permanenceSource: SourceSchema.nullish(),
  instances: z.strictObject({ count: z.number().int().positive().nullable(), names: z.array(text), source: SourceSchema }).nullish(),
  parent: ParentLinkSchema.nullish(),
  /** Further bodies this one answers to besides `parent` ("till chefsgrupperna": both chefsgrupper). */
  otherParents: z.array(ParentLinkSchema).optional(),
  establishedBy: StatementSchema.nullish(),
  purposes: z.array(StatementSchema),
  assignments: z.array(StatementSchema),
  composition: z.array(MemberSchema),
  substitutes: z.strictObject({ rule: z.enum(SUBSTITUTE_RULES), note: text.nullish(), source: SourceSchema.nullish() }),
  chair: OfficeSchema.nullish(),
  viceChair: OfficeSchema.nullish(),
  convener: DutyHolderSchema.nullish(),
  agendaBy: DutyHolderSchema.nullish(),
  minutes: z.strictObject({ kept: z.boolean().nullable(), keeper: text.nullish(), note: text.nullish(), ...READING, source: SourceSchema }).nullish(),
  noticeContent: StatementSchema.nullish(),
  cadence: CadenceSchema.nullish(),
  otherMeetings: z.array(CadenceSchema),
  notes: z.array(text),
});

export const RoleSchema = z.strictObject({
  id,
  title: text,
  kind: z.enum(ROLE_KINDS),
  kindNote: text.nullish(),
  employer: StatementSchema.nullish(),
  financing: StatementSchema.nullish(),
  postHolders: z.strictObject({ count: z.number().int().positive().nullable(), perBody: z.boolean(), text, source: SourceSchema }).nullish(),
  servesBodyIds: z.array(id),
  duties: z.array(z.strictObject({ group: text.nullish(), text, category: z.enum(DUTY_CATEGORIES), source: SourceSchema })),
  notes: z.array(text),
  source: SourceSchema,
});

export const ReportingDutySchema = z.strictObject({
  id,
  artifact: z.enum(ARTIFACT_KINDS),
  description: text,
  fromBodyId: id.nullish(),
  fromRoleId: id.nullish(),
  fromText: text,
  toBodyId: id.nullish(),
  /** A recipient that is a role, not a body ("till förbundschef"). */
  toRoleId: id.nullish(),
  toText: text,
  cadence: CadenceSchema.nullish(),
  notes: z.array(text),
  source: SourceSchema,
});

export const PlanSchema = z.strictObject({
  id,
  name: text,
  kind: z.enum(PLAN_KINDS),
  ownerBodyId: id.nullish(),
  ownerText: text.nullish(),
  description: text.nullish(),
  revision: CadenceSchema.nullish(),
  notes: z.array(text),
  source: SourceSchema,
});

export const DecisionRuleSchema = z.strictObject({
  id,
  ordinal: z.number().int().positive().nullable(),
  text,
  appliesTo: text.nullish(),
  source: SourceSchema,
});

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * Who issues a document. None of the documents names its publisher outright, so `inferred` says when
 * the name is read from what the text says (who publishes its decisions, whose organisation it
 * describes); the quote is the text it is read from.
 */
export const PublisherSchema = z.strictObject({ name: text, inferred: z.boolean(), note: text.nullish(), source: SourceSchema });

/**
 * How long a document is valid, where it says so (Örebro's "Giltighetstid"): the verbatim `text`
 * (a substring of the quote) and the dates it gives (null where it gives none).
 */
export const ValiditySchema = z.strictObject({ text, from: date.nullable(), to: date.nullable(), note: text.nullish(), source: SourceSchema });

/**
 * The original file a document's text was ingested from (`npm run ingest`): its name, media type and
 * SHA-256, so a reader can tell which published version the quotes were checked against.
 */
export const OriginSchema = z.strictObject({
  fileName: text,
  mediaType: z.enum(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/html', 'text/plain']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex'),
});

export const DocumentSchema = z.strictObject({
  /** Short stable id of the document within its region (served as "<region>:<id>"); never derived from the file's content. */
  id,
  title: text,
  publisher: PublisherSchema.nullish(),
  validity: ValiditySchema.nullish(),
  date: date.nullable(),
  reviewBy: date.nullable(),
  note: text.nullish(),
  /** Optional: the original file (PDF, DOCX, HTML, text) the source text was ingested from. */
  origin: OriginSchema.optional(),
  source: SourceSchema,
});

/** A regional fact that only one region has (Örebro's levels, SAMLA's target groups ...). */
export const RegionalFactSchema = z.strictObject({
  id,
  topic: text,
  name: text,
  value: text.nullish(),
  count: z.number().int().nonnegative().nullish(),
  note: text.nullish(),
  /** The body (or role) of this file the fact is about: what a region's own body (role) fields are built from. */
  bodyId: id.nullish(),
  roleId: id.nullish(),
  source: SourceSchema,
});

/**
 * A date as precise as the text: "2013", "2016-08" or "2016-08-01" (the precision follows from the
 * form). `text` is the verbatim phrase that states it, a substring of the event's source quote.
 */
export const EventDateSchema = z.strictObject({
  date: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'an ISO date: YYYY, YYYY-MM or YYYY-MM-DD')
    .refine((d) => dateSpan(d) !== null, 'not a real date'),
  text,
});

/**
 * A dated event the document states: when a body was founded, since when something holds, a project
 * or plan period, the document's date, a review date. About a body (bodyId), a plan (planId), or, with
 * neither, the document itself.
 */
export const EventSchema = z.strictObject({
  id,
  kind: z.enum(EVENT_KINDS),
  label: text,
  subject: text,
  bodyId: id.nullish(),
  planId: id.nullish(),
  from: EventDateSchema,
  to: EventDateSchema.nullish(),
  note: text.nullish(),
  source: SourceSchema,
});

export const DataFileSchema = z.strictObject({
  $schema: z.string().optional(),
  file: z.string().regex(/^[\w.-]+\.txt$/),
  document: DocumentSchema,
  bodies: z.array(BodySchema),
  roles: z.array(RoleSchema),
  reportingDuties: z.array(ReportingDutySchema),
  plans: z.array(PlanSchema),
  decisionRules: z.array(DecisionRuleSchema),
  regionalFacts: z.array(RegionalFactSchema),
  /** Optional, so data files written before events existed still load. */
  events: z.array(EventSchema).optional(),
});

export type SourceData = z.infer<typeof SourceSchema>;
export type StatementData = z.infer<typeof StatementSchema>;
export type CadenceData = z.infer<typeof CadenceSchema>;
export type BodyData = z.infer<typeof BodySchema>;
export type RoleData = z.infer<typeof RoleSchema>;
export type ReportingDutyData = z.infer<typeof ReportingDutySchema>;
export type PlanData = z.infer<typeof PlanSchema>;
export type DecisionRuleData = z.infer<typeof DecisionRuleSchema>;
export type DocumentData = z.infer<typeof DocumentSchema>;
export type OriginData = z.infer<typeof OriginSchema>;
export type RegionalFactData = z.infer<typeof RegionalFactSchema>;
export type EventData = z.infer<typeof EventSchema>;
export type DataFile = z.infer<typeof DataFileSchema>;

/** The data file schema as JSON Schema (draft 2020-12), for editors: `npm run generate` writes it. */
export function dataFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(DataFileSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}
