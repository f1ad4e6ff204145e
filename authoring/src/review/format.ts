/**
 * A data file as the repository writes it: two-space JSON with a final newline, each object's keys in
 * the order they have. A reviewed file is written back with its own order (some of its objects have a
 * key added after the others, e.g. `category` after `source`), so a saved file differs from the one
 * before only where a fact changed. A draft, never reviewed before, is put in the order the data schema
 * declares (contract/src/data/schema.ts) when the page opens it, and so are the facts the page makes.
 */
import { DataFileSchema } from '@samverkan/contract';

interface Def {
  type: string;
  innerType?: unknown;
  element?: unknown;
  shape?: Record<string, unknown>;
  in?: unknown;
}
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** `value` with its keys in the order of `schema`; keys the schema does not know stay, last (the checks name them). */
export function inSchemaOrder(value: unknown): unknown {
  return ordered(value, DataFileSchema);
}

function ordered(value: unknown, schema: unknown): unknown {
  const def = defOf(schema);
  if (value === null || value === undefined) return value;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return ordered(value, def.innerType);
    case 'pipe':
      return ordered(value, def.in);
    case 'array':
      return Array.isArray(value) ? value.map((v) => ordered(v, def.element)) : value;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(def.shape!)) if (k in record && record[k] !== undefined) out[k] = ordered(record[k], s);
      for (const k of Object.keys(record)) if (!(k in out) && record[k] !== undefined) out[k] = record[k];
      return out;
    }
    default:
      return value;
  }
}

/** The text of a data file, in the repository's format. */
export function formatDataFile(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
