/**
 * Question 6: what one region has that the others lack, over the canonical vocabularies: role kinds
 * (roles whose data states duties, roles that are offices, and the offices bodies state), duty categories (of roles, and of bodies' assignments with a category), report artifact kinds, plan kinds and
 * substitute rules (NOT_STATED is silence, not a rule, so it is left out). Each value keeps the
 * quotes it comes from.
 */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ARTIFACT_KINDS, DUTY_CATEGORIES, PLAN_KINDS, ROLE_KINDS, SUBSTITUTE_RULES, type Source } from '@samverkan/contract';
import { bodyOffices } from '../domain/offices';
import { MissingRegion } from './missing-region';
import { defineAggregate, FirstEntries, KeyedGroup, scan, type Derivation, type GroupsByRegion, type NoData, type ReadGroup } from './groups';
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

const OFFICE_KINDS = new Set<string>(['CHAIR', 'VICE_CHAIR', 'CONVENER', 'SECRETARY']);

/** The values of each dimension, in the vocabulary's order. */
const VOCABULARY: Record<DifferenceDimension, readonly string[]> = {
  ROLE_KINDS,
  DUTY_CATEGORIES,
  REPORT_ARTIFACTS: ARTIFACT_KINDS,
  PLAN_KINDS,
  SUBSTITUTE_RULES: SUBSTITUTE_RULES.filter((s) => s !== 'NOT_STATED'),
};

/** The quotes of one value of one dimension that a region has (key `<dimension>:<value>`). */
const VALUE = KeyedGroup.of<`${DifferenceDimension}:${string}`, NoData, Quote>('');

/**
 * At sync time: one group per dimension and value the region has, its quotes as the list. Read in
 * one pass per list: roles before bodies, so a value's quotes from roles come before its bodies'.
 */
function deriveDifferences(): Derivation {
  const found = new Map<`${DifferenceDimension}:${string}`, FirstEntries<Quote>>();
  const add = (dimension: DifferenceDimension, value: string, source: Source) => {
    const key = `${dimension}:${value}` as const;
    (found.get(key) ?? found.set(key, new FirstEntries<Quote>()).get(key)!).add(() => quoteOf(source));
  };
  return {
    scans: [
      scan('roles', (role) => {
        // A role counts by what its data says it does; an office (chair ...) by its title. A title alone
        // ("Delregional samordnare" in a composition list, no duties) says nothing of what the role does.
        if (role.duties.length || OFFICE_KINDS.has(role.kind)) add(DifferenceDimension.ROLE_KINDS, role.kind, role.source);
        // Role duties, and (below) the duties the documents give a body (assignments with a category): a group's duty counts too.
        for (const d of role.duties) add(DifferenceDimension.DUTY_CATEGORIES, d.category, d.source);
      }),
      scan('bodies', (body) => {
        for (const o of bodyOffices(body)) add(DifferenceDimension.ROLE_KINDS, o.kind, o.source);
        for (const a of body.assignments) if (a.category) add(DifferenceDimension.DUTY_CATEGORIES, a.category, a.source);
        if (body.substitutes.rule !== 'NOT_STATED' && body.substitutes.source)
          add(DifferenceDimension.SUBSTITUTE_RULES, body.substitutes.rule, body.substitutes.source);
      }),
      scan('reportingDuties', (d) => add(DifferenceDimension.REPORT_ARTIFACTS, d.artifact, d.source)),
      scan('plans', (p) => add(DifferenceDimension.PLAN_KINDS, p.kind, p.source)),
    ],
    groups: () => [...found].map(([key, quotes]) => VALUE.write(key, quotes)),
  };
}

export const DIFFERENCES = defineAggregate('differences', 2, [VALUE], deriveDifferences);

/** At request time: which values each region has (its groups), the quotes of a value only one has cut to `first`. */
export function differences(codes: string[], groups: GroupsByRegion, missing: MissingRegion[]): Differences {
  return {
    regions: codes,
    missingRegions: missing.map((m) => m.code),
    missing,
    dimensions: Object.values(DifferenceDimension).map((dimension) => {
      const vocabulary = VOCABULARY[dimension];
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
