/**
 * One cell of the roles crosswalk: a region's roles of one kind, each title and duty a button opening
 * its quote. The page loads the first LIST_FIRST of them; "show all" asks this kind and region again
 * with a larger `first` (roleCount, at most the API's maximum).
 */
import { useState } from 'react';
import { CROSSWALK, LIST_FIRST, type CrosswalkData, type Quote } from './api';
import { allOf, ShowAll } from './bounds';
import { useDashboard } from './context';
import { QuoteButton } from './ui';
import { useQuery } from './useQuery';

type Row = CrosswalkData['landscape']['rolesCrosswalk']['rows'][number];
type RegionRoles = Row['regions'][number];

export function CrosswalkCell(props: { kind: Row['kind']; region: RegionRoles }) {
  const { tr, regionName } = useDashboard();
  const t = tr.t;
  const { kind, region: reg } = props;
  const [all, setAll] = useState(false);
  const full = useQuery(CROSSWALK, all ? { kinds: [kind], regions: [reg.regionCode], first: allOf(reg.roleCount) } : null);
  const fullRoles = full.data?.landscape.rolesCrosswalk.rows.find((r) => r.kind === kind)?.regions.find((r) => r.regionCode === reg.regionCode)?.roles;
  const roles = all && fullRoles ? fullRoles : reg.roles;
  return (
    <td data-label={regionName(reg.regionCode)} data-region={reg.regionCode}>
      {roles.length === 0 ? <span className="muted">{t('noRole')}</span> : null}
      {roles.map((role) => (
        <div key={role.id} className="role">
          <QuoteButton
            className="quote-link role-title"
            title={role.title ?? tr.roleKind(kind)}
            regionCode={reg.regionCode}
            quotes={[role.quote, ...role.offices.map((o) => o.quote)].filter((q): q is Quote => !!q)}
          >
            {role.title ??
              (role.offices
                .map((o) => o.holder ?? '')
                .filter(Boolean)
                .join(', ') ||
                tr.roleKind(kind))}
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
                          title={`${role.title ?? tr.roleKind(kind)} · ${tr.duty(c.category)}`}
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
      <ShowAll
        shown={roles.length}
        total={reg.roleCount}
        first={LIST_FIRST}
        expanded={all}
        loading={full.loading}
        failed={Boolean(all && !full.loading && !fullRoles)}
        onToggle={() => setAll(!all)}
      />
    </td>
  );
}
