/**
 * One region's reporting chain as a diagram (Cytoscape.js with the dagre layered layout), drawn
 * bottom-up: local groups at the bottom, the political level at the top. Bodies are rectangles in
 * their level's colour, roles (a coordinator reporting to a director ...) white ellipses; solid
 * edges are parent links, dashed edges reporting duties (between bodies and roles, either way); a
 * click on an edge or a node shows its source.
 */
import { useEffect, useRef } from 'react';
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import type { ChainEdge, ChainNodeType, RegionChain } from './api';
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

/** Cytoscape ids: a body and a role may share a slug, so the type is part of the id. */
const nodeKey = (type: ChainNodeType, id: string) => `${type}:${id}`;

/** The name of a chain's body or role, for labels, quotes and the table of links. */
export function chainNodeName(chain: RegionChain, type: ChainNodeType, id: string): string {
  return type === 'ROLE' ? (chain.roleNodes.find((r) => r.id === id)?.title ?? id) : (chain.nodes.find((n) => n.id === id)?.name ?? id);
}

/** The edges whose two ends are nodes of the chain: the ones drawn. */
export function drawnEdges(chain: RegionChain): Array<{ edge: ChainEdge; index: number }> {
  const known = new Set([...chain.nodes.map((n) => nodeKey('BODY', n.id)), ...chain.roleNodes.map((r) => nodeKey('ROLE', r.id))]);
  return chain.edges
    .map((edge, index) => ({ edge, index }))
    .filter(({ edge: e }) => known.has(nodeKey(e.fromType, e.from)) && known.has(nodeKey(e.toType, e.to)));
}

export function ChainDiagram(props: { chain: RegionChain; levels: string[]; tr: Translator; onQuote: (request: QuoteRequest) => void }) {
  const { chain, levels, tr, onQuote } = props;
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!box.current) return;
    const cut = (text: string) => (text.length > 70 ? `${text.slice(0, 68)}…` : text);
    const cy = cytoscape({
      container: box.current,
      elements: [
        ...chain.nodes.map((n) => ({
          data: {
            id: nodeKey('BODY', n.id),
            label: cut(n.name),
            color: LEVEL_COLORS[n.level ?? 'NONE'],
            faded: levels.length > 0 && !levels.includes(n.level ?? '') ? 1 : 0,
          },
        })),
        ...chain.roleNodes.map((r) => ({ data: { id: nodeKey('ROLE', r.id), label: cut(r.title), role: 1, faded: 0 } })),
        ...drawnEdges(chain).map(({ edge: e, index }) => ({
          data: {
            id: `e${index}`,
            source: nodeKey(e.fromType, e.from),
            target: nodeKey(e.toType, e.to),
            label: tr.relation(e.relation),
            origin: e.origin,
            index,
          },
        })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            shape: 'round-rectangle',
            width: 168,
            height: 50,
            'background-color': 'data(color)',
            label: 'data(label)',
            color: '#fff',
            'font-size': 10,
            'text-wrap': 'wrap',
            'text-max-width': '158px',
            'text-valign': 'center',
            'text-halign': 'center',
          },
        },
        { selector: 'node[role = 1]', style: { shape: 'ellipse', 'background-color': '#fff', 'border-width': 2, 'border-color': '#334155', color: '#1e293b' } },
        { selector: 'node[faded = 1]', style: { opacity: 0.3 } },
        {
          selector: 'edge',
          style: {
            width: 1.6,
            'line-color': '#64748b',
            'target-arrow-color': '#64748b',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            label: 'data(label)',
            'font-size': 8,
            color: '#334155',
            'text-background-color': '#fff',
            'text-background-opacity': 0.85,
            'text-background-padding': '1px',
          },
        },
        {
          selector: 'edge[origin = "REPORTING_DUTY"]',
          style: { 'line-style': 'dashed', 'line-color': '#b45309', 'target-arrow-color': '#b45309', color: '#b45309' },
        },
      ],
      layout: { name: 'dagre', rankDir: 'BT', nodeSep: 18, rankSep: 46, edgeSep: 8 } as cytoscape.LayoutOptions,
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    cy.on('tap', 'edge', (ev) => {
      const e: ChainEdge | undefined = chain.edges[ev.target.data('index') as number];
      if (!e) return;
      onQuote({
        title: `${chainNodeName(chain, e.fromType, e.from)} → ${chainNodeName(chain, e.toType, e.to)} (${tr.relation(e.relation)}${e.frequency ? `, ${e.frequency.text}` : ''})`,
        quotes: e.quote ? [e.quote] : [],
        regionCode: chain.regionCode,
      });
    });
    cy.on('tap', 'node', (ev) => {
      const id = ev.target.id() as string;
      const role = chain.roleNodes.find((x) => nodeKey('ROLE', x.id) === id);
      if (role) onQuote({ title: `${role.title} · ${tr.t('roleKind')}: ${tr.roleKind(role.kind)}`, quotes: [], regionCode: chain.regionCode });
      const n = chain.nodes.find((x) => nodeKey('BODY', x.id) === id);
      if (n)
        onQuote({
          title: `${n.name} · ${tr.t('level')}: ${tr.level(n.level)} · ${tr.t('kind')}: ${tr.bodyKind(n.kind)}`,
          quotes: [],
          regionCode: chain.regionCode,
        });
    });
    const fit = () => {
      cy.resize();
      cy.fit(undefined, 12);
    };
    const observer = new ResizeObserver(fit);
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      cy.destroy();
    };
  }, [chain, levels, tr, onQuote]);

  const depth = Math.max(1, ...chain.nodes.map((n) => n.depth + 1));
  return (
    <div
      ref={box}
      className="chain-diagram"
      style={{ height: `${Math.min(620, 90 + depth * 96)}px` }}
      data-testid={`chain-${chain.regionCode}`}
      data-nodes={chain.nodes.length}
      data-role-nodes={chain.roleNodes.length}
      data-edges={drawnEdges(chain).length}
      role="img"
      aria-label={`${tr.t('chains')}: ${[...chain.nodes.map((n) => n.name), ...chain.roleNodes.map((r) => r.title)].join(', ')}`}
    />
  );
}
