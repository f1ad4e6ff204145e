/**
 * The per-region indexes of the bodies page (body-indexes.ts; REGION uses body_region_position) and
 * of the meeting-frequency table. The indexes they replace ordered across regions, so a page sorted
 * their rows (or every match) again.
 */
import { RegionMigration } from '@samverkan/shared';
import { meetings } from './body-indexes';
import { NAME_COLLATION } from './constants';

export class Migration20261130000000BodyPageIndexes extends RegionMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    const m = (desc: boolean) =>
      meetings(desc)
        .map((k) => k.expr(''))
        .join(', ');
    this.addSql(`create index if not exists "body_page_name" on ${s}."body" ("region_code", "name" collate ${NAME_COLLATION}, "position");`);
    this.addSql(`create index if not exists "body_page_name_desc" on ${s}."body" ("region_code", "name" collate ${NAME_COLLATION} desc, "position");`);
    this.addSql(`create index if not exists "body_page_meetings" on ${s}."body" ("region_code", ${m(false)}, "position");`);
    this.addSql(`create index if not exists "body_page_meetings_desc" on ${s}."body" ("region_code", ${m(true)}, "position");`);
    this.addSql(
      `create index if not exists "body_frequency_rank" on ${s}."body" ("region_code", "min_per_year" desc nulls last, "max_per_year" desc nulls last, "name" collate ${NAME_COLLATION}, "position") where "has_cadence";`,
    );
    for (const index of ['body_name', 'body_name_sv', 'body_frequency', 'body_cadence_rank']) this.addSql(`drop index if exists ${s}."${index}";`);
  }

  override async down(): Promise<void> {
    const s = this.schema;
    for (const index of ['body_page_name', 'body_page_name_desc', 'body_page_meetings', 'body_page_meetings_desc', 'body_frequency_rank'])
      this.addSql(`drop index if exists ${s}."${index}";`);
    this.addSql(`create index if not exists "body_name" on ${s}."body" ("name", "region_code", "id");`);
    this.addSql(`create index if not exists "body_name_sv" on ${s}."body" ("name" collate ${NAME_COLLATION}, "region_code", "position");`);
    this.addSql(
      `create index if not exists "body_frequency" on ${s}."body" ("min_per_year" desc nulls last, "max_per_year" desc nulls last) where "min_per_year" is not null or "max_per_year" is not null;`,
    );
    this.addSql(
      `create index if not exists "body_cadence_rank" on ${s}."body" ("min_per_year" desc nulls last, "max_per_year" desc nulls last) where "has_cadence";`,
    );
  }
}
