/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The controls of one fact's editor, made from its fields: text, numbers, yes/no, the enums the
 * server lists, references to bodies, roles and plans as choices, lists of text one per line, and a
 * cadence's phrase with what the frequency normalizer makes of it shown as it is typed.
 */
import type { Json } from '../model';
import { cadenceNumbers } from '../slots';
import { h, uid } from './dom';
import { state } from './state';

const REFERENCES: Record<string, string> = {
  fromBodyId: 'bodies',
  toBodyId: 'bodies',
  ownerBodyId: 'bodies',
  bodyId: 'bodies',
  fromRoleId: 'roles',
  toRoleId: 'roles',
  roleId: 'roles',
  planId: 'plans',
};
const DERIVED = new Set(['minPerYear', 'maxPerYear', 'approximate', 'whenNeeded']);

/** A control with its label beside it (not around it: a select's name is then just the label). */
export function labelled(text: string, control: HTMLElement): HTMLElement {
  control.id ||= uid('f');
  return h('div', { class: 'field' }, h('label', { for: control.id }, text), control);
}

/** How a cadence's numbers read: "6 to 6 a year", "at least 6 a year", "approximate" ... */
export function describeCadence(text: string): string {
  const n = cadenceNumbers(text);
  if (!n.recognized) return 'not recognised as a frequency: no numbers';
  const range =
    n.minPerYear === null && n.maxPerYear === null
      ? 'no number stated'
      : n.maxPerYear === null
        ? `at least ${n.minPerYear} a year`
        : n.minPerYear === null
          ? `at most ${n.maxPerYear} a year`
          : n.minPerYear === n.maxPerYear
            ? `${n.minPerYear} a year`
            : `${n.minPerYear} to ${n.maxPerYear} a year`;
  return `${range}${n.approximate ? ', approximate' : ''}${n.whenNeeded ? ', more when needed (not counted)' : ''} (minPerYear ${n.minPerYear}, maxPerYear ${n.maxPerYear})`;
}

function options(values: string[], current: unknown, none: string | null): HTMLOptionElement[] {
  return [
    ...(none !== null ? [h('option', { value: '', selected: current == null }, none)] : []),
    ...values.map((v) => h('option', { value: v, selected: v === current }, v)),
  ];
}

/** Controls for every field of `value` but its source; `changed` runs after each edit. */
export function fieldControls(value: Json, container: string, changed: () => void): HTMLElement[] {
  const out: HTMLElement[] = [];
  const enums = state.session.enums;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'source' || key === 'draft' || DERIVED.has(key)) continue;
    const set = (next: unknown) => {
      value[key] = next;
      changed();
    };
    const choices = enums[`${container}.${key}`] ?? enums[key];
    if (REFERENCES[key]) {
      const list = ((state.data[REFERENCES[key]!] as Json[] | undefined) ?? []).map((x) => String(x.id));
      out.push(labelled(key, h('select', { onchange: (e: Event) => set((e.target as HTMLSelectElement).value || null) }, ...options(list, v, '(none)'))));
    } else if (key === 'servesBodyIds') {
      const list = ((state.data.bodies as Json[] | undefined) ?? []).map((x) => String(x.id));
      const select = h(
        'select',
        {
          multiple: true,
          size: Math.min(6, list.length),
          onchange: (e: Event) => set([...(e.target as HTMLSelectElement).selectedOptions].map((o) => o.value)),
        },
        ...list.map((id) => h('option', { value: id, selected: (v as string[]).includes(id) }, id)),
      );
      out.push(labelled('serves bodies', select));
    } else if (choices) {
      out.push(
        labelled(
          key,
          h(
            'select',
            { onchange: (e: Event) => set((e.target as HTMLSelectElement).value || null) },
            ...options(choices, v, v === null || key === 'level' ? '(not stated)' : null),
          ),
        ),
      );
    } else if (typeof v === 'boolean' || (key === 'kept' && v === null)) {
      out.push(
        labelled(
          key,
          h(
            'select',
            {
              onchange: (e: Event) => {
                const s = (e.target as HTMLSelectElement).value;
                set(s === '' ? null : s === 'true');
              },
            },
            ...(key === 'kept' ? [h('option', { value: '', selected: v === null }, '(not stated)')] : []),
            h('option', { value: 'true', selected: v === true }, 'yes'),
            h('option', { value: 'false', selected: v === false }, 'no'),
          ),
        ),
      );
    } else if (typeof v === 'number' || ((key === 'count' || key === 'ordinal') && v === null)) {
      out.push(
        labelled(
          key,
          h('input', {
            type: 'number',
            value: v ?? '',
            oninput: (e: Event) => {
              const s = (e.target as HTMLInputElement).value;
              set(s === '' ? null : Number(s));
            },
          }),
        ),
      );
    } else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
      out.push(
        labelled(
          `${key} (one per line)`,
          h('textarea', {
            rows: 2,
            value: v.join('\n'),
            oninput: (e: Event) => set((e.target as HTMLTextAreaElement).value.split('\n').filter((x) => x.trim())),
          }),
        ),
      );
    } else if (typeof v === 'string' || v === null) {
      const input = String(v ?? '').length > 70 ? h('textarea', { rows: 3 }) : h('input', { type: 'text' });
      input.value = String(v ?? '');
      input.addEventListener('input', () => set(input.value === '' && v === null ? null : input.value));
      out.push(labelled(key, input));
      if (key === 'text' && 'minPerYear' in value) {
        const shown = h('output', { 'aria-live': 'polite', for: input.id }, `Normalized: ${describeCadence(input.value)}`);
        input.addEventListener('input', () => {
          Object.assign(value, (({ recognized: _, ...n }) => n)(cadenceNumbers(input.value)));
          shown.textContent = `Normalized: ${describeCadence(input.value)}`;
          changed();
        });
        out.push(shown);
      }
    }
  }
  return out;
}

/** Section and quote of a fact's source. */
export function sourceControls(source: Json, changed: () => void): HTMLElement[] {
  const section = h('input', {
    type: 'text',
    value: String(source.section ?? ''),
    oninput: (e: Event) => {
      source.section = (e.target as HTMLInputElement).value;
      changed();
    },
  });
  const quote = h('textarea', {
    rows: 3,
    oninput: (e: Event) => {
      source.quote = (e.target as HTMLTextAreaElement).value;
      changed();
    },
  });
  quote.value = String(source.quote ?? '');
  return [labelled('section (headings, joined by " > ")', section), labelled('quote (exactly as in the document)', quote)];
}
