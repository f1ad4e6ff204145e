/** @samverkan/authoring: the document-to-facts loop. Each stage is its own folder; see docs/AUTHORING.md. */
export {};
