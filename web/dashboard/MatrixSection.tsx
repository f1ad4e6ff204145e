/** The comparison matrix: aspects × regions with each region's top body; a cell opens its quotes. */
import type { MatrixData } from './api';
import { useDashboard } from './context';
import { QUOTE_COLUMNS, quoteCells } from './csv';
import { CsvButton, QuoteButton, Section } from './ui';

type Matrix = MatrixData['landscape']['comparisonMatrix'];

export function MatrixSection(props: { matrix: Matrix | null; loading: boolean }) {
  const { tr, regionName } = useDashboard();
  const t = tr.t;
  const m = props.matrix;
  const detail = tr.phrase; // generated phrases translated; the documents' own words stay
  const csv = (m?.rows ?? []).flatMap((row) =>
    row.cells.map((c) => [
      tr.aspect(row.aspect, row.label),
      regionName(c.regionCode),
      t(c.status),
      c.value === null ? t('notStatedLower') : tr.value(c.value),
      c.details.map(detail).join(' · '),
      tr.note(c.note) ?? '',
      ...quoteCells(c.quotes),
      c.facts.map((f) => tr.value(f.text)).join(' | '),
    ]),
  );
  return (
    <Section
      id="matrix"
      title={t('matrix')}
      intro={t('matrixIntro')}
      loading={props.loading}
      actions={
        <CsvButton
          file="matrix"
          header={[t('aspect'), t('region'), t('status'), t('value'), t('details'), t('note'), ...QUOTE_COLUMNS.map(t), t('facts')]}
          rows={csv}
        />
      }
    >
      {m ? (
        <table className="data matrix stack" data-table="matrix">
          <thead>
            <tr>
              <th>{t('aspect')}</th>
              {m.columns.map((c) => (
                <th key={c}>{regionName(c)}</th>
              ))}
            </tr>
            <tr className="top-bodies">
              <th>{t('topBodies')}</th>
              {m.columns.map((c) => (
                <td key={c} data-label={regionName(c)}>
                  {m.topBodies.find((x) => x.regionCode === c)?.body?.name ?? '–'}
                </td>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.rows.map((row) => (
              <tr key={row.aspect}>
                <th scope="row">{tr.aspect(row.aspect, row.label)}</th>
                {row.cells.map((c) => (
                  <td key={c.regionCode} data-label={regionName(c.regionCode)} className={c.status === 'STATED' ? 'stated' : 'not-stated'}>
                    <QuoteButton
                      className="cell-button"
                      title={`${tr.aspect(row.aspect, row.label)} · ${regionName(c.regionCode)}`}
                      quotes={c.quotes}
                      facts={c.facts.length === c.quotes.length ? c.facts.map((f) => tr.value(f.text)) : undefined}
                      regionCode={c.regionCode}
                      note={[tr.note(c.note), c.details.length > 3 ? c.details.map(detail).join(' · ') : null].filter(Boolean).join(' — ') || null}
                    >
                      {c.status === 'STATED' ? tr.value(c.value ?? '') : <em>{t('notStated')}</em>}
                      {c.details.length ? (
                        <span className="details">
                          {c.details.slice(0, 3).map(detail).join(' · ')}
                          {c.details.length > 3 ? ` … (+${c.details.length - 3})` : ''}
                        </span>
                      ) : null}
                      {c.quotes.length ? (
                        <span className="qmark" aria-hidden="true">
                          ❝
                        </span>
                      ) : null}
                    </QuoteButton>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Section>
  );
}
