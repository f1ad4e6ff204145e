/**
 * Checks a region's data files beyond their JSON schema: ids are unique, references resolve,
 * every quote is an exact substring of its document, every section heading stands in it, and every
 * normalized number is what the frequency normalizer makes of the verbatim phrase.
 */
import { normalizeFrequency } from '../frequency';
import type { CadenceData, DataFile, SourceData as Source } from './schema';

export const SECTION_SEPARATOR = ' > ';

/** Every Source object anywhere inside a value, with a JSON-path-like location. */
export function collectSources(value: unknown, path = '$', out: Array<{ path: string; source: Source }> = []) {
  if (Array.isArray(value)) value.forEach((v, i) => collectSources(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.quote === 'string' && typeof record.section === 'string' && Object.keys(record).length === 2) {
      out.push({ path, source: record as unknown as Source });
    } else for (const [k, v] of Object.entries(record)) collectSources(v, `${path}.${k}`, out);
  }
  return out;
}

export function collectCadences(value: unknown, path = '$', out: Array<{ path: string; cadence: CadenceData }> = []) {
  if (Array.isArray(value)) value.forEach((v, i) => collectCadences(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('minPerYear' in record && 'maxPerYear' in record && 'text' in record) out.push({ path, cadence: record as unknown as CadenceData });
    else for (const [k, v] of Object.entries(record)) collectCadences(v, `${path}.${k}`, out);
  }
  return out;
}

/** Problems in one data file, given its document's text. An empty list means the file is sound. */
export function checkAgainstDocument(data: DataFile, documentText: string): string[] {
  const problems: string[] = [];
  for (const { path, source } of collectSources(data)) {
    if (!documentText.includes(source.quote)) problems.push(`${path}: quote is not in ${data.file}: "${source.quote}"`);
    for (const heading of source.section.split(SECTION_SEPARATOR)) {
      if (!documentText.includes(heading)) problems.push(`${path}: section heading "${heading}" is not in ${data.file}`);
    }
  }
  for (const { path, cadence } of collectCadences(data)) {
    if (!cadence.source.quote.includes(cadence.text)) problems.push(`${path}: frequency text "${cadence.text}" is not part of its quote`);
    const n = normalizeFrequency(cadence.text);
    const mismatch = n.minPerYear !== cadence.minPerYear || n.maxPerYear !== cadence.maxPerYear
      || n.approximate !== cadence.approximate || n.whenNeeded !== cadence.whenNeeded;
    if (mismatch) problems.push(`${path}: "${cadence.text}" normalizes to ${JSON.stringify(n)}, the data says ${JSON.stringify({ min: cadence.minPerYear, max: cadence.maxPerYear, approximate: cadence.approximate, whenNeeded: cadence.whenNeeded })}`);
  }
  return problems;
}

/** Problems across all of one region's files: unique ids and resolvable references. */
export function checkReferences(files: DataFile[]): string[] {
  const problems: string[] = [];
  const bodies = new Set<string>();
  const roles = new Set<string>();
  const seen = new Map<string, string>();
  const claim = (kind: string, id: string) => {
    const key = `${kind}:${id}`;
    if (seen.has(key)) problems.push(`duplicate ${kind} id "${id}"`);
    seen.set(key, kind);
  };
  for (const f of files) {
    f.bodies.forEach((b) => { claim('body', b.id); bodies.add(b.id); });
    f.roles.forEach((r) => { claim('role', r.id); roles.add(r.id); });
    f.reportingDuties.forEach((d) => claim('reportingDuty', d.id));
    f.plans.forEach((p) => claim('plan', p.id));
    f.decisionRules.forEach((r) => claim('decisionRule', r.id));
    f.regionalFacts.forEach((r) => claim('regionalFact', r.id));
  }
  const body = (where: string, id: string | null | undefined) => {
    if (id && !bodies.has(id)) problems.push(`${where}: unknown body id "${id}"`);
  };
  for (const f of files) {
    for (const b of f.bodies) body(`body ${b.id}.parent`, b.parent?.bodyId);
    for (const r of f.roles) r.servesBodyIds.forEach((id) => body(`role ${r.id}.servesBodyIds`, id));
    for (const d of f.reportingDuties) {
      body(`reportingDuty ${d.id}.fromBodyId`, d.fromBodyId);
      body(`reportingDuty ${d.id}.toBodyId`, d.toBodyId);
      for (const roleId of [d.fromRoleId, d.toRoleId]) if (roleId && !roles.has(roleId)) problems.push(`reportingDuty ${d.id}: unknown role id "${roleId}"`);
    }
    for (const p of f.plans) body(`plan ${p.id}.ownerBodyId`, p.ownerBodyId);
  }
  return problems;
}
