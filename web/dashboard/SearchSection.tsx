/**
 * Search over every region's facts and source documents (landscape.search): Swedish stemming and
 * compounds are the API's. Hits are grouped by the passage they stand in (search-groups.ts): each group
 * shows the passage's snippet once, with the matched words marked, and what it is evidence for (each a
 * button opening that fact's quote). The text is in the URL (?q=), so a search can be shared too.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { SEARCH, type SearchHit } from './api';
import { useDashboard } from './context';
import { type Cell } from './csv';
import { stripMarkup } from './markup';
import { groupHits } from './search-groups';
import { CsvButton, QuoteButton, Section } from './ui';
import { useQuery } from './useQuery';

const PAGE = 20;

/** The snippet without the source's marks, its highlight ranges in <mark>. */
function marked(hit: SearchHit): ReactNode[] {
  const { text, at } = stripMarkup(hit.snippet);
  const plain = (i: number) => {
    const j = at.findIndex((x) => x >= i);
    return j < 0 ? text.length : j;
  };
  const out: ReactNode[] = [];
  let pos = 0;
  for (const h of [...hit.highlights].sort((a, b) => a.start - b.start)) {
    const start = plain(h.start);
    const end = plain(h.end);
    if (start < pos || end <= start) continue;
    out.push(text.slice(pos, start), <mark key={h.start}>{text.slice(start, end)}</mark>);
    pos = end;
  }
  out.push(text.slice(pos));
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
  const groups = groupHits(search?.nodes ?? []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFirst(PAGE);
    props.onSearch(draft.trim());
  };
  const error = result.errors.find((e) => e.extensions?.code === 'BAD_USER_INPUT')?.message;
  const csv: Cell[][] = groups.flatMap((g, i) =>
    g.members.map((h) => [
      i + 1,
      regionName(h.regionCode),
      tr.hitKind(h.kind),
      h.name,
      stripMarkup(h.snippet).text,
      h.source.quote,
      h.source.documentTitle,
      h.source.document,
      h.source.section,
    ]),
  );
  return (
    <Section
      id="search"
      title={t('search')}
      intro={t('searchIntro')}
      loading={result.loading && !!text}
      actions={
        text && search ? (
          <CsvButton
            file="search"
            header={[t('passageNo'), t('region'), t('kind'), t('title_'), t('snippet'), t('quote'), t('document'), t('file'), t('section')]}
            rows={csv}
          />
        ) : null
      }
    >
      <form role="search" className="search-form" onSubmit={submit}>
        <label htmlFor="search-text" className="sr-only">
          {t('searchLabel')}
        </label>
        <input
          id="search-text"
          type="search"
          name="q"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          maxLength={200}
          placeholder={t('searchPlaceholder')}
        />
        <button type="submit" className="csv">
          {t('searchButton')}
        </button>
      </form>
      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}
      {text && search ? (
        <>
          <p className="muted" role="status" data-testid="search-count">
            {search.totalCount} {t(search.totalCount === 1 ? 'hit' : 'hits')}
          </p>
          <p className="muted small" data-testid="search-groups">
            {groups.length} {t(groups.length === 1 ? 'passage' : 'passages')}
          </p>
          <ol className="hits" data-testid="search-hits">
            {groups.map(({ key, lead, members }) => (
              <li key={key} data-group={key} data-members={members.length}>
                <button
                  type="button"
                  className="quote-link hit"
                  aria-haspopup="dialog"
                  data-hit={lead.id}
                  onClick={() => showQuote({ title: lead.name, quotes: [lead.source], regionCode: lead.regionCode })}
                >
                  <span className="hit-head">
                    <span className="swatch" style={{ background: color(lead.regionCode) }} />
                    {regionName(lead.regionCode)}
                    <span className="tag">{tr.hitKind(lead.kind)}</span> <strong>{lead.name}</strong>
                  </span>
                  <span className="snippet">{marked(lead)}</span>
                  <span className="muted small">
                    {lead.source.documentTitle}
                    {lead.source.section ? `, ${lead.source.section}` : ''}
                  </span>
                </button>
                {members.length > 1 ? (
                  <span className="evidence" data-testid="evidence">
                    {t('evidenceFor')}:
                    {members.map((h) => (
                      <QuoteButton key={`${h.kind}:${h.id}`} title={h.name} quotes={[h.source]} regionCode={h.regionCode}>
                        <span className="tag">{tr.hitKind(h.kind)}</span> {h.name}
                      </QuoteButton>
                    ))}
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
          {search.pageInfo.hasNextPage && first < 100 ? (
            <button type="button" className="csv" onClick={() => setFirst(Math.min(100, first + PAGE))}>
              {t('moreHits')}
            </button>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
