/**
 * Search hits grouped by the passage they stand in: one sentence is often the evidence of a body, a
 * decision rule, a reporting duty and the document passage itself. A fact's quote belongs to the
 * passage hit (same region and document) whose text contains it; otherwise hits group by their quote.
 * Groups keep the order of their best hit.
 */
export interface GroupableHit {
  regionCode: string;
  kind: string;
  id: string;
  source: { documentId: string; quote: string };
}

export interface HitGroup<H extends GroupableHit> {
  key: string;
  lead: H;
  members: H[];
}

export function groupHits<H extends GroupableHit>(hits: readonly H[]): Array<HitGroup<H>> {
  const passages = hits.filter((h) => h.kind === 'DOCUMENT_PASSAGE');
  const keyOf = (h: H) => {
    const passage =
      h.kind === 'DOCUMENT_PASSAGE'
        ? h
        : passages.find((p) => p.regionCode === h.regionCode && p.source.documentId === h.source.documentId && p.source.quote.includes(h.source.quote));
    return passage ? `passage:${passage.regionCode}:${passage.id}` : `quote:${h.regionCode}:${h.source.documentId}:${h.source.quote}`;
  };
  const groups = new Map<string, HitGroup<H>>();
  for (const h of hits) {
    const key = keyOf(h);
    const group = groups.get(key);
    if (group) group.members.push(h);
    else groups.set(key, { key, lead: h, members: [h] });
  }
  return [...groups.values()];
}
