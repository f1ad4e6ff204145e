/**
 * A large synthetic region for the benchmark's scale runs: data files of the real schema with made-up
 * bodies, roles, duties and reporting duties. Written to a folder under .data/, served by a region
 * process with DATA_DIR pointing there and its own schema prefix: never into the real data.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeFrequency, type DataFile } from '@samverkan/contract';

const PHRASES = ['minst sex gånger per år', 'cirka sex gånger per år', 'cirka 2–3 gånger per halvår', 'Två gånger varje år', 'halvårsvisa'];
const LEVELS = ['POLITICAL', 'STRATEGIC', 'TACTICAL', 'OPERATIONAL'] as const;
const CATEGORIES = ['CONVENING', 'MINUTES', 'ACTION_PLAN', 'MONITORING', 'REPORTING'] as const;

/**
 * `bodies` bodies, as many roles and half as many reporting duties. `variant` changes one body's name
 * (the benchmark's freshness-lag measure restarts a region with changed data).
 */
export function syntheticRegion(bodies: number, variant = ''): DataFile {
  const source = (i: number) => ({ section: 'Syntetisk', quote: `Syntetisk text ${i}` });
  const cadence = (i: number) => {
    const text = PHRASES[i % PHRASES.length]!;
    const n = normalizeFrequency(text);
    return { text, minPerYear: n.minPerYear, maxPerYear: n.maxPerYear, approximate: n.approximate, whenNeeded: n.whenNeeded, source: source(i) };
  };
  const roles = bodies;
  return {
    file: 'synthetic.txt',
    document: { id: 'synthetic', title: `Synthetic region with ${bodies} bodies`, date: null, reviewBy: null, source: source(0) },
    bodies: Array.from({ length: bodies }, (_, i) => ({
      id: `body-${i}`, name: i === 0 && variant ? `Grupp 0 ${variant}` : `Grupp ${i}`, kind: 'WORKING_GROUP' as const, level: LEVELS[i % 4]!, levelBasis: 'STATED' as const,
      permanence: 'PERMANENT' as const, parent: i > 0 ? { bodyId: `body-${Math.floor((i - 1) / 4)}`, relation: 'REPORTS_TO' as const, source: source(i) } : null,
      purposes: [], assignments: [{ text: `Uppdrag ${i}`, source: source(i) }],
      composition: [{ function: `Ledamot ${i}`, source: source(i) }],
      substitutes: { rule: (['REQUIRED', 'FORBIDDEN', 'NOT_STATED'] as const)[i % 3]! },
      chair: { holder: `Ordförande ${i}`, source: source(i) }, convener: { who: `Sammankallande ${i}`, source: source(i) },
      minutes: { kept: i % 2 === 0, source: source(i) },
      cadence: i % 5 === 4 ? null : cadence(i), otherMeetings: [], notes: [],
    })),
    roles: Array.from({ length: roles }, (_, i) => ({
      id: `role-${i}`, title: `Samordnare ${i}`, kind: 'COORDINATOR' as const, servesBodyIds: [`body-${i % bodies}`],
      duties: CATEGORIES.slice(0, 3).map((category, j) => ({ text: `Uppgift ${i}.${j}`, category: CATEGORIES[(i + j) % CATEGORIES.length]!, source: source(i) })),
      notes: [], source: source(i),
    })),
    reportingDuties: Array.from({ length: Math.max(1, Math.floor(bodies / 2)) }, (_, i) => ({
      id: `report-${i}`, artifact: 'ANNUAL_REPORT' as const, description: `Rapport ${i}`, fromBodyId: `body-${(i * 7) % bodies}`,
      fromText: 'grupp', toBodyId: 'body-0', toText: 'styrgrupp', cadence: cadence(i), notes: [], source: source(i),
    })),
    plans: Array.from({ length: Math.max(1, Math.floor(bodies / 10)) }, (_, i) => ({ id: `plan-${i}`, name: `Plan ${i}`, kind: 'ACTION_PLAN' as const, notes: [], source: source(i) })),
    decisionRules: Array.from({ length: 10 }, (_, i) => ({ id: `rule-${i}`, ordinal: i + 1, text: `Regel ${i}`, source: source(i) })),
    regionalFacts: [],
  } as unknown as DataFile;
}

export function writeSyntheticRegion(dir: string, bodies: number, variant = ''): { bodies: number; roles: number; reportingDuties: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const data = syntheticRegion(bodies, variant);
  writeFileSync(join(dir, 'synthetic.json'), JSON.stringify(data));
  return { bodies: data.bodies.length, roles: data.roles.length, reportingDuties: data.reportingDuties.length };
}
