/**
 * Nothing the gateway runs talks to the outside unless the operator configured it. @apollo/gateway turns
 * on Apollo's anonymous data collection (cloud metadata probes at start, metrics to Apollo every hour)
 * unless APOLLO_TELEMETRY_DISABLED is "true" in its process. This module sets it, and is imported before
 * anything that loads @apollo/gateway (gateway.ts and index.ts import it first), unless the operator opts
 * in with ALLOW_APOLLO_TELEMETRY=true (docs/CONFIGURATION.md).
 */
export const APOLLO_TELEMETRY_OPT_IN = 'ALLOW_APOLLO_TELEMETRY';

/** Sets APOLLO_TELEMETRY_DISABLED=true in `env` unless `ALLOW_APOLLO_TELEMETRY` is true or 1. */
export function disableApolloTelemetry(env: NodeJS.ProcessEnv = process.env): boolean {
  const optIn = env[APOLLO_TELEMETRY_OPT_IN];
  if (optIn === 'true' || optIn === '1') return false;
  env.APOLLO_TELEMETRY_DISABLED = 'true';
  return true;
}

disableApolloTelemetry();
