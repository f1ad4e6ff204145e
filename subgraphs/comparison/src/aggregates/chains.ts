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
import type { AnsweredRegion } from '../domain/region';
import { MissingRegion } from './missing-region';
import { defineAggregate, SingleGroup, type GroupsByRegion, type NoData } from './groups';
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

function parentPath(body: Body, byId: Map<string, Body>): Body[] {
  const path = [body];
  const seen = new Set([body.id]);
  let at = body;
  while (at.parent && byId.has(at.parent.bodyId) && !seen.has(at.parent.bodyId)) {
    at = byId.get(at.parent.bodyId)!;
    seen.add(at.id);
    path.push(at);
  }
  return path;
}

/** +1: b is above a (an ancestor, else a higher stated level); -1: below; 0: neither can be said. */
function direction(a: Body, b: Body, byId: Map<string, Body>): number {
  if (parentPath(a, byId).includes(b)) return 1;
  if (parentPath(b, byId).includes(a)) return -1;
  if (a.level && b.level && a.level !== b.level) return LEVELS.indexOf(b.level) < LEVELS.indexOf(a.level) ? 1 : -1;
  return 0;
}

export function regionChain(region: Pick<AnsweredRegion, 'code' | 'bodies' | 'roles' | 'reportingDuties'>): ChainLists {
  const byId = new Map(region.bodies.map((b) => [b.id, b]));
  const roles = new Map(region.roles.map((r) => [r.id, r]));
  const end = (bodyId: string | null | undefined, roleId: string | null | undefined): { id: string; type: ChainNodeType } | null => {
    if (bodyId && byId.has(bodyId)) return { id: bodyId, type: ChainNodeType.BODY };
    if (roleId && roles.has(roleId)) return { id: roleId, type: ChainNodeType.ROLE };
    return null;
  };
  const dutyEdges = region.reportingDuties
    .map((d) => ({ d, from: end(d.fromBodyId, d.fromRoleId), to: end(d.toBodyId, d.toRoleId) }))
    .filter(
      (x): x is { d: ReportingDuty; from: { id: string; type: ChainNodeType }; to: { id: string; type: ChainNodeType } } =>
        !!x.from && !!x.to && x.from.id !== x.to.id,
    )
    .map(({ d, from, to }) => ({
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
    }));
  const key = (e: { from: string; fromType: string; to: string; toType: string }) => `${e.fromType}:${e.from}>${e.toType}:${e.to}`;
  const reverse = new Set(dutyEdges.map((e) => key({ from: e.to, fromType: e.toType, to: e.from, toType: e.fromType })));
  const upward = (e: ChainEdge): boolean => {
    const dir = e.fromType === ChainNodeType.BODY && e.toType === ChainNodeType.BODY ? direction(byId.get(e.from)!, byId.get(e.to)!, byId) : 0;
    return dir === 0 ? !reverse.has(key(e)) : dir > 0;
  };
  const edges: ChainEdge[] = [
    // The parent, then the further bodies a body answers to (otherParents: "till chefsgrupperna"); paths follow the parent only.
    ...region.bodies.flatMap((b) =>
      [...(b.parent ? [b.parent] : []), ...(b.otherParents ?? [])]
        .filter((p) => byId.has(p.bodyId))
        .map((p) => ({
          from: b.id,
          fromType: ChainNodeType.BODY,
          to: p.bodyId,
          toType: ChainNodeType.BODY,
          origin: ChainEdgeOrigin.PARENT_LINK,
          relation: p.relation,
          parentRelation: p.relation,
          artifact: null,
          frequency: null,
          quote: quoteOf(p.source),
        })),
    ),
    ...dutyEdges.filter(upward),
  ];
  const onEdge = new Set(edges.map((e) => `${e.fromType}:${e.from}`).concat(edges.map((e) => `${e.toType}:${e.to}`)));
  const hasChild = new Set(region.bodies.filter((b) => b.parent).map((b) => b.parent!.bodyId));
  const paths = region.bodies
    .filter((b) => b.parent && !hasChild.has(b.id))
    .map((b) => parentPath(b, byId))
    .filter((p) => p.length > 1)
    .map((p) => ({ bodyIds: p.map((b) => b.id), topLevel: p.at(-1)!.level, reachesPolitical: p.at(-1)!.level === 'POLITICAL' }));
  return {
    regionCode: region.code,
    nodes: region.bodies
      .filter((b) => onEdge.has(`BODY:${b.id}`))
      .map((b) => ({ id: b.id, name: b.name, kind: b.kind, level: b.level, depth: parentPath(b, byId).length - 1 })),
    roleNodes: region.roles.filter((r) => onEdge.has(`ROLE:${r.id}`)).map((r) => ({ id: r.id, title: r.title, kind: r.kind })),
    edges,
    notUpward: dutyEdges.filter((e) => !upward(e)),
    paths,
  };
}

/** One group per list of a region's chain, under the list's name. */
const LISTS = {
  nodes: SingleGroup.of<NoData, ChainNode>('nodes'),
  roleNodes: SingleGroup.of<NoData, ChainRoleNode>('roleNodes'),
  edges: SingleGroup.of<NoData, ChainEdge>('edges'),
  notUpward: SingleGroup.of<NoData, ChainEdge>('notUpward'),
  paths: SingleGroup.of<NoData, ChainPath>('paths'),
} satisfies { [L in Exclude<keyof ChainLists, 'regionCode'>]: SingleGroup<NoData, ChainLists[L][number]> };

/** At sync time: one region's chain, one group per list. */
function reportingChainsGroups(region: Pick<AnsweredRegion, 'code' | 'bodies' | 'roles' | 'reportingDuties'>) {
  const chain = regionChain(region);
  return [
    LISTS.nodes.write(chain.nodes),
    LISTS.roleNodes.write(chain.roleNodes),
    LISTS.edges.write(chain.edges),
    LISTS.notUpward.write(chain.notUpward),
    LISTS.paths.write(chain.paths),
  ];
}

export const REPORTING_CHAINS = defineAggregate('reportingChains', 2, Object.values(LISTS), reportingChainsGroups);

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
