/**
 * `npm start`: the database (embedded unless DATABASE_URL), five subgraphs and the gateway, each its
 * own process. Prints the gateway URL when everything answers; Ctrl-C stops it all cleanly. A service
 * that crashes is restarted with backoff (logged); one that keeps crashing stops everything with
 * exit code 1.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startFederation, DEFAULT_EMBEDDED_DIR } from './lib/federation';
import { ROOT } from './lib/paths';
import { watchRestartRequests } from './lib/restart-requests';
import { GATEWAY, SUBGRAPHS } from '@samverkan/contract';

async function main() {
  const started = Date.now();
  if (existsSync(join(ROOT, '.env'))) process.loadEnvFile(join(ROOT, '.env'));
  let givenUp = false;
  // onGiveUp may run before startFederation returns (a crash at start): it sees no federation then.
  const running: { federation?: Awaited<ReturnType<typeof startFederation>> } = {};
  const federation = (running.federation = await startFederation({
    supervise: {
      onGiveUp: (code, reason) => {
        if (givenUp) return;
        givenUp = true;
        console.error(`\n${code} keeps crashing (last: ${reason}): stopping the federation`);
        const stopAll = running.federation ? running.federation.stop() : Promise.resolve();
        void stopAll.finally(() => process.exit(1));
      },
    },
  }));
  const db = federation.database.embedded
    ? `embedded PostgreSQL at ${federation.database.url.replace(/:[^:@/]+@/, ':***@')} (data in ${process.env.EMBEDDED_PG_DIR || DEFAULT_EMBEDDED_DIR})`
    : 'PostgreSQL from DATABASE_URL';
  console.log(`\nSamverkan Graph is running (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`  database:  ${db}`);
  for (const [code, url] of Object.entries(federation.urls)) console.log(`  ${code.padEnd(10)} ${url}`);
  console.log(`\n  Gateway:   ${federation.gatewayUrl}   (Ctrl-C stops everything)\n`);

  // `npm run restart -- <service>` restarts one service from its new build, leaving the rest running.
  watchRestartRequests(join(ROOT, '.data', 'run'), federation, [...SUBGRAPHS.map((s) => s.code), GATEWAY.code], (m) => console.log(`[restart] ${m}`));

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the federation ...`);
    federation!.stop().then(
      () => process.exit(0),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((e) => {
  console.error(`npm start failed: ${(e as Error).message}`);
  process.exit(1);
});
