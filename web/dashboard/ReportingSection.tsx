/**
 * Reporting duties: who reports what to whom, how often (with the quote), and per region the bodies
 * whose documents state no meeting frequency. From landscape.reportingDuties and frequencySummary.
 */
import type { ReportingData, ReportingParty } from './api';
import { useDashboard } from './context';
import { QUOTE_COLUMNS, quoteCells } from './csv';
import { CsvButton, QuoteButton, Section } from './ui';

export function ReportingSection(props: { data: ReportingData['landscape'] | null; loading: boolean }) {
  const { tr, regionName, color } = useDashboard();
  const t = tr.t;
  const duties = props.data?.reportingDuties.duties ?? [];
  const silent = props.data?.frequencySummary.regions ?? [];
  // The data says "not stated" / "ej angivet" (sometimes with an English remark) for an unnamed party: shown in the page's language.
  const party = (p: ReportingParty) => {
    const m = /^(?:not stated|ej angivet)\b[\s:]*(.*)$/i.exec(p.text);
    if (!m) return p.text;
    return tr.lang === 'en' && m[1] ? `${t('notStatedLower')} ${m[1]}` : t('notStatedLower');
  };
  const often = (d: (typeof duties)[number]) => d.frequency?.text ?? t('notStatedLower');
  const csv = duties.map((d) => [
    regionName(d.regionCode),
    party(d.from),
    tr.relation(d.artifact),
    d.description,
    party(d.to),
    often(d),
    ...quoteCells([d.quote]),
  ]);
  return (
    <Section
      id="reporting"
      title={t('reporting')}
      intro={t('reportingIntro')}
      loading={props.loading}
      actions={
        <CsvButton
          file="reporting"
          header={[t('region'), t('from'), t('artifact'), t('description'), t('to'), t('howOften'), ...QUOTE_COLUMNS.map(t)]}
          rows={csv}
        />
      }
    >
      <table className="data stack" data-table="reporting">
        <thead>
          <tr>
            <th>{t('region')}</th>
            <th>{t('from')}</th>
            <th>{t('what')}</th>
            <th>{t('to')}</th>
            <th>{t('howOften')}</th>
          </tr>
        </thead>
        <tbody>
          {duties.map((d) => (
            <tr key={d.id}>
              <td data-label={t('region')}>
                <span className="swatch" style={{ background: color(d.regionCode) }} />
                {regionName(d.regionCode)}
              </td>
              <td data-label={t('from')}>{party(d.from)}</td>
              <td data-label={t('what')}>
                <QuoteButton title={`${party(d.from)} → ${party(d.to)}: ${tr.relation(d.artifact)}`} quotes={[d.quote]} regionCode={d.regionCode}>
                  <strong>{tr.relation(d.artifact)}</strong>: {d.description}
                </QuoteButton>
              </td>
              <td data-label={t('to')}>{party(d.to)}</td>
              <td data-label={t('howOften')}>{d.frequency ? `“${d.frequency.text}”` : <span className="muted">{t('notStatedLower')}</span>}</td>
            </tr>
          ))}
          {!props.loading && duties.length === 0 ? (
            <tr>
              <td colSpan={5} className="muted">
                {t('noRows')}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <h3 className="sub">{t('noFrequency')}</h3>
      <p className="intro">{t('noFrequencyIntro')}</p>
      <div className="no-frequency" data-testid="no-frequency">
        {silent.map((r) => (
          <div key={r.regionCode} data-region={r.regionCode}>
            <h4>
              <span className="swatch" style={{ background: color(r.regionCode) }} />
              {regionName(r.regionCode)} ({r.bodiesWithoutFrequencyList.length})
            </h4>
            {r.bodiesWithoutFrequencyList.length ? (
              <ul>
                {r.bodiesWithoutFrequencyList.map((b) => (
                  <li key={b.id}>{b.name ?? b.id}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('none')}</p>
            )}
          </div>
        ))}
      </div>
    </Section>
  );
}
