/**
 * Question 4b: reporting chains as a graph a dashboard can draw. Nodes are bodies and roles; edges
 * point upward from a body to the body it sits under (its parent link), or from the body or role a
 * reporting duty comes from to the body or role it is addressed to (toBodyId / toRoleId). Duties
 * with free text only at an end have nothing to draw and are left out. A duty between two bodies
 * that points down the parent tree, or down the levels, or that answers a duty the other way where
 * neither is above the other (a dialogue), is not a report upward: it is listed in notUpward, not
 * drawn, so the graph has no two-way loop. Paths follow the parent links only (a tree).
 */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BodyKind, Level, LEVELS, ParentRelation, ReportArtifactKind, RoleKind, type Body, type ReportingDuty } from '@samverkan/contract';
import { MissingRegion } from './missing-region';
import { defineAggregate, FirstEntries, scan, SingleGroup, type Derivation, type GroupsByRegion, type NoData } from './groups';
import { Frequency, frequencyOf, Quote, quoteOf } from './views';

export enum ChainNodeType {
  BODY = 'BODY',
  ROLE = 'ROLE',
}
registerEnumType(ChainNodeType, { name: 'ChainNodeType', description: 'BODY: a node of nodes; ROLE: a node of roleNodes.' });

export enum ChainEdgeOrigin {
  PARENT_LINK = 'PARENT_LINK',
  REPORTING_DUTY = 'REPORTING_DUTY',
}
registerEnumType(ChainEdgeOrigin, { name: 'ChainEdgeOrigin', description: 'PARENT_LINK: body.parent; REPORTING_DUTY: a reporting duty between two bodies.' });

@ObjectType({ simpleResolvers: true, description: 'A body in a reporting chain.' })
export class ChainNode {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => BodyKind) kind!: keyof typeof BodyKind;
  @Field(() => Level, { nullable: true }) level!: keyof typeof Level | null;
  @Field(() => Int, { description: 'Parent links between this body and the top of its tree (0 = top).' }) depth!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A role at one end of a reporting duty.' })
export class ChainRoleNode {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => RoleKind) kind!: keyof typeof RoleKind;
}

@ObjectType({ simpleResolvers: true, description: 'A directed edge upward: from a body or role to the body above it, or the body or role it reports to.' })
export class ChainEdge {
  @Field(() => ID) from!: string;
  @Field(() => ChainNodeType, { description: 'Whether from is a body (nodes) or a role (roleNodes).' }) fromType!: ChainNodeType;
  @Field(() => ID) to!: string;
  @Field(() => ChainNodeType, { description: 'Whether to is a body (nodes) or a role (roleNodes).' }) toType!: ChainNodeType;
  @Field(() => ChainEdgeOrigin) origin!: ChainEdgeOrigin;
  @Field(() => String, { description: 'The ParentRelation (REPORTS_TO, SUPPORTS ...) or the ReportArtifactKind reported.' }) relation!: string;
  @Field(() => ParentRelation, { nullable: true }) parentRelation!: keyof typeof ParentRelation | null;
  @Field(() => ReportArtifactKind, { nullable: true }) artifact!: keyof typeof ReportArtifactKind | null;
  @Field(() => Frequency, { nullable: true }) frequency!: Frequency | null;
  @Field(() => Quote) quote!: Quote;
}

@ObjectType({ simpleResolvers: true, description: 'A path of parent links from a body with nothing under it to the top of its tree.' })
export class ChainPath {
  @Field(() => [ID], { description: 'Body ids, bottom first.' }) bodyIds!: string[];
  @Field(() => Level, { nullable: true, description: 'Level of the top body (null: not stated).' }) topLevel!: keyof typeof Level | null;
  @Field(() => Boolean, { description: 'The path ends at a POLITICAL body.' }) reachesPolitical!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "One region's reporting structure." })
export class RegionChain {
  @Field(() => String) regionCode!: string;
  @Field(() => [ChainNode], { description: 'Bodies on at least one edge, in document order.' }) nodes!: ChainNode[];
  @Field(() => [ChainRoleNode], { description: 'Roles on at least one edge, in document order.' }) roleNodes!: ChainRoleNode[];
  @Field(() => [ChainEdge]) edges!: ChainEdge[];
  @Field(() => [ChainEdge], {
    description: 'Reporting duties between two nodes that do not point upward (down the tree or levels, or one side of a dialogue): not drawn.',
  })
  notUpward!: ChainEdge[];
  @Field(() => [ChainPath]) paths!: ChainPath[];
  @Field(() => Int, { description: "All the region's nodes (each list above gives its first `first`)." }) nodeCount!: number;
  @Field(() => Int, { description: "All the region's roleNodes." }) roleNodeCount!: number;
  @Field(() => Int, { description: "All the region's edges." }) edgeCount!: number;
  @Field(() => Int, { description: "All the region's notUpward edges." }) notUpwardCount!: number;
  @Field(() => Int, { description: "All the region's paths." }) pathCount!: number;
}

type ChainLists = Omit<RegionChain, 'nodeCount' | 'roleNodeCount' | 'edgeCount' | 'notUpwardCount' | 'pathCount'>;

@ObjectType({ simpleResolvers: true, description: 'Reporting structures per answered region.' })
export class ReportingChains {
  @Field(() => [RegionChain]) regions!: RegionChain[];
  @Field(() => [ID]) missingRegions!: string[];
  @Field(() => [MissingRegion], { description: 'The regions in missingRegions, each with its reason.' }) missing!: MissingRegion[];
}

/** What the derivation holds of every body: the tree and what a node shows. */
interface BodySlot {
  readonly id: string;
  readonly name: string;
  readonly kind: Body['kind'];
  readonly level: Body['level'];
  readonly parentId: string | null;
}
type End = { id: string; type: ChainNodeType };

function parentPath(body: BodySlot, byId: Map<string, BodySlot>): BodySlot[] {
  const path = [body];
  const seen = new Set([body.id]);
  let at = body;
  while (at.parentId && byId.has(at.parentId) && !seen.has(at.parentId)) {
    at = byId.get(at.parentId)!;
    seen.add(at.id);
    path.push(at);
  }
  return path;
}

/** +1: b is above a (an ancestor, else a higher stated level); -1: below; 0: neither can be said. */
function direction(a: BodySlot, b: BodySlot, byId: Map<string, BodySlot>): number {
  if (parentPath(a, byId).includes(b)) return 1;
  if (parentPath(b, byId).includes(a)) return -1;
  if (a.level && b.level && a.level !== b.level) return LEVELS.indexOf(b.level) < LEVELS.indexOf(a.level) ? 1 : -1;
  return 0;
}

const key = (from: End, to: End) => `${from.type}:${from.id}>${to.type}:${to.id}`;

/** One group per list of a region's chain, under the list's name. */
const LISTS = {
  nodes: SingleGroup.of<NoData, ChainNode>('nodes'),
  roleNodes: SingleGroup.of<NoData, ChainRoleNode>('roleNodes'),
  edges: SingleGroup.of<NoData, ChainEdge>('edges'),
  notUpward: SingleGroup.of<NoData, ChainEdge>('notUpward'),
  paths: SingleGroup.of<NoData, ChainPath>('paths'),
} satisfies { [L in Exclude<keyof ChainLists, 'regionCode'>]: SingleGroup<NoData, ChainLists[L][number]> };

/**
 * At sync time: one region's chain, one group per list. Reads the bodies (the tree) and roles (the
 * ends a duty may name), the reporting duties (which pairs report both ways), the bodies again (the
 * parent links, drawn first) and the duties again (drawn when upward, else listed in notUpward).
 */
function deriveReportingChains(): Derivation {
  const byId = new Map<string, BodySlot>();
  const bodies: BodySlot[] = [];
  const hasChild = new Set<string>();
  const roles = new Map<string, ChainRoleNode>();
  const roleOrder: ChainRoleNode[] = [];
  const reverse = new Set<string>();
  const onEdge = new Set<string>();
  const lists = { edges: new FirstEntries<ChainEdge>(), notUpward: new FirstEntries<ChainEdge>() };
  const end = (bodyId: string | null | undefined, roleId: string | null | undefined): End | null => {
    if (bodyId && byId.has(bodyId)) return { id: bodyId, type: ChainNodeType.BODY };
    if (roleId && roles.has(roleId)) return { id: roleId, type: ChainNodeType.ROLE };
    return null;
  };
  const dutyEnds = (d: ReportingDuty): [End, End] | null => {
    const [from, to] = [end(d.fromBodyId, d.fromRoleId), end(d.toBodyId, d.toRoleId)];
    return from && to && from.id !== to.id ? [from, to] : null;
  };
  const upward = (from: End, to: End): boolean => {
    const both = from.type === ChainNodeType.BODY && to.type === ChainNodeType.BODY;
    const dir = both ? direction(byId.get(from.id)!, byId.get(to.id)!, byId) : 0;
    return dir === 0 ? !reverse.has(key(from, to)) : dir > 0;
  };
  const draw = (from: End, to: End, edge: () => ChainEdge) => {
    lists.edges.add(edge);
    onEdge.add(`${from.type}:${from.id}`).add(`${to.type}:${to.id}`);
  };
  return {
    scans: [
      scan('bodies', (b) => {
        const slot = { id: b.id, name: b.name, kind: b.kind, level: b.level, parentId: b.parent?.bodyId ?? null };
        byId.set(b.id, slot);
        bodies.push(slot);
        if (b.parent) hasChild.add(b.parent.bodyId);
      }),
      scan('roles', (r) => {
        const node = { id: r.id, title: r.title, kind: r.kind };
        roles.set(r.id, node);
        roleOrder.push(node);
      }),
      scan('reportingDuties', (d) => {
        const ends = dutyEnds(d);
        if (ends) reverse.add(key(ends[1], ends[0]));
      }),
      // The parent, then the further bodies a body answers to (otherParents: "till chefsgrupperna"); paths follow the parent only.
      scan('bodies', (b) => {
        for (const p of [...(b.parent ? [b.parent] : []), ...(b.otherParents ?? [])]) {
          if (!byId.has(p.bodyId)) continue;
          const [from, to] = [
            { id: b.id, type: ChainNodeType.BODY },
            { id: p.bodyId, type: ChainNodeType.BODY },
          ];
          draw(from, to, () => ({
            from: from.id,
            fromType: from.type,
            to: to.id,
            toType: to.type,
            origin: ChainEdgeOrigin.PARENT_LINK,
            relation: p.relation,
            parentRelation: p.relation,
            artifact: null,
            frequency: null,
            quote: quoteOf(p.source),
          }));
        }
      }),
      scan('reportingDuties', (d) => {
        const ends = dutyEnds(d);
        if (!ends) return;
        const [from, to] = ends;
        const edge = (): ChainEdge => ({
          from: from.id,
          fromType: from.type,
          to: to.id,
          toType: to.type,
          origin: ChainEdgeOrigin.REPORTING_DUTY,
          relation: d.artifact as string,
          parentRelation: null,
          artifact: d.artifact,
          frequency: frequencyOf(d.cadence),
          quote: quoteOf(d.source),
        });
        if (upward(from, to)) draw(from, to, edge);
        else lists.notUpward.add(edge);
      }),
    ],
    groups: () => {
      const nodes = new FirstEntries<ChainNode>();
      for (const b of bodies)
        if (onEdge.has(`BODY:${b.id}`)) nodes.add(() => ({ id: b.id, name: b.name, kind: b.kind, level: b.level, depth: parentPath(b, byId).length - 1 }));
      const roleNodes = new FirstEntries<ChainRoleNode>();
      for (const r of roleOrder) if (onEdge.has(`ROLE:${r.id}`)) roleNodes.add(() => r);
      const paths = new FirstEntries<ChainPath>();
      for (const b of bodies) {
        if (!b.parentId || hasChild.has(b.id)) continue;
        const path = parentPath(b, byId);
        if (path.length > 1)
          paths.add(() => ({ bodyIds: path.map((x) => x.id), topLevel: path.at(-1)!.level, reachesPolitical: path.at(-1)!.level === 'POLITICAL' }));
      }
      return [
        LISTS.nodes.write(nodes),
        LISTS.roleNodes.write(roleNodes),
        LISTS.edges.write(lists.edges),
        LISTS.notUpward.write(lists.notUpward),
        LISTS.paths.write(paths),
      ];
    },
  };
}

export const REPORTING_CHAINS = defineAggregate('reportingChains', 2, Object.values(LISTS), deriveReportingChains);

/** At request time: each region's lists cut to `first` (the counts beside give the totals). */
export function reportingChains(codes: string[], groups: GroupsByRegion, missing: MissingRegion[]): ReportingChains {
  return {
    regions: codes.map((code) => {
      const region = groups.get(code);
      const [nodes, roleNodes, edges, notUpward, paths] = [
        LISTS.nodes.list(region),
        LISTS.roleNodes.list(region),
        LISTS.edges.list(region),
        LISTS.notUpward.list(region),
        LISTS.paths.list(region),
      ];
      return {
        regionCode: code,
        nodes: nodes.items,
        roleNodes: roleNodes.items,
        edges: edges.items,
        notUpward: notUpward.items,
        paths: paths.items,
        nodeCount: nodes.total,
        roleNodeCount: roleNodes.total,
        edgeCount: edges.total,
        notUpwardCount: notUpward.total,
        pathCount: paths.total,
      };
    }),
    missingRegions: missing.map((m) => m.code),
    missing,
  };
}
