/**
 * The review's view of a data file, shared by the page and its server (no Node, no DOM): every fact
 * (an object with a `source`, or a bare Source such as `levelSource`) with its JSON path, its kind,
 * the body it is grouped under, and the draft stage's mark (`draft: { rule, confidence }`) when it is
 * still a proposal. Accepting drops the mark; rejecting removes the fact; saving leaves out what is
 * still a proposal.
 */
export type Json = Record<string, unknown>;
export type Path = Array<string | number>;
export interface DraftMark {
  rule: string;
  confidence: number;
}

export interface Fact {
  /** Its JSON path as check-data writes it: `$.bodies[2].cadence`. */
  key: string;
  path: Path;
  /** Where it stands: `purposes`, `cadence`, `roles`, `reportingDuties` ... (the field or list that holds it). */
  slot: string;
  value: Json;
  /** The body it is shown under (its index in `bodies`), or null: the document and facts of no body. */
  body: number | null;
  quote: string | null;
  section: string | null;
  draft: DraftMark | null;
}

export const pathKey = (path: Path) => `$${path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSource = (v: Json) => typeof v.quote === 'string' && typeof v.section === 'string' && !('text' in v) && !('who' in v);

/** The source of a fact: its `source`, or itself when it is a bare Source. */
export function sourceOf(value: Json): Json | null {
  if (isSource(value)) return value;
  return isObject(value.source) ? value.source : null;
}

export function valueAt(data: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), data);
}

/** The slot a path ends in: the field that holds the fact, for a list item the list. */
const slotOf = (path: Path) => String(typeof path.at(-1) === 'number' ? path.at(-2) : path.at(-1));

/** The body a top-level fact is about, by its references. */
function bodyOfTopLevel(data: Json, path: Path): number | null {
  const bodies = (data.bodies as Json[] | undefined) ?? [];
  const byId = (id: unknown) => (typeof id === 'string' ? bodies.findIndex((b) => b.id === id) : -1);
  const item = valueAt(data, path.slice(0, 2)) as Json | undefined;
  if (!item) return null;
  const roleBody = (roleId: unknown) => {
    const role = ((data.roles as Json[] | undefined) ?? []).find((r) => r.id === roleId);
    return role ? byId((role.servesBodyIds as string[] | undefined)?.[0]) : -1;
  };
  const candidates = [(item.servesBodyIds as string[] | undefined)?.[0], item.fromBodyId, item.toBodyId, item.ownerBodyId, item.bodyId].map(byId);
  const found = candidates.find((i) => i >= 0) ?? roleBody(item.roleId ?? item.fromRoleId ?? item.toRoleId);
  return found >= 0 ? found : null;
}

/**
 * The draft stage marks a proposal on its Source (`source.draft`, `levelSource.draft` ..., where the
 * data schema allows it); the page marks the fact itself. Moves each mark of a Source held in a field
 * onto the object holding that field (a bare Source in a list keeps its own). In place; returns `data`.
 */
export function liftDraftMarks(data: Json): Json {
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!isObject(value)) return;
    for (const v of Object.values(value)) {
      if (isObject(v) && isSource(v) && isObject(v.draft)) {
        value.draft ??= v.draft;
        delete v.draft;
      }
      walk(v);
    }
  };
  walk(data);
  return data;
}

/** Every fact of a data file, in file order. */
export function factsOf(data: Json): Fact[] {
  const out: Fact[] = [];
  const walk = (value: unknown, path: Path) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, [...path, i]));
    if (!isObject(value)) return;
    const source = sourceOf(value);
    if (source && path.length > 0) {
      const body = path[0] === 'bodies' ? (path[1] as number) : path[0] === 'document' ? null : bodyOfTopLevel(data, path);
      out.push({
        key: pathKey(path),
        path,
        slot: slotOf(path),
        value,
        body,
        quote: typeof source.quote === 'string' ? source.quote : null,
        section: typeof source.section === 'string' ? source.section : null,
        draft: isObject(value.draft) ? (value.draft as unknown as DraftMark) : null,
      });
    }
    if (source && isSource(value)) return;
    for (const [k, v] of Object.entries(value)) if (k !== 'source' && k !== 'draft') walk(v, [...path, k]);
  };
  walk(data, []);
  return out;
}

/** A fact's one-line summary: its main words, in the document's Swedish. */
export function summaryOf(value: Json): string {
  for (const k of ['name', 'title', 'text', 'who', 'function', 'holder', 'description', 'fromText', 'selection', 'rule']) {
    if (typeof value[k] === 'string' && value[k]) return value[k] as string;
  }
  return typeof value.quote === 'string' ? value.quote : '';
}

/** Takes the fact at `path` out of the data: out of its list, or its field set to null (substitutes: not stated). */
export function removeAt(data: Json, path: Path): void {
  const parent = valueAt(data, path.slice(0, -1));
  const last = path.at(-1)!;
  if (Array.isArray(parent)) parent.splice(last as number, 1);
  else if (isObject(parent)) parent[last] = last === 'substitutes' ? { rule: 'NOT_STATED', source: null } : null;
}

/** Accepts the fact at `path` and what it stands in (a proposed body with it). */
export function acceptAt(data: Json, path: Path): void {
  for (let n = path.length; n > 0; n--) {
    const v = valueAt(data, path.slice(0, n));
    if (isObject(v)) delete v.draft;
  }
}

/** Every object carrying a draft mark, deepest first, so that removing one never shifts another's path. */
function marked(data: Json): Path[] {
  const out: Path[] = [];
  const walk = (value: unknown, path: Path) => {
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) walk(value[i], [...path, i]);
      return;
    }
    if (!isObject(value)) return;
    for (const [k, v] of Object.entries(value)) if (k !== 'draft') walk(v, [...path, k]);
    if (isObject(value.draft)) out.push(path);
  };
  walk(data, []);
  return out;
}

/** What is written: the proposals nobody accepted are left out, and no draft mark stays. */
export function withoutProposals(data: Json): Json {
  const copy = structuredClone(data);
  for (const path of marked(copy)) if (path.length > 1) removeAt(copy, path);
  delete copy.draft;
  return copy;
}

/** The data as it would be if every proposal were accepted: what the checks look at while reviewing. */
export function withoutMarks(data: Json): Json {
  const copy = structuredClone(data);
  for (const path of marked(copy)) delete (valueAt(copy, path) as Json).draft;
  return copy;
}

export const countProposals = (data: Json) => marked(data).length;

/** A lower-case kebab slug from words, unique among `taken`. */
export function slug(words: string, taken: ReadonlySet<string>): string {
  const base =
    words
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .split('-')
      .filter(Boolean)
      .slice(0, 5)
      .join('-') || 'fact';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** One problem of the checks, split into the JSON path it names (null: the file as a whole) and the message. */
export interface Problem {
  path: string | null;
  message: string;
}

/** The fact a problem is about: the fact whose path is the longest prefix of the problem's. */
export function factOfProblem(facts: Fact[], problemPath: string): Fact | undefined {
  let best: Fact | undefined;
  for (const f of facts) {
    const next = problemPath.charAt(f.key.length);
    if (problemPath.startsWith(f.key) && (next === '' || next === '.' || next === '[') && (!best || f.key.length > best.key.length)) best = f;
  }
  return best;
}
