/** The request id: the client's x-request-id when it is a sane one, else a new one. */
import { randomUUID } from 'node:crypto';

export const requestIdOf = (header: unknown): string => (typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID());
