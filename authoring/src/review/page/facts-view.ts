/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The facts pane: facts grouped by body (the document's own facts and facts of no body first), each
 * with its quote, its draft mark, its problems, and Accept / Edit / Reject. The editor works on a
 * copy and checks the data as it would be after the edit, as you type; Apply puts the copy in place.
 */
import { acceptAt, factOfProblem, pathKey, removeAt, summaryOf, valueAt, type Fact, type Json, type Path, type Problem } from '../model';
import { kindsLike, ownerOf, placeFor, putAt, slotKind, slotLabel } from '../slots';
import { domId, h } from './dom';
import { fieldControls, labelled, sourceControls } from './fields';
import { showInDocument } from './doc';
import { check, state } from './state';

export const actions = { changed: (_focusKey?: string, _editNew?: boolean) => {} };
let editing: string | null = null;

/** Moves the fact at `path` (edited to `value`) to `slot` of owner `index`; gives its new path, or why not. */
function placeEdit(data: Json, path: Path, value: Json, slot: string, index: number | null): { path: Path } | { error: string } {
  const from = ownerOf(path);
  const kind = slotKind(slot);
  const here = typeof path.at(-1) === 'number' ? path.at(-2) : path.at(-1);
  if (!kind || (slot === here && index === from.index)) {
    const parent = valueAt(data, path.slice(0, -1)) as Record<string | number, unknown>;
    parent[path.at(-1)!] = value;
    return { path };
  }
  removeAt(data, path);
  const place = placeFor(data, kind, index);
  const error = putAt(data, place, value);
  return error ? { error } : { path: place };
}

function problemList(problems: Problem[]): HTMLElement | null {
  if (!problems.length) return null;
  return h('ul', { class: 'problems' }, ...problems.map((p) => h('li', {}, `${p.path ? `${p.path}: ` : ''}${p.message}`)));
}

function editor(fact: Fact, card: HTMLElement): HTMLFormElement {
  const copy = structuredClone(fact.value);
  const own = ownerOf(fact.path);
  let slot = fact.slot;
  let owner = own.index;
  const shown = h('div', { 'aria-live': 'polite' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const candidate = () => {
    const data = structuredClone(state.data);
    return { data, placed: placeEdit(data, fact.path, structuredClone(copy), slot, owner) };
  };
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const { data, placed } = candidate();
      if ('error' in placed) return shown.replaceChildren(problemList([{ path: null, message: placed.error }])!);
      void check(data).then((problems) => {
        const key = pathKey(placed.path);
        const mine = problems.filter((p) => p.path && (p.path === key || p.path.startsWith(`${key}.`) || p.path.startsWith(`${key}[`)));
        shown.replaceChildren(mine.length ? problemList(mine)! : h('p', { class: 'ok' }, 'No problems: the checks pass for this fact.'));
      });
    }, 200);
  };
  const controls: HTMLElement[] = [];
  const kinds = kindsLike(fact.slot);
  if (kinds.length > 1) {
    controls.push(
      labelled(
        'type',
        h(
          'select',
          {
            onchange: (e: Event) => {
              slot = (e.target as HTMLSelectElement).value;
              changed();
            },
          },
          ...kinds.map((k) => h('option', { value: k.slot, selected: k.slot === fact.slot }, k.label)),
        ),
      ),
    );
  }
  if (own.owner !== 'file') {
    const list = state.data[own.owner === 'body' ? 'bodies' : 'roles'] as Json[];
    controls.push(
      labelled(
        own.owner === 'body' ? 'body' : 'role',
        h(
          'select',
          {
            onchange: (e: Event) => {
              owner = Number((e.target as HTMLSelectElement).value);
              changed();
            },
          },
          ...list.map((b, i) => h('option', { value: i, selected: i === own.index }, String(b.name ?? b.title ?? b.id))),
        ),
      ),
    );
  }
  const container = String(fact.path[0]);
  controls.push(...fieldControls(copy, fact.path.length === 2 ? container : '', changed));
  if (copy.source && typeof copy.source === 'object') controls.push(...sourceControls(copy.source as Json, changed));
  else if (typeof copy.quote === 'string') controls.push(...sourceControls(copy, changed));
  const form = h(
    'form',
    { class: 'editor', 'aria-label': `Edit ${slotLabel(fact.slot)}` },
    ...controls,
    shown,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Apply'),
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            editing = null;
            actions.changed(fact.key);
          },
        },
        'Cancel',
      ),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const placed = placeEdit(state.data, fact.path, copy, slot, owner);
    if ('error' in placed) return shown.replaceChildren(problemList([{ path: null, message: placed.error }])!);
    acceptAt(state.data, placed.path);
    editing = null;
    actions.changed(pathKey(placed.path));
  });
  card.classList.add('editing');
  changed();
  return form;
}

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
  if (editing === fact.key) el.append(editor(fact, el));
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
  if (editing === pseudo.key) wrap.append(editor(pseudo, head));
  return wrap;
}

/** The problems by fact, and those of no fact; the latter shown above the facts. */
function sortProblems(): Map<string, Problem[]> {
  const byFact = new Map<string, Problem[]>();
  const general: Problem[] = [];
  for (const p of state.problems) {
    const f = p.path ? factOfProblem(state.facts, p.path) : undefined;
    if (f) byFact.set(f.key, [...(byFact.get(f.key) ?? []), p]);
    else general.push(p);
  }
  document.getElementById('general')!.replaceChildren(...(general.length ? [h('h3', {}, 'Problems of the file as a whole'), problemList(general)!] : []));
  return byFact;
}

/** After a check: each fact's problems in place, the rest as it is (an open editor keeps what was typed). */
export function renderProblems(): void {
  const byFact = sortProblems();
  for (const slot of document.querySelectorAll<HTMLElement>('#facts li.fact > .problem-slot')) {
    const list = problemList(byFact.get(slot.parentElement!.dataset.key!) ?? []);
    slot.replaceChildren(...(list ? [list] : []));
  }
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
