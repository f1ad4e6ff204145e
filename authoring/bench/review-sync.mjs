// The review page's promise, measured: after "Save data file", a running federation shows the change in
// the comparison within 2 s. Starts the federation on ports of its own (the registry's + REVIEW_SYNC_PORT_OFFSET,
// default 26100: 30100-30106, inside TEST_PORT_SLOT 4's range of single-test ports) against DATABASE_URL (required), with the restart watcher `npm start` runs, and the review
// server of `npm run review` with --run-dir; then, RUNS times: saves the region's data file with one
// change through POST /api/save (what the page's button sends) and times
//   save -> answer   (the server writes the file, asks for the restart, waits for it: stop + start + migrations + load),
//   answer -> region (the region's /version shows the new data version),
//   answer -> comparison (the comparison's /version, the fingerprint of its copies, changes: its copy is replaced),
//   answer -> gateway (the gateway's landscape { freshness } shows the new data version),
// and, from the comparison's /metrics, how long replacing the region's copy took (the sync's own work).
// Each change is undone by the next save; the data file is put back as it was at the end.
// usage (from the repository's root, after `npm run build`):
//   DATABASE_URL=postgres://... node authoring/bench/review-sync.mjs [region] [runs]
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = process.cwd();
const { startFederation } = require(join(ROOT, 'scripts/dist/lib/federation.js'));
const { watchRestartRequests } = require(join(ROOT, 'scripts/dist/lib/restart-requests.js'));
const { REGIONS, COMPARISON, GATEWAY } = require(join(ROOT, 'contract/dist/registry.js'));

const region = process.argv[2] ?? 'samla';
const runs = Number(process.argv[3] ?? 3);
const offset = Number(process.env.REVIEW_SYNC_PORT_OFFSET ?? 26100);
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required (a PostgreSQL database of your own)');
const services = [...REGIONS, COMPARISON, GATEWAY];
const ports = Object.fromEntries(services.map((s) => [s.code, s.port + offset]));
const reviewPort = 4010 + offset;
const dataDir = join(ROOT, 'subgraphs', region, 'data');

const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function regionVersion() {
  const r = await fetch(`http://127.0.0.1:${ports[region]}/version`).catch(() => null);
  return r?.ok ? (await r.json()).dataVersion : null;
}
async function comparisonFingerprint() {
  const r = await fetch(`http://127.0.0.1:${ports[COMPARISON.code]}/version`).catch(() => null);
  return r?.ok ? (await r.json()).dataVersion : null;
}
/** Seconds the comparison has spent replacing the region's copy, in all (sum of its sync histogram). */
async function syncSeconds() {
  const text = await (await fetch(`http://127.0.0.1:${ports[COMPARISON.code]}/metrics`)).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith('samverkan_comparison_sync_duration_seconds_sum') && l.includes(`region="${region}"`) && l.includes('ok'));
  return line ? Number(line.split(' ').pop()) : 0;
}
async function comparisonVersion(gatewayUrl) {
  const r = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ landscape { freshness { regionCode dataVersion } } }' }),
  });
  const body = await r.json();
  return body.data?.landscape.freshness.find((f) => f.regionCode === region)?.dataVersion ?? null;
}
async function until(get, differentFrom, started) {
  for (;;) {
    const v = await get();
    if (v && v !== differentFrom) return { v, ms: now() - started };
    await sleep(20);
  }
}

const runDir = mkdtempSync(join(tmpdir(), 'review-sync-run-'));
const federation = await startFederation({ ports, output: 'ignore', env: process.env, startTimeoutMs: 300_000 });
const stopWatching = watchRestartRequests(
  runDir,
  federation,
  REGIONS.map((r) => r.code),
  () => {},
  50,
);
const server = spawn(process.execPath, [join(ROOT, 'authoring/dist/cli/review.js'), '--region', region, '--port', String(reviewPort), '--run-dir', runDir], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const files = new Map();
try {
  await new Promise((resolve) =>
    server.stdout.on('data', (d) => {
      if (String(d).includes('http://')) resolve();
    }),
  );
  const session = await (await fetch(`http://127.0.0.1:${reviewPort}/api/session`)).json();
  const file = join(dataDir, session.name);
  files.set(file, readFileSync(file, 'utf8'));
  const original = session.data;
  for (let i = 0; i < runs; i++) {
    // One fact changed: a body's further meetings dropped on odd runs, put back on even ones.
    const data = structuredClone(original);
    if (i % 2 === 0) data.bodies.find((b) => b.otherMeetings?.length || b.notes?.length).notes = [];
    const before = await comparisonVersion(federation.gatewayUrl);
    const [fingerprint, spentBefore] = [await comparisonFingerprint(), await syncSeconds()];
    const t0 = now();
    const answer = await (
      await fetch(`http://127.0.0.1:${reviewPort}/api/save`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data }),
      })
    ).json();
    const saved = now() - t0;
    const t1 = now();
    const [atRegion, atComparison, atGateway] = await Promise.all([
      until(regionVersion, before, t1),
      until(comparisonFingerprint, fingerprint, t1),
      until(() => comparisonVersion(federation.gatewayUrl), before, t1),
    ]);
    const sync = (await syncSeconds()) - spentBefore;
    const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `run ${i + 1}: ${answer.restart}; save -> answer ${s(saved)}; after the answer: region's /version ${s(atRegion.ms)}, comparison's copy ${s(atComparison.ms)} (replacing it: ${sync.toFixed(2)} s), gateway ${s(atGateway.ms)}; save -> gateway ${s(saved + atGateway.ms)}`,
    );
  }
} finally {
  for (const [file, text] of files) writeFileSync(file, text);
  server.kill();
  stopWatching();
  await federation.stop();
  rmSync(runDir, { recursive: true, force: true });
}
