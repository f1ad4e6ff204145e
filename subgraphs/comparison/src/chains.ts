/**
 * Question 4b: reporting chains as a graph a dashboard can draw. Nodes are bodies; edges point
 * upward from a body to the body it sits under (its parent link) or reports to (a reporting duty
 * with both fromBodyId and toBodyId). Duties with a role or free text at either end have no body to
 * draw and are left out. Paths follow the parent links only (a tree), from each body with nothing
 * under it up to the top, so they never loop.
 */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BodyKind, Level, ParentRelation, ReportArtifactKind, type Body } from '@samverkan/shared';
import { type AnsweredRegion, MissingRegion } from './scope';
import { Frequency, frequencyOf, Quote, quoteOf } from './views';

export enum ChainEdgeOrigin { PARENT_LINK = 'PARENT_LINK', REPORTING_DUTY = 'REPORTING_DUTY' }
registerEnumType(ChainEdgeOrigin, { name: 'ChainEdgeOrigin', description: 'PARENT_LINK: body.parent; REPORTING_DUTY: a reporting duty between two bodies.' });

@ObjectType({ simpleResolvers: true, description: 'A body in a reporting chain.' })
export class ChainNode {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => BodyKind) kind!: keyof typeof BodyKind;
  @Field(() => Level, { nullable: true }) level!: keyof typeof Level | null;
  @Field(() => Int, { description: 'Parent links between this body and the top of its tree (0 = top).' }) depth!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A directed edge from a body to the body above it (or that it reports to).' })
export class ChainEdge {
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
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

@ObjectType({ simpleResolvers: true, description: 'One region\'s reporting structure.' })
export class RegionChain {
  @Field(() => String) regionCode!: string;
  @Field(() => [ChainNode], { description: 'Bodies on at least one edge, in document order.' }) nodes!: ChainNode[];
  @Field(() => [ChainEdge]) edges!: ChainEdge[];
  @Field(() => [ChainPath]) paths!: ChainPath[];
}

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

export function regionChain(region: AnsweredRegion): RegionChain {
  const byId = new Map(region.bodies.map((b) => [b.id, b]));
  const edges: ChainEdge[] = [
    ...region.bodies.filter((b) => b.parent && byId.has(b.parent.bodyId)).map((b) => ({
      from: b.id, to: b.parent!.bodyId, origin: ChainEdgeOrigin.PARENT_LINK, relation: b.parent!.relation,
      parentRelation: b.parent!.relation, artifact: null, frequency: null, quote: quoteOf(b.parent!.source),
    })),
    ...region.reportingDuties.filter((d) => d.fromBodyId && d.toBodyId && byId.has(d.fromBodyId) && byId.has(d.toBodyId)).map((d) => ({
      from: d.fromBodyId!, to: d.toBodyId!, origin: ChainEdgeOrigin.REPORTING_DUTY, relation: d.artifact,
      parentRelation: null, artifact: d.artifact, frequency: frequencyOf(d.cadence), quote: quoteOf(d.source),
    })),
  ];
  const onEdge = new Set(edges.flatMap((e) => [e.from, e.to]));
  const hasChild = new Set(region.bodies.filter((b) => b.parent).map((b) => b.parent!.bodyId));
  const paths = region.bodies
    .filter((b) => b.parent && !hasChild.has(b.id))
    .map((b) => parentPath(b, byId))
    .filter((p) => p.length > 1)
    .map((p) => ({ bodyIds: p.map((b) => b.id), topLevel: p.at(-1)!.level, reachesPolitical: p.at(-1)!.level === 'POLITICAL' }));
  return {
    regionCode: region.code,
    nodes: region.bodies.filter((b) => onEdge.has(b.id)).map((b) => ({
      id: b.id, name: b.name, kind: b.kind, level: b.level, depth: parentPath(b, byId).length - 1,
    })),
    edges,
    paths,
  };
}

export function reportingChains(regions: AnsweredRegion[], missing: MissingRegion[]): ReportingChains {
  return { regions: regions.map(regionChain), missingRegions: missing.map((m) => m.code), missing };
}
