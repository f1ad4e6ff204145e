/** The Landscape entity: every cross-region aggregate hangs off it, each with the region data it @requires. */
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Body, BodyKind, Level, Region, type DecisionRule, type Plan, type ReportingDuty, type Role } from '@samverkan/shared';
import { Frequency } from './views';

/** One region's required data as the gateway hands it over: null when the region's subgraph failed. */
export type RequiredRegion = {
  /** Served by the region's own subgraph: how the entry is matched to the registry. */
  name?: string | null;
  documents?: Array<{ file: string }> | null;
  bodies?: Body[] | null;
  roles?: Role[] | null;
  reportingDuties?: ReportingDuty[] | null;
  plans?: Plan[] | null;
  decisionRules?: DecisionRule[] | null;
} | null;

@ObjectType({ simpleResolvers: true, description: 'One body\'s regular meeting frequency, ranked across regions.' })
export class FrequencyRow {
  @Field(() => Int, { description: '1 = meets most often (by documented minimum, then maximum).' }) rank!: number;
  @Field(() => String) regionCode!: string;
  @Field(() => ID) bodyId!: string;
  @Field(() => String) bodyName!: string;
  @Field(() => Level, { nullable: true }) level!: keyof typeof Level | null;
  @Field(() => BodyKind) kind!: keyof typeof BodyKind;
  @Field(() => Float, { nullable: true }) minPerYear!: number | null;
  @Field(() => Float, { nullable: true }) maxPerYear!: number | null;
  @Field(() => Boolean) approximate!: boolean;
  @Field(() => Frequency, { description: 'The verbatim phrase with its source.' }) cadence!: Frequency;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'All regions side by side. Each aggregate answers for the regions that answered and names the rest in missingRegions.' })
export class Landscape {
  @Field(() => ID) id!: string;
  @Field(() => [Region], { nullable: 'items', description: 'Every registered region (null entries for regions that are down).' })
  regions!: Array<RequiredRegion | Region>;
}
