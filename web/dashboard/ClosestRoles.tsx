/**
 * Pick a role, see its closest roles in each other region by what they do (functionalCrosswalk's
 * `closest`: the roles sharing most functions), with the shared functions; each shared function is a
 * button opening the quotes that say both roles do it.
 */
import { useState } from 'react';
import type { FunctionsData, Quote } from './api';
import { useDashboard } from './context';
import { QuoteButton } from './ui';

type Data = FunctionsData['landscape']['functionalCrosswalk'];

export function ClosestRoles(props: { data: Data }) {
  const { tr, regionName, color } = useDashboard();
  const t = tr.t;
  const roles = props.data.regions.flatMap((r) => r.roles.map((role) => ({ ...role, regionCode: r.regionCode })));
  const [picked, setPicked] = useState<string | null>(null);
  const role = roles.find((r) => `${r.regionCode}:${r.roleId}` === picked) ?? roles[0];
  if (!role) return null;
  /** The quotes that say role `roleId` of `region` performs `fn`. */
  const evidence = (region: string, roleId: string, fn: string): Quote[] =>
    props.data.functions
      .filter((f) => f.function === fn)
      .flatMap((f) =>
        f.regions
          .filter((r) => r.regionCode === region)
          .flatMap((r) => r.performers.filter((p) => p.type === 'ROLE' && p.roleId === roleId).flatMap((p) => p.evidence.map((e) => e.quote))),
      );
  const others = props.data.regions.map((r) => r.regionCode).filter((c) => c !== role.regionCode);
  return (
    <div className="closest-roles" data-testid="closest-roles">
      <label className="role-picker">
        <strong>{t('pickRole')}</strong>
        <select value={`${role.regionCode}:${role.roleId}`} onChange={(e) => setPicked(e.target.value)} data-testid="role-picker">
          {props.data.regions
            .filter((r) => r.roles.length)
            .map((r) => (
              <optgroup key={r.regionCode} label={regionName(r.regionCode)}>
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
            <QuoteButton title={`${role.title} · ${tr.fn(fn)}`} regionCode={role.regionCode} quotes={evidence(role.regionCode, role.roleId, fn)}>
              {tr.fn(fn)}
            </QuoteButton>
          </span>
        ))}
      </p>
      <h3>{t('closestRoles')}</h3>
      <div className="closest">
        {others.map((code) => {
          const matches = role.closest.filter((m) => m.regionCode === code);
          return (
            <div key={code} data-region={code}>
              <h4>
                <span className="swatch" style={{ background: color(code) }} />
                {regionName(code)}
              </h4>
              {matches.length === 0 ? <p className="muted small">{t('noClosest')}</p> : null}
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
                        <QuoteButton
                          title={`${tr.fn(fn)}: ${role.title} / ${m.title}`}
                          quotes={[...evidence(role.regionCode, role.roleId, fn), ...evidence(code, m.roleId, fn)]}
                        >
                          {tr.fn(fn)}
                        </QuoteButton>
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
