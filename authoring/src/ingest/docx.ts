/**
 * DOCX to blocks: mammoth turns the document into HTML by its styles (Heading 1-6 to h1-h6, numbered
 * and bulleted paragraphs to ol/ul, tables to table, bold and italic runs to strong and em), and the
 * HTML reader does the rest. Images are left out.
 */
import mammoth from 'mammoth';
import type { Block } from './blocks';
import { IngestError } from './detect';
import { htmlBlocks } from './html';

export async function docxBlocks(file: string, bytes: Buffer, droppedToc: string[]): Promise<Block[]> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml(
      { buffer: bytes },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), ignoreEmptyParagraphs: true },
    ));
  } catch (e) {
    throw new IngestError(file, `cannot be read as a Word document (DOCX): ${(e as Error).message}`);
  }
  return htmlBlocks(html, droppedToc);
}
