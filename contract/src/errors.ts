/**
 * The one way to build a BAD_USER_INPUT error: a request whose argument is wrong, answered with a
 * message naming the value and the reason (the gateway keeps such messages as they are).
 */
import { GraphQLError } from 'graphql';

/** A BAD_USER_INPUT error with `message`; `extra` adds extensions (e.g. `{ http: { status: 400 } }`). */
export function badUserInput(message: string, extra?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extra, code: 'BAD_USER_INPUT' } });
}

/** @deprecated The former name of `badUserInput`, kept for code outside this repository (renaming is a major version). */
export const badInput = (message: string): GraphQLError => badUserInput(message);
