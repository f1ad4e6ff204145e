/**
 * What `npm start` (and the test harness, which starts the federation the same way) reads from the
 * environment, validated with the variable's name in the error; and what it sets for the services it
 * starts (`serviceOverrides`): the configuration reference shows both (docs/CONFIGURATION.md).
 */
import { join } from 'node:path';
import { z } from 'zod';
import {
  COMPARISON_NODE_OPTIONS,
  GATEWAY,
  GATEWAY_NODE_OPTIONS,
  parseEnv,
  REGION_NODE_OPTIONS,
  portVar,
  SUBGRAPHS,
  urlVar,
  type ServiceEntry,
} from '@samverkan/shared';
import { ROOT } from './paths';

export const DEFAULT_EMBEDDED_DIR = join(ROOT, '.data', 'postgres');
export const DEFAULT_EMBEDDED_PORT = 5433;

const int = () => z.coerce.number().int();

/**
 * The variables of the development and measurement tools: the federation harness (npm start, the tests,
 * the bench), the web dev server (web/vite.config.ts) and the memory scripts (scripts/seed-memory.ts,
 * scripts/sync-memory.ts). Listed in docs/CONFIGURATION.md and .env.example like the services' own.
 */
export const ToolsSchema = z.object({
  SERVICE_NODE_FLAGS: z
    .string()
    .optional()
    .describe('node flags NODE_OPTIONS does not take (e.g. --cpu-prof), given to every service the harness starts (npm start, tests, bench)'),
  GATEWAY_ORIGIN: z
    .string()
    .url()
    .default('http://127.0.0.1:4000')
    .describe('the gateway the web dev server (`npx vite --mode dashboard` in web/) sends /graphql to'),
  COMPARISON_NODE_OPTIONS: z.string().optional().describe('NODE_OPTIONS of the comparison that scripts/sync-memory.ts starts; unset: NODE_OPTIONS'),
  SEED_MEMORY_PORT: int().min(1).max(65535).default(24001).describe('port of the region that scripts/seed-memory.ts starts'),
  SYNC_MEMORY_PORT: int().min(1).max(65535).default(20001).describe('first port of the services that scripts/sync-memory.ts starts'),
});

export const StartSchema = z.object({
  DATABASE_URL: z.string().url().optional().describe('use this PostgreSQL instead of starting the embedded one'),
  EMBEDDED_PG_DIR: z.string().min(1).optional().describe('data folder of the embedded PostgreSQL; unset: .data/postgres/ in the repository'),
  EMBEDDED_PG_PORT: int().min(1).max(65535).optional().describe(`port of the embedded PostgreSQL; unset: ${DEFAULT_EMBEDDED_PORT}`),
  SUPERVISOR_MAX_RESTARTS: int().min(0).default(5).describe('restarts of a crashed service within SUPERVISOR_WINDOW_MS before npm start gives up (exit 1)'),
  SUPERVISOR_WINDOW_MS: int().min(1).default(60_000).describe('the window SUPERVISOR_MAX_RESTARTS counts in'),
  SUPERVISOR_BACKOFF_MS: int().min(1).default(500).describe('wait before the first restart; doubles with each restart in the window'),
  SUPERVISOR_MAX_BACKOFF_MS: int().min(1).default(10_000).describe('longest wait before a restart'),
  NODE_OPTIONS: z
    .string()
    .optional()
    .describe(
      `Node options of every service; npm start adds ${GATEWAY_NODE_OPTIONS} for the gateway, ${REGION_NODE_OPTIONS} for a region, ${COMPARISON_NODE_OPTIONS} for the comparison (a heap flag given here wins)`,
    ),
});

export type StartConfig = z.infer<typeof StartSchema>;

export const loadStartConfig = (env: NodeJS.ProcessEnv = process.env): StartConfig => parseEnv(StartSchema, env);

/** The GraphQL URL of a service on this machine. */
export const localUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;

/**
 * What npm start sets in every service's environment, whatever the environment says: the database it
 * started (or DATABASE_URL), each service's port, and where each subgraph is (`<CODE>_URL`: the
 * service it started on this machine).
 */
export function serviceOverrides(databaseUrl: string, portOf: (s: ServiceEntry) => number): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    ...Object.fromEntries([...SUBGRAPHS, GATEWAY].map((s) => [portVar(s.code), String(portOf(s))])),
    ...Object.fromEntries(SUBGRAPHS.map((s) => [urlVar(s.code), localUrl(portOf(s))])),
  };
}
