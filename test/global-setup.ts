/**
 * Starts the real federation once for the whole test run: real PostgreSQL (DATABASE_URL, else an
 * embedded one of its own), every subgraph and the gateway as separate processes, on test ports that
 * cannot collide with a running `npm start`, with schemas prefixed `test_`. Stops it all afterwards,
 * also when tests fail.
 */
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startFederation, type Federation } from '../scripts/lib/federation';
import { TEST_EMBEDDED_PORT, TEST_PORTS, TEST_SCHEMA_PREFIX } from './support/ports';

let federation: Federation | undefined;

export async function setup(project: TestProject) {
  federation = await startFederation({
    env: { DB_SCHEMA_PREFIX: TEST_SCHEMA_PREFIX, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' },
    ports: TEST_PORTS,
    embeddedDir: join(__dirname, '..', '.data', 'postgres-test'),
    embeddedPort: TEST_EMBEDDED_PORT,
    output: process.env.TEST_LOG_LEVEL ? 'inherit' : 'ignore',
    // TEST_START_TIMEOUT_MS: how long each service may take to answer /health (a first load into an
    // empty database on a loaded machine takes longer than the default 60 s).
    startTimeoutMs: process.env.TEST_START_TIMEOUT_MS ? Number(process.env.TEST_START_TIMEOUT_MS) : undefined,
  });
  project.provide('gatewayUrl', federation.gatewayUrl);
  project.provide('databaseUrl', federation.database.url);
  project.provide('subgraphUrls', federation.urls);
}

export async function teardown() {
  await federation?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    gatewayUrl: string;
    databaseUrl: string;
    subgraphUrls: Record<string, string>;
  }
}
