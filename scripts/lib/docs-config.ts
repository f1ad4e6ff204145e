/**
 * The configuration reference (docs/CONFIGURATION.md) and .env.example, both rendered from the
 * validation schemas the services and npm start parse their environment with: a variable is
 * documented exactly when it is validated, with the type, range and default the schema has.
 */
import { z } from 'zod';
import {
  COMPARISON,
  GATEWAY,
  COMPARISON_NODE_OPTIONS,
  GATEWAY_NODE_OPTIONS,
  HttpLimitsSchema,
  REGION_NODE_OPTIONS,
  portSchema,
  portVar,
  REGIONS,
  RegionEnvSchema,
  ServiceConfigSchema,
  SUBGRAPHS,
  TracingSchema,
  urlVar,
  type ServiceEntry,
} from '@samverkan/shared';
import { GatewaySchema, GatewayUrlsSchema } from '@samverkan/gateway/dist/config';
import { ComparisonSchema } from '@samverkan/comparison/dist/config';
import { localUrl, serviceOverrides, StartSchema, ToolsSchema } from './start-config';

export const CONFIGURATION_FILE = 'docs/CONFIGURATION.md';
export const ENV_EXAMPLE_FILE = '.env.example';

const REGION_LIST = REGIONS.map((r) => r.code).join(', ');
const ALL_SERVICES = `gateway, comparison, regions (${REGION_LIST})`;

interface Group {
  title: string;
  /** Who reads the variables of this group. */
  readBy: string;
  schema: z.ZodObject;
  /** Who reads a variable, where it differs from the group's. */
  readByOf?: Record<string, string>;
}

const GROUPS: Group[] = [
  {
    title: 'Every service',
    readBy: ALL_SERVICES,
    schema: ServiceConfigSchema,
    readByOf: { DATABASE_URL: 'regions, comparison, npm start', DB_SCHEMA_PREFIX: 'regions, comparison', DB_POOL_MAX: 'regions, comparison' },
  },
  { title: 'HTTP server limits', readBy: ALL_SERVICES, schema: HttpLimitsSchema },
  { title: 'Tracing (OpenTelemetry)', readBy: ALL_SERVICES, schema: TracingSchema },
  {
    title: 'Ports',
    readBy: 'the service named, npm start',
    schema: z.object(Object.assign({}, ...[...SUBGRAPHS, GATEWAY].map((s) => portSchema(portVar(s.code), s.port).shape))),
    readByOf: Object.fromEntries([...SUBGRAPHS, GATEWAY].map((s) => [portVar(s.code), `${s.code}, npm start`])),
  },
  { title: 'Gateway', readBy: 'gateway', schema: GatewaySchema.extend(GatewayUrlsSchema.shape) },
  { title: 'Comparison subgraph', readBy: 'comparison', schema: ComparisonSchema },
  { title: 'Region subgraphs', readBy: `regions (${REGION_LIST})`, schema: RegionEnvSchema },
  { title: 'npm start (and the test harness)', readBy: 'npm start', schema: StartSchema },
  { title: 'Development and measurement tools', readBy: 'the tool named in each description', schema: ToolsSchema },
];

export interface Variable {
  name: string;
  group: string;
  readBy: string;
  type: string;
  range: string;
  /** The default as it would be written in the environment; undefined: none (unset). */
  default: string | undefined;
  description: string;
}

type Json = {
  type?: string;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  anyOf?: Json[];
  description?: string;
};

function typeOf(j: Json): string {
  if (j.anyOf)
    return j.anyOf
      .map(typeOf)
      .filter((t, i, all) => all.indexOf(t) === i)
      .join(' | ');
  if (j.enum) {
    const values = j.enum.map(String);
    return [...values].sort().join(',') === '0,1,false,true' ? 'boolean (true, false, 1, 0)' : values.join(' | ');
  }
  if (j.format === 'uri') return 'URL';
  return j.type ?? 'string';
}

function rangeOf(j: Json): string {
  if (j.anyOf) return j.anyOf.map(rangeOf).filter(Boolean).join('; ');
  const parts: string[] = [];
  if (j.exclusiveMinimum !== undefined) parts.push(`> ${j.exclusiveMinimum}`);
  if (j.minimum !== undefined) parts.push(`≥ ${j.minimum}`);
  if (j.maximum !== undefined && j.maximum < Number.MAX_SAFE_INTEGER) parts.push(`≤ ${j.maximum}`);
  if (j.minLength) parts.push(`at least ${j.minLength} characters`);
  if (j.pattern) parts.push(`matches \`${j.pattern}\``);
  return parts.join(', ');
}

/** The default of a field (zod's own, also through optional/pipe wrappers), as environment text. */
function defaultOf(field: z.ZodType): string | undefined {
  const def = (field as unknown as { _zod: { def: { type: string; defaultValue?: unknown; innerType?: z.ZodType } } })._zod.def;
  if (def.type === 'default') return String(def.defaultValue);
  return undefined;
}

/** Every variable, group by group, in schema order. */
export function configVariables(): Variable[] {
  const all = GROUPS.flatMap((g) => {
    const json = z.toJSONSchema(g.schema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, Json> };
    return Object.entries(g.schema.shape).map(([name, field]) => {
      const j = json.properties[name] ?? {};
      return {
        name,
        group: g.title,
        readBy: g.readByOf?.[name] ?? g.readBy,
        type: typeOf(j),
        range: rangeOf(j),
        default: defaultOf(field as z.ZodType),
        description: (field as z.ZodType).description ?? j.description ?? '',
      };
    });
  });
  // A variable two readers validate (DATABASE_URL: the services and npm start; the regions' URLs: the
  // gateway and the comparison) is listed once, where it first appears, with every reader.
  const first = new Map<string, Variable>();
  for (const v of all) {
    const earlier = first.get(v.name);
    if (!earlier) first.set(v.name, v);
    else if (!earlier.readBy.includes(v.readBy)) earlier.readBy += `, ${v.readBy}`;
  }
  return [...first.values()];
}

const EMBEDDED_URL = "the embedded PostgreSQL's URL, or DATABASE_URL as given";

/** What npm start sets in each service's environment, whatever the environment says (variable → value). */
export function startOverrides(): Record<string, string> {
  const sets = serviceOverrides(EMBEDDED_URL, (s: ServiceEntry) => s.port);
  for (const s of [...SUBGRAPHS, GATEWAY]) sets[portVar(s.code)] = `${s.port} (or ${portVar(s.code)} as given to npm start)`;
  // The URL follows the port npm start gives the service: the registry's, or <CODE>_PORT as given.
  for (const s of SUBGRAPHS) sets[urlVar(s.code)] = `\`${localUrl(s.port)}\`, on ${portVar(s.code)} when given to npm start`;
  return sets;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string | undefined) => (s === undefined ? '' : s === '' ? '(empty)' : `\`${s}\``);

export function renderConfigurationDoc(): string {
  const overrides = startOverrides();
  const out = [
    "<!-- GENERATED by `npm run generate` from the validation schemas (scripts/lib/docs-config.ts). Do not edit: change the schema's description. -->",
    '# Configuration reference',
    '',
    'Every service reads its configuration from the environment and validates it at start: a bad value stops',
    'the service with `Invalid configuration: NAME=value: reason`, naming each bad variable. An empty value counts',
    'as unset. `npm start` reads a `.env` file in the repository root when there is one (not committed;',
    '`.env.example` lists every variable below with its default, and is generated from the same schemas).',
    '',
    'The schemas: `shared/src/config.ts` (every service, region subgraphs), `gateway/src/config.ts`,',
    '`subgraphs/comparison/src/config.ts`, `scripts/lib/start-config.ts` (npm start).',
    '',
  ];
  for (const g of GROUPS) {
    out.push(`## ${g.title}`, '', `Read by: ${g.readBy}.`, '');
    out.push('| variable | read by | type | range | default | npm start sets | description |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const v of configVariables().filter((x) => x.group === g.title)) {
      const setByStart = overrides[v.name] === undefined ? '' : 'yes';
      out.push(`| \`${v.name}\` | ${cell(v.readBy)} | ${cell(v.type)} | ${cell(v.range)} | ${code(v.default)} | ${setByStart} | ${cell(v.description)} |`);
    }
    out.push('');
  }
  out.push(
    '## What `npm start` sets',
    '',
    '`npm start` (scripts/start.ts, through `serviceOverrides` in scripts/lib/start-config.ts) starts every service',
    "on this machine and sets these in each service's environment, replacing what the environment says: a `<CODE>_URL`",
    'you export is used by a service you start alone (`node gateway/dist/index.js`), not under `npm start`.',
    '',
    '| variable | npm start sets it to |',
    '| --- | --- |',
    ...Object.entries(overrides).map(([name, value]) => `| \`${name}\` | ${cell(value.startsWith('http') ? `\`${value}\`` : value)} |`),
    `| \`NODE_OPTIONS\` (gateway, regions, comparison) | the given \`NODE_OPTIONS\` plus \`${GATEWAY_NODE_OPTIONS}\` (gateway), \`${REGION_NODE_OPTIONS}\` (region) or \`${COMPARISON_NODE_OPTIONS}\` (comparison); a heap flag the given ones set wins |`,
    '',
    `The comparison (\`${COMPARISON.code}\`) reads the regions' \`<CODE>_URL\` too, to sync its read model (default: the registry's port on 127.0.0.1).`,
    '',
  );
  return out.join('\n');
}

/** .env.example: every variable with its default (commented out where it has none or npm start sets it). */
export function renderEnvExample(): string {
  const overrides = startOverrides();
  const out = [
    '# GENERATED by `npm run generate` from the validation schemas; the reference is docs/CONFIGURATION.md.',
    '# Copy to .env (not committed; npm start reads it) or export in your shell. Every value below is the default;',
    '# a commented line has no default (unset), or npm start sets it for the services it starts.',
  ];
  let group = '';
  for (const v of configVariables()) {
    if (v.group !== group) {
      group = v.group;
      out.push('', `# --- ${group} (read by: ${GROUPS.find((g) => g.title === group)!.readBy})`);
    }
    out.push(`# ${v.description}${v.type ? ` [${v.type}${v.range ? `; ${v.range}` : ''}]` : ''}`);
    // npm start replaces the subgraphs' URLs (the ports and DATABASE_URL it takes from here).
    const set = overrides[v.name] !== undefined && v.name.endsWith('_URL') && v.name !== 'DATABASE_URL';
    out.push(v.default === undefined || set ? `# ${v.name}=${v.default ?? ''}${set ? '   (npm start sets it)' : ''}` : `${v.name}=${v.default}`);
  }
  out.push('');
  return out.join('\n');
}
