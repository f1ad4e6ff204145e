/**
 * Offices a body's data states directly (chair, vice-chair, convener, minutes keeper), read as
 * canonical role kinds: the data already says which field it is, so no wording is interpreted here.
 */
import type { Body, Source } from '@samverkan/contract';

export type OfficeKind = 'CHAIR' | 'VICE_CHAIR' | 'CONVENER' | 'SECRETARY';

export interface BodyOffice {
  kind: OfficeKind;
  body: Body;
  /** The holder as the document names it (Office.holder, DutyHolder.who, MinutesRule.keeper). */
  holder: string | null;
  selection: string | null;
  term: string | null;
  rotation: string | null;
  note: string | null;
  source: Source;
}

export function bodyOffices(body: Body): BodyOffice[] {
  const out: BodyOffice[] = [];
  const office = (kind: OfficeKind, o: Body['chair']) => {
    if (o)
      out.push({
        kind,
        body,
        holder: o.holder ?? null,
        selection: o.selection ?? null,
        term: o.term ?? null,
        rotation: o.rotation ?? null,
        note: o.note ?? null,
        source: o.source,
      });
  };
  office('CHAIR', body.chair);
  office('VICE_CHAIR', body.viceChair);
  if (body.convener) {
    out.push({
      kind: 'CONVENER',
      body,
      holder: body.convener.who,
      selection: null,
      term: null,
      rotation: null,
      note: body.convener.note ?? null,
      source: body.convener.source,
    });
  }
  if (body.minutes?.keeper) {
    out.push({
      kind: 'SECRETARY',
      body,
      holder: body.minutes.keeper,
      selection: null,
      term: null,
      rotation: null,
      note: body.minutes.note ?? null,
      source: body.minutes.source,
    });
  }
  return out;
}

/** Canonical role kinds present at a body: the kinds of the roles serving it, plus the offices its own data states. */
export function roleKindsOfBody(body: Body, servingKinds: Iterable<string>): Set<string> {
  const kinds = new Set<string>(servingKinds);
  for (const o of bodyOffices(body)) kinds.add(o.kind);
  return kinds;
}
