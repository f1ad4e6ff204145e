/**
 * The roles crosswalk: canonical role kinds × regions, each cell the region's own title(s) and duties
 * grouped by category; every title and duty opens its quote (keyboard and touch). Each cell shows the
 * first roles with "N of M" and a "show all" (CrosswalkCell.tsx); the CSV holds the roles loaded with
 * the page (the first of each cell).
 */
import type { CrosswalkData } from './api';
import { CrosswalkCell } from './CrosswalkCell';
import { useDashboard } from './context';
import { QUOTE_COLUMNS, quoteCells, type Cell } from './csv';
import { CsvButton, Section } from './ui';

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
                <CrosswalkCell key={reg.regionCode} kind={row.kind} region={reg} />
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
