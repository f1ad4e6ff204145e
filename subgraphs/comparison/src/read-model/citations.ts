/**
 * Every citation in a synced copy names its document by id and title. A region on the current
 * contract serves them on every Source; for a region on an older contract (documentId/documentTitle
 * in missingFields) they are taken from the region's own documents by file name: the document's id
 * when it has one, else its file name, and its title. Never a title the region did not serve.
 */
import type { SourceDocument } from '@samverkan/contract';
import type { RegionSnapshot } from './store';

type Named = Map<string, { id: string; title: string }>;

function complete(value: unknown, names: Named): unknown {
  if (Array.isArray(value)) return value.map((v) => complete(v, names));
  if (!value || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = complete(v, names);
  if (typeof record.quote === 'string' && typeof record.section === 'string' && typeof record.document === 'string') {
    const named = names.get(record.document);
    out.documentId ??= named?.id ?? record.document;
    out.documentTitle ??= named?.title ?? record.document;
  }
  return out;
}

/** The documents with their newer fields present (null when not served), and a completer of any list's citations by them. */
export function citationsBy(served: SourceDocument[]): { documents: SourceDocument[]; complete: <T>(list: T[]) => T[] } {
  const documents = served.map((d) => ({
    ...d,
    id: d.id ?? d.file,
    version: d.version ?? null,
    textAvailable: d.textAvailable ?? false,
    passages: d.passages ?? null,
  }));
  const names: Named = new Map(documents.map((d) => [d.file, { id: d.id, title: d.title }]));
  return { documents: complete(documents, names) as SourceDocument[], complete: <T>(list: T[]) => complete(list, names) as T[] };
}

/** The snapshot with documentId and documentTitle on every Source, and the documents' newer fields present (null when not served). */
export function withCitations(s: RegionSnapshot): RegionSnapshot {
  const { documents, complete: of } = citationsBy(s.documents);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) out[k] = k === 'documents' ? documents : Array.isArray(v) && k !== 'missingFields' ? of(v) : v;
  return out as unknown as RegionSnapshot;
}
