/**
 * Örebro's länsdelsgrupp: its convener and minutes keeper are stated in another document than the one
 * that describes the group (the samverkansledare's uppdragsbeskrivning, 000). The API serves them with
 * that document as their source, and the comparison sees them: the samverkansledare convenes a body in
 * the functional crosswalk, and the länsdelsgrupp keeps minutes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gqlOk } from '../../../test/support/client';

const DOC_000 = '000_15e43a147f007275.txt';
const text = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'sources', DOC_000), 'utf8');
const SENTENCE = 'Kalla till möten och föra minnesanteckningar i länsdelsgrupp.';

describe('Örebro länsdelsgrupp: convener and minutes from the samverkansledare description', () => {
  it('serves the samverkansledare as convener and minutes keeper, quoting document 000', async () => {
    const data = await gqlOk<{
      orebro: {
        bodies: Array<{
          id: string;
          document: string;
          convener: { who: string; source: { document: string; quote: string } } | null;
          minutes: { kept: boolean | null; keeper: string | null; source: { document: string; quote: string } } | null;
        }>;
      };
    }>('{ orebro { bodies { id document convener { who source { document quote } } minutes { kept keeper source { document quote } } } } }');
    const group = data.orebro.bodies.find((b) => b.id === 'orebro:lansdelsgrupp')!;
    expect(text).toContain(SENTENCE);
    expect(group.document).not.toBe(DOC_000);
    expect(group.convener).toEqual({ who: 'Samverkansledaren', source: { document: DOC_000, quote: SENTENCE } });
    expect(group.minutes).toEqual({ kept: true, keeper: 'Samverkansledaren', source: { document: DOC_000, quote: SENTENCE } });
  });

  it('puts the samverkansledare in the convener row of the functional crosswalk, and the länsdelsgrupp among bodies that keep minutes', async () => {
    const data = await gqlOk<{
      landscape: {
        functionalCrosswalk: {
          functions: Array<{
            function: string;
            regions: Array<{
              regionCode: string;
              performers: Array<{ title: string; evidence: Array<{ basis: string; bodyId: string | null; quote: { document: string; quote: string } }> }>;
            }>;
          }>;
        };
        bodies: { nodes: Array<{ id: string }> };
      };
    }>(`{
      landscape {
        functionalCrosswalk(regions: ["orebro"], functions: [CONVENES_BODY]) { functions { function regions { regionCode performers { title evidence { basis bodyId quote { document quote } } } } } }
        bodies(filter: { regions: ["orebro"], keepsMinutes: true }, first: 200) { nodes { id } }
      }
    }`);
    const row = data.landscape.functionalCrosswalk.functions[0]!.regions.find((r) => r.regionCode === 'orebro')!;
    const evidence = row.performers.flatMap((p) => p.evidence.map((e) => ({ title: p.title, ...e })));
    expect(evidence).toContainEqual(
      expect.objectContaining({ basis: 'BODY_CONVENER', bodyId: 'orebro:lansdelsgrupp', quote: { document: DOC_000, quote: SENTENCE } }),
    );
    expect(evidence.find((e) => e.bodyId === 'orebro:lansdelsgrupp')!.title).toMatch(/^Samverkansledare/);
    expect(data.landscape.bodies.nodes.map((n) => n.id)).toContain('orebro:lansdelsgrupp');
  });
});
