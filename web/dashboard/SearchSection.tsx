/**
 * Search over every region's facts and source documents (landscape.search): Swedish stemming and
 * compounds are the API's. Each hit is a button that opens its quote in the quote panel; the matched
 * words are marked in the snippet. The text is in the URL (?q=), so a search can be shared too.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { SEARCH, type SearchHit } from './api';
import { useDashboard } from './context';
import { Section } from './ui';
import { useQuery } from './useQuery';

const PAGE = 20;

/** The snippet with its highlight ranges in <mark>. */
function marked(hit: SearchHit): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const h of [...hit.highlights].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;
    out.push(hit.snippet.slice(at, h.start), <mark key={h.start}>{hit.snippet.slice(h.start, h.end)}</mark>);
    at = h.end;
  }
  out.push(hit.snippet.slice(at));
  return out;
}

export function SearchSection(props: { text: string; regions: string[] | null; onSearch: (text: string) => void }) {
  const { tr, regionName, color, showQuote } = useDashboard();
  const t = tr.t;
  const [draft, setDraft] = useState(props.text);
  const [first, setFirst] = useState(PAGE);
  const text = props.text.trim();
  const result = useQuery(SEARCH, text ? { text, first, filter: props.regions ? { regions: props.regions } : null } : null);
  const search = result.data?.landscape.search;
  const submit = (e: FormEvent) => { e.preventDefault(); setFirst(PAGE); props.onSearch(draft.trim()); };
  const error = result.errors.find((e) => e.extensions?.code === 'BAD_USER_INPUT')?.message;
  return (
    <Section id="search" title={t('search')} intro={t('searchIntro')} loading={result.loading && !!text}>
      <form role="search" className="search-form" onSubmit={submit}>
        <label htmlFor="search-text" className="sr-only">{t('searchLabel')}</label>
        <input id="search-text" type="search" name="q" value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={200} placeholder={t('searchPlaceholder')} />
        <button type="submit" className="csv">{t('searchButton')}</button>
      </form>
      {error ? <p className="banner error" role="alert">{error}</p> : null}
      {text && search ? (
        <>
          <p className="muted" role="status" data-testid="search-count">{search.totalCount} {t(search.totalCount === 1 ? 'hit' : 'hits')}</p>
          <ol className="hits" data-testid="search-hits">
            {search.nodes.map((hit) => (
              <li key={`${hit.regionCode}:${hit.kind}:${hit.id}`}>
                <button type="button" className="quote-link hit" aria-haspopup="dialog" data-hit={hit.id}
                  onClick={() => showQuote({ title: hit.name, quotes: [hit.source], regionCode: hit.regionCode })}>
                  <span className="hit-head">
                    <span className="swatch" style={{ background: color(hit.regionCode) }} />{regionName(hit.regionCode)}
                    <span className="tag">{tr.hitKind(hit.kind)}</span> <strong>{hit.name}</strong>
                  </span>
                  <span className="snippet">{marked(hit)}</span>
                  <span className="muted small">{hit.source.documentTitle}{hit.source.section ? `, ${hit.source.section}` : ''}</span>
                </button>
              </li>
            ))}
          </ol>
          {search.pageInfo.hasNextPage && first < 100 ? (
            <button type="button" className="csv" onClick={() => setFirst(Math.min(100, first + PAGE))}>{t('moreHits')}</button>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
