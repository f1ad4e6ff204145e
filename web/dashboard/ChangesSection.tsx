/**
 * What changed, per region (landscape.changes with one region): the region's data history newest
 * first, each entry with the fact, what changed (before → after) and the quote. One region at a time,
 * so a long history of one region never hides another's.
 */
import { useState } from 'react';
import { CHANGES, type ChangeDocuments, type DataChange } from './api';
import { useDashboard } from './context';
import { type Cell } from './csv';
import { shortVersion } from './DocumentsSection';
import { CsvButton, Section } from './ui';
import { useQuery } from './useQuery';

const PAGE = 10;

/** A before/after value as the API sends it (JSON text), shown as plain text. */
function shown(json: string | null | undefined): string {
  if (json === null || json === undefined) return '–';
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'string' ? v : JSON.stringify(v);
  } catch {
    return json;
  }
}

export function ChangesSection(props: { regions: string[] }) {
  const { tr, regionName, color } = useDashboard();
  const t = tr.t;
  const [chosen, setChosen] = useState<string | null>(null);
  const [first, setFirst] = useState(PAGE);
  const region = chosen && props.regions.includes(chosen) ? chosen : (props.regions[0] ?? null);
  const result = useQuery(CHANGES, region ? { regions: [region], first } : null);
  const changes = result.data?.landscape.changes;
  const date = (at: string) => new Date(at).toLocaleString(tr.lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  const docsOf = new Map<string, ChangeDocuments['documents']>((changes?.documents ?? []).map((d) => [d.changeId, d.documents]));
  const docText = (d: ChangeDocuments['documents'][number]) =>
    `${d.title}${d.date ? ` (${t('dated')} ${d.date})` : ''}${d.version ? `, ${t('version').toLowerCase()} ${shortVersion(d.version)}` : ''}`;
  const versions = (c: DataChange) => `${c.dataVersionBefore ? `${shortVersion(c.dataVersionBefore)} → ` : ''}${shortVersion(c.dataVersionAfter)}`;
  const csv: Cell[][] = (changes?.nodes ?? []).map((c) => [
    c.at,
    regionName(c.regionCode),
    tr.changeType(c.change),
    c.factKind ? tr.factKind(c.factKind) : '',
    c.factName ?? c.factId ?? '',
    (docsOf.get(c.id) ?? []).map(docText).join(' | '),
    c.dataVersionBefore ?? '',
    c.dataVersionAfter,
    c.fields.map((f) => `${f.path}: ${shown(f.before)} → ${shown(f.after)}`).join(' | '),
    c.quoteBefore ?? '',
    c.quoteAfter ?? '',
  ]);
  const title = (c: DataChange) =>
    c.change === 'INITIAL_LOAD'
      ? t('initialLoad')
      : `${tr.changeType(c.change)}: ${c.factKind ? tr.factKind(c.factKind) : ''} ${c.factName ?? c.factId ?? ''}`.trim();
  return (
    <Section
      id="changes"
      title={t('changes')}
      intro={t('changesIntro')}
      loading={result.loading && !!region}
      actions={
        <CsvButton
          file="changes"
          header={[
            t('when'),
            t('region'),
            t('changes'),
            t('kind'),
            t('title_'),
            t('changeDocument'),
            `${t('dataVersion')} (-)`,
            `${t('dataVersion')} (+)`,
            t('details'),
            `${t('quote')} (-)`,
            `${t('quote')} (+)`,
          ]}
          rows={csv}
        />
      }
    >
      <label className="inline-select">
        {t('region')}{' '}
        <select
          value={region ?? ''}
          onChange={(e) => {
            setChosen(e.target.value);
            setFirst(PAGE);
          }}
          data-testid="changes-region"
        >
          {props.regions.map((code) => (
            <option key={code} value={code}>
              {regionName(code)}
            </option>
          ))}
        </select>
      </label>
      {region && changes ? (
        <>
          {changes.missingRegions.length ? <p className="banner info">{t('changesMissing')}</p> : null}
          {changes.staleRegions.length ? <p className="banner info">{t('changesStale')}</p> : null}
          <p className="muted" role="status" data-testid="changes-count">
            {changes.totalCount} {t(changes.totalCount === 1 ? 'changeOne' : 'changeMany')}
          </p>
          <ol className="changes" data-testid="changes-list">
            {changes.nodes.map((c) => (
              <li key={c.id} data-change={c.change}>
                <span className="swatch" style={{ background: color(c.regionCode) }} />
                <time dateTime={c.at}>{date(c.at)}</time> <strong>{title(c)}</strong>
                {(docsOf.get(c.id) ?? []).map((d) => (
                  <span key={d.id} className="change-doc" data-document={d.id}>
                    {t('changeDocument')}: {docText(d)}
                  </span>
                ))}
                <span className="muted small change-version">
                  {t('dataVersion')} <code>{versions(c)}</code>
                </span>
                {c.fields.length ? (
                  <ul className="fields">
                    {c.fields.map((f) => (
                      <li key={f.path}>
                        <code>{f.path}</code>: {shown(f.before)} → {shown(f.after)}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {c.quoteAfter || c.quoteBefore ? <span className="muted small"> “{c.quoteAfter ?? c.quoteBefore}”</span> : null}
              </li>
            ))}
          </ol>
          {changes.pageInfo.hasNextPage && first < 100 ? (
            <button type="button" className="csv" onClick={() => setFirst(Math.min(100, first + PAGE))}>
              {t('moreChanges')}
            </button>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
