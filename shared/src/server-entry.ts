/**
 * `@samverkan/shared/server`: the HTTP bootstrap without the ORM (config, logging, the limited
 * express server, error handling, metrics). The gateway imports this entry only, so it never loads
 * MikroORM (test/package-split.test.ts checks its module graph).
 */
export * from './config';
export * from './logger';
export * from './server';
export * from './http-errors';
export * from './metrics';
