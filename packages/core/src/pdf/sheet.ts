import PDFDocument from "pdfkit";
import { Typesetter, type Style } from "./typeset.ts";

// One A4 document being drawn, shared by every PDF Baton makes (invoice, signed agreement or
// quote, payout statement): the document and its header (title, author, language), the
// typesetter, the cursor down the page, page breaks, rules, wrapped blocks, and the bytes at the end.

export const A4 = { width: 595.28, height: 841.89 };
export const INK = "#1b1f24";
export const MUTED = "#5b6470";
export const RULE = "#d9dee6";

export type SheetOptions = { margin: number; lang: string; title: string; author: string; subject?: string };

export class Sheet {
  readonly doc: InstanceType<typeof PDFDocument>;
  readonly type: Typesetter;
  readonly margin: number;
  /** The right edge of the text column. */
  readonly right: number;
  /** The text column's width. */
  readonly width: number;
  /** Where the next thing is drawn, down from the top of the page. */
  y: number;
  private readonly bytes: Promise<Uint8Array<ArrayBuffer>>;

  constructor(options: SheetOptions) {
    this.doc = new PDFDocument({
      size: "A4",
      margin: options.margin,
      // No default font: pdfkit would load Helvetica's metrics from a file a bundle doesn't carry.
      font: null as unknown as string,
      info: { Title: options.title, Author: options.author, ...(options.subject !== undefined ? { Subject: options.subject } : {}) },
      lang: options.lang,
      displayTitle: true,
    });
    const chunks: Buffer[] = [];
    this.doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    this.bytes = new Promise((resolve, reject) => {
      this.doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
      this.doc.on("error", reject);
    });
    this.type = new Typesetter(this.doc);
    this.margin = options.margin;
    this.right = A4.width - options.margin;
    this.width = this.right - options.margin;
    this.y = options.margin;
  }

  /** Starts a new page when `height` more doesn't fit; answers whether it did. */
  room(height: number): boolean {
    if (this.y + height <= A4.height - this.margin) return false;
    this.doc.addPage();
    this.y = this.margin;
    return true;
  }

  /** A horizontal rule at `at` (the cursor by default), across the column unless told. */
  rule(at = this.y, width = 0.75, color = RULE, from = this.margin, to = this.right): void {
    this.doc.moveTo(from, at).lineTo(to, at).lineWidth(width).strokeColor(color).stroke();
  }

  /** `value` wrapped to `width` and drawn at `x` from `top` (the cursor stays); answers the height used. */
  block(value: string, x: number, top: number, width: number, style: Style, align: "left" | "right" = "left", leading = 1.4): number {
    const lines = this.type.wrap(value, width, style);
    lines.forEach((line, index) => this.type.line(line, align === "right" ? x + width : x, top + style.size + index * (style.size * leading), { ...style, align }));
    return lines.length * style.size * leading;
  }

  /** `value` wrapped to the column and drawn from the cursor, which moves down; a new page whenever a line doesn't fit. */
  flow(value: string, style: Style, leading = 1.45): void {
    const height = style.size * leading;
    for (const line of this.type.wrap(value, this.width, style)) {
      this.room(height);
      this.type.line(line, this.margin, this.y + style.size, style);
      this.y += height;
    }
  }

  /** Ends the document: its bytes. */
  finish(): Promise<Uint8Array<ArrayBuffer>> {
    this.doc.end();
    return this.bytes;
  }
}
