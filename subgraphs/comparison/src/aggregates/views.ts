/**
 * The comparison subgraph's own output types for provenance and frequency: the views its aggregates
 * return, built from the facts its read model holds (the shared value types as the regions served them).
 */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LevelBasis, ParentRelation, SubstituteRule, type MeetingCadence, type Source } from '@samverkan/contract';

@ObjectType({ simpleResolvers: true, description: 'Where a compared fact comes from: document, section, verbatim quote.' })
export class Quote {
  @Field(() => ID, { description: 'Id of the source document (SourceDocument.id).' }) documentId!: string;
  @Field(() => String, { description: 'Title of the source document, to show in a citation.' }) documentTitle!: string;
  @Field(() => String, { description: 'File name of the source document under docs/sources/ (kept for compatibility: cite documentTitle).' }) document!: string;
  @Field(() => String) section!: string;
  @Field(() => String) quote!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A frequency as compared: the verbatim phrase, normalized bounds per year, and its source.' })
export class Frequency {
  @Field(() => String, { nullable: true }) label?: string | null;
  @Field(() => String) text!: string;
  @Field(() => Float, { nullable: true }) minPerYear!: number | null;
  @Field(() => Float, { nullable: true }) maxPerYear!: number | null;
  @Field(() => Boolean) approximate!: boolean;
  @Field(() => Boolean) whenNeeded!: boolean;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Quote) source!: Quote;
}

@ObjectType({ simpleResolvers: true, description: 'A chair or vice-chair office of a body, as the document states it.' })
export class OfficeSummary {
  @Field(() => String, { nullable: true }) holder?: string | null;
  @Field(() => String, { nullable: true, description: 'How the holder is chosen.' }) selection?: string | null;
  @Field(() => String, { nullable: true }) term?: string | null;
  @Field(() => String, { nullable: true }) rotation?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Quote) quote!: Quote;
}

@ObjectType({ simpleResolvers: true, description: "Who carries a duty of a body (convening, agenda, minutes), in the document's words." })
export class DutyHolderSummary {
  @Field(() => String) who!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Quote) quote!: Quote;
}

@ObjectType({ simpleResolvers: true, description: 'Whether minutes are kept: true, false (a stated no) or null (not stated).' })
export class MinutesSummary {
  @Field(() => Boolean, { nullable: true }) kept!: boolean | null;
  @Field(() => String, { nullable: true }) keeper?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Quote) quote!: Quote;
}

@ObjectType({ simpleResolvers: true, description: 'The substitute (ersättare) rule; FORBIDDEN is a stated rule, NOT_STATED is silence.' })
export class SubstituteSummary {
  @Field(() => SubstituteRule) rule!: keyof typeof SubstituteRule;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Quote, { nullable: true, description: 'Null when the rule is NOT_STATED.' }) quote?: Quote | null;
}

@ObjectType({ simpleResolvers: true, description: 'The body a body sits under, and how.' })
export class ParentSummary {
  @Field(() => ID) bodyId!: string;
  @Field(() => String, { nullable: true, description: 'Null when the parent is not among the answered bodies.' }) bodyName!: string | null;
  @Field(() => ParentRelation) relation!: keyof typeof ParentRelation;
  @Field(() => LevelBasis, { description: 'STATED, or INFERRED where the text allows two readings (basisNote).' }) basis!: keyof typeof LevelBasis;
  @Field(() => String, { nullable: true }) basisNote!: string | null;
  @Field(() => Quote) quote!: Quote;
}

@ObjectType({ simpleResolvers: true, description: 'A body named by id and name.' })
export class BodyRef {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'Null when the id is not among the answered bodies.' }) name!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A count per value of a canonical enum (its name as a string).' })
export class ValueCount {
  @Field(() => String, { nullable: true, description: 'The enum value; null for "not stated".' }) value!: string | null;
  @Field(() => Int) count!: number;
}

export function quoteOf(source: Source): Quote {
  return { documentId: source.documentId, documentTitle: source.documentTitle, document: source.document, section: source.section, quote: source.quote };
}

export function frequencyOf(cadence: MeetingCadence | null | undefined): Frequency | null {
  if (!cadence) return null;
  return {
    label: cadence.label ?? null,
    text: cadence.text,
    minPerYear: cadence.minPerYear,
    maxPerYear: cadence.maxPerYear,
    approximate: cadence.approximate,
    whenNeeded: cadence.whenNeeded,
    note: cadence.note ?? null,
    source: quoteOf(cadence.source),
  };
}
