/**
 * A region an aggregate does not answer for, and why: part of every aggregate's answer (its
 * `missing` list). The api's scope (api/scope.ts) decides which regions are missing.
 */
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum MissingReason {
  NO_ANSWER = 'NO_ANSWER',
  INCOMPLETE = 'INCOMPLETE',
}
registerEnumType(MissingReason, {
  name: 'MissingReason',
  description:
    'Why the comparison has no copy of a region: NO_ANSWER, its subgraph has not answered since the comparison started; INCOMPLETE, it answered, but with errors or null lists (a failing database), so nothing was copied rather than an empty region. A region with a copy is never missing: when it stops answering it is served from its copy and marked stale (Landscape.freshness).',
});

@ObjectType({ simpleResolvers: true, description: 'A region an aggregate does not answer for, and why.' })
export class MissingRegion {
  @Field(() => ID) code!: string;
  @Field(() => MissingReason) reason!: MissingReason;
  @Field(() => [String], { description: "For INCOMPLETE: the region's lists that came back null (bodies, roles ...), when that was the failure." })
  failedFields!: string[];
  @Field(() => String, { description: 'The reason in words.' }) message!: string;
}
