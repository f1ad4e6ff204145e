/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The editor of one fact in the facts pane: its type and its body or role as choices, its fields and
 * its source; the problems of the fact as it would be after the edit, checked as you type.
 */
import { acceptAt, pathKey, removeAt, valueAt, type Fact, type Json, type Path } from '../model';
import { kindsLike, ownerOf, placeFor, putAt, slotKind, slotLabel } from '../slots';
import { h } from './dom';
import { fieldControls, labelled, sourceControls } from './fields';
import { problemList } from './problems-view';
import { check, state } from './state';

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

/**
 * The editor of `fact`, in `card`: it works on a copy and checks the data as it would be after the edit,
 * as you type; Apply puts the copy in place (moved to the type and owner chosen) and accepts it. Apply
 * and Cancel end the edit with `close`, given the key of the fact to focus.
 */
export function editor(fact: Fact, card: HTMLElement, close: (focusKey: string) => void): HTMLFormElement {
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
      h('button', { type: 'button', onclick: () => close(fact.key) }, 'Cancel'),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const placed = placeEdit(state.data, fact.path, copy, slot, owner);
    if ('error' in placed) return shown.replaceChildren(problemList([{ path: null, message: placed.error }])!);
    acceptAt(state.data, placed.path);
    close(pathKey(placed.path));
  });
  card.classList.add('editing');
  changed();
  return form;
}
