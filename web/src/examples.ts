/**
 * The example operations of docs/queries/, read at build time (Vite's import.meta.glob with ?raw):
 * adding a file there adds it to the playground on the next build, nothing is copied by hand.
 */
const files = import.meta.glob<string>('../../docs/queries/*.graphql', { query: '?raw', import: 'default', eager: true });

export interface Example {
  /** File name, e.g. 03-roles-crosswalk.graphql */
  file: string;
  /** The operation name (query RolesCrosswalk → RolesCrosswalk), else the file name. */
  name: string;
  /** The leading comment block, its lines joined (whole sentences, never cut), without "# ". */
  title: string;
  query: string;
}

export const EXAMPLES: Example[] = Object.entries(files)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, query]) => {
    const file = path.split('/').pop()!;
    const name = /^\s*(?:query|mutation)\s+(\w+)/m.exec(query)?.[1] ?? file.replace(/\.graphql$/, '');
    const lead = /^(?:[ \t]*#.*(?:\r?\n|$))+/.exec(query)?.[0] ?? '';
    const title =
      lead
        .split(/\r?\n/)
        .map((l) => l.replace(/^\s*#\s?/, '').trim())
        .filter(Boolean)
        .join(' ') || name;
    return { file, name, title, query };
  });
