/**
 * The GraphQL types of the functional crosswalk (functions.ts): the collaboration functions, where a
 * function is stated and who performs it, the rows per function and region, and each role's functions
 * with its closest roles in the other regions.
 */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RoleKind } from '@samverkan/contract';
import type { MissingRegion } from './missing-region';
import { MissingRegion as MissingRegionType } from './missing-region';
import { Quote } from './views';

export enum CollaborationFunction {
  CONVENES_BODY = 'CONVENES_BODY',
  KEEPS_MINUTES = 'KEEPS_MINUTES',
  PREPARES_MATTERS = 'PREPARES_MATTERS',
  COORDINATES_PLANNING = 'COORDINATES_PLANNING',
  OWNS_ACTION_PLAN = 'OWNS_ACTION_PLAN',
  FOLLOWS_UP = 'FOLLOWS_UP',
  REPORTS_UPWARD = 'REPORTS_UPWARD',
  LEADS_GROUP_WORK = 'LEADS_GROUP_WORK',
  PEER_NETWORK = 'PEER_NETWORK',
  SUPPORTS = 'SUPPORTS',
}
registerEnumType(CollaborationFunction, {
  name: 'CollaborationFunction',
  description: 'A function in a collaboration structure, read from canonical duty categories and body fields (see FunctionRow.basis).',
});

export enum EvidenceBasis {
  ROLE_DUTY = 'ROLE_DUTY',
  BODY_ASSIGNMENT = 'BODY_ASSIGNMENT',
  BODY_CONVENER = 'BODY_CONVENER',
  BODY_MINUTES_KEEPER = 'BODY_MINUTES_KEEPER',
  REPORTING_DUTY = 'REPORTING_DUTY',
}
registerEnumType(EvidenceBasis, {
  name: 'EvidenceBasis',
  description: "Where a function is stated: a role's duty, a body's assignment (a group's duty), a body's convener or minutes keeper, a reporting duty.",
});

export enum PerformerType {
  ROLE = 'ROLE',
  BODY = 'BODY',
  NAMED_HOLDER = 'NAMED_HOLDER',
}
registerEnumType(PerformerType, {
  name: 'PerformerType',
  description:
    'ROLE: a role the documents describe; BODY: a group (its assignment or reporting duty); NAMED_HOLDER: a holder a body names (convener, minutes keeper) that is no described role.',
});

/** The fewest functions two roles must share to be a match: one generic function (SUPPORTS ...) alone says little. */
export const MIN_SHARED = 2;

@ObjectType({ simpleResolvers: true, description: 'One statement that someone performs a function.' })
export class FunctionEvidence {
  @Field(() => EvidenceBasis) basis!: EvidenceBasis;
  @Field(() => String, { description: "The statement in the region's words." }) text!: string;
  @Field(() => ID, { nullable: true, description: 'The body it concerns, when stated.' }) bodyId!: string | null;
  @Field(() => Quote) quote!: Quote;
}

@ObjectType({ simpleResolvers: true, description: 'Who performs a function in a region, with the statements.' })
export class FunctionPerformer {
  @Field(() => PerformerType) type!: PerformerType;
  @Field(() => ID, { nullable: true, description: 'For ROLE: the role id.' }) roleId!: string | null;
  @Field(() => RoleKind, { nullable: true, description: 'For ROLE: its canonical kind.' }) roleKind!: keyof typeof RoleKind | null;
  @Field(() => ID, { nullable: true, description: 'For BODY and NAMED_HOLDER: the body.' }) bodyId!: string | null;
  @Field(() => String, { description: "The role's title, the body's name, or the holder as the body names it." }) title!: string;
  @Field(() => [FunctionEvidence]) evidence!: FunctionEvidence[];
}

@ObjectType({ simpleResolvers: true, description: "One region's performers of one function (empty: the documents state none)." })
export class FunctionRegion {
  @Field(() => String) regionCode!: string;
  @Field(() => [FunctionPerformer], { description: 'The first `first` performers.' }) performers!: FunctionPerformer[];
  @Field(() => Int, { description: "All the region's performers of the function." }) performerCount!: number;
}

@ObjectType({ simpleResolvers: true, description: 'One function across the regions.' })
export class FunctionRow {
  @Field(() => CollaborationFunction) function!: CollaborationFunction;
  @Field(() => String) label!: string;
  @Field(() => String, { description: 'What the function is read from.' }) basis!: string;
  @Field(() => [FunctionRegion], { description: 'Every answered region, in registry order.' }) regions!: FunctionRegion[];
}

@ObjectType({ simpleResolvers: true, description: 'The role of another region that shares the most functions with this one.' })
export class RoleMatch {
  @Field(() => String) regionCode!: string;
  @Field(() => ID) roleId!: string;
  @Field(() => String) title!: string;
  @Field(() => [CollaborationFunction]) shared!: CollaborationFunction[];
  @Field(() => Float, { description: 'Shared functions / functions of either role (Jaccard), 0-1.' }) score!: number;
  @Field(() => String, {
    description:
      'Why the score: which functions both roles perform, out of the functions of either role (e.g. "2 shared (CONVENES_BODY, KEEPS_MINUTES) of 3 functions of either role").',
  })
  explanation!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: "How many roles of another region are this role's closest (all tied at the best score), however many closest lists.",
})
export class ClosestCount {
  @Field(() => String) regionCode!: string;
  @Field(() => Int, { description: `Roles of that region sharing most functions with this one; 0 when none shares ${MIN_SHARED} or more.` }) count!: number;
  @Field(() => Float, { description: 'Their score (Jaccard, 0-1); 0 when count is 0.' }) score!: number;
}

@ObjectType({ simpleResolvers: true, description: "A role and the functions its duties (and the bodies' and reporting data) give it." })
export class RoleFunctions {
  @Field(() => ID) roleId!: string;
  @Field(() => String) title!: string;
  @Field(() => RoleKind) kind!: keyof typeof RoleKind;
  @Field(() => [CollaborationFunction]) functions!: CollaborationFunction[];
  @Field(() => [RoleMatch], {
    description: `Per other answered region, the role(s) sharing most functions (ties listed in document order, the first \`closestFirst\` of each region: closestCounts counts them all); none when fewer than ${MIN_SHARED} functions are shared (one shared generic function is no match).`,
  })
  closest!: RoleMatch[];
  @Field(() => [ClosestCount], {
    description: 'Per other answered region, in registry order: how many of its roles are closest to this one (all of them, not only those closest lists).',
  })
  closestCounts!: ClosestCount[];
}

@ObjectType({ simpleResolvers: true, description: 'A role named by the documents.' })
export class RoleRef {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => RoleKind) kind!: keyof typeof RoleKind;
  @Field(() => Quote) quote!: Quote;
}

@ObjectType({ simpleResolvers: true, description: "One region's roles by function." })
export class RegionFunctions {
  @Field(() => String) regionCode!: string;
  @Field(() => [RoleFunctions], { description: 'Roles performing at least one function, in document order: the first `first`.' }) roles!: RoleFunctions[];
  @Field(() => Int, { description: "All the region's roles performing at least one function." }) roleCount!: number;
  @Field(() => [RoleRef], { description: 'Roles whose data states no duties: named, not counted as a match. The first `first`.' })
  rolesWithoutDuties!: RoleRef[];
  @Field(() => Int, { description: "All the region's roles whose data states no duties." }) rolesWithoutDutiesCount!: number;
  @Field(() => [RoleRef], {
    description: 'Roles whose stated duties map to no function: named, so that every role is in roles, rolesWithoutDuties or here. The first `first`.',
  })
  rolesWithoutFunctions!: RoleRef[];
  @Field(() => Int, { description: "All the region's roles whose stated duties map to no function." }) rolesWithoutFunctionsCount!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Roles compared by function: who convenes, keeps minutes, prepares, reports ... in each region.' })
export class FunctionalCrosswalk {
  @Field(() => [FunctionRow], { description: 'In CollaborationFunction order.' }) functions!: FunctionRow[];
  @Field(() => [RegionFunctions]) regions!: RegionFunctions[];
  @Field(() => [ID]) missingRegions!: string[];
  @Field(() => [MissingRegionType], { description: 'The regions in missingRegions, each with its reason.' }) missing!: MissingRegion[];
}
