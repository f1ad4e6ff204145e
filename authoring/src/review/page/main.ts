/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The review page: the document on one side, its facts by body on the other. Every change re-checks
 * the data on the server (the checks of `npm run check-data`); saving writes the data file.
 */
import { countProposals } from '../model';
import { domId } from './dom';
import { hooks, renderDocument, wireDocument } from './doc';
import { openCreate } from './create';
import { actions, goToFact, renderFacts } from './facts-view';
import { renderProblems } from './problems-view';
import { check, loadSession, refreshFacts, save, state } from './state';

const status = (text: string, bad = false) => {
  const el = document.getElementById('status')!;
  el.textContent = text;
  el.classList.toggle('bad', bad);
};

function renderCounts(): void {
  const proposals = countProposals(state.data);
  document.getElementById('counts')!.textContent =
    `${state.facts.length} facts · ${proposals} proposal${proposals === 1 ? '' : 's'} to review · ${state.problems.length} problem${state.problems.length === 1 ? '' : 's'} · saves to ${state.session.target}`;
}

function render(): void {
  refreshFacts();
  renderDocument();
  renderFacts();
  renderCounts();
}

let checking = 0;
async function recheck(): Promise<void> {
  const mine = ++checking;
  const problems = await check(state.data);
  if (mine !== checking) return;
  state.problems = problems;
  renderProblems();
  renderCounts();
}

/** After a change: draw again, focus the fact it was about (its Edit form's first control when editing), check again. */
actions.changed = (focusKey?: string, editNew = false) => {
  state.dirty = true;
  render();
  if (focusKey) {
    state.current = focusKey;
    const el = document.getElementById(domId('fact', focusKey));
    const target = el?.querySelector<HTMLElement>('form select, form input, form textarea') ?? el;
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
    if (editNew) status(`Fact created. Check its fields; it is saved with the file.`);
  } else {
    document.getElementById('facts-heading')!.setAttribute('tabindex', '-1');
    document.getElementById('facts-heading')!.focus();
  }
  void recheck();
};

hooks.goToFact = goToFact;
hooks.newFact = openCreate;

async function start(): Promise<void> {
  await loadSession();
  document.getElementById('title')!.textContent = `Review: ${state.session.regionName}, ${state.session.file}`;
  document.title = `Review ${state.session.region}: ${state.session.file}`;
  wireDocument();
  document.getElementById('new-fact')!.addEventListener('click', openCreate);
  document.getElementById('save')!.addEventListener('click', () => {
    status('Saving…');
    void save().then((r) => {
      if (r.problems.length) state.problems = r.problems;
      if (r.ok) state.dirty = false;
      render();
      status(r.message, !r.ok);
    });
  });
  window.addEventListener('beforeunload', (e) => {
    if (state.dirty) e.preventDefault();
  });
  render();
  status(`Opened ${state.session.origin}.`);
  await recheck();
}

void start();
