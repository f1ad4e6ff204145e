/**
 * Persisted (trusted) documents: the operations known clients send, registered as manifests in a
 * directory (PERSISTED_DOCUMENTS_DIR, by default gateway/persisted-documents/): one JSON file per
 * client, `{ "sha256:<hex>": "<operation text>" }` (GraphQL Code Generator's persisted documents
 * output; a bare hex id works too). Every id is checked against its text when loaded.
 *
 * A request names its document by `documentId` or by Apollo's `extensions.persistedQuery.sha256Hash`;
 * a known one is run from the manifest. With PERSISTED_DOCUMENTS=require (production), any other
 * operation is refused with a 400 before any GraphQL work, unless its text is exactly a registered
 * one. With `off` (the default), ids are still resolved and any operation runs.
 */
import type { NextFunction, Request, Response } from 'express';
import { parse } from 'graphql';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type PersistedDocumentsMode = 'off' | 'require';
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hexOf = (id: string) => id.replace(/^sha256:/, '').toLowerCase();

export class PersistedDocuments {
  /** sha256 hex → operation text. */
  private readonly documents = new Map<string, string>();
  readonly manifests: string[] = [];

  /** Reads every *.json manifest in `dir` (none when it does not exist); throws on a bad one. */
  static load(dir: string): PersistedDocuments {
    const store = new PersistedDocuments();
    if (!existsSync(dir)) return store;
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      store.add(name, readFileSync(join(dir, name), 'utf8'));
    }
    return store;
  }

  add(name: string, text: string): void {
    let manifest: unknown;
    try {
      manifest = JSON.parse(text);
    } catch (e) {
      throw new Error(`persisted documents ${name}: not JSON (${(e as Error).message})`, { cause: e });
    }
    if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest))
      throw new Error(`persisted documents ${name}: expected an object { "sha256:<hex>": "<operation>" }`);
    for (const [id, operation] of Object.entries(manifest)) {
      if (typeof operation !== 'string') throw new Error(`persisted documents ${name}: ${id} is not an operation text`);
      if (!/^(sha256:)?[0-9a-fA-F]{64}$/.test(id)) throw new Error(`persisted documents ${name}: "${id}" is not a sha256 id ("sha256:<64 hex digits>")`);
      if (sha256(operation) !== hexOf(id)) throw new Error(`persisted documents ${name}: ${id} is not the sha256 of its operation text`);
      try {
        parse(operation);
      } catch (e) {
        throw new Error(`persisted documents ${name}: ${id} does not parse: ${(e as Error).message}`, { cause: e });
      }
      this.documents.set(hexOf(id), operation);
    }
    this.manifests.push(name);
  }

  get size(): number {
    return this.documents.size;
  }
  get(id: string): string | undefined {
    return this.documents.get(hexOf(id));
  }
  has(text: string): boolean {
    return this.documents.get(sha256(text)) === text;
  }
}

interface GraphQLBody {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } & Record<string, unknown>;
}
type Refusal = { status: number; code: string; message: string };

const NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';
const REQUIRED = 'PERSISTED_QUERY_REQUIRED';

/** Replaces a known id by its text (in place); the refusal when the request may not run. */
export function resolveDocument(body: GraphQLBody, store: PersistedDocuments, mode: PersistedDocumentsMode): Refusal | undefined {
  const persisted = body.extensions?.persistedQuery;
  const id = body.documentId ?? persisted?.sha256Hash;
  if (id !== undefined) {
    if (typeof id !== 'string') return { status: 400, code: 'BAD_REQUEST', message: 'documentId (or extensions.persistedQuery.sha256Hash) must be a string.' };
    const text = store.get(id);
    if (text !== undefined) {
      if (typeof body.query === 'string' && body.query !== text)
        return { status: 400, code: 'BAD_REQUEST', message: `The query sent differs from the registered document ${id}: send the id alone.` };
      body.query = text;
      delete body.documentId;
      if (body.extensions) {
        delete body.extensions.persistedQuery;
        if (Object.keys(body.extensions).length === 0) delete body.extensions;
      }
      return undefined;
    }
    if (mode === 'require')
      return {
        status: 400,
        code: NOT_FOUND,
        message: `Unknown persisted document ${id}: this gateway runs only the operations registered in its persisted documents manifests (see docs/OPERATIONS.md).`,
      };
    // Apollo's automatic persisted queries take over the hash; a documentId is known only here.
    if (body.documentId !== undefined) return { status: 400, code: NOT_FOUND, message: `Unknown persisted document ${id}.` };
    return undefined;
  }
  if (mode === 'require' && !(typeof body.query === 'string' && store.has(body.query))) {
    return {
      status: 400,
      code: REQUIRED,
      message:
        'This gateway runs only persisted (trusted) operations: send the documentId of an operation registered in its manifests (see docs/OPERATIONS.md).',
    };
  }
  return undefined;
}

/** Express middleware in front of the response cache and Apollo (after express.json). */
export function persistedDocumentsMiddleware(store: PersistedDocuments, mode: PersistedDocumentsMode) {
  return (req: Request, res: Response, next: NextFunction) => {
    let refusal: Refusal | undefined;
    if (req.method === 'POST') {
      const bodies = (Array.isArray(req.body) ? req.body : [req.body]) as unknown[];
      for (const b of bodies) {
        refusal = b && typeof b === 'object' ? resolveDocument(b as GraphQLBody, store, mode) : undefined;
        if (refusal) break;
      }
    } else if (req.method === 'GET' && mode === 'require') {
      // A GET runs only an operation whose text is registered (ids are resolved for POST only).
      const query = req.query.query;
      if (!(typeof query === 'string' && store.has(query)))
        refusal = {
          status: 400,
          code: REQUIRED,
          message: 'This gateway runs only persisted (trusted) operations: POST the documentId of a registered operation (see docs/OPERATIONS.md).',
        };
    }
    if (!refusal) return next();
    res.status(refusal.status).json({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
  };
}
