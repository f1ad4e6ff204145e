/**
 * Revise against Kalmar's reviewed data file and document: a new version with one sentence edited
 * ("Två gånger" became "Tre gånger"), one deleted (a Beredningsgruppen assignment) and a paragraph
 * added. The re-review list, the facts carried over, the new passages, the proposals and what the
 * history will record are checked; then the command, run in a copy of the repository's files.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertDataFile, type DataFile, DataFileSchema, checkRegionData, diffFacts, type FactSet } from '@samverkan/contract';
import { revise } from '../src/revise';
import { useTempDir } from './fixtures';

const ROOT = resolve(__dirname, '../..');
const DATA = 'subgraphs/kalmar/data/002_b6f78db4ef6f618f.json';
const TEXT = 'docs/sources/002_b6f78db4ef6f618f.txt';
const oldData = DataFileSchema.parse(JSON.parse(readFileSync(join(ROOT, DATA), 'utf8')));
const oldText = readFileSync(join(ROOT, TEXT), 'utf8');

const EDITED = 'Tre gånger varje år träffas berörda politiker från Region Kalmar län och de tolv kommunerna';
const ADDED = 'Beredningsgruppen sammanträder en gång i månaden. Protokoll skickas till Länsgemensam ledning.';
const edit = (from: string, to: string, text: string) => {
  expect(text).toContain(from);
  return text.replace(from, to);
};
const newText = edit(
  'Beredningsgruppen\n\n',
  `Beredningsgruppen\n\n${ADDED}\n\n`,
  edit('- Ta fram förslag till ett tvåårigt styrdokument\n', '', edit('- Två gånger varje år träffas', '- Tre gånger varje år träffas', oldText)),
);
const ORIGIN = { fileName: 'ledning-2027.pdf', mediaType: 'application/pdf' as const, sha256: 'a'.repeat(64) };
const OLD_QUOTE = 'Två gånger varje år träffas berörda politiker från Region Kalmar län och de tolv kommunerna';

// The duty that quotes the deleted line, found in the data (its index moves when the data file changes).
const GONE_DUTY = oldData.reportingDuties.findIndex((d) => d.id === 'beredningsgruppen-forslag-styrdokument');

describe('revise', () => {
  const { data, report } = revise({ region: 'kalmar', data: oldData, oldText, newText, origin: ORIGIN });

  it('aligns the versions sentence by sentence', () => {
    expect(report.alignment.changed).toEqual([{ before: OLD_QUOTE, after: EDITED, similarity: 0.93 }]);
    expect(report.alignment.removed).toEqual(['Ta fram förslag till ett tvåårigt styrdokument']);
    expect(report.alignment.added).toEqual(['Beredningsgruppen sammanträder en gång i månaden.', 'Protokoll skickas till Länsgemensam ledning.']);
  });

  it('lists for re-review each fact, or part of one, whose quote changed (with the new sentence) or vanished', () => {
    const changed = { status: 'CHANGED', quote: OLD_QUOTE, newSentence: EDITED, similarity: 0.93 };
    const gone = { status: 'VANISHED', quote: 'Ta fram förslag till ett tvåårigt styrdokument', newSentence: null, similarity: null };
    expect(
      report.reReview.map(({ factKind, factId, path, whole, status, quote, newSentence, similarity }) => ({
        factKind,
        factId,
        path,
        whole,
        status,
        quote,
        newSentence,
        similarity,
      })),
    ).toEqual([
      { factKind: 'body', factId: 'gemensam-presidiekonferens', path: '$.bodies[0].levelSource', whole: false, ...changed },
      { factKind: 'body', factId: 'gemensam-presidiekonferens', path: '$.bodies[0].composition[0]', whole: false, ...changed },
      { factKind: 'body', factId: 'gemensam-presidiekonferens', path: '$.bodies[0].composition[1]', whole: false, ...changed },
      { factKind: 'body', factId: 'gemensam-presidiekonferens', path: '$.bodies[0].cadence', whole: false, ...changed },
      { factKind: 'body', factId: 'beredningsgruppen', path: '$.bodies[7].assignments[0]', whole: false, ...gone },
      { factKind: 'reportingDuty', factId: 'beredningsgruppen-forslag-styrdokument', path: `$.reportingDuties[${GONE_DUTY}]`, whole: true, ...gone },
      { factKind: 'regionalFact', factId: 'kalmar-presidiekonferens-twice-yearly', path: '$.regionalFacts[0]', whole: true, ...changed },
    ]);
    // What was taken out is kept in the report as it was, for the review page.
    expect(report.reReview[3]!.value).toEqual(oldData.bodies[0]!.cadence);
  });

  it('carries over every other fact untouched, and records the new origin', () => {
    expect(data.roles).toEqual(oldData.roles);
    expect(data.plans).toEqual(oldData.plans);
    expect(data.bodies.slice(1, 7)).toEqual(oldData.bodies.slice(1, 7));
    expect(data.bodies[0]).toEqual({ ...oldData.bodies[0], levelSource: null, composition: oldData.bodies[0]!.composition.slice(2), cadence: null });
    expect(data.bodies[7]!.assignments).toEqual(oldData.bodies[7]!.assignments.slice(1));
    expect(data.reportingDuties).toEqual(oldData.reportingDuties.filter((_, i) => i !== GONE_DUTY));
    expect(data.regionalFacts).toEqual(oldData.regionalFacts.slice(1));
    expect(data.document).toEqual({ ...oldData.document, origin: ORIGIN });
    expect(report.carriedOver.reportingDuty).toEqual(oldData.reportingDuties.filter((_, i) => i !== GONE_DUTY).map((d) => d.id));
    expect(report.problems).toEqual([]);
    expect(DataFileSchema.parse(data)).toEqual(data);
  });

  it('lists the new passages under their headings', () => {
    expect(report.newPassages).toEqual([
      { section: 'Gemensam presidiekonferens', text: expect.stringContaining(`- ${EDITED}\n`), newSentences: [EDITED] },
      {
        section: 'Beredningsgruppen',
        text: ADDED,
        newSentences: ['Beredningsgruppen sammanträder en gång i månaden.', 'Protokoll skickas till Länsgemensam ledning.'],
      },
    ]);
  });

  it("proposes the draft stage's facts whose quotes stand in new or changed sentences only", () => {
    const quoted = (id: string, quote: string) => ({ id, kind: 'OTHER', description: id, source: { section: 'Beredningsgruppen', quote } });
    const draft = (text: string, options: { fileName: string }) => {
      expect([text, options.fileName]).toEqual([newText, oldData.file]);
      return {
        decisionRules: [quoted('ny', 'Protokoll skickas till Länsgemensam ledning'), quoted('gammal', 'Förmedla beslut tagna av Läns-gemensam ledning')],
      } as unknown as Partial<DataFile>;
    };
    const withDraft = revise({ region: 'kalmar', data: oldData, oldText, newText, draft });
    expect(withDraft.report.proposals).toEqual([{ factKind: 'decisionRule', fact: quoted('ny', 'Protokoll skickas till Länsgemensam ledning') }]);
    expect(report.proposals).toBe(null);
  });

  it('shows in the history as the facts taken out and changed, and the document changed (its version and origin)', () => {
    const names = new Map([[oldData.file, { id: `kalmar:${oldData.document.id}`, title: oldData.document.title }]]);
    const facts = (d: DataFile, text: string): FactSet => {
      const r = convertDataFile('kalmar', d, 'x', text, names, 0);
      const strip = <T extends object>(xs: T[]) => xs.map((x) => ({ ...x, position: undefined }) as unknown as Record<string, unknown>);
      return {
        body: strip(r.bodies),
        role: strip(r.roles),
        reportingDuty: strip(r.reportingDuties),
        plan: strip(r.plans),
        decisionRule: strip(r.decisionRules),
        regionalFact: strip(r.regionalFacts),
        document: strip(r.documents),
        event: strip(r.events),
      };
    };
    const diffs = diffFacts(facts(oldData, oldText), facts(data, newText));
    expect(diffs.map((d) => `${d.change} ${d.factKind} ${d.factId}`)).toEqual([
      'CHANGED body kalmar:gemensam-presidiekonferens',
      'CHANGED body kalmar:beredningsgruppen',
      'REMOVED reportingDuty kalmar:beredningsgruppen-forslag-styrdokument',
      'REMOVED regionalFact kalmar:kalmar-presidiekonferens-twice-yearly',
      `CHANGED document ${oldData.file}`,
    ]);
    expect(diffs[4]!.fields.map((f) => f.path)).toEqual(expect.arrayContaining(['version', 'origin']));
  });
});

describe('document.origin in a data file', () => {
  it('is checked by the schema: a known media type and a SHA-256 in hex', () => {
    const withOrigin = (origin: unknown) => DataFileSchema.safeParse({ ...oldData, document: { ...oldData.document, origin } });
    expect(withOrigin(ORIGIN).success).toBe(true);
    expect(withOrigin({ ...ORIGIN, sha256: 'abc' }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'document.origin.sha256: a SHA-256 in lower-case hex',
    ]);
    expect(withOrigin({ ...ORIGIN, mediaType: 'image/png' }).success).toBe(false);
  });
});

describe('npm run revise', () => {
  const { dir, write } = useTempDir('revise-');
  const cli = (cwd: string, ...args: string[]) =>
    spawnSync(process.execPath, [resolve(__dirname, '../dist/cli/revise.js'), ...args], { cwd, encoding: 'utf8' });
  const copy = (name: string) => {
    const root = join(dir(), name);
    for (const p of ['subgraphs/kalmar/data', 'subgraphs/orebro/data', 'docs/sources']) {
      mkdirSync(join(root, p), { recursive: true });
      cpSync(join(ROOT, p), join(root, p), { recursive: true });
    }
    return root;
  };

  it('writes the new text, the data file and the report, which check-data accepts', () => {
    const root = copy('ok');
    const r = cli(root, '--region', 'kalmar', '--source', write('ledning-2027.txt', newText));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('## Re-review (7)');
    expect(readFileSync(join(root, TEXT), 'utf8')).toBe(newText);
    const written = JSON.parse(readFileSync(join(root, DATA), 'utf8'));
    expect(written.document.origin).toEqual({ fileName: 'ledning-2027.txt', mediaType: 'text/plain', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const saved = JSON.parse(readFileSync(join(root, 'subgraphs/kalmar/revise/002_b6f78db4ef6f618f.json'), 'utf8'));
    expect(saved.reReview).toHaveLength(7);
    expect(checkRegionData(join(root, 'subgraphs/kalmar/data'), { sourcesDir: join(root, 'docs/sources') }).problems).toEqual([]);
  });

  it('bad input exits 1 and writes nothing; a wrong command line exits 2', () => {
    const root = copy('bad');
    const r = cli(root, '--region', 'kalmar', '--source', write('tom.pdf', ''));
    expect([r.status, r.stderr]).toEqual([1, 'error: tom.pdf: the file is empty\n']);
    expect(readFileSync(join(root, TEXT), 'utf8')).toBe(oldText);
    expect(existsSync(join(root, 'subgraphs/kalmar/revise'))).toBe(false);
    for (const [args, message] of [
      [['--source', 'x.txt'], '--region and --source are needed'],
      [['--region', 'gotland', '--source', 'x.txt'], 'unknown region "gotland"'],
      [['--region', 'orebro', '--source', 'x.txt'], 'orebro has 2 documents: say which with --document'],
    ] as const) {
      const u = cli(root, ...args);
      expect(u.status, args.join(' ')).toBe(2);
      expect(u.stderr).toContain(message);
    }
  });
});
