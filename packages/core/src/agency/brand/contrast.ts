// WCAG 2 contrast for the agency's colour. Browser-safe: no Node or AWS imports.
//
// The brand colour is painted behind white text (buttons, the portal's header stripe, email
// buttons) and used as text on white (links), so it must read at 4.5:1 against white. A colour
// that doesn't is darkened, keeping its hue, until it does; the owner is told which colour is used.

export const MIN_CONTRAST = 4.5;
/** The apps' and emails' body text colour, reported beside white. */
export const TEXT_COLOR = "#101828";
export const WHITE = "#ffffff";

const HEX = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;

export const isHexColor = (value: string) => HEX.test(value);

/** "#ABC" or "#aabbcc" → "#aabbcc". */
export function normalizeHex(value: string): string {
  const hex = value.trim().toLowerCase();
  if (hex.length === 4) return `#${[...hex.slice(1)].map((c) => c + c).join("")}`;
  return hex;
}

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(normalizeHex(hex).slice(i, i + 2), 16));
const toHex = (rgb: number[]) => `#${rgb.map((c) => Math.round(Math.max(0, Math.min(255, c))).toString(16).padStart(2, "0")).join("")}`;

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const round2 = (n: number) => Math.floor(n * 100) / 100;

export type ColorCheck = {
  /** What the owner chose. */
  chosen: string;
  /** What is used: the chosen colour, or it darkened until white text on it passes. */
  used: string;
  adjusted: boolean;
  /** Contrast of the colour chosen against white: below 4.5 when it was adjusted. */
  chosenAgainstWhite: number;
  /** Contrast of the colour used against white and against the body text colour (rounded down). */
  againstWhite: number;
  againstText: number;
};

/** Checks a colour for white text on it and darkens it (same hue) until it reads at 4.5:1. */
export function accessibleColor(chosen: string): ColorCheck {
  const start = normalizeHex(chosen);
  let rgb = channels(start);
  let used = start;
  // Scaling every channel by the same factor keeps the hue; each step lowers the luminance.
  for (let step = 0; contrast(used, WHITE) < MIN_CONTRAST && step < 100; step++) {
    rgb = rgb.map((c) => c * 0.97);
    used = toHex(rgb);
  }
  return { chosen: start, used, adjusted: used !== start, chosenAgainstWhite: round2(contrast(start, WHITE)), againstWhite: round2(contrast(used, WHITE)), againstText: round2(contrast(used, TEXT_COLOR)) };
}
