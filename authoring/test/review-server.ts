/** Starts `npm run review`'s command (the built CLI) for a test and resolves once it prints its address. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export async function startReviewServer(args: string[], port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, [join(ROOT, 'authoring', 'dist', 'cli', 'review.js'), ...args, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the review server did not start: ${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`http://127.0.0.1:${port}/`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the review server exited (${code}): ${output}`));
    });
  });
  return server;
}
