/**
 * docs/DATA-FILES.md: the reference of a region's data file, field by field, rendered from the data
 * schema's JSON Schema (the one editors use, contract/data-file.schema.json) with the descriptions below.
 * Rendering fails when a field has no description, so a new field cannot go undocumented.
 */
import { z } from 'zod';
import {
  BodySchema,
  CadenceSchema,
  dataFileJsonSchema,
  DecisionRuleSchema,
  DocumentSchema,
  DutyHolderSchema,
  MemberSchema,
  OfficeSchema,
  PlanSchema,
  OriginSchema,
  PublisherSchema,
  RegionalFactSchema,
  ReportingDutySchema,
  ValiditySchema,
  RoleSchema,
  SeatsSchema,
  SourceSchema,
  StatementSchema,
} from '@samverkan/contract';

export const DATA_FILES_DOC = 'docs/DATA-FILES.md';

/** The named shapes of the schema: an object in the JSON Schema equal to one of these is shown by this name. */
const NAMED: Array<[string, z.ZodType]> = [
  ['Source', SourceSchema],
  ['Statement', StatementSchema],
  ['Cadence', CadenceSchema],
  ['Seats', SeatsSchema],
  ['Member', MemberSchema],
  ['Office', OfficeSchema],
  ['DutyHolder', DutyHolderSchema],
  ['Body', BodySchema],
  ['Role', RoleSchema],
  ['ReportingDuty', ReportingDutySchema],
  ['Plan', PlanSchema],
  ['DecisionRule', DecisionRuleSchema],
  ['Document', DocumentSchema],
  ['RegionalFact', RegionalFactSchema],
  ['Publisher', PublisherSchema],
  ['Validity', ValiditySchema],
  ['Origin', OriginSchema],
];

const TYPE_DOCS: Record<string, string> = {
  DataFile: "One file per source document: `subgraphs/<code>/data/<document>.json`, where `<document>` is the source file's name without `.txt`.",
  Source: 'Where a fact stands: every fact has one. Checked: each heading of `section` is in the document, and `quote` is an exact substring of it.',
  Statement: 'A free-text fact: an assignment bullet, a purpose, who establishes a body.',
  Cadence:
    'How often something happens. `text` is the verbatim phrase (a substring of `source.quote`); the numbers are what the shared normalizer (contract/src/frequency.ts) makes of it, checked.',
  Seats: 'How many seats a member has.',
  Member: "One line of a body's composition.",
  Office: 'Chair or vice chair of a body.',
  DutyHolder: 'Who convenes a body, or prepares its agenda.',
  Body: 'A body the document names (a council, a group, a conference ...), in document order.',
  Role: 'A role the document names (samordnare, utvecklingsledare ...).',
  ReportingDuty: 'Who reports what to whom, how often.',
  Plan: 'A plan, steering document or agreement, with its revision cycle.',
  DecisionRule: 'A rule for decisions or for steering documents.',
  Document: 'The source document itself: title, date, review date.',
  Publisher: 'Who issues the document. No document names its publisher outright: `inferred` says when the name is read from what the text says.',
  Origin: "The original file the document's text was ingested from (`npm run ingest` prints it and writes it beside the text); optional.",
  Validity: 'How long the document is valid, where it says so.',
  RegionalFact: 'A fact only this region has, by topic; region-specific fields serve the facts of a topic.',
};

/** `Type.field` first, then the field name alone. */
const FIELD_DOCS: Record<string, string> = {
  $schema: 'the JSON Schema for editors: `../../../contract/data-file.schema.json` (checked)',
  file: "the source document's file name in docs/sources/",
  'DataFile.document': "the document's title, dates and their source",
  'DataFile.bodies': 'every body the document names, in document order',
  'DataFile.roles': 'every role the document names',
  'DataFile.reportingDuties': 'every reporting duty',
  'DataFile.plans': 'plans, steering documents, agreements',
  'DataFile.decisionRules': 'rules for decisions and steering documents',
  'DataFile.regionalFacts': 'facts only this region has, by topic',
  'DataFile.events': 'dated events the document states (founded, since, periods, plan periods, document and review dates); optional',
  'DataFile.events.kind': 'what the date is: FOUNDED, SINCE, PERIOD, PLAN_PERIOD, DOCUMENT_DATE, DECISION_DATE, VALID_FROM, REVIEW_DATE, EVALUATION, OTHER',
  'DataFile.events.subject': "what the event is about, in the document's words",
  'DataFile.events.planId': 'the plan it is about, when it is one (must resolve)',
  'DataFile.events.from.text': 'the verbatim phrase that states the start (part of the quote, with its year)',
  'DataFile.events.to.text': 'the verbatim phrase that states the end (part of the quote, with its year)',
  title: 'the title as the document gives it',
  publisher: 'who issues the document',
  validity: 'how long the document is valid, where it says so',
  'Publisher.name': "the publisher's name",
  inferred: 'true: the name is read from what the text says, not stated as the publisher',
  origin: 'the original file (PDF, DOCX, HTML or text) the text was ingested from; optional',
  fileName: "the original file's name",
  mediaType: 'its type, from its content (magic bytes), not only its extension',
  sha256: "the SHA-256 of the original file's bytes, lower-case hex",
  'Validity.text': 'the verbatim phrase, a substring of the quote',
  from: 'the first day it is valid (YYYY-MM-DD), null when not given',
  to: 'the last day it is valid (YYYY-MM-DD), null when not given',
  date: "the document's date (YYYY-MM-DD), null when it states none",
  reviewBy: 'when the document is to be reviewed (YYYY-MM-DD), null when it states none',
  note: 'an explanation in English, for readers of the data (not served as a fact)',
  source: 'where the fact stands in the document',
  section: 'the headings the quote stands under, joined by " > "',
  quote: 'verbatim text of the document, typos from conversion included',
  'Source.document': "another document's file name, when the fact comes from a document other than the data file's own",
  'Source.draft': 'only in a draft (`npm run draft`): the rule that proposed the fact and its confidence; review removes it',
  'Source.draft.rule': 'the name of the draft rule that proposed the fact',
  confidence: 'how sure the rule is, from 0 to 1',
  id: 'a lower-case kebab slug, unique in the region; references use it',
  'Body.name': "the body's name, in the document's Swedish (spelling corrected; the quote keeps the original)",
  'Body.kind': 'what kind of body it is',
  level: 'political, strategic, tactical or operational; null when not stated',
  levelBasis: 'whether the document states the level or it is inferred',
  levelSource: 'where the level is stated',
  permanence: 'permanent or temporary, when the document says',
  permanenceSource: 'where the permanence is stated',
  instances: 'a body that exists several times (one per länsdel ...)',
  'Body.instances.count': 'how many instances; null when not stated',
  names: "the instances' names the document gives",
  parent: 'the body this one reports to, supports, belongs to ...',
  bodyId: 'the id of the other body',
  relation: 'how this body relates to the other',
  otherParents: 'further bodies this one answers to besides `parent` (a plural "till chefsgrupperna": each of them)',
  basis: 'STATED (the default): the text says so; INFERRED: read from the text where it allows two readings (basisNote says which and why)',
  basisNote: 'for INFERRED: the reading served, its basis in the text, and the other reading',
  establishedBy: 'who establishes the body',
  purposes: 'what the body is for',
  assignments: 'what the body is to do',
  composition: 'who sits in the body',
  substitutes: 'whether members may or must send substitutes',
  rule: 'required, forbidden, allowed or not stated',
  chair: 'the chair: who holds it, how chosen, term, rotation',
  viceChair: 'the vice chair',
  convener: 'who convenes the body',
  agendaBy: 'who prepares the agenda',
  minutes: 'whether minutes are kept, and by whom',
  kept: 'true: kept; false: not kept; null: not stated',
  keeper: 'who keeps them',
  noticeContent: 'what a notice of meeting must contain',
  cadence: 'how often it meets (or reports, revises)',
  otherMeetings: 'further meetings beside the regular ones',
  notes: 'explanations in English',
  'Statement.text': "the fact, in the document's words",
  group: 'the heading or group a bullet belongs to',
  category: 'what kind of duty it is',
  label: 'what this cadence is of, when a body has several',
  'Cadence.text': 'the verbatim frequency phrase, a substring of the quote',
  minPerYear: 'the fewest times per year the phrase allows; null: no number stated',
  maxPerYear: 'the most times per year; null: no upper bound ("minst") or no number',
  approximate: 'the phrase is approximate ("cirka", "ett par")',
  whenNeeded: 'the phrase adds meetings when needed ("vid behov"), not counted',
  'Seats.text': 'the verbatim phrase stating the seats',
  min: 'the fewest seats; null when not stated',
  max: 'the most seats; null when open or not stated',
  organisation: 'the organisation the member represents',
  function: "the member's function",
  seats: 'how many seats',
  appointedBy: 'who appoints the member',
  holder: "who holds the office, in the document's words (verbatim in its quote)",
  selection: "how the holder is chosen, in the document's words (verbatim in its quote)",
  term: "for how long, in the document's words (verbatim in its quote)",
  rotation: "how the office rotates, in the document's words (verbatim in its quote)",
  holderSource: 'where the holder stands, when not in `source`: each fact of an office has its own quote',
  selectionSource: 'where the selection stands, when not in `source`',
  termSource: 'where the term stands, when not in `source`',
  rotationSource: 'where the rotation stands, when not in `source`',
  who: "who, in the document's words",
  'Role.title': "the role's title, in the document's Swedish",
  'Role.kind': 'the canonical kind of role, for comparing across regions',
  kindNote: 'why this kind was chosen, when it is not obvious',
  employer: 'who employs the role holder',
  financing: 'who pays for the role',
  postHolders: 'how many hold the role',
  'Role.postHolders.count': 'how many; null when not stated',
  perBody: 'the count is per body served (one per länsdelsgrupp ...)',
  'Role.postHolders.text': 'the verbatim phrase',
  servesBodyIds: 'the bodies the role serves',
  duties: 'what the role does',
  'Role.duties.text': "the duty, in the document's words",
  artifact: 'what is reported (minutes, an annual report ...)',
  'ReportingDuty.description': 'what the duty is, in English',
  fromBodyId: 'the body that reports',
  fromRoleId: 'the role that reports',
  fromText: "who reports, in the document's words",
  toBodyId: 'the body reported to',
  toRoleId: 'the role reported to ("till förbundschef")',
  toText: "to whom, in the document's words",
  'Plan.name': "the plan's name",
  'Plan.kind': 'what kind of plan',
  ownerBodyId: 'the body that owns the plan',
  ownerText: "its owner, in the document's words",
  'Plan.description': 'what the plan is, in English',
  revision: 'how often it is revised',
  ordinal: "the rule's number in the document, when numbered",
  'DecisionRule.text': "the rule, in the document's words",
  appliesTo: 'what the rule applies to',
  topic: 'the topic, a kebab slug; a region field serves one topic',
  'RegionalFact.name': 'a short name of the fact',
  value: "the fact, in the document's words",
  'RegionalFact.count': 'a number the fact states',
  'RegionalFact.bodyId': 'the body of this file the fact is about (the region builds its own body fields, e.g. KalmarBody.memberSelection, from such facts)',
  'RegionalFact.roleId': "the role of this file the fact is about (for the region's own role fields)",
};

type Json = {
  type?: string;
  enum?: string[];
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  anyOf?: Json[];
  items?: Json;
  properties?: Record<string, Json>;
  required?: string[];
};

const strip = (j: Record<string, unknown>) => {
  const { $schema: _s, ...rest } = j;
  return JSON.stringify(rest);
};
const namedShapes = () =>
  new Map(NAMED.map(([name, schema]) => [strip(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>), name]));

interface Section {
  name: string;
  schema: Json;
}

function describeType(j: Json, owner: string, field: string, named: Map<string, string>, queue: Section[]): string {
  if (j.anyOf) {
    const nonNull = j.anyOf.filter((x) => x.type !== 'null');
    const t = nonNull.map((x) => describeType(x, owner, field, named, queue)).join(' or ');
    return nonNull.length < j.anyOf.length ? `${t} or null` : t;
  }
  if (j.type === 'array') return `list of ${describeType(j.items ?? {}, owner, field, named, queue)}`;
  if (j.type === 'object') {
    const name = named.get(JSON.stringify(j)) ?? `${owner}.${field}`;
    if (!queue.some((s) => s.name === name)) queue.push({ name, schema: j });
    return `[${name}](#${name.toLowerCase().replace(/[^a-z0-9]/g, '')})`;
  }
  if (j.enum) return `one of ${j.enum.map((v) => `\`${v}\``).join(', ')}`;
  const bounds = [
    j.exclusiveMinimum !== undefined ? `> ${j.exclusiveMinimum}` : '',
    j.minimum !== undefined ? `≥ ${j.minimum}` : '',
    j.minLength ? 'not empty' : '',
    j.pattern ? `matching \`${j.pattern}\`` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${j.type ?? 'any'}${bounds ? ` (${bounds})` : ''}`;
}

export function renderDataFilesDoc(): string {
  const named = namedShapes();
  const queue: Section[] = [{ name: 'DataFile', schema: dataFileJsonSchema() as Json }];
  const missing: string[] = [];
  const out = [
    '<!-- GENERATED by `npm run generate` from the data schema (contract/data-file.schema.json) and scripts/lib/docs-data-files.ts. Do not edit. -->',
    '# Data files: field by field',
    '',
    "A region's facts are JSON files in `subgraphs/<code>/data/`, one per source document. This is every field, as",
    'the schema checks it; the rules beyond the schema (quotes, headings, frequencies, references) are in',
    '[EXTENDING.md](EXTENDING.md#the-rules-of-the-data), and `npm run check-data` checks them all. Editors complete',
    'and validate the files with the JSON Schema each file names in `$schema`.',
    '',
    '**required**: the field must be present (its value may still be `null` where the type says so); **optional**:',
    'it may be left out, which means the same as `null`. No other fields are allowed.',
    '',
  ];
  for (let i = 0; i < queue.length; i++) {
    const { name, schema } = queue[i]!;
    out.push(`## ${name}`, '');
    if (TYPE_DOCS[name]) out.push(TYPE_DOCS[name], '');
    out.push('| field | type | | description |', '| --- | --- | --- | --- |');
    const typeName = name.split('.')[0]!;
    for (const [field, j] of Object.entries(schema.properties ?? {})) {
      const doc = FIELD_DOCS[`${name}.${field}`] ?? FIELD_DOCS[`${typeName}.${field}`] ?? FIELD_DOCS[field];
      if (!doc) missing.push(`${name}.${field}`);
      const required = schema.required?.includes(field) ? 'required' : 'optional';
      out.push(`| \`${field}\` | ${describeType(j, name, field, named, queue).replace(/\|/g, '\\|')} | ${required} | ${doc ?? ''} |`);
    }
    out.push('');
  }
  if (missing.length) throw new Error(`docs-data-files.ts: no description for ${missing.join(', ')}`);
  return out.join('\n');
}
