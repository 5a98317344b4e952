import type { Locale } from "../types";

// Webfonts for the scripts a machine may lack (many have no Devanagari font at all, and some no
// Greek): Noto files shipped with the apps from npm, added to the page only when their language
// is chosen, so English pages fetch no font. Each face covers its script alone (unicode-range),
// under the family that heads the stylesheet's font stack: Greek or Devanagari letters are drawn
// in Noto on every machine, while Latin letters and digits keep the system's interface font.
const FAMILY = "Baton Script";

type Face = { url: () => Promise<{ default: string }>; weight: string };

const GREEK = "U+0370-03FF, U+1F00-1FFF";
const DEVANAGARI = "U+0900-097F, U+1CD0-1CF9, U+200C-200D, U+20A8, U+20B9, U+25CC, U+A830-A839, U+A8E0-A8FF";

const scripts: Partial<Record<Locale, { range: string; faces: Face[] }>> = {
  el: {
    range: GREEK,
    faces: [
      { weight: "400", url: () => import("@fontsource/noto-sans/files/noto-sans-greek-400-normal.woff2?url") },
      { weight: "600", url: () => import("@fontsource/noto-sans/files/noto-sans-greek-600-normal.woff2?url") },
      { weight: "700", url: () => import("@fontsource/noto-sans/files/noto-sans-greek-700-normal.woff2?url") },
    ],
  },
  hi: {
    range: DEVANAGARI,
    faces: [
      { weight: "400", url: () => import("@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-400-normal.woff2?url") },
      { weight: "600", url: () => import("@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-600-normal.woff2?url") },
      { weight: "700", url: () => import("@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-700-normal.woff2?url") },
    ],
  },
};

const requested = new Set<Locale>();

/** Adds the webfont faces of the locale's script to the page, once; a failure leaves system fonts. */
export function loadScriptFont(locale: Locale): void {
  const script = scripts[locale];
  if (!script || requested.has(locale) || typeof FontFace === "undefined") return;
  requested.add(locale);
  for (const face of script.faces) {
    face
      .url()
      .then(({ default: url }) => {
        const font = new FontFace(FAMILY, `url(${url}) format("woff2")`, { weight: face.weight, unicodeRange: script.range, display: "swap" });
        document.fonts.add(font);
        return font.load();
      })
      .catch(() => undefined);
  }
}
