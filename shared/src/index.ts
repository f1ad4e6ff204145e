/**
 * @samverkan/shared: the runtime every subgraph runs on (MikroORM entities, migrations and seeding,
 * the server bootstrap, config, logging, metrics). It re-exports @samverkan/contract so a region
 * imports both from one place; code that needs only the vocabulary imports @samverkan/contract.
 */
import 'reflect-metadata';

export * from '@samverkan/contract';
export * from './server-entry';
export * from './graphql/context';
export * from './graphql/region-resolver';
export * from './orm/entities';
export * from './orm/migrations';
export * from './orm/orm';
export * from './orm/requirements';
export * from './orm/seed';
export * from './orm/body-filter';
export * from './federation';
export * from './region-subgraph';
export * from './graphql/regional';
export * from './graphql/lookup';
export * from './graphql/history-resolver';
export * from './history/record';
export * from './graphql/region-owned';
