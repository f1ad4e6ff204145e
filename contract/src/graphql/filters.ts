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
  @Field(() => Boolean, { nullable: true, description: 'true: minutes are kept; false: the document says they are not. Bodies where it is not stated match neither.' }) keepsMinutes?: boolean | null;
  @Field(() => [SubstituteRule], { nullable: true }) substituteRules?: Array<keyof typeof SubstituteRule> | null;
}

/** The filterable facts of a body, as both the SQL row and the GraphQL Body expose them. */
export interface FilterableBody {
  regionCode: string;
  level: string | null;
  kind: string;
  permanence: string;
  minPerYear: number | null;
  maxPerYear: number | null;
  keepsMinutes: boolean | null;
  substituteRule: string;
}

export function matchesBodyFilter(b: FilterableBody, f: BodyFilter | null | undefined): boolean {
  if (!f) return true;
  if (f.regions?.length && !f.regions.includes(b.regionCode)) return false;
  if (f.levels?.length && (b.level === null || !f.levels.includes(b.level as never))) return false;
  if (f.kinds?.length && !f.kinds.includes(b.kind as never)) return false;
  if (f.permanence?.length && !f.permanence.includes(b.permanence as never)) return false;
  if (f.meetsAtLeast != null && (b.minPerYear === null || b.minPerYear < f.meetsAtLeast)) return false;
  if (f.meetsAtMost != null && (b.maxPerYear === null || b.maxPerYear > f.meetsAtMost)) return false;
  const hasFrequency = b.minPerYear !== null || b.maxPerYear !== null;
  if (f.hasFrequency != null && hasFrequency !== f.hasFrequency) return false;
  if (f.keepsMinutes != null && b.keepsMinutes !== f.keepsMinutes) return false;
  if (f.substituteRules?.length && !f.substituteRules.includes(b.substituteRule as never)) return false;
  return true;
}

/** Filterable view of a GraphQL Body (the comparison side). */
export function filterableBody(b: { regionCode: string; level: string | null; kind: string; permanence: string; cadence?: { minPerYear: number | null; maxPerYear: number | null } | null; minutes?: { kept: boolean | null } | null; substitutes: { rule: string } }): FilterableBody {
  return {
    regionCode: b.regionCode, level: b.level, kind: b.kind, permanence: b.permanence,
    minPerYear: b.cadence?.minPerYear ?? null, maxPerYear: b.cadence?.maxPerYear ?? null,
    keepsMinutes: b.minutes?.kept ?? null, substituteRule: b.substitutes.rule,
  };
}
