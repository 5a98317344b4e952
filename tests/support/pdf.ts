import { createCanvas } from "@napi-rs/canvas";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

// Reading a PDF the way a viewer does, with Mozilla's pdf.js: its text (what search and copy
// see), every glyph it draws (to find any drawn as .notdef, an empty box), and a page rendered to
// pixels with @napi-rs/canvas (Skia), so a test can tell a drawn page from a blank one.

type Loaded = Awaited<ReturnType<typeof getDocument>["promise"]>;

async function open(bytes: Uint8Array): Promise<Loaded> {
  // pdf.js may detach the buffer it is given: hand it a copy. Its fonts are read from the file
  // (no system fonts, no eval), as a viewer without the fonts installed would.
  return getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
}

/** Every page's text, lines joined by newlines, pages by a form feed. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await open(bytes);
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  await doc.destroy();
  return pages.join("\f");
}

export type DrawnGlyph = { font: string; unicode: string; charCode: number; inFont: boolean };

/** Every glyph the pages draw, with the font it is drawn in (its PostScript name) and what it stands for. */
export async function drawnGlyphs(bytes: Uint8Array): Promise<DrawnGlyph[]> {
  const doc = await open(bytes);
  const glyphs: DrawnGlyph[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const list = await page.getOperatorList();
    let font = "";
    list.fnArray.forEach((fn, index) => {
      const args = list.argsArray[index] as unknown[];
      if (fn === OPS.setFont) {
        const loaded = page.commonObjs.has(args[0] as string) ? (page.commonObjs.get(args[0] as string) as { name?: string }) : undefined;
        font = loaded?.name ?? String(args[0]);
      }
      if (fn === OPS.showText) {
        for (const glyph of args[0] as ({ unicode: string; originalCharCode: number; isInFont: boolean } | number)[]) {
          if (typeof glyph === "number") continue; // a kerning adjustment
          glyphs.push({ font, unicode: glyph.unicode, charCode: glyph.originalCharCode, inFont: glyph.isInFont });
        }
      }
    });
  }
  await doc.destroy();
  return glyphs;
}

/** Page `n` as a PNG at `scale`, and the share of its pixels that are not white. */
export async function renderPage(bytes: Uint8Array, n = 1, scale = 1.5): Promise<{ png: Buffer; inked: number; width: number; height: number }> {
  const doc = await open(bytes);
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235) inked++;
  await doc.destroy();
  return { png: canvas.toBuffer("image/png"), inked: inked / (canvas.width * canvas.height), width: canvas.width, height: canvas.height };
}

/**
 * The ActualText of every marked-content span in the pages' content (what Acrobat copies and
 * searches in place of the drawn glyphs), in drawn order. Read from the raw file: pdf.js ignores it.
 */
export async function actualTexts(bytes: Uint8Array): Promise<string[]> {
  const { inflateSync } = await import("node:zlib");
  const raw = Buffer.from(bytes).toString("latin1");
  const found: string[] = [];
  for (const match of raw.matchAll(/>>\s*stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const stored = Buffer.from(match[1]!, "latin1");
    let content: Buffer;
    try {
      content = inflateSync(stored);
    } catch {
      content = stored;
    }
    let from = 0;
    for (;;) {
      const mark = content.indexOf("/ActualText (", from, "latin1");
      if (mark < 0) break;
      // A literal string: bytes up to the first unescaped ")"; \\, \(, \) and \n-style escapes read back.
      const chars: number[] = [];
      let i = mark + "/ActualText (".length;
      const escaped: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, b: 0x08, f: 0x0c };
      for (; i < content.length && content[i] !== 0x29; i++) {
        if (content[i] === 0x5c) {
          i++;
          chars.push(escaped[String.fromCharCode(content[i]!)] ?? content[i]!);
        } else chars.push(content[i]!);
      }
      from = i;
      const value = Buffer.from(chars);
      found.push(value[0] === 0xfe && value[1] === 0xff ? Buffer.from(value.subarray(2)).swap16().toString("utf16le") : value.toString("latin1"));
    }
  }
  return found;
}
