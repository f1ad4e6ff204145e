/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The facts pane: facts grouped by body (the document's own facts and facts of no body first), each
 * with its quote, its draft mark, its problems, and Accept / Edit / Reject. Edit opens the fact's
 * editor (fact-editor.ts) in its card; problems-view.ts places the problems.
 */
import { acceptAt, pathKey, removeAt, summaryOf, type Fact, type Json, type Path, type Problem } from '../model';
import { slotLabel } from '../slots';
import { domId, h } from './dom';
import { showInDocument } from './doc';
import { editor } from './fact-editor';
import { problemList, sortProblems } from './problems-view';
import { state } from './state';

export const actions = { changed: (_focusKey?: string, _editNew?: boolean) => {} };
let editing: string | null = null;
/** Ends an edit (Apply or Cancel) and redraws, focusing `focusKey`. */
const closeEditor = (focusKey: string) => {
  editing = null;
  actions.changed(focusKey);
};

function card(fact: Fact, problems: Problem[]): HTMLElement {
  const id = domId('fact', fact.key);
  const label = slotLabel(fact.slot);
  const el = h('li', {
    class: `fact${fact.draft ? ' proposal' : ''}${state.current === fact.key ? ' current' : ''}`,
    id,
    tabindex: -1,
    'data-key': fact.key,
    'aria-labelledby': `${id}-h`,
  });
  const topLevel = fact.path.length <= 2 || fact.path[0] === 'document';
  const parts = [
    h(
      'div',
      { class: 'fact-head' },
      h('h4', { id: `${id}-h`, class: 'kind' }, label),
      fact.draft ? h('span', { class: 'badge' }, `proposal: ${fact.draft.rule}, confidence ${fact.draft.confidence}`) : null,
    ),
    summaryOf(fact.value) !== fact.quote ? h('p', {}, summaryOf(fact.value)) : null,
    fact.quote ? h('blockquote', {}, fact.quote) : null,
    fact.section ? h('p', { class: 'section' }, `Section: ${fact.section}`) : null,
    h('div', { class: 'problem-slot' }, problemList(problems)),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            state.current = fact.key;
            if (!showInDocument(fact.key)) alert('This quote is not in the document.');
            markCurrent();
          },
        },
        'Show in document',
      ),
      fact.draft
        ? h(
            'button',
            {
              type: 'button',
              class: 'primary',
              onclick: () => {
                acceptAt(state.data, fact.path);
                actions.changed(fact.key);
              },
            },
            'Accept',
          )
        : null,
      h(
        'button',
        {
          type: 'button',
          'aria-expanded': editing === fact.key,
          onclick: () => {
            editing = editing === fact.key ? null : fact.key;
            actions.changed(fact.key);
          },
        },
        'Edit',
      ),
      fact.path[0] === 'document' && fact.path.length === 1
        ? null
        : h(
            'button',
            {
              type: 'button',
              class: 'danger',
              onclick: () => {
                removeAt(state.data, fact.path);
                actions.changed();
              },
            },
            topLevel ? `Reject ${label.toLowerCase()}` : 'Reject',
          ),
    ),
  ];
  for (const p of parts) if (p) el.append(p);
  el.querySelector('h4')!.setAttribute('aria-label', `${label}: ${summaryOf(fact.value).slice(0, 80)}`);
  if (editing === fact.key) el.append(editor(fact, el, closeEditor));
  el.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('button, input, select, textarea, label, form')) return;
    state.current = fact.key;
    showInDocument(fact.key);
    markCurrent();
  });
  return el;
}

function markCurrent(): void {
  for (const c of document.querySelectorAll('#facts .fact.current')) c.classList.remove('current');
  if (state.current) document.getElementById(domId('fact', state.current))?.classList.add('current');
}

/** Goes to a fact from the document: scrolls to it and gives it focus. */
export function goToFact(key: string): void {
  state.current = key;
  markCurrent();
  showInDocument(key);
  const el = document.getElementById(domId('fact', key));
  el?.scrollIntoView({ block: 'center' });
  el?.focus();
}

function bodyHead(body: Json, index: number): HTMLElement {
  const draft = body.draft as { rule: string; confidence: number } | undefined;
  const path: Path = ['bodies', index];
  const pseudo: Fact = { key: pathKey(path), path, slot: 'bodies', value: body, body: index, quote: null, section: null, draft: draft ?? null };
  const head = h(
    'div',
    { class: 'group-head', id: domId('fact', pseudo.key), tabindex: -1 },
    h('h3', {}, String(body.name)),
    h('span', { class: 'meta' }, `${String(body.id)} · ${String(body.kind)}${body.level ? ` · ${String(body.level)}` : ''}`),
    draft ? h('span', { class: 'badge' }, `proposed body: ${draft.rule}, confidence ${draft.confidence}`) : null,
    draft
      ? h(
          'button',
          {
            type: 'button',
            class: 'primary',
            onclick: () => {
              acceptAt(state.data, path);
              actions.changed(pseudo.key);
            },
          },
          'Accept body',
        )
      : null,
    h(
      'button',
      {
        type: 'button',
        'aria-expanded': editing === pseudo.key,
        onclick: () => {
          editing = editing === pseudo.key ? null : pseudo.key;
          actions.changed(pseudo.key);
        },
      },
      'Edit body',
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'danger',
        onclick: () => {
          removeAt(state.data, path);
          actions.changed();
        },
      },
      'Reject body',
    ),
  );
  const wrap = h('div', {}, head);
  if (editing === pseudo.key) wrap.append(editor(pseudo, head, closeEditor));
  return wrap;
}

export function renderFacts(): void {
  const facts = state.facts;
  const byFact = sortProblems();
  const bodies = (state.data.bodies as Json[] | undefined) ?? [];
  const groups: HTMLElement[] = [];
  const list = (items: Fact[]) => h('ul', { class: 'facts' }, ...items.map((f) => card(f, byFact.get(f.key) ?? [])));
  const loose = (title: string, items: Fact[]) =>
    h('section', { class: 'group', 'aria-label': title }, h('div', { class: 'group-head' }, h('h3', {}, title)), list(items));
  groups.push(
    loose(
      'The document',
      facts.filter((f) => f.path[0] === 'document'),
    ),
  );
  bodies.forEach((b, i) => {
    groups.push(h('section', { class: 'group', 'aria-label': `Body: ${String(b.name)}` }, bodyHead(b, i), list(facts.filter((f) => f.body === i))));
  });
  const rest = facts.filter((f) => f.body === null && f.path[0] !== 'document');
  if (rest.length) groups.push(loose('Facts of no body', rest));
  document.getElementById('facts')!.replaceChildren(...groups);
}
