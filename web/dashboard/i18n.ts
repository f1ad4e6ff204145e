/**
 * Swedish labels (default) with an English switch. The API's enum values are stable identifiers;
 * their labels live here. Names, titles, duties and quotes stay in the documents' own words.
 */
export type Lang = 'sv' | 'en';
type Labels = Record<string, [sv: string, en: string]>;

export const LEVELS = ['POLITICAL', 'STRATEGIC', 'TACTICAL', 'OPERATIONAL'] as const;

const LEVEL: Labels = {
  POLITICAL: ['Politisk', 'Political'],
  STRATEGIC: ['Strategisk', 'Strategic'],
  TACTICAL: ['Taktisk', 'Tactical'],
  OPERATIONAL: ['Operativ', 'Operational'],
};

export const BODY_KINDS = [
  'POLITICAL_COUNCIL', 'POLITICAL_CONSULTATION_GROUP', 'CONFERENCE', 'MANAGEMENT_GROUP', 'WORKING_COMMITTEE',
  'PREPARATION_GROUP', 'SUB_COUNTY_GROUP', 'LOCAL_GROUP', 'COORDINATING_GROUP', 'COLLABORATION_GROUP',
  'STEERING_GROUP', 'WORKING_GROUP', 'REFERENCE_GROUP', 'THEME_GROUP', 'NETWORK', 'BOARD', 'ORGANISATION_UNIT', 'OTHER',
] as const;

const BODY_KIND: Labels = {
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

export const ROLE_KINDS = [
  'COORDINATOR', 'DEVELOPMENT_LEAD', 'PROCESS_LEAD', 'DIRECTOR', 'OPERATIONS_MANAGER', 'CHAIR', 'VICE_CHAIR',
  'CONVENER', 'SECRETARY', 'MEMBER', 'REPRESENTATIVE', 'USER_REPRESENTATIVE', 'METHOD_SUPERVISOR', 'ADVISOR', 'OTHER',
] as const;

const ROLE_KIND: Labels = {
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

const DUTY_CATEGORY: Labels = {
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

const RELATION: Labels = {
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

const ASPECT: Labels = {
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

const TEXT = {
  title: ['Samverkan i fyra regioner: jämförelse', 'Collaboration in four regions: comparison'],
  subtitle: [
    'Varje uppgift kommer ur ett publicerat dokument; håll muspekaren över eller klicka för att se källcitatet.',
    'Every fact comes from a published document; hover or click to see the source quote.',
  ],
  playground: ['GraphQL-lekplats', 'GraphQL playground'],
  language: ['Språk', 'Language'],
  filters: ['Filter', 'Filters'],
  regions: ['Regioner', 'Regions'],
  levels: ['Nivå', 'Level'],
  bodyKinds: ['Typ av organ', 'Body kind'],
  roleKinds: ['Typ av roll', 'Role kind'],
  all: ['alla', 'all'],
  reset: ['Återställ filter', 'Reset filters'],
  loading: ['Hämtar …', 'Loading …'],
  noRegion: ['Välj minst en region.', 'Choose at least one region.'],
  missingBanner: ['Uppgifter saknas för', 'Data missing for'],
  missingExplain: [
    'Regionens tjänst svarade inte. Jämförelsen nedan visar bara övriga regioner.',
    "The region's service did not answer. The comparison below shows the other regions only.",
  ],
  errorBanner: ['Gatewayen svarade med fel', 'The gateway answered with errors'],
  frequency: ['Mötesfrekvens per organ och region', 'Meeting frequency per body and region'],
  frequencyIntro: [
    'Möten per år enligt dokumenten: stapeln går från lägsta till högsta angivna antal. Randig stapel = ungefärligt ("cirka"); blek stapel som når kanten = bara en nedre gräns ("minst").',
    'Meetings per year as the documents state them: the bar runs from the lowest to the highest stated number. Striped bar = approximate ("cirka"); pale bar running to the edge = a lower bound only ("minst").',
  ],
  meetingsPerYear: ['möten per år', 'meetings per year'],
  legendExact: ['angivet', 'stated'],
  legendApprox: ['ungefärligt (cirka)', 'approximate (cirka)'],
  legendOpen: ['minst, ingen övre gräns', 'at least, no upper bound'],
  notCharted: ['Utan antal (visas bara i tabellen)', 'No number (table only)'],
  frequencyTable: ['Mötesfrekvens som tabell', 'Meeting frequency as a table'],
  rank: ['Rang', 'Rank'],
  region: ['Region', 'Region'],
  body: ['Organ', 'Body'],
  level: ['Nivå', 'Level'],
  kind: ['Typ', 'Kind'],
  min: ['Min/år', 'Min/year'],
  max: ['Max/år', 'Max/year'],
  approximate: ['Ungefärligt', 'Approximate'],
  phrase: ['Dokumentets formulering', "The document's wording"],
  quote: ['Källcitat', 'Source quote'],
  source: ['Källa', 'Source'],
  yes: ['ja', 'yes'],
  no: ['nej', 'no'],
  notStated: ['Ej angivet', 'Not stated'],
  crosswalk: ['Roller sida vid sida', 'Roles side by side'],
  crosswalkIntro: [
    'Kanoniska rolltyper × regioner: varje cell visar regionens egen titel och uppgifter, grupperade efter kategori.',
    "Canonical role kinds × regions: each cell shows the region's own title and duties, grouped by category.",
  ],
  roleKind: ['Rolltyp', 'Role kind'],
  title_: ['Titel', 'Title'],
  duties: ['Uppgifter', 'Duties'],
  category: ['Kategori', 'Category'],
  noRole: ['Ingen sådan roll nämns', 'No such role named'],
  bodyOffice: ['uppdrag i organ', 'office on a body'],
  chains: ['Rapporteringskedjor', 'Reporting chains'],
  chainsIntro: [
    'Från lokala grupper (nederst) upp till den politiska nivån (överst). Heldragen linje = organets överordnade (föräldralänk); streckad = rapporteringsplikt. Klicka på en linje för källcitatet.',
    'From local groups (bottom) up to the political level (top). Solid line = the body\'s parent link; dashed = a reporting duty. Click a line for the source quote.',
  ],
  chainsTable: ['Kedjornas länkar', 'Chain links'],
  pathsReachPolitical: ['kedjor av', 'chains of'],
  reachPolitical: ['når politisk nivå', 'reach the political level'],
  from: ['Från', 'From'],
  to: ['Till', 'To'],
  relation: ['Relation', 'Relation'],
  origin: ['Ursprung', 'Origin'],
  PARENT_LINK: ['föräldralänk', 'parent link'],
  REPORTING_DUTY: ['rapporteringsplikt', 'reporting duty'],
  matrix: ['Jämförelsematris', 'Comparison matrix'],
  matrixIntro: [
    'Aspekter × regioner. De sex första gäller regionens toppgrupp. "Ej angivet" betyder att dokumenten är tysta, inte "nej". Klicka på en cell för citaten.',
    'Aspects × regions. The first six concern the region\'s top body. "Not stated" means the documents are silent, not "no". Click a cell for the quotes.',
  ],
  topBodies: ['Toppgrupp', 'Top body'],
  aspect: ['Aspekt', 'Aspect'],
  status: ['Status', 'Status'],
  value: ['Värde', 'Value'],
  note: ['Kommentar', 'Note'],
  STATED: ['angivet', 'stated'],
  NOT_STATED: ['ej angivet', 'not stated'],
  downloadCsv: ['Ladda ner CSV', 'Download CSV'],
  close: ['Stäng', 'Close'],
  quotes: ['Källcitat', 'Source quotes'],
  noQuote: ['Inget citat', 'No quote'],
  noRows: ['Inga rader med dessa filter.', 'No rows with these filters.'],
} satisfies Labels;

export type TextKey = keyof typeof TEXT;

export interface Translator {
  lang: Lang;
  t: (key: TextKey) => string;
  level: (v: string | null | undefined) => string;
  bodyKind: (v: string) => string;
  roleKind: (v: string) => string;
  duty: (v: string) => string;
  relation: (v: string) => string;
  aspect: (v: string, fallback: string) => string;
  value: (v: string) => string;
}

export function translator(lang: Lang): Translator {
  const i = lang === 'sv' ? 0 : 1;
  const pick = (labels: Labels, v: string) => labels[v]?.[i] ?? v;
  return {
    lang,
    t: (key) => TEXT[key][i],
    level: (v) => (v ? pick(LEVEL, v) : TEXT.notStated[i]),
    bodyKind: (v) => pick(BODY_KIND, v),
    roleKind: (v) => pick(ROLE_KIND, v),
    duty: (v) => pick(DUTY_CATEGORY, v),
    relation: (v) => pick(RELATION, v),
    aspect: (v, fallback) => ASPECT[v]?.[i] ?? fallback,
    value: (v) => {
      if (VALUE[v]) return VALUE[v][i];
      const rules = /^(\d+) decision rule\(s\)$/.exec(v);
      if (rules) return lang === 'sv' ? `${rules[1]} beslutsregler` : `${rules[1]} decision rules`;
      return v.replace(/(^|; )(holder|selection|term|rotation): /g, (_m, sep: string, key: string) => `${sep}${VALUE_PREFIX[key]![i]}: `);
    },
  };
}
