/**
 * Breaking-change detection, as the ecosystem does it: the API schema clients see (the supergraph
 * without its federation machinery, from @apollo/federation-internals) of the code as it is now, diffed
 * with @graphql-inspector/core against the API schema of the committed gateway/supergraph.graphql.
 * A breaking change fails `npm run schema:check` and `npm run compose` unless it is acknowledged (who
 * decided it, and why) by its owner: a change to a region's own types or drill-down field in that
 * region's `subgraphs/<code>/schema-changes.json`, any other change in the root schema-changes.json.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';
import { REGIONS, type RegionEntry } from '@samverkan/contract';
import { ROOT } from './paths';

// @apollo/federation-internals is a dependency of @apollo/composition: load the copy it uses.
const federationInternals = createRequire(require.resolve('@apollo/composition'))(
  '@apollo/federation-internals',
) as typeof import('@apollo/federation-internals');

export const SCHEMA_CHANGES_FILE = 'schema-changes.json';

export interface Acknowledgement {
  /** The change's message exactly as reported, e.g. "Field 'rotation' was removed from object type 'Office'". */
  message?: string;
  /** Or its schema path, e.g. "Office.rotation" (with `type`, e.g. "FIELD_REMOVED", to be precise). */
  path?: string;
  type?: string;
  /** Why the break is acceptable (who was told, what replaces it). */
  reason: string;
  acknowledgedBy: string;
  date?: string;
  /** The file it was read from (set by readSchemaChanges); it only counts for changes that file owns. */
  file?: string;
}

export interface SchemaChangesFile {
  acknowledged: Acknowledgement[];
}

export interface SchemaCheckResult {
  changes: Change[];
  breaking: Change[];
  acknowledged: Array<{ change: Change; by: Acknowledgement }>;
  unacknowledged: Change[];
  dangerous: Change[];
  safe: Change[];
  /** Breaking changes the caller intends (see `ignore`), reported but not failing. */
  ignored: Change[];
}

/** The API schema of a supergraph SDL: what clients of the gateway can query. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return federationInternals.Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

export function parseSchemaChanges(text: string, file = SCHEMA_CHANGES_FILE): SchemaChangesFile {
  const json = JSON.parse(text) as Partial<SchemaChangesFile>;
  if (!json || !Array.isArray(json.acknowledged)) throw new Error(`${file}: expected { "acknowledged": [ ... ] }`);
  json.acknowledged.forEach((a, i) => {
    if (!a || (typeof a.message !== 'string' && typeof a.path !== 'string')) throw new Error(`${file}: acknowledged[${i}] needs "message" or "path"`);
    if (typeof a.reason !== 'string' || !a.reason.trim()) throw new Error(`${file}: acknowledged[${i}] needs a "reason"`);
    if (typeof a.acknowledgedBy !== 'string' || !a.acknowledgedBy.trim()) throw new Error(`${file}: acknowledged[${i}] needs "acknowledgedBy"`);
  });
  return json as SchemaChangesFile;
}

/** The region that owns a schema path: its own types (named with its prefix) and its drill-down root field. */
export function regionOwning(path: string | undefined): RegionEntry | undefined {
  if (!path) return undefined;
  const [type, field] = path.split('.');
  return REGIONS.find((r) => type!.startsWith(r.typename.replace(/Region$/, '')) || (type === 'Query' && field === r.code));
}

/** Where a change is acknowledged: its region's file, or the root file for everything else. */
export function schemaChangesFileFor(change: Pick<Change, 'path'>): string {
  const region = regionOwning(change.path);
  return region ? `subgraphs/${region.code}/${SCHEMA_CHANGES_FILE}` : SCHEMA_CHANGES_FILE;
}

/** Every acknowledgement: the root file's and each region's, each marked with its file. */
export function readSchemaChanges(root = ROOT): SchemaChangesFile {
  const files = [SCHEMA_CHANGES_FILE, ...REGIONS.map((r) => `subgraphs/${r.code}/${SCHEMA_CHANGES_FILE}`)];
  const acknowledged = files.flatMap((file) => {
    const path = join(root, file);
    return existsSync(path) ? parseSchemaChanges(readFileSync(path, 'utf8'), file).acknowledged.map((a) => ({ ...a, file })) : [];
  });
  return { acknowledged };
}

export function acknowledgementFor(change: Change, acks: readonly Acknowledgement[]): Acknowledgement | undefined {
  return acks.find(
    (a) =>
      (a.file === undefined || a.file === schemaChangesFileFor(change)) &&
      (a.message !== undefined ? a.message === change.message : true) &&
      (a.path !== undefined ? a.path === change.path : true) &&
      (a.type !== undefined ? a.type === change.type : true),
  );
}

/**
 * Diffs two supergraphs' API schemas. `ignore` drops breaking changes that are intended by the
 * caller itself (`npm run new-region -- --remove` removing the region it scaffolded).
 */
export async function checkSchemaChanges(
  committedSupergraph: string,
  currentSupergraph: string,
  acks: readonly Acknowledgement[],
  ignore: (c: Change) => boolean = () => false,
): Promise<SchemaCheckResult> {
  const changes = await diff(apiSchemaOf(committedSupergraph), apiSchemaOf(currentSupergraph));
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking && !ignore(c));
  const acknowledged: SchemaCheckResult['acknowledged'] = [];
  const unacknowledged: Change[] = [];
  for (const change of breaking) {
    const by = acknowledgementFor(change, acks);
    if (by) acknowledged.push({ change, by });
    else unacknowledged.push(change);
  }
  return {
    changes,
    breaking,
    acknowledged,
    unacknowledged,
    dangerous: changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous),
    safe: changes.filter((c) => c.criticality.level === CriticalityLevel.NonBreaking),
    ignored: changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking && ignore(c)),
  };
}

/** Breaking changes that only remove region `code` (its type and its drill-down root field). */
export const removesRegion = (code: string, typename: string) => {
  // The region's own types all carry its prefix (KalmarRegion, KalmarBody, KalmarRole, KalmarMemberSelection ...).
  const prefix = typename.replace(/Region$/, '');
  const ownType = (name: string | undefined) => Boolean(name && name.startsWith(prefix) && /^[A-Z]/.test(name.slice(prefix.length)));
  return (c: Change) => ownType(c.path?.split('.')[0]) || c.path === `Query.${code}` || (c.path?.startsWith(`Query.${code}.`) ?? false);
};

/** A readable report; for unacknowledged breaks, how to acknowledge them. */
export function formatReport(r: SchemaCheckResult): string {
  const lines: string[] = [];
  const line = (c: Change) => `  - ${c.message}${c.path ? `  [${c.path}]` : ''}`;
  if (r.changes.length === 0) lines.push('Schema check: the API schema is unchanged.');
  else
    lines.push(
      `Schema check: ${r.changes.length} change(s) to the API schema: ${r.breaking.length + r.ignored.length} breaking, ${r.dangerous.length} dangerous, ${r.safe.length} safe.`,
    );
  if (r.safe.length) lines.push('Safe:', ...r.safe.map(line));
  if (r.dangerous.length)
    lines.push(
      'Dangerous (allowed, but tell the clients):',
      ...r.dangerous.map((c) => `${line(c)}${c.criticality.reason ? ` (${c.criticality.reason})` : ''}`),
    );
  if (r.ignored.length) lines.push('Breaking, intended by this command (the removal of a region):', ...r.ignored.map(line));
  if (r.acknowledged.length)
    lines.push('Breaking, acknowledged:', ...r.acknowledged.map(({ change, by }) => `${line(change)} (by ${by.acknowledgedBy}: ${by.reason})`));
  if (r.unacknowledged.length) {
    lines.push('BREAKING, not acknowledged:', ...r.unacknowledged.map(line));
    lines.push(
      '',
      `A client using these fields or types would break. Either keep the schema compatible (deprecate first:`,
      `@deprecated(reason: "...") and remove later), or acknowledge each break in its owner's file, committed`,
      'with the change, for example:',
    );
    for (const file of new Set(r.unacknowledged.map(schemaChangesFileFor))) {
      const changes = r.unacknowledged.filter((c) => schemaChangesFileFor(c) === file);
      lines.push(
        `  ${file}:`,
        JSON.stringify(
          {
            acknowledged: changes.map((c) => ({
              message: c.message,
              path: c.path,
              reason: 'why this is acceptable, who was told',
              acknowledgedBy: 'your name',
            })),
          },
          null,
          2,
        )
          .split('\n')
          .map((l) => `    ${l}`)
          .join('\n'),
      );
    }
  }
  return lines.join('\n');
}
