import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute, join } from "node:path";

// The invoice PDF's fonts: Noto Sans (Latin, Greek) and Noto Sans Devanagari, regular and bold,
// from the same @fontsource packages the apps serve as webfonts. Their files are split by script
// (Google's unicode-range subsets), so a text is cut into runs, each set in the first face that
// has a glyph for it: no character falls to .notdef while any face covers it. WOFF (zlib), not
// WOFF2: fontkit reads both, but WOFF2's Brotli is decoded in JavaScript and costs more per PDF.
// Only the glyphs a PDF uses are embedded (pdfkit subsets every font).
//
// Where the files are: in BATON_FONTS_DIR when set (a Lambda bundle has no node_modules; infra
// copies the files into the package, and a relative folder is read from LAMBDA_TASK_ROOT), else
// in node_modules.

export type Weight = "regular" | "bold";

/** Each face, in the order a character looks for a glyph: Latin first, Devanagari last. */
export const FACES = [
  { name: "latin", pkg: "@fontsource/noto-sans", file: "noto-sans-latin" },
  { name: "latin-ext", pkg: "@fontsource/noto-sans", file: "noto-sans-latin-ext" },
  { name: "greek", pkg: "@fontsource/noto-sans", file: "noto-sans-greek" },
  { name: "greek-ext", pkg: "@fontsource/noto-sans", file: "noto-sans-greek-ext" },
  { name: "devanagari", pkg: "@fontsource/noto-sans-devanagari", file: "noto-sans-devanagari-devanagari" },
] as const;

const WEIGHTS: Record<Weight, number> = { regular: 400, bold: 700 };

/** The file name of a face at a weight, as the package ships it. */
export const fileName = (face: (typeof FACES)[number], weight: Weight) => `${face.file}-${WEIGHTS[weight]}-normal.woff`;

/** Every font file the PDF can use: what a bundle must carry (infra copies these). */
export function fontFiles(): { pkg: string; file: string }[] {
  return FACES.flatMap((face) => (Object.keys(WEIGHTS) as Weight[]).map((weight) => ({ pkg: face.pkg, file: fileName(face, weight) })));
}

const require = createRequire(import.meta.url);

function pathOf(pkg: string, file: string): string {
  const dir = process.env.BATON_FONTS_DIR;
  if (!dir) return require.resolve(`${pkg}/files/${file}`);
  return join(isAbsolute(dir) ? dir : join(process.env.LAMBDA_TASK_ROOT ?? process.cwd(), dir), file);
}

const cache = new Map<string, Buffer>();

/** A face's bytes, read once per process. */
export function fontBytes(face: (typeof FACES)[number], weight: Weight): Buffer {
  const file = fileName(face, weight);
  let bytes = cache.get(file);
  if (!bytes) {
    bytes = readFileSync(pathOf(face.pkg, file));
    cache.set(file, bytes);
  }
  return bytes;
}

/** Characters that take the face of the text around them rather than choosing their own. */
const NEUTRAL = /[\s\u200c\u200d\u25cc.,:;()\-–—/'"]/u;

/**
 * `text` cut into runs, each with the index of the face to set it in: the first face whose
 * coverage (`covers(face, codePoint)`) has the character. Spaces and punctuation stay with the run
 * they are in, so a Hindi phrase is one run and shapes as one.
 */
export function runs(text: string, covers: (face: number, codePoint: number) => boolean): { face: number; text: string }[] {
  const out: { face: number; text: string }[] = [];
  for (const char of text) {
    const last = out.at(-1);
    const codePoint = char.codePointAt(0)!;
    let face = 0;
    if (last && NEUTRAL.test(char) && covers(last.face, codePoint)) face = last.face;
    else {
      const found = FACES.findIndex((_, index) => covers(index, codePoint));
      face = found < 0 ? 0 : found;
    }
    // Combining marks and joiners belong to the cluster before them, whatever their own coverage.
    if (last && (last.face === face || /\p{M}|[\u200c\u200d]/u.test(char))) last.text += char;
    else out.push({ face, text: char });
  }
  return out;
}
