import { join } from 'node:path';

/** The repository root (scripts compile to scripts/dist/...). */
export const ROOT = join(__dirname, '..', '..').replace(/[\\/]scripts$/, '');
