import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor } from '../src/graphql/cursor';

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof GraphQLError ? [e.extensions.code, e.message] : e;
  }
  return 'accepted';
};

describe('the cursor codec', () => {
  it('gives back what it encoded, and null for no cursor', () => {
    expect(decodeCursor('body', encodeCursor('body', 'nämnd-1'), isId)).toBe('nämnd-1');
    expect(decodeCursor('body', null, isId)).toBeNull();
    expect(decodeCursor('body', undefined, isId)).toBeNull();
  });

  it.each([
    ['another list', encodeCursor('hit', 'nämnd-1')],
    ['a value the list does not hold', encodeCursor('body', 42)],
    ['not JSON', Buffer.from('body:nämnd-1').toString('base64')],
    ['not a cursor at all', 'not-a-cursor'],
  ])('refuses %s with BAD_USER_INPUT naming the cursor', (_what, cursor) => {
    expect(refusal(() => decodeCursor('body', cursor, isId))).toEqual(['BAD_USER_INPUT', `Invalid cursor: ${cursor}`]);
  });
});
