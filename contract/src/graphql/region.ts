/**
 * The Region interface: the contract every region subgraph implements with its own
 * `<Name>Region @key(fields: "code")` type (the comparison subgraph knows only the key). Fields are
 * nullable so a region that is down becomes a null entry plus an error, never a lost response.
 */
import { Arg, Field, ID, Int, InterfaceType } from 'type-graphql';
import { DatedEvent, DateTimeScalar, RegionChangeConnection } from './history-types';
import { BodyFilter } from './filters';
import { Body, DecisionRule, Plan, RegionalFact, ReportingDuty, Role } from './types';
import { SourceDocument } from './documents';

@InterfaceType({ description: 'A collaboration structure (a county, a sub-county association ...), served by its own subgraph.' })
export abstract class Region {
  @Field(() => ID, { description: 'Stable region code (orebro, kalmar, hoglandet, samla).' }) code!: string;

  @Field(() => String, { nullable: true }) name?: string | null;

  @Field(() => [SourceDocument], { nullable: true, description: "The source documents this region's facts come from." })
  documents?: SourceDocument[] | null;

  @Field(() => [Body], { nullable: true, description: 'Every body the documents name, in document order.' })
  bodies(@Arg('filter', () => BodyFilter, { nullable: true }) _filter?: BodyFilter): Body[] | null {
    return null;
  }

  @Field(() => [Role], { nullable: true }) roles?: Role[] | null;
  @Field(() => [ReportingDuty], { nullable: true }) reportingDuties?: ReportingDuty[] | null;
  @Field(() => [Plan], { nullable: true }) plans?: Plan[] | null;
  @Field(() => [DecisionRule], { nullable: true }) decisionRules?: DecisionRule[] | null;
  @Field(() => [RegionalFact], { nullable: true, description: 'What only this region has, by topic; its own types expose the same facts typed.' })
  regionalFacts?: RegionalFact[] | null;

  @Field(() => String, { nullable: true, description: "The version of the data served: a content hash of the region's data files (the same as GET /version)." })
  dataVersion?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When this data version was loaded (first loaded: a restart with unchanged data keeps it).' })
  updatedAt?: string | null;

  @Field(() => [DatedEvent], {
    nullable: true,
    description: 'The dated events the documents state (founded, since, periods, document and review dates), in document order.',
  })
  events?: DatedEvent[] | null;

  @Field(() => RegionChangeConnection, {
    nullable: true,
    description:
      "The region's change history, newest first: one entry per fact added, removed or changed by each new data version, and one INITIAL_LOAD entry for the first.",
  })
  changes(
    @Arg('since', () => DateTimeScalar, { nullable: true, description: 'Only entries at or after this time.' }) _since?: string,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, default 50, at most 200.' }) _first?: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) _after?: string,
  ): RegionChangeConnection | null {
    return null;
  }
}
