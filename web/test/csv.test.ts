/** The CSV writer: quoting, decimal style, and spreadsheet formula injection neutralized (OWASP). */
import { describe, expect, it } from 'vitest';
import { csvField, csvFileName, toCsv } from '../dashboard/csv';

describe('CSV cells', () => {
  it('prefixes a single quote to text beginning with =, +, -, @, tab or carriage return, and quotes it', () => {
    expect(csvField('en', '=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('en', '+1+1')).toBe(`"'+1+1"`);
    expect(csvField('en', '-2+3')).toBe(`"'-2+3"`);
    expect(csvField('en', '@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('en', '\t=1')).toBe(`"'\t=1"`);
    expect(csvField('en', '\r=1')).toBe(`"'\r=1"`);
  });
  it('leaves other text and numbers as they are, quoted; Swedish numbers with a decimal comma', () => {
    expect(csvField('sv', 'Samordningsgruppen SAMLA; möten')).toBe('"Samordningsgruppen SAMLA; möten"');
    expect(csvField('sv', 'a = b')).toBe('"a = b"');
    expect(csvField('sv', 2.5)).toBe('"2,5"');
    expect(csvField('en', 2.5)).toBe('"2.5"');
    expect(csvField('en', null)).toBe('""');
  });
  it("writes a BOM, the language's separator and CRLF", () => {
    expect(toCsv('sv', ['A', 'B'], [['=1', 3]])).toBe('\uFEFF"A";"B"\r\n"\'=1";"3"\r\n');
    expect(toCsv('en', ['A', 'B'], [['x', '-y']])).toBe('\uFEFF"A","B"\r\n"x","\'-y"\r\n');
  });
  it('names files in the language of their content', () => {
    expect(csvFileName('frequency', 'sv')).toBe('motesfrekvens-sv.csv');
    expect(csvFileName('frequency', 'en')).toBe('meeting-frequency-en.csv');
  });
});
