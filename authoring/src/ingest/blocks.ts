/**
 * The normalized text every format is read into, as blocks: a heading is one line of Markdown marks
 * ("## Bakgrund"), a paragraph is one block, a list is its items one per line ("- item", "1. item"),
 * a table is its rows one per line with the cells separated by a tab. Blocks stand apart by one blank
 * line. Words are never changed here: what the formats give is written as it is.
 */

export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; rows: string[][] };

/** Between the cells of a table row. */
export const CELL_SEPARATOR = '\t';

/**
 * A table-of-contents entry: a title, dotted leaders (or an ellipsis run) and a page number at the end;
 * or, as Word writes its contents (the leaders are the tab's), a title, a tab and a page number.
 */
export const TOC_ENTRY = /^\S.*?\s*(?:\.\s*){4,}\s*\d{1,4}$|^\S.*?\s*…{2,}\s*\d{1,4}$|^\S.*\t\s*\d{1,4}$/;

/** The heading words a table of contents stands under. */
export const TOC_HEADING = /^(innehåll|innehållsförteckning|contents|table of contents)$/i;

/** A list item's own text as a line: unordered "- item", ordered "3. item"; nested ones indented by two spaces per level. */
export const listItem = (text: string, ordinal: number | null, depth = 0) => `${'  '.repeat(depth)}${ordinal === null ? '-' : `${ordinal}.`} ${text}`;

/** The blocks as the normalized text: blocks apart by a blank line, one newline at the end. */
export function renderBlocks(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') out.push(`${'#'.repeat(Math.min(6, Math.max(1, b.level)))} ${b.text}`);
    else if (b.kind === 'paragraph') out.push(b.text);
    else if (b.kind === 'list') out.push(b.items.join('\n'));
    else out.push(b.rows.map((r) => r.join(CELL_SEPARATOR)).join('\n'));
  }
  const text = out.filter((s) => s.trim() !== '').join('\n\n');
  return text ? `${text}\n` : '';
}

/** Drops a table of contents: entries with dotted leaders and a page number, and the "Innehåll" heading right above them. */
export function dropTableOfContents(blocks: Block[], dropped: string[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const lines = b.kind === 'heading' || b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items : b.rows.map((r) => r.join(' '));
    const entries = lines.filter((l) => TOC_ENTRY.test(l.trim()));
    if (entries.length && entries.length === lines.length) {
      const last = out[out.length - 1];
      if ((last?.kind === 'heading' || last?.kind === 'paragraph') && TOC_HEADING.test(last.text.trim())) {
        out.pop();
        dropped.push(last.text);
      }
      dropped.push(...entries);
      continue;
    }
    out.push(b);
  }
  return out;
}
