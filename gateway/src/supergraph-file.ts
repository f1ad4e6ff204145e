/**
 * Live schema rollout: the gateway serves the supergraph in a file and takes a new one without a
 * restart. It checks the file every `pollMs`; a changed file is handed to @apollo/gateway's public
 * SupergraphManager `update`, which builds the new schema and swaps it in atomically (in-flight
 * requests finish on the old one). A supergraph that does not build is refused, logged once, and the
 * one in use keeps serving. `current()` is the supergraph in use (GET /supergraph on the gateway).
 */
import type { SupergraphManager } from '@apollo/gateway';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Logger } from '@samverkan/shared/server';

export interface FileSupergraph extends SupergraphManager {
  current(): string;
}

export function fileSupergraph(path: string, pollMs: number, logger: Logger, onUpdate: (sdl: string) => void = () => {}): FileSupergraph {
  // The file is read only when its stat changes: reading it on every poll was a tenth of the
  // gateway's CPU under load (the benchmark's profile).
  const version = (s: Stats) => `${s.ino}:${s.size}:${s.mtimeMs}`;
  let lastVersion = version(statSync(path));
  let current = readFileSync(path, 'utf8');
  let lastSeen = current;
  return {
    current: () => current,
    async initialize({ update }) {
      const check = async () => {
        let text: string;
        try {
          const seen = version(await stat(path));
          if (seen === lastVersion) return;
          text = await readFile(path, 'utf8');
          lastVersion = seen;
        } catch (e) {
          if (lastSeen !== '') logger.error({ path, err: (e as Error).message }, 'supergraph file unreadable; keeping the one in use');
          lastSeen = '';
          lastVersion = '';
          return;
        }
        if (text === lastSeen) return;
        lastSeen = text;
        try {
          update(text);
          current = text;
          onUpdate(text);
          logger.info({ path }, 'new supergraph in use');
        } catch (e) {
          logger.error({ path, err: (e as Error).message }, 'new supergraph refused; keeping the one in use');
        }
      };
      const timer =
        pollMs > 0
          ? setInterval(() => {
              void check();
            }, pollMs)
          : undefined;
      timer?.unref();
      return {
        supergraphSdl: current,
        cleanup: async () => {
          clearInterval(timer);
        },
      };
    },
  };
}
