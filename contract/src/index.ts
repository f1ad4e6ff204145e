/**
 * @samverkan/contract: what a region subgraph and the gateway agree on, with no ORM and no server.
 * The GraphQL vocabulary (type-graphql types, enums, filters, the Region interface), the data-file
 * schema and its checks against the source documents, the frequency normalizer and the registry.
 */
import 'reflect-metadata';

export * from './registry';
export * from './errors';
export * from './frequency';
export * from './data/enum-values';
export * from './data/schema';
export * from './data/validate';
export * from './data/load';
export * from './graphql/enums';
export * from './graphql/types';
export * from './graphql/documents';
export * from './data/documents';
export * from './graphql/filters';
export * from './graphql/region';
export * from './graphql/history-types';
export * from './graphql/cursor';
export * from './history/dates';
export * from './history/diff';
export * from './graphql/region-owned';
