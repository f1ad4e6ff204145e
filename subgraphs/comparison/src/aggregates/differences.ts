/**
 * Question 6: what one region has that the others lack, over the canonical vocabularies: role kinds
 * (roles whose data states duties, roles that are offices, and the offices bodies state), duty categories (of roles, and of bodies' assignments with a category), report artifact kinds, plan kinds and
 * substitute rules (NOT_STATED is silence, not a rule, so it is left out). Each value keeps the
 * quotes it comes from.
 */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ARTIFACT_KINDS, DUTY_CATEGORIES, PLAN_KINDS, ROLE_KINDS, SUBSTITUTE_RULES, type Source } from '@samverkan/contract';
import { bodyOffices } from '../domain/offices';
import type { AnsweredRegion } from '../domain/region';
import { MissingRegion } from './missing-region';
import { defineAggregate, KeyedGroup, type GroupsByRegion, type NoData, type ReadGroup } from './groups';
import { Quote, quoteOf } from './views';

export enum DifferenceDimension {
  ROLE_KINDS = 'ROLE_KINDS',
  DUTY_CATEGORIES = 'DUTY_CATEGORIES',
  REPORT_ARTIFACTS = 'REPORT_ARTIFACTS',
  PLAN_KINDS = 'PLAN_KINDS',
  SUBSTITUTE_RULES = 'SUBSTITUTE_RULES',
}
registerEnumType(DifferenceDimension, { name: 'DifferenceDimension', description: 'A canonical vocabulary the regions are compared on.' });

@ObjectType({ simpleResolvers: true, description: 'A canonical value (enum name) with the quotes it is found in.' })
export class EvidencedValue {
  @Field(() => String) value!: string;
  @Field(() => [Quote], { description: 'The first `first` quotes.' }) quotes!: Quote[];
  @Field(() => Int, { description: 'All the quotes of the value in the region.' }) quoteCount!: number;
}

@ObjectType({ simpleResolvers: true, description: 'One region within one dimension.' })
export class RegionDifference {
  @Field(() => String) regionCode!: string;
  @Field(() => [String], { description: 'Values the region has, in vocabulary order.' }) has!: string[];
  @Field(() => [EvidencedValue], { description: 'Values this region has and none of the other compared regions has.' }) onlyHere!: EvidencedValue[];
  @Field(() => [String], { description: 'Values some other compared region has and this one lacks.' }) lacks!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'One vocabulary across the compared regions.' })
export class DimensionDifference {
  @Field(() => DifferenceDimension) dimension!: DifferenceDimension;
  @Field(() => [String], { description: 'Values every compared region has.' }) common!: string[];
  @Field(() => [RegionDifference]) regions!: RegionDifference[];
}

@ObjectType({ simpleResolvers: true, description: 'What each compared region has that the others lack.' })
export class Differences {
  @Field(() => [ID], { description: 'Answered regions compared, in registry order.' }) regions!: string[];
  @Field(() => [DimensionDifference]) dimensions!: DimensionDifference[];
  @Field(() => [ID]) missingRegions!: string[];
  @Field(() => [MissingRegion], { description: 'The regions in missingRegions, each with its reason.' }) missing!: MissingRegion[];
}

type Evidence = Map<string, Source[]>;

const OFFICE_KINDS = new Set<string>(['CHAIR', 'VICE_CHAIR', 'CONVENER', 'SECRETARY']);

function collect(pairs: Array<[string, Source]>): Evidence {
  const out: Evidence = new Map();
  for (const [value, source] of pairs) (out.get(value) ?? out.set(value, []).get(value)!).push(source);
  return out;
}

type RegionFacts = Pick<AnsweredRegion, 'bodies' | 'roles' | 'reportingDuties' | 'plans'>;

const EXTRACT: Record<DifferenceDimension, { vocabulary: readonly string[]; of: (r: RegionFacts) => Evidence }> = {
  ROLE_KINDS: {
    vocabulary: ROLE_KINDS,
    of: (r) =>
      collect([
        // A role counts by what its data says it does; an office (chair ...) by its title. A title alone
        // ("Delregional samordnare" in a composition list, no duties) says nothing of what the role does.
        ...r.roles.filter((x) => x.duties.length || OFFICE_KINDS.has(x.kind)).map((x) => [x.kind, x.source] as [string, Source]),
        ...r.bodies.flatMap(bodyOffices).map((o) => [o.kind, o.source] as [string, Source]),
      ]),
  },
  DUTY_CATEGORIES: {
    vocabulary: DUTY_CATEGORIES,
    // Role duties, and the duties the documents give a body (assignments with a category): a group's duty counts too.
    of: (r) =>
      collect([
        ...r.roles.flatMap((x) => x.duties.map((d) => [d.category, d.source] as [string, Source])),
        ...r.bodies.flatMap((b) => b.assignments.filter((a) => a.category).map((a) => [a.category!, a.source] as [string, Source])),
      ]),
  },
  REPORT_ARTIFACTS: { vocabulary: ARTIFACT_KINDS, of: (r) => collect(r.reportingDuties.map((d) => [d.artifact, d.source])) },
  PLAN_KINDS: { vocabulary: PLAN_KINDS, of: (r) => collect(r.plans.map((p) => [p.kind, p.source])) },
  SUBSTITUTE_RULES: {
    vocabulary: SUBSTITUTE_RULES.filter((s) => s !== 'NOT_STATED'),
    of: (r) =>
      collect(r.bodies.filter((b) => b.substitutes.rule !== 'NOT_STATED' && b.substitutes.source).map((b) => [b.substitutes.rule, b.substitutes.source!])),
  },
};

/** The quotes of one value of one dimension that a region has (key `<dimension>:<value>`). */
const VALUE = KeyedGroup.of<`${DifferenceDimension}:${string}`, NoData, Quote>('');

/** At sync time: one group per dimension and value the region has, its quotes as the list. */
function differencesGroups(region: RegionFacts) {
  return Object.values(DifferenceDimension).flatMap((dimension) =>
    [...EXTRACT[dimension].of(region)].map(([value, sources]) => VALUE.write(`${dimension}:${value}`, sources.map(quoteOf))),
  );
}

export const DIFFERENCES = defineAggregate('differences', 2, [VALUE], differencesGroups);

/** At request time: which values each region has (its groups), the quotes of a value only one has cut to `first`. */
export function differences(codes: string[], groups: GroupsByRegion, missing: MissingRegion[]): Differences {
  return {
    regions: codes,
    missingRegions: missing.map((m) => m.code),
    missing,
    dimensions: Object.values(DifferenceDimension).map((dimension) => {
      const { vocabulary } = EXTRACT[dimension];
      const evidence = codes.map(
        (code) =>
          new Map(
            vocabulary.flatMap((v) => {
              const g = VALUE.read(groups.get(code), `${dimension}:${v}`);
              return g ? [[v, g] as const] : [];
            }),
          ),
      );
      const inVocabulary = (set: Map<string, ReadGroup<NoData, Quote>>) => vocabulary.filter((v) => set.has(v));
      return {
        dimension,
        common: codes.length ? vocabulary.filter((v) => evidence.every((e) => e.has(v))) : [],
        regions: codes.map((code, i) => {
          const mine = evidence[i]!;
          const others = evidence.filter((_, j) => j !== i);
          return {
            regionCode: code,
            has: inVocabulary(mine),
            onlyHere: inVocabulary(mine)
              .filter((v) => others.every((o) => !o.has(v)))
              .map((value) => ({ value, quotes: mine.get(value)!.items, quoteCount: mine.get(value)!.total })),
            lacks: vocabulary.filter((v) => !mine.has(v) && others.some((o) => o.has(v))),
          };
        }),
      };
    }),
  };
}
