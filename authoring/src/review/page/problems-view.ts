/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Where the checks' problems show in the facts pane: each under its fact, and those of no fact (the
 * file as a whole) above the facts.
 */
import { factOfProblem, type Problem } from '../model';
import { h } from './dom';
import { state } from './state';

/** A list of problems, or nothing when there are none. */
export function problemList(problems: Problem[]): HTMLElement | null {
  if (!problems.length) return null;
  return h('ul', { class: 'problems' }, ...problems.map((p) => h('li', {}, `${p.path ? `${p.path}: ` : ''}${p.message}`)));
}

/** The problems by fact, and those of no fact; the latter shown above the facts. */
export function sortProblems(): Map<string, Problem[]> {
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
