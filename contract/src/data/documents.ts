/**
 * What a source document's own text gives, computed, never written by hand: its version (a content
 * hash) and its passages (the paragraphs the comparison's search indexes). Every passage's text is a
 * verbatim substring of the document; its section is the nearest heading above it.
 */
import { createHash } from 'node:crypto';

export interface PassageData {
  /** 1, 2, 3 ... in document order. */
  ordinal: number;
  /** The nearest heading above the passage (its text, without Markdown marks); the title before any heading. */
  section: string;
  /** The paragraph, verbatim. */
  text: string;
}

/** The version of a document: the SHA-256 of its text (UTF-8), in hex. */
export function documentVersion(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const MARKDOWN_HEADING = /^#{1,6}\s+(.+?)\s*#*$/;
const BOLD_LINE = /^\*\*(.+)\*\*$/;

/**
 * A block that is a heading: a Markdown heading, or one short line that does not end a sentence and
 * is no list item or table-of-contents entry ("Bakgrund", "Giltighetstid", "Sammansättning").
 */
function headingOf(block: string): string | null {
  const lines = block.split('\n');
  if (lines.length !== 1) return null;
  const line = lines[0]!.trim();
  const md = MARKDOWN_HEADING.exec(line);
  if (md) return md[1]!.replace(BOLD_LINE, '$1');
  if (line.length > 90 || /[.:;,!?]$/.test(line) || /^[-*•\d]/.test(line) || line.includes('\t')) return null;
  return line.replace(BOLD_LINE, '$1');
}

/**
 * The document's passages: blocks of text between blank lines, headings excepted (they name the
 * section of the passages under them). Line breaks inside a passage are kept, so it stays a substring.
 */
export function documentPassages(text: string, title: string): PassageData[] {
  const out: PassageData[] = [];
  let section = title;
  const normalized = text.replace(/\r\n?/g, '\n');
  for (const raw of normalized.split(/\n[ \t\u00a0]*\n/)) {
    const block = raw.replace(/^[ \t\u00a0\n]+|[ \t\u00a0\n]+$/g, '');
    if (!block) continue;
    const heading = headingOf(block);
    if (heading) {
      section = heading;
      continue;
    }
    out.push({ ordinal: out.length + 1, section, text: block });
  }
  return out;
}
