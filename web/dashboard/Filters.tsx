/**
 * The filter form: regions, levels, body kinds, role kinds. Every option has "only this"; the long
 * lists (kinds) open in the form's flow (full width, so they never run off the edge or cover the
 * reset button) and close on Esc, on a click outside and on their toggle.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { LEVEL_COLORS } from './ChainDiagram';
import { useDashboard } from './context';
import { defaultFilters, type Filters } from './filters-url';
import { BODY_KINDS, LEVELS, ROLE_KINDS } from './i18n';

interface Option<V extends string> {
  value: V;
  label: string;
  color?: string;
}

function CheckGroup<V extends string>(props: {
  name: string;
  legend: string;
  options: Array<Option<V>>;
  selected: V[];
  onChange: (v: V[]) => void;
  collapsible?: boolean;
}) {
  const { tr } = useDashboard();
  const { options, selected, onChange } = props;
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLFieldSetElement>(null);
  const toggleButton = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        toggleButton.current?.focus();
      }
    };
    const onDown = (e: PointerEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  const toggle = (v: V) =>
    onChange(selected.includes(v) ? selected.filter((x) => x !== v) : options.map((o) => o.value).filter((x) => x === v || selected.includes(x)));
  const count = selected.length === options.length ? tr.t('all') : `${selected.length}/${options.length}`;
  const list = (
    <div className="checks" id={listId}>
      {options.map((o) => (
        <div key={o.value} className="option">
          <label className="check">
            <input type="checkbox" name={props.name} value={o.value} checked={selected.includes(o.value)} onChange={() => toggle(o.value)} />
            {o.color ? <span className="swatch" style={{ background: o.color }} aria-hidden="true" /> : null}
            {o.label}
          </label>
          <button type="button" className="only" data-only={o.value} onClick={() => onChange([o.value])}>
            {tr.t('onlyThis')}
            <span className="sr-only"> ({o.label})</span>
          </button>
        </div>
      ))}
    </div>
  );
  return (
    <fieldset ref={box} className={`filter${props.collapsible && open ? ' open' : ''}`} data-filter={props.name}>
      <legend>
        {props.legend} <span className="count">({count})</span>
      </legend>
      {props.collapsible ? (
        <>
          <button type="button" ref={toggleButton} className="toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
            {tr.t('choose')} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
          </button>
          {open ? list : null}
        </>
      ) : (
        list
      )}
    </fieldset>
  );
}

export function FilterForm(props: { filters: Filters; allRegions: string[]; onChange: (f: Filters) => void }) {
  const { tr, regionName, color } = useDashboard();
  const { filters, allRegions, onChange } = props;
  return (
    <form className="filters card" onSubmit={(e) => e.preventDefault()} aria-label={tr.t('filters')}>
      <CheckGroup
        name="region"
        legend={tr.t('regions')}
        selected={filters.regions}
        onChange={(regions) => onChange({ ...filters, regions })}
        options={allRegions.map((c) => ({ value: c, label: regionName(c), color: color(c) }))}
      />
      <CheckGroup
        name="level"
        legend={tr.t('levels')}
        selected={filters.levels}
        onChange={(levels) => onChange({ ...filters, levels })}
        options={LEVELS.map((l) => ({ value: l, label: tr.level(l), color: LEVEL_COLORS[l] }))}
      />
      <CheckGroup
        name="bodyKind"
        legend={tr.t('bodyKinds')}
        collapsible
        selected={filters.bodyKinds}
        onChange={(bodyKinds) => onChange({ ...filters, bodyKinds })}
        options={BODY_KINDS.map((k) => ({ value: k, label: tr.bodyKind(k) }))}
      />
      <CheckGroup
        name="roleKind"
        legend={tr.t('roleKinds')}
        collapsible
        selected={filters.roleKinds}
        onChange={(roleKinds) => onChange({ ...filters, roleKinds })}
        options={ROLE_KINDS.map((k) => ({ value: k, label: tr.roleKind(k) }))}
      />
      <button type="button" className="reset" onClick={() => onChange(defaultFilters(allRegions))}>
        {tr.t('reset')}
      </button>
    </form>
  );
}
