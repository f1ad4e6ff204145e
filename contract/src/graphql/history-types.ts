/**
 * The vocabulary of "what changed and when": dated events (typed, quoted facts of the documents) and
 * the change history a region records when it loads a new data version. Shared (@shareable) by the
 * region subgraphs and the comparison, which serves the same types across the Landscape.
 */
import { GraphQLScalarType, Kind } from 'graphql';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DATE_PRECISIONS, EVENT_KINDS } from '../data/enum-values';
import { Source } from './types';

/**
 * An ISO 8601 date-time. Parsed leniently here: the resolver that takes one checks it and answers a
 * BAD_USER_INPUT error naming the value (a scalar's own parse error would arrive through the gateway
 * as a validation failure without that code).
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An ISO 8601 date-time in UTC, e.g. "2026-11-27T20:45:03.000Z" (a date alone, "2026-11-27", means its midnight UTC).',
  serialize: (v) => (v instanceof Date ? v.toISOString() : String(v)),
  parseValue: (v) => v,
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? ast.value : ast.kind === Kind.INT ? ast.value : null),
});

const toEnum = <T extends readonly string[]>(values: T) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };

export const EventKind = toEnum(EVENT_KINDS);
export const DatePrecision = toEnum(DATE_PRECISIONS);
export const FACT_KINDS = ['body', 'role', 'reportingDuty', 'plan', 'decisionRule', 'regionalFact', 'document', 'event'] as const;
export const FactKind = toEnum(FACT_KINDS);
export const CHANGE_TYPES = ['INITIAL_LOAD', 'ADDED', 'REMOVED', 'CHANGED'] as const;
export const ChangeType = toEnum(CHANGE_TYPES);

registerEnumType(EventKind, {
  name: 'EventKind',
  description:
    'What a dated event is: FOUNDED (bildades), SINCE (sedan), PERIOD (a project or organisation period), PLAN_PERIOD (the years a plan covers), DOCUMENT_DATE (the date a document bears), DECISION_DATE (when it was adopted), VALID_FROM (in force from), REVIEW_DATE (to be revised by), EVALUATION (a follow-up or evaluation of a period), OTHER.',
});
registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How exact the text is: YEAR ("2013"), MONTH ("augusti 2016"), DAY ("2016-08-01"). A YEAR date is never a 1 January.',
});
registerEnumType(FactKind, {
  name: 'FactKind',
  description: 'The list of Region a changed fact belongs to (document: a source document, keyed by file name).',
});
registerEnumType(ChangeType, {
  name: 'ChangeType',
  description:
    "INITIAL_LOAD: the region's first data version was loaded (one entry, no per-fact list); ADDED, REMOVED, CHANGED: one fact, compared with the data version before.",
});

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'A date as precise as the document states it.' })
export class EventDate {
  @Field(() => String, { description: 'ISO 8601 at the stated precision: "2013", "2016-08" or "2016-08-01".' }) date!: string;
  @Field(() => DatePrecision) precision!: keyof typeof DatePrecision;
  @Field(() => String, { description: 'The verbatim phrase that states the date (part of source.quote).' }) text!: string;
}

@Directive('@shareable')
@ObjectType('Event', {
  simpleResolvers: true,
  description: 'A dated event a document states: a founding, a "since", a project or plan period, a document or review date.',
})
export class DatedEvent {
  @Field(() => ID, { description: 'Globally unique: "<regionCode>:<slug>".' }) id!: string;
  @Field(() => String) regionCode!: string;
  @Field(() => EventKind) kind!: keyof typeof EventKind;
  @Field(() => String, { description: 'What happened or holds, in short (English).' }) label!: string;
  @Field(() => String, { description: "What the event is about, in the document's words (a body, a plan, the document)." }) subject!: string;
  @Field(() => ID, { nullable: true, description: 'The body it is about, when it is one.' }) bodyId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The plan it is about, when it is one.' }) planId?: string | null;
  @Field(() => EventDate, { description: 'When it happened or began.' }) from!: EventDate;
  @Field(() => EventDate, { nullable: true, description: 'When it ended or ends, for a period.' }) to?: EventDate | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => String, { description: 'The source document.' }) document!: string;
  @Field(() => Source) source!: Source;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'One changed value of a fact.' })
export class FieldChange {
  @Field(() => String, {
    description: 'Where in the fact, e.g. "cadence.text" or "composition[2].function" (a list whose length changed is one change at the list).',
  })
  path!: string;
  @Field(() => String, { nullable: true, description: 'The value before, as JSON text; null when absent.' }) before!: string | null;
  @Field(() => String, { nullable: true, description: 'The value after, as JSON text; null when absent.' }) after!: string | null;
  @Field(() => String, { nullable: true, description: 'The quote of the nearest source around the value, before.' }) quoteBefore!: string | null;
  @Field(() => String, { nullable: true, description: 'The quote of the nearest source around the value, after.' }) quoteAfter!: string | null;
}

@Directive('@shareable')
@ObjectType({
  simpleResolvers: true,
  description: "One entry of a region's change history: a fact added, removed or changed between two data versions (or the first load).",
})
export class DataChange {
  @Field(() => ID, { description: '"<regionCode>:change:<n>", n counting up in the region.' }) id!: string;
  @Field(() => String) regionCode!: string;
  @Field(() => DateTimeScalar, { description: 'When the region loaded the new data version.' }) at!: string;
  @Field(() => String, { nullable: true, description: 'The data version before (null for INITIAL_LOAD).' }) dataVersionBefore!: string | null;
  @Field(() => String) dataVersionAfter!: string;
  @Field(() => ChangeType) change!: keyof typeof ChangeType;
  @Field(() => FactKind, { nullable: true, description: 'Null for INITIAL_LOAD.' }) factKind!: keyof typeof FactKind | null;
  @Field(() => ID, { nullable: true, description: "The fact's id (a document's file name); null for INITIAL_LOAD." }) factId!: string | null;
  @Field(() => String, { nullable: true, description: "The fact's name or title (after, or before when removed)." }) factName!: string | null;
  @Field(() => [FieldChange], { description: 'For CHANGED: every changed value; empty otherwise.' }) fields!: FieldChange[];
  @Field(() => String, { nullable: true, description: 'The quote before: of the first changed value (CHANGED) or of the fact (REMOVED).' }) quoteBefore!:
    string | null;
  @Field(() => String, { nullable: true, description: 'The quote after: of the first changed value (CHANGED) or of the fact (ADDED).' }) quoteAfter!:
    string | null;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true })
export class DataChangeEdge {
  @Field(() => String) cursor!: string;
  @Field(() => DataChange) node!: DataChange;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: "A page of one region's change history, newest first." })
export class RegionChangeConnection {
  @Field(() => [DataChangeEdge]) edges!: DataChangeEdge[];
  @Field(() => [DataChange]) nodes!: DataChange[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Entries matching `since`, across all pages.' }) totalCount!: number;
}
