/** Every configuration error names its variable: the services' schemas and npm start's. */
import { describe, expect, it } from 'vitest';
import { loadConfig, loadRegionEnv } from '../shared/src/config';
import { loadGatewayConfig } from '../gateway/src/config';
import { loadComparisonConfig } from '../subgraphs/comparison/src/config';
import { loadStartConfig } from '../scripts/lib/start-config';
import { supervisorOptions } from '../scripts/lib/supervisor';

describe('configuration from the environment', () => {
  it.each([
    ['gateway', () => loadGatewayConfig({ BODY_LIMIT: 'abc' }), /^Invalid configuration: BODY_LIMIT=abc: a size in bytes/],
    ['gateway', () => loadGatewayConfig({ KALMAR_URL: 'not a url' }), /KALMAR_URL=not a url:/],
    ['gateway', () => loadGatewayConfig({ MAX_DEPTH: '0' }), /MAX_DEPTH=0:/],
    ['every service', () => loadConfig('KALMAR_PORT', 4002, { KALMAR_PORT: '70000' }), /KALMAR_PORT=70000:/],
    ['every service', () => loadConfig('KALMAR_PORT', 4002, { SUBGRAPH_SECRET: 'short' }), /SUBGRAPH_SECRET=\*\*\*: .*16/],
    ['comparison', () => loadComparisonConfig({ SYNC_INTERVAL_MS: 'soon' }), /SYNC_INTERVAL_MS=soon:/],
    ['npm start', () => loadStartConfig({ EMBEDDED_PG_PORT: 'x' }), /EMBEDDED_PG_PORT=x:/],
    ['npm start', () => supervisorOptions({ SUPERVISOR_MAX_RESTARTS: '-1' }), /SUPERVISOR_MAX_RESTARTS=-1:/],
  ])('%s: a bad value stops it with a message naming the variable (%#)', (_who, load, message) => {
    expect(load).toThrow(message);
  });

  it('an empty value counts as unset: the default applies', () => {
    expect(loadGatewayConfig({ BODY_LIMIT: '', MAX_DEPTH: '' })).toMatchObject({ BODY_LIMIT: '100kb', MAX_DEPTH: 10 });
    expect(loadConfig('KALMAR_PORT', 4002, { KALMAR_PORT: '' }).port).toBe(4002);
    expect(loadStartConfig({ EMBEDDED_PG_PORT: '5440' }).EMBEDDED_PG_PORT).toBe(5440);
    expect(loadRegionEnv({ DATA_DIR: '' }).DATA_DIR).toBeUndefined();
  });

  it('sizes with a unit pass as express takes them', () => {
    for (const size of ['100', '100kb', '1.5mb', '2MB']) expect(loadGatewayConfig({ BODY_LIMIT: size }).BODY_LIMIT).toBe(size);
  });
});
