/** The reporting chains: one diagram per region (./ChainDiagram.tsx) and the links as a table. */
import type { RegionChain } from './api';
import { ChainDiagram, chainNodeName, LEVEL_COLORS } from './ChainDiagram';
import { useDashboard } from './context';
import { QUOTE_COLUMNS, quoteCells } from './csv';
import { LEVELS } from './i18n';
import { CsvButton, QuoteButton, Section } from './ui';

export function ChainsSection(props: { chains: RegionChain[]; loading: boolean; levels: string[] }) {
  const { tr, regionName, color, showQuote } = useDashboard();
  const t = tr.t;
  // On a phone the diagrams' labels are too small to read: the chains are listed open there.
  const narrow = typeof window !== 'undefined' && window.matchMedia('(max-width: 760px)').matches;
  /** Bodies of the region's chains whose level the documents do not state. */
  const unstated = (c: RegionChain) =>
    new Set(c.paths.flatMap((p) => p.bodyIds)).size - c.nodes.filter((n) => n.level && c.paths.some((p) => p.bodyIds.includes(n.id))).length;
  const csv = props.chains.flatMap((c) =>
    c.edges.map((e) => [
      regionName(c.regionCode),
      chainNodeName(c, e.fromType, e.from),
      chainNodeName(c, e.toType, e.to),
      t(e.origin),
      tr.relation(e.relation),
      ...quoteCells([e.quote]),
    ]),
  );
  return (
    <Section
      id="chains"
      title={t('chains')}
      intro={t('chainsIntro')}
      loading={props.loading}
      actions={<CsvButton file="chains" header={[t('region'), t('from'), t('to'), t('origin'), t('relation'), ...QUOTE_COLUMNS.map(t)]} rows={csv} />}
    >
      <div className="legend">
        {LEVELS.map((l) => (
          <span key={l}>
            <i className="key" style={{ background: LEVEL_COLORS[l] }} /> {tr.level(l)}
          </span>
        ))}
        <span>
          <i className="key" style={{ background: LEVEL_COLORS.NONE }} /> {tr.level(null)}
        </span>
        <span>
          <i className="key role" /> {t('roleNode')}
        </span>
        <span>
          <i className="line solid" /> {t('PARENT_LINK')}
        </span>
        <span>
          <i className="line dashed" /> {t('REPORTING_DUTY')}
        </span>
      </div>
      <div className="chains">
        {props.chains.map((c) => {
          const reach = c.paths.filter((p) => p.reachesPolitical).length;
          return (
            <div key={c.regionCode} className={c.nodes.length > 8 ? 'chain wide' : 'chain'}>
              <h3>
                <span className="swatch" style={{ background: color(c.regionCode) }} />
                {regionName(c.regionCode)}
              </h3>
              <p className="muted small">
                {reach} {t('pathsReachPolitical')} {c.paths.length} {t('reachPolitical')}
              </p>
              {unstated(c) > 0 && reach < c.paths.length ? (
                <p className="chain-note" data-testid={`chain-note-${c.regionCode}`}>
                  {t('chainLevelsUnstated').replace('{n}', String(unstated(c)))}
                </p>
              ) : null}
              <ChainDiagram chain={c} levels={props.levels.length < LEVELS.length ? props.levels : []} tr={tr} onQuote={showQuote} />
              <details className="chain-list-view" open={narrow}>
                <summary>{t('chainList')}</summary>
                <ol className="chain-list" data-testid={`chain-list-${c.regionCode}`}>
                  {c.paths.map((p, i) => (
                    <li key={i} data-reaches={p.reachesPolitical}>
                      {p.bodyIds
                        .map((id) => {
                          const node = c.nodes.find((n) => n.id === id);
                          return `${chainNodeName(c, 'BODY', id)} (${tr.level(node?.level)})`;
                        })
                        .join(' → ')}
                      {' · '}
                      <span className="muted">
                        {t('chainTop')}: {tr.level(p.topLevel)}
                      </span>
                    </li>
                  ))}
                </ol>
              </details>
            </div>
          );
        })}
      </div>
      <details className="chain-table">
        <summary>{t('chainsTable')}</summary>
        <table className="data stack" data-table="chains">
          <thead>
            <tr>
              <th>{t('region')}</th>
              <th>{t('from')}</th>
              <th>{t('relation')}</th>
              <th>{t('to')}</th>
            </tr>
          </thead>
          <tbody>
            {props.chains.flatMap((c) =>
              c.edges.map((e, i) => {
                const from = chainNodeName(c, e.fromType, e.from);
                const to = chainNodeName(c, e.toType, e.to);
                return (
                  <tr key={`${c.regionCode}-${i}`}>
                    <td data-label={t('region')}>{regionName(c.regionCode)}</td>
                    <td data-label={t('from')}>{from}</td>
                    <td data-label={t('relation')}>
                      <QuoteButton title={`${from} → ${to}`} quotes={e.quote ? [e.quote] : []} regionCode={c.regionCode}>
                        {tr.relation(e.relation)} ({t(e.origin)})
                      </QuoteButton>
                    </td>
                    <td data-label={t('to')}>{to}</td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      </details>
    </Section>
  );
}
