import { deflateSync } from "node:zlib";
import { withActor, type Actor } from "@baton/core/actor";
import { Files } from "@baton/core/file";

// Small real files for the demo (a PDF that opens in any viewer, a PNG that previews, CSV),
// uploaded through the same presigned path as the apps use, so the demo's files are checked
// like anyone's.

/** A one-page PDF with a title and lines of text (Helvetica; ASCII only). */
export function pdf(title: string, lines: string[]): Uint8Array {
  const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, "?");
  const content = [
    "BT /F1 20 Tf 60 770 Td",
    `(${escape(title)}) Tj`,
    "/F1 12 Tf 0 -34 Td",
    ...lines.flatMap((line) => [`(${escape(line)}) Tj`, "0 -18 Td"]),
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A PNG of colour swatches side by side (a brand palette). */
export function swatches(colors: [number, number, number][], size = 96): Uint8Array {
  const width = size * colors.length;
  const height = size;
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    rows[row] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = colors[Math.floor(x / size)]!;
      rows.set([r, g, b], row + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Uint8Array) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "ascii");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, "ascii"), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(rows)), chunk("IEND", new Uint8Array())]),
  );
}

export const text = (value: string) => new TextEncoder().encode(value);

type Place = "request" | "thread" | "internal" | "deliverable" | "client" | "sop";

/** Uploads as `actor` does in the apps: start, POST the bytes to the bucket, confirm. The file's id. */
export async function uploadAs(actor: Actor, file: { name: string; bytes: Uint8Array; place: Place; targetId?: string; replaces?: string }): Promise<string> {
  return withActor(actor, async () => {
    const started = await Files.start({ name: file.name, size: file.bytes.length, type: "", place: file.place, targetId: file.targetId, replaces: file.replaces });
    if (started.upload.method !== "POST") throw new Error("demo files are small enough for one POST");
    const form = new FormData();
    for (const [name, value] of Object.entries(started.upload.fields)) form.append(name, value);
    form.append("file", new Blob([file.bytes]));
    const response = await fetch(started.upload.url, { method: "POST", body: form });
    if (!response.ok) throw new Error(`the bucket refused ${file.name}: ${response.status}`);
    return (await Files.confirm({}, started.file.id)).id;
  });
}
