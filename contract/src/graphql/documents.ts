/**
 * Source documents as first-class sources: a stable id, title, publisher, date, validity where the
 * document states one, its version (the content hash of its text) and its passages. Values written in
 * the data file's `document` block carry a quote; version and passages are computed from the text.
 */
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Source } from './types';

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'Who issues a document, with the text the name is read from.' })
export class DocumentPublisher {
  @Field(() => String) name!: string;
  @Field(() => Boolean, {
    description: 'True when the document does not name its publisher outright and the name is read from what it says (see note and quote).',
  })
  inferred!: boolean;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Source) source!: Source;
}

@Directive('@shareable')
@ObjectType({
  simpleResolvers: true,
  description: 'How long a document is valid, where it says so ("Giltighetstid"): the verbatim text and the dates it gives.',
})
export class DocumentValidity {
  @Field(() => String, { description: 'The verbatim statement.' }) text!: string;
  @Field(() => String, { nullable: true, description: 'First day (YYYY-MM-DD); null when the text gives none.' }) from!: string | null;
  @Field(() => String, { nullable: true, description: 'Last day or review deadline (YYYY-MM-DD, see note); null when the text gives none.' }) to!:
    string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Source) source!: Source;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'A paragraph of a document, verbatim, under its nearest heading.' })
export class DocumentPassage {
  @Field(() => Int, { description: '1, 2, 3 ... in document order.' }) ordinal!: number;
  @Field(() => String, { description: 'The nearest heading above the paragraph (the document title before any heading).' }) section!: string;
  @Field(() => String, { description: 'The paragraph, an exact substring of the document.' }) text!: string;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'A source document: id, title, publisher, date, validity, version (content hash) and passages.' })
export class SourceDocument {
  @Field(() => ID, { description: 'Stable id, "<region>:<slug>" (written in the data file, not derived from the content): what Source.documentId names.' })
  id!: string;
  @Field(() => String, { description: 'File name under docs/sources/.' }) file!: string;
  @Field(() => String) title!: string;
  @Field(() => DocumentPublisher, { nullable: true, description: 'Who issues the document; null when the data names none.' })
  publisher?: DocumentPublisher | null;
  @Field(() => String, { nullable: true, description: "The document's date (YYYY-MM-DD); null when it states none." }) date!: string | null;
  @Field(() => String, { nullable: true, description: 'Review date (YYYY-MM-DD) where stated.' }) reviewBy!: string | null;
  @Field(() => DocumentValidity, { nullable: true, description: 'Validity, where the document states one; null when it does not.' })
  validity?: DocumentValidity | null;
  @Field(() => String, {
    nullable: true,
    description:
      "SHA-256 (hex) of the document's text: changes exactly when the text changes. Null when the region runs without its source documents (DATA_DIR).",
  })
  version!: string | null;
  @Field(() => Boolean, {
    description:
      "Whether the region has the document's text (false when it runs on DATA_DIR without sources: version and passages are then null, never invented).",
  })
  textAvailable!: boolean;
  @Field(() => [DocumentPassage], { nullable: true, description: "The document's paragraphs, verbatim, in order; null when textAvailable is false." })
  passages!: DocumentPassage[] | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Source) source!: Source;
}
