/**
 * region_sync.derivation: which code derived each copy (derivation.ts). Copies from before have none
 * (''), so the first start of this code derives every region again; nothing is wiped meanwhile.
 */
import { RegionMigration } from '@samverkan/shared';

export class Migration20261205000000Derivation extends RegionMigration {
  override async up(): Promise<void> {
    this.addSql(`alter table ${this.schema}."region_sync" add column if not exists "derivation" text not null default '';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table ${this.schema}."region_sync" drop column if exists "derivation";`);
  }
}
