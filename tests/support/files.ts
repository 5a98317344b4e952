import { crc32, deflateSync } from "node:zlib";
import type { ApiClient, Reply } from "./http.ts";

/** A real PNG of one colour (a logo in tests): `width`×`height`, RGB. */
export function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]));
}

// Uploads as the apps do them: ask the API for a presigned upload, send the bytes straight to the
// bucket (the S3 stand-in), then confirm. Each step is exposed for tests that break one of them.

export type Place = "request" | "thread" | "internal" | "deliverable" | "client" | "sop" | "logo";
export type UploadInput = { name: string; bytes: Uint8Array; type?: string; place: Place; targetId?: string; replaces?: string; declaredSize?: number };

/** A small real file of each kind: the bytes its magic number check expects. */
export const samples = {
  pdf: () => new TextEncoder().encode("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
  png: () =>
    Uint8Array.from(
      Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"),
    ),
  text: (text = "Name,Amount\nAda,12\n") => new TextEncoder().encode(text),
  exe: () => Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]),
  /** `size` bytes that start like a PDF. */
  bigPdf: (size: number) => {
    const bytes = new Uint8Array(size);
    bytes.set(new TextEncoder().encode("%PDF-1.7\n"));
    return bytes;
  },
};

export async function startUpload(client: ApiClient, input: UploadInput): Promise<Reply> {
  return client.post("/files", {
    name: input.name,
    size: input.declaredSize ?? input.bytes.length,
    type: input.type ?? "",
    place: input.place,
    ...(input.targetId ? { targetId: input.targetId } : {}),
    ...(input.replaces ? { replaces: input.replaces } : {}),
  });
}

/** Sends the bytes the way the browser does: the presigned POST form, or each part's PUT. */
export async function sendToBucket(upload: any, bytes: Uint8Array): Promise<{ status: number; parts?: { number: number; etag: string }[] }> {
  if (upload.method === "POST") {
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields as Record<string, string>)) form.append(name, value);
    form.append("file", new Blob([bytes]));
    const response = await fetch(upload.url, { method: "POST", body: form });
    await response.arrayBuffer();
    return { status: response.status };
  }
  const parts = [];
  for (const part of upload.parts as { number: number; url: string }[]) {
    const chunk = bytes.subarray((part.number - 1) * upload.partSize, part.number * upload.partSize);
    const response = await fetch(part.url, { method: "PUT", body: chunk });
    await response.arrayBuffer();
    if (!response.ok) return { status: response.status };
    parts.push({ number: part.number, etag: response.headers.get("etag")! });
  }
  return { status: 200, parts };
}

/** Start, upload and confirm; the confirmed file (or the refusal that stopped it). */
export async function upload(client: ApiClient, input: UploadInput, bytesToSend = input.bytes): Promise<Reply> {
  const started = await startUpload(client, input);
  if (started.status !== 201) return started;
  const sent = await sendToBucket(started.body.upload, bytesToSend);
  if (sent.status >= 300) throw new Error(`bucket refused the upload: ${sent.status}`);
  return client.post(`/files/${started.body.file.id}/confirm`, sent.parts ? { parts: sent.parts } : {});
}

/** Uploads and insists it worked: the file's id. */
export async function uploaded(client: ApiClient, input: UploadInput): Promise<string> {
  const reply = await upload(client, input);
  if (reply.status !== 200) throw new Error(`upload failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.id;
}

/** Follows a download the way a browser does: the API's redirect, then the bucket's answer. */
export async function download(client: ApiClient, fileId: string, how: "download" | "view" = "download") {
  const redirect = await client.redirectOf(`/files/${fileId}/${how}`);
  if (redirect.status !== 302) return { redirect, object: null };
  const response = await fetch(redirect.location!);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { redirect, object: { status: response.status, bytes, headers: response.headers } };
}
