/** Writes the dashboard's generated operation types and its persisted documents manifest (lib/codegen.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderDashboardTypes } from './lib/codegen';
import { ROOT } from './lib/paths';

renderDashboardTypes().then(
  (files) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(ROOT, path)), { recursive: true });
      writeFileSync(join(ROOT, path), text);
      console.log(`wrote ${path}`);
    }
  },
  (e: Error) => {
    console.error(`codegen: ${e.message}`);
    process.exit(1);
  },
);
