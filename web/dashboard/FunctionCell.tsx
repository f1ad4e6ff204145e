/**
 * One cell of the functions table: who performs a function in a region, each a button opening the
 * quotes. The page loads the first LIST_FIRST performers; "show all" asks this function and region again
 * (PERFORMERS) with a larger `first` (performerCount, at most the API's maximum).
 */
import { useState } from 'react';
import { LIST_FIRST, PERFORMERS, type FunctionRegion, type FunctionsData } from './api';
import { allOf, ShowAll } from './bounds';
import { useDashboard } from './context';
import { QuoteButton } from './ui';
import { useQuery } from './useQuery';

type Fn = FunctionsData['landscape']['functionalCrosswalk']['functions'][number]['function'];

export function FunctionCell(props: { fn: Fn; region: FunctionRegion }) {
  const { tr, regionName } = useDashboard();
  const t = tr.t;
  const { fn, region: reg } = props;
  const [all, setAll] = useState(false);
  const full = useQuery(PERFORMERS, all ? { regions: [reg.regionCode], functions: [fn], first: allOf(reg.performerCount) } : null);
  const fullList = full.data?.landscape.functionalCrosswalk.functions
    .find((f) => f.function === fn)
    ?.regions.find((r) => r.regionCode === reg.regionCode)?.performers;
  const performers = all && fullList ? fullList : reg.performers;
  return (
    <td data-label={regionName(reg.regionCode)} data-region={reg.regionCode}>
      {performers.length === 0 ? <span className="muted">{t('noPerformer')}</span> : null}
      {performers.map((p) => (
        <div key={`${p.type}:${p.roleId ?? p.bodyId ?? p.title}`} className="role">
          <QuoteButton
            className="quote-link role-title"
            title={`${p.title} · ${tr.fn(fn)}`}
            regionCode={reg.regionCode}
            quotes={p.evidence.map((e) => e.quote)}
          >
            {p.title}
          </QuoteButton>
        </div>
      ))}
      <ShowAll
        shown={performers.length}
        total={reg.performerCount}
        first={LIST_FIRST}
        expanded={all}
        loading={full.loading}
        failed={Boolean(all && !full.loading && !fullList)}
        onToggle={() => setAll(!all)}
      />
    </td>
  );
}
