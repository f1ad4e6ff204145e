/** The documents' inline markup as text: marks dropped, also a mark whose pair a snippet cut off. Strings from docs/sources. */
import { describe, expect, it } from 'vitest';
import { plainText, stripMarkup } from '../dashboard/markup';

describe('plainText', () => {
  it('drops emphasis and link marks, keeps the words', () => {
    expect(plainText('Årlig skriftlig sammanställning av resultat i en gemensam *Årsrapport*.')).toBe(
      'Årlig skriftlig sammanställning av resultat i en gemensam Årsrapport.',
    );
    expect(plainText('Arbetet utgår från den politiskt antagna [Samverkansplanen 2023–2026](#) för SAMLA.')).toBe(
      'Arbetet utgår från den politiskt antagna Samverkansplanen 2023–2026 för SAMLA.',
    );
  });
  it('drops a mark whose pair the snippet cut off', () => {
    expect(plainText('Samverkansplan*.\n- Bereda och hantera ärenden')).toBe('Samverkansplan.\n- Bereda och hantera ärenden');
    expect(plainText('den politiskt antagna [Samverkansplanen 2023')).toBe('den politiskt antagna Samverkansplanen 2023');
    expect(plainText('2023–2026](#) för SAMLA.')).toBe('2023–2026 för SAMLA.');
  });
  it('maps each kept character to its index in the original', () => {
    const { text, at } = stripMarkup('i en *Årsrapport*.');
    expect(text).toBe('i en Årsrapport.');
    expect(at[5]).toBe(6);
    expect(at.at(-1)).toBe(17);
  });
});
