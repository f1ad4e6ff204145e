/**
 * Question 5: the comparison matrix. Rows are aspects, columns regions; each cell says whether the
 * documents state the aspect (STATED) or are silent (NOT_STATED). A stated "no" (substitutes
 * FORBIDDEN, minutes not kept) is STATED, with the "no" in the value. Body aspects are read from
 * each region's top body (top-body.ts).
 */
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Body, Source } from '@samverkan/contract';
import { type AnsweredRegion, MissingRegion } from './scope';
import { TOP_BODY_RULE, topBody } from './top-body';
import { BodyRef, Quote, quoteOf } from './views';

export enum MatrixAspect {
  CHAIR_SELECTION = 'CHAIR_SELECTION',
  VICE_CHAIR = 'VICE_CHAIR',
  SUBSTITUTES = 'SUBSTITUTES',
  CONVENER = 'CONVENER',
  MINUTES = 'MINUTES',
  TOP_BODY_FREQUENCY = 'TOP_BODY_FREQUENCY',
  ANNUAL_REPORT = 'ANNUAL_REPORT',
  HALF_YEAR_REPORT = 'HALF_YEAR_REPORT',
  ACTION_PLAN_REVISION = 'ACTION_PLAN_REVISION',
  DECISION_RULES = 'DECISION_RULES',
}
registerEnumType(MatrixAspect, { name: 'MatrixAspect', description: 'A row of the comparison matrix.' });

export enum StatementStatus { STATED = 'STATED', NOT_STATED = 'NOT_STATED' }
registerEnumType(StatementStatus, {
  name: 'StatementStatus',
  description: 'STATED: the documents say something, including a "no" (substitutes FORBIDDEN); NOT_STATED: they are silent.',
});

const LABELS: Record<MatrixAspect, string> = {
  CHAIR_SELECTION: 'How the chair of the top body is chosen',
  VICE_CHAIR: 'Vice-chair of the top body',
  SUBSTITUTES: 'Substitutes (ersättare) in the top body',
  CONVENER: 'Who convenes the top body',
  MINUTES: 'Minutes of the top body',
  TOP_BODY_FREQUENCY: 'How often the top body meets',
  ANNUAL_REPORT: 'Annual report',
  HALF_YEAR_REPORT: 'Half-year report',
  ACTION_PLAN_REVISION: 'Action-plan revision cycle',
  DECISION_RULES: 'Decision rules',
};

@ObjectType({ simpleResolvers: true, description: 'One region\'s answer to one aspect.' })
export class MatrixCell {
  @Field(() => String) regionCode!: string;
  @Field(() => StatementStatus) status!: StatementStatus;
  @Field(() => String, { nullable: true, description: 'Short answer (null when NOT_STATED).' }) value!: string | null;
  @Field(() => [String], { description: 'One line per fact behind the value (each rule, each plan ...), aligned with quotes.' }) details!: string[];
  @Field(() => String, { nullable: true, description: 'Context, e.g. why NOT_STATED although related facts exist.' }) note!: string | null;
  @Field(() => [Quote]) quotes!: Quote[];
}

@ObjectType({ simpleResolvers: true, description: 'One aspect across the regions.' })
export class MatrixRow {
  @Field(() => MatrixAspect) aspect!: MatrixAspect;
  @Field(() => String) label!: string;
  @Field(() => [MatrixCell], { description: 'One cell per answered region, in column order.' }) cells!: MatrixCell[];
}

@ObjectType({ simpleResolvers: true, description: 'The body each region\'s body aspects are read from.' })
export class TopBody {
  @Field(() => String) regionCode!: string;
  @Field(() => BodyRef, { nullable: true, description: 'Null when the region names no body.' }) body!: BodyRef | null;
}

@ObjectType({ simpleResolvers: true, description: 'Aspects × regions.' })
export class ComparisonMatrix {
  @Field(() => [ID], { description: 'The columns: answered regions, in registry order.' }) columns!: string[];
  @Field(() => String) topBodyRule!: string;
  @Field(() => [TopBody]) topBodies!: TopBody[];
  @Field(() => [MatrixRow]) rows!: MatrixRow[];
  @Field(() => [ID]) missingRegions!: string[];
  @Field(() => [MissingRegion], { description: 'The regions in missingRegions, each with its reason.' }) missing!: MissingRegion[];
}

type CellFacts = Omit<MatrixCell, 'regionCode'>;

const notStated = (note: string | null = null, quotes: Quote[] = []): CellFacts => ({ status: StatementStatus.NOT_STATED, value: null, details: [], note, quotes });
const stated = (value: string, details: string[], sources: Source[], note: string | null = null): CellFacts => ({
  status: StatementStatus.STATED, value, details, note, quotes: sources.map(quoteOf),
});

const parts = (entries: Array<[string, string | null | undefined]>) => entries.filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`).join('; ');

function officeCell(office: Body['chair'], top: Body | null): CellFacts {
  if (!top) return notStated('The region names no body.');
  if (!office) return notStated(`Not stated for ${top.name}.`);
  const value = parts([['holder', office.holder], ['selection', office.selection], ['term', office.term], ['rotation', office.rotation]]) || 'an office is named, no details';
  return stated(value, [], [office.source], office.note ?? null);
}

function cellFor(aspect: MatrixAspect, region: AnsweredRegion, top: Body | null): CellFacts {
  switch (aspect) {
    case MatrixAspect.CHAIR_SELECTION: return officeCell(top?.chair, top);
    case MatrixAspect.VICE_CHAIR: return officeCell(top?.viceChair, top);
    case MatrixAspect.SUBSTITUTES: {
      if (!top) return notStated('The region names no body.');
      const s = top.substitutes;
      return s.rule === 'NOT_STATED' ? notStated(`Not stated for ${top.name}.`) : stated(s.rule, [], s.source ? [s.source] : [], s.note ?? null);
    }
    case MatrixAspect.CONVENER:
      if (!top?.convener) return notStated(top ? `Not stated for ${top.name}.` : 'The region names no body.');
      return stated(top.convener.who, [], [top.convener.source], top.convener.note ?? null);
    case MatrixAspect.MINUTES: {
      const m = top?.minutes;
      if (!m || m.kept === null) return notStated(m?.note ?? (top ? `Not stated for ${top.name}.` : 'The region names no body.'), m ? [quoteOf(m.source)] : []);
      return stated(m.kept ? `kept${m.keeper ? `: ${m.keeper}` : ''}` : 'not kept', [], [m.source], m.note ?? null);
    }
    case MatrixAspect.TOP_BODY_FREQUENCY:
      if (!top?.cadence) return notStated(top ? `No frequency stated for ${top.name}.` : 'The region names no body.');
      return stated(top.cadence.text, [describePerYear(top.cadence.minPerYear, top.cadence.maxPerYear)], [top.cadence.source], top.cadence.note ?? null);
    case MatrixAspect.ANNUAL_REPORT:
    case MatrixAspect.HALF_YEAR_REPORT: {
      const duties = region.reportingDuties.filter((d) => d.artifact === aspect);
      if (!duties.length) return notStated();
      return stated(duties.map((d) => `${d.fromText} → ${d.toText}${d.cadence ? ` (${d.cadence.text})` : ''}`).join('; '),
        duties.map((d) => d.description), duties.map((d) => d.source));
    }
    case MatrixAspect.ACTION_PLAN_REVISION: {
      const plans = region.plans.filter((p) => p.kind === 'ACTION_PLAN');
      const revised = plans.filter((p) => p.revision);
      if (!revised.length) return notStated(plans.length ? `${plans.length} action plan(s), none states a revision cycle.` : 'No action plan named.');
      return stated(revised.map((p) => `${p.name}: ${p.revision!.text}`).join('; '), revised.map((p) => p.name), revised.map((p) => p.revision!.source));
    }
    case MatrixAspect.DECISION_RULES: {
      const rules = region.decisionRules;
      if (!rules.length) return notStated();
      return stated(`${rules.length} decision rule(s)`, rules.map((r) => (r.appliesTo ? `${r.appliesTo}: ${r.text}` : r.text)), rules.map((r) => r.source));
    }
  }
}

function describePerYear(min: number | null, max: number | null): string {
  if (min === null && max === null) return 'no numbers per year';
  if (min !== null && max === null) return `at least ${min} per year`;
  if (min === null) return `at most ${max} per year`;
  return min === max ? `${min} per year` : `${min}–${max} per year`;
}

export function comparisonMatrix(regions: AnsweredRegion[], missing: MissingRegion[]): ComparisonMatrix {
  const tops = regions.map((r) => ({ region: r, top: topBody(r.bodies) }));
  return {
    columns: regions.map((r) => r.code),
    topBodyRule: TOP_BODY_RULE,
    topBodies: tops.map(({ region, top }) => ({ regionCode: region.code, body: top ? { id: top.id, name: top.name } : null })),
    rows: Object.values(MatrixAspect).map((aspect) => ({
      aspect,
      label: LABELS[aspect],
      cells: tops.map(({ region, top }) => ({ regionCode: region.code, ...cellFor(aspect, region, top) })),
    })),
    missingRegions: missing.map((m) => m.code), missing,
  };
}
