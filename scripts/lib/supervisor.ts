/**
 * Restarts a federation service that exits on its own (a crash, an out-of-memory kill), as a
 * process manager would: after a backoff that doubles with each restart in the window (from
 * `backoffMs` up to `maxBackoffMs`), logging each restart. A service that exits more than
 * `maxRestarts` times within `windowMs` keeps crashing: it is given up on and `onGiveUp` is called.
 * A service stopped on purpose (stopService, stop) is never restarted.
 */
import type { ChildProcess } from 'node:child_process';
import { loadStartConfig } from './start-config';

export interface SupervisorOptions {
  maxRestarts: number;
  windowMs: number;
  backoffMs: number;
  maxBackoffMs: number;
  log: (message: string) => void;
  onGiveUp: (code: string, reason: string) => void;
}

export function supervisorOptions(env: NodeJS.ProcessEnv): SupervisorOptions {
  const config = loadStartConfig(env);
  return {
    maxRestarts: config.SUPERVISOR_MAX_RESTARTS,
    windowMs: config.SUPERVISOR_WINDOW_MS,
    backoffMs: config.SUPERVISOR_BACKOFF_MS,
    maxBackoffMs: config.SUPERVISOR_MAX_BACKOFF_MS,
    log: (m) => console.error(`[supervisor] ${m}`),
    onGiveUp: () => {},
  };
}

export class Supervisor {
  private readonly exits = new Map<string, number[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly children: Map<string, ChildProcess>,
    private readonly spawn: (code: string) => Promise<ChildProcess>,
    private readonly options: SupervisorOptions,
  ) {}

  /** Watches a running service: when it exits and is still the service's process, restart it. */
  watch(code: string, child: ChildProcess): void {
    child.once('exit', (exitCode, signal) => {
      if (this.closed || this.children.get(code) !== child) return; // stopped on purpose
      this.crashed(code, signal ? `signal ${signal}` : `code ${exitCode}`);
    });
  }

  /** The service is being stopped on purpose: no restart. */
  forget(code: string): void {
    clearTimeout(this.timers.get(code));
    this.timers.delete(code);
    this.exits.delete(code);
  }

  close(): void {
    this.closed = true;
    for (const code of [...this.timers.keys()]) this.forget(code);
  }

  private crashed(code: string, reason: string): void {
    const now = Date.now();
    const recent = [...(this.exits.get(code) ?? []), now].filter((t) => now - t <= this.options.windowMs);
    this.exits.set(code, recent);
    if (recent.length > this.options.maxRestarts) {
      this.options.log(`${code} exited (${reason}) ${recent.length} times within ${this.options.windowMs} ms: it keeps crashing, giving up`);
      this.children.delete(code);
      this.options.onGiveUp(code, reason);
      return;
    }
    const delay = Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** (recent.length - 1));
    this.options.log(`${code} exited (${reason}); restart ${recent.length} of at most ${this.options.maxRestarts} in ${delay} ms`);
    this.timers.set(
      code,
      setTimeout(() => {
        this.timers.delete(code);
        if (this.closed || this.children.get(code) === undefined) return;
        this.spawn(code).then(
          (child) => {
            if (this.closed || this.children.get(code) === undefined) {
              child.kill('SIGTERM');
              return;
            }
            this.children.set(code, child);
            this.watch(code, child);
            this.options.log(`${code} is back (pid ${child.pid})`);
          },
          (e: Error) => this.crashed(code, `restart failed: ${e.message}`),
        );
      }, delay),
    );
  }
}
