/**
 * Sends one of the dashboard's operations to /graphql as a persisted (trusted) document: first by
 * its hash alone (Apollo's `extensions.persistedQuery.sha256Hash`, the hash GraphQL Code Generator
 * put into the document), which a gateway that requires persisted documents accepts. Only when the
 * gateway does not know the hash (PERSISTED_QUERY_NOT_FOUND) is the full text sent instead.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export interface GqlError {
  message: string;
  extensions?: Record<string, unknown>;
}
export interface GqlResult<T> {
  data: T | null;
  errors: GqlError[];
}

type Persisted<T, V> = TypedDocumentNode<T, V> & { __meta__?: { hash?: string } };
const texts = new WeakMap<object, string>();
const textOf = (doc: object & Parameters<typeof print>[0]) => {
  let text = texts.get(doc);
  if (text === undefined) {
    text = print(doc);
    texts.set(doc, text);
  }
  return text;
};

async function post<T>(body: object, signal?: AbortSignal): Promise<GqlResult<T>> {
  const res = await fetch('/graphql', {
    method: 'POST',
    // application/json also satisfies the gateway's CSRF prevention.
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  let json: { data?: T | null; errors?: GqlError[] };
  try {
    json = await res.json();
  } catch {
    throw new Error(`HTTP ${res.status} from /graphql`);
  }
  return { data: json.data ?? null, errors: json.errors ?? [] };
}

export async function gql<T, V>(document: TypedDocumentNode<T, V>, variables?: V, signal?: AbortSignal): Promise<GqlResult<T>> {
  const hash = (document as Persisted<T, V>).__meta__?.hash;
  if (hash) {
    const persistedQuery = { version: 1, sha256Hash: hash };
    const byHash = await post<T>({ variables, extensions: { persistedQuery } }, signal);
    if (!byHash.errors.some((e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) return byHash;
    // The printed text may differ from the manifest's (whitespace), so it is sent without the hash.
    return post<T>({ query: textOf(document), variables }, signal);
  }
  return post<T>({ query: textOf(document), variables }, signal);
}
