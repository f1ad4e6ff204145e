/**
 * The search index's two GIN indexes take a sync's new entries in their pending list (fastupdate),
 * merged into the index in bulk, where they were created with fastupdate off: every row a sync wrote
 * then went into both indexes entry by entry. Measured on the embedded PostgreSQL with 60,000 rows of
 * the synthetic data's shape: 61 s with fastupdate off, 15 s with it on. A sync empties the pending
 * lists before it commits (flushSearchIndex), so no search scans freshly synced rows linearly.
 */
import { RegionMigration } from '@samverkan/shared';
import { SEARCH_GIN_INDEXES as INDEXES } from './search-index';

export class Migration20261205200000SearchIndexFastUpdate extends RegionMigration {
  override async up(): Promise<void> {
    for (const index of INDEXES) this.addSql(`alter index ${this.schema}."${index}" set (fastupdate = on);`);
  }

  override async down(): Promise<void> {
    for (const index of INDEXES) this.addSql(`alter index ${this.schema}."${index}" set (fastupdate = off);`);
  }
}
