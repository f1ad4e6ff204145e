/**
 * Turns one checked data file into rows (load.ts reads and checks the files): ids become global
 * ("<region>:<slug>"), every Source learns its document, every fact its place in the region (`position`
 * counts on across the region's files, in file order). No file system, no database here.
 */
import { createHash } from 'node:crypto';
import type { DataFile } from './schema';
import { documentPassages, documentVersion } from './documents';
import type { Body, DecisionRule, Plan, RegionalFact, ReportingDuty, Role } from '../graphql/types';
import type { SourceDocument } from '../graphql/documents';
import type { DatedEvent } from '../graphql/history-types';
import { dateSpan } from '../history/dates';

export interface RegionData {
  files: Array<{ file: string; sha256: string }>;
  documents: SourceDocument[];
  bodies: Array<Body & { position: number }>;
  roles: Array<Role & { position: number; document: string }>;
  reportingDuties: Array<ReportingDuty & { position: number; document: string }>;
  plans: Array<Plan & { position: number; document: string }>;
  decisionRules: Array<DecisionRule & { position: number; document: string }>;
  regionalFacts: Array<RegionalFact & { position: number; document: string }>;
  events: Array<DatedEvent & { position: number }>;
}

export const emptyRegionData = (): RegionData => ({
  files: [],
  documents: [],
  bodies: [],
  roles: [],
  reportingDuties: [],
  plans: [],
  decisionRules: [],
  regionalFacts: [],
  events: [],
});

/** Every document of a region by file name: its global id and title (what every citation is served with). */
export type DocumentNames = Map<string, { id: string; title: string }>;

/** The hash of one data file in the data version: its text and its document's version (its passages are served). */
export function dataFileHash(raw: string, documentText: string | null): string {
  return createHash('sha256')
    .update(raw)
    .update(`\n${documentText === null ? '' : documentVersion(documentText)}`)
    .digest('hex');
}

/**
 * Adds `document` (when absent), `documentId` and `documentTitle` to every Source object inside a
 * value (deep copy), from the region's documents by file name (the checks made sure they resolve).
 */
function withDocument<T>(value: T, document: string, names: DocumentNames): T {
  if (Array.isArray(value)) return value.map((v) => withDocument(v, document, names)) as T;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) out[k] = withDocument(v, document, names);
    if (typeof record.quote === 'string' && typeof record.section === 'string') {
      const file = typeof record.document === 'string' ? record.document : document;
      const named = names.get(file)!;
      Object.assign(out, { documentId: named.id, documentTitle: named.title, document: file });
    }
    return out as T;
  }
  return value;
}

/**
 * The rows of one data file of `region`, its facts numbered from `position` on. `text` is its source
 * document's text (null when the documents are not at hand), `sha256` the file's hash (dataFileHash).
 */
export function convertDataFile(region: string, rawData: DataFile, sha256: string, text: string | null, names: DocumentNames, position: number): RegionData {
  const g = (id: string | null | undefined) => (id ? `${region}:${id}` : (id ?? null));
  const reading = <T extends { basis?: 'STATED' | 'INFERRED'; basisNote?: string | null }>(x: T) => ({
    ...x,
    basis: x.basis ?? 'STATED',
    basisNote: x.basisNote ?? null,
  });
  const link = (p: NonNullable<DataFile['bodies'][number]['parent']>) => ({ ...reading(p), bodyId: g(p.bodyId)! });
  const dated = (d: { date: string; text: string }) => ({ ...d, precision: dateSpan(d.date)?.precision ?? null });
  const out = emptyRegionData();
  const doc = rawData.file;
  const data = withDocument(rawData, doc, names);
  const version = text === null ? null : documentVersion(text);
  out.files.push({ file: doc, sha256 });
  out.documents.push({
    ...data.document,
    id: names.get(doc)!.id,
    file: doc,
    version,
    textAvailable: text !== null,
    passages: text === null ? null : documentPassages(text, data.document.title),
  } as SourceDocument);
  for (const b of data.bodies) {
    out.bodies.push({
      ...b,
      id: g(b.id)!,
      regionCode: region,
      document: doc,
      parent: b.parent ? link(b.parent) : null,
      otherParents: (b.otherParents ?? []).map(link),
      composition: b.composition.map(reading),
      minutes: b.minutes ? reading(b.minutes) : null,
      position: position++,
    } as unknown as Body & { position: number });
  }
  for (const r of data.roles)
    out.roles.push({
      ...r,
      id: g(r.id)!,
      regionCode: region,
      servesBodyIds: r.servesBodyIds.map((id) => g(id)!),
      position: position++,
      document: doc,
    } as unknown as Role & { position: number; document: string });
  for (const d of data.reportingDuties)
    out.reportingDuties.push({
      ...d,
      id: g(d.id)!,
      regionCode: region,
      fromBodyId: g(d.fromBodyId),
      toBodyId: g(d.toBodyId),
      fromRoleId: g(d.fromRoleId),
      toRoleId: g(d.toRoleId),
      position: position++,
      document: doc,
    } as unknown as ReportingDuty & { position: number; document: string });
  for (const p of data.plans)
    out.plans.push({ ...p, id: g(p.id)!, regionCode: region, ownerBodyId: g(p.ownerBodyId), position: position++, document: doc } as unknown as Plan & {
      position: number;
      document: string;
    });
  for (const r of data.decisionRules)
    out.decisionRules.push({ ...r, id: g(r.id)!, regionCode: region, position: position++, document: doc } as unknown as DecisionRule & {
      position: number;
      document: string;
    });
  for (const f of data.regionalFacts)
    out.regionalFacts.push({ ...f, id: g(f.id)!, bodyId: g(f.bodyId), roleId: g(f.roleId), position: position++, document: doc } as unknown as RegionalFact & {
      position: number;
      document: string;
    });
  for (const e of data.events ?? []) {
    out.events.push({
      ...e,
      id: g(e.id)!,
      regionCode: region,
      bodyId: g(e.bodyId),
      planId: g(e.planId),
      from: dated(e.from),
      to: e.to ? dated(e.to) : null,
      position: position++,
      document: doc,
    } as unknown as DatedEvent & { position: number });
  }
  return out;
}

/** The facts of a file a `convertDataFile` call numbers: where the next file's positions begin. */
export const factCount = (f: DataFile) =>
  f.bodies.length + f.roles.length + f.reportingDuties.length + f.plans.length + f.decisionRules.length + f.regionalFacts.length + (f.events ?? []).length;
