// File names as people typed them, checked before anything is stored: a name is shown as text
// and sent in a Content-Disposition header, so it may not carry a path, control characters or
// the invisible marks that make "invoice‮fdp.exe" read as "invoiceexe.pdf".

export const MAX_NAME = 180;

export type NameProblem = "empty" | "too_long" | "path" | "control" | "invisible" | "no_extension";

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Direction marks and overrides, isolates, zero-width characters, the BOM, the Arabic letter mark.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** The name to store (NFC, trimmed), or what is wrong with it. */
export function checkName(raw: string): { ok: true; name: string } | { ok: false; problem: NameProblem } {
  const name = raw.normalize("NFC").trim();
  if (!name) return { ok: false, problem: "empty" };
  if (CONTROL.test(name)) return { ok: false, problem: "control" };
  if (INVISIBLE.test(name)) return { ok: false, problem: "invisible" };
  if (/[\\/]/.test(name) || name === "." || name === ".." || name.includes("..")) return { ok: false, problem: "path" };
  if ([...name].length > MAX_NAME) return { ok: false, problem: "too_long" };
  if (!/\.[a-z0-9]{1,10}$/i.test(name) || name.startsWith(".")) return { ok: false, problem: "no_extension" };
  return { ok: true, name };
}

export const nameMessages: Record<NameProblem, string> = {
  empty: "Give the file a name.",
  too_long: `Keep file names under ${MAX_NAME} characters.`,
  path: "A file name can't contain a folder path (/, \\ or ..).",
  control: "A file name can't contain control characters.",
  invisible: "A file name can't contain invisible direction marks or zero-width characters.",
  no_extension: "The file name needs an extension such as .pdf, so we know what kind of file it is.",
};

/**
 * A Content-Disposition header for `name` (RFC 6266): an ASCII fallback with anything unusual
 * replaced, and the exact name UTF-8-encoded in filename*.
 */
export function contentDisposition(name: string, inline: boolean): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;%]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? "inline" : "attachment"}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
