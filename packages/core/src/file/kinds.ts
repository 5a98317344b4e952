// What kinds of file Baton stores, and how each is recognised. Browser-safe (the apps read the
// extensions for their file pickers): no Node or AWS imports here.
//
// A file's kind comes from its name's extension; the type the browser declared must agree with
// it, and after the upload the first bytes must too (the "magic number"). The agency's allow-list
// switches whole groups on and off; programs, web pages and SVG are never accepted.

export const FileGroups = ["pdf", "office", "images", "text", "archives", "audio", "video"] as const;
export type FileGroup = (typeof FileGroups)[number];

type Bytes = Uint8Array;
type Kind = {
  group: FileGroup;
  /** The Content-Type stored and served. */
  mime: string;
  /** Other types browsers declare for it (Windows calls a CSV "application/vnd.ms-excel"). */
  aliases?: readonly string[];
  /** True when the first bytes are what a file of this kind starts with. */
  magic: (bytes: Bytes) => boolean;
};

const startsWith = (bytes: Bytes, signature: readonly number[], offset = 0) => signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const zip = (b: Bytes) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]) || startsWith(b, [0x50, 0x4b, 0x07, 0x08]);
const ole = (b: Bytes) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ftyp = (b: Bytes) => startsWith(b, ascii("ftyp"), 4);
const riff = (form: string) => (b: Bytes) => startsWith(b, ascii("RIFF")) && startsWith(b, ascii(form), 8);
const pdf = (b: Bytes) => {
  // The header may follow up to 1,024 bytes of junk (the PDF spec's allowance).
  const sig = ascii("%PDF-");
  for (let i = 0; i <= Math.min(1024, b.length - sig.length); i++) if (startsWith(b, sig, i)) return true;
  return false;
};

/** Plain text: UTF-8 without NUL bytes, and not a web page in disguise. */
export function isPlainText(bytes: Bytes): boolean {
  if (bytes.includes(0)) return false;
  // The sample may end inside a multi-byte character: try without its last 1–3 bytes too.
  let text: string | null = null;
  for (let cut = 0; cut < 4 && text === null; cut++) {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      text = null;
    }
  }
  if (text === null) return false;
  return !/^\s*<(!doctype\s+html|html|svg|script|\?xml)/i.test(text.replace(/^\uFEFF/, ""));
}

export const FileKinds: Readonly<Record<string, Kind>> = {
  pdf: { group: "pdf", mime: "application/pdf", magic: pdf },
  doc: { group: "office", mime: "application/msword", magic: ole },
  xls: { group: "office", mime: "application/vnd.ms-excel", magic: ole },
  ppt: { group: "office", mime: "application/vnd.ms-powerpoint", magic: ole },
  docx: { group: "office", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: zip },
  xlsx: { group: "office", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: zip },
  pptx: { group: "office", mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", magic: zip },
  odt: { group: "office", mime: "application/vnd.oasis.opendocument.text", magic: zip },
  ods: { group: "office", mime: "application/vnd.oasis.opendocument.spreadsheet", magic: zip },
  odp: { group: "office", mime: "application/vnd.oasis.opendocument.presentation", magic: zip },
  png: { group: "images", mime: "image/png", magic: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { group: "images", mime: "image/jpeg", aliases: ["image/pjpeg"], magic: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  jpeg: { group: "images", mime: "image/jpeg", aliases: ["image/pjpeg"], magic: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  gif: { group: "images", mime: "image/gif", magic: (b) => startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a")) },
  webp: { group: "images", mime: "image/webp", magic: riff("WEBP") },
  txt: { group: "text", mime: "text/plain", magic: isPlainText },
  csv: { group: "text", mime: "text/csv", aliases: ["application/vnd.ms-excel", "text/plain", "application/csv"], magic: isPlainText },
  md: { group: "text", mime: "text/markdown", aliases: ["text/plain", "text/x-markdown"], magic: isPlainText },
  zip: { group: "archives", mime: "application/zip", aliases: ["application/x-zip-compressed", "application/x-zip"], magic: zip },
  mp3: { group: "audio", mime: "audio/mpeg", aliases: ["audio/mp3"], magic: (b) => startsWith(b, ascii("ID3")) || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0) },
  m4a: { group: "audio", mime: "audio/mp4", aliases: ["audio/x-m4a", "audio/m4a"], magic: ftyp },
  wav: { group: "audio", mime: "audio/wav", aliases: ["audio/x-wav", "audio/wave", "audio/vnd.wave"], magic: riff("WAVE") },
  mp4: { group: "video", mime: "video/mp4", magic: ftyp },
  mov: { group: "video", mime: "video/quicktime", magic: ftyp },
};

/** Programs and scripts: never stored, whatever the allow-list says. */
const EXECUTABLE = new Set(
  "exe msi msp bat cmd com scr pif cpl ps1 psm1 vbs vbe js jse mjs wsf wsh hta sh bash zsh csh ksh command app dmg pkg deb rpm apk ipa jar class dll so dylib bin run elf lnk reg inf scf gadget msc appx appxbundle".split(" "),
);
/** Active content a browser would run: web pages and SVG. */
const ACTIVE = new Set("html htm xhtml shtml mht mhtml svg svgz xml xsl xslt".split(" "));

/** The first bytes of a program, whatever its name says. */
export function looksExecutable(bytes: Bytes): boolean {
  return (
    startsWith(bytes, ascii("MZ")) ||
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(bytes, ascii("#!")) ||
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe])
  );
}

export const extensionOf = (name: string) => /\.([a-z0-9]{1,10})$/i.exec(name)?.[1]?.toLowerCase() ?? "";

export type KindCheck =
  | { ok: true; extension: string; kind: Kind }
  | { ok: false; reason: "executable" | "active" | "unknown" | "not_allowed" | "mismatch"; extension: string };

/** What a name and a declared type come to under an allow-list, before any byte is seen. */
export function kindFor(name: string, declared: string, allowed: readonly FileGroup[]): KindCheck {
  const extension = extensionOf(name);
  if (EXECUTABLE.has(extension)) return { ok: false, reason: "executable", extension };
  if (ACTIVE.has(extension)) return { ok: false, reason: "active", extension };
  const kind = FileKinds[extension];
  if (!kind) return { ok: false, reason: "unknown", extension };
  if (!allowed.includes(kind.group)) return { ok: false, reason: "not_allowed", extension };
  // Browsers leave the type empty (or generic) when they don't know it; the extension decides then.
  const type = declared.split(";")[0]!.trim().toLowerCase();
  if (type && type !== "application/octet-stream" && type !== kind.mime && !kind.aliases?.includes(type)) {
    return { ok: false, reason: "mismatch", extension };
  }
  return { ok: true, extension, kind };
}

/** Extensions of the allowed groups, for a file picker's `accept`. */
export function extensionsFor(groups: readonly FileGroup[]): string[] {
  return Object.entries(FileKinds)
    .filter(([, kind]) => groups.includes(kind.group))
    .map(([extension]) => `.${extension}`);
}

/** Images shown inline (previews): never SVG, never anything that can carry script. */
export const INLINE_IMAGE_TYPES: readonly string[] = ["image/png", "image/jpeg", "image/webp", "image/gif"];
export const isInlineImage = (contentType: string) => INLINE_IMAGE_TYPES.includes(contentType);
