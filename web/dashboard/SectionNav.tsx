/**
 * The section navigation: stays at the top of the screen while the page scrolls. On a wide screen the
 * sections are links in one wrapping row; on a phone a button opens the list (it closes on a choice or Esc).
 */
import { useEffect, useState } from 'react';
import { useDashboard } from './context';
import type { TextKey } from './i18n';

/** Section ids (the `Section` ids) and their titles, in page order. */
export const SECTIONS: Array<[id: string, title: TextKey]> = [
  ['search', 'search'],
  ['documents', 'documents'],
  ['timeline', 'timeline'],
  ['changes', 'changes'],
  ['frequency', 'frequency'],
  ['functions', 'functions'],
  ['crosswalk', 'crosswalk'],
  ['reporting', 'reporting'],
  ['chains', 'chains'],
  ['matrix', 'matrix'],
];

export function SectionNav() {
  const { tr } = useDashboard();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <nav className={open ? 'section-nav open' : 'section-nav'} aria-label={tr.t('sections')} data-testid="section-nav">
      <button type="button" className="nav-toggle" aria-expanded={open} aria-controls="section-links" onClick={() => setOpen(!open)}>
        ☰ {tr.t('toSections')}
      </button>
      <ul id="section-links">
        {SECTIONS.map(([id, title]) => (
          <li key={id}>
            <a href={`#${id}`} onClick={() => setOpen(false)}>
              {tr.t(title)}
            </a>
          </li>
        ))}
        <li>
          <a href="#top" onClick={() => setOpen(false)}>
            ↑ {tr.t('toTop')}
          </a>
        </li>
      </ul>
    </nav>
  );
}
