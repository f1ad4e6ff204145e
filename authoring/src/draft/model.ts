/**
 * What the rules write into: the draft's bodies, roles and other facts, with the lookups the rules
 * share (which body or role a text names, which one a heading is about). Every fact gets a Source
 * whose `draft` names the rule and its confidence.
 */
import type { BodyData, DataFile, DecisionRuleData, DocumentData, EventData, PlanData, ReportingDutyData, RoleData, SourceData } from '@samverkan/contract';
import { sectionOf, type Heading, type Outline, type Segment } from './text';
import { IdPool, nounHead, slug, tokens, type Token } from './words';
import { BODY_HEADS, HEADING_ONLY_HEADS, ROLE_HEADS } from './lexicon';

export interface Mention {
  key: string;
  head: string;
  prefix: string;
  before: string;
  index: number;
  /** For "styr- och arbetsgrupp": the first part as written ("styr"); the name is it with the head. */
  hyphenated?: string;
  /** For "hälso- och sjukvårdsnämnden": the whole name as written, from token `start` on. */
  written?: { start: number; text: string };
}

/** First parts that make a body type of their own before "- och" ("styr- och arbetsgrupp" is a styrgrupp and an arbetsgrupp). */
const BODY_TYPE_PREFIX = /^(?:styr|arbets|referens|tema|berednings|lednings|chefs|direktörs|samordnings|samverkans|länsdels|projekt|expert|stöd|nätverks)$/;

/** Words that end in a body head but are no body. */
const NOT_A_BODY =
  /(?:områd|målgrupp|åldersgrupp|yrkesgrupp|personalgrupp|patientgrupp|riskgrupp|grupparbete|rådgiv|förråd|underlag|bråd|inledning|^samråda$|länsstyrelse|vägledning|handledning|^ledningen?$)/;

/** "i samråd med": the bare noun is an activity in running text; a body in a heading or after an adjective ("Politiskt samråd"). */
const BARE_SAMRÅD = /^samråd$/;

const UNIQUE_ORGANS = new Set(['styrelse', 'nämnd', 'presidium']);
/**
 * A sentence that opens with a group's bare head in the definite form ("Gruppen", "Nätverket", "Rådet") or
 * with "Den" before a verb is about its section's body. Not "Styrelsen", "Förbundet", "Ledningen": those
 * name an organ of their own.
 */
const SELF_HEADS = ['grupp', 'gruppering', 'konferens', 'råd', 'samråd', 'utskott', 'nätverk', 'kommitté', 'forum', 'team'];
/** "Det möts ...", "Det sammanträder ...": "det" as the section's body only before a meeting verb ("Det finns ..." is no body). */
const IT_MEETS = 'det\\s+(?:möts|träffas|sammanträder|samlas)\\s';
const OPENS_WITH_ITSELF = new RegExp(`^(?:den\\s+(?!\\p{L}+[ae]\\s)|${IT_MEETS}|(?:${SELF_HEADS.join('|')})(?:en|et|n)\\s)`, 'iu');

/** Body mentions in tokens: a body head with a compound first part, or an adjective before it. */
export function bodyMentions(toks: Token[], inHeading: boolean, text = ''): Mention[] {
  const out: Mention[] = [];
  toks.forEach((t, index) => {
    const w = t.word.toLowerCase();
    if (NOT_A_BODY.test(w)) return;
    const h = nounHead(w, BODY_HEADS);
    if (!h) return;
    // "Närområdessamverkan (NOSAM)": a name with its acronym is a body even with a heading-only head.
    const acronym = /^\s*\(\p{Lu}{2,}/u.test(text.slice(t.end));
    // A samordningsförbund is the genre's own organisation, named so in running text too.
    const association = h.head === 'förbund' && h.prefix === 'samordnings';
    if (!inHeading && HEADING_ONLY_HEADS.has(h.head) && !acronym && !association) return;
    if (h.head === 'samverkan' && !h.prefix) return;
    const prev = toks[index - 1]?.word.toLowerCase() ?? '';
    // "Styrelsen", "Nämnden": organs that are unique where they are named, in the definite form.
    const organ = !h.prefix && UNIQUE_ORGANS.has(h.head) && /(?:en|n|et)$/.test(w);
    const adjective =
      /(?:ande|iska|iskt|isk|ska|gemensamma|gemensamt|gemensam|lokala|lokalt|regionala|regionalt|stående|tillfälliga|permanenta|politiska|strategiska)$/.test(
        prev,
      );
    if (BARE_SAMRÅD.test(w) && !inHeading && !adjective) return;
    if (!h.prefix && !adjective && !inHeading && !organ) return;
    const before = adjective ? prev.replace(/-/g, '') : '';
    // "styr- och arbetsgrupp": the first part before the hyphen is a body of its own ("styrgrupp").
    const first = toks[index - 2];
    if (h.prefix && first && /^(?:och|eller|samt)$/i.test(prev) && /^-\s/.test(text.slice(first.end, toks[index - 1]!.start))) {
      const prefix = first.word.toLowerCase();
      if (BODY_TYPE_PREFIX.test(prefix)) {
        out.push({ key: `${prefix}${h.head}`, head: h.head, prefix, before: '', index, hyphenated: first.word });
      } else {
        // "hälso- och sjukvårdsnämnden": the hyphen shares a part of the compound's first part ("hälso(vård)
        // och sjukvård"), not the head: one body, named as written (never an unwritten "Hälsonämnd").
        const written = text.slice(first.start, t.end);
        // Keyed on the base form ("… sjukvårdsnämnd"), so "Hälso- och sjukvårdsnämnden" is the same body.
        const key = `${first.word.toLowerCase()}- ${prev} ${h.prefix}${h.head}`;
        out.push({ key, head: h.head, prefix: h.prefix, before: '', index, written: { start: index - 2, text: written } });
        return;
      }
    }
    out.push({ key: `${before ? `${before.replace(/a$/, '')} ` : ''}${h.prefix}${h.head}`, head: h.head, prefix: h.prefix, before, index });
  });
  return out;
}

/** Role heads in "-are" have their plural and definite forms on the stem without the e ("samordnarna", "processledaren"). */
const ROLE_STEMS = ROLE_HEADS.filter((h) => h.endsWith('are')).map((h) => h.slice(0, -1));

/** A role head of a word, in any of its forms: "processledarna" -> processledare. */
function roleHead(w: string): { head: string; prefix: string } | null {
  const h = nounHead(w, ROLE_HEADS);
  if (h) return h;
  const s = nounHead(w, ROLE_STEMS);
  return s && /(?:en|na|ens|nas)$/.test(w) ? { head: `${s.head}e`, prefix: s.prefix } : null;
}

export function roleMentions(toks: Token[]): Mention[] {
  const out: Mention[] = [];
  toks.forEach((t, index) => {
    const w = t.word.toLowerCase();
    const h = roleHead(w);
    if (!h || (h.head === 'ledare' && !h.prefix)) return;
    out.push({ key: `${h.prefix}${h.head}`, head: h.head, prefix: h.prefix, before: '', index });
  });
  return out;
}

export interface Subject {
  bodyId: string | null;
  roleId: string | null;
  /** The body of the section the segment stands in (its heading's, else the document's). */
  sectionBodyId?: string | null;
  /** The sentence opens with the section's body as "Gruppen", "Nätverket" or "Den": the body it names later is not its subject. */
  itself?: boolean;
}

export class Draft {
  readonly ids = new IdPool();
  readonly bodies: BodyData[] = [];
  readonly roles: RoleData[] = [];
  readonly reportingDuties: ReportingDutyData[] = [];
  readonly plans: PlanData[] = [];
  readonly decisionRules: DecisionRuleData[] = [];
  readonly events: EventData[] = [];
  document: DocumentData | null = null;
  private readonly bodyKeys = new Map<string, string>();
  private readonly roleKeys = new Map<string, string>();
  /** What each heading is about. */
  readonly headingSubject = new Map<Heading, Subject>();
  /** The body the document as a whole is about (named in its title), if any. */
  mainBodyId: string | null = null;

  constructor(
    readonly outline: Outline,
    readonly file: string,
  ) {}

  source(seg: { heading: Heading | null; text: string }, rule: string, confidence: number, quote = seg.text): SourceData {
    return { section: sectionOf(this.outline, seg), quote, draft: { rule, confidence } };
  }

  headingSource(h: Heading, rule: string, confidence: number): SourceData {
    return { section: h.path.join(' > '), quote: h.text, draft: { rule, confidence } };
  }

  bodyByKey(key: string): string | null {
    return this.bodyKeys.get(key) ?? null;
  }

  addBody(key: string, body: Omit<BodyData, 'id'>): string {
    const known = this.bodyKeys.get(key);
    if (known) return known;
    const id = this.ids.take(slug(body.name));
    this.bodies.push({ id, ...body });
    this.bodyKeys.set(key, id);
    return id;
  }

  roleByKey(key: string): string | null {
    return this.roleKeys.get(key) ?? null;
  }

  addRole(key: string, role: Omit<RoleData, 'id'>): string {
    const known = this.roleKeys.get(key);
    if (known) return known;
    const id = this.ids.take(slug(role.title));
    this.roles.push({ id, ...role });
    this.roleKeys.set(key, id);
    return id;
  }

  body(id: string | null): BodyData | null {
    return id ? (this.bodies.find((b) => b.id === id) ?? null) : null;
  }

  role(id: string | null): RoleData | null {
    return id ? (this.roles.find((r) => r.id === id) ?? null) : null;
  }

  /** The first body a text names (by its key), or null. */
  bodyNamedIn(text: string): string | null {
    return this.bodyMentionIn(text)?.id ?? null;
  }

  /** The first body a text names, with where its mention stands (token index), or null. */
  bodyMentionIn(text: string): { id: string; index: number } | null {
    const toks = tokens(text);
    for (const m of bodyMentions(toks, false, text)) {
      const id = this.fullNameAt(text.slice(toks[m.index]!.start).toLowerCase()) ?? this.resolveBody(m);
      if (id) return { id, index: m.index };
    }
    return null;
  }

  /**
   * The body a mention names, in any form the genre writes it: its key ("beredningsgruppen",
   * "Beredningsgrupp"), a compound ending in a known key, the short form of a name with a tail
   * ("ledningsgruppen" for "Ledningsgruppen för samverkan i X"), or a bare organ ("styrelsen") for the
   * one body of that head ("Förbundsstyrelsen"). The last two only when one body fits: "chefsgruppen"
   * beside "Chefsgrupp för skola" and "Chefsgrupp för vård" names neither.
   */
  resolveBody(m: Mention): string | null {
    const exact = this.bodyKeys.get(m.key) ?? this.keyEndingIn(this.bodyKeys, m);
    if (exact) return exact;
    const bases = [...this.bodyKeys].map(([key, id]) => ({ base: key.replace(/\s(?:för|inom)\s.*$/u, ''), id }));
    const unique = (fits: (base: string) => boolean) => {
      const ids = new Set(bases.filter((b) => fits(b.base)).map((b) => b.id));
      return ids.size === 1 ? [...ids][0]! : null;
    };
    const short = unique((base) => base === m.key);
    if (short) return short;
    return !m.prefix && !m.before && UNIQUE_ORGANS.has(m.head) ? unique((base) => base.endsWith(m.head) && !base.includes(' ')) : null;
  }

  /** A body whose whole key of several words the text starts with ("Arbetsgrupp psykisk hälsa tillsätts ..."). */
  private fullNameAt(lowerText: string): string | null {
    let best: [string, string] | null = null;
    for (const [key, id] of this.bodyKeys) if (key.includes(' ') && lowerText.startsWith(key) && (!best || key.length > best[0].length)) best = [key, id];
    return best?.[1] ?? null;
  }

  /**
   * Whether some body a heading named in full has this key followed by its words ("arbetsgrupp" of
   * "Arbetsgrupp psykisk hälsa"); a "för/inom" tail does not count (the "Chefsgrupperna" of several
   * "Chefsgrupp för X" stand for a body of their own).
   */
  hasBodyKeyStartingWith(key: string): boolean {
    for (const k of this.bodyKeys.keys()) if (k.startsWith(`${key} `) && !/^(?:för|inom)\s/u.test(k.slice(key.length + 1))) return true;
    return false;
  }

  roleNamedIn(text: string): string | null {
    return this.roleMentionIn(text)?.id ?? null;
  }

  roleMentionIn(text: string): { id: string; index: number } | null {
    for (const m of roleMentions(tokens(text))) {
      const id = this.roleKeys.get(m.key);
      if (id) return { id, index: m.index };
    }
    return null;
  }

  /** "gruppen" after "samordnande" finds "samordnande grupp"; a compound finds the body whose key it is. */
  private keyEndingIn(keys: Map<string, string>, m: Mention): string | null {
    for (const [key, id] of keys) if (key.endsWith(`${m.prefix}${m.head}`) && m.prefix) return id;
    return null;
  }

  /**
   * "Chefsgruppen" in the section of "Chefsgrupp för folkhälsa" is that group, not the general
   * "Chefsgrupper": a named body whose key begins the section body's key gives way to it.
   */
  specific(named: string | null, sectionBodyId: string | null): string | null {
    if (!named || !sectionBodyId || named === sectionBodyId) return named;
    const key = (id: string) => [...this.bodyKeys].find(([, v]) => v === id)?.[0] ?? '';
    return key(sectionBodyId).startsWith(key(named)) ? sectionBodyId : named;
  }

  /** What a segment is about: a body or role its sentence opens with, else its heading's subject, else the document's body. */
  subjectOf(seg: Segment): Subject {
    const fromHeading = seg.heading ? this.headingSubject.get(seg.heading) : undefined;
    const sectionBodyId = fromHeading?.bodyId ?? this.mainBodyId;
    const opening = seg.text.split(/\s+/).slice(0, 4).join(' ');
    // "Nätverket är underställt beredningsgruppen", "Den förbereder ...": the section's body, by its bare head or a pronoun.
    if (sectionBodyId && OPENS_WITH_ITSELF.test(opening)) return { bodyId: sectionBodyId, roleId: null, sectionBodyId, itself: true };
    const body = this.bodyMentionIn(opening);
    const role = seg.kind === 'sentence' ? this.roleMentionIn(opening) : null;
    // "Förbundschefen rapporterar till styrelsen": the sentence is about what it names first.
    if (role && (!body || role.index < body.index)) return { bodyId: null, roleId: role.id, sectionBodyId };
    const bodyId = this.specific(body?.id ?? null, sectionBodyId);
    if (bodyId) return { bodyId, roleId: null, sectionBodyId };
    if (fromHeading && (fromHeading.bodyId || fromHeading.roleId)) return { ...fromHeading, sectionBodyId };
    return { bodyId: this.mainBodyId, roleId: null, sectionBodyId };
  }

  dataFile(): DataFile {
    return {
      file: this.file,
      document: this.document!,
      bodies: this.bodies,
      roles: this.roles,
      reportingDuties: this.reportingDuties,
      plans: this.plans,
      decisionRules: this.decisionRules,
      regionalFacts: [],
      events: this.events,
    };
  }
}
