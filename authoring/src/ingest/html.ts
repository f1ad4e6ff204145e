/**
 * HTML to blocks with parse5 (a web page, and a Word document after mammoth made it HTML): h1-h6 are
 * headings, ul/ol items list items, table rows one line each with tab-separated cells, every other
 * block element a paragraph. Inline: em/i as *x*, strong/b as **x**, a link as [text](url), with "#"
 * for a link inside the page. Whitespace is collapsed as a browser shows it; the words are kept.
 * Scripts, styles, navigation and forms are no document text and are left out.
 */
import { parse } from 'parse5';
import { type Block, dropTableOfContents, listItem, TOC_HEADING } from './blocks';

interface Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  content?: Node;
}

const SKIP = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'svg', 'iframe', 'form', 'button', 'select', 'textarea', 'object', 'canvas']);
const BLOCK = new Set([
  'html',
  'body',
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'blockquote',
  'figure',
  'figcaption',
  'address',
  'dl',
  'dt',
  'dd',
  'pre',
  'hr',
  'fieldset',
  'details',
  'summary',
  'center',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'table',
  'caption',
]);
const HEADING = /^h([1-6])$/;

const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value;
const children = (n: Node) => n.childNodes ?? [];
const isElement = (n: Node) => typeof n.tagName === 'string';

/** `s` between `marker`s, with its outer spaces outside them; nothing for an empty `s`. */
function wrap(marker: string, s: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(s)!;
  return m[2] ? `${m[1]}${marker}${m[2]}${marker}${m[3]}` : s;
}

/** A link target as the normalized text writes it: a web address as it is, anything inside the page or document as "#". */
const target = (href: string | undefined) => (href && /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : '#');

/** Inline content as text; `plain` leaves out the emphasis and link marks (headings, table cells keep their words only). */
function inline(n: Node, plain: boolean): string {
  if (n.nodeName === '#text') return (n.value ?? '').replace(/[ \t\n\r\f]+/g, ' ');
  if (!isElement(n) || SKIP.has(n.tagName!)) return '';
  const inner = () =>
    children(n)
      .map((c) => inline(c, plain))
      .join('');
  switch (n.tagName) {
    case 'br':
      return '\n';
    case 'img':
      return '';
    case 'em':
    case 'i':
      return plain ? inner() : wrap('*', inner());
    case 'strong':
    case 'b':
      return plain ? inner() : wrap('**', inner());
    case 'a': {
      const t = inner();
      if (plain || attr(n, 'href') === undefined || !t.trim()) return t;
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(t)!;
      return `${m[1]}[${m[2]}](${target(attr(n, 'href'))})${m[3]}`;
    }
    default:
      return BLOCK.has(n.tagName!) ? ` ${inner()} ` : inner();
  }
}

/** Collapsed text: single spaces, no space around a line break, trimmed. */
const tidy = (s: string) =>
  s
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, ' ').replace(/^ +| +$/g, ''))
    .filter((l, i, all) => l || (i > 0 && i < all.length - 1))
    .join('\n')
    .trim();

/** A Word contents entry as mammoth writes it: a paragraph that is one link to a "_Toc" bookmark. */
function isWordContentsEntry(p: Node): boolean {
  const parts = children(p).filter((c) => !(c.nodeName === '#text' && !c.value?.trim()));
  return parts.length === 1 && parts[0]!.tagName === 'a' && /^#_Toc/.test(attr(parts[0]!, 'href') ?? '');
}

class Reader {
  readonly blocks: Block[] = [];
  private buffer = '';

  constructor(private readonly droppedToc: string[]) {}

  private flush(): void {
    const text = tidy(this.buffer);
    if (text) this.blocks.push({ kind: 'paragraph', text });
    this.buffer = '';
  }

  /** The whole document. */
  read(n: Node): Block[] {
    this.container(n);
    this.flush();
    return this.blocks;
  }

  /** A block element's children: inline runs become paragraphs, block children are read on their own. */
  private container(n: Node): void {
    for (const c of n.tagName === 'template' ? [] : children(n)) {
      if (isElement(c) && (BLOCK.has(c.tagName!) || SKIP.has(c.tagName!))) {
        this.flush();
        this.element(c);
        this.flush();
      } else this.buffer += inline(c, false);
    }
  }

  private element(n: Node): void {
    const tag = n.tagName!;
    if (SKIP.has(tag) || tag === 'hr') return;
    if (tag === 'p' && isWordContentsEntry(n)) {
      const last = this.blocks[this.blocks.length - 1];
      if (last && last.kind !== 'list' && last.kind !== 'table' && TOC_HEADING.test(last.text))
        this.droppedToc.push((this.blocks.pop() as { text: string }).text);
      this.droppedToc.push(tidy(inline(n, true)));
      return;
    }
    const h = HEADING.exec(tag);
    if (h) {
      const text = tidy(inline(n, true)).replace(/\n/g, ' ');
      if (text) this.blocks.push({ kind: 'heading', level: Number(h[1]), text });
    } else if (tag === 'ul' || tag === 'ol') {
      const items: string[] = [];
      this.list(n, 0, items);
      if (items.length) this.blocks.push({ kind: 'list', items });
    } else if (tag === 'table') {
      const rows = this.rows(n).filter((r) => r.some((c) => c !== ''));
      if (rows.length) this.blocks.push({ kind: 'table', rows });
    } else this.container(n);
  }

  private list(n: Node, depth: number, items: string[]): void {
    const ordered = n.tagName === 'ol';
    let ordinal = Number(attr(n, 'start') ?? 1) || 1;
    for (const li of children(n).filter((c) => c.tagName === 'li')) {
      const nested = children(li).filter((c) => c.tagName === 'ul' || c.tagName === 'ol');
      const own = children(li)
        .filter((c) => !nested.includes(c))
        .map((c) => inline(c, false))
        .join('');
      const text = tidy(own).replace(/\n/g, ' ');
      if (text) items.push(listItem(text, ordered ? ordinal : null, depth));
      ordinal++;
      for (const sub of nested) this.list(sub, depth + 1, items);
    }
  }

  private rows(table: Node): string[][] {
    const out: string[][] = [];
    const visit = (n: Node) => {
      for (const c of children(n)) {
        if (c.tagName === 'tr')
          out.push(
            children(c)
              .filter((d) => d.tagName === 'td' || d.tagName === 'th')
              .map((d) => tidy(inline(d, false)).replace(/[\t\n]+/g, ' ')),
          );
        else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') visit(c);
      }
    };
    visit(table);
    return out;
  }
}

/** The blocks of an HTML document; `droppedToc` receives the table-of-contents lines left out. */
export function htmlBlocks(html: string, droppedToc: string[]): Block[] {
  const doc = parse(html) as unknown as Node;
  return dropTableOfContents(new Reader(droppedToc).read(doc), droppedToc);
}
