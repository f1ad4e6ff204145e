/**
 * The document as the page shows it: its blocks (text between blank lines) with their offsets in the
 * text, each a heading or a passage as the contract reads them (contract/src/data/documents.ts), so
 * the section the page fills in for a new fact is the heading the checks and the search know.
 */
import { documentPassages } from '@samverkan/contract';

export interface Block {
  start: number;
  end: number;
  /** The heading's words (without Markdown marks) when the block is a heading. */
  heading: string | null;
}

export function documentBlocks(text: string): Block[] {
  const out: Block[] = [];
  const separator = /\n[ \t\u00a0]*\n/g;
  let from = 0;
  const add = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const block = raw.trim();
    if (!block) return;
    // documentPassages drops a heading block and names the section of what follows with it.
    const heading = documentPassages(block, '').length === 0 ? documentPassages(`${block}\n\nx.`, '')[0]!.section : null;
    out.push({ start: start + lead, end: start + lead + block.length, heading });
  };
  for (const m of text.matchAll(separator)) {
    add(from, m.index);
    from = m.index + m[0].length;
  }
  add(from, text.length);
  return out;
}
