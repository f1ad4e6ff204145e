/** The comparison subgraph's per-request context: the read model. */
import type { Logger } from '@samverkan/shared';
import type { ReadModel } from './read-model/read-model';

export interface ComparisonContext {
  requestId: string;
  logger: Logger;
  readModel: ReadModel;
}
