/**
 * The "top body" of a region, whose working arrangements the comparison matrix compares:
 * the highest-level body (POLITICAL > STRATEGIC > TACTICAL > OPERATIONAL > level not stated) among
 * the bodies whose document states a regular meeting frequency; when no body states one, the
 * highest-level body of all. Ties go to document order. Rationale: the documents describe working
 * arrangements (chair, convener, minutes, substitutes) for the bodies they give a frequency, and the
 * highest of those is the one that steers the collaboration day to day.
 */
import { LEVELS, type Body } from '@samverkan/contract';
import { enumRank } from '../api/scope';

export const TOP_BODY_RULE = 'The highest-level body with a stated regular frequency; if none states one, the highest-level body; ties in document order.';

export function topBody(bodies: Body[]): Body | null {
  const candidates = bodies.some((b) => b.cadence) ? bodies.filter((b) => b.cadence) : bodies;
  let best: Body | null = null;
  for (const b of candidates) {
    if (!best || enumRank(LEVELS, b.level) < enumRank(LEVELS, best.level)) best = b;
  }
  return best;
}
