/**
 * The region data files as the tests read them (subgraphs/<code>/data/*.json), with ids qualified
 * `<code>:<slug>` as the API serves them, so exact expectations follow the data when it changes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGIONS } from '../../contract/src/registry';

export interface FileSource {
  section: string;
  quote: string;
}
export interface FileStatement {
  text: string;
  category?: string | null;
  source: FileSource;
}
export interface FileBody {
  id: string;
  document: string;
  name: string;
  level: string | null;
  permanence?: string;
  parent?: { bodyId: string } | null;
  cadence?: { minPerYear: number | null } | null;
  chair?: unknown;
  assignments?: FileStatement[];
}
export interface FileRole {
  id: string;
  document: string;
  title: string;
  kind: string;
  servesBodyIds: string[];
  duties: Array<{ text: string; category: string; source: FileSource }>;
  source: FileSource;
}
export interface FileDuty {
  id: string;
  document: string;
  artifact: string;
  fromBodyId?: string | null;
  fromRoleId?: string | null;
  toBodyId?: string | null;
  toRoleId?: string | null;
  source: FileSource;
}
/** Every item carries `document`: the source document (the data file's `file`) its quotes are from. */
export interface RegionFiles {
  code: string;
  bodies: FileBody[];
  roles: FileRole[];
  reportingDuties: FileDuty[];
}

const ROOT = join(__dirname, '..', '..');
const q = (code: string, id: string | null | undefined) => (id ? `${code}:${id}` : null);

export function regionFiles(code: string): RegionFiles {
  const dir = join(ROOT, 'subgraphs', code, 'data');
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')))
    .map((f) => Object.fromEntries(['bodies', 'roles', 'reportingDuties'].map((k) => [k, (f[k] ?? []).map((x: object) => ({ ...x, document: f.file }))])));
  return {
    code,
    bodies: files
      .flatMap((f) => f.bodies)
      .map((b: FileBody) => ({ ...b, id: q(code, b.id)!, parent: b.parent ? { ...b.parent, bodyId: q(code, b.parent.bodyId)! } : null })),
    roles: files.flatMap((f) => f.roles).map((r: FileRole) => ({ ...r, id: q(code, r.id)!, servesBodyIds: r.servesBodyIds.map((id) => q(code, id)!) })),
    reportingDuties: files
      .flatMap((f) => f.reportingDuties)
      .map((d: FileDuty) => ({
        ...d,
        id: q(code, d.id)!,
        fromBodyId: q(code, d.fromBodyId),
        fromRoleId: q(code, d.fromRoleId),
        toBodyId: q(code, d.toBodyId),
        toRoleId: q(code, d.toRoleId),
      })),
  };
}

export const allRegionFiles = (): RegionFiles[] => REGIONS.map((r) => regionFiles(r.code));

/** The text of a source document (docs/sources/<file>). */
export const documentText = (file: string) => readFileSync(join(ROOT, 'docs', 'sources', file), 'utf8');
