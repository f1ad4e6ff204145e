/**
 * Question 2: per region, bodies per level and the documented minimum meetings per year of its
 * standing bodies. "Standing" = permanence is not TEMPORARY (PERMANENT or NOT_STATED): the documents
 * rarely say "permanent", so requiring it would leave almost nothing; only a stated TEMPORARY
 * (ad-hoc working groups) is left out. Each body counts once, whatever its number of instances.
 */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { hasStatedFrequency, LEVELS, type Body } from '@samverkan/contract';
import { BodyRef, ValueCount } from './views';
import { MissingRegion } from './missing-region';
import { defineAggregate, FirstEntries, scan, SingleGroup, type Derivation, type GroupsByRegion } from './groups';

@ObjectType({ simpleResolvers: true, description: "One region's bodies and meeting frequency in numbers." })
export class RegionFrequencySummary {
  @Field(() => String) regionCode!: string;
  @Field(() => Int) bodyCount!: number;
  @Field(() => [ValueCount], { description: 'Bodies per Level, in Level order; value null = level not stated.' }) bodiesPerLevel!: ValueCount[];
  @Field(() => Int, { description: 'Bodies whose permanence is not TEMPORARY.' }) standingBodyCount!: number;
  @Field(() => Float, { description: 'Sum of documented minimum meetings per year over standing bodies with a stated minimum ("vid behov" is not counted).' })
  standingMinMeetingsPerYear!: number;
  @Field(() => Int, { description: 'Standing bodies that contribute to the sum (a stated minimum).' }) standingBodiesWithMinimum!: number;
  @Field(() => Int, { description: 'Bodies (standing or not) whose document gives no regular frequency, or one with no numbers ("regelbundet").' })
  bodiesWithoutFrequency!: number;
  @Field(() => [BodyRef], { description: 'The first `first` of the bodies counted in bodiesWithoutFrequency, in document order.' })
  bodiesWithoutFrequencyList!: BodyRef[];
}

@ObjectType({ simpleResolvers: true, description: 'Meeting frequency in numbers, per answered region.' })
export class FrequencySummary {
  @Field(() => [RegionFrequencySummary]) regions!: RegionFrequencySummary[];
  @Field(() => [ID]) missingRegions!: string[];
  @Field(() => [MissingRegion], { description: 'The regions in missingRegions, each with its reason.' }) missing!: MissingRegion[];
}

const isStanding = (b: Body) => b.permanence !== 'TEMPORARY';

type Counts = Omit<RegionFrequencySummary, 'regionCode' | 'bodiesWithoutFrequencyList'>;

/** A region's counts, and the bodies without a frequency as the list. */
const SUMMARY = SingleGroup.of<Counts, BodyRef>('');

/** At sync time: one region's counts, and the bodies without a frequency as the group's list (one read of its bodies). */
function deriveFrequencySummary(): Derivation {
  const without = new FirstEntries<BodyRef>();
  const perLevel = new Map<string | null, number>();
  const counts = { bodyCount: 0, standingBodyCount: 0, standingMinMeetingsPerYear: 0, standingBodiesWithMinimum: 0 };
  return {
    scans: [
      scan('bodies', (b) => {
        counts.bodyCount++;
        perLevel.set(b.level ?? null, (perLevel.get(b.level ?? null) ?? 0) + 1);
        if (isStanding(b)) {
          counts.standingBodyCount++;
          if (b.cadence?.minPerYear != null) {
            counts.standingMinMeetingsPerYear += b.cadence.minPerYear;
            counts.standingBodiesWithMinimum++;
          }
        }
        if (!hasStatedFrequency(b.cadence)) without.add(() => ({ id: b.id, name: b.name }));
      }),
    ],
    groups: () => [
      SUMMARY.write(without, {
        ...counts,
        bodiesPerLevel: [...LEVELS, null].map((level) => ({ value: level, count: perLevel.get(level) ?? 0 })),
        bodiesWithoutFrequency: without.total,
      }),
    ],
  };
}

export const FREQUENCY_SUMMARY = defineAggregate('frequencySummary', 1, [SUMMARY], deriveFrequencySummary);

/** At request time: the regions' groups, each list cut to `first` (bodiesWithoutFrequency counts them all). */
export function frequencySummary(codes: string[], groups: GroupsByRegion, missing: MissingRegion[]): FrequencySummary {
  return {
    missingRegions: missing.map((m) => m.code),
    missing,
    regions: codes.map((code) => {
      const g = SUMMARY.read(groups.get(code));
      return g ? { regionCode: code, ...g.data, bodiesWithoutFrequencyList: g.items } : emptySummary(code);
    }),
  };
}

const emptySummary = (code: string): RegionFrequencySummary => ({
  regionCode: code,
  bodyCount: 0,
  bodiesPerLevel: [...LEVELS, null].map((value) => ({ value, count: 0 })),
  standingBodyCount: 0,
  standingMinMeetingsPerYear: 0,
  standingBodiesWithMinimum: 0,
  bodiesWithoutFrequency: 0,
  bodiesWithoutFrequencyList: [],
});
