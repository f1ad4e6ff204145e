/**
 * Docker has no engine on this machine, so docker-compose.yml and the Dockerfile are checked by
 * reading them: every registered service is there with its port, database, healthcheck and
 * dependencies; only the gateway is published; the file is what the registry generates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COMPARISON, GATEWAY, REGIONS, SUBGRAPHS } from '../contract/src/registry';
import { COMPOSE_FILE, COMPOSE_SECRETS, renderDockerCompose } from '../scripts/lib/generated';

const root = join(__dirname, '..');
const composeText = readFileSync(join(root, COMPOSE_FILE), 'utf8');
const compose = parse(composeText) as { services: Record<string, Record<string, any>> };
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

describe('docker-compose.yml', () => {
  it('is what the registry generates (run `npm run generate`)', () => {
    expect(composeText).toBe(renderDockerCompose());
  });

  it('has PostgreSQL, every subgraph and the gateway, and nothing else but in the tracing profile', () => {
    const always = Object.keys(compose.services).filter((name) => !compose.services[name]!.profiles);
    expect(always.sort()).toEqual(['postgres', ...SUBGRAPHS.map((s) => s.code), GATEWAY.code].sort());
    expect(Object.keys(compose.services).filter((name) => compose.services[name]!.profiles)).toEqual(['jaeger']);
  });

  it("the tracing profile: Jaeger, its UI on the host's loopback only, every service pointed at it when the profile is on", () => {
    // The endpoint is set exactly when COMPOSE_PROFILES is: the profile must be the only one for that to be right.
    const profiles = new Set(Object.values(compose.services).flatMap((s) => (s.profiles ?? []) as string[]));
    expect([...profiles]).toEqual(['tracing']);
    const jaeger = compose.services.jaeger!;
    expect(jaeger.image).toMatch(/^jaegertracing\/all-in-one:\d+\.\d+\.\d+$/);
    expect(jaeger.expose).toEqual(['4318']); // OTLP/HTTP
    expect(jaeger.ports).toEqual(['127.0.0.1:${JAEGER_UI_PORT:-16686}:16686']);
    for (const s of [...SUBGRAPHS, GATEWAY]) {
      expect(compose.services[s.code]!.environment.OTEL_EXPORTER_OTLP_ENDPOINT, s.code).toBe('${COMPOSE_PROFILES:+http://jaeger:4318}');
    }
  });

  it.each(REGIONS.map((r) => [r.code, r.port] as const))('region %s: its port, its database, readiness after postgres', (code, port) => {
    const s = compose.services[code]!;
    expect(s.environment.SERVICE_DIR).toBe(`subgraphs/${code}`);
    expect(s.environment[`${code.toUpperCase()}_PORT`]).toBe(String(port));
    expect(s.environment.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(s.environment.HOST).toBe('0.0.0.0');
    expect(s.depends_on.postgres.condition).toBe('service_healthy');
    expect(s.healthcheck.test.join(' ')).toContain(`127.0.0.1:${port}/ready`);
    expect(s.expose).toEqual([String(port)]);
    expect(s.ports).toBeUndefined();
  });

  it("the comparison subgraph has its port and healthcheck, its read model's database, every region's URL, and no published port", () => {
    const s = compose.services[COMPARISON.code]!;
    expect(s.environment[`COMPARISON_PORT`]).toBe(String(COMPARISON.port));
    expect(s.environment.DATABASE_URL).toBe(compose.services[REGIONS[0]!.code]!.environment.DATABASE_URL);
    for (const r of REGIONS) expect(s.environment[`${r.code.toUpperCase()}_URL`]).toBe(`http://${r.code}:${r.port}/graphql`);
    expect(s.healthcheck.test.join(' ')).toContain(`:${COMPARISON.port}/ready`);
    expect(s.ports).toBeUndefined();
  });

  it('the gateway is the only published service and reaches every subgraph by its service name', () => {
    const g = compose.services[GATEWAY.code]!;
    expect(g.ports).toEqual([`\${GATEWAY_PUBLIC_PORT:-${GATEWAY.port}}:${GATEWAY.port}`]);
    for (const s of SUBGRAPHS) {
      expect(g.environment[`${s.code.toUpperCase()}_URL`]).toBe(`http://${s.code}:${s.port}/graphql`);
      expect(g.depends_on[s.code]).toBeDefined();
    }
    // Jaeger's UI (tracing profile) is published on the host's loopback only.
    const published = Object.entries(compose.services)
      .filter(([, s]) => s.ports?.some((p: string) => !p.startsWith('127.0.0.1:')))
      .map(([name]) => name);
    expect(published).toEqual([GATEWAY.code]);
  });
});

describe('docker-compose.yml secrets', () => {
  it('has no committed password or empty secret: docker compose refuses to start without POSTGRES_PASSWORD and SUBGRAPH_SECRET', () => {
    expect(composeText).not.toMatch(/\$\{(POSTGRES_PASSWORD|SUBGRAPH_SECRET):-/);
    expect(compose.services.postgres!.environment.POSTGRES_PASSWORD).toBe(COMPOSE_SECRETS.POSTGRES_PASSWORD);
    for (const s of [...SUBGRAPHS.map((x) => x.code), GATEWAY.code]) {
      expect(compose.services[s]!.environment.SUBGRAPH_SECRET, s).toBe(COMPOSE_SECRETS.SUBGRAPH_SECRET);
    }
    for (const r of REGIONS) expect(compose.services[r.code]!.environment.DATABASE_URL).toContain(COMPOSE_SECRETS.POSTGRES_PASSWORD);
    for (const secret of Object.values(COMPOSE_SECRETS)) expect(secret).toMatch(/^\$\{[A-Z_]+:\?.+\}$/);
  });
});

describe('Dockerfile', () => {
  it('installs every workspace, builds, and runs as a non-root user', () => {
    for (const dir of [...SUBGRAPHS.map((s) => s.dir), GATEWAY.dir, 'contract', 'shared']) expect(dockerfile).toContain(`COPY ${dir}/package.json ${dir}/`);
    expect(dockerfile).toMatch(/^FROM .* AS build$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain('npm ci');
  });

  it("copies every workspace's package.json before `npm ci` (npm ci fails on a missing workspace)", () => {
    const workspaces = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
    const beforeCi = dockerfile.slice(0, dockerfile.indexOf('RUN npm ci'));
    for (const ws of workspaces) expect(beforeCi, ws).toContain(`COPY ${ws}/package.json ${ws}/`);
  });

  it('copies the source documents where a region subgraph looks for them (docs/sources/ above its data: /app/docs/sources)', () => {
    const build = dockerfile.slice(0, dockerfile.lastIndexOf('\nFROM '));
    expect(build).toMatch(/^WORKDIR \/app$/m);
    expect(build).toMatch(/^COPY docs\/sources docs\/sources$/m);
    expect(build).toMatch(/^COPY subgraphs subgraphs$/m); // the data: /app/subgraphs/<code>/data
    expect(
      readFileSync(join(root, '.dockerignore'), 'utf8')
        .split('\n')
        .map((l) => l.trim()),
    ).not.toContain('docs');
  });

  it('the runtime stage is a second stage, as uid 1000 (Kubernetes runAsUser), on files the service cannot change', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).not.toMatch(/ AS build/);
    expect(runtime).toMatch(/^COPY --from=build \/app \/app$/m);
    expect(runtime).not.toContain('--chown');
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime.indexOf('USER node')).toBeGreaterThan(runtime.indexOf('COPY --from=build'));
  });

  it('both stages run the Node 24 LTS minor that .nvmrc names (.ci/node24 tests that version)', () => {
    const nvmrc = readFileSync(join(root, '.nvmrc'), 'utf8').trim();
    expect(nvmrc).toMatch(/^24\.\d+$/);
    const images = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(images).toEqual([`node:${nvmrc}-bookworm-slim`, `node:${nvmrc}-bookworm-slim`]);
  });
});
