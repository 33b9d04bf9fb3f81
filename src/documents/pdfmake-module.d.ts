// pdfmake 0.3 ships no type declarations; this is the small surface src/documents uses.
declare module 'pdfmake' {
  /** A built document whose bytes are produced on request. */
  export interface PdfMakeOutput {
    getBuffer(): Promise<Uint8Array>;
  }
  /** pdfmake's in-memory file system (fonts and images are registered here by name). */
  export interface PdfMakeVirtualFs {
    writeFileSync(name: string, data: Uint8Array | string): void;
    existsSync(name: string): boolean;
  }
  /** Font files by style, as names in the virtual file system or paths. */
  export interface PdfMakeFontFiles {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  /** The Node build's singleton. */
  export interface PdfMake {
    virtualfs: PdfMakeVirtualFs;
    setFonts(fonts: Record<string, PdfMakeFontFiles>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(docDefinition: object, options?: object): PdfMakeOutput;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
