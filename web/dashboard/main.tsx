/**
 * The comparison dashboard: filters (in the URL), meeting frequency, the roles crosswalk, reporting
 * duties, the reporting chains and the comparison matrix, each its own component; Swedish with an
 * English switch; a CSV download for every table; a banner for a missing region. All data comes
 * from the gateway's public GraphQL API (./api.ts), one operation per section.
 */
import './dashboard.css';
import './print.css';
import { StrictMode, useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CHAINS, CROSSWALK, FREQUENCY, FUNCTIONS, MATRIX, META, REPORTING } from './api';
import { ChainsSection } from './ChainsSection';
import { DashboardContext, type Dashboard, type QuoteRequest } from './context';
import { CrosswalkSection } from './CrosswalkSection';
import { FunctionsSection } from './FunctionsSection';
import { FilterForm } from './Filters';
import { readFilters, writeFilters, type Filters } from './filters-url';
import { FrequencySection } from './FrequencySection';
import { BODY_KINDS, LEVELS, ROLE_KINDS, translator, type Lang } from './i18n';
import { MatrixSection } from './MatrixSection';
import { ReportingSection } from './ReportingSection';
import { ChangesSection } from './ChangesSection';
import { SearchSection } from './SearchSection';
import { DocumentsSection } from './DocumentsSection';
import { SectionNav } from './SectionNav';
import { TimelineSection } from './TimelineSection';
import { QuotePanel } from './ui';
import { useQuery } from './useQuery';

const REGION_COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];
const LANG_KEY = 'samverkan.dashboard.lang';

function App() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'sv'));
  const tr = useMemo(() => translator(lang), [lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = tr.t('title');
    localStorage.setItem(LANG_KEY, lang);
  }, [lang, tr]);

  const meta = useQuery(META, {});
  // A region whose subgraph is down is null in `regions` (and named in missingRegions).
  const regions = useMemo(() => (meta.data?.regions ?? []).filter((r) => r !== null), [meta.data]);
  const allRegions = useMemo(() => regions.map((r) => r.code), [regions]);
  const [filters, setFiltersState] = useState<Filters | null>(null);
  // The search text is in the URL too (?q=), beside the filters.
  const [searchText, setSearchText] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  useEffect(() => {
    const onPop = () => setSearchText(new URLSearchParams(location.search).get('q') ?? '');
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const search = (text: string) => {
    const params = new URLSearchParams(location.search);
    if (text) params.set('q', text);
    else params.delete('q');
    const query = params.toString().replace(/%2C/g, ',');
    if (`?${query}` !== location.search) history.pushState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    setSearchText(text);
  };
  // The URL holds the filters: read at start and on Back/Forward, written (a new history entry) on change.
  useEffect(() => {
    if (!allRegions.length) return;
    if (!filters) setFiltersState(readFilters(location.search, allRegions));
    const onPop = () => setFiltersState(readFilters(location.search, allRegions));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [allRegions, filters]);
  const setFilters = (f: Filters) => {
    const search = writeFilters(f, allRegions, location.search);
    if (search !== location.search) history.pushState(null, '', `${location.pathname}${search}${location.hash}`);
    setFiltersState(f);
  };

  const names = useMemo(() => new Map(regions.map((r) => [r.code, r.name])), [regions]);
  const regionName = useCallback((code: string) => names.get(code) ?? code.charAt(0).toUpperCase() + code.slice(1), [names]);
  const color = useCallback((code: string) => REGION_COLORS[Math.max(0, allRegions.indexOf(code)) % REGION_COLORS.length]!, [allRegions]);
  const [panel, setPanel] = useState<QuoteRequest | null>(null);
  const closePanel = useCallback(() => setPanel(null), []);
  const ctx: Dashboard = useMemo(() => ({ tr, regionName, color, showQuote: setPanel }), [tr, regionName, color]);

  // Variables: "all selected" sends no restriction (so bodies whose level is not stated stay in);
  // an empty selection means "nothing" (the API reads an empty list as "no restriction").
  const ready = filters && filters.regions.length > 0;
  const regionsVar = ready && filters.regions.length < allRegions.length ? filters.regions : null;
  const freqVars =
    ready && filters.levels.length > 0 && filters.bodyKinds.length > 0
      ? {
          filter: {
            ...(regionsVar ? { regions: regionsVar } : {}),
            ...(filters.levels.length < LEVELS.length ? { levels: filters.levels } : {}),
            ...(filters.bodyKinds.length < BODY_KINDS.length ? { kinds: filters.bodyKinds } : {}),
          },
        }
      : null;
  const frequency = useQuery(FREQUENCY, freqVars);
  const crosswalk = useQuery(
    CROSSWALK,
    ready && filters.roleKinds.length > 0 ? { regions: regionsVar, kinds: filters.roleKinds.length < ROLE_KINDS.length ? filters.roleKinds : null } : null,
  );
  const functions = useQuery(FUNCTIONS, ready ? { regions: regionsVar } : null);
  const reporting = useQuery(REPORTING, ready ? { filter: regionsVar ? { regions: regionsVar } : null, regions: regionsVar } : null);
  const chains = useQuery(CHAINS, ready ? { regions: regionsVar } : null);
  const matrix = useQuery(MATRIX, ready ? { regions: regionsVar } : null);

  const missing = [
    ...new Set([
      ...(meta.data?.landscape.missingRegions ?? []),
      ...(frequency.data?.landscape.missingRegions ?? []),
      ...(crosswalk.data?.landscape.rolesCrosswalk.missingRegions ?? []),
      ...(functions.data?.landscape.functionalCrosswalk.missingRegions ?? []),
      ...(reporting.data?.landscape.reportingDuties.missingRegions ?? []),
      ...(chains.data?.landscape.reportingChains.missingRegions ?? []),
      ...(matrix.data?.landscape.comparisonMatrix.missingRegions ?? []),
    ]),
  ];
  // Errors that are not explained by a missing region (which always comes with a gateway error).
  const unexplained = [meta, frequency, crosswalk, reporting, chains, matrix].flatMap((q) =>
    q.failed ? [q.failed] : q.data ? [] : q.errors.map((e) => e.message),
  );

  return (
    <DashboardContext.Provider value={ctx}>
      <a className="skip" href="#main">
        {tr.t('skip')}
      </a>
      <header className="top" id="top">
        <div>
          <h1>{tr.t('title')}</h1>
          <p className="muted">{tr.t('subtitle')}</p>
        </div>
        <nav aria-label={tr.t('language')}>
          <a href="/playground/">{tr.t('playground')}</a>
          <div className="lang" role="group" aria-label={tr.t('language')}>
            <button type="button" aria-pressed={lang === 'sv'} data-lang="sv" lang="sv" onClick={() => setLang('sv')}>
              Svenska
            </button>
            <button type="button" aria-pressed={lang === 'en'} data-lang="en" lang="en" onClick={() => setLang('en')}>
              English
            </button>
          </div>
        </nav>
      </header>

      {missing.length > 0 ? (
        <div className="banner missing" role="alert" data-testid="missing-banner" data-missing={missing.join(',')}>
          <strong>
            ⚠ {tr.t('missingBanner')} {missing.map(regionName).join(', ')}.
          </strong>{' '}
          {tr.t('missingExplain')}
        </div>
      ) : null}
      {meta.data?.landscape.staleRegions.length ? (
        <div className="banner info" role="status" data-testid="stale-banner" data-stale={meta.data.landscape.staleRegions.join(',')}>
          {tr.t('staleBanner')} {meta.data.landscape.staleRegions.map(regionName).join(', ')}.
        </div>
      ) : null}
      {meta.data ? (
        <p className="muted data-as-of" data-testid="data-as-of">
          <a href="#documents">{tr.t('dataLoaded')}</a> ({tr.t('dataLoadedNote')}):{' '}
          {meta.data.landscape.freshness
            .filter((f) => f.syncedAt)
            .map(
              (f) =>
                `${regionName(f.regionCode)} ${new Date(f.syncedAt!).toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' })}`,
            )
            .join(' · ')}
        </p>
      ) : null}
      {unexplained.length > 0 ? (
        <div className="banner error" role="alert" data-testid="error-banner">
          <strong>{tr.t('errorBanner')}:</strong> {[...new Set(unexplained)].join('; ')}
        </div>
      ) : null}

      <SectionNav />
      {filters ? <FilterForm filters={filters} allRegions={allRegions} onChange={setFilters} /> : <p className="muted">{tr.t('loading')}</p>}
      {filters && filters.regions.length === 0 ? <div className="banner info">{tr.t('noRegion')}</div> : null}

      <main id="main" tabIndex={-1}>
        {filters ? <SearchSection key={searchText} text={searchText} regions={regionsVar} onSearch={search} /> : null}
        <DocumentsSection
          freshness={meta.data?.landscape.freshness ?? []}
          regions={allRegions.filter((c) => filters?.regions.includes(c))}
          loading={meta.loading}
        />
        <TimelineSection regions={regionsVar} enabled={Boolean(ready)} />
        {filters ? <ChangesSection regions={allRegions.filter((c) => filters.regions.includes(c))} /> : null}
        <FrequencySection
          rows={frequency.data?.landscape.meetingFrequencyTable ?? []}
          loading={frequency.loading}
          regions={allRegions.filter((c) => filters?.regions.includes(c))}
        />
        <FunctionsSection data={functions.data?.landscape.functionalCrosswalk ?? null} loading={functions.loading} />
        <CrosswalkSection rows={crosswalk.data?.landscape.rolesCrosswalk.rows ?? []} loading={crosswalk.loading} />
        <ReportingSection data={reporting.data?.landscape ?? null} loading={reporting.loading} />
        <ChainsSection chains={chains.data?.landscape.reportingChains.regions ?? []} loading={chains.loading} levels={filters?.levels ?? [...LEVELS]} />
        <MatrixSection matrix={matrix.data?.landscape.comparisonMatrix ?? null} loading={matrix.loading} />
      </main>

      {panel ? <QuotePanel {...panel} onClose={closePanel} /> : null}
      <footer className="muted small">
        Samverkan Graph · <a href="/graphql">/graphql</a> · <a href="/playground/">{tr.t('playground')}</a>
      </footer>
    </DashboardContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
