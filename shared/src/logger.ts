/**
 * Logs through pino, one logger per service, named after it. JSON lines when stdout is not a
 * terminal or in production (what log collectors read); pretty one-line logs for a person running
 * `npm start` in a terminal. LOG_FORMAT=json|pretty overrides the choice.
 */
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

export function usePrettyLogs(env: NodeJS.ProcessEnv = process.env, isTTY = !!process.stdout.isTTY): boolean {
  if (env.LOG_FORMAT === 'json') return false;
  if (env.LOG_FORMAT === 'pretty') return true;
  return isTTY && env.NODE_ENV !== 'production';
}

export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const options = { name: service, level, base: { service } };
  if (!usePrettyLogs()) return pino(options);
  return pino(options, pretty({ singleLine: true, colorize: true, sync: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,service' }));
}
