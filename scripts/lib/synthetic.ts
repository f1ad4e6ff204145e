/**
 * A large synthetic region for the benchmark's scale runs: data files of the real schema with made-up
 * bodies, roles, duties and reporting duties. Written to a folder under .data/, served by a region
 * process with DATA_DIR pointing there and its own schema prefix: never into the real data.
 *
 * Like a real region, it is many documents: one data file (and document) per BODIES_PER_FILE bodies,
 * with their roles and a share of the reporting duties and plans, so a region's start holds one file
 * at a time. References cross files (a parent body, a duty's sender and recipient), as they may.
 * Each file is made and written on its own: the writer does not hold the region either.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeFrequency, type DataFile } from '@samverkan/contract';

const PHRASES = ['minst sex gånger per år', 'cirka sex gånger per år', 'cirka 2–3 gånger per halvår', 'Två gånger varje år', 'halvårsvisa'];
const LEVELS = ['POLITICAL', 'STRATEGIC', 'TACTICAL', 'OPERATIONAL'] as const;
const CATEGORIES = ['CONVENING', 'MINUTES', 'ACTION_PLAN', 'MONITORING', 'REPORTING'] as const;

/** At most this many bodies (with as many roles) per data file. */
export const BODIES_PER_FILE = 1000;

const source = (i: number) => ({ section: 'Syntetisk', quote: `Syntetisk text ${i}` });
const cadence = (i: number) => {
  const text = PHRASES[i % PHRASES.length]!;
  const n = normalizeFrequency(text);
  return { text, minPerYear: n.minPerYear, maxPerYear: n.maxPerYear, approximate: n.approximate, whenNeeded: n.whenNeeded, source: source(i) };
};
const range = <T>(from: number, to: number, make: (i: number) => T) => Array.from({ length: Math.max(0, to - from) }, (_, k) => make(from + k));

/** How many of each: `bodies` bodies, as many roles, half as many reporting duties, a tenth as many plans, ten rules. */
const sizes = (bodies: number) => ({
  bodies,
  roles: bodies,
  reportingDuties: Math.max(1, Math.floor(bodies / 2)),
  plans: Math.max(1, Math.floor(bodies / 10)),
  decisionRules: 10,
});

/** The data files of a region of `bodies` bodies. */
export const syntheticFileCount = (bodies: number) => Math.max(1, Math.ceil(bodies / BODIES_PER_FILE));

/**
 * Data file `k` of a region of `bodies` bodies: the bodies and roles numbered k*BODIES_PER_FILE on,
 * the same share of the reporting duties and plans, the decision rules in the first file. `variant`
 * changes one body's name (the benchmark's freshness-lag measure restarts a region with changed data).
 */
export function syntheticFile(bodies: number, k: number, variant = ''): { name: string; data: DataFile } {
  const count = syntheticFileCount(bodies);
  const n = sizes(bodies);
  const share = (total: number) => {
    const size = Math.ceil(total / count);
    return [Math.min(total, k * size), Math.min(total, (k + 1) * size)] as const;
  };
  const [first, last] = [k * BODIES_PER_FILE, Math.min(bodies, (k + 1) * BODIES_PER_FILE)];
  const id = `synthetic-${String(k).padStart(Math.max(3, String(count - 1).length), '0')}`;
  const data = {
    file: `${id}.txt`,
    document: { id, title: `Synthetic region with ${bodies} bodies, part ${k + 1} of ${count}`, date: null, reviewBy: null, source: source(0) },
    bodies: range(first, last, (i) => ({
      id: `body-${i}`,
      name: i === 0 && variant ? `Grupp 0 ${variant}` : `Grupp ${i}`,
      kind: 'WORKING_GROUP' as const,
      level: LEVELS[i % 4]!,
      levelBasis: 'STATED' as const,
      permanence: 'PERMANENT' as const,
      parent: i > 0 ? { bodyId: `body-${Math.floor((i - 1) / 4)}`, relation: 'REPORTS_TO' as const, source: source(i) } : null,
      purposes: [],
      assignments: [{ text: `Uppdrag ${i}`, source: source(i) }],
      composition: [{ function: `Ledamot ${i}`, source: source(i) }],
      substitutes: { rule: (['REQUIRED', 'FORBIDDEN', 'NOT_STATED'] as const)[i % 3]! },
      chair: { holder: `Ordförande ${i}`, source: source(i) },
      convener: { who: `Sammankallande ${i}`, source: source(i) },
      minutes: { kept: i % 2 === 0, source: source(i) },
      cadence: i % 5 === 4 ? null : cadence(i),
      otherMeetings: [],
      notes: [],
    })),
    roles: range(first, Math.min(n.roles, last), (i) => ({
      id: `role-${i}`,
      title: `Samordnare ${i}`,
      kind: 'COORDINATOR' as const,
      servesBodyIds: [`body-${i % bodies}`],
      duties: CATEGORIES.slice(0, 3).map((category, j) => ({
        text: `Uppgift ${i}.${j}`,
        category: CATEGORIES[(i + j) % CATEGORIES.length]!,
        source: source(i),
      })),
      notes: [],
      source: source(i),
    })),
    reportingDuties: range(...share(n.reportingDuties), (i) => ({
      id: `report-${i}`,
      artifact: 'ANNUAL_REPORT' as const,
      description: `Rapport ${i}`,
      fromBodyId: `body-${(i * 7) % bodies}`,
      fromText: 'grupp',
      toBodyId: 'body-0',
      toText: 'styrgrupp',
      cadence: cadence(i),
      notes: [],
      source: source(i),
    })),
    plans: range(...share(n.plans), (i) => ({ id: `plan-${i}`, name: `Plan ${i}`, kind: 'ACTION_PLAN' as const, notes: [], source: source(i) })),
    decisionRules: k === 0 ? range(0, n.decisionRules, (i) => ({ id: `rule-${i}`, ordinal: i + 1, text: `Regel ${i}`, source: source(i) })) : [],
    regionalFacts: [],
  };
  return { name: `${id}.json`, data: data as unknown as DataFile };
}

/** Writes the region's data files into `dir` (emptied first), one file at a time; resolves with what they hold. */
export function writeSyntheticRegion(dir: string, bodies: number, variant = ''): { bodies: number; roles: number; reportingDuties: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const counts = { bodies: 0, roles: 0, reportingDuties: 0 };
  for (let k = 0; k < syntheticFileCount(bodies); k++) {
    const { name, data } = syntheticFile(bodies, k, variant);
    writeFileSync(join(dir, name), JSON.stringify(data));
    counts.bodies += data.bodies.length;
    counts.roles += data.roles.length;
    counts.reportingDuties += data.reportingDuties.length;
  }
  return counts;
}
