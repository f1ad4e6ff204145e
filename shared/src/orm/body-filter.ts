/** The shared body filter (@samverkan/contract) as a MikroORM query on the region's `body` table. */
import type { BodyFilter } from '@samverkan/contract';

/** The same filter as a MikroORM query on the `body` table (the `regions` condition is the caller's). */
export function bodyFilterToWhere(f: BodyFilter | null | undefined): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  if (!f) return where;
  const and: Array<Record<string, unknown>> = [];
  if (f.levels?.length) and.push({ level: { $in: f.levels } });
  if (f.kinds?.length) and.push({ kind: { $in: f.kinds } });
  if (f.permanence?.length) and.push({ permanence: { $in: f.permanence } });
  if (f.meetsAtLeast != null) and.push({ minPerYear: { $ne: null, $gte: f.meetsAtLeast } });
  if (f.meetsAtMost != null) and.push({ maxPerYear: { $ne: null, $lte: f.meetsAtMost } });
  if (f.hasFrequency === true) and.push({ $or: [{ minPerYear: { $ne: null } }, { maxPerYear: { $ne: null } }] });
  if (f.hasFrequency === false) and.push({ minPerYear: null, maxPerYear: null });
  if (f.keepsMinutes != null) and.push({ keepsMinutes: f.keepsMinutes });
  if (f.substituteRules?.length) and.push({ substituteRule: { $in: f.substituteRules } });
  if (and.length) where.$and = and;
  return where;
}
