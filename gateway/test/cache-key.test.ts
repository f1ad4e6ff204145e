/** The response cache's key: the same operation and variables give one key however a client formats them. */
import { describe, expect, it } from 'vitest';
import { ResponseCache } from '../src/response-cache';

const key = ResponseCache.key;

describe('response cache key', () => {
  it('ignores whitespace, commas and comments in the operation, and the order of variable keys', () => {
    const a = key({ query: 'query Q($r: [ID!]) { landscape { missingRegions } }', operationName: 'Q', variables: { r: ['samla'], x: { b: 1, a: 2 } } });
    const b = key({
      query: '# a comment\nquery Q( $r : [ID!] ) {\n  landscape {\n    missingRegions,\n  }\n}',
      operationName: 'Q',
      variables: { x: { a: 2, b: 1 }, r: ['samla'] },
    });
    expect(a).toBeDefined();
    expect(b).toBe(a);
  });

  it('tells apart what changes the answer: the fields, the variables, their order in lists, the operation name', () => {
    const base = { query: 'query Q($r: [ID!]) { landscape { missingRegions } }', operationName: 'Q', variables: { r: ['samla', 'kalmar'] } };
    const k = key(base);
    expect(key({ ...base, query: 'query Q($r: [ID!]) { landscape { staleRegions } }' })).not.toBe(k);
    expect(key({ ...base, variables: { r: ['kalmar', 'samla'] } })).not.toBe(k);
    expect(key({ ...base, variables: { r: ['samla'] } })).not.toBe(k);
    expect(key({ ...base, operationName: null })).not.toBe(k);
  });

  it('gives no key to a body it cannot read (Apollo answers those)', () => {
    expect(key(undefined)).toBeUndefined();
    expect(key({ query: 42 })).toBeUndefined();
    expect(key({ query: '{ a(s: "unterminated) }' })).toBeUndefined();
  });
});
