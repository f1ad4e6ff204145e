/**
 * Pick a role, see its closest roles in each other region by what they do (functionalCrosswalk's
 * `closest`: the roles sharing most functions), with the shared functions; each shared function is a
 * button opening the quotes that say both roles do it. The page holds the first performers of each
 * function only: a quote of a role beyond them is asked for when its button is pressed (PERFORMERS).
 */
import { useState, type ReactNode } from 'react';
import { API_MAX_FIRST, gql, PERFORMERS, type FunctionsData, type Quote } from './api';
import { useDashboard } from './context';

type Data = FunctionsData['landscape']['functionalCrosswalk'];
type Fn = Data['functions'][number]['function'];

/** A button that opens the quotes `load` gives (asked for when pressed). */
function LoadQuoteButton(props: { title: string; regionCode?: string; load: () => Promise<Quote[]>; children: ReactNode }) {
  const { showQuote } = useDashboard();
  const { title, regionCode, load } = props;
  const open = () => {
    load().then(
      (quotes) => showQuote({ title, regionCode, quotes }),
      () => showQuote({ title, regionCode, quotes: [] }),
    );
  };
  return (
    <button type="button" className="quote-link" aria-haspopup="dialog" onClick={open}>
      {props.children}
    </button>
  );
}

export function ClosestRoles(props: { data: Data }) {
  const { tr, regionName, color } = useDashboard();
  const t = tr.t;
  const roles = props.data.regions.flatMap((r) => r.roles.map((role) => ({ ...role, regionCode: r.regionCode })));
  const [picked, setPicked] = useState<string | null>(null);
  const role = roles.find((r) => `${r.regionCode}:${r.roleId}` === picked) ?? roles[0];
  if (!role) return null;
  /** The quotes that say role `roleId` of `region` performs `fn`, from the loaded performers or else asked for. */
  const evidence = async (region: string, roleId: string, fn: Fn): Promise<Quote[]> => {
    const of = (functions: Data['functions']) =>
      functions
        .filter((f) => f.function === fn)
        .flatMap((f) => f.regions.filter((r) => r.regionCode === region))
        .flatMap((r) => r.performers.filter((p) => p.type === 'ROLE' && p.roleId === roleId).flatMap((p) => p.evidence.map((e) => e.quote)));
    const loaded = of(props.data.functions);
    const cell = props.data.functions.find((f) => f.function === fn)?.regions.find((r) => r.regionCode === region);
    if (loaded.length || !cell || cell.performers.length >= cell.performerCount) return loaded;
    const r = await gql(PERFORMERS, { regions: [region], functions: [fn], first: Math.min(cell.performerCount, API_MAX_FIRST) });
    return r.data ? of(r.data.landscape.functionalCrosswalk.functions as Data['functions']) : [];
  };
  const others = props.data.regions.map((r) => r.regionCode).filter((c) => c !== role.regionCode);
  return (
    <div className="closest-roles" data-testid="closest-roles">
      <label className="role-picker">
        <strong>{t('pickRole')}</strong>
        <select value={`${role.regionCode}:${role.roleId}`} onChange={(e) => setPicked(e.target.value)} data-testid="role-picker">
          {props.data.regions
            .filter((r) => r.roles.length)
            .map((r) => (
              <optgroup
                key={r.regionCode}
                label={
                  r.roleCount > r.roles.length
                    ? `${regionName(r.regionCode)} (${t('rolesShownOf').replace('{n}', String(r.roles.length)).replace('{m}', String(r.roleCount))})`
                    : regionName(r.regionCode)
                }
              >
                {r.roles.map((x) => (
                  <option key={x.roleId} value={`${r.regionCode}:${x.roleId}`}>
                    {x.title}
                  </option>
                ))}
              </optgroup>
            ))}
        </select>
      </label>
      <p className="small">
        <strong>{t('roleFunctions')}:</strong>{' '}
        {role.functions.map((fn, i) => (
          <span key={fn}>
            {i ? ', ' : ''}
            <LoadQuoteButton title={`${role.title} · ${tr.fn(fn)}`} regionCode={role.regionCode} load={() => evidence(role.regionCode, role.roleId, fn)}>
              {tr.fn(fn)}
            </LoadQuoteButton>
          </span>
        ))}
      </p>
      <h3>{t('closestRoles')}</h3>
      <div className="closest">
        {others.map((code) => {
          const matches = role.closest.filter((m) => m.regionCode === code);
          const tied = role.closestCounts.find((c) => c.regionCode === code)?.count ?? matches.length;
          return (
            <div key={code} data-region={code}>
              <h4>
                <span className="swatch" style={{ background: color(code) }} />
                {regionName(code)}
              </h4>
              {matches.length === 0 ? <p className="muted small">{t('noClosest')}</p> : null}
              {tied > matches.length ? (
                <p className="muted small" data-bound data-shown={matches.length} data-total={tied}>
                  {t('closestTies').replace('{n}', String(matches.length)).replace('{m}', String(tied))}
                </p>
              ) : null}
              {matches.map((m) => (
                <div key={m.roleId} className="match" data-role={m.roleId}>
                  <strong>{m.title}</strong>{' '}
                  <span className="muted small">
                    ({t('matchScore')} {tr.num(Math.round(m.score * 100) / 100)})
                  </span>
                  <div className="small">
                    {t('sharedFunctions')}:{' '}
                    {m.shared.map((fn, i) => (
                      <span key={fn}>
                        {i ? ', ' : ''}
                        <LoadQuoteButton
                          title={`${tr.fn(fn)}: ${role.title} / ${m.title}`}
                          load={async () => [...(await evidence(role.regionCode, role.roleId, fn)), ...(await evidence(code, m.roleId, fn))]}
                        >
                          {tr.fn(fn)}
                        </LoadQuoteButton>
                      </span>
                    ))}
                  </div>
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
