/**
 * The heap settings each service is started with (contract/src/registry.ts): its own cap added to the
 * given NODE_OPTIONS, unless the given ones set that flag themselves (an explicit choice wins).
 */
import { describe, expect, it } from 'vitest';
import { COMPARISON, GATEWAY, nodeOptionsOf, REGIONS } from '../contract/src/registry';

const region = `subgraphs/${REGIONS[0]!.code}`;

describe('nodeOptionsOf', () => {
  it('adds each service its heap cap after the given options', () => {
    expect(nodeOptionsOf(GATEWAY.dir, undefined)).toBe('--max-old-space-size=192 --max-semi-space-size=2');
    expect(nodeOptionsOf(region, '--enable-source-maps')).toBe('--enable-source-maps --max-old-space-size=256');
    expect(nodeOptionsOf(COMPARISON.dir, '--enable-source-maps')).toBe('--enable-source-maps --max-old-space-size=256');
  });

  it("keeps a heap flag the given options set, and the service's other flags", () => {
    expect(nodeOptionsOf(COMPARISON.dir, '--max-old-space-size=1024')).toBe('--max-old-space-size=1024');
    expect(nodeOptionsOf(GATEWAY.dir, '--max-old-space-size=512')).toBe('--max-old-space-size=512 --max-semi-space-size=2');
  });

  it('gives a service with no heap settings the given options as they are', () => {
    expect(nodeOptionsOf('web', '--enable-source-maps')).toBe('--enable-source-maps');
    expect(nodeOptionsOf('web', undefined)).toBeUndefined();
  });
});
