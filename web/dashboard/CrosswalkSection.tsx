/**
 * The roles crosswalk: canonical role kinds × regions, each cell the region's own title(s) and duties
 * grouped by category; every title and duty opens its quote (keyboard and touch). Kept in its own
 * file: a functional view of the crosswalk will come here.
 */
import type { CrosswalkData, Quote } from './api';
import { useDashboard } from './context';
import { QUOTE_COLUMNS, quoteCells, type Cell } from './csv';
import { CsvButton, QuoteButton, Section } from './ui';

type Rows = CrosswalkData['landscape']['rolesCrosswalk']['rows'];

export function CrosswalkSection(props: { rows: Rows; loading: boolean }) {
  const { tr, regionName } = useDashboard();
  const { rows } = props;
  const t = tr.t;
  const columns = rows[0]?.regions.map((r) => r.regionCode) ?? [];
  const csv = rows.flatMap((row) =>
    row.regions.flatMap((reg) =>
      reg.roles.flatMap((role) => {
        const title =
          role.title ??
          role.offices
            .map((o) => o.holder ?? o.bodyName)
            .filter(Boolean)
            .join(', ');
        const base: Cell[] = [tr.roleKind(row.kind), regionName(reg.regionCode), title, role.origin === 'ROLE' ? '' : t('bodyOffice')];
        const duties = role.dutiesByCategory.flatMap((c) => c.duties.map((d) => [...base, tr.duty(c.category), d.text, ...quoteCells([d.quote])]));
        return duties.length ? duties : [[...base, '', '', ...quoteCells([role.quote ?? role.offices[0]?.quote])]];
      }),
    ),
  );
  return (
    <Section
      id="crosswalk"
      title={t('crosswalk')}
      intro={t('crosswalkIntro')}
      loading={props.loading}
      actions={
        <CsvButton
          file="roles"
          header={[t('roleKind'), t('region'), t('title_'), t('origin'), t('category'), t('duties'), ...QUOTE_COLUMNS.map(t)]}
          rows={csv}
        />
      }
    >
      <table className="data crosswalk stack" data-table="crosswalk">
        <thead>
          <tr>
            <th>{t('roleKind')}</th>
            {columns.map((c) => (
              <th key={c}>{regionName(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.kind}>
              <th scope="row">{tr.roleKind(row.kind)}</th>
              {row.regions.map((reg) => (
                <td key={reg.regionCode} data-label={regionName(reg.regionCode)}>
                  {reg.roles.length === 0 ? <span className="muted">{t('noRole')}</span> : null}
                  {reg.roles.map((role) => (
                    <div key={role.id} className="role">
                      <QuoteButton
                        className="quote-link role-title"
                        title={role.title ?? tr.roleKind(row.kind)}
                        regionCode={reg.regionCode}
                        quotes={[role.quote, ...role.offices.map((o) => o.quote)].filter((q): q is Quote => !!q)}
                      >
                        {role.title ??
                          (role.offices
                            .map((o) => o.holder ?? '')
                            .filter(Boolean)
                            .join(', ') ||
                            tr.roleKind(row.kind))}
                      </QuoteButton>
                      {role.origin === 'BODY_OFFICE' ? (
                        <span className="tag">
                          {t('bodyOffice')}
                          {role.offices[0]?.bodyName ? `: ${role.offices[0].bodyName}` : ''}
                        </span>
                      ) : null}
                      {role.dutiesByCategory.length ? (
                        <ul className="duties">
                          {role.dutiesByCategory.map((c) => (
                            <li key={c.category}>
                              <span className="cat">{tr.duty(c.category)}:</span>
                              {/* one duty a line: a "; " between wrapped buttons stood alone on a line */}
                              <ul className="duty-list">
                                {c.duties.map((d, i) => (
                                  <li key={i}>
                                    <QuoteButton
                                      className="quote-link duty"
                                      title={`${role.title ?? tr.roleKind(row.kind)} · ${tr.duty(c.category)}`}
                                      regionCode={reg.regionCode}
                                      quotes={d.quote ? [d.quote] : []}
                                    >
                                      {d.text}
                                    </QuoteButton>
                                  </li>
                                ))}
                              </ul>
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
          {!props.loading && rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length + 1} className="muted">
                {t('noRows')}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </Section>
  );
}
