/**
 * Search in Swedish across every region's facts and source documents: `landscape { search(text,
 * filter, first, after) }`, answered by the read model's search index (read-model/search-query.ts).
 * A hit names its region, kind and id (to drill down), a snippet with the matched words as UTF-16
 * ranges, the verbatim quote and its source document and section.
 */
import { badUserInput, decodeCursor, encodeCursor } from '@samverkan/contract';
import { Arg, Ctx, Field, Float, FieldResolver, ID, InputType, Int, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { Level, Source } from '@samverkan/shared';
import type { ComparisonContext } from '../context';
import { PageInfo } from './bodies';
import { Landscape, RegionRef } from './landscape';
import { regionStub } from './resolver';
import { REGION_ORDER, scopeOf } from './scope';
import { MissingRegion } from '../aggregates/missing-region';
import { SEARCH_KINDS, type SearchKind } from '../read-model/search-index';
import { MARK_END, MARK_START, MAX_QUERY_LENGTH, parseQuery, searchPage, type SearchRowHit } from '../read-model/search-query';

export const SearchHitKind = Object.fromEntries(SEARCH_KINDS.map((k) => [k, k])) as { [K in SearchKind]: K };
registerEnumType(SearchHitKind, {
  name: 'SearchHitKind',
  description:
    'What a hit is: BODY, ROLE (a role or one of its duties), REPORTING_DUTY, PLAN, DECISION_RULE, REGIONAL_FACT, or DOCUMENT_PASSAGE (a paragraph of a source document).',
});

@InputType({ description: 'Which hits to return; all given conditions must hold, within a list any value matches.' })
export class SearchFilter {
  @Field(() => [ID], { nullable: true, description: 'Region codes; default every region. One region: ["kalmar"].' }) regions?: string[] | null;
  @Field(() => [Level], { nullable: true, description: 'Body levels: only BODY hits have a level, so this keeps bodies at these levels only.' }) levels?: Array<
    keyof typeof Level
  > | null;
  @Field(() => [SearchHitKind], { nullable: true, description: 'Kinds of hit; default every kind.' }) kinds?: SearchKind[] | null;
}

@ObjectType({ simpleResolvers: true, description: 'A matched word in a snippet: UTF-16 offsets, start inclusive, end exclusive (JavaScript string indices).' })
export class TextRange {
  @Field(() => Int) start!: number;
  @Field(() => Int) end!: number;
}

@ObjectType({ simpleResolvers: true, description: 'One search hit: one fact or document passage, with the statement of it that matched best.' })
export class SearchHit {
  @Field(() => ID) regionCode!: string;
  @Field(() => SearchHitKind) kind!: SearchKind;
  @Field(() => ID, { description: 'The fact\'s id (drill down with region(code) { bodies/roles/... }); for a DOCUMENT_PASSAGE "<documentId>#<ordinal>".' })
  id!: string;
  @Field(() => String, { description: "The fact's name (body name, role title, plan name ...; a passage's section)." }) name!: string;
  @Field(() => Level, { nullable: true, description: "A body's level; null for other kinds." }) level!: keyof typeof Level | null;
  @Field(() => String, { description: 'Part of the matched statement, at most about 30 words, plain text.' }) snippet!: string;
  @Field(() => [TextRange], { description: 'Where the matched words are in the snippet.' }) highlights!: TextRange[];
  @Field(() => String, { description: 'The verbatim quote of the matched statement: an exact substring of source.document.' }) quote!: string;
  @Field(() => Source) source!: Source;
  @Field(() => Float, { description: 'Relevance: ts_rank_cd of the words plus trigram word similarity; higher first.' }) rank!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A page of search hits.' })
export class SearchConnection {
  @Field(() => Int, { description: 'Hits across all pages.' }) totalCount!: number;
  @Field(() => [SearchHit]) nodes!: SearchHit[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => [ID], { description: 'Regions in scope the comparison holds no copy of: their facts are not searched.' }) missingRegions!: string[];
  @Field(() => [MissingRegion]) missing!: MissingRegion[];
}

export const DEFAULT_SEARCH_PAGE = 20;
export const MAX_SEARCH_PAGE = 100;

/** A search cursor holds the last hit of the page: its region, kind and id. */
const HIT_CURSOR = 'hit';
type HitKey = [regionCode: string, kind: string, id: string];
const isHitKey = (v: unknown): v is HitKey => Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'string' && x.length > 0);

/** Ranges sorted, overlapping ones merged. */
function merge(ranges: TextRange[]): TextRange[] {
  const out: TextRange[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = out.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** About `radius` characters either side of `at`, cut at spaces. */
function windowAround(text: string, at: number, length: number, radius = 90): { snippet: string; offset: number } {
  let start = Math.max(0, at - radius);
  let end = Math.min(text.length, at + length + radius);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = Math.max(text.lastIndexOf(' ', end), at + length);
  return { snippet: text.slice(start, end), offset: start };
}

/** The snippet and its highlights: ts_headline's marks, plus every substring term found in the snippet. */
export function snippetOf(hit: Pick<SearchRowHit, 'text' | 'headline'>, substrings: string[]): { snippet: string; highlights: TextRange[] } {
  let snippet = '';
  const ranges: TextRange[] = [];
  let open = -1;
  for (const ch of hit.headline) {
    if (ch === MARK_START) open = snippet.length;
    else if (ch === MARK_END) {
      if (open >= 0) ranges.push({ start: open, end: snippet.length });
      open = -1;
    } else snippet += ch;
  }
  const lower = () => snippet.toLowerCase();
  if (!ranges.length) {
    // Matched by substring only (a compound's part): show the text around the first occurrence.
    const text = hit.text.toLowerCase();
    const first = substrings
      .map((s) => ({ s, at: text.indexOf(s) }))
      .filter((x) => x.at >= 0)
      .sort((a, b) => a.at - b.at)[0];
    if (first && !lower().includes(first.s)) snippet = windowAround(hit.text, first.at, first.s.length).snippet;
  }
  const l = lower();
  for (const s of substrings) for (let i = l.indexOf(s); i >= 0; i = l.indexOf(s, i + s.length)) ranges.push({ start: i, end: i + s.length });
  return { snippet, highlights: merge(ranges) };
}

@Resolver(() => Landscape)
export class SearchResolver {
  @FieldResolver(() => SearchConnection, {
    description:
      'Free Swedish text across every region\'s facts and source documents, ranked. Plain words are stemmed (psykisk finds psykiska), "a quoted phrase" matches as a phrase, word* is a prefix, and a word of four letters or more also matches inside compounds (prevention finds suicidprevention). Every term must match. Filter by regions, levels, kinds; cursor-paginated.',
  })
  async search(
    @Ctx() ctx: ComparisonContext,
    @Arg('text', () => String, { description: `What to search for, 1 to ${MAX_QUERY_LENGTH} characters.` }) text: string,
    @Arg('filter', () => SearchFilter, { nullable: true }) filter?: SearchFilter,
    @Arg('first', () => Int, { nullable: true, description: `Page size, default ${DEFAULT_SEARCH_PAGE}, at most ${MAX_SEARCH_PAGE}.` }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
  ): Promise<SearchConnection> {
    if (!text.trim()) throw badUserInput('search text is empty');
    if (text.length > MAX_QUERY_LENGTH) throw badUserInput(`search text is longer than ${MAX_QUERY_LENGTH} characters (${text.length})`);
    const terms = parseQuery(text);
    if (!terms.length) throw badUserInput('search text has no words (letters or digits)');
    const size = first ?? DEFAULT_SEARCH_PAGE;
    if (size < 0 || size > MAX_SEARCH_PAGE) throw badUserInput(`first must be between 0 and ${MAX_SEARCH_PAGE}`);
    const key = decodeCursor(HIT_CURSOR, after, isHitKey);
    const cursor = key && { regionCode: key[0], kind: key[1], id: key[2] };
    const { codes, missingDetails } = await scopeOf(ctx.readModel, filter?.regions);
    const page = await searchPage(ctx.readModel.knex, ctx.readModel.schema, {
      terms,
      codes,
      regionOrder: REGION_ORDER,
      kinds: filter?.kinds,
      levels: filter?.levels,
      first: size,
      after: cursor,
    });
    if (!page.cursorFound) throw badUserInput("The cursor's hit is not in this result (text or filter changed, or the data was synced anew)");
    const nodes = page.hits.map((h): SearchHit => ({
      regionCode: h.regionCode,
      kind: h.kind,
      id: h.id,
      name: h.name,
      level: h.level as keyof typeof Level | null,
      ...snippetOf(h, page.likeTerms),
      quote: h.quote,
      rank: h.rank,
      source: { documentId: h.documentId, documentTitle: h.documentTitle, document: h.document, section: h.section, quote: h.quote },
    }));
    const last = page.hits.at(-1);
    return {
      totalCount: page.totalCount,
      nodes,
      pageInfo: {
        hasNextPage: page.start + nodes.length < page.totalCount,
        endCursor: last ? encodeCursor(HIT_CURSOR, [last.regionCode, last.kind, last.id]) : null,
      },
      missingRegions: missingDetails.map((m) => m.code),
      missing: missingDetails,
    };
  }
}

@Resolver(() => SearchHit)
export class SearchHitJoin {
  @FieldResolver(() => RegionRef, { description: 'The region, resolved by its own subgraph: ask it for region-owned fields.' })
  region(@Root() hit: SearchHit): RegionRef {
    return regionStub(hit.regionCode);
  }
}
