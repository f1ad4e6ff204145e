/**
 * Per region, the documents its facts come from (landscape.freshness.documents): each document's own
 * date, validity (its verbatim statement, a button for the quote), review date and version, beside when
 * the comparison last loaded the region. The load time is never the documents' date.
 */
import type { Freshness } from './api';
import { useDashboard } from './context';
import { QUOTE_COLUMNS, quoteCells, type Cell } from './csv';
import { CsvButton, QuoteButton, Section } from './ui';

/** A version (SHA-256 hex) as its first 12 characters, the way a commit is named. */
export const shortVersion = (v: string) => v.slice(0, 12);

export function DocumentsSection(props: { freshness: Freshness[]; regions: string[]; loading: boolean }) {
  const { tr, regionName, color } = useDashboard();
  const t = tr.t;
  const shown = props.freshness.filter((f) => props.regions.includes(f.regionCode));
  const loaded = (at: string | null) =>
    at ? new Date(at).toLocaleString(tr.lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }) : '–';
  const csv: Cell[][] = shown.flatMap((f) =>
    f.documents.map((d) => [
      regionName(f.regionCode),
      d.title,
      d.file,
      d.date ?? '',
      d.validity?.text ?? '',
      d.reviewBy ?? '',
      d.version ?? '',
      f.syncedAt ?? '',
      ...quoteCells([d.validity?.source]),
    ]),
  );
  return (
    <Section
      id="documents"
      title={t('documents')}
      intro={t('documentsIntro')}
      loading={props.loading}
      actions={
        <CsvButton
          file="documents"
          header={[t('region'), t('document'), t('file'), t('docDate'), t('validity'), t('reviewBy'), t('version'), t('dataLoaded'), ...QUOTE_COLUMNS.map(t)]}
          rows={csv}
        />
      }
    >
      <div className="documents">
        {shown.map((f) => (
          <div key={f.regionCode} className="region-docs" data-region={f.regionCode}>
            <h3>
              <span className="swatch" style={{ background: color(f.regionCode) }} />
              {regionName(f.regionCode)}
            </h3>
            <p className="muted small" data-testid={`loaded-${f.regionCode}`}>
              {t('dataLoaded')}: <time dateTime={f.syncedAt ?? undefined}>{loaded(f.syncedAt)}</time>
            </p>
            <table className="data stack" data-table={`documents-${f.regionCode}`}>
              <thead>
                <tr>
                  <th>{t('document')}</th>
                  <th>{t('docDate')}</th>
                  <th>{t('validity')}</th>
                  <th>{t('reviewBy')}</th>
                  <th>{t('version')}</th>
                </tr>
              </thead>
              <tbody>
                {f.documents.map((d) => (
                  <tr key={d.id} data-document={d.id}>
                    <th scope="row" data-label={t('document')}>
                      {d.title}
                    </th>
                    <td data-label={t('docDate')}>{d.date ? <time dateTime={d.date}>{d.date}</time> : <span className="muted">{t('noDate')}</span>}</td>
                    <td data-label={t('validity')}>
                      {d.validity ? (
                        <QuoteButton title={`${d.title}: ${t('validity').toLowerCase()}`} quotes={[d.validity.source]} regionCode={f.regionCode}>
                          {d.validity.text}
                        </QuoteButton>
                      ) : (
                        <span className="muted">{t('noValidity')}</span>
                      )}
                    </td>
                    <td data-label={t('reviewBy')}>{d.reviewBy ? <time dateTime={d.reviewBy}>{d.reviewBy}</time> : '–'}</td>
                    <td data-label={t('version')}>
                      {d.version ? <code data-version={d.version}>{shortVersion(d.version)}</code> : <span className="muted">{t('noVersion')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </div>
    </Section>
  );
}
