/**
 * The Region interface: the contract every region subgraph implements with its own
 * `<Name>Region @key(fields: "code")` type (the comparison subgraph knows only the key). Fields are
 * nullable so a region that is down becomes a null entry plus an error, never a lost response.
 */
import { Arg, Field, ID, InterfaceType } from 'type-graphql';
import { BodyFilter } from './filters';
import { Body, DecisionRule, Plan, RegionalFact, ReportingDuty, Role } from './types';
import { SourceDocument } from './documents';

@InterfaceType({ description: 'A collaboration structure (a county, a sub-county association ...), served by its own subgraph.' })
export abstract class Region {
  @Field(() => ID, { description: 'Stable region code (orebro, kalmar, hoglandet, samla).' }) code!: string;

  @Field(() => String, { nullable: true }) name?: string | null;

  @Field(() => [SourceDocument], { nullable: true, description: 'The source documents this region\'s facts come from.' })
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
}

