/**
 * What the comparison subgraph knows of a region type: its key, and the Region fields as @external,
 * so the gateway fetches them from the region's own subgraph (FEDERATION.md). The per-region stub
 * types are generated from the registry (src/generated/region-stubs.ts), one line each.
 *
 * A factory rather than a base class: type-graphql lets interface fields override inherited ones,
 * which would drop the @external directives; fields declared on the class itself win.
 */
import { Arg, Directive, Field, ID, ObjectType } from 'type-graphql';
import {
  Body, BodyFilter, DecisionRule, Plan, Region, RegionalFact, ReportingDuty, Role, SourceDocument,
} from '@samverkan/shared';

export function defineRegionStub(typename: string) {
  @Directive('@key(fields: "code", resolvable: false)')
  @ObjectType(typename, { implements: Region })
  class RegionStub {
    @Field(() => ID) code!: string;
    @Directive('@external') @Field(() => String, { nullable: true }) name?: string | null;
    @Directive('@external') @Field(() => [SourceDocument], { nullable: true }) documents?: SourceDocument[] | null;
    @Directive('@external') @Field(() => [Body], { nullable: true })
    bodies(@Arg('filter', () => BodyFilter, { nullable: true }) _filter?: BodyFilter): Body[] | null {
      return null;
    }
    @Directive('@external') @Field(() => [Role], { nullable: true }) roles?: Role[] | null;
    @Directive('@external') @Field(() => [ReportingDuty], { nullable: true }) reportingDuties?: ReportingDuty[] | null;
    @Directive('@external') @Field(() => [Plan], { nullable: true }) plans?: Plan[] | null;
    @Directive('@external') @Field(() => [DecisionRule], { nullable: true }) decisionRules?: DecisionRule[] | null;
    @Directive('@external') @Field(() => [RegionalFact], { nullable: true }) regionalFacts?: RegionalFact[] | null;
  }
  return RegionStub;
}
