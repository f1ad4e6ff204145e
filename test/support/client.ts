/**
 * A tiny GraphQL-over-HTTP client for tests: real HTTP, no mocks. It accepts GraphQL over HTTP's
 * application/graphql-response+json, under which a request error (parse, validation, variables, a
 * limit) is a 400; under application/json the same answer is a 200 (gateway/src/media-type.ts).
 */
import { inject } from 'vitest';

export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export async function gql<T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  url: string = inject('gatewayUrl'),
): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE_JSON },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GraphQLResponse<T>;
  return { ...body, status: res.status };
}

/** Like gql, but fails the test on any GraphQL error. */
export async function gqlOk<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, url?: string): Promise<T> {
  const r = await gql<T>(query, variables, url);
  if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

/** Drops the PostgreSQL schemas of a test's own services, so a run starts from nothing. */
export async function dropSchemas(databaseUrl: string, schemas: string[]): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const s of schemas) await client.query(`drop schema if exists "${s.replace(/"/g, '""')}" cascade`);
  } finally {
    await client.end();
  }
}

/** Runs `check` until it passes or `ms` is over (then its last failure is the test's); resolves with how long it took. */
export async function eventually(check: () => Promise<void>, ms = 10_000, everyMs = 50): Promise<number> {
  const start = Date.now();
  for (;;) {
    try {
      await check();
      return Date.now() - start;
    } catch (e) {
      if (Date.now() - start > ms) throw e;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}
