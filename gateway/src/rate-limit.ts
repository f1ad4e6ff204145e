/**
 * Per-client rate limit (express-rate-limit, by client address; set TRUST_PROXY behind a load
 * balancer). Over the limit: 429 in GraphQL's error shape, with Retry-After and RateLimit headers.
 */
import { rateLimit } from 'express-rate-limit';

export function rateLimiter(max: number, windowMs: number, onLimited?: (n: number) => void) {
  return rateLimit({
    windowMs,
    limit: max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res, _next, options) => {
      const info = (req as typeof req & { rateLimit?: { resetTime?: Date } }).rateLimit;
      const retryAfter = Math.max(1, Math.ceil(((info?.resetTime?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000));
      onLimited?.(1);
      res
        .status(options.statusCode)
        .set('retry-after', String(retryAfter))
        .json({
          errors: [
            {
              message: `Too many requests from this client: at most ${max} per ${Math.round(windowMs / 1000)} s; try again in ${retryAfter} s`,
              extensions: { code: 'RATE_LIMITED' },
            },
          ],
        });
    },
  });
}
