/** The part of @nlpjs/lang-sv the draft uses (the package ships no types). */
declare module '@nlpjs/lang-sv' {
  export class StemmerSv {
    stemWord(word: string): string;
  }
}
