/**
 * The genre's vocabulary: nouns that name bodies, roles and plans, with the kind each gives. Nouns are
 * matched on their compound head (words.ts: nounHead), so "Beredningsgruppen", "styrgrupper" and
 * "länsdelsgruppens" are all groups; the first part of the compound then refines the kind.
 */
import type { BodyData, PlanData, RoleData } from '@samverkan/contract';

type BodyKind = BodyData['kind'];
type RoleKind = RoleData['kind'];
type PlanKind = PlanData['kind'];

/** Heads of body names, longest first where one ends another. */
export const BODY_HEADS = [
  'grupp',
  'gruppering',
  'konferens',
  'råd',
  'utskott',
  'styrelse',
  'nätverk',
  'nämnd',
  'kommitté',
  'forum',
  'ledning',
  'beredning',
  'förbund',
  'team',
  'presidium',
  'samverkan',
] as const;

/** Heads that name a body only in a heading (in running text they are mostly activities: "i samverkan"). */
export const HEADING_ONLY_HEADS = new Set(['ledning', 'beredning', 'samverkan', 'förbund', 'team']);

/** The kind of a body from its head and the compound's first part (or the word before). */
export function bodyKind(head: string, prefix: string, before: string): BodyKind {
  const p = `${before} ${prefix}`.toLowerCase();
  if (head === 'grupp' || head === 'gruppering') {
    const byPrefix: Array<[RegExp, BodyKind]> = [
      [/styr$/, 'STEERING_GROUP'],
      [/arbets$/, 'WORKING_GROUP'],
      [/referens$/, 'REFERENCE_GROUP'],
      [/tema$/, 'THEME_GROUP'],
      [/berednings$/, 'PREPARATION_GROUP'],
      [/(chefs|lednings|direktörs)-?$/, 'MANAGEMENT_GROUP'],
      [/länsdels$/, 'SUB_COUNTY_GROUP'],
      [/samråds$/, 'POLITICAL_CONSULTATION_GROUP'],
      [/(samordnings|samordnande )$/, 'COORDINATING_GROUP'],
      [/samverkans$/, 'COLLABORATION_GROUP'],
      [/(lokala? |kommun|närområdes)/, 'LOCAL_GROUP'],
    ];
    return byPrefix.find(([re]) => re.test(p))?.[1] ?? 'OTHER';
  }
  // "Politiskt samråd" is the genre's political consultation group; another samråd ("Tjänstemannasamråd") is of no kind the text states.
  if (head === 'råd' && prefix.endsWith('sam')) return /politisk/.test(p) ? 'POLITICAL_CONSULTATION_GROUP' : 'OTHER';
  const byHead: Record<string, BodyKind> = {
    konferens: 'CONFERENCE',
    råd: 'POLITICAL_COUNCIL',
    utskott: 'WORKING_COMMITTEE',
    styrelse: 'BOARD',
    nätverk: 'NETWORK',
    ledning: 'MANAGEMENT_GROUP',
    beredning: 'PREPARATION_GROUP',
    presidium: 'CONFERENCE',
    nämnd: 'BOARD',
  };
  return byHead[head] ?? 'OTHER';
}

/** Heads of role titles. */
export const ROLE_HEADS = [
  'samverkansledare',
  'utvecklingsledare',
  'processledare',
  'verksamhetsledare',
  'projektledare',
  'ledare',
  'samordnare',
  'koordinator',
  'förbundschef',
  'sekreterare',
  'metodhandledare',
  'handledare',
  'rådgivare',
  'strateg',
  'brukarrepresentant',
] as const;

export function roleKind(head: string, prefix: string): RoleKind {
  const w = `${prefix}${head}`;
  if (/utvecklingsledare$/.test(w)) return 'DEVELOPMENT_LEAD';
  if (/processledare$/.test(w)) return 'PROCESS_LEAD';
  if (/verksamhetsledare$/.test(w)) return 'OPERATIONS_MANAGER';
  if (/förbundschef$/.test(w)) return 'DIRECTOR';
  if (/sekreterare$/.test(w)) return 'SECRETARY';
  if (/metodhandledare$/.test(w)) return 'METHOD_SUPERVISOR';
  if (/rådgivare$/.test(w)) return 'ADVISOR';
  if (/brukarrepresentant$/.test(w)) return 'USER_REPRESENTATIVE';
  if (/(samordnare|koordinator|samverkansledare)$/.test(w)) return 'COORDINATOR';
  return 'OTHER';
}

/** Plan nouns (heads) and their kinds. */
export const PLAN_HEADS: Array<[string, PlanKind]> = [
  ['handlingsplan', 'ACTION_PLAN'],
  ['aktivitetsplan', 'ACTIVITY_PLAN'],
  ['aktivitetslista', 'ACTIVITY_PLAN'],
  ['verksamhetsplan', 'ACTIVITY_PLAN'],
  ['årsplanering', 'ANNUAL_PLANNING'],
  ['årshjul', 'ANNUAL_CYCLE'],
  ['planeringsdag', 'PLANNING_DAY'],
  ['uppföljningsplan', 'FOLLOW_UP_PLAN'],
  ['styrdokument', 'STEERING_DOCUMENT'],
  ['överenskommelse', 'AGREEMENT'],
  ['strategi', 'STRATEGY'],
  ['budget', 'BUDGET'],
  ['samverkansplan', 'STEERING_DOCUMENT'],
  ['uppdragsbeskrivning', 'STEERING_DOCUMENT'],
  ['verksamhetsbeskrivning', 'STEERING_DOCUMENT'],
  ['arbetsbeskrivning', 'STEERING_DOCUMENT'],
  ['årsrapport', 'OTHER'],
  ['planering', 'ANNUAL_PLANNING'],
  ['plan', 'OTHER'],
];

/** Words after which a plan noun is an activity, not a named plan ("ta fram en handlingsplan" still is one). */
export const LEVEL_WORDS: Record<string, NonNullable<BodyData['level']>> = {
  politisk: 'POLITICAL',
  strategisk: 'STRATEGIC',
  taktisk: 'TACTICAL',
  operativ: 'OPERATIONAL',
  makro: 'STRATEGIC',
  meso: 'TACTICAL',
  mikro: 'OPERATIONAL',
};
