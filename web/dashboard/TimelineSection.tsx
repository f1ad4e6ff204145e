/**
 * The timeline (landscape.timeline, no date range): every event the documents date, across the
 * regions, oldest first. Each date is shown as precise as the text states it, with its precision
 * named ("2013", year: never 1 January); the document's phrase and quote are a button away.
 */
import { TIMELINE, type TimelineEvent } from './api';
import { useDashboard } from './context';
import { QUOTE_COLUMNS, quoteCells, type Cell } from './csv';
import { CsvButton, QuoteButton, Section } from './ui';
import { useQuery } from './useQuery';

type EventDate = TimelineEvent['from'];

export function TimelineSection(props: { regions: string[] | null; enabled: boolean }) {
  const { tr, regionName, color } = useDashboard();
  const t = tr.t;
  const result = useQuery(TIMELINE, props.enabled ? { regions: props.regions } : null);
  const timeline = result.data?.landscape.timeline;
  const events = timeline?.events ?? [];
  const when = (d: EventDate) => `${d.date} (${tr.precision(d.precision)})`;
  const span = (e: TimelineEvent) => (e.to ? `${when(e.from)} – ${when(e.to)}` : when(e.from));
  const csv: Cell[][] = events.map((e) => [
    e.from.date,
    tr.precision(e.from.precision),
    e.to?.date ?? '',
    e.to ? tr.precision(e.to.precision) : '',
    regionName(e.regionCode),
    tr.eventKind(e.kind),
    e.subject,
    e.from.text,
    ...quoteCells([e.source]),
  ]);
  const oldest = events[0];
  return (
    <Section
      id="timeline"
      title={t('timeline')}
      intro={t('timelineIntro')}
      loading={result.loading && props.enabled}
      actions={
        <CsvButton
          file="timeline"
          header={[t('when'), t('precision'), t('to'), t('precision'), t('region'), t('event'), t('subject'), t('phrase'), ...QUOTE_COLUMNS.map(t)]}
          rows={csv}
        />
      }
    >
      {oldest ? (
        <p data-testid="timeline-oldest">
          <strong>{t('oldest')}:</strong> {regionName(oldest.regionCode)}, {oldest.subject}: {tr.eventKind(oldest.kind)} {when(oldest.from)}
        </p>
      ) : null}
      {timeline ? (
        <p className="muted small" role="status" data-testid="timeline-count">
          {timeline.totalCount} {t('eventCount')}
        </p>
      ) : null}
      <ol className="timeline" data-testid="timeline-events">
        {events.map((e) => (
          <li key={e.id} data-event={e.id} data-precision={e.from.precision}>
            <span className="when">
              <time dateTime={e.from.date}>{e.from.date}</time>
              {e.to ? (
                <>
                  {' '}
                  – <time dateTime={e.to.date}>{e.to.date}</time>
                </>
              ) : null}
              <span className="tag">{tr.precision(e.from.precision)}</span>
            </span>
            <span className="what">
              <span className="swatch" style={{ background: color(e.regionCode) }} />
              {regionName(e.regionCode)} · <span className="tag">{tr.eventKind(e.kind)}</span> <strong>{e.subject}</strong>{' '}
              <QuoteButton title={`${e.subject}: ${span(e)}`} quotes={[e.source]} regionCode={e.regionCode}>
                “{e.from.text}
                {e.to && !e.from.text.includes(e.to.text) ? ` … ${e.to.text}` : ''}”
              </QuoteButton>
            </span>
          </li>
        ))}
      </ol>
    </Section>
  );
}
