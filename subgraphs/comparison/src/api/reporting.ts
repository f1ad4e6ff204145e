/**
 * Question 4a: reporting duties side by side: artifact kind (canonical), who reports to whom (the
 * region's words, with body/role ids resolved to names where the data links them), how often
 * (normalized Frequency) and the quote.
 */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ReportArtifactKind } from '@samverkan/contract';
import { MissingRegion } from '../aggregates/missing-region';
import type { DutyRow } from '../read-model/duty-query';
import { Frequency, frequencyOf, Quote, quoteOf } from '../aggregates/views';

@InputType({ description: 'Filter for reporting duties. All given conditions must hold; within a list, any value matches.' })
export class ReportingDutyFilter {
  @Field(() => [ID], { nullable: true, description: 'Region codes.' }) regions?: string[] | null;
  @Field(() => [ReportArtifactKind], { nullable: true }) artifacts?: Array<keyof typeof ReportArtifactKind> | null;
  @Field(() => Boolean, { nullable: true, description: 'true: the document states how often; false: it does not.' }) hasFrequency?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'Duties from or to this body.' }) bodyId?: string | null;
}

@ObjectType({ simpleResolvers: true, description: "One end of a reporting duty: the region's words, and the body or role the data links." })
export class ReportingParty {
  @Field(() => String) text!: string;
  @Field(() => ID, { nullable: true }) bodyId!: string | null;
  @Field(() => String, { nullable: true }) bodyName!: string | null;
  @Field(() => ID, { nullable: true }) roleId!: string | null;
  @Field(() => String, { nullable: true }) roleTitle!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A reporting duty as compared.' })
export class ComparedReportingDuty {
  @Field(() => ID) id!: string;
  @Field(() => String) regionCode!: string;
  @Field(() => ReportArtifactKind) artifact!: keyof typeof ReportArtifactKind;
  @Field(() => String, { description: "The document's description, verbatim or close to it." }) description!: string;
  @Field(() => ReportingParty) from!: ReportingParty;
  @Field(() => ReportingParty) to!: ReportingParty;
  @Field(() => Frequency, { nullable: true, description: 'How often per year; null when not stated.' }) frequency!: Frequency | null;
  @Field(() => [String]) notes!: string[];
  @Field(() => Quote) quote!: Quote;
}

@ObjectType({ simpleResolvers: true, description: 'Reporting duties of the answered regions, by artifact kind then region.' })
export class ReportingDutiesComparison {
  @Field(() => [ComparedReportingDuty], { description: 'The first `first` matching duties.' }) duties!: ComparedReportingDuty[];
  @Field(() => Int, { description: 'All the matching duties.' }) dutyCount!: number;
  @Field(() => [ID]) missingRegions!: string[];
  @Field(() => [MissingRegion], { description: 'The regions in missingRegions, each with its reason.' }) missing!: MissingRegion[];
}

/** At request time: the duties PostgreSQL filtered, ordered and cut to `first` (dutyCount counts them all). */
export function reportingDuties(rows: DutyRow[], dutyCount: number, missing: MissingRegion[]): ReportingDutiesComparison {
  const duties = rows.map(({ duty: d, fromBodyName, toBodyName, fromRoleTitle }) => ({
    id: d.id,
    regionCode: d.regionCode,
    artifact: d.artifact,
    description: d.description,
    from: {
      text: d.fromText,
      bodyId: d.fromBodyId ?? null,
      bodyName: d.fromBodyId ? fromBodyName : null,
      roleId: d.fromRoleId ?? null,
      roleTitle: d.fromRoleId ? fromRoleTitle : null,
    },
    to: { text: d.toText, bodyId: d.toBodyId ?? null, bodyName: d.toBodyId ? toBodyName : null, roleId: null, roleTitle: null },
    frequency: frequencyOf(d.cadence),
    notes: d.notes,
    quote: quoteOf(d.source),
  }));
  return { duties, dutyCount, missingRegions: missing.map((m) => m.code), missing };
}
