/**
 * The comparison subgraph's own output types for provenance and frequency. The shared value types
 * (Source, MeetingCadence ...) are @external here, received from the regions through @requires, so
 * what this subgraph returns uses these same-shaped types of its own.
 */
import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a compared fact comes from: document, section, verbatim quote.' })
export class Quote {
  @Field(() => String) document!: string;
  @Field(() => String) section!: string;
  @Field(() => String) quote!: string;
}

@ObjectType({ description: 'A frequency as compared: the verbatim phrase, normalized bounds per year, and its source.' })
export class Frequency {
  @Field(() => String, { nullable: true }) label?: string | null;
  @Field(() => String) text!: string;
  @Field(() => Float, { nullable: true }) minPerYear!: number | null;
  @Field(() => Float, { nullable: true }) maxPerYear!: number | null;
  @Field(() => Boolean) approximate!: boolean;
  @Field(() => Boolean) whenNeeded!: boolean;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Quote) source!: Quote;
}
