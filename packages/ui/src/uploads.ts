import { api, ApiError } from "./api";
import type { FilePlace, FileView, UploadTicket } from "./types";

// One file from the browser straight to the bucket: the API checks and presigns, the browser
// sends the bytes (XMLHttpRequest, for its upload progress), then the API checks what arrived.
// Large files go up in parts, one after the other. A cancelled upload is dropped on both sides.

export type Target = { place: FilePlace; targetId?: string | undefined; replaces?: string | undefined };

export class UploadCancelled extends Error {
  override readonly name = "UploadCancelled";
}

/** Sends one request with progress; resolves with the response's ETag header. */
function send(method: "POST" | "PUT", url: string, body: XMLHttpRequestBodyInit, onProgress: (loaded: number) => void, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve(xhr.getResponseHeader("ETag") ?? "")
        : reject(new ApiError(xhr.status, "file.upload_failed", "The file storage refused the upload. Try again."));
    xhr.onerror = () => reject(new ApiError(0, "network", "The upload stopped: check your connection and try again."));
    xhr.onabort = () => reject(new UploadCancelled("Cancelled"));
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

async function sendBytes(ticket: UploadTicket, file: File, onProgress: (loaded: number) => void, signal: AbortSignal) {
  if (ticket.method === "POST") {
    const form = new FormData();
    for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
    // S3 reads the file last: every field after it is ignored.
    form.append("file", file);
    await send("POST", ticket.url, form, (loaded) => onProgress(Math.min(loaded, file.size)), signal);
    return undefined;
  }
  const parts: { number: number; etag: string }[] = [];
  let done = 0;
  for (const part of ticket.parts) {
    const chunk = file.slice((part.number - 1) * ticket.partSize, part.number * ticket.partSize);
    const etag = await send("PUT", part.url, chunk, (loaded) => onProgress(done + loaded), signal);
    done += chunk.size;
    parts.push({ number: part.number, etag });
  }
  return parts;
}

/**
 * Uploads `file` for `target`: progress in bytes, cancel with `signal`. Resolves with the checked
 * file; rejects with the API's refusal (an ApiError) or UploadCancelled.
 */
export async function uploadFile(file: File, target: Target, onProgress: (loaded: number) => void, signal: AbortSignal): Promise<FileView> {
  const started = await api.files.start({ name: file.name, size: file.size, type: file.type, ...target });
  const drop = () => void api.files.remove(started.file.id).catch(() => undefined);
  if (signal.aborted) {
    drop();
    throw new UploadCancelled("Cancelled");
  }
  try {
    const parts = await sendBytes(started.upload, file, onProgress, signal);
    return await api.files.confirm(started.file.id, parts);
  } catch (error) {
    if (error instanceof UploadCancelled) drop();
    throw error;
  }
}

/** A size as people read it: 820 KB, 4.2 MB. */
export function formatSize(bytes: number, locale = "en"): string {
  const units = [
    ["gigabyte", 1024 ** 3],
    ["megabyte", 1024 ** 2],
    ["kilobyte", 1024],
  ] as const;
  for (const [unit, size] of units) {
    if (bytes >= size) return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: bytes >= 10 * size ? 0 : 1 }).format(bytes / size);
  }
  return `${new Intl.NumberFormat(locale).format(bytes)} B`;
}
