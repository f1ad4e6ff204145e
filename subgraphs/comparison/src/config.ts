/**
 * What only the comparison reads from the environment (besides every service's variables): its read
 * model's sync and where it reaches each region. Validated at start; the configuration reference
 * (docs/CONFIGURATION.md) is generated from this schema.
 */
import { z } from 'zod';
import { parseEnv, REGIONS, urlVar } from '@samverkan/shared';

export const defaultRegionUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;

export const ComparisonSchema = z.object({
  SYNC_INTERVAL_MS: z.coerce.number().int().positive().default(500).describe("how often the comparison asks each region's /version for its data version"),
  SYNC_TIMEOUT_MS: z.coerce.number().int().positive().default(5000).describe('timeout of one sync call to a region'),
  START_SYNC_WAIT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(30000)
    .describe(
      'at start, how long the comparison waits for its first sync round before it serves; regions not synced by then are served as they are held (missing or stale, with the reason) while their sync goes on',
    ),
  SYNC_PAGE_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(5000)
    .default(1000)
    .describe(
      'entries of a list the sync asks a region for per request, and reads back from its copy per statement while deriving the aggregates (1-5000); a region on an older contract answers in one',
    ),
  ...Object.fromEntries(
    REGIONS.map((r) => [
      urlVar(r.code),
      z.string().url().default(defaultRegionUrl(r.port)).describe(`where the comparison reaches ${r.name}'s subgraph (its GraphQL URL; /version beside it)`),
    ]),
  ),
});

export function loadComparisonConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = parseEnv(ComparisonSchema, env) as {
    SYNC_INTERVAL_MS: number;
    SYNC_TIMEOUT_MS: number;
    SYNC_PAGE_SIZE: number;
    START_SYNC_WAIT_MS: number;
  } & Record<string, string>;
  return { ...parsed, regionUrl: (code: string) => parsed[urlVar(code)] as string };
}
