/**
 * `npm run restart -- <code> ...` during development: restarts services of a running `npm start`
 * without stopping the rest. The two talk through files in `.data/run/` of the checkout: the command
 * writes `restart/<code>`; `npm start` (watchRestartRequests) takes it, stops and starts that service
 * from its freshly built code, and answers in `restart/<code>.done` ("ok" or the error).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Restartable {
  stopService: (code: string) => Promise<void>;
  startService: (code: string) => Promise<void>;
}

const requestsDir = (runDir: string) => join(runDir, 'restart');

/** In `npm start`: polls for requests every `pollMs`; returns a function that stops watching. */
export function watchRestartRequests(runDir: string, federation: Restartable, known: readonly string[], log: (m: string) => void, pollMs = 300): () => void {
  const dir = requestsDir(runDir);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) rmSync(join(dir, f), { force: true }); // requests of an earlier run
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    const codes = readdirSync(dir).filter((f) => !f.endsWith('.done'));
    if (!codes.length) return;
    busy = true;
    void (async () => {
      for (const code of codes) {
        rmSync(join(dir, code), { force: true });
        let answer = 'ok';
        if (!known.includes(code)) answer = `unknown service "${code}"; known: ${known.join(', ')}`;
        else {
          try {
            log(`restarting ${code} (npm run restart)`);
            await federation.stopService(code);
            await federation.startService(code);
            log(`${code} restarted`);
          } catch (e) {
            answer = (e as Error).message;
            log(`${code} did not restart: ${answer}`);
          }
        }
        writeFileSync(join(dir, `${code}.done`), answer);
      }
      busy = false;
    })();
  }, pollMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** In `npm run restart`: asks for each service and waits for the answers (ok, or the error). */
export async function requestRestarts(runDir: string, codes: string[], timeoutMs = 120_000): Promise<Map<string, string>> {
  const dir = requestsDir(runDir);
  if (!existsSync(dir)) throw new Error(`npm start is not running in this checkout (no ${dir})`);
  for (const code of codes) {
    rmSync(join(dir, `${code}.done`), { force: true });
    writeFileSync(join(dir, code), String(Date.now()));
  }
  const answers = new Map<string, string>();
  const deadline = Date.now() + timeoutMs;
  while (answers.size < codes.length) {
    if (Date.now() > deadline) throw new Error(`no answer from npm start within ${timeoutMs / 1000} s (is it running in this checkout?)`);
    for (const code of codes) {
      const done = join(dir, `${code}.done`);
      if (!answers.has(code) && existsSync(done)) {
        answers.set(code, readFileSync(done, 'utf8'));
        rmSync(done, { force: true });
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return answers;
}
