/**
 * Counters a subgraph exposes at GET /metrics (Prometheus text format, prom-client): requests served
 * and SQL statements sent, plus the process's default metrics. The benchmark and the tests read them
 * to check the number of SQL statements per request stays constant whatever the data size.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();
  private readonly sql: Counter;
  private readonly requests: Counter;

  constructor(service?: string) {
    if (service) this.registry.setDefaultLabels({ service });
    this.sql = new Counter({ name: 'samverkan_sql_statements_total', help: 'SQL statements sent to PostgreSQL.', registers: [this.registry] });
    this.requests = new Counter({ name: 'samverkan_graphql_requests_total', help: 'GraphQL requests served.', registers: [this.registry] });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Names the service in every series (when not given to the constructor). */
  setService(service: string): void {
    this.registry.setDefaultLabels({ service });
  }

  /** Counts every statement the ORM's connection sends (knex's query event). */
  countSql(orm: MikroORM): void {
    orm.em
      .getConnection()
      .getKnex()
      .on('query', () => {
        this.sql.inc();
      });
  }

  requestServed(): void {
    this.requests.inc();
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** Reads one counter from a /metrics text. */
export function readCounter(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : NaN;
}
