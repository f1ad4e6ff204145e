/**
 * What makes each region itself, in its own types, mapped to the shared vocabulary (through the gateway).
 * Every answer is compared with the document's own words: the quote it carries must stand in the document
 * and say what the typed field claims (a number word, a level word, a name).
 */
import { describe, expect, it } from 'vitest';
import { gqlOk } from './support/client';
import { readDocuments } from './support/region';

const docs = readDocuments(['001_c8e7a0a63f5e6cbb.txt', '002_b6f78db4ef6f618f.txt', '003_3bddda7b82c4b001.txt', '004_d4ad0bc19c53bb6e.txt']);
const inDocument = (file: string, quote: string) => expect(docs.get(file), quote).toContain(quote);
/** The Swedish number words the documents use for the counts the typed views serve. */
const NUMBER_WORDS: Record<string, number> = { en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, tolv: 12 };
const numberWordsIn = (quote: string) =>
  quote
    .toLowerCase()
    .split(/[^a-zåäö]+/)
    .filter((w) => w in NUMBER_WORDS)
    .map((w) => NUMBER_WORDS[w]);

interface Src {
  document: string;
  quote: string;
}

describe('region-specific types', () => {
  it("Örebro: each level is named and mapped by the document's own word; its bodies are those the data places there; four unnamed länsdelar", async () => {
    const { orebro } = await gqlOk<{
      orebro: {
        structureLevels: Array<{
          name: string;
          level: string;
          bodies: Array<{ name: string; level: string; levelBasis: string; levelSource: Src | null }>;
          source: Src;
        }>;
        lansdelsindelning: { count: number; names: string[]; source: Src };
      };
    }>(
      '{ orebro { structureLevels { name level bodies { name level levelBasis levelSource { document quote } } source { document quote } } lansdelsindelning { count names source { document quote } } } }',
    );
    const WORD: Record<string, RegExp> = { STRATEGIC: /strategisk/i, TACTICAL: /taktisk/i, OPERATIONAL: /operativ/i };
    expect(orebro.structureLevels).toHaveLength(3);
    for (const l of orebro.structureLevels) {
      inDocument(l.source.document, l.source.quote);
      expect(l.source.quote.startsWith(`${l.name}:`), l.name).toBe(true); // "Makro/strategisk nivå: Chefer med ..."
      expect(l.name).toMatch(WORD[l.level]!);
      for (const b of l.bodies) expect(b.level).toBe(l.level);
    }
    // the bodies the document itself places at a level, in the sentence that defines the three levels
    const levelSentence =
      'Samverkansstrukturen som stödjer de politiska råden kan delas in i tre nivåer där chefsgrupperna ansvarar för den strategiska nivån. Länsdelsgrupperna den taktiska nivån och de lokala samverkansgrupperingarna är den operativa nivån.';
    inDocument('001_c8e7a0a63f5e6cbb.txt', levelSentence);
    const named = (level: string) =>
      orebro.structureLevels
        .find((l) => l.level === level)!
        .bodies.filter((b) => b.levelBasis === 'STATED' && b.levelSource && levelSentence.includes(b.levelSource.quote))
        .map((b) => b.name);
    expect(named('STRATEGIC')).toEqual(['Chefsgrupp för social välfärd samt vård och omsorg', 'Chefsgrupp för folkhälsa']);
    expect(named('TACTICAL')).toEqual(['Länsdelsgrupp']);
    expect(named('OPERATIONAL')).toEqual(['Lokala samverkansgrupperingar på kommunnivå']);
    // and nothing else is served at the operational level (the chefsgrupp-appointed working groups are not placed there)
    expect(orebro.structureLevels.find((l) => l.level === 'OPERATIONAL')!.bodies.map((b) => b.name)).toEqual(['Lokala samverkansgrupperingar på kommunnivå']);
    inDocument(orebro.lansdelsindelning.source.document, orebro.lansdelsindelning.source.quote);
    expect(numberWordsIn(orebro.lansdelsindelning.source.quote)).toContain(orebro.lansdelsindelning.count);
    expect(orebro.lansdelsindelning.names.filter((n) => !docs.get('001_c8e7a0a63f5e6cbb.txt')!.includes(n))).toEqual([]);
  });

  it('Kalmar: the conference meets twice a year and decides the steering document every other year; two user representatives', async () => {
    const { kalmar } = await gqlOk<{
      kalmar: {
        presidiekonferens: {
          body: { name: string; cadence: { text: string; minPerYear: number; maxPerYear: number; source: Src } };
          steeringDocument: { name: string; revision: { text: string; minPerYear: number; source: Src } };
        };
        userRepresentation: {
          roleKind: string;
          role: { title: string; kind: string; postHolders: { count: number; text: string }; source: Src };
          seatsInLansgemensamLedning: number;
          perSamordnandeGrupp: number;
          supportingUtvecklingsledare: number;
          facts: Array<{ count: number | null; source: Src }>;
        };
      };
    }>(`{ kalmar {
      presidiekonferens { body { name cadence { text minPerYear maxPerYear source { document quote } } } steeringDocument { name revision { text minPerYear source { document quote } } } }
      userRepresentation { roleKind role { title kind postHolders { count text } source { document quote } } seatsInLansgemensamLedning perSamordnandeGrupp supportingUtvecklingsledare facts { count source { document quote } } }
    } }`);
    const { body, steeringDocument } = kalmar.presidiekonferens;
    expect(body.name).toBe('Gemensam presidiekonferens');
    inDocument(body.cadence.source.document, body.cadence.source.quote);
    expect(body.cadence.source.quote).toContain(body.cadence.text);
    expect(body.cadence).toMatchObject({ text: 'Två gånger varje år', minPerYear: 2, maxPerYear: 2 });
    inDocument(steeringDocument.revision.source.document, steeringDocument.revision.source.quote);
    expect(steeringDocument.revision.source.quote).toMatch(/^På höstens presidiekonferens vart annat år beslutas det övergripande styrdokument/);
    expect(steeringDocument.revision).toMatchObject({ text: 'vart annat år', minPerYear: 0.5 });

    const u = kalmar.userRepresentation;
    inDocument(u.role.source.document, u.role.source.quote);
    expect(u.role.source.quote).toContain(u.role.postHolders.text); // "två brukarrepresentanter"
    expect(u.role.postHolders.text).toMatch(/brukarrepresentanter$/);
    expect(u.roleKind).toBe(u.role.kind);
    expect(u.roleKind).toBe('USER_REPRESENTATIVE');
    expect(numberWordsIn(u.role.postHolders.text)).toEqual([u.seatsInLansgemensamLedning]);
    expect(u.seatsInLansgemensamLedning).toBe(2);
    const factFor = (n: number, word: RegExp) => u.facts.find((f) => f.count === n && word.test(f.source.quote));
    expect(factFor(u.perSamordnandeGrupp, /^En representant för brukarmedverkan/), 'perSamordnandeGrupp').toBeTruthy();
    expect(factFor(u.supportingUtvecklingsledare, /två utvecklingsledare/), 'supportingUtvecklingsledare').toBeTruthy();
    for (const f of u.facts) inDocument(f.source.document, f.source.quote);
  });

  it("Höglandet: the number of rehabilitation actors and kommunområden is the document's number word; neither is named", async () => {
    const { hoglandet } = await gqlOk<{
      hoglandet: {
        rehabilitationActors: { count: number; named: boolean; names: string[]; source: Src };
        kommunomradesindelning: { count: number; names: string[]; source: Src };
      };
    }>(
      '{ hoglandet { rehabilitationActors { count named names source { document quote } } kommunomradesindelning { count names source { document quote } } } }',
    );
    const { rehabilitationActors: a, kommunomradesindelning: k } = hoglandet;
    inDocument(a.source.document, a.source.quote);
    expect(a.source.quote).toContain('de fyra rehabiliteringsaktörerna');
    expect(numberWordsIn(a.source.quote)).toEqual([a.count]);
    expect(a).toMatchObject({ count: 4, named: false, names: [] });
    inDocument(k.source.document, k.source.quote);
    expect(numberWordsIn(k.source.quote)).toEqual([k.count]);
    expect(k).toMatchObject({ count: 6, names: [] });
  });

  it('SAMLA: the chair rotates yearly and follows the body its selection rule names; representatives cannot appoint substitutes', async () => {
    const { samla } = await gqlOk<{
      samla: {
        chairRotationRule: {
          chair: { term: string; selection: string; source: Src };
          viceChair: { selection: string; source: Src };
          followsBodyId: string;
          rules: Array<{ source: Src }>;
        };
        representation: { substitutes: { rule: string; source: Src } };
        bodies: Array<{ id: string; name: string }>;
      };
    }>(
      '{ samla { chairRotationRule { chair { term selection source { document quote } } viceChair { selection source { document quote } } followsBodyId rules { source { document quote } } } representation { substitutes { rule source { document quote } } } bodies { id name } } }',
    );
    const r = samla.chairRotationRule;
    inDocument(r.chair.source.document, r.chair.source.quote);
    expect(r.chair.source.quote).toContain('mandatperiod om ett år');
    inDocument('004_d4ad0bc19c53bb6e.txt', r.chair.selection);
    const followed = samla.bodies.find((b) => b.id === r.followsBodyId)!;
    expect(r.chair.selection.toLowerCase()).toContain(followed.name.toLowerCase()); // "... ordförandeskapet i den politiska samrådsgruppen."
    expect(followed.name).toBe('Den politiska samrådsgruppen');
    for (const rule of r.rules) inDocument(rule.source.document, rule.source.quote);
    expect(r.rules.map((x) => x.source.quote)).toEqual(expect.arrayContaining([r.chair.selection]));
    inDocument(samla.representation.substitutes.source.document, samla.representation.substitutes.source.quote);
    expect(samla.representation.substitutes.source.quote).toContain('kan representanterna inte utse ersättare');
    expect(samla.representation.substitutes.rule).toBe('FORBIDDEN');
  });
});
