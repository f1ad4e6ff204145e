/** Meeting frequency per body: the chart (Chart.js) and the same rows as a table, with the CSV. */
import type { FrequencyRow } from './api';
import { useDashboard } from './context';
import { QUOTE_COLUMNS, quoteCells } from './csv';
import { FrequencyChart } from './FrequencyChart';
import { CsvButton, QuoteButton, Section } from './ui';

export function FrequencySection(props: { rows: FrequencyRow[]; loading: boolean; regions: string[] }) {
  const { tr, regionName, color } = useDashboard();
  const { rows } = props;
  const t = tr.t;
  // Min/år and Max/år never leave an empty cell that could mean two things.
  const min = (r: FrequencyRow) => (r.minPerYear === null ? t('notStatedLower') : r.minPerYear);
  const max = (r: FrequencyRow) => (r.maxPerYear !== null ? r.maxPerYear : r.minPerYear !== null ? t('noUpperBound') : t('notStatedLower'));
  const header = [t('rank'), t('region'), t('body'), t('level'), t('kind'), t('min'), t('max'), t('approximate'), t('phrase'), ...QUOTE_COLUMNS.map(t)];
  const csv = rows.map((r) => [
    r.rank,
    regionName(r.regionCode),
    r.bodyName,
    tr.level(r.level),
    tr.bodyKind(r.kind),
    min(r),
    max(r),
    tr.t(r.approximate ? 'yes' : 'no'),
    r.cadence.text,
    ...quoteCells([r.cadence.source]),
  ]);
  return (
    <Section
      id="frequency"
      title={t('frequency')}
      intro={t('frequencyIntro')}
      loading={props.loading}
      actions={<CsvButton file="frequency" header={header} rows={csv} />}
    >
      <div className="legend">
        <span>
          <i className="key exact" /> {t('legendExact')}
        </span>
        <span>
          <i className="key approx" /> {t('legendApprox')}
        </span>
        <span>
          <i className="key open" /> {t('legendOpen')}
        </span>
        {props.regions.map((c) => (
          <span key={c}>
            <i className="key" style={{ background: color(c) }} /> {regionName(c)}
          </span>
        ))}
      </div>
      {rows.length ? <FrequencyChart rows={rows} regionName={regionName} color={color} tr={tr} /> : null}
      <table className="data stack" data-table="frequency">
        <caption>{t('frequencyTable')}</caption>
        <thead>
          <tr>
            <th>{t('rank')}</th>
            <th>{t('region')}</th>
            <th>{t('body')}</th>
            <th>{t('level')}</th>
            <th>{t('kind')}</th>
            <th>{t('min')}</th>
            <th>{t('max')}</th>
            <th>{t('phrase')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.bodyId}>
              <td data-label={t('rank')}>{r.rank}</td>
              <td data-label={t('region')}>
                <span className="swatch" style={{ background: color(r.regionCode) }} />
                {regionName(r.regionCode)}
              </td>
              <td data-label={t('body')}>{r.bodyName}</td>
              <td data-label={t('level')}>{tr.level(r.level)}</td>
              <td data-label={t('kind')}>{tr.bodyKind(r.kind)}</td>
              <td data-label={t('min')} className="num">
                {typeof min(r) === 'number' ? tr.num(r.minPerYear!) : <span className="muted">{min(r)}</span>}
              </td>
              <td data-label={t('max')} className="num">
                {r.maxPerYear !== null ? tr.num(r.maxPerYear) : <span className="muted">{max(r)}</span>}
              </td>
              <td data-label={t('phrase')}>
                <QuoteButton title={r.bodyName} quotes={r.cadence.source ? [r.cadence.source] : []} regionCode={r.regionCode}>
                  {r.approximate ? (
                    <span className="approx-mark" title={t('legendApprox')}>
                      ≈{' '}
                    </span>
                  ) : null}
                  “{r.cadence.text}”
                </QuoteButton>
                {r.minPerYear === null && r.maxPerYear === null ? <span className="muted"> · {t('notCharted')}</span> : null}
              </td>
            </tr>
          ))}
          {!props.loading && rows.length === 0 ? (
            <tr>
              <td colSpan={8} className="muted">
                {t('noRows')}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </Section>
  );
}
