/**
 * Swedish labels (default) with an English switch. The API's enum values are stable identifiers;
 * their labels live here, keyed by the enum types GraphQL Code Generator made from the supergraph
 * (./generated): a value added to or removed from the schema fails the type check until it has a
 * label, so these lists cannot drift. Their order is the display order (the filter lists).
 * Names, titles, duties and quotes stay in the documents' own words.
 */
export type Lang = 'sv' | 'en';
import type {
  BodyKind,
  ChangeType,
  CollaborationFunction,
  DatePrecision,
  DutyCategory,
  EventKind,
  FactKind,
  Level,
  MatrixAspect,
  ReportArtifactKind,
  RoleKind,
  SearchHitKind,
} from './generated/graphql';
import { TEXT, type Labels } from './i18n-text';

type EnumLabels<E extends string> = Record<E, [sv: string, en: string]>;
const valuesOf = <E extends string>(labels: EnumLabels<E>) => Object.keys(labels) as E[];

const LEVEL: EnumLabels<Level> = {
  POLITICAL: ['Politisk', 'Political'],
  STRATEGIC: ['Strategisk', 'Strategic'],
  TACTICAL: ['Taktisk', 'Tactical'],
  OPERATIONAL: ['Operativ', 'Operational'],
};

const BODY_KIND: EnumLabels<BodyKind> = {
  POLITICAL_COUNCIL: ['Politiskt samverkansråd', 'Political council'],
  POLITICAL_CONSULTATION_GROUP: ['Politisk samrådsgrupp', 'Political consultation group'],
  CONFERENCE: ['Konferens', 'Conference'],
  MANAGEMENT_GROUP: ['Chefsgrupp', 'Management group'],
  WORKING_COMMITTEE: ['Arbetsutskott', 'Working committee'],
  PREPARATION_GROUP: ['Beredningsgrupp', 'Preparation group'],
  SUB_COUNTY_GROUP: ['Länsdelsgrupp', 'Sub-county group'],
  LOCAL_GROUP: ['Lokal grupp', 'Local group'],
  COORDINATING_GROUP: ['Samordningsgrupp', 'Coordinating group'],
  COLLABORATION_GROUP: ['Samverkansgrupp', 'Collaboration group'],
  STEERING_GROUP: ['Styrgrupp', 'Steering group'],
  WORKING_GROUP: ['Arbetsgrupp', 'Working group'],
  REFERENCE_GROUP: ['Referensgrupp', 'Reference group'],
  THEME_GROUP: ['Temagrupp', 'Theme group'],
  NETWORK: ['Nätverk', 'Network'],
  BOARD: ['Styrelse', 'Board'],
  ORGANISATION_UNIT: ['Organisatorisk enhet', 'Organisational unit'],
  OTHER: ['Övrigt', 'Other'],
};

const ROLE_KIND: EnumLabels<RoleKind> = {
  COORDINATOR: ['Samordnare', 'Coordinator'],
  DEVELOPMENT_LEAD: ['Utvecklingsledare', 'Development lead'],
  PROCESS_LEAD: ['Processledare', 'Process lead'],
  DIRECTOR: ['Chef/direktör', 'Director'],
  OPERATIONS_MANAGER: ['Verksamhetschef', 'Operations manager'],
  CHAIR: ['Ordförande', 'Chair'],
  VICE_CHAIR: ['Vice ordförande', 'Vice-chair'],
  CONVENER: ['Sammankallande', 'Convener'],
  SECRETARY: ['Sekreterare', 'Secretary'],
  MEMBER: ['Ledamot', 'Member'],
  REPRESENTATIVE: ['Representant', 'Representative'],
  USER_REPRESENTATIVE: ['Brukarrepresentant', 'User representative'],
  METHOD_SUPERVISOR: ['Metodhandledare', 'Method supervisor'],
  ADVISOR: ['Rådgivare', 'Advisor'],
  OTHER: ['Övrigt', 'Other'],
};

const DUTY_CATEGORY: EnumLabels<DutyCategory> = {
  CONVENING: ['Kallelse', 'Convening'],
  MINUTES: ['Protokoll/minnesanteckningar', 'Minutes'],
  ACTION_PLAN: ['Handlingsplan', 'Action plan'],
  MONITORING: ['Omvärldsbevakning', 'Monitoring'],
  FOLLOW_UP_EVALUATION: ['Uppföljning och utvärdering', 'Follow-up and evaluation'],
  REPORTING: ['Rapportering', 'Reporting'],
  INFORMATION_TRAINING: ['Information och utbildning', 'Information and training'],
  NETWORKING: ['Nätverkande', 'Networking'],
  DECISION_PREPARATION: ['Beredning av beslut', 'Decision preparation'],
  DECISION_MAKING: ['Beslut', 'Decision making'],
  PLANNING_COORDINATION: ['Planering och samordning', 'Planning and coordination'],
  LEADING_DEVELOPMENT: ['Leda utveckling', 'Leading development'],
  BUDGET_ECONOMY: ['Budget och ekonomi', 'Budget and economy'],
  REPRESENTATION: ['Representation', 'Representation'],
  SUPPORT: ['Stöd', 'Support'],
  OTHER: ['Övrigt', 'Other'],
};

/** Reporting artifacts and the parent relations (ParentRelation, not used by the dashboard's operations). */
const RELATION: EnumLabels<ReportArtifactKind> & Labels = {
  REPORTS_TO: ['rapporterar till', 'reports to'],
  SUPPORTS: ['stödjer', 'supports'],
  PART_OF: ['del av', 'part of'],
  APPOINTED_BY: ['utsedd av', 'appointed by'],
  STEERED_BY: ['styrs av', 'steered by'],
  ESTABLISHED_BY: ['inrättad av', 'established by'],
  MINUTES: ['protokoll', 'minutes'],
  DECISION_SUMMARY: ['beslutssammanfattning', 'decision summary'],
  HALF_YEAR_REPORT: ['halvårsrapport', 'half-year report'],
  ANNUAL_REPORT: ['årsrapport', 'annual report'],
  WRITTEN_REPORT: ['skriftlig rapport', 'written report'],
  FEEDBACK: ['återkoppling', 'feedback'],
  FOLLOW_UP: ['uppföljning', 'follow-up'],
  INFORMATION: ['information', 'information'],
  PUBLICATION: ['publicering', 'publication'],
  DECISION_PROPOSAL: ['beslutsförslag', 'decision proposal'],
  OTHER: ['övrigt', 'other'],
};

const ASPECT: EnumLabels<MatrixAspect> = {
  CHAIR_SELECTION: ['Hur ordföranden i toppgruppen utses', 'How the chair of the top body is chosen'],
  VICE_CHAIR: ['Vice ordförande i toppgruppen', 'Vice-chair of the top body'],
  SUBSTITUTES: ['Ersättare i toppgruppen', 'Substitutes in the top body'],
  CONVENER: ['Vem som kallar toppgruppen', 'Who convenes the top body'],
  MINUTES: ['Protokoll från toppgruppen', 'Minutes of the top body'],
  TOP_BODY_FREQUENCY: ['Hur ofta toppgruppen möts', 'How often the top body meets'],
  ANNUAL_REPORT: ['Årsrapport', 'Annual report'],
  HALF_YEAR_REPORT: ['Halvårsrapport', 'Half-year report'],
  ACTION_PLAN_REVISION: ['Revidering av handlingsplan', 'Action-plan revision cycle'],
  DECISION_RULES: ['Beslutsregler', 'Decision rules'],
};

const EVENT_KIND: EnumLabels<EventKind> = {
  FOUNDED: ['bildades', 'founded'],
  SINCE: ['sedan', 'since'],
  PERIOD: ['period', 'period'],
  PLAN_PERIOD: ['planperiod', 'plan period'],
  DOCUMENT_DATE: ['dokumentets datum', "document's date"],
  DECISION_DATE: ['beslutades', 'decided'],
  VALID_FROM: ['gäller från', 'valid from'],
  REVIEW_DATE: ['revideras senast', 'review by'],
  EVALUATION: ['uppföljning', 'evaluation'],
  OTHER: ['övrigt', 'other'],
};

const PRECISION: EnumLabels<DatePrecision> = { YEAR: ['år', 'year'], MONTH: ['månad', 'month'], DAY: ['dag', 'day'] };

/** Matrix values the API gives as identifiers or short English phrases; everything else is verbatim. */
const VALUE: Labels = {
  REQUIRED: ['krävs', 'required'],
  ALLOWED: ['tillåtna', 'allowed'],
  FORBIDDEN: ['ej tillåtna', 'not allowed'],
  kept: ['förs', 'kept'],
  'not kept': ['förs inte', 'not kept'],
};
const VALUE_PREFIX: Labels = {
  holder: ['innehavare', 'holder'],
  selection: ['utses', 'selection'],
  term: ['mandattid', 'term'],
  rotation: ['rotation', 'rotation'],
};

const FUNCTION: EnumLabels<CollaborationFunction> = {
  CONVENES_BODY: ['Kallar till möten', 'Convenes a body'],
  KEEPS_MINUTES: ['För minnesanteckningar', 'Keeps the minutes'],
  PREPARES_MATTERS: ['Bereder ärenden', 'Prepares matters for decision'],
  COORDINATES_PLANNING: ['Planerar och samordnar (sekretariat)', 'Plans and coordinates (secretariat)'],
  OWNS_ACTION_PLAN: ['Äger en handlingsplan', 'Owns an action plan'],
  FOLLOWS_UP: ['Följer upp och utvärderar', 'Follows up and evaluates'],
  REPORTS_UPWARD: ['Rapporterar uppåt', 'Reports upward'],
  LEADS_GROUP_WORK: ['Leder en grupps utvecklingsarbete', "Leads a group's development work"],
  PEER_NETWORK: ['Deltar i ett nätverk av kollegor', 'Takes part in a peer network'],
  SUPPORTS: ['Stödjer kommunerna och verksamheterna', 'Supports the municipalities and services'],
};

export const LEVELS = valuesOf(LEVEL);
export const BODY_KINDS = valuesOf(BODY_KIND);
export const ROLE_KINDS = valuesOf(ROLE_KIND);

const HIT_KIND: EnumLabels<SearchHitKind> = {
  BODY: ['Organ', 'Body'],
  ROLE: ['Roll', 'Role'],
  REPORTING_DUTY: ['Rapporteringsplikt', 'Reporting duty'],
  PLAN: ['Plan', 'Plan'],
  DECISION_RULE: ['Beslutsregel', 'Decision rule'],
  REGIONAL_FACT: ['Regional uppgift', 'Regional fact'],
  DOCUMENT_PASSAGE: ['Dokumenttext', 'Document passage'],
};

const CHANGE_TYPE: EnumLabels<ChangeType> = {
  INITIAL_LOAD: ['Första inläsning', 'First load'],
  ADDED: ['Tillagd', 'Added'],
  REMOVED: ['Borttagen', 'Removed'],
  CHANGED: ['Ändrad', 'Changed'],
};

const FACT_KIND: EnumLabels<FactKind> = {
  body: ['organ', 'body'],
  role: ['roll', 'role'],
  reportingDuty: ['rapporteringsplikt', 'reporting duty'],
  plan: ['plan', 'plan'],
  decisionRule: ['beslutsregel', 'decision rule'],
  regionalFact: ['regional uppgift', 'regional fact'],
  document: ['dokument', 'document'],
  event: ['händelse', 'event'],
};

export type TextKey = keyof typeof TEXT;

export interface Translator {
  lang: Lang;
  t: (key: TextKey) => string;
  level: (v: string | null | undefined) => string;
  bodyKind: (v: string) => string;
  roleKind: (v: string) => string;
  duty: (v: string) => string;
  fn: (v: string) => string;
  hitKind: (v: string) => string;
  changeType: (v: string) => string;
  eventKind: (v: string) => string;
  precision: (v: string) => string;
  factKind: (v: string) => string;
  relation: (v: string) => string;
  aspect: (v: string, fallback: string) => string;
  value: (v: string) => string;
  /** A note the API wrote (in English): translated when known; in Swedish an unknown one is shown in English, never left out. */
  note: (v: string | null | undefined) => string | null;
  /** A cell's detail: a generated phrase translated, the documents' own words as they are. */
  phrase: (v: string) => string;
  /** A number with the language's decimal sign. */
  num: (v: number) => string;
}

/** The comparison API's generated English phrases, with their Swedish. */
const PHRASES: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^Not stated for (.+)\.$/, (m) => `Ej angivet för ${m[1]}.`],
  [/^No frequency stated for (.+)\.$/, (m) => `Ingen mötesfrekvens angiven för ${m[1]}.`],
  [/^The region names no body\.$/, () => 'Regionen namnger inget organ.'],
  [/^No action plan named\.$/, () => 'Ingen handlingsplan namngiven.'],
  [/^(\d+) action plan\(s\), none states a revision cycle\.$/, (m) => `${m[1]} handlingsplan(er), ingen anger hur ofta den revideras.`],
  [
    /^(\d+) action or activity plan\(s\), none states a revision cycle\.$/,
    (m) => `${m[1]} handlings- eller aktivitetsplan(er), ingen anger hur ofta den revideras.`,
  ],
  [/^no numbers per year$/, () => 'inga antal per år'],
  [/^at least ([\d.]+) per year$/, (m) => `minst ${m[1]!.replace('.', ',')} per år`],
  [/^at most ([\d.]+) per year$/, (m) => `högst ${m[1]!.replace('.', ',')} per år`],
  [/^([\d.]+)(?:–([\d.]+))? per year$/, (m) => `${m[1]!.replace('.', ',')}${m[2] ? `–${m[2].replace('.', ',')}` : ''} per år`],
  [/^an office is named, no details$/, () => 'ett uppdrag nämns, utan detaljer'],
];
const toSwedish = (v: string): string | null => {
  for (const [re, sv] of PHRASES) {
    const m = re.exec(v);
    if (m) return sv(m);
  }
  return null;
};

export function translator(lang: Lang): Translator {
  const i = lang === 'sv' ? 0 : 1;
  const pick = (labels: Labels, v: string) => labels[v]?.[i] ?? v;
  const aspects: Labels = ASPECT;
  return {
    lang,
    t: (key) => TEXT[key][i],
    level: (v) => (v ? pick(LEVEL, v) : TEXT.notStated[i]),
    bodyKind: (v) => pick(BODY_KIND, v),
    roleKind: (v) => pick(ROLE_KIND, v),
    duty: (v) => pick(DUTY_CATEGORY, v),
    fn: (v) => pick(FUNCTION, v),
    hitKind: (v) => pick(HIT_KIND, v),
    changeType: (v) => pick(CHANGE_TYPE, v),
    eventKind: (v) => pick(EVENT_KIND, v),
    precision: (v) => pick(PRECISION, v),
    factKind: (v) => pick(FACT_KIND, v),
    relation: (v) => pick(RELATION, v),
    aspect: (v, fallback) => aspects[v]?.[i] ?? fallback,
    value: (v) => {
      if (VALUE[v]) return VALUE[v][i];
      const rules = /^(\d+) decision rule\(s\)$/.exec(v);
      if (rules) return lang === 'sv' ? `${rules[1]} beslutsregler` : `${rules[1]} decision rules`;
      if (lang === 'sv') {
        const known = toSwedish(v);
        if (known) return known;
        const kept = /^kept: (.+)$/.exec(v);
        if (kept) return `förs: ${kept[1]}`;
      }
      // The data's own "ej angivet" (an unnamed party, not the documents' words) in the page's language.
      const own = lang === 'en' ? v.replace(/(^|→ )ej angivet\b/g, '$1not stated') : v;
      // "from → to (how often)": how often is the document's wording, marked as a quote as in the frequency table.
      return own
        .replace(/^(.+ → .+) \(([^()“”]+)\)$/, '$1 (“$2”)')
        .replace(/(^|; )(holder|selection|term|rotation): /g, (_m, sep: string, key: string) => `${sep}${VALUE_PREFIX[key]![i]}: `);
    },
    // A note no phrase translates stays in English in the Swedish view, marked as such (never left out).
    note: (v) => (!v ? null : lang === 'en' ? v : (toSwedish(v) ?? `(på engelska) ${v}`)),
    phrase: (v) => (lang === 'sv' ? (toSwedish(v) ?? v) : v),
    num: (v) => (lang === 'sv' ? String(v).replace('.', ',') : String(v)),
  };
}
