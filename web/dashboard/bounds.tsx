/**
 * A bounded list's line: "N of M shown" and a "show all M" button when the API gave the first entries
 * only (the count beside the list says how many there are), "show the first N" to go back.
 */
import { useDashboard } from './context';
import { API_MAX_FIRST } from './api';

/** How many to ask for when showing all of a list of `total` entries: all of them, at most the API's maximum. */
export const allOf = (total: number) => Math.min(total, API_MAX_FIRST);

export function ShowAll(props: { shown: number; total: number; first: number; expanded: boolean; loading: boolean; failed: boolean; onToggle: () => void }) {
  const { tr } = useDashboard();
  const t = tr.t;
  const { shown, total, first, expanded } = props;
  if (!expanded && shown >= total) return null;
  const fill = (s: string) => s.replace('{n}', String(shown)).replace('{m}', String(total));
  return (
    <p className="bound small" data-bound data-shown={shown} data-total={total}>
      <span className="muted">{fill(t('shownOf'))}</span> {props.loading ? <span className="muted">{t('loadingAll')}</span> : null}
      {props.failed ? <span className="muted">{t('allFailed')}</span> : null}
      {props.loading ? null : (
        <button type="button" className="show-all" aria-expanded={expanded} onClick={props.onToggle}>
          {expanded ? t('showFirst').replace('{n}', String(first)) : t('showAll').replace('{m}', String(allOf(total)))}
        </button>
      )}
    </p>
  );
}
