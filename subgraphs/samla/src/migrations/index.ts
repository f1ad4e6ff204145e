/** SAMLA (Lerum–Alingsås): migrations in order: the shared base tables, then this region's own (none yet). */
import { BASE_REGION_MIGRATIONS } from '@samverkan/shared';

export const migrations = [...BASE_REGION_MIGRATIONS];
