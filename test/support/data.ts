/**
 * What the data files say, read straight from subgraphs/<code>/data/*.json (not through the loader
 * under test): the expected answers of the whole-federation tests, for every region in the registry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataFile } from '../../contract/src/data/schema';
import { REGIONS } from '../../contract/src/registry';

const root = join(__dirname, '..', '..');

/** The data files of region `code`, in the order the loader reads them (by file name). */
export function dataFiles(code: string): DataFile[] {
  const dir = join(root, 'subgraphs', code, 'data');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as DataFile);
}

/** Every body of region `code` with its global id ("<code>:<slug>"), in file order. */
export function bodiesOf(code: string) {
  return dataFiles(code).flatMap((f) => f.bodies.map((b) => ({ ...b, id: `${code}:${b.id}`, regionCode: code })));
}

/** Every body of every registered region, in registry order. */
export const allBodies = () => REGIONS.flatMap((r) => bodiesOf(r.code));

/** The fact lists of a data file: a region whose files leave them all empty (a new region) models no fact yet. */
const FACT_LISTS = ['bodies', 'roles', 'reportingDuties', 'plans', 'decisionRules', 'regionalFacts', 'events'] as const;

/** Whether region `code`'s data files model any fact (a scaffolded region's do not, until its author adds them). */
export const hasFacts = (code: string) => dataFiles(code).some((f) => FACT_LISTS.some((k) => (f[k] ?? []).length > 0));

/** The registered regions whose data files model at least one body, in registry order. */
export const regionsWithBodies = () => REGIONS.filter((r) => bodiesOf(r.code).length > 0);
