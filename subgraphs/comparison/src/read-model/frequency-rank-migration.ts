/**
 * One meaning of "has a stated frequency" (contract: hasStatedFrequency): the body column is
 * `has_frequency` (a minimum or a maximum stated), where `has_cadence` meant "any cadence", so a
 * "regelbundet" body was both ranked in the frequency table and counted without a frequency. And the
 * table's order: at the same minimum, an exact statement ("minst sex") ranks above an approximate one
 * ("cirka sex"), and an open upper bound above a stated one. The rows get their values when the copies
 * are derived again (derivation.ts: BODY_COLUMNS_VERSION), which this code's first start does.
 */
import { RegionMigration } from '@samverkan/shared';
import { NAME_COLLATION } from './constants';

const FREQUENCY_RANK_ORDER = `"min_per_year" desc nulls last, "frequency_approximate", "max_per_year" desc nulls first`;

export class Migration20261205100000FrequencyRank extends RegionMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(`drop index if exists ${s}."body_frequency_rank";`);
    this.addSql(`alter table ${s}."body" rename column "has_cadence" to "has_frequency";`);
    this.addSql(`alter table ${s}."body" add column if not exists "frequency_approximate" boolean not null default false;`);
    this.addSql(
      `create index if not exists "body_frequency_rank" on ${s}."body" ("region_code", ${FREQUENCY_RANK_ORDER}, "name" collate ${NAME_COLLATION}, "position") where "has_frequency";`,
    );
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(`drop index if exists ${s}."body_frequency_rank";`);
    this.addSql(`alter table ${s}."body" drop column if exists "frequency_approximate";`);
    this.addSql(`alter table ${s}."body" rename column "has_frequency" to "has_cadence";`);
    this.addSql(
      `create index if not exists "body_frequency_rank" on ${s}."body" ("region_code", "min_per_year" desc nulls last, "max_per_year" desc nulls last, "name" collate ${NAME_COLLATION}, "position") where "has_cadence";`,
    );
  }
}
