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
  return readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as DataFile);
}

/** Every body of region `code` with its global id ("<code>:<slug>"), in file order. */
export function bodiesOf(code: string) {
  return dataFiles(code).flatMap((f) => f.bodies.map((b) => ({ ...b, id: `${code}:${b.id}`, regionCode: code })));
}

/** Every body of every registered region, in registry order. */
export const allBodies = () => REGIONS.flatMap((r) => bodiesOf(r.code));
