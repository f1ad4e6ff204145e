/**
 * The comparison dashboard: meeting frequency (chart and table), the roles crosswalk, the reporting
 * chains (diagrams), the comparison matrix with source quotes; filters by region, level and kind;
 * Swedish with an English switch; a CSV download for every table; a banner for a missing region.
 * All data comes from the gateway's public GraphQL API (./api.ts).
 */
import './dashboard.css';
import { StrictMode, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  CHAINS, CROSSWALK, FREQUENCY, gql, MATRIX, META,
  type ChainsData, type CrosswalkData, type FrequencyData, type GqlError, type MatrixData, type MetaData, type Quote,
} from './api';
import { ChainDiagram, LEVEL_COLORS } from './ChainDiagram';
import { downloadCsv, type Cell } from './csv';
import { FrequencyChart } from './FrequencyChart';
import { BODY_KINDS, LEVELS, ROLE_KINDS, translator, type Lang, type Translator } from './i18n';

const REGION_COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];
const LANG_KEY = 'samverkan.dashboard.lang';
/** The crosswalk starts with the coordinating roles (as docs/queries/03-roles-crosswalk.graphql); the filter adds the rest. */
const DEFAULT_ROLE_KINDS = ['COORDINATOR', 'DEVELOPMENT_LEAD', 'PROCESS_LEAD', 'CHAIR', 'VICE_CHAIR', 'CONVENER', 'SECRETARY'];
const defaultFilters = (regions: string[]): Filters => ({ regions, levels: [...LEVELS], bodyKinds: [...BODY_KINDS], roleKinds: [...DEFAULT_ROLE_KINDS] });

interface Filters { regions: string[]; levels: string[]; bodyKinds: string[]; roleKinds: string[] }
interface Loaded<T> { data: T | null; errors: GqlError[]; loading: boolean; failed?: string }
const initial = <T,>(): Loaded<T> => ({ data: null, errors: [], loading: true });

/** Runs one operation whenever its variables change; keeps partial data that comes with errors. */
function useQuery<T>(query: string, variables: Record<string, unknown> | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>(initial);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (variables === null) { setState({ data: null, errors: [], loading: false }); return; }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    gql<T>(query, variables, ctrl.signal).then(
      (r) => setState({ data: r.data, errors: r.errors, loading: false }),
      (e: Error) => { if (!ctrl.signal.aborted) setState({ data: null, errors: [], loading: false, failed: e.message }); },
    );
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, key]);
  return state;
}

function quoteText(q: Quote | null | undefined): string {
  return q ? `“${q.quote}” (${q.document}${q.section ? `, ${q.section}` : ''})` : '';
}

function CsvButton(props: { tr: Translator; file: string; header: string[]; rows: Cell[][] }) {
  return (
    <button type="button" className="csv" data-csv={props.file} onClick={() => downloadCsv(props.file, props.header, props.rows)}>
      ⤓ {props.tr.t('downloadCsv')}
    </button>
  );
}

function Section(props: { id: string; title: string; intro?: string; actions?: ReactNode; children: ReactNode; loading?: boolean; tr: Translator }) {
  return (
    <section id={props.id} className="card" aria-busy={props.loading ? 'true' : 'false'}>
      <header className="card-head">
        <h2>{props.title}</h2>
        <div className="actions">{props.loading ? <span className="loading">{props.tr.t('loading')}</span> : null}{props.actions}</div>
      </header>
      {props.intro ? <p className="intro">{props.intro}</p> : null}
      {props.children}
    </section>
  );
}

function CheckGroup(props: { legend: string; options: Array<{ value: string; label: string; color?: string }>; selected: string[]; onChange: (v: string[]) => void; name: string; allLabel: string; collapsible?: boolean }) {
  const { options, selected, onChange } = props;
  const toggle = (v: string) => onChange(selected.includes(v) ? selected.filter((x) => x !== v) : [...selected, v]);
  const boxes = (
    <div className="checks">
      {options.map((o) => (
        <label key={o.value} className="check">
          <input type="checkbox" name={props.name} value={o.value} checked={selected.includes(o.value)} onChange={() => toggle(o.value)} />
          {o.color ? <span className="swatch" style={{ background: o.color }} /> : null}
          {o.label}
        </label>
      ))}
    </div>
  );
  const count = selected.length === options.length ? props.allLabel : `${selected.length}/${options.length}`;
  return (
    <fieldset className="filter" data-filter={props.name}>
      <legend>{props.legend} <span className="count">({count})</span></legend>
      {props.collapsible ? <details><summary>{count}</summary>{boxes}</details> : boxes}
    </fieldset>
  );
}

function QuotePanel(props: { tr: Translator; title: string; quotes: Quote[]; note?: string; onClose: () => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') props.onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props]);
  return (
    <aside className="quote-panel" role="dialog" aria-label={props.tr.t('quotes')} data-testid="quote-panel">
      <header><strong>{props.title}</strong><button type="button" onClick={props.onClose} aria-label={props.tr.t('close')}>×</button></header>
      {props.note ? <p className="note">{props.note}</p> : null}
      {props.quotes.length === 0 ? <p className="muted">{props.tr.t('noQuote')}</p> : null}
      {props.quotes.map((q, i) => (
        <figure key={i}>
          <blockquote>“{q.quote}”</blockquote>
          <figcaption>{props.tr.t('source')}: {q.document}{q.section ? `, ${q.section}` : ''}</figcaption>
        </figure>
      ))}
    </aside>
  );
}

function App() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'sv'));
  const tr = useMemo(() => translator(lang), [lang]);
  useEffect(() => { document.documentElement.lang = lang; document.title = tr.t('title'); localStorage.setItem(LANG_KEY, lang); }, [lang, tr]);

  const meta = useQuery<MetaData>(META, {});
  const allRegions = useMemo(() => meta.data?.regions.map((r) => r.code) ?? [], [meta.data]);
  const [filters, setFilters] = useState<Filters | null>(null);
  useEffect(() => {
    if (!filters && allRegions.length) setFilters(defaultFilters(allRegions));
  }, [allRegions, filters]);

  const names = useMemo(() => new Map((meta.data?.regions ?? []).map((r) => [r.code, r.name])), [meta.data]);
  const regionName = useCallback((code: string) => names.get(code) ?? code.charAt(0).toUpperCase() + code.slice(1), [names]);
  const color = useCallback((code: string) => REGION_COLORS[Math.max(0, allRegions.indexOf(code)) % REGION_COLORS.length]!, [allRegions]);

  // Variables: "all selected" sends no restriction (so bodies whose level is not stated stay in).
  const ready = filters && filters.regions.length > 0;
  const regionsVar = ready && filters.regions.length < allRegions.length ? filters.regions : null;
  // An empty selection means "nothing" here (the API reads an empty list as "no restriction").
  const freqVars = ready && filters.levels.length > 0 && filters.bodyKinds.length > 0 ? {
    filter: {
      ...(regionsVar ? { regions: regionsVar } : {}),
      ...(filters.levels.length < LEVELS.length ? { levels: filters.levels } : {}),
      ...(filters.bodyKinds.length < BODY_KINDS.length ? { kinds: filters.bodyKinds } : {}),
    },
  } : null;
  const frequency = useQuery<FrequencyData>(FREQUENCY, freqVars);
  const crosswalk = useQuery<CrosswalkData>(CROSSWALK, ready && filters.roleKinds.length > 0 ? { regions: regionsVar, kinds: filters.roleKinds.length < ROLE_KINDS.length ? filters.roleKinds : null } : null);
  const chains = useQuery<ChainsData>(CHAINS, ready ? { regions: regionsVar } : null);
  const matrix = useQuery<MatrixData>(MATRIX, ready ? { regions: regionsVar } : null);

  const [panel, setPanel] = useState<{ title: string; quotes: Quote[]; note?: string } | null>(null);
  const showQuote = useCallback((title: string, quotes: Quote[], note?: string) => setPanel({ title, quotes, note }), []);

  const missing = [...new Set([
    ...(meta.data?.landscape.missingRegions ?? []),
    ...(frequency.data?.landscape.missingRegions ?? []),
    ...(crosswalk.data?.landscape.rolesCrosswalk.missingRegions ?? []),
    ...(chains.data?.landscape.reportingChains.missingRegions ?? []),
    ...(matrix.data?.landscape.comparisonMatrix.missingRegions ?? []),
  ])];
  // Errors that are not explained by a missing region (which always comes with a gateway error).
  const unexplained = [meta, frequency, crosswalk, chains, matrix]
    .flatMap((q) => (q.failed ? [q.failed] : q.data ? [] : q.errors.map((e) => e.message)));

  const freqRows = frequency.data?.landscape.meetingFrequencyTable ?? [];
  const crossRows = crosswalk.data?.landscape.rolesCrosswalk.rows ?? [];
  const chainRegions = chains.data?.landscape.reportingChains.regions ?? [];
  const m = matrix.data?.landscape.comparisonMatrix;
  const crossColumns = crossRows[0]?.regions.map((r) => r.regionCode) ?? [];

  const yesNo = (b: boolean) => tr.t(b ? 'yes' : 'no');
  const slug = lang === 'sv' ? 'sv' : 'en';

  return (
    <>
      <header className="top">
        <div>
          <h1>{tr.t('title')}</h1>
          <p className="muted">{tr.t('subtitle')}</p>
        </div>
        <nav>
          <a href="/playground/">{tr.t('playground')}</a>
          <div className="lang" role="group" aria-label={tr.t('language')}>
            <button type="button" aria-pressed={lang === 'sv'} data-lang="sv" onClick={() => setLang('sv')}>Svenska</button>
            <button type="button" aria-pressed={lang === 'en'} data-lang="en" onClick={() => setLang('en')}>English</button>
          </div>
        </nav>
      </header>

      {missing.length > 0 ? (
        <div className="banner missing" role="alert" data-testid="missing-banner" data-missing={missing.join(',')}>
          <strong>⚠ {tr.t('missingBanner')} {missing.map(regionName).join(', ')}.</strong> {tr.t('missingExplain')}
        </div>
      ) : null}
      {unexplained.length > 0 ? (
        <div className="banner error" role="alert" data-testid="error-banner"><strong>{tr.t('errorBanner')}:</strong> {[...new Set(unexplained)].join('; ')}</div>
      ) : null}

      {filters ? (
        <form className="filters card" onSubmit={(e) => e.preventDefault()} aria-label={tr.t('filters')}>
          <CheckGroup name="region" legend={tr.t('regions')} allLabel={tr.t('all')} selected={filters.regions} onChange={(regions) => setFilters({ ...filters, regions })}
            options={allRegions.map((c) => ({ value: c, label: regionName(c), color: color(c) }))} />
          <CheckGroup name="level" legend={tr.t('levels')} allLabel={tr.t('all')} selected={filters.levels} onChange={(levels) => setFilters({ ...filters, levels })}
            options={LEVELS.map((l) => ({ value: l, label: tr.level(l), color: LEVEL_COLORS[l] }))} />
          <CheckGroup name="bodyKind" legend={tr.t('bodyKinds')} allLabel={tr.t('all')} collapsible selected={filters.bodyKinds} onChange={(bodyKinds) => setFilters({ ...filters, bodyKinds })}
            options={BODY_KINDS.map((k) => ({ value: k, label: tr.bodyKind(k) }))} />
          <CheckGroup name="roleKind" legend={tr.t('roleKinds')} allLabel={tr.t('all')} collapsible selected={filters.roleKinds} onChange={(roleKinds) => setFilters({ ...filters, roleKinds })}
            options={ROLE_KINDS.map((k) => ({ value: k, label: tr.roleKind(k) }))} />
          <button type="button" className="reset" onClick={() => setFilters(defaultFilters(allRegions))}>{tr.t('reset')}</button>
        </form>
      ) : <p className="muted">{tr.t('loading')}</p>}
      {filters && filters.regions.length === 0 ? <div className="banner info">{tr.t('noRegion')}</div> : null}

      <main>
        <Section id="frequency" tr={tr} title={tr.t('frequency')} intro={tr.t('frequencyIntro')} loading={frequency.loading}
          actions={<CsvButton tr={tr} file={`motesfrekvens-${slug}.csv`}
            header={[tr.t('rank'), tr.t('region'), tr.t('body'), tr.t('level'), tr.t('kind'), tr.t('min'), tr.t('max'), tr.t('approximate'), tr.t('phrase'), tr.t('quote')]}
            rows={freqRows.map((r) => [r.rank, regionName(r.regionCode), r.bodyName, tr.level(r.level), tr.bodyKind(r.kind), r.minPerYear, r.maxPerYear, yesNo(r.approximate), r.cadence.text, r.cadence.source?.quote])} />}>
          <div className="legend">
            <span><i className="key exact" /> {tr.t('legendExact')}</span>
            <span><i className="key approx" /> {tr.t('legendApprox')}</span>
            <span><i className="key open" /> {tr.t('legendOpen')}</span>
            {allRegions.filter((c) => filters?.regions.includes(c)).map((c) => <span key={c}><i className="key" style={{ background: color(c) }} /> {regionName(c)}</span>)}
          </div>
          {freqRows.length ? <FrequencyChart rows={freqRows} regionName={regionName} color={color} tr={tr} /> : null}
          <table className="data" data-table="frequency">
            <caption>{tr.t('frequencyTable')}</caption>
            <thead><tr><th>{tr.t('rank')}</th><th>{tr.t('region')}</th><th>{tr.t('body')}</th><th>{tr.t('level')}</th><th>{tr.t('kind')}</th><th>{tr.t('min')}</th><th>{tr.t('max')}</th><th>{tr.t('phrase')}</th></tr></thead>
            <tbody>
              {freqRows.map((r) => (
                <tr key={r.bodyId}>
                  <td>{r.rank}</td>
                  <td><span className="swatch" style={{ background: color(r.regionCode) }} />{regionName(r.regionCode)}</td>
                  <td>{r.bodyName}</td>
                  <td>{tr.level(r.level)}</td>
                  <td>{tr.bodyKind(r.kind)}</td>
                  <td className="num">{r.minPerYear ?? '–'}</td>
                  <td className="num">{r.maxPerYear ?? (r.minPerYear !== null ? '∞' : '–')}</td>
                  <td>
                    <button type="button" className="quote-link" title={quoteText(r.cadence.source)} onClick={() => showQuote(r.bodyName, r.cadence.source ? [r.cadence.source] : [])}>
                      {r.approximate ? <span className="approx-mark" title={tr.t('legendApprox')}>≈ </span> : null}“{r.cadence.text}”
                    </button>
                    {r.minPerYear === null && r.maxPerYear === null ? <span className="muted"> · {tr.t('notCharted')}</span> : null}
                  </td>
                </tr>
              ))}
              {!frequency.loading && freqRows.length === 0 ? <tr><td colSpan={8} className="muted">{tr.t('noRows')}</td></tr> : null}
            </tbody>
          </table>
        </Section>

        <Section id="crosswalk" tr={tr} title={tr.t('crosswalk')} intro={tr.t('crosswalkIntro')} loading={crosswalk.loading}
          actions={<CsvButton tr={tr} file={`roller-${slug}.csv`}
            header={[tr.t('roleKind'), tr.t('region'), tr.t('title_'), tr.t('origin'), tr.t('category'), tr.t('duties'), tr.t('quote')]}
            rows={crossRows.flatMap((row) => row.regions.flatMap((reg) => reg.roles.flatMap((role) => {
              const title = role.title ?? role.offices.map((o) => o.holder ?? o.bodyName).filter(Boolean).join(', ');
              const base: Cell[] = [tr.roleKind(row.kind), regionName(reg.regionCode), title, role.origin === 'ROLE' ? '' : tr.t('bodyOffice')];
              const duties = role.dutiesByCategory.flatMap((c) => c.duties.map((d) => [...base, tr.duty(c.category), d.text, d.quote?.quote]));
              return duties.length ? duties : [[...base, '', '', role.quote?.quote ?? role.offices[0]?.quote?.quote]];
            })))} />}>
          <div className="scroll">
            <table className="data crosswalk" data-table="crosswalk">
              <thead><tr><th>{tr.t('roleKind')}</th>{crossColumns.map((c) => <th key={c}>{regionName(c)}</th>)}</tr></thead>
              <tbody>
                {crossRows.map((row) => (
                  <tr key={row.kind}>
                    <th scope="row">{tr.roleKind(row.kind)}</th>
                    {row.regions.map((reg) => (
                      <td key={reg.regionCode}>
                        {reg.roles.length === 0 ? <span className="muted">{tr.t('noRole')}</span> : null}
                        {reg.roles.map((role) => (
                          <div key={role.id} className="role">
                            <button type="button" className="quote-link role-title" title={quoteText(role.quote ?? role.offices[0]?.quote)}
                              onClick={() => showQuote(role.title ?? tr.roleKind(row.kind), [role.quote, ...role.offices.map((o) => o.quote)].filter((q): q is Quote => !!q))}>
                              {role.title ?? (role.offices.map((o) => o.holder ?? '').filter(Boolean).join(', ') || tr.roleKind(row.kind))}
                            </button>
                            {role.origin === 'BODY_OFFICE' ? <span className="tag">{tr.t('bodyOffice')}{role.offices[0]?.bodyName ? `: ${role.offices[0].bodyName}` : ''}</span> : null}
                            {role.dutiesByCategory.length ? (
                              <ul className="duties">
                                {role.dutiesByCategory.map((c) => (
                                  <li key={c.category}><span className="cat">{tr.duty(c.category)}:</span>{' '}
                                    {c.duties.map((d, i) => <span key={i} className="duty" title={quoteText(d.quote)}>{d.text}{i < c.duties.length - 1 ? '; ' : ''}</span>)}
                                  </li>
                                ))}
                              </ul>
                            ) : null}
                          </div>
                        ))}
                      </td>
                    ))}
                  </tr>
                ))}
                {!crosswalk.loading && crossRows.length === 0 ? <tr><td colSpan={crossColumns.length + 1} className="muted">{tr.t('noRows')}</td></tr> : null}
              </tbody>
            </table>
          </div>
        </Section>

        <Section id="chains" tr={tr} title={tr.t('chains')} intro={tr.t('chainsIntro')} loading={chains.loading}
          actions={<CsvButton tr={tr} file={`rapporteringskedjor-${slug}.csv`}
            header={[tr.t('region'), tr.t('from'), tr.t('to'), tr.t('origin'), tr.t('relation'), tr.t('quote')]}
            rows={chainRegions.flatMap((c) => c.edges.map((e) => {
              const name = (id: string) => c.nodes.find((n) => n.id === id)?.name ?? id;
              return [regionName(c.regionCode), name(e.from), name(e.to), tr.t(e.origin), tr.relation(e.relation), e.quote?.quote];
            }))} />}>
          <div className="legend">
            {LEVELS.map((l) => <span key={l}><i className="key" style={{ background: LEVEL_COLORS[l] }} /> {tr.level(l)}</span>)}
            <span><i className="key" style={{ background: LEVEL_COLORS.NONE }} /> {tr.level(null)}</span>
            <span><i className="line solid" /> {tr.t('PARENT_LINK')}</span>
            <span><i className="line dashed" /> {tr.t('REPORTING_DUTY')}</span>
          </div>
          <div className="chains">
            {chainRegions.map((c) => {
              const reach = c.paths.filter((p) => p.reachesPolitical).length;
              return (
                <div key={c.regionCode} className={c.nodes.length > 8 ? 'chain wide' : 'chain'}>
                  <h3><span className="swatch" style={{ background: color(c.regionCode) }} />{regionName(c.regionCode)}</h3>
                  <p className="muted small">{reach} {tr.t('pathsReachPolitical')} {c.paths.length} {tr.t('reachPolitical')}</p>
                  <ChainDiagram chain={c} levels={filters && filters.levels.length < LEVELS.length ? filters.levels : []} tr={tr} onQuote={showQuote} />
                </div>
              );
            })}
          </div>
          <details className="chain-table">
            <summary>{tr.t('chainsTable')}</summary>
            <table className="data" data-table="chains">
              <thead><tr><th>{tr.t('region')}</th><th>{tr.t('from')}</th><th>{tr.t('relation')}</th><th>{tr.t('to')}</th></tr></thead>
              <tbody>
                {chainRegions.flatMap((c) => c.edges.map((e, i) => {
                  const name = (id: string) => c.nodes.find((n) => n.id === id)?.name ?? id;
                  return (
                    <tr key={`${c.regionCode}-${i}`}>
                      <td>{regionName(c.regionCode)}</td><td>{name(e.from)}</td>
                      <td><button type="button" className="quote-link" title={quoteText(e.quote)} onClick={() => showQuote(`${name(e.from)} → ${name(e.to)}`, e.quote ? [e.quote] : [])}>{tr.relation(e.relation)} ({tr.t(e.origin)})</button></td>
                      <td>{name(e.to)}</td>
                    </tr>
                  );
                }))}
              </tbody>
            </table>
          </details>
        </Section>

        <Section id="matrix" tr={tr} title={tr.t('matrix')} intro={tr.t('matrixIntro')} loading={matrix.loading}
          actions={<CsvButton tr={tr} file={`jamforelsematris-${slug}.csv`}
            header={[tr.t('aspect'), tr.t('region'), tr.t('status'), tr.t('value'), tr.t('note'), tr.t('quote')]}
            rows={(m?.rows ?? []).flatMap((row) => row.cells.map((c) => [tr.aspect(row.aspect, row.label), regionName(c.regionCode), tr.t(c.status), c.value === null ? null : tr.value(c.value), [...c.details, c.note].filter(Boolean).join(' · '), c.quotes.map((q) => q.quote).join(' | ')]))} />}>
          {m ? (
            <div className="scroll">
              <table className="data matrix" data-table="matrix">
                <thead>
                  <tr><th>{tr.t('aspect')}</th>{m.columns.map((c) => <th key={c}>{regionName(c)}</th>)}</tr>
                  <tr className="top-bodies"><th>{tr.t('topBodies')}</th>{m.columns.map((c) => <td key={c}>{m.topBodies.find((t) => t.regionCode === c)?.body?.name ?? '–'}</td>)}</tr>
                </thead>
                <tbody>
                  {m.rows.map((row) => (
                    <tr key={row.aspect}>
                      <th scope="row">{tr.aspect(row.aspect, row.label)}</th>
                      {row.cells.map((c) => (
                        <td key={c.regionCode} className={c.status === 'STATED' ? 'stated' : 'not-stated'}
                          title={c.quotes.length ? c.quotes.map((q) => `“${q.quote}” (${q.document}${q.section ? `, ${q.section}` : ''})`).join('\n') : (c.note ?? '')}>
                          <button type="button" className="cell-button" onClick={() => showQuote(`${tr.aspect(row.aspect, row.label)} · ${regionName(c.regionCode)}`, c.quotes, [c.note, c.details.length > 3 ? c.details.join(' · ') : null].filter(Boolean).join(' — ') || undefined)}>
                            {c.status === 'STATED' ? tr.value(c.value ?? '') : <em>{tr.t('notStated')}</em>}
                            {c.details.length ? <span className="details">{c.details.slice(0, 3).join(' · ')}{c.details.length > 3 ? ` … (+${c.details.length - 3})` : ''}</span> : null}
                            {c.quotes.length ? <span className="qmark" aria-hidden="true">❝</span> : null}
                          </button>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </Section>
      </main>

      {panel ? <QuotePanel tr={tr} {...panel} onClose={() => setPanel(null)} /> : null}
      <footer className="muted small">Samverkan Graph · <a href="/graphql">/graphql</a> · <a href="/playground/">{tr.t('playground')}</a></footer>
    </>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
