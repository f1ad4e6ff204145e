/**
 * The review page's server: a development tool bound to 127.0.0.1, never part of the gateway. It
 * serves the built page and a small JSON API:
 *
 *   GET  /api/session  the document's text and blocks, the data under review, the choices of each enum
 *   POST /api/check    {data} -> {problems}: the checks of `npm run check-data` on that data
 *   POST /api/save     {data} -> writes the data file (proposals nobody accepted left out) when it
 *                      passes every check (422 with the problems otherwise), then asks a running
 *                      `npm start` of this checkout to restart the region
 *
 * Requests are limited in size (413), must be JSON (415, 400), and can write one file only: the data
 * file of the document under review, in the region's data folder, through a temporary file and a rename.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import {
  ARTIFACT_KINDS,
  BODY_KINDS,
  DUTY_CATEGORIES,
  EVENT_KINDS,
  LEVEL_BASES,
  LEVELS,
  PARENT_RELATIONS,
  PERMANENCE,
  PLAN_KINDS,
  ROLE_KINDS,
  SUBSTITUTE_RULES,
} from '@samverkan/contract';
import { documentBlocks } from './blocks';
import { checkCandidate, type ReviewTarget } from './check';
import { formatDataFile } from './format';
import { countProposals, withoutMarks, withoutProposals, type Json } from './model';

export interface ReviewOptions extends ReviewTarget {
  region: string;
  regionName: string;
  /** The data the page starts from: a draft or the region's data file. */
  data: Json;
  /** Where it came from, for the page's heading. */
  origin: string;
  documentText: string;
  /** The built page (index.html and assets). */
  pageDir: string;
  /** After a save: restart the region in a running federation; says what happened. */
  restart?: () => Promise<string>;
}

export const BODY_LIMIT = 8 * 1024 * 1024;

const ENUMS = {
  'bodies.kind': BODY_KINDS,
  'roles.kind': ROLE_KINDS,
  'plans.kind': PLAN_KINDS,
  'events.kind': EVENT_KINDS,
  level: LEVELS,
  levelBasis: LEVEL_BASES,
  permanence: PERMANENCE,
  relation: PARENT_RELATIONS,
  rule: SUBSTITUTE_RULES,
  category: DUTY_CATEGORIES,
  artifact: ARTIFACT_KINDS,
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readData(req: IncomingMessage, file: string): Promise<Json> {
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'send the data as application/json');
  // Past the limit the rest is read and dropped, so the client gets the 413 rather than a reset connection.
  const raw = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) chunks.push(chunk);
    });
    req.on('end', () =>
      size > BODY_LIMIT ? reject(new HttpError(413, `the request is over ${BODY_LIMIT / 1024 / 1024} MB`)) : resolve(Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch (e) {
    throw new HttpError(400, `the request is not JSON: ${(e as Error).message}`);
  }
  const data = (body as { data?: unknown } | null)?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new HttpError(400, 'the request needs {"data": <the data file>}');
  if ((data as Json).file !== file) throw new HttpError(400, `this page reviews ${file}; the data is about ${JSON.stringify((data as Json).file)}`);
  return data as Json;
}

/** Writes `text` to `path` whole or not at all: a temporary file beside it, then a rename. */
function writeAtomically(path: string, text: string): void {
  const temporary = join(dirname(path), `.${process.pid}.${Date.now()}.review.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

export function createReviewServer(options: ReviewOptions): Server {
  const dataDir = resolve(options.dataDir);
  const target = join(dataDir, options.name);
  // The one file this server writes: a plain name in the region's folder.
  if (dirname(target) !== dataDir || !/^[\w.-]+\.json$/.test(options.name)) throw new Error(`refusing to write ${target}: not a data file in ${dataDir}`);
  const file = String(options.data.file);
  const session = {
    region: options.region,
    regionName: options.regionName,
    file,
    name: options.name,
    origin: options.origin,
    target,
    documentText: options.documentText,
    blocks: documentBlocks(options.documentText),
    enums: ENUMS,
    data: options.data,
  };

  const api = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (path === '/api/session') {
      if (req.method !== 'GET') throw new HttpError(405, 'GET only');
      return send(res, 200, session);
    }
    if (req.method !== 'POST') throw new HttpError(405, 'POST only');
    const data = await readData(req, file);
    if (path === '/api/check') return send(res, 200, { problems: checkCandidate(options, withoutMarks(data)) });
    if (path !== '/api/save') throw new HttpError(404, `no such API: ${path}`);
    const saved = withoutProposals(data);
    const problems = checkCandidate(options, saved);
    if (problems.length) return send(res, 422, { error: `not saved: ${problems.length} problem${problems.length === 1 ? '' : 's'}`, problems });
    writeAtomically(target, formatDataFile(saved));
    session.data = data;
    const restart = options.restart ? await options.restart() : 'not asked';
    return send(res, 200, { saved: target, proposalsLeftOut: countProposals(data), restart });
  };

  const page = (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'GET only');
    const relative = path === '/' ? 'index.html' : decodeURIComponent(path.slice(1));
    const full = resolve(options.pageDir, relative);
    if (!full.startsWith(`${resolve(options.pageDir)}/`) || !existsSync(full) || !TYPES[extname(full)]) throw new HttpError(404, `not found: ${path}`);
    const body = readFileSync(full);
    res.writeHead(200, { 'content-type': TYPES[extname(full)]!, 'content-length': body.length, 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    (async () => (path.startsWith('/api/') ? api(req, res, path) : page(req, res, path)))().catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (!res.headersSent) send(res, status, { error: (e as Error).message });
      else res.destroy();
    });
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 10_000;
  return server;
}
