/**
 * The shared filter inputs and their one meaning, applied in SQL by the region subgraphs and in
 * memory by the comparison subgraph (a test checks both agree).
 *
 * Vague bounds are honoured, never guessed: `meetsAtLeast: 6` keeps a body only when its documented
 * minimum is at least 6 per year; `meetsAtMost: 6` only when its documented maximum is at most 6.
 * A body with no stated frequency matches neither.
 */
import { Field, Float, InputType } from 'type-graphql';
import { BodyKind, Level, Permanence, SubstituteRule } from './enums';

@InputType({ description: 'Filter for bodies. All given conditions must hold.' })
export class BodyFilter {
  @Field(() => [String], { nullable: true, description: 'Region codes (comparison only; a region subgraph ignores it).' }) regions?: string[] | null;
  @Field(() => [Level], { nullable: true }) levels?: Array<keyof typeof Level> | null;
  @Field(() => [BodyKind], { nullable: true }) kinds?: Array<keyof typeof BodyKind> | null;
  @Field(() => [Permanence], { nullable: true }) permanence?: Array<keyof typeof Permanence> | null;
  @Field(() => Float, { nullable: true, description: 'Documented minimum meetings per year ≥ this.' }) meetsAtLeast?: number | null;
  @Field(() => Float, { nullable: true, description: 'Documented maximum meetings per year ≤ this.' }) meetsAtMost?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'true: the document gives a meeting frequency; false: it does not.' }) hasFrequency?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: minutes are kept; false: the document says they are not. Bodies where it is not stated match neither.',
  })
  keepsMinutes?: boolean | null;
  @Field(() => [SubstituteRule], { nullable: true }) substituteRules?: Array<keyof typeof SubstituteRule> | null;
}
