/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The document pane: the text in blocks (headings and passages), each passage in sentences, and every
 * fact's quote highlighted. Keyboard: one tab stop (the current sentence); Up/Down move, Shift
 * selects, Enter goes to the fact quoted there, N makes a new fact from the selection.
 */
import type { Fact } from '../model';
import { h } from './dom';
import { state } from './state';

export interface Span {
  start: number;
  end: number;
}
export const hooks = { goToFact: (_key: string) => {}, newFact: () => {} };

/** Where a fact's quote stands: after the last heading of its section when it is there, else anywhere. */
export function locate(fact: Fact): Span | null {
  const text = state.session.documentText;
  if (!fact.quote) return null;
  const heading = fact.section?.split(' > ').at(-1);
  const after = heading ? text.indexOf(heading) : -1;
  let start = after >= 0 ? text.indexOf(fact.quote, after) : -1;
  if (start < 0) start = text.indexOf(fact.quote);
  return start < 0 ? null : { start, end: start + fact.quote.length };
}

/** Sentence ranges of a passage: after ". ", "? ", "! ", ": " and at line ends. */
function sentences(start: number, end: number): Span[] {
  const text = state.session.documentText.slice(start, end);
  const out: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(/[.!?:](?=\s)\s+|\n/g)) {
    const to = m.index + m[0].length;
    if (to > from) out.push({ start: start + from, end: start + to });
    from = to;
  }
  if (from < text.length) out.push({ start: start + from, end });
  return out;
}

let selectionAnchor: HTMLElement | null = null;
/** The last selection made in the document (mouse or keyboard), in text offsets. */
export let lastSelection: Span | null = null;

export function renderDocument(): void {
  const root = document.getElementById('doc')!;
  const text = state.session.documentText;
  const spans = state.facts.map((f) => ({ fact: f, span: locate(f) })).filter((x): x is { fact: Fact; span: Span } => x.span !== null);
  const cuts = new Set<number>();
  for (const { span } of spans) cuts.add(span.start).add(span.end);
  const segment = (start: number, end: number) => {
    const covering = spans.filter((s) => s.span.start < end && s.span.end > start);
    if (!covering.length) return h('span', { 'data-o': start }, text.slice(start, end));
    const keys = covering.map((c) => c.fact.key);
    const cls = [covering.every((c) => c.fact.draft) ? 'draft' : '', keys.includes(state.current ?? '') ? 'current' : ''].join(' ').trim();
    return h(
      'mark',
      { 'data-o': start, 'data-keys': keys.join('|'), class: cls || null, title: `${keys.length} fact${keys.length === 1 ? '' : 's'}: click to show` },
      text.slice(start, end),
    );
  };
  const unit = (s: Span) => {
    const points = [s.start, ...[...cuts].filter((c) => c > s.start && c < s.end).sort((a, b) => a - b), s.end];
    const el = h('span', { class: 'unit', tabindex: -1, 'data-start': s.start, 'data-end': s.end });
    for (let i = 0; i < points.length - 1; i++) el.append(segment(points[i]!, points[i + 1]!));
    return el;
  };
  const children = state.session.blocks.map((b) => {
    const el = b.heading ? h('h3') : h('p');
    for (const s of b.heading ? [{ start: b.start, end: b.end }] : sentences(b.start, b.end)) el.append(unit(s));
    return el;
  });
  const focused = root.querySelector<HTMLElement>('.unit[tabindex="0"]')?.dataset.start;
  root.replaceChildren(...children);
  const again = focused ? root.querySelector<HTMLElement>(`.unit[data-start="${focused}"]`) : null;
  (again ?? root.querySelector<HTMLElement>('.unit'))?.setAttribute('tabindex', '0');
}

const units = () => [...document.querySelectorAll<HTMLElement>('#doc .unit')];

function moveTo(el: HTMLElement, focus = true): void {
  for (const u of document.querySelectorAll('#doc .unit[tabindex="0"]')) u.setAttribute('tabindex', '-1');
  el.setAttribute('tabindex', '0');
  if (focus) el.focus();
}

/** Shows a fact's quote: scrolls to it and makes its sentence the current one. */
export function showInDocument(key: string): boolean {
  const mark = [...document.querySelectorAll<HTMLElement>('#doc mark')].find((m) => m.dataset.keys!.split('|').includes(key));
  for (const m of document.querySelectorAll('#doc mark.current')) m.classList.remove('current');
  if (!mark) return false;
  for (const m of document.querySelectorAll<HTMLElement>('#doc mark')) if (m.dataset.keys!.split('|').includes(key)) m.classList.add('current');
  mark.scrollIntoView({ block: 'center' });
  moveTo(mark.closest<HTMLElement>('.unit')!);
  return true;
}

/** A text offset of a point of a DOM selection. */
function offsetOf(node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const o = (node.parentElement as HTMLElement | null)?.dataset.o;
    return o === undefined ? null : Number(o) + offset;
  }
  const el = node as Element;
  const child = el.childNodes[offset];
  const walker = (n: Node | undefined, last: boolean): number | null => {
    if (!n) return null;
    const all = [...(n instanceof Element ? n.querySelectorAll<HTMLElement>('[data-o]') : [])];
    if (n instanceof HTMLElement && n.dataset.o !== undefined) all.unshift(n);
    const pick = last ? all.at(-1) : all[0];
    return pick ? Number(pick.dataset.o) + (last ? pick.textContent!.length : 0) : null;
  };
  return child ? walker(child, false) : walker(el, true);
}

function trackSelection(): void {
  const sel = document.getSelection();
  const root = document.getElementById('doc')!;
  if (!sel || sel.rangeCount === 0 || !root.contains(sel.anchorNode) || !root.contains(sel.focusNode)) return;
  if (sel.isCollapsed) {
    lastSelection = null;
    return;
  }
  const r = sel.getRangeAt(0);
  const start = offsetOf(r.startContainer, r.startOffset);
  const end = offsetOf(r.endContainer, r.endOffset);
  if (start !== null && end !== null && end > start) lastSelection = { start, end };
}

function selectUnits(a: HTMLElement, b: HTMLElement): void {
  const [first, last] = Number(a.dataset.start) <= Number(b.dataset.start) ? [a, b] : [b, a];
  const range = document.createRange();
  range.setStartBefore(first.firstChild!);
  range.setEndAfter(last.lastChild!);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
  lastSelection = { start: Number(first.dataset.start), end: Number(last.dataset.end) };
}

export function wireDocument(): void {
  const root = document.getElementById('doc')!;
  document.addEventListener('selectionchange', trackSelection);
  root.addEventListener('click', (e) => {
    const mark = (e.target as HTMLElement).closest<HTMLElement>('mark');
    if (mark && document.getSelection()?.isCollapsed) hooks.goToFact(mark.dataset.keys!.split('|')[0]!);
  });
  root.addEventListener('keydown', (e) => {
    const here = (e.target as HTMLElement).closest<HTMLElement>('.unit');
    if (!here) return;
    const all = units();
    const i = all.indexOf(here);
    const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
    if (step || e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      const next = e.key === 'Home' ? all[0] : e.key === 'End' ? all.at(-1) : all[Math.min(all.length - 1, Math.max(0, i + step))];
      if (!next) return;
      if (e.shiftKey) {
        selectionAnchor ??= here;
        moveTo(next);
        selectUnits(selectionAnchor, next);
      } else {
        selectionAnchor = null;
        document.getSelection()?.removeAllRanges();
        lastSelection = null;
        moveTo(next);
      }
    } else if (e.key === 'Enter') {
      const mark = here.querySelector<HTMLElement>('mark');
      if (mark) {
        e.preventDefault();
        hooks.goToFact(mark.dataset.keys!.split('|')[0]!);
      }
    } else if (e.key === 'n' || e.key === 'N') {
      e.preventDefault();
      lastSelection ??= { start: Number(here.dataset.start), end: Number(here.dataset.end) };
      hooks.newFact();
    }
  });
}
