/**
 * One region's reporting chain as a diagram (Cytoscape.js with the dagre layered layout), drawn
 * bottom-up: local groups at the bottom, the political level at the top. Solid edges are parent
 * links, dashed edges reporting duties; a click on an edge or a body shows its source.
 */
import { useEffect, useRef } from 'react';
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import type { ChainEdge, RegionChain } from './api';
import type { QuoteRequest } from './context';
import type { Translator } from './i18n';

cytoscape.use(dagre);

export const LEVEL_COLORS: Record<string, string> = {
  POLITICAL: '#7b2d8e',
  STRATEGIC: '#1f5fa8',
  TACTICAL: '#2b8a6e',
  OPERATIONAL: '#c27c0e',
  NONE: '#6b7280',
};

export function ChainDiagram(props: { chain: RegionChain; levels: string[]; tr: Translator; onQuote: (request: QuoteRequest) => void }) {
  const { chain, levels, tr, onQuote } = props;
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!box.current) return;
    const nodeIds = new Set(chain.nodes.map((n) => n.id));
    const cy = cytoscape({
      container: box.current,
      elements: [
        ...chain.nodes.map((n) => ({
          data: {
            id: n.id,
            label: n.name.length > 70 ? `${n.name.slice(0, 68)}…` : n.name,
            color: LEVEL_COLORS[n.level ?? 'NONE'],
            faded: levels.length > 0 && !levels.includes(n.level ?? '') ? 1 : 0,
          },
        })),
        ...chain.edges
          .filter((e) => nodeIds.has(e.from) && nodeIds.has(e.to))
          .map((e, i) => ({ data: { id: `e${i}`, source: e.from, target: e.to, label: tr.relation(e.relation), origin: e.origin, index: i } })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            shape: 'round-rectangle', width: 168, height: 50, 'background-color': 'data(color)', label: 'data(label)',
            color: '#fff', 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': '158px', 'text-valign': 'center', 'text-halign': 'center',
          },
        },
        { selector: 'node[faded = 1]', style: { opacity: 0.3 } },
        {
          selector: 'edge',
          style: {
            width: 1.6, 'line-color': '#64748b', 'target-arrow-color': '#64748b', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier',
            label: 'data(label)', 'font-size': 8, color: '#334155', 'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': '1px',
          },
        },
        { selector: 'edge[origin = "REPORTING_DUTY"]', style: { 'line-style': 'dashed', 'line-color': '#b45309', 'target-arrow-color': '#b45309', color: '#b45309' } },
      ],
      layout: { name: 'dagre', rankDir: 'BT', nodeSep: 18, rankSep: 46, edgeSep: 8 } as cytoscape.LayoutOptions,
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    cy.on('tap', 'edge', (ev) => {
      const e: ChainEdge | undefined = chain.edges[ev.target.data('index') as number];
      if (!e) return;
      const name = (id: string) => chain.nodes.find((n) => n.id === id)?.name ?? id;
      onQuote({ title: `${name(e.from)} → ${name(e.to)} (${tr.relation(e.relation)}${e.frequency ? `, ${e.frequency.text}` : ''})`, quotes: e.quote ? [e.quote] : [], regionCode: chain.regionCode });
    });
    cy.on('tap', 'node', (ev) => {
      const n = chain.nodes.find((x) => x.id === ev.target.id());
      if (n) onQuote({ title: `${n.name} · ${tr.t('level')}: ${tr.level(n.level)} · ${tr.t('kind')}: ${tr.bodyKind(n.kind)}`, quotes: [], regionCode: chain.regionCode });
    });
    const fit = () => { cy.resize(); cy.fit(undefined, 12); };
    const observer = new ResizeObserver(fit);
    observer.observe(box.current);
    return () => { observer.disconnect(); cy.destroy(); };
  }, [chain, levels, tr, onQuote]);

  const depth = Math.max(1, ...chain.nodes.map((n) => n.depth + 1));
  return <div ref={box} className="chain-diagram" style={{ height: `${Math.min(620, 90 + depth * 96)}px` }} data-testid={`chain-${chain.regionCode}`} data-nodes={chain.nodes.length} data-edges={chain.edges.length} role="img" aria-label={`${tr.t('chains')}: ${chain.nodes.map((n) => n.name).join(', ')}`} />;
}
