/**
 * Meeting frequency per body as horizontal floating bars (Chart.js): each bar runs from the documented
 * minimum to the maximum per year. Approximate values ("cirka") are striped; a lower bound only
 * ("minst", no maximum) is pale and runs to the right edge; a single stated number is a short bar.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import type { FrequencyRow } from './api';
import type { Translator } from './i18n';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

function stripes(color: string): CanvasPattern | string {
  const c = document.createElement('canvas');
  c.width = c.height = 8;
  const g = c.getContext('2d');
  if (!g) return color;
  g.fillStyle = color;
  g.globalAlpha = 0.35;
  g.fillRect(0, 0, 8, 8);
  g.globalAlpha = 1;
  g.strokeStyle = color;
  g.lineWidth = 2.5;
  g.beginPath();
  g.moveTo(-2, 10);
  g.lineTo(10, -2);
  g.moveTo(-2, 2);
  g.lineTo(2, -2);
  g.moveTo(6, 10);
  g.lineTo(10, 6);
  g.stroke();
  return g.createPattern(c, 'repeat') ?? color;
}

/** Breaks a label into lines of at most `width` characters at spaces (a longer word keeps its own line): never cut. */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const alpha = (hex: string, a: number) =>
  hex +
  Math.round(a * 255)
    .toString(16)
    .padStart(2, '0');

export function FrequencyChart(props: { rows: FrequencyRow[]; regionName: (code: string) => string; color: (code: string) => string; tr: Translator }) {
  const { rows, regionName, color, tr } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const charted = useMemo(() => rows.filter((r) => r.minPerYear !== null || r.maxPerYear !== null), [rows]);
  const wrap = useRef<HTMLDivElement>(null);
  // Label lines as wide as the chart allows: about a third of its width for the labels.
  const [lineChars, setLineChars] = useState(40);
  useEffect(() => {
    if (!wrap.current) return;
    const measure = () => setLineChars(Math.max(14, Math.min(48, Math.floor((wrap.current?.clientWidth ?? 900) / 3 / 6.2))));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(wrap.current);
    return () => observer.disconnect();
  }, []);
  const labels = useMemo(
    () => charted.map((r) => [...wrapLabel(`${r.approximate ? '≈ ' : ''}${r.bodyName}`, lineChars), `(${regionName(r.regionCode)})`]),
    [charted, lineChars, regionName],
  );
  const lines = labels.reduce((n, l) => n + l.length, 0);
  const top = Math.max(2, ...charted.map((r) => r.maxPerYear ?? r.minPerYear ?? 0));
  const axisMax = Math.ceil((top + 2) / 2) * 2;

  useEffect(() => {
    if (!canvas.current) return;
    const range = (r: FrequencyRow): [number, number] => {
      const min = r.minPerYear ?? 0;
      if (r.maxPerYear === null) return [min, axisMax]; // lower bound only
      if (r.maxPerYear === min) return [Math.max(0, min - 0.12), min + 0.12]; // one stated number
      return [min, r.maxPerYear];
    };
    const fill = (r: FrequencyRow) => {
      const c = color(r.regionCode);
      if (r.approximate) return stripes(c);
      if (r.maxPerYear === null) return alpha(c, 0.28);
      return c;
    };
    const config: ChartConfiguration<'bar', [number, number][], string> = {
      type: 'bar',
      data: {
        labels: labels.map((l) => l.join('\n')),
        datasets: [
          {
            data: charted.map(range),
            backgroundColor: charted.map(fill),
            borderColor: charted.map((r) => color(r.regionCode)),
            borderWidth: charted.map((r) => (r.maxPerYear === null ? { top: 1, bottom: 1, left: 3, right: 0 } : 1)),
            borderSkipped: false,
            barPercentage: 0.75,
            categoryPercentage: 0.9,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { min: 0, max: axisMax, title: { display: true, text: tr.t('meetingsPerYear') }, ticks: { stepSize: 1 } },
          y: { ticks: { autoSkip: false, color: '#1f2937', callback: (_v, i) => labels[i] ?? '' } },
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => (items[0] ? (charted[items[0].dataIndex]?.bodyName ?? '') : ''),
              label: (item) => {
                const r = charted[item.dataIndex]!;
                const span =
                  r.maxPerYear === null ? `≥ ${r.minPerYear}` : r.minPerYear === r.maxPerYear ? `${r.minPerYear}` : `${r.minPerYear}–${r.maxPerYear}`;
                return [
                  `${regionName(r.regionCode)}: ${span} ${tr.t('meetingsPerYear')}${r.approximate ? ` (${tr.t('legendApprox')})` : ''}`,
                  `“${r.cadence.text}”`,
                ];
              },
            },
          },
        },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [charted, labels, axisMax, color, regionName, tr]);

  const summary = charted.map((r) => `${r.bodyName} (${regionName(r.regionCode)}): ${r.cadence.text}`).join('; ');
  return (
    <div ref={wrap} className="chart-wrap" style={{ height: `${Math.max(140, charted.length * 12 + lines * 14 + 70)}px` }}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={`${tr.t('frequency')}: ${summary}`}
        data-testid="frequency-chart"
        data-bars={charted.length}
        data-labels={JSON.stringify(labels)}
      />
    </div>
  );
}
