/**
 * Live schema rollout: a region's new field reaches clients by deploying the region and publishing a
 * new supergraph, with no gateway restart. The gateway here starts on a supergraph from before the
 * field existed (composed in the test from the committed subgraph schemas without it), the region
 * already serves it; writing the current supergraph to the gateway's file makes the field queryable
 * within seconds, by the same gateway process. A supergraph that does not build is refused and the one
 * in use keeps serving.
 */
import { composeServices } from '@apollo/composition';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, print, visit, type FieldDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { REGIONS, SUBGRAPHS, urlVar } from '../contract/src/registry';
import { eventually, gql } from './support/client';
import { testPort } from './support/ports';
import { Services } from './support/services';

const ROOT = join(__dirname, '..');
const REGION = REGIONS.find((r) => r.code === 'kalmar')!;
/** A field only this region's subgraph serves: the one being rolled out. */
const FIELD = 'userRepresentation';
const QUERY = `{ r: ${REGION.code} { ${FIELD} { facts { id } } } }`;
const PORT = testPort(15900);
const url = `http://127.0.0.1:${PORT}/graphql`;
const services = new Services();
let gatewayPid: number | undefined;
let dir = '';
let file = '';

/** A supergraph composed from the committed subgraph schemas, with `extra` appended to one subgraph's SDL and a field left out. */
function supergraphOf(edit: { without?: [string, string]; extra?: [string, string] }): string {
  const sdls = SUBGRAPHS.map((s) => {
    const doc = parse(readFileSync(join(ROOT, s.dir, 'schema.graphql'), 'utf8'));
    let type = '';
    const older = visit(doc, {
      ObjectTypeDefinition: {
        enter(node) {
          type = node.name.value;
        },
        leave() {
          type = '';
        },
      },
      FieldDefinition(node: FieldDefinitionNode) {
        return edit.without && type === edit.without[0] && node.name.value === edit.without[1] ? null : undefined;
      },
    });
    const extra = edit.extra && edit.extra[0] === s.code ? `\n${edit.extra[1]}\n` : '';
    return { name: s.code, url: `http://127.0.0.1:${s.port}/graphql`, typeDefs: parse(print(older) + extra) };
  });
  const result = composeServices(sdls);
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl!;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'samverkan-rollout-'));
  file = join(dir, 'supergraph.graphql');
  writeFileSync(file, supergraphOf({ without: [REGION.typename, FIELD] }));
  const urls = inject('subgraphUrls');
  const gateway = await services.start('gateway', PORT, {
    ...process.env,
    LOG_LEVEL: 'silent',
    RESPONSE_CACHE: 'false',
    GATEWAY_PORT: String(PORT),
    SUPERGRAPH_FILE: file,
    SUPERGRAPH_POLL_MS: '200',
    ...Object.fromEntries(SUBGRAPHS.map((s) => [urlVar(s.code), urls[s.code]!])),
  });
  gatewayPid = gateway.child.pid;
});

afterAll(async () => {
  await services.stopAll();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('live schema rollout', () => {
  it("takes a new supergraph without a restart: the region's new field becomes queryable", async () => {
    const before = await gql(QUERY, undefined, url);
    expect(before.status).toBe(400);
    expect(before.errors!.map((e) => e.message)).toContain(`Cannot query field "${FIELD}" on type "${REGION.typename}".`);

    writeFileSync(file, readFileSync(join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8'));
    await eventually(async () => {
      const after = await gql<{ r: Record<string, { facts: Array<{ id: string }> }> }>(QUERY, undefined, url);
      expect(after.errors).toBeUndefined();
      expect(after.data!.r[FIELD]!.facts.length).toBeGreaterThan(0);
    });
    expect(gatewayPid).toBeDefined();
    expect((await fetch(`http://127.0.0.1:${PORT}/health`)).ok).toBe(true);
    expect(() => process.kill(gatewayPid!, 0)).not.toThrow(); // the same process: no restart
  });

  it('schema:check --against the gateway: the running subgraphs serve what its supergraph plans for; a supergraph planning for more is refused', () => {
    const env = { ...process.env, ...Object.fromEntries(SUBGRAPHS.map((s) => [urlVar(s.code), inject('subgraphUrls')[s.code]!])), FORCE_COLOR: '0' };
    const run = (against: string) =>
      spawnSync(process.execPath, [join(ROOT, 'scripts', 'dist', 'schema-check.js'), '--against', against], { env, encoding: 'utf8', timeout: 60_000 });
    const ok = run(url);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Safe: the running subgraphs compose and serve everything the supergraph in use plans for.');
    const ahead = join(dir, 'ahead.graphql');
    writeFileSync(ahead, supergraphOf({ extra: [REGION.code, `extend type ${REGION.typename} { notDeployedYet: String }`] }));
    const refused = run(ahead);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(`${REGION.typename}.notDeployedYet`);
    expect(refused.stderr).toContain('Not safe');
  });

  it('refuses a supergraph that does not build and keeps serving the one in use', async () => {
    const inUse = readFileSync(file, 'utf8');
    writeFileSync(file, 'this is not a supergraph');
    await new Promise((r) => setTimeout(r, 1000)); // several polls
    const r = await gql(QUERY, undefined, url);
    expect(r.errors).toBeUndefined();
    expect(await (await fetch(`http://127.0.0.1:${PORT}/supergraph`)).text()).toBe(inUse);
  });
});
