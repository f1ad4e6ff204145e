/**
 * Reads a region's data files, validates them, and turns them into rows: ids become global
 * ("<region>:<slug>"), every Source learns its document. Pure: no database here.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataFileSchema, type DataFile } from './schema';
import { checkReferences } from './validate';
import type { Body, DecisionRule, Plan, RegionalFact, ReportingDuty, Role, SourceDocument } from '../graphql/types';

export interface RegionData {
  files: Array<{ file: string; sha256: string }>;
  documents: SourceDocument[];
  bodies: Array<Body & { position: number }>;
  roles: Array<Role & { position: number; document: string }>;
  reportingDuties: Array<ReportingDuty & { position: number; document: string }>;
  plans: Array<Plan & { position: number; document: string }>;
  decisionRules: Array<DecisionRule & { position: number; document: string }>;
  regionalFacts: Array<RegionalFact & { position: number; document: string }>;
}

export class DataFileError extends Error {}

export function readDataFiles(dir: string): Array<{ name: string; raw: string; data: DataFile }> {
  const names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  if (names.length === 0) throw new DataFileError(`No data files in ${dir}`);
  return names.map((name) => {
    const raw = readFileSync(join(dir, name), 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      throw new DataFileError(`${name}: not valid JSON: ${(e as Error).message}`);
    }
    const parsed = DataFileSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new DataFileError(`${name}: ${issues}`);
    }
    return { name, raw, data: parsed.data };
  });
}

/** Adds `document` to every Source object inside a value (deep copy). */
function withDocument<T>(value: T, document: string): T {
  if (Array.isArray(value)) return value.map((v) => withDocument(v, document)) as T;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) out[k] = withDocument(v, document);
    if (typeof record.quote === 'string' && typeof record.section === 'string' && !('document' in record)) out.document = document;
    return out as T;
  }
  return value;
}

export function loadRegionData(region: string, dir: string): RegionData {
  const files = readDataFiles(dir);
  const problems = checkReferences(files.map((f) => f.data));
  if (problems.length) throw new DataFileError(`${region} data: ${problems.slice(0, 10).join('; ')}`);
  const g = (id: string | null | undefined) => (id ? `${region}:${id}` : id ?? null);
  const out: RegionData = { files: [], documents: [], bodies: [], roles: [], reportingDuties: [], plans: [], decisionRules: [], regionalFacts: [] };
  let position = 0;
  for (const { raw, data: rawData } of files) {
    const doc = rawData.file;
    const data = withDocument(rawData, doc);
    out.files.push({ file: doc, sha256: createHash('sha256').update(raw).digest('hex') });
    out.documents.push({ file: doc, ...data.document } as SourceDocument);
    for (const b of data.bodies) {
      out.bodies.push({
        ...b,
        id: g(b.id)!,
        regionCode: region,
        document: doc,
        parent: b.parent ? { ...b.parent, bodyId: g(b.parent.bodyId)! } : null,
        position: position++,
      } as unknown as Body & { position: number });
    }
    for (const r of data.roles) out.roles.push({ ...r, id: g(r.id)!, regionCode: region, servesBodyIds: r.servesBodyIds.map((id) => g(id)!), position: position++, document: doc } as unknown as Role & { position: number; document: string });
    for (const d of data.reportingDuties) out.reportingDuties.push({ ...d, id: g(d.id)!, regionCode: region, fromBodyId: g(d.fromBodyId), toBodyId: g(d.toBodyId), fromRoleId: g(d.fromRoleId), toRoleId: g(d.toRoleId), position: position++, document: doc } as unknown as ReportingDuty & { position: number; document: string });
    for (const p of data.plans) out.plans.push({ ...p, id: g(p.id)!, regionCode: region, ownerBodyId: g(p.ownerBodyId), position: position++, document: doc } as unknown as Plan & { position: number; document: string });
    for (const r of data.decisionRules) out.decisionRules.push({ ...r, id: g(r.id)!, regionCode: region, position: position++, document: doc } as unknown as DecisionRule & { position: number; document: string });
    for (const f of data.regionalFacts) out.regionalFacts.push({ ...f, id: g(f.id)!, position: position++, document: doc } as unknown as RegionalFact & { position: number; document: string });
  }
  return out;
}
