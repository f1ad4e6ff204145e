/**
 * `npm run restart -- <service>`: the request/answer protocol between the command and a running
 * `npm start` (files in .data/run/restart/), with a recorder standing in for the federation's
 * stopService/startService (the real ones are exercised by the supervision test).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { requestRestarts, watchRestartRequests } from '../scripts/lib/restart-requests';

const dirs: string[] = [];
const stops: Array<() => void> = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function running(failOn?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-run-'));
  dirs.push(dir);
  const calls: string[] = [];
  const federation = {
    stopService: async (code: string) => {
      calls.push(`stop ${code}`);
    },
    startService: async (code: string) => {
      if (code === failOn) throw new Error(`${code}: the process exited with code 1`);
      calls.push(`start ${code}`);
    },
  };
  stops.push(watchRestartRequests(dir, federation, ['kalmar', 'gateway'], () => {}, 50));
  return { dir, calls };
}

describe('npm run restart', () => {
  it('restarts exactly the services asked for, one after the other (stop, then start), and answers ok', async () => {
    const { dir, calls } = running();
    const answers = await requestRestarts(dir, ['kalmar', 'gateway'], 5000);
    expect(Object.fromEntries(answers)).toEqual({ kalmar: 'ok', gateway: 'ok' });
    expect(calls).toEqual(['stop gateway', 'start gateway', 'stop kalmar', 'start kalmar']); // taken in name order
  });

  it('answers with the error when a service does not come back, and names unknown services', async () => {
    const { dir } = running('kalmar');
    const answers = await requestRestarts(dir, ['kalmar', 'stockholm'], 5000);
    expect(answers.get('kalmar')).toBe('kalmar: the process exited with code 1');
    expect(answers.get('stockholm')).toBe('unknown service "stockholm"; known: kalmar, gateway');
  });

  it('says so when no npm start runs in the checkout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-run-'));
    dirs.push(dir);
    await expect(requestRestarts(dir, ['kalmar'], 500)).rejects.toThrow(/npm start is not running/);
  });
});
