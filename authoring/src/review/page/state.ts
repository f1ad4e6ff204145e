/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The page's state: the session from the server, the data under review (changed in place), the last
 * problems of the checks, and the calls to the server's JSON API.
 */
import { factsOf, type Fact, type Json, type Problem } from '../model';

export interface Block {
  start: number;
  end: number;
  heading: string | null;
}
export interface Session {
  region: string;
  regionName: string;
  file: string;
  name: string;
  origin: string;
  target: string;
  documentText: string;
  blocks: Block[];
  enums: Record<string, string[]>;
  data: Json;
}

export const state = {
  session: null as unknown as Session,
  data: {} as Json,
  problems: [] as Problem[],
  facts: [] as Fact[],
  /** The fact shown as current in both panes. */
  current: null as string | null,
  /** Changes since the last save. */
  dirty: false,
};

export const refreshFacts = () => {
  state.facts = factsOf(state.data);
};

async function call(path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

export async function loadSession(): Promise<void> {
  const { json } = await call('api/session');
  state.session = json as Session;
  state.data = state.session.data;
  refreshFacts();
}

/** The problems the checks find in `data` (every proposal counted as accepted). */
export async function check(data: Json): Promise<Problem[]> {
  const { status, json } = await call('api/check', { data });
  if (status !== 200) return [{ path: null, message: json.error ?? `check failed (${status})` }];
  return json.problems as Problem[];
}

export async function save(): Promise<{ ok: boolean; message: string; problems: Problem[] }> {
  const { status, json } = await call('api/save', { data: state.data });
  if (status === 200) {
    const left = json.proposalsLeftOut ? ` ${json.proposalsLeftOut} proposal${json.proposalsLeftOut === 1 ? '' : 's'} not yet accepted left out.` : '';
    return { ok: true, message: `Saved ${json.saved}.${left} Federation: ${json.restart}.`, problems: [] };
  }
  return { ok: false, message: `Not saved: ${json.error}`, problems: (json.problems as Problem[] | undefined) ?? [] };
}

/** The heading the selection at `offset` stands under: the section a new fact gets. */
export function sectionAt(offset: number): string {
  let section: string | null = null;
  for (const b of state.session.blocks) if (b.heading && b.start <= offset) section = b.heading;
  return section ?? String((state.data.document as Json | undefined)?.title ?? '');
}
