/**
 * `npm run new-region`'s library, by concern: the names a region's files share (scaffold-names), the
 * files of its folder (scaffold-files), and the edits that register it with their undo and the checks
 * before anything is written (scaffold-edits). Importers take everything from here; only new-region
 * imports scaffold-sources (the --source and --data it is given) on its own, as it loads the authoring
 * package's ingest.
 */
export * from './scaffold-names';
export * from './scaffold-files';
export * from './scaffold-edits';
