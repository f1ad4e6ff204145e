/**
 * Identical requests in flight are merged: while one request is being answered, the same request
 * (the same normalized operation, name and variables: the cache key, known-costs.ts `keys`, and the same response media type) waits for that answer instead of doing
 * the work again, and gets the same status and body. Nothing here is per user (as for the response
 * cache), so sharing an answer shares nothing that must not be shared.
 */
import type { NextFunction, Request, Response } from 'express';
import { requestIdOfResponse } from './request-id';
import type { KeyedRequest } from './known-costs';
import { responseMediaType } from './media-type';

interface Answer {
  status: number;
  contentType: string;
  retryAfter?: string;
  body: string | Buffer;
}

export class InFlight {
  private readonly pending = new Map<string, Promise<Answer | undefined>>();
  merged = 0;

  get size(): number {
    return this.pending.size;
  }

  /** Whether a request with this cache key and response media type is being answered (a new one would be merged). */
  has(mediaType: string, cacheKey: string): boolean {
    return this.pending.has(`${mediaType} ${cacheKey}`);
  }

  middleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'POST') return next();
      const operation = (req as Request & KeyedRequest).cacheKey;
      if (!operation) return next();
      // The media type sets the status of a request error (media-type.ts): only requests with the same one share an answer.
      const key = `${responseMediaType(req.headers.accept)} ${operation}`;
      const leader = this.pending.get(key);
      if (leader) {
        this.merged++;
        void leader.then((answer) => {
          if (!answer) return next(); // the first one failed without an answer: do the work
          res.status(answer.status).set({ 'content-type': answer.contentType, 'x-request-id': requestIdOfResponse(res), 'x-merged': 'true' });
          if (answer.retryAfter) res.set('retry-after', answer.retryAfter);
          res.send(answer.body);
        });
        return;
      }
      let settle!: (a: Answer | undefined) => void;
      const promise = new Promise<Answer | undefined>((resolve) => {
        settle = resolve;
      });
      this.pending.set(key, promise);
      const done = (answer: Answer | undefined) => {
        if (this.pending.get(key) === promise) this.pending.delete(key);
        settle(answer);
      };
      // Apollo's express integration answers a single result with res.send(string).
      const send = res.send.bind(res);
      res.send = (body?: unknown) => {
        if (typeof body === 'string' || Buffer.isBuffer(body)) {
          const retryAfter = res.getHeader('retry-after');
          done({
            status: res.statusCode,
            contentType: String(res.getHeader('content-type') ?? 'application/json; charset=utf-8'),
            retryAfter: retryAfter === undefined ? undefined : String(retryAfter),
            body,
          });
        } else done(undefined);
        return send(body);
      };
      res.once('close', () => done(undefined));
      next();
    };
  }
}
