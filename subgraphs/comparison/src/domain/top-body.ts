/**
 * The "top body" of a region, whose working arrangements the comparison matrix compares:
 * the highest-level body (POLITICAL > STRATEGIC > TACTICAL > OPERATIONAL > level not stated) among
 * the bodies whose document states a regular meeting frequency; when no body states one, the
 * highest-level body of all. Ties go to document order. Rationale: the documents describe working
 * arrangements (chair, convener, minutes, substitutes) for the bodies they give a frequency, and the
 * highest of those is the one that steers the collaboration day to day.
 */
import { LEVELS, type Body } from '@samverkan/contract';
import { enumRank } from './region';

export const TOP_BODY_RULE = 'The highest-level body with a stated regular frequency; if none states one, the highest-level body; ties in document order.';

/**
 * The top body of a region's bodies, given one at a time in document order (`add`), holding two
 * bodies: the highest with a stated frequency so far, and the highest of all (used when none states one).
 */
export function topBodyFinder(): { add: (b: Body) => void; top: () => Body | null } {
  let withCadence: Body | null = null;
  let any: Body | null = null;
  const higher = (b: Body, best: Body | null) => !best || enumRank(LEVELS, b.level) < enumRank(LEVELS, best.level);
  return {
    add: (b) => {
      if (b.cadence && higher(b, withCadence)) withCadence = b;
      if (higher(b, any)) any = b;
    },
    top: () => withCadence ?? any,
  };
}
