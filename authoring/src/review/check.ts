/**
 * The checks of `npm run check-data`, run on a data file the page proposes before anything is written:
 * the candidate is put beside the region's other data files in a scratch folder and that folder is
 * checked with checkRegionData (contract/src/data/load.ts), the very function check-data and a region's
 * start run. Each problem comes back with the JSON path it names, so the page shows it at its fact.
 */
import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRegionData, displayPath } from '@samverkan/contract';
import { formatDataFile } from './format';
import type { Json, Problem } from './model';

export interface ReviewTarget {
  /** The region's data folder. */
  dataDir: string;
  /** The data file under review: `<document>.json`. */
  name: string;
  /** Where the source documents are. */
  sourcesDir: string;
}

export function checkCandidate(target: ReviewTarget, data: Json): Problem[] {
  const scratch = mkdtempSync(join(tmpdir(), 'samverkan-review-'));
  try {
    for (const other of readdirSync(target.dataDir).filter((n) => n.endsWith('.json') && n !== target.name)) {
      symlinkSync(join(target.dataDir, other), join(scratch, other));
    }
    writeFileSync(join(scratch, target.name), formatDataFile(data));
    const own = `${displayPath(join(scratch, target.name))}: `;
    const { problems } = checkRegionData(scratch, { sourcesDir: target.sourcesDir });
    return problems.map((p) => {
      if (!p.startsWith(own)) return { path: null, message: p.split(displayPath(scratch)).join(displayPath(target.dataDir)) };
      const m = /^(\$[^\s:]*):? ([\s\S]*)$/.exec(p.slice(own.length));
      return m ? { path: m[1]!, message: m[2]! } : { path: null, message: p.slice(own.length) };
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
