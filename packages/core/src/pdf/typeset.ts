import * as fontkit from "fontkit";
import type PDFDocument from "pdfkit";
import { FACES, fontBytes, runs, type Weight } from "./fonts.ts";
import { woffToSfnt } from "./woff.ts";

// Text on a PDF page in several scripts at once: measured, wrapped and drawn run by run (fonts.ts
// picks each run's face), all runs of a line on one baseline. fontkit shapes each run, so
// Devanagari conjuncts, half forms and reordered vowel signs come out as the font designs them.

type Doc = InstanceType<typeof PDFDocument>;
type Face = ReturnType<typeof fontkit.create> & { hasGlyphForCodePoint(codePoint: number): boolean };

export type Style = { size: number; weight?: Weight; color?: string };

/** The parsed faces, once per process: parsing (and inflating WOFF) is most of a first PDF's cost. */
let parsed: Record<Weight, Face[]> | undefined;

function faces(): Record<Weight, Face[]> {
  const open = (weight: Weight) => FACES.map((face) => fontkit.create(woffToSfnt(fontBytes(face, weight))) as Face);
  parsed ??= { regular: open("regular"), bold: open("bold") };
  return parsed;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
/** A text's user-perceived characters: a Devanagari cluster is never cut in two. */
const graphemes = (text: string) => [...segmenter.segment(text)].map((part) => part.segment);

/** Scripts whose glyphs are reordered or joined when shaped. */
const SHAPED = /\p{Script=Devanagari}/u;

const fontName = (weight: Weight, face: number) => `${weight}-${face}`;

export class Typesetter {
  private readonly faces = faces();

  constructor(private readonly doc: Doc) {
    for (const weight of ["regular", "bold"] as const) this.faces[weight].forEach((face, index) => doc.registerFont(fontName(weight, index), face as never));
  }

  private runsOf(text: string, weight: Weight) {
    const list = this.faces[weight];
    return runs(text, (face, codePoint) => list[face]!.hasGlyphForCodePoint(codePoint));
  }

  width(text: string, style: Style): number {
    const weight = style.weight ?? "regular";
    return this.runsOf(text, weight).reduce((sum, run) => sum + this.doc.font(fontName(weight, run.face)).fontSize(style.size).widthOfString(run.text), 0);
  }

  /** One line with its baseline at `baseline`, from `x` (or ending at `x` when right-aligned). */
  line(text: string, x: number, baseline: number, style: Style & { align?: "left" | "right" }): void {
    const weight = style.weight ?? "regular";
    let at = style.align === "right" ? x - this.width(text, style) : x;
    this.doc.fillColor(style.color ?? "#1b1f24");
    for (const run of this.runsOf(text, weight)) {
      this.doc.font(fontName(weight, run.face)).fontSize(style.size);
      // Shaped Devanagari is drawn in visual order (ि before its consonant, conjuncts as one
      // glyph): ActualText gives copy and search the characters as typed.
      const shaped = SHAPED.test(run.text);
      if (shaped) this.doc.markContent("Span", { actual: run.text } as never);
      this.doc.text(run.text, at, baseline, { lineBreak: false, baseline: "alphabetic" });
      if (shaped) this.doc.endMarkedContent();
      at += this.doc.widthOfString(run.text);
    }
  }

  /** `text` broken into lines no wider than `width`: at its own line breaks, then between words, then (a word too long) between characters. */
  wrap(text: string, width: number, style: Style): string[] {
    const lines: string[] = [];
    // A word wider than the column on its own (an IBAN, a URL) is cut where it must be.
    const push = (line: string) => {
      let rest = graphemes(line.trimEnd());
      while (rest.length > 1 && this.width(rest.join(""), style) > width) {
        let fit = rest.length - 1;
        while (fit > 1 && this.width(rest.slice(0, fit).join(""), style) > width) fit--;
        lines.push(rest.slice(0, fit).join(""));
        rest = rest.slice(fit);
      }
      lines.push(rest.join(""));
    };
    for (const paragraph of text.split(/\r?\n/)) {
      let current = "";
      for (const word of paragraph.split(/(?<=\s)/)) {
        if (current && this.width((current + word).trimEnd(), style) > width) {
          push(current);
          current = word;
        } else current += word;
      }
      push(current);
    }
    return lines;
  }
}
