/**
 * Checks a region's data files beyond their JSON schema: ids are unique, references resolve,
 * every quote is an exact substring of its document, every section heading stands in it, and every
 * normalized number is what the frequency normalizer makes of the verbatim phrase.
 *
 * Every problem is one line that names where it is (a JSON path such as `$.bodies[2].cadence`) and
 * the offending text; `checkRegionData` (load.ts) puts the data file's name in front.
 */
import { normalizeFrequency } from '../frequency';
import type { CadenceData, DataFile, SourceData as Source } from './schema';

export const SECTION_SEPARATOR = ' > ';

/** A text for a message: quoted, on one line, cut at 160 characters. */
export function excerpt(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const line = text.replace(/\s+/g, ' ');
  return JSON.stringify(line.length > 160 ? `${line.slice(0, 157)}...` : line);
}

/** Every Source object anywhere inside a value, with a JSON-path-like location. */
const SOURCE_KEYS = new Set(['section', 'quote', 'document']);

export function collectSources(value: unknown, path = '$', out: Array<{ path: string; source: Source }> = []) {
  if (Array.isArray(value)) value.forEach((v, i) => collectSources(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.quote === 'string' && typeof record.section === 'string' && Object.keys(record).every((k) => SOURCE_KEYS.has(k))) {
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

/**
 * Problems in one data file, given its document's text. A source that names another document
 * (`source.document`) is checked against that one, read with `readDocument` (undefined: not found).
 * An empty list means the file is sound.
 */
export function checkAgainstDocument(data: DataFile, documentText: string, readDocument: (file: string) => string | undefined = () => undefined): string[] {
  const problems: string[] = [];
  for (const { path, source } of collectSources(data)) {
    const file = source.document ?? data.file;
    const text = file === data.file ? documentText : readDocument(file);
    if (text === undefined) {
      problems.push(`${path}.document: source document ${excerpt(file)} is not in docs/sources`);
      continue;
    }
    if (!text.includes(source.quote)) problems.push(`${path}.quote: not in ${file}: ${excerpt(source.quote)}`);
    for (const heading of source.section.split(SECTION_SEPARATOR)) {
      if (!text.includes(heading)) problems.push(`${path}.section: heading ${excerpt(heading)} is not in ${file}`);
    }
  }
  for (const { path, cadence } of collectCadences(data)) {
    if (!cadence.source.quote.includes(cadence.text)) problems.push(`${path}.text: not part of its quote ${excerpt(cadence.source.quote)}: ${excerpt(cadence.text)}`);
    problems.push(...checkCadenceNumbers(path, cadence));
  }
  return problems;
}

/** The cadence's numbers against what the normalizer makes of its text (no document needed). */
export function checkCadenceNumbers(path: string, cadence: CadenceData): string[] {
  const n = normalizeFrequency(cadence.text);
  const fields = ['minPerYear', 'maxPerYear', 'approximate', 'whenNeeded'] as const;
  const wrong = fields.filter((f) => n[f] !== cadence[f]);
  if (!wrong.length) return [];
  const said = (o: Pick<CadenceData, (typeof fields)[number]>) => wrong.map((f) => `${f} ${o[f]}`).join(', ');
  return [`${path}: ${excerpt(cadence.text)} normalizes to ${said(n)}; the data says ${said(cadence)}`];
}

/**
 * Problems across all of one region's files: unique ids and resolvable references. `names` are the
 * data files' names for the messages (by default, the document's name with .json).
 */
export function checkReferences(files: DataFile[], names: string[] = files.map((f) => f.file.replace(/\.txt$/, '.json'))): string[] {
  const problems: string[] = [];
  const bodies = new Set<string>();
  const roles = new Set<string>();
  const seen = new Map<string, string>();
  files.forEach((f, i) => {
    const claim = (kind: string, list: Array<{ id: string }>, key: keyof DataFile) => list.forEach((x, j) => {
      const where = `${names[i]}: $.${String(key)}[${j}].id`;
      const before = seen.get(`${kind}:${x.id}`);
      if (before) problems.push(`${where}: duplicate ${kind} id ${excerpt(x.id)} (also ${before})`);
      else seen.set(`${kind}:${x.id}`, where);
    });
    claim('body', f.bodies, 'bodies');
    claim('role', f.roles, 'roles');
    claim('reportingDuty', f.reportingDuties, 'reportingDuties');
    claim('plan', f.plans, 'plans');
    claim('decisionRule', f.decisionRules, 'decisionRules');
    claim('regionalFact', f.regionalFacts, 'regionalFacts');
    f.bodies.forEach((b) => bodies.add(b.id));
    f.roles.forEach((r) => roles.add(r.id));
  });
  files.forEach((f, i) => {
    const ref = (known: Set<string>, kind: string, path: string, id: string | null | undefined) => {
      if (id && !known.has(id)) problems.push(`${names[i]}: ${path}: unknown ${kind} id ${excerpt(id)}`);
    };
    f.bodies.forEach((b, j) => ref(bodies, 'body', `$.bodies[${j}].parent.bodyId`, b.parent?.bodyId));
    f.roles.forEach((r, j) => r.servesBodyIds.forEach((id, k) => ref(bodies, 'body', `$.roles[${j}].servesBodyIds[${k}]`, id)));
    f.reportingDuties.forEach((d, j) => {
      ref(bodies, 'body', `$.reportingDuties[${j}].fromBodyId`, d.fromBodyId);
      ref(bodies, 'body', `$.reportingDuties[${j}].toBodyId`, d.toBodyId);
      ref(roles, 'role', `$.reportingDuties[${j}].fromRoleId`, d.fromRoleId);
      ref(roles, 'role', `$.reportingDuties[${j}].toRoleId`, d.toRoleId);
    });
    f.plans.forEach((p, j) => ref(bodies, 'body', `$.plans[${j}].ownerBodyId`, p.ownerBodyId));
  });
  return problems;
}

/**
 * Problems with the documents of one region: document ids are unique, a source that names another
 * document names one of this region's data files (its id and title are served with every citation),
 * and a validity's text and dates stand in its quote.
 */
export function checkDocumentRefs(files: DataFile[], names: string[] = files.map((f) => f.file.replace(/\.txt$/, '.json'))): string[] {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  const known = new Set(files.map((f) => f.file));
  files.forEach((f, i) => {
    const before = ids.get(f.document.id);
    if (before) problems.push(`${names[i]}: $.document.id: duplicate document id ${excerpt(f.document.id)} (also ${before})`);
    else ids.set(f.document.id, names[i]!);
    for (const { path, source } of collectSources(f)) {
      if (source.document && !known.has(source.document)) problems.push(`${names[i]}: ${path}.document: ${excerpt(source.document)} is not one of this region's data files' documents`);
    }
    const v = f.document.validity;
    if (v) {
      for (const part of [v.text, v.from, v.to]) {
        if (part && !v.source.quote.includes(part)) problems.push(`${names[i]}: $.document.validity: ${excerpt(part)} is not in its quote ${excerpt(v.source.quote)}`);
      }
    }
  });
  return problems;
}
