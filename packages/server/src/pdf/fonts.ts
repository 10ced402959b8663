import { readFile } from 'node:fs/promises';
import { woffToSfnt } from './woff';
import { serverFile } from '../server-files';

/**
 * Noto Sans SC (SIL OFL 1.1), shipped in packages/server/assets/fonts so that the PDFs render
 * Chinese on any host without a system CJK font. See assets/fonts/README.md.
 */
export const FONT = {
  regular: 'NotoSansSC-Regular',
  bold: 'NotoSansSC-Bold',
} as const;

const FONT_FILES: Record<keyof typeof FONT, URL> = {
  regular: serverFile('assets/fonts/NotoSansSC-Regular.woff'),
  bold: serverFile('assets/fonts/NotoSansSC-Bold.woff'),
};

type FontBytes = Record<keyof typeof FONT, Buffer>;

let loading: Promise<FontBytes> | undefined;

async function loadFont(file: URL): Promise<Buffer> {
  return woffToSfnt(await readFile(file));
}

/** The font bytes, read and unpacked once per process (≈100 ms); a failed load is retried next time. */
export function loadFonts(): Promise<FontBytes> {
  loading ??= Promise.all([loadFont(FONT_FILES.regular), loadFont(FONT_FILES.bold)]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Registers both weights on a document (pdfkit embeds only the glyphs used, with a ToUnicode map). */
export async function registerFonts(doc: PDFKit.PDFDocument): Promise<void> {
  const bytes = await loadFonts();
  doc.registerFont(FONT.regular, bytes.regular);
  doc.registerFont(FONT.bold, bytes.bold);
  doc.font(FONT.regular);
}
