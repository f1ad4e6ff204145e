/**
 * Checks a region's data files beyond their JSON schema: ids are unique, references resolve,
 * every quote is an exact substring of its document, every section heading stands in it, and every
 * normalized number is what the frequency normalizer makes of the verbatim phrase.
 *
 * Every problem is one line that names where it is (a JSON path such as `$.bodies[2].cadence`) and
 * the offending text; `checkRegionData` (load.ts) puts the data file's name in front.
 */
import { normalizeFrequency } from '../frequency';
import { OFFICE_FACTS, type CadenceData, type DataFile, type SourceData as Source } from './schema';
import { dateSpan } from '../history/dates';

export const SECTION_SEPARATOR = ' > ';

/** A text for a message: quoted, on one line, cut at 160 characters. */
export function excerpt(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const line = text.replace(/\s+/g, ' ');
  return JSON.stringify(line.length > 160 ? `${line.slice(0, 157)}...` : line);
}

/** Every Source object anywhere inside a value, with a JSON-path-like location. */
const SOURCE_KEYS = new Set(['section', 'quote', 'document', 'draft']);

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
  (data.events ?? []).forEach((e, i) => {
    for (const end of ['from', 'to'] as const) {
      const d = e[end];
      if (!d) continue;
      const where = `$.events[${i}].${end}`;
      if (!e.source.quote.includes(d.text)) problems.push(`${where}.text: not part of its quote ${excerpt(e.source.quote)}: ${excerpt(d.text)}`);
      if (!d.text.includes(d.date.slice(0, 4))) problems.push(`${where}.date: the year of ${excerpt(d.date)} is not in its text ${excerpt(d.text)}`);
    }
    if (e.to && dateSpan(e.to.date) && dateSpan(e.from.date) && dateSpan(e.to.date)!.end < dateSpan(e.from.date)!.start) {
      problems.push(`$.events[${i}].to.date: ${excerpt(e.to.date)} is before from ${excerpt(e.from.date)}`);
    }
  });
  problems.push(...checkOfficeFacts(data));
  for (const { path, cadence } of collectCadences(data)) {
    if (!cadence.source.quote.includes(cadence.text))
      problems.push(`${path}.text: not part of its quote ${excerpt(cadence.source.quote)}: ${excerpt(cadence.text)}`);
    problems.push(...checkCadenceNumbers(path, cadence));
  }
  return problems;
}

/**
 * Each fact an office states (holder, selection, term, rotation) stands verbatim in its own quote
 * (`<field>Source`, else the office's `source`): only a capital first letter may differ, so no
 * paraphrase is ever served as the document's words.
 */
export function checkOfficeFacts(data: DataFile): string[] {
  const lower = (s: string) => s.toLocaleLowerCase('sv');
  return data.bodies.flatMap((b, i) =>
    (['chair', 'viceChair'] as const).flatMap((office) => {
      const o = b[office];
      if (!o) return [];
      return OFFICE_FACTS.flatMap((field) => {
        const value = o[field];
        const quote = (o[`${field}Source`] ?? o.source).quote;
        if (!value || quote.includes(value) || lower(quote).includes(lower(value))) return [];
        return [`$.bodies[${i}].${office}.${field}: not verbatim in its quote ${excerpt(quote)}: ${excerpt(value)}`];
      });
    }),
  );
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

/** A data file's lists of facts with ids, each with the kind of id its entries claim (unique per region). */
export const DATA_FILE_FACT_LISTS = [
  ['body', 'bodies'],
  ['role', 'roles'],
  ['reportingDuty', 'reportingDuties'],
  ['plan', 'plans'],
  ['decisionRule', 'decisionRules'],
  ['regionalFact', 'regionalFacts'],
  ['event', 'events'],
] as const satisfies ReadonlyArray<readonly [string, keyof DataFile]>;
type IdKind = (typeof DATA_FILE_FACT_LISTS)[number][0];
const CLAIMS = DATA_FILE_FACT_LISTS;
/** A place in a file (file index and list index) as one number: a region's ids cost no strings beyond themselves. */
const SLOT = 2 ** 24;

/**
 * The checks across one region's files, fed one file at a time (`add`), so that the files need not be
 * in memory together: it keeps ids with where they stand (as numbers), the references that did not
 * resolve yet, and the few sources that name another document, never the facts. `referenceProblems()`
 * and `documentProblems()` are what `checkReferences` and `checkDocumentRefs` say, in the same order.
 */
export class CrossFileCheck {
  private readonly names: string[] = [];
  private readonly ids = new Map<IdKind, Map<string, number>>(CLAIMS.map(([kind]) => [kind, new Map()]));
  private readonly duplicates: string[] = [];
  private readonly unresolved: Array<{ file: number; kind: 'body' | 'role' | 'plan'; path: string; id: string }> = [];
  private readonly documentIds = new Map<string, string>();
  private readonly documentFiles = new Set<string>();
  private readonly perFile: Array<{ duplicate: string | null; otherDocuments: Array<{ path: string; document: string }>; validity: string[] }> = [];

  /** `name`: the data file's name in messages. */
  add(f: DataFile, name: string = f.file.replace(/\.txt$/, '.json')): void {
    const i = this.names.push(name) - 1;
    for (const [kind, key] of CLAIMS) {
      const known = this.ids.get(kind)!;
      ((f[key] ?? []) as Array<{ id: string }>).forEach((x, j) => {
        const before = known.get(x.id);
        if (before === undefined) known.set(x.id, i * SLOT + j);
        else
          this.duplicates.push(
            `${name}: $.${key}[${j}].id: duplicate ${kind} id ${excerpt(x.id)} (also ${this.names[Math.floor(before / SLOT)]}: $.${key}[${before % SLOT}].id)`,
          );
      });
    }
    const ref = (kind: 'body' | 'role' | 'plan', path: string, id: string | null | undefined) => {
      if (id && !this.ids.get(kind)!.has(id)) this.unresolved.push({ file: i, kind, path, id });
    };
    f.bodies.forEach((b, j) => ref('body', `$.bodies[${j}].parent.bodyId`, b.parent?.bodyId));
    f.bodies.forEach((b, j) => (b.otherParents ?? []).forEach((p, k) => ref('body', `$.bodies[${j}].otherParents[${k}].bodyId`, p.bodyId)));
    f.roles.forEach((r, j) => r.servesBodyIds.forEach((id, k) => ref('body', `$.roles[${j}].servesBodyIds[${k}]`, id)));
    f.reportingDuties.forEach((d, j) => {
      ref('body', `$.reportingDuties[${j}].fromBodyId`, d.fromBodyId);
      ref('body', `$.reportingDuties[${j}].toBodyId`, d.toBodyId);
      ref('role', `$.reportingDuties[${j}].fromRoleId`, d.fromRoleId);
      ref('role', `$.reportingDuties[${j}].toRoleId`, d.toRoleId);
    });
    f.plans.forEach((p, j) => ref('body', `$.plans[${j}].ownerBodyId`, p.ownerBodyId));
    (f.events ?? []).forEach((e, j) => {
      ref('body', `$.events[${j}].bodyId`, e.bodyId);
      ref('plan', `$.events[${j}].planId`, e.planId);
    });
    f.regionalFacts.forEach((r, j) => {
      ref('body', `$.regionalFacts[${j}].bodyId`, r.bodyId);
      ref('role', `$.regionalFacts[${j}].roleId`, r.roleId);
    });

    const before = this.documentIds.get(f.document.id);
    if (!before) this.documentIds.set(f.document.id, name);
    this.documentFiles.add(f.file);
    const validity: string[] = [];
    const v = f.document.validity;
    for (const part of v ? [v.text, v.from, v.to] : []) {
      if (part && !v!.source.quote.includes(part))
        validity.push(`${name}: $.document.validity: ${excerpt(part)} is not in its quote ${excerpt(v!.source.quote)}`);
    }
    this.perFile.push({
      duplicate: before ? `${name}: $.document.id: duplicate document id ${excerpt(f.document.id)} (also ${before})` : null,
      otherDocuments: collectSources(f)
        .filter(({ source }) => source.document)
        .map(({ path, source }) => ({ path, document: source.document! })),
      validity,
    });
  }

  /** Duplicate ids, then references that resolve in none of the files. */
  referenceProblems(): string[] {
    const open = this.unresolved.filter((r) => !this.ids.get(r.kind)!.has(r.id));
    return [...this.duplicates, ...open.map((r) => `${this.names[r.file]}: ${r.path}: unknown ${r.kind} id ${excerpt(r.id)}`)];
  }

  /** Per file: a duplicate document id, sources naming a document no file of the region is about, a validity not in its quote. */
  documentProblems(): string[] {
    return this.perFile.flatMap((p, i) => [
      ...(p.duplicate ? [p.duplicate] : []),
      ...p.otherDocuments
        .filter((o) => !this.documentFiles.has(o.document))
        .map((o) => `${this.names[i]}: ${o.path}.document: ${excerpt(o.document)} is not one of this region's data files' documents`),
      ...p.validity,
    ]);
  }
}

/**
 * Problems across all of one region's files: unique ids and resolvable references. `names` are the
 * data files' names for the messages (by default, the document's name with .json).
 */
export function checkReferences(files: DataFile[], names: string[] = files.map((f) => f.file.replace(/\.txt$/, '.json'))): string[] {
  const check = new CrossFileCheck();
  files.forEach((f, i) => check.add(f, names[i]));
  return check.referenceProblems();
}

/**
 * Problems with the documents of one region: document ids are unique, a source that names another
 * document names one of this region's data files (its id and title are served with every citation),
 * and a validity's text and dates stand in its quote.
 */
export function checkDocumentRefs(files: DataFile[], names: string[] = files.map((f) => f.file.replace(/\.txt$/, '.json'))): string[] {
  const check = new CrossFileCheck();
  files.forEach((f, i) => check.add(f, names[i]));
  return check.documentProblems();
}
