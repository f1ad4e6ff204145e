/**
 * The Kubernetes manifests (deploy/k8s/, docs/DEPLOYMENT.md) are read and checked against the registry:
 * one Deployment + Service per subgraph with its image, port, probes, environment and secrets; the
 * gateway's replicas behind the only load balancer; non-root pods; and the files are what the registry
 * generates. There is no cluster here, so this is what can be checked without one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COMPARISON, GATEWAY, REGIONS, SUBGRAPHS } from '../contract/src/registry';
import {
  K8S_DATABASE_SECRET,
  K8S_DIR,
  K8S_GATEWAY_REPLICAS,
  K8S_IMAGE,
  K8S_SUBGRAPH_SECRET,
  K8S_TRACING_CONFIG,
  renderDockerCompose,
  renderKubernetes,
  COMPOSE_FILE,
} from '../scripts/lib/generated';
import { parse } from 'yaml';

const root = join(__dirname, '..');
const dir = join(root, K8S_DIR);
const files = readdirSync(dir)
  .filter((n) => n.endsWith('.yaml'))
  .sort();
type Manifest = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> }; spec: any; [k: string]: any };
const manifests: Array<Manifest & { file: string }> = files.flatMap((file) => {
  const docs = parseAllDocuments(readFileSync(join(dir, file), 'utf8'));
  for (const d of docs) if (d.errors.length) throw new Error(`${file}: ${d.errors.map((e) => e.message).join('; ')}`);
  return docs.map((d) => ({ ...(d.toJS() as Manifest), file }));
});
const of = (kind: string) => manifests.filter((m) => m.kind === kind);
const deploymentOf = (code: string) => of('Deployment').find((m) => m.metadata.name === code)!;
const serviceOf = (code: string) => of('Service').find((m) => m.metadata.name === code)!;
const container = (code: string) => deploymentOf(code).spec.template.spec.containers[0];
const env = (code: string) =>
  Object.fromEntries((container(code).env as Array<{ name: string; value?: string; valueFrom?: unknown }>).map((e) => [e.name, e.value ?? e.valueFrom]));
const secretRef = (s: { name: string; key: string }) => ({ secretKeyRef: { name: s.name, key: s.key } });

describe('deploy/k8s', () => {
  it('is what the registry generates, with no stale file (run `npm run generate`)', () => {
    const rendered = renderKubernetes();
    expect(files).toEqual(Object.keys(rendered).sort());
    for (const [name, text] of Object.entries(rendered)) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(text);
  });

  it('has one Deployment and one Service per subgraph and the gateway, and the kustomization lists every file', () => {
    const services = [...SUBGRAPHS, GATEWAY].map((s) => s.code).sort();
    expect(
      of('Deployment')
        .map((m) => m.metadata.name)
        .sort(),
    ).toEqual(services);
    expect(
      of('Service')
        .map((m) => m.metadata.name)
        .sort(),
    ).toEqual(services);
    const kustomization = of('Kustomization')[0]!;
    expect([...kustomization.resources].sort()).toEqual(files.filter((f) => f !== 'kustomization.yaml'));
    expect(kustomization.namespace).toBe(of('Namespace')[0]!.metadata.name);
  });

  it.each([...SUBGRAPHS, GATEWAY].map((s) => [s.code, s.port, s.dir] as const))(
    '%s: image, port, the Service selects it, non-root, resources',
    (code, port, serviceDir) => {
      const d = deploymentOf(code);
      const c = container(code);
      expect(c.image).toBe(K8S_IMAGE);
      expect(c.ports).toEqual([{ name: 'http', containerPort: port }]);
      expect(env(code)[`${code.toUpperCase()}_PORT`]).toBe(String(port));
      expect(env(code).SERVICE_DIR).toBe(serviceDir);
      expect(env(code).HOST).toBe('0.0.0.0');
      expect(env(code).NODE_ENV).toBe('production');
      expect(env(code).SUBGRAPH_SECRET).toEqual(secretRef(K8S_SUBGRAPH_SECRET));
      // the selector matches the pod template, and the Service reaches the container's port
      expect(d.spec.template.metadata.labels).toMatchObject(d.spec.selector.matchLabels);
      const s = serviceOf(code);
      expect(d.spec.template.metadata.labels).toMatchObject(s.spec.selector);
      expect(s.spec.ports).toHaveLength(1);
      expect(s.spec.ports[0].targetPort).toBe('http');
      // non-root, no privilege escalation, read-only root with a writable /tmp
      const pod = d.spec.template.spec;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(pod.securityContext.runAsUser).toBe(1000); // the image's `node` user (Dockerfile: USER node, uid 1000)
      expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      expect(c.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
      expect(c.resources.requests.cpu).toBeTruthy();
      expect(c.resources.requests.memory).toBeTruthy();
      expect(c.resources.limits.memory).toBeTruthy();
      expect(d.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    },
  );

  it.each(REGIONS.map((r) => r.code))('region %s: DATABASE_URL from the secret, readiness /ready, liveness /health, one replica (migrations)', (code) => {
    expect(env(code).DATABASE_URL).toEqual(secretRef(K8S_DATABASE_SECRET));
    const c = container(code);
    expect(c.readinessProbe.exec.command.join(' ')).toMatch(/\/ready'.*x-gateway-secret/);
    expect(c.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
    expect(c.startupProbe.httpGet.path).toBe('/health');
    expect(c.startupProbe.periodSeconds * c.startupProbe.failureThreshold).toBeGreaterThanOrEqual(60);
    expect(deploymentOf(code).spec.replicas).toBe(1);
    expect(Object.keys(env(code)).filter((k) => k.endsWith('_URL') && k !== 'DATABASE_URL')).toEqual([]);
  });

  it("the comparison subgraph: its read model's database from the Secret, every region's URL, readiness /ready, liveness /health, replicated", () => {
    expect(env(COMPARISON.code).DATABASE_URL).toEqual(secretRef(K8S_DATABASE_SECRET));
    for (const r of REGIONS) expect(env(COMPARISON.code)[`${r.code.toUpperCase()}_URL`]).toBe(`http://${r.code}:${r.port}/graphql`);
    expect(container(COMPARISON.code).readinessProbe.exec.command.join(' ')).toContain('/ready');
    expect(container(COMPARISON.code).livenessProbe.httpGet.path).toBe('/health');
    expect(deploymentOf(COMPARISON.code).spec.replicas).toBeGreaterThanOrEqual(2);
  });

  it('the gateway: replicas, every <CODE>_URL at its Service, no database, health probes, a disruption budget', () => {
    const e = env(GATEWAY.code);
    for (const s of SUBGRAPHS) {
      expect(e[`${s.code.toUpperCase()}_URL`]).toBe(`http://${s.code}:${s.port}/graphql`);
      // the URL names a Service that exists and listens on that port
      expect(serviceOf(s.code).spec.ports[0].port).toBe(s.port);
    }
    expect(e.DATABASE_URL).toBeUndefined();
    expect(deploymentOf(GATEWAY.code).spec.replicas).toBe(K8S_GATEWAY_REPLICAS);
    expect(K8S_GATEWAY_REPLICAS).toBeGreaterThanOrEqual(2);
    // readiness is /health: its /ready is "every subgraph ready" (one region down must not empty the load balancer)
    expect(container(GATEWAY.code).readinessProbe.httpGet.path).toBe('/health');
    expect(container(GATEWAY.code).livenessProbe.httpGet.path).toBe('/health');
    const pdb = of('PodDisruptionBudget').find((m) => m.metadata.name === GATEWAY.code)!;
    expect(pdb.spec.minAvailable).toBe(1);
    expect(pdb.spec.selector.matchLabels).toEqual(deploymentOf(GATEWAY.code).spec.selector.matchLabels);
  });

  it('only the gateway is exposed: the one LoadBalancer, every other Service ClusterIP, no Ingress, no NodePort', () => {
    const exposed = of('Service')
      .filter((s) => s.spec.type !== 'ClusterIP')
      .map((s) => [s.metadata.name, s.spec.type]);
    expect(exposed).toEqual([[GATEWAY.code, 'LoadBalancer']]);
    expect(of('Ingress')).toEqual([]);
    for (const s of of('Service')) for (const p of s.spec.ports) expect(p.nodePort).toBeUndefined();
    for (const d of of('Deployment')) expect(d.spec.template.spec.hostNetwork).toBeUndefined();
  });

  it('no secret value is committed: secrets come from Secret objects the operator creates', () => {
    expect(of('Secret')).toEqual([]);
    for (const d of of('Deployment')) {
      for (const e of d.spec.template.spec.containers[0].env) {
        if (/SECRET|DATABASE_URL|PASSWORD/.test(e.name)) expect(e.valueFrom?.secretKeyRef, `${d.metadata.name} ${e.name}`).toBeDefined();
      }
    }
  });

  it('runs the same services as docker-compose.yml, on the same ports', () => {
    expect(readFileSync(join(root, COMPOSE_FILE), 'utf8')).toBe(renderDockerCompose());
    const compose = parse(renderDockerCompose()) as { services: Record<string, { environment: Record<string, string> }> };
    for (const s of [...SUBGRAPHS, GATEWAY]) {
      const portVar = `${s.code.toUpperCase()}_PORT`;
      expect(env(s.code)[portVar]).toBe(compose.services[s.code]!.environment[portVar]);
      expect(env(s.code).SERVICE_DIR).toBe(compose.services[s.code]!.environment.SERVICE_DIR);
    }
  });

  it('tracing: every service reads the OTEL_* variables of one ConfigMap, whose endpoint is empty (off), as compose has them', () => {
    const config = of('ConfigMap').find((m) => m.metadata.name === K8S_TRACING_CONFIG)!;
    expect(config.data.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('');
    const compose = parse(readFileSync(join(root, COMPOSE_FILE), 'utf8')) as { services: Record<string, { environment?: Record<string, string> }> };
    const composeOtel = Object.keys(compose.services[GATEWAY.code]!.environment!).filter((k) => k.startsWith('OTEL_'));
    expect(composeOtel.every((k) => k in config.data)).toBe(true);
    for (const s of [...SUBGRAPHS, GATEWAY]) expect(container(s.code).envFrom).toEqual([{ configMapRef: { name: K8S_TRACING_CONFIG } }]);
  });
});
