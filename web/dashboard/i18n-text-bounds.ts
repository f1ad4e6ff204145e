/** The dashboard's texts for bounded lists: "N of M" and "show all M" (merged into TEXT). */
import type { Labels } from './i18n-text';

export const BOUNDS_TEXT = {
  shownOf: ['{n} av {m} visas', '{n} of {m} shown'],
  showAll: ['Visa alla {m}', 'Show all {m}'],
  showFirst: ['Visa de första {n}', 'Show the first {n}'],
  loadingAll: ['Hämtar alla …', 'Loading all …'],
  allFailed: ['Kunde inte hämta alla', 'Could not load all'],
  closestTies: ['{n} av {m} lika nära', '{n} of {m} equally close'],
  rolesShownOf: ['{n} av {m} roller', '{n} of {m} roles'],
} satisfies Labels;
