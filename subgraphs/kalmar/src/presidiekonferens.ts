/**
 * Kalmar's own shapes: the presidiekonferens cycle (twice a year; the two-year steering document
 * decided at the autumn conference every other year) and service-user representation, built from
 * the shared Body, Plan and RegionalFact facts so they compare with the other regions.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { Body, Plan, RegionalFact, RoleKind } from '@samverkan/shared';

@ObjectType('KalmarPresidiekonferens', { description: 'The joint presidium conference and its cycle.' })
export class KalmarPresidiekonferens {
  @Field(() => Body, { description: 'The conference as a body: its meetings are `body.cadence`.' }) body!: Body;
  @Field(() => Plan, { nullable: true, description: 'The two-year steering document; its `revision` is the cycle.' }) steeringDocument?: Plan | null;
  @Field(() => [RegionalFact]) facts!: RegionalFact[];
}

@ObjectType('KalmarUserRepresentation', { description: 'Service-user representation (brukarrepresentanter, brukarmedverkan).' })
export class KalmarUserRepresentation {
  @Field(() => RoleKind, { description: 'The shared role kind of a brukarrepresentant.' }) roleKind!: keyof typeof RoleKind;
  @Field(() => Int, { nullable: true, description: 'Brukarrepresentanter in Länsgemensam ledning.' }) seatsInLansgemensamLedning!: number | null;
  @Field(() => Int, { nullable: true, description: 'Representatives for brukarmedverkan in each samordnande grupp.' }) perSamordnandeGrupp!: number | null;
  @Field(() => Int, { nullable: true, description: 'Utvecklingsledare supporting brukarmedverkan.' }) supportingUtvecklingsledare!: number | null;
  @Field(() => [RegionalFact]) facts!: RegionalFact[];
}
