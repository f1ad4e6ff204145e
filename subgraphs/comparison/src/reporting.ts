/**
 * Question 4a: reporting duties side by side: artifact kind (canonical), who reports to whom (the
 * region's words, with body/role ids resolved to names where the data links them), how often
 * (normalized Frequency) and the quote.
 */
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ARTIFACT_KINDS, ReportArtifactKind, type Role } from '@samverkan/contract';
import { bodyIndex, enumRank, REGION_ORDER, type AnsweredRegion, MissingRegion } from './scope';
import { Frequency, frequencyOf, Quote, quoteOf } from './views';

@InputType({ description: 'Filter for reporting duties. All given conditions must hold; within a list, any value matches.' })
export class ReportingDutyFilter {
  @Field(() => [ID], { nullable: true, description: 'Region codes.' }) regions?: string[] | null;
  @Field(() => [ReportArtifactKind], { nullable: true }) artifacts?: Array<keyof typeof ReportArtifactKind> | null;
  @Field(() => Boolean, { nullable: true, description: 'true: the document states how often; false: it does not.' }) hasFrequency?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'Duties from or to this body.' }) bodyId?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'One end of a reporting duty: the region\'s words, and the body or role the data links.' })
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
  @Field(() => String, { description: 'The document\'s description, verbatim or close to it.' }) description!: string;
  @Field(() => ReportingParty) from!: ReportingParty;
  @Field(() => ReportingParty) to!: ReportingParty;
  @Field(() => Frequency, { nullable: true, description: 'How often per year; null when not stated.' }) frequency!: Frequency | null;
  @Field(() => [String]) notes!: string[];
  @Field(() => Quote) quote!: Quote;
}

@ObjectType({ simpleResolvers: true, description: 'Reporting duties of the answered regions, by artifact kind then region.' })
export class ReportingDutiesComparison {
  @Field(() => [ComparedReportingDuty]) duties!: ComparedReportingDuty[];
  @Field(() => [ID]) missingRegions!: string[];
  @Field(() => [MissingRegion], { description: 'The regions in missingRegions, each with its reason.' }) missing!: MissingRegion[];
}

export function reportingDuties(regions: AnsweredRegion[], missing: MissingRegion[], filter?: ReportingDutyFilter | null): ReportingDutiesComparison {
  const bodies = bodyIndex(regions);
  const roles = new Map<string, Role>(regions.flatMap((r) => r.roles.map((role) => [role.id, role] as const)));
  const party = (text: string, bodyId: string | null | undefined, roleId: string | null | undefined): ReportingParty => ({
    text,
    bodyId: bodyId ?? null,
    bodyName: bodyId ? bodies.get(bodyId)?.name ?? null : null,
    roleId: roleId ?? null,
    roleTitle: roleId ? roles.get(roleId)?.title ?? null : null,
  });
  const duties = regions
    .flatMap((r) => r.reportingDuties)
    .filter((d) => !filter?.artifacts?.length || filter.artifacts.includes(d.artifact))
    .filter((d) => filter?.hasFrequency == null || (d.cadence != null) === filter.hasFrequency)
    .filter((d) => !filter?.bodyId || d.fromBodyId === filter.bodyId || d.toBodyId === filter.bodyId)
    .map((d) => ({
      id: d.id,
      regionCode: d.regionCode,
      artifact: d.artifact,
      description: d.description,
      from: party(d.fromText, d.fromBodyId, d.fromRoleId),
      to: party(d.toText, d.toBodyId, null),
      frequency: frequencyOf(d.cadence),
      notes: d.notes,
      quote: quoteOf(d.source),
    }));
  duties.sort((a, b) => enumRank(ARTIFACT_KINDS, a.artifact) - enumRank(ARTIFACT_KINDS, b.artifact)
    || REGION_ORDER.indexOf(a.regionCode) - REGION_ORDER.indexOf(b.regionCode));
  return { duties, missingRegions: missing.map((m) => m.code), missing };
}
