/**
 * Waiting for a service's /health ends as soon as the process ends, whether it exited with a code or
 * was ended by a signal (an abort when out of memory has no exit code), instead of waiting out the
 * timeout on a port nobody will open.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { waitForHealth } from '../scripts/lib/federation';
import { testPort } from './support/ports';

const url = `http://127.0.0.1:${testPort(15990)}/health`;
const TIMEOUT_MS = 20_000;

describe('waitForHealth', () => {
  it('fails at once for a process that exits with a code', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => process.exit(3), 200)'], { stdio: 'ignore' });
    const started = Date.now();
    await expect(waitForHealth(url, child, TIMEOUT_MS)).rejects.toThrow(`${url}: the process exited with code 3`);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS / 2);
  });

  it('fails at once for a process ended by a signal', async () => {
    const child = spawn(process.execPath, ['-e', "setTimeout(() => process.kill(process.pid, 'SIGKILL'), 200)"], { stdio: 'ignore' });
    const started = Date.now();
    await expect(waitForHealth(url, child, TIMEOUT_MS)).rejects.toThrow(`${url}: the process was ended by SIGKILL`);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS / 2);
  });
});
