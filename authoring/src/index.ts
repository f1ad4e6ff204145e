/** @samverkan/authoring: the document-to-facts loop. Each stage is its own folder; see docs/AUTHORING.md. */
export { ingestFile, IngestError, originOf, readOrigin, sidecarPath, type Ingested, type Origin } from './ingest';
export { sidecarContent, textFileName } from './ingest/naming';
