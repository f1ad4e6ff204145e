/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * A new fact from a passage the team selected: its quote is the selection, verbatim from the
 * document's text, and its section the heading above it; the team picks its type and its body or role.
 */
import { pathKey, type Json } from '../model';
import { newBody, newFact, placeFor, putAt, SLOT_KINDS } from '../slots';
import { h } from './dom';
import { labelled } from './fields';
import { lastSelection } from './doc';
import { sectionAt, state } from './state';
import { actions } from './facts-view';

const BODY = 'body';

export function openCreate(): void {
  const root = document.getElementById('create')!;
  const sel = lastSelection;
  const status = document.getElementById('status')!;
  if (!sel) {
    status.textContent = 'Select a passage of the document first (with the mouse, or Shift with Up or Down in the text).';
    return;
  }
  // Whitespace and a list item's mark ("- ") around the selection are not part of the quote.
  const raw = state.session.documentText.slice(sel.start, sel.end);
  const quote = raw.trim().replace(/^[-*•]\s+/, '');
  const lead = raw.indexOf(quote);
  if (!quote) return;
  const start = sel.start + lead;
  const bodies = (state.data.bodies as Json[] | undefined) ?? [];
  const roles = (state.data.roles as Json[] | undefined) ?? [];
  const type = h('select', {}, ...SLOT_KINDS.map((k) => h('option', { value: k.slot }, k.label)), h('option', { value: BODY }, 'Body (named by the passage)'));
  const owner = h('select');
  const ownerLabel = labelled('body', owner);
  const fillOwners = () => {
    const kind = SLOT_KINDS.find((k) => k.slot === type.value);
    const list = kind?.owner === 'role' ? roles : kind?.owner === 'body' ? bodies : [];
    ownerLabel.hidden = list.length === 0;
    ownerLabel.querySelector('label')!.textContent = kind?.owner === 'role' ? 'role' : 'body';
    owner.replaceChildren(...list.map((b, i) => h('option', { value: i }, String(b.name ?? b.title ?? b.id))));
  };
  type.addEventListener('change', fillOwners);
  const section = h('input', { type: 'text', value: sectionAt(start) });
  const problem = h('p', { class: 'problems', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'create', 'aria-label': 'New fact from the selection' },
    h('h3', {}, 'New fact from the selection'),
    labelled('quote (from the document, exactly)', h('textarea', { rows: 3, readonly: true, value: quote })),
    labelled('section (the heading above it)', section),
    labelled('type', type),
    ownerLabel,
    problem,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Create fact'),
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            root.replaceChildren();
            document.getElementById('new-fact')!.focus();
          },
        },
        'Cancel',
      ),
    ),
  );
  fillOwners();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (type.value === BODY) {
      (state.data.bodies as Json[]).push(newBody(state.data, quote));
      root.replaceChildren();
      return actions.changed(pathKey(['bodies', bodies.length - 1]));
    }
    const kind = SLOT_KINDS.find((k) => k.slot === type.value)!;
    const index = kind.owner === 'file' ? null : Number(owner.value);
    if (kind.owner !== 'file' && !Number.isInteger(index)) return void (problem.textContent = `There is no ${kind.owner} to put it in yet.`);
    const place = placeFor(state.data, kind, index);
    const error = putAt(state.data, place, newFact(state.data, kind, quote, section.value));
    if (error) return void (problem.textContent = error);
    root.replaceChildren();
    actions.changed(pathKey(place), true);
  });
  root.replaceChildren(form);
  form.scrollIntoView({ block: 'start' });
  type.focus();
}
