/**
 * Roles compared by what they do (the API's functionalCrosswalk): functions × regions, each cell the
 * roles or groups that do it with the document's words (every one opens its quote), and per region the
 * roles the documents name without any duty (listed, never counted as a match). Each list gives its
 * first entries with "N of M"; a cell's "show all" is in FunctionCell.tsx.
 */
import type { FunctionsData } from './api';
import { ClosestRoles } from './ClosestRoles';
import { FunctionCell } from './FunctionCell';
import { useDashboard } from './context';
import { QUOTE_COLUMNS, quoteCells, type Cell } from './csv';
import { CsvButton, QuoteButton, Section } from './ui';

type Data = FunctionsData['landscape']['functionalCrosswalk'];

export function FunctionsSection(props: { data: Data | null; loading: boolean }) {
  const { tr, regionName } = useDashboard();
  const t = tr.t;
  const functions = props.data?.functions ?? [];
  const columns = functions[0]?.regions.map((r) => r.regionCode) ?? [];
  const csv: Cell[][] = functions.flatMap((f) =>
    f.regions.flatMap((reg) =>
      reg.performers.flatMap((p) => p.evidence.map((e) => [tr.fn(f.function), regionName(reg.regionCode), p.title, e.text, ...quoteCells([e.quote])])),
    ),
  );
  return (
    <Section
      id="functions"
      title={t('functions')}
      intro={t('functionsIntro')}
      loading={props.loading}
      actions={<CsvButton file="functions" header={[t('function_'), t('region'), t('performer'), t('duties'), ...QUOTE_COLUMNS.map(t)]} rows={csv} />}
    >
      {props.data ? <ClosestRoles data={props.data} /> : null}
      <table className="data crosswalk stack" data-table="functions">
        <thead>
          <tr>
            <th>{t('function_')}</th>
            {columns.map((c) => (
              <th key={c}>{regionName(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {functions.map((f) => (
            <tr key={f.function}>
              <th scope="row">{tr.fn(f.function)}</th>
              {f.regions.map((reg) => (
                <FunctionCell key={reg.regionCode} fn={f.function} region={reg} />
              ))}
            </tr>
          ))}
          {!props.loading && functions.length === 0 ? (
            <tr>
              <td colSpan={columns.length + 1} className="muted">
                {t('noRows')}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {(props.data?.regions ?? []).some((r) => r.rolesWithoutDuties.length) ? (
        <div className="without-duties">
          <h3>{t('rolesWithoutDuties')}</h3>
          <ul>
            {props
              .data!.regions.filter((r) => r.rolesWithoutDuties.length)
              .map((r) => (
                <li key={r.regionCode}>
                  {regionName(r.regionCode)}:{' '}
                  {r.rolesWithoutDuties.map((role, i) => (
                    <span key={role.id}>
                      <QuoteButton className="quote-link" title={role.title} regionCode={r.regionCode} quotes={[role.quote]}>
                        {role.title}
                      </QuoteButton>
                      {i < r.rolesWithoutDuties.length - 1 ? ', ' : ''}
                    </span>
                  ))}
                  {r.rolesWithoutDutiesCount > r.rolesWithoutDuties.length ? (
                    <span className="muted" data-bound data-shown={r.rolesWithoutDuties.length} data-total={r.rolesWithoutDutiesCount}>
                      {' '}
                      ({t('shownOf').replace('{n}', String(r.rolesWithoutDuties.length)).replace('{m}', String(r.rolesWithoutDutiesCount))})
                    </span>
                  ) : null}
                </li>
              ))}
          </ul>
        </div>
      ) : null}
    </Section>
  );
}
