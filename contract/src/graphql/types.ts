/**
 * The shared GraphQL vocabulary: value types every subgraph serves identically (@shareable).
 * Their shape mirrors the data files (../data/schema.ts), so a fact flows from file to API unchanged,
 * always with its Source.
 */
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { BodyKind, DutyCategory, Level, LevelBasis, ParentRelation, Permanence, PlanKind, ReportArtifactKind, RoleKind, SubstituteRule } from './enums';
import { RegionBody, RegionRole } from './region-owned';

@Directive('@shareable')
@ObjectType({
  simpleResolvers: true,
  description: 'Provenance of a fact: the source document, the heading path of its section, and a verbatim quote (an exact substring of the document).',
})
export class Source {
  @Field(() => ID, { description: 'Id of the source document (SourceDocument.id, "<region>:<slug>"): stable across edits of the data and of the document.' })
  documentId!: string;
  @Field(() => String, { description: 'Title of the source document, to show in a citation.' }) documentTitle!: string;
  @Field(() => String, {
    description: 'File name of the source document under docs/sources/ (kept for compatibility: cite documentTitle, link by documentId).',
  })
  document!: string;
  @Field(() => String, { description: 'Heading path, e.g. "Chefsgrupp för folkhälsa > Arbetsformer".' }) section!: string;
  @Field(() => String, { description: 'Verbatim quote from the document.' }) quote!: string;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'A statement from the document: an uppdrag bullet, a purpose, a responsibility.' })
export class Statement {
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true, description: 'The document\'s own grouping heading, e.g. "Uppdrag", "Ansvar".' }) group?: string | null;
  @Field(() => DutyCategory, {
    nullable: true,
    description: "For a body's assignment: the kind of duty it is (DECISION_MAKING, REPORTING ...), when it is one.",
  })
  category?: keyof typeof DutyCategory | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Source) source!: Source;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'How often something happens: the verbatim phrase and the normalized occurrences per year.' })
export class MeetingCadence {
  @Field(() => String, { nullable: true, description: 'What the cadence is of, e.g. "joint meeting".' }) label?: string | null;
  @Field(() => String, { description: 'The verbatim frequency phrase.' }) text!: string;
  @Field(() => Float, { nullable: true, description: 'Lower bound per year; null when the text gives none.' }) minPerYear!: number | null;
  @Field(() => Float, { nullable: true, description: 'Upper bound per year; null when open ("minst") or not given.' }) maxPerYear!: number | null;
  @Field(() => Boolean, { description: 'True for "cirka" and similar.' }) approximate!: boolean;
  @Field(() => Boolean, { description: 'True when the phrase mentions meetings "vid behov": noted, not counted.' }) whenNeeded!: boolean;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Source) source!: Source;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'Number of seats as the text gives it.' })
export class Seats {
  @Field(() => Int, { nullable: true }) min!: number | null;
  @Field(() => Int, { nullable: true }) max!: number | null;
  @Field(() => String) text!: string;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'An organisation or function that sits in a body.' })
export class Member {
  @Field(() => String, { nullable: true }) organisation?: string | null;
  @Field(() => String) function!: string;
  @Field(() => Seats, { nullable: true }) seats?: Seats | null;
  @Field(() => String, { nullable: true }) appointedBy?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => LevelBasis, { description: 'STATED: the text says so; INFERRED: the reading served where the text allows two (basisNote says which and why).' })
  basis!: keyof typeof LevelBasis;
  @Field(() => String, { nullable: true, description: 'For INFERRED: the reading served, its basis in the text, and the other reading.' }) basisNote?:
    string | null;
  @Field(() => Source) source!: Source;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'A chair or vice-chair office: who holds it, how chosen, term, rotation.' })
export class Office {
  @Field(() => String, { nullable: true, description: 'Verbatim in holderSource, else in source.' }) holder?: string | null;
  @Field(() => String, { nullable: true, description: 'Verbatim in selectionSource, else in source.' }) selection?: string | null;
  @Field(() => String, { nullable: true, description: 'Verbatim in termSource, else in source.' }) term?: string | null;
  @Field(() => String, { nullable: true, description: 'Verbatim in rotationSource, else in source.' }) rotation?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Source) source!: Source;
  @Field(() => Source, { nullable: true, description: 'Where the holder stands, when not in source: each fact of an office has its own quote.' })
  holderSource?: Source | null;
  @Field(() => Source, { nullable: true, description: 'Where the selection stands, when not in source.' }) selectionSource?: Source | null;
  @Field(() => Source, { nullable: true, description: 'Where the term stands, when not in source.' }) termSource?: Source | null;
  @Field(() => Source, { nullable: true, description: 'Where the rotation stands, when not in source.' }) rotationSource?: Source | null;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'Who carries a duty such as convening or preparing the agenda.' })
export class DutyHolder {
  @Field(() => String) who!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Source) source!: Source;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'The substitute (ersättare) rule of a body.' })
export class SubstituteRuleFact {
  @Field(() => SubstituteRule) rule!: keyof typeof SubstituteRule;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Source, { nullable: true, description: 'Null when the rule is NOT_STATED.' }) source?: Source | null;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'Whether and by whom minutes (minnesanteckningar) are kept.' })
export class MinutesRule {
  @Field(() => Boolean, { nullable: true }) kept!: boolean | null;
  @Field(() => String, { nullable: true }) keeper?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => LevelBasis, { description: 'STATED: the text says so; INFERRED: the reading served where the text allows two (basisNote says which and why).' })
  basis!: keyof typeof LevelBasis;
  @Field(() => String, { nullable: true, description: 'For INFERRED: the reading served, its basis in the text, and the other reading.' }) basisNote?:
    string | null;
  @Field(() => Source) source!: Source;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'The body a body sits under, supports or reports to.' })
export class ParentLink {
  @Field(() => ID) bodyId!: string;
  @Field(() => ParentRelation) relation!: keyof typeof ParentRelation;
  @Field(() => LevelBasis, { description: 'STATED: the text says so; INFERRED: the reading served where the text allows two (basisNote says which and why).' })
  basis!: keyof typeof LevelBasis;
  @Field(() => String, { nullable: true, description: 'For INFERRED: the reading served, its basis in the text, and the other reading.' }) basisNote?:
    string | null;
  @Field(() => Source) source!: Source;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'Several groups of one kind (four länsdelsgrupper, one per area ...).' })
export class Instances {
  @Field(() => Int, { nullable: true, description: 'Null when the text does not say how many.' }) count!: number | null;
  @Field(() => [String]) names!: string[];
  @Field(() => Source) source!: Source;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'A council, group, forum, network or meeting named in a document.' })
export class Body {
  @Field(() => ID, { description: 'Globally unique: "<regionCode>:<slug>".' }) id!: string;
  @Field(() => String) regionCode!: string;
  @Field(() => String) name!: string;
  @Field(() => BodyKind) kind!: keyof typeof BodyKind;
  @Field(() => Level, { nullable: true }) level!: keyof typeof Level | null;
  @Field(() => LevelBasis) levelBasis!: keyof typeof LevelBasis;
  @Field(() => Source, { nullable: true }) levelSource?: Source | null;
  @Field(() => Permanence) permanence!: keyof typeof Permanence;
  @Field(() => Source, { nullable: true }) permanenceSource?: Source | null;
  @Field(() => Instances, { nullable: true }) instances?: Instances | null;
  @Field(() => ParentLink, { nullable: true }) parent?: ParentLink | null;
  @Field(() => [ParentLink], { description: 'Further bodies this one answers to besides parent ("till chefsgrupperna": each of them).' })
  otherParents!: ParentLink[];
  @Field(() => Statement, { nullable: true }) establishedBy?: Statement | null;
  @Field(() => [Statement]) purposes!: Statement[];
  @Field(() => [Statement]) assignments!: Statement[];
  @Field(() => [Member]) composition!: Member[];
  @Field(() => SubstituteRuleFact) substitutes!: SubstituteRuleFact;
  @Field(() => Office, { nullable: true }) chair?: Office | null;
  @Field(() => Office, { nullable: true }) viceChair?: Office | null;
  @Field(() => DutyHolder, { nullable: true }) convener?: DutyHolder | null;
  @Field(() => DutyHolder, { nullable: true }) agendaBy?: DutyHolder | null;
  @Field(() => MinutesRule, { nullable: true }) minutes?: MinutesRule | null;
  @Field(() => Statement, { nullable: true }) noticeContent?: Statement | null;
  @Field(() => MeetingCadence, { nullable: true, description: 'Regular meetings; null when the document gives no frequency.' }) cadence?: MeetingCadence | null;
  @Field(() => [MeetingCadence], { description: 'Joint meetings, conferences, extra meetings when needed.' }) otherMeetings!: MeetingCadence[];
  @Field(() => [String]) notes!: string[];
  @Field(() => String, { description: 'The source document this body is described in.' }) document!: string;
  @Field(() => RegionBody, {
    nullable: true,
    description: 'The body as its own region serves it (`<Prefix>Body`, an entity keyed by id): ask it for the fields only that region has.',
  })
  regionBody?: RegionBody | null;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: "One duty of a role, in the region's words, with its canonical category." })
export class Duty {
  @Field(() => String, { nullable: true, description: "The document's heading for this group of duties." }) group?: string | null;
  @Field(() => String) text!: string;
  @Field(() => DutyCategory) category!: keyof typeof DutyCategory;
  @Field(() => Source) source!: Source;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'Number of post holders as the text gives it.' })
export class PostHolders {
  @Field(() => Int, { nullable: true }) count!: number | null;
  @Field(() => Boolean, { description: 'True when the count is per body (one per länsdelsgrupp ...).' }) perBody!: boolean;
  @Field(() => String) text!: string;
  @Field(() => Source) source!: Source;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'A named role (samverkansledare, utvecklingsledare, ordförande ...).' })
export class Role {
  @Field(() => ID) id!: string;
  @Field(() => String) regionCode!: string;
  @Field(() => String, { description: "The region's own title." }) title!: string;
  @Field(() => RoleKind) kind!: keyof typeof RoleKind;
  @Field(() => String, { nullable: true, description: 'Why this canonical kind, where it is a judgement.' }) kindNote?: string | null;
  @Field(() => Statement, { nullable: true }) employer?: Statement | null;
  @Field(() => Statement, { nullable: true }) financing?: Statement | null;
  @Field(() => PostHolders, { nullable: true }) postHolders?: PostHolders | null;
  @Field(() => [ID]) servesBodyIds!: string[];
  @Field(() => [Duty]) duties!: Duty[];
  @Field(() => [String]) notes!: string[];
  @Field(() => Source) source!: Source;
  @Field(() => RegionRole, {
    nullable: true,
    description: 'The role as its own region serves it (`<Prefix>Role`, an entity keyed by id): ask it for the fields only that region has.',
  })
  regionRole?: RegionRole | null;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'Who reports what to whom, and how often.' })
export class ReportingDuty {
  @Field(() => ID) id!: string;
  @Field(() => String) regionCode!: string;
  @Field(() => ReportArtifactKind) artifact!: keyof typeof ReportArtifactKind;
  @Field(() => String) description!: string;
  @Field(() => ID, { nullable: true }) fromBodyId?: string | null;
  @Field(() => ID, { nullable: true }) fromRoleId?: string | null;
  @Field(() => String) fromText!: string;
  @Field(() => ID, { nullable: true }) toBodyId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The recipient when it is a role, not a body.' }) toRoleId?: string | null;
  @Field(() => String) toText!: string;
  @Field(() => MeetingCadence, { nullable: true }) cadence?: MeetingCadence | null;
  @Field(() => [String]) notes!: string[];
  @Field(() => Source) source!: Source;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'A plan or cycle: action plan, annual planning, steering document ...' })
export class Plan {
  @Field(() => ID) id!: string;
  @Field(() => String) regionCode!: string;
  @Field(() => String) name!: string;
  @Field(() => PlanKind) kind!: keyof typeof PlanKind;
  @Field(() => ID, { nullable: true }) ownerBodyId?: string | null;
  @Field(() => String, { nullable: true }) ownerText?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => MeetingCadence, { nullable: true, description: 'Revision cycle, when stated.' }) revision?: MeetingCadence | null;
  @Field(() => [String]) notes!: string[];
  @Field(() => Source) source!: Source;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'A decision rule or mandate.' })
export class DecisionRule {
  @Field(() => ID) id!: string;
  @Field(() => String) regionCode!: string;
  @Field(() => Int, { nullable: true }) ordinal!: number | null;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true }) appliesTo?: string | null;
  @Field(() => Source) source!: Source;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: "A fact only one region has (Örebro's levels, SAMLA's target groups ...), grouped by topic." })
export class RegionalFact {
  @Field(() => ID) id!: string;
  @Field(() => String) topic!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) value?: string | null;
  @Field(() => Int, { nullable: true }) count?: number | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => ID, { nullable: true, description: 'The body this fact is about, when it is about one (a region builds its own body fields from such facts).' })
  bodyId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The role this fact is about, when it is about one.' }) roleId?: string | null;
  @Field(() => Source) source!: Source;
}
