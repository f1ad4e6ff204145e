/**
 * GraphiQL's tab bar renders role="tab" on a list item that holds two buttons (select and close):
 * nested interactive controls, which screen readers cannot announce. We make the bar a plain list
 * of buttons instead (the active one marked aria-current), and keep it so as GraphiQL re-renders.
 * Its minified build also titles icons with the component's short name ("zb icon"): those titles
 * take their button's label or go.
 */
export function fixTabBar(root: HTMLElement): () => void {
  const fix = () => {
    // Icons whose <title> is a minified component name ("zb icon"): named by their button, or not at all.
    for (const title of root.querySelectorAll('svg > title')) {
      if (!/^[A-Za-z_$][\w$]{0,3} icon$/.test(title.textContent ?? '')) continue;
      const label = title.closest('button, [role="button"]')?.getAttribute('aria-label');
      if (label) title.textContent = label;
      else title.remove();
    }
    for (const bar of root.querySelectorAll('[role="tablist"]')) bar.removeAttribute('role');
    for (const tab of root.querySelectorAll<HTMLElement>('.graphiql-tab')) {
      const active = tab.getAttribute('aria-selected') === 'true' || tab.classList.contains('graphiql-tab-active');
      if (tab.hasAttribute('role')) tab.removeAttribute('role');
      if (tab.hasAttribute('aria-selected')) tab.removeAttribute('aria-selected');
      const button = tab.querySelector('.graphiql-tab-button');
      if (button) {
        if (active && button.getAttribute('aria-current') !== 'true') button.setAttribute('aria-current', 'true');
        if (!active && button.hasAttribute('aria-current')) button.removeAttribute('aria-current');
      }
    }
  };
  fix();
  const observer = new MutationObserver(fix);
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'aria-selected', 'class'] });
  return () => observer.disconnect();
}

/** An error answer shows its message, locations and code, never the server's stack trace. */
export function withoutStackTraces<T>(result: T): T {
  const r = result as { errors?: Array<{ extensions?: Record<string, unknown> }> };
  if (!r || typeof r !== 'object' || !Array.isArray(r.errors)) return result;
  return {
    ...r,
    errors: r.errors.map((e) => {
      if (!e.extensions) return e;
      const { stacktrace: _s, exception: _e, ...extensions } = e.extensions;
      return Object.keys(extensions).length ? { ...e, extensions } : (({ extensions: _x, ...rest }) => rest)(e);
    }),
  } as T;
}

/** withoutStackTraces over whatever a fetcher returns: a value, a promise, an async iterable, or a promise of one. */
export function cleanAnswer<T>(answer: T): T {
  if (answer && typeof (answer as { then?: unknown }).then === 'function') {
    return (answer as unknown as Promise<unknown>).then((v) => cleanAnswer(v)) as unknown as T;
  }
  if (answer && typeof (answer as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function') {
    const source = answer as unknown as AsyncIterable<unknown>;
    return (async function* () {
      for await (const part of source) yield withoutStackTraces(part);
    })() as unknown as T;
  }
  return withoutStackTraces(answer);
}
