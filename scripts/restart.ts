/**
 * `npm run restart -- kalmar [gateway ...]`: after `npm run build` (the script runs it first), restarts
 * those services of the `npm start` running in this checkout, from their new build, leaving the rest
 * running. See lib/restart-requests.ts.
 */
import { join } from 'node:path';
import { GATEWAY, SUBGRAPHS } from '@samverkan/contract';
import { ROOT } from './lib/paths';
import { requestRestarts } from './lib/restart-requests';

async function main() {
  const codes = process.argv.slice(2);
  const known = [...SUBGRAPHS.map((s) => s.code), GATEWAY.code];
  if (!codes.length || codes.some((c) => !known.includes(c))) {
    console.error(`usage: npm run restart -- <service> [...]; services: ${known.join(', ')}`);
    process.exit(2);
  }
  const answers = await requestRestarts(join(ROOT, '.data', 'run'), codes);
  let failed = false;
  for (const [code, answer] of answers) {
    console.log(`${code}: ${answer === 'ok' ? 'restarted' : answer}`);
    failed ||= answer !== 'ok';
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`npm run restart: ${(e as Error).message}`);
  process.exit(1);
});
