/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/** A small element builder: h('button', { type: 'button', onclick }, 'Accept'). */
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: any) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Node | string | null | false | undefined>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'value') (el as unknown as HTMLInputElement).value = String(v);
    else if (k === 'checked') (el as unknown as HTMLInputElement).checked = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== false && c !== undefined) el.append(c);
  return el;
}

let counter = 0;
/** A fresh id for label/control pairs. */
export const uid = (prefix: string) => `${prefix}-${++counter}`;

/** An element id made from a fact's JSON path. */
export const domId = (prefix: string, key: string) => `${prefix}-${key.replace(/[^\w-]/g, '_')}`;
