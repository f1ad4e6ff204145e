/**
 * Kalmar's own shapes: the presidiekonferens cycle (twice a year; the two-year steering document
 * decided at the autumn conference every other year) and service-user representation, built from
 * the shared Body, Plan, Role and RegionalFact facts so they compare with the other regions. Every
 * value comes from the data file: the conference is the region's CONFERENCE body, the steering
 * document the STEERING_DOCUMENT plan it owns, the user representative the USER_REPRESENTATIVE role.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { Body, Plan, RegionalFact, Role, RoleKind } from '@samverkan/contract';

@ObjectType('KalmarPresidiekonferens', { description: 'The joint presidium conference and its cycle.' })
export class KalmarPresidiekonferens {
  @Field(() => Body, { description: "The conference as a body (the region's CONFERENCE body): its meetings are `body.cadence`." }) body!: Body;
  @Field(() => Plan, { nullable: true, description: 'The steering document the conference decides (its STEERING_DOCUMENT plan); its `revision` is the cycle.' })
  steeringDocument?: Plan | null;
  @Field(() => [RegionalFact]) facts!: RegionalFact[];
}

@ObjectType('KalmarUserRepresentation', { description: 'Service-user representation (brukarrepresentanter, brukarmedverkan).' })
export class KalmarUserRepresentation {
  @Field(() => RoleKind, { description: 'The shared role kind of a brukarrepresentant: `role.kind`.' }) roleKind!: keyof typeof RoleKind;
  @Field(() => Role, { nullable: true, description: 'The brukarrepresentant role, with its quote and post holders.' }) role?: Role | null;
  @Field(() => Int, { nullable: true, description: "Brukarrepresentanter in Länsgemensam ledning (the role's post holders)." }) seatsInLansgemensamLedning!:
    number | null;
  @Field(() => Int, { nullable: true, description: 'Representatives for brukarmedverkan in each samordnande grupp (a user-involvement fact).' })
  perSamordnandeGrupp!: number | null;
  @Field(() => Int, { nullable: true, description: 'Utvecklingsledare supporting brukarmedverkan (a user-involvement fact).' }) supportingUtvecklingsledare!:
    number | null;
  @Field(() => [RegionalFact]) facts!: RegionalFact[];
}
