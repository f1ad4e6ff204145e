/** Shared pieces: a section card, the CSV button, a quote button and the quote panel. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Quote } from './api';
import { useDashboard, type QuoteRequest } from './context';
import { inline, plainText } from './markup';
import { csvFileName, downloadCsv, type Cell, type CsvFile } from './csv';

export function Section(props: { id: string; title: string; intro?: string; actions?: ReactNode; children: ReactNode; loading?: boolean }) {
  const { tr } = useDashboard();
  return (
    <section id={props.id} className="card" aria-busy={props.loading ? 'true' : 'false'} aria-labelledby={`${props.id}-title`}>
      <header className="card-head">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        <div className="actions">
          {props.loading ? <span className="loading">{tr.t('loading')}</span> : null}
          {props.actions}
        </div>
      </header>
      {props.intro ? <p className="intro">{props.intro}</p> : null}
      {props.children}
    </section>
  );
}

export function CsvButton(props: { file: CsvFile; header: string[]; rows: Cell[][] }) {
  const { tr } = useDashboard();
  const file = csvFileName(props.file, tr.lang);
  return (
    <button type="button" className="csv" data-csv={file} onClick={() => downloadCsv(tr.lang, file, props.header, props.rows)}>
      <span aria-hidden="true">⤓ </span>
      {tr.t('downloadCsv')}
    </button>
  );
}

/** A button (keyboard and touch) that opens the quote panel; no hover-only tooltip. */
export function QuoteButton(props: QuoteRequest & { children: ReactNode; className?: string }) {
  const { showQuote } = useDashboard();
  const { children, className, ...request } = props;
  return (
    <button type="button" className={className ?? 'quote-link'} aria-haspopup="dialog" onClick={() => showQuote(request)}>
      {children}
    </button>
  );
}

/** "quote" (document title, section, region): for pasting into a report, the quote's words without the source's marks. */
export function citation(q: Quote, region: string | null): string {
  return `“${plainText(q.quote)}” (${[q.documentTitle, q.section, region].filter(Boolean).join(', ')})`;
}

function CopyCitation(props: { text: string }) {
  const { tr } = useDashboard();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span className="copy">
      <button type="button" className="copy-citation" data-citation={props.text} onClick={copy}>
        {tr.t('copyCitation')}
      </button>
      <span role="status" className="muted small">
        {state === 'copied' ? tr.t('copied') : state === 'failed' ? tr.t('copyFailed') : ''}
      </span>
    </span>
  );
}

/** The quote panel: a dialog inside the visible area; focus moves into it and back on close (Esc or ×). */
export function QuotePanel(props: QuoteRequest & { onClose: () => void }) {
  const { tr, regionName } = useDashboard();
  const close = useRef<HTMLButtonElement>(null);
  const { onClose } = props;
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (opener?.isConnected) opener.focus();
    };
  }, [onClose]);
  const region = props.regionCode ? regionName(props.regionCode) : null;
  return (
    <aside className="quote-panel" role="dialog" aria-modal="false" aria-labelledby="quote-panel-title" data-testid="quote-panel">
      <header>
        <strong id="quote-panel-title">{props.title}</strong>
        <button type="button" ref={close} onClick={onClose} aria-label={tr.t('close')}>
          ×
        </button>
      </header>
      {props.note ? (
        <p className="note" data-testid="quote-note">
          {props.note}
        </p>
      ) : null}
      {props.quotes.length === 0 ? <p className="muted">{tr.t('noQuote')}</p> : null}
      {props.quotes.map((q, i) => (
        <figure key={i}>
          {props.facts?.[i] ? (
            <p className="fact" data-fact>
              {props.facts[i]}
            </p>
          ) : null}
          <blockquote data-quote={q.quote}>“{inline(q.quote)}”</blockquote>
          <figcaption>
            {tr.t('source')}: {q.documentTitle} ({q.document}){q.section ? `, ${tr.t('section').toLowerCase()} ${q.section}` : ''}
            {region ? ` · ${region}` : ''}
          </figcaption>
          <CopyCitation text={citation(q, region)} />
        </figure>
      ))}
    </aside>
  );
}
