/**
 * The one cursor codec of the API (issue #25): every connection's `after`/`endCursor` (a region's change
 * history, the comparison's bodies, search and changes) is base64 of "<prefix>:<json>". Cursors are
 * opaque to clients; the prefix names the list, so a cursor of one list given to another is refused
 * instead of being read as something it is not.
 */
import { badUserInput } from '../errors';

/** The cursor of `value` (any JSON) in the list named `prefix`. */
export function encodeCursor(prefix: string, value: unknown): string {
  return Buffer.from(`${prefix}:${JSON.stringify(value)}`, 'utf8').toString('base64');
}

/**
 * The value of a cursor of the list `prefix` (null when there is none), checked by `check`; anything
 * else (not base64 of this list's prefix, not JSON, not what `check` accepts) is BAD_USER_INPUT.
 */
export function decodeCursor<T>(prefix: string, cursor: string | null | undefined, check: (v: unknown) => v is T): T | null {
  if (cursor === null || cursor === undefined) return null;
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  if (text.startsWith(`${prefix}:`)) {
    try {
      const v: unknown = JSON.parse(text.slice(prefix.length + 1));
      if (check(v)) return v;
    } catch {
      /* not ours: reported below */
    }
  }
  throw badUserInput(`Invalid cursor: ${cursor}`);
}
