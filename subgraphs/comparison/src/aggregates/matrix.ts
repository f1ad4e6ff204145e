/**
 * Question 5: the comparison matrix. Rows are aspects, columns regions; each cell says whether the
 * documents state the aspect (STATED) or are silent (NOT_STATED). A stated "no" (substitutes
 * FORBIDDEN, minutes not kept) is STATED, with the "no" in the value. Body aspects are read from
 * each region's top body (top-body.ts).
 */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OFFICE_FACTS, type Body, type Source } from '@samverkan/contract';
import { MissingRegion } from './missing-region';
import { defineAggregate, FirstEntries, KeyedGroup, scan, SingleGroup, type Derivation, type GroupsByRegion, type ReadGroup } from './groups';
import { TOP_BODY_RULE, topBodyFinder } from '../domain/top-body';
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

export enum StatementStatus {
  STATED = 'STATED',
  NOT_STATED = 'NOT_STATED',
}
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

@ObjectType({ simpleResolvers: true, description: 'One fact a cell shows, with its own quote.' })
export class MatrixFact {
  @Field(() => String, { description: 'The fact as the cell shows it (a part of the value, one of the details, or the value itself).' }) text!: string;
  @Field(() => Quote) quote!: Quote;
}

@ObjectType({ simpleResolvers: true, description: "One region's answer to one aspect." })
export class MatrixCell {
  @Field(() => String) regionCode!: string;
  @Field(() => StatementStatus) status!: StatementStatus;
  @Field(() => String, { nullable: true, description: 'Short answer (null when NOT_STATED).' }) value!: string | null;
  @Field(() => [String], { description: 'One line per fact behind the value (each rule, each plan ...), aligned with quotes.' }) details!: string[];
  @Field(() => String, { nullable: true, description: 'Context, e.g. why NOT_STATED although related facts exist.' }) note!: string | null;
  @Field(() => [Quote], { description: 'The first `first` quotes (for a value of several facts, the value and details list those facts).' }) quotes!: Quote[];
  @Field(() => Int, { description: 'All the quotes behind the cell.' }) quoteCount!: number;
  @Field(() => [MatrixFact], {
    description: "A STATED cell's facts, each with its own quote (aligned with quotes); empty for NOT_STATED, whose quotes support the note.",
  })
  facts!: MatrixFact[];
}

@ObjectType({ simpleResolvers: true, description: 'One aspect across the regions.' })
export class MatrixRow {
  @Field(() => MatrixAspect) aspect!: MatrixAspect;
  @Field(() => String) label!: string;
  @Field(() => [MatrixCell], { description: 'One cell per answered region, in column order.' }) cells!: MatrixCell[];
}

@ObjectType({ simpleResolvers: true, description: "The body each region's body aspects are read from." })
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

/** A cell's facts; a value joined from one part per fact keeps its parts, to be cut with the facts. */
type CellFacts = Omit<MatrixCell, 'regionCode' | 'quoteCount' | 'facts'> & { parts?: string[] };

const notStated = (note: string | null = null, quotes: Quote[] = []): CellFacts => ({
  status: StatementStatus.NOT_STATED,
  value: null,
  details: [],
  note,
  quotes,
});
const stated = (value: string, details: string[], sources: Source[], note: string | null = null): CellFacts => ({
  status: StatementStatus.STATED,
  value,
  details,
  note,
  quotes: sources.map(quoteOf),
});

const listed = (parts: string[], details: string[], sources: Source[]): CellFacts => ({ ...stated(parts.join('; '), details, sources), parts });

/** An office's facts (holder, selection, term, rotation), each with its own quote (the field's source, else the office's). */
function officeCell(office: Body['chair'], top: Body | null): CellFacts {
  if (!top) return notStated('The region names no body.');
  if (!office) return notStated(`Not stated for ${top.name}.`);
  const facts = OFFICE_FACTS.filter((f) => office[f]);
  if (!facts.length) return stated('an office is named, no details', [], [office.source], office.note ?? null);
  return {
    ...listed(
      facts.map((f) => `${f}: ${office[f]}`),
      [],
      facts.map((f) => office[`${f}Source`] ?? office.source),
    ),
    note: office.note ?? null,
  };
}

/** The aspects read from the region's top body. */
const TOP_BODY_ASPECTS = [
  MatrixAspect.CHAIR_SELECTION,
  MatrixAspect.VICE_CHAIR,
  MatrixAspect.SUBSTITUTES,
  MatrixAspect.CONVENER,
  MatrixAspect.MINUTES,
  MatrixAspect.TOP_BODY_FREQUENCY,
] as const;

function topBodyCell(aspect: (typeof TOP_BODY_ASPECTS)[number], top: Body | null): CellFacts {
  switch (aspect) {
    case MatrixAspect.CHAIR_SELECTION:
      return officeCell(top?.chair, top);
    case MatrixAspect.VICE_CHAIR:
      return officeCell(top?.viceChair, top);
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
  }
}

function describePerYear(min: number | null, max: number | null): string {
  if (min === null && max === null) return 'no numbers per year';
  if (min !== null && max === null) return `at least ${min} per year`;
  if (min === null) return `at most ${max} per year`;
  return min === max ? `${min} per year` : `${min}–${max} per year`;
}

interface CellItem {
  quote: Quote;
  detail: string | null;
  part: string | null;
}
type CellData = Omit<CellFacts, 'details' | 'quotes' | 'parts'> & { joined: boolean };

/** A region's top body, no list. */
const TOP = SingleGroup.of<{ body: BodyRef | null }, never>('top');
/** One cell of a region: its facts (quote, detail, value part) as the list. */
const CELL = KeyedGroup.of<MatrixAspect, CellData, CellItem>('cell:');

/** A cell's group from its facts: one entry per quote, with its detail and value part. */
function cellGroup(aspect: MatrixAspect, facts: CellFacts) {
  const { details, quotes, parts: valueParts, ...cell } = facts;
  const items = Array.from({ length: Math.max(details.length, quotes.length) }, (_, i) => ({
    quote: quotes[i]!,
    detail: details[i] ?? null,
    part: valueParts?.[i] ?? null,
  }));
  return CELL.write(aspect, items, { ...cell, joined: Boolean(valueParts) });
}

/** A cell of one fact per entry of a list: a value joined of their parts (the request joins those it shows), or silent when none. */
function listedGroup(aspect: MatrixAspect, facts: FirstEntries<CellItem>) {
  if (!facts.total) return cellGroup(aspect, notStated());
  const value = facts.items.map((i) => i.part).join('; ');
  return CELL.write(aspect, facts, { status: StatementStatus.STATED, value, note: null, joined: true });
}

/**
 * At sync time: one region's top body and one group per cell. Reads the bodies (the top body), the
 * reporting duties (the report cells), the plans and the decision rules, keeping each cell's first facts.
 */
function deriveComparisonMatrix(): Derivation {
  const top = topBodyFinder();
  const reports = { ANNUAL_REPORT: new FirstEntries<CellItem>(), HALF_YEAR_REPORT: new FirstEntries<CellItem>() };
  const plans = { count: 0, activity: false, quotes: new FirstEntries<CellItem>(), revised: new FirstEntries<CellItem>() };
  const rules = new FirstEntries<CellItem>();
  return {
    scans: [
      scan('bodies', top.add),
      scan('reportingDuties', (d) => {
        if (d.artifact === 'ANNUAL_REPORT' || d.artifact === 'HALF_YEAR_REPORT')
          reports[d.artifact].add(() => ({
            quote: quoteOf(d.source),
            detail: d.description,
            part: `${d.fromText} → ${d.toText}${d.cadence ? ` (${d.cadence.text})` : ''}`,
          }));
      }),
      // An aktivitetsplan is the plan of action some regions name instead of a handlingsplan.
      scan('plans', (p) => {
        if (p.kind !== 'ACTION_PLAN' && p.kind !== 'ACTIVITY_PLAN') return;
        plans.count++;
        plans.activity ||= p.kind === 'ACTIVITY_PLAN';
        plans.quotes.add(() => ({ quote: quoteOf(p.source), detail: null, part: null }));
        const revision = p.revision;
        if (revision) plans.revised.add(() => ({ quote: quoteOf(revision.source), detail: p.name, part: `${p.name}: ${revision.text}` }));
      }),
      scan('decisionRules', (r) => rules.add(() => ({ quote: quoteOf(r.source), detail: r.appliesTo ? `${r.appliesTo}: ${r.text}` : r.text, part: null }))),
    ],
    groups: () => {
      const body = top.top();
      const kinds = plans.activity ? 'action or activity plan(s)' : 'action plan(s)';
      return [
        TOP.write([], { body: body ? { id: body.id, name: body.name } : null }),
        ...TOP_BODY_ASPECTS.map((aspect) => cellGroup(aspect, topBodyCell(aspect, body))),
        listedGroup(MatrixAspect.ANNUAL_REPORT, reports.ANNUAL_REPORT),
        listedGroup(MatrixAspect.HALF_YEAR_REPORT, reports.HALF_YEAR_REPORT),
        plans.revised.total
          ? listedGroup(MatrixAspect.ACTION_PLAN_REVISION, plans.revised)
          : CELL.write(MatrixAspect.ACTION_PLAN_REVISION, plans.quotes, {
              status: StatementStatus.NOT_STATED,
              value: null,
              note: plans.count ? `${plans.count} ${kinds}, none states a revision cycle.` : 'No action plan named.',
              joined: false,
            }),
        rules.total
          ? CELL.write(MatrixAspect.DECISION_RULES, rules, {
              status: StatementStatus.STATED,
              value: `${rules.total} decision rule(s)`,
              note: null,
              joined: false,
            })
          : cellGroup(MatrixAspect.DECISION_RULES, notStated()),
      ];
    },
  };
}

export const COMPARISON_MATRIX = defineAggregate('comparisonMatrix', 2, [TOP, CELL], deriveComparisonMatrix);

/** A cell a region has no group for (none: every copy has every cell) reads as not stated. */
const EMPTY_CELL: ReadGroup<CellData, CellItem> = { total: 0, data: { status: StatementStatus.NOT_STATED, value: null, note: null, joined: false }, items: [] };

/** At request time: each cell with its first `first` facts (a joined value of those; quoteCount counts them all). */
export function comparisonMatrix(codes: string[], groups: GroupsByRegion, missing: MissingRegion[]): ComparisonMatrix {
  return {
    columns: codes,
    topBodyRule: TOP_BODY_RULE,
    topBodies: codes.map((code) => ({ regionCode: code, body: TOP.read(groups.get(code))?.data.body ?? null })),
    rows: Object.values(MatrixAspect).map((aspect) => ({
      aspect,
      label: LABELS[aspect],
      cells: codes.map((code) => {
        const g = CELL.read(groups.get(code), aspect) ?? EMPTY_CELL;
        const { joined, ...cell } = g.data;
        const items = g.items;
        return {
          regionCode: code,
          ...cell,
          value: joined ? items.map((i) => i.part).join('; ') : cell.value,
          details: items.filter((i) => i.detail !== null).map((i) => i.detail!),
          quotes: items.map((i) => i.quote),
          quoteCount: g.total,
          facts:
            cell.status === StatementStatus.STATED
              ? items.map((i) => ({ text: i.part ?? (items.length === 1 ? cell.value! : (i.detail ?? cell.value!)), quote: i.quote }))
              : [],
        };
      }),
    })),
    missingRegions: missing.map((m) => m.code),
    missing,
  };
}
