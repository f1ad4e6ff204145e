/**
 * Counters a subgraph exposes at GET /metrics (Prometheus text format): requests served and SQL
 * statements sent. The benchmark and the tests read them to check the number of SQL statements per
 * request stays constant whatever the data size.
 */
import type { MikroORM } from '@mikro-orm/postgresql';

export class Metrics {
  sqlStatements = 0;
  graphqlRequests = 0;

  /** Counts every statement the ORM's connection sends (knex's query event). */
  countSql(orm: MikroORM): void {
    orm.em.getConnection().getKnex().on('query', () => { this.sqlStatements++; });
  }

  render(service: string): string {
    return [
      '# HELP samverkan_sql_statements_total SQL statements sent to PostgreSQL.',
      '# TYPE samverkan_sql_statements_total counter',
      `samverkan_sql_statements_total{service="${service}"} ${this.sqlStatements}`,
      '# HELP samverkan_graphql_requests_total GraphQL requests served.',
      '# TYPE samverkan_graphql_requests_total counter',
      `samverkan_graphql_requests_total{service="${service}"} ${this.graphqlRequests}`,
      '',
    ].join('\n');
  }
}

/** Reads one counter from a /metrics text. */
export function readCounter(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : NaN;
}
