import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';

/** What every resolver gets: a request-scoped EntityManager fork and a request-scoped logger. */
export interface SubgraphContext {
  em: EntityManager;
  logger: Logger;
  requestId: string;
}
