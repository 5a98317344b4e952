import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@baton/core/db";
import { Files } from "@baton/core/file";
import { ApiClient, signIn, startApi, type Started } from "../support/http.ts";
import { createAgency } from "../support/fixtures.ts";
import { download, samples, sendToBucket, startUpload, upload, uploaded } from "../support/files.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Files over HTTP against DynamoDB Local and the S3 stand-in (s3rver): presigned uploads straight
// to the bucket, the confirm step's own checks (s3rver checks neither signatures nor sizes, so
// these are what protect the local runtime), downloads, versions, deleting, retention and quota.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Files Agency");
});
afterAll(() => api.close());

/** Every file record of the world's client, whatever its status (nothing half-stored is left). */
const recordsOfClient = async () =>
  (await db.entities.file.query.filesOfClient({ agencyId: world.agency.agencyId, clientId: world.ids.client }).go({ pages: "all" })).data;

const usage = async () => (await world.owner.get("/files/usage")).body.usedBytes as number;

describe("a client's brief with files", () => {
  it("uploads two files, submits them with the request, and the owner downloads them", async () => {
    const pdf = await uploaded(world.contact, { name: "Brief.pdf", bytes: samples.pdf(), type: "application/pdf", place: "request" });
    const png = await uploaded(world.contact, { name: "Logo.png", bytes: samples.png(), type: "image/png", place: "request" });
    const submitted = await world.contact.post("/requests", { title: "Design a flyer", description: "See the brief.", service: "Design", fileIds: [pdf, png] });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const detail = await world.owner.get(`/requests/${submitted.body.id}`);
    expect(detail.body.files.map((f: any) => f.name).sort()).toEqual(["Brief.pdf", "Logo.png"]);
    const got = await download(world.owner, pdf);
    expect(got.redirect.status).toBe(302);
    expect(got.object!.status).toBe(200);
    expect(Buffer.from(got.object!.bytes).equals(Buffer.from(samples.pdf()))).toBe(true);
    expect(got.object!.headers.get("content-disposition")).toBe(`attachment; filename="Brief.pdf"; filename*=UTF-8''Brief.pdf`);
    // A safe image may be shown inline (previews); everything else always downloads.
    const preview = await download(world.owner, png, "view");
    expect(preview.object!.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(preview.object!.headers.get("content-type")).toBe("image/png");
    const pdfView = await download(world.owner, pdf, "view");
    expect(pdfView.object!.headers.get("content-disposition")).toMatch(/^attachment;/);
    // The file records what was checked: its size, type and the bucket's checksum.
    const meta = await world.owner.get(`/files/${pdf}`);
    expect(meta.body).toMatchObject({ status: "ready", size: samples.pdf().length, contentType: "application/pdf", place: "request", requestId: submitted.body.id });
    expect(meta.body.checksum).toMatch(/^"?[0-9a-f]{32}"?$/);
  });

  it("attaches a file once, and only the uploader's own", async () => {
    const mine = await uploaded(world.contact, { name: "Plan.pdf", bytes: samples.pdf(), place: "request" });
    const byOwner = await uploaded(world.owner, { name: "Theirs.pdf", bytes: samples.pdf(), place: "request", targetId: world.ids.client });
    const other = await world.contact.post("/requests", { title: "T", description: "D", service: "S", fileIds: [byOwner] });
    expect(other.status).toBe(400);
    expect(other.body.error.fields["fileIds.0"]).toMatch(/not found/);
    const first = await world.contact.post("/requests", { title: "T", description: "D", service: "S", fileIds: [mine] });
    expect(first.status).toBe(201);
    const again = await world.contact.post("/requests", { title: "T2", description: "D", service: "S", fileIds: [mine] });
    expect(again.status).toBe(400);
    expect(again.body.error.fields["fileIds.0"]).toMatch(/already attached/);
  });
});

describe("refusals when an upload starts: a clear 4xx with a code, and nothing stored", () => {
  const cases: Array<[string, Record<string, unknown>, number, string]> = [
    ["a name with ../", { name: "../../etc/passwd.pdf" }, 400, "file.name_invalid"],
    ["a name with a control character", { name: "report\u0000.pdf" }, 400, "file.name_invalid"],
    ["a name with a right-to-left override", { name: "invoice\u202efdp.exe.pdf" }, 400, "file.name_invalid"],
    ["a name of 300 characters", { name: `${"a".repeat(296)}.pdf` }, 400, "file.name_invalid"],
    ["a program", { name: "setup.exe", type: "application/x-msdownload" }, 415, "file.executable"],
    ["a script", { name: "install.ps1", type: "" }, 415, "file.executable"],
    ["an SVG", { name: "logo.svg", type: "image/svg+xml" }, 415, "file.type_forbidden"],
    ["a web page", { name: "page.html", type: "text/html" }, 415, "file.type_forbidden"],
    ["an unknown kind", { name: "data.xyz", type: "" }, 415, "file.type_not_allowed"],
    ["a declared type that doesn't match the name", { name: "photo.pdf", type: "image/png" }, 400, "file.type_mismatch"],
    ["an empty file", { name: "empty.pdf", size: 0 }, 400, "file.empty"],
    ["a file over the agency's maximum", { name: "huge.pdf", size: 101 * 1024 * 1024 }, 413, "file.too_large"],
  ];
  it.each(cases)("refuses %s", async (_what, override, status, code) => {
    const before = (await recordsOfClient()).length;
    const reply = await world.contact.post("/files", { name: "ok.pdf", size: 100, type: "application/pdf", place: "request", ...override });
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    expect(reply.body.error.code).toBe(code);
    expect(reply.body.error.message).toEqual(expect.any(String));
    expect((await recordsOfClient()).length).toBe(before);
  });

  it("refuses kinds the agency's allow-list leaves out, and says what is allowed", async () => {
    const agency = (await world.owner.get("/agency")).body;
    const narrowed = await world.owner.patch("/agency", { version: agency.version, files: { groups: ["pdf", "images"] } });
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.files.extensions).toEqual([".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp"]);
    const reply = await world.contact.post("/files", { name: "sheet.xlsx", size: 100, type: "", place: "request" });
    expect(reply.status).toBe(415);
    expect(reply.body.error).toMatchObject({ code: "file.type_not_allowed", message: expect.stringContaining(".pdf") });
    await world.owner.patch("/agency", { version: narrowed.body.version, files: { groups: ["pdf", "office", "images", "text", "archives", "audio", "video"] } });
  });

  it("refuses a smaller maximum the owner sets", async () => {
    const agency = (await world.owner.get("/agency")).body;
    const one = await world.owner.patch("/agency", { version: agency.version, files: { maxFileMb: 1 } });
    const reply = await world.contact.post("/files", { name: "big.pdf", size: 2 * 1024 * 1024, type: "application/pdf", place: "request" });
    expect(reply.status).toBe(413);
    expect(reply.body.error.message).toContain("1 MB");
    await world.owner.patch("/agency", { version: one.body.version, files: { maxFileMb: 100 } });
  });

  it("answers 404 for a target of another client or agency", async () => {
    const other = await createAgency("Other Files Agency");
    const otherOwner = new ApiClient(api.baseUrl);
    await signIn(otherOwner, other.ownerEmail);
    const { request, task } = await acceptedTask(world, { title: "Target work" });
    expect((await otherOwner.post("/files", { name: "a.pdf", size: 10, type: "", place: "client", targetId: world.ids.client })).status).toBe(404);
    expect((await otherOwner.post("/files", { name: "a.pdf", size: 10, type: "", place: "thread", targetId: request.id })).status).toBe(404);
    expect((await world.contact.post("/files", { name: "a.pdf", size: 10, type: "", place: "request", targetId: "cli_01jzzzzzzzzzzzzzzzzzzzzzzz" })).status).toBe(404);
    // Who may upload where: the client never to a deliverable or the internal notes, a subcontractor never to a client's folder.
    expect((await world.contact.post("/files", { name: "a.pdf", size: 10, type: "", place: "deliverable", targetId: task.id })).status).toBe(404);
    expect((await world.contact.post("/files", { name: "a.pdf", size: 10, type: "", place: "internal", targetId: request.id })).status).toBe(404);
    expect((await world.sub.post("/files", { name: "a.pdf", size: 10, type: "", place: "client", targetId: world.ids.client })).status).toBe(403);
  });
});

describe("the confirm step: what the bucket holds is checked, since the stand-in checks nothing", () => {
  it("refuses a confirm for an upload that never happened, and accepts it once the bytes arrive", async () => {
    const bytes = samples.pdf();
    const started = await startUpload(world.contact, { name: "Later.pdf", bytes, place: "request" });
    expect(started.status).toBe(201);
    expect(started.body.upload.method).toBe("POST");
    expect(started.body.upload.fields.key).toBe(`${world.agency.agencyId}/${world.ids.client}/${started.body.file.id}`);
    const early = await world.contact.post(`/files/${started.body.file.id}/confirm`, {});
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe("file.not_uploaded");
    await sendToBucket(started.body.upload, bytes);
    const confirmed = await world.contact.post(`/files/${started.body.file.id}/confirm`, {});
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe("ready");
  });

  it("refuses more bytes than declared (s3rver ignores content-length-range), keeping nothing", async () => {
    const before = (await recordsOfClient()).length;
    const reply = await upload(world.contact, { name: "Short.pdf", bytes: samples.pdf(), declaredSize: 10, place: "request" });
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe("file.size_mismatch");
    expect((await recordsOfClient()).length).toBe(before);
  });

  it("refuses bytes that aren't the declared kind: an image called .pdf, a program called .txt", async () => {
    const before = (await recordsOfClient()).length;
    const image = await upload(world.contact, { name: "Contract.pdf", bytes: samples.png(), type: "application/pdf", place: "request" });
    expect(image.status).toBe(422);
    expect(image.body.error.code).toBe("file.content_mismatch");
    const program = await upload(world.contact, { name: "notes.txt", bytes: samples.exe(), type: "text/plain", place: "request" });
    expect(program.status).toBe(415);
    expect(program.body.error.code).toBe("file.executable");
    const page = await upload(world.contact, { name: "notes.txt", bytes: samples.text("<!doctype html><script>alert(1)</script>"), type: "text/plain", place: "request" });
    expect(page.status).toBe(422);
    expect((await recordsOfClient()).length).toBe(before);
  });

  it("refuses a stored type other than the one the upload was signed for", async () => {
    const bytes = samples.pdf();
    const started = await startUpload(world.contact, { name: "Typed.pdf", bytes, place: "request" });
    const tampered = { ...started.body.upload, fields: { ...started.body.upload.fields, "Content-Type": "text/html" } };
    await sendToBucket(tampered, bytes);
    const reply = await world.contact.post(`/files/${started.body.file.id}/confirm`, {});
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe("file.type_mismatch");
    expect((await world.contact.get(`/files/${started.body.file.id}`)).status).toBe(404);
  });

  it("lets only the uploader confirm or cancel, and a cancelled upload is gone", async () => {
    const started = await startUpload(world.contact, { name: "Cancel.pdf", bytes: samples.pdf(), place: "request" });
    const id = started.body.file.id;
    expect((await world.owner.post(`/files/${id}/confirm`, {})).status).toBe(404);
    expect((await world.contact.delete(`/files/${id}`)).status).toBe(200);
    expect((await world.contact.post(`/files/${id}/confirm`, {})).status).toBe(404);
  });

  it("uploads a large file in parts and checks the whole", async () => {
    Object.assign(process.env, { BATON_MULTIPART_THRESHOLD_BYTES: String(6 * 1024 * 1024), BATON_MULTIPART_PART_BYTES: String(5 * 1024 * 1024) });
    try {
      const bytes = samples.bigPdf(7 * 1024 * 1024 + 17);
      const started = await startUpload(world.owner, { name: "Scan.pdf", bytes, place: "client", targetId: world.ids.client });
      expect(started.body.upload).toMatchObject({ method: "PUT_PARTS", partSize: 5 * 1024 * 1024 });
      expect(started.body.upload.parts).toHaveLength(2);
      const missing = await world.owner.post(`/files/${started.body.file.id}/confirm`, {});
      expect(missing.body.error.code).toBe("file.upload_incomplete");
      const sent = await sendToBucket(started.body.upload, bytes);
      const confirmed = await world.owner.post(`/files/${started.body.file.id}/confirm`, { parts: sent.parts });
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      const got = await download(world.owner, started.body.file.id);
      expect(got.object!.bytes.length).toBe(bytes.length);
    } finally {
      delete process.env.BATON_MULTIPART_THRESHOLD_BYTES;
      delete process.env.BATON_MULTIPART_PART_BYTES;
    }
  });
});

describe("downloads", () => {
  it("answers 404 for another agency's file and for a file of the client's that isn't shared", async () => {
    const other = await createAgency("Peeking Agency");
    const otherOwner = new ApiClient(api.baseUrl);
    await signIn(otherOwner, other.ownerEmail);
    const { request } = await acceptedTask(world, { title: "Private notes" });
    const note = await uploaded(world.owner, { name: "Margin.pdf", bytes: samples.pdf(), place: "internal", targetId: request.id });
    const posted = await world.owner.post(`/requests/${request.id}/messages`, { body: "Our margin", thread: "internal", fileIds: [note] });
    expect(posted.status).toBe(201);
    for (const who of [otherOwner, world.contact]) {
      expect((await who.get(`/files/${note}`)).status).toBe(404);
      expect((await who.redirectOf(`/files/${note}/download`)).status).toBe(404);
    }
    expect((await world.owner.redirectOf(`/files/${note}/download`)).status).toBe(302);
  });

  it("links expire after a few minutes (here, a second): the bucket refuses them", async () => {
    const id = await uploaded(world.owner, { name: "Expiring.pdf", bytes: samples.pdf(), place: "client", targetId: world.ids.client });
    process.env.BATON_PRESIGN_SECONDS = "1";
    try {
      const { location } = await world.owner.redirectOf(`/files/${id}/download`);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const response = await fetch(location!);
      expect(response.status).toBe(403);
      const text = await response.text();
      expect(text).toContain("<Code>AccessDenied</Code>");
      expect(text).toContain("Request has expired");
    } finally {
      delete process.env.BATON_PRESIGN_SECONDS;
    }
  });
});

describe("the client's folder: versions, deleting and retention", () => {
  it("keeps versions of a document and lists them on both Files pages", async () => {
    const v1 = await uploaded(world.owner, { name: "Contract.pdf", bytes: samples.pdf(), place: "client", targetId: world.ids.client });
    const v2 = await uploaded(world.owner, { name: "Contract v2.pdf", bytes: samples.pdf(), place: "client", targetId: world.ids.client, replaces: v1 });
    const old = await world.owner.get(`/files/${v1}`);
    expect(old.body).toMatchObject({ supersededBy: v2, seriesVersion: 1 });
    expect((await world.owner.get(`/files/${v2}`)).body).toMatchObject({ seriesId: v1, seriesVersion: 2 });
    const stale = await world.owner.post("/files", { name: "Contract v3.pdf", size: 10, type: "", place: "client", targetId: world.ids.client, replaces: v1 });
    expect(stale.status).toBe(400);
    expect(stale.body.error.code).toBe("file.not_latest");
    const portal = await world.contact.get("/portal/files?limit=100");
    expect(portal.body.items.map((f: any) => f.id)).toEqual(expect.arrayContaining([v1, v2]));
    expect(portal.body.items[0]).not.toHaveProperty("checksum");
    const team = await world.owner.get(`/clients/${world.ids.client}/files?limit=100`);
    expect(team.body.items.map((f: any) => f.id)).toEqual(expect.arrayContaining([v1, v2]));
  });

  it("deletes softly: gone for everyone, audited, usage counted down, removed by the retention job", async () => {
    const bytes = samples.pdf();
    const id = await uploaded(world.owner, { name: "Old report.pdf", bytes, place: "client", targetId: world.ids.client });
    const used = await usage();
    expect((await world.contact.delete(`/files/${id}`)).status).toBe(403);
    const deleted = await world.owner.delete(`/files/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.file.status).toBe("deleted");
    expect(await usage()).toBe(used - bytes.length);
    expect((await world.contact.get(`/files/${id}`)).status).toBe(404);
    const gone = await world.owner.redirectOf(`/files/${id}/download`);
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe("file.deleted");
    const audit = await world.owner.get("/audit?limit=20");
    expect(audit.body.items.find((e: any) => e.action === "file.deleted" && e.subject.id === id)).toBeDefined();

    const record = (await db.entities.file.get({ agencyId: world.agency.agencyId, fileId: id }).go()).data!;
    const objectUrl = `${process.env.S3_ENDPOINT}/${process.env.BATON_BUCKET_NAME}/${record.key}`;
    expect((await fetch(objectUrl)).status).toBe(200);
    // Before the retention days run out the job leaves it; after, record and object go.
    await Files.purgeDue(new Date(Date.parse(record.purgeAt) - 60_000));
    expect((await db.entities.file.get({ agencyId: world.agency.agencyId, fileId: id }).go()).data).not.toBeNull();
    await Files.purgeDue(new Date(Date.parse(record.purgeAt) + 60_000));
    expect((await db.entities.file.get({ agencyId: world.agency.agencyId, fileId: id }).go()).data).toBeNull();
    // The object is gone from the bucket too (s3rver answers anonymous reads).
    expect((await fetch(objectUrl)).status).toBe(404);
  });

  it("removes uploads never attached after a day, counting their bytes back", async () => {
    const bytes = samples.pdf();
    const id = await uploaded(world.contact, { name: "Forgotten.pdf", bytes, place: "request" });
    const used = await usage();
    await Files.purgeDue(new Date(Date.now() + 25 * 3600_000));
    expect((await db.entities.file.get({ agencyId: world.agency.agencyId, fileId: id }).go()).data).toBeNull();
    expect(await usage()).toBe(used - bytes.length);
  });
});

describe("the storage quota", () => {
  it("refuses an upload that would go over it, before and at the confirm, keeping nothing", async () => {
    const quota = (await world.owner.get("/files/usage")).body.quotaBytes as number;
    const used = await usage();
    // The agency is nearly full (what 10 GB of real uploads would leave).
    await db.entities.agency.patch({ agencyId: world.agency.agencyId }).add({ storageBytes: quota - used - 50 }).go();
    try {
      const refused = await world.contact.post("/files", { name: "More.pdf", size: 100, type: "application/pdf", place: "request" });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe("file.quota_exceeded");
      // Two uploads that each fit, confirmed one after the other: the second no longer fits.
      const bytes = samples.pdf();
      const first = await startUpload(world.contact, { name: "A.pdf", bytes, place: "request" });
      const second = await startUpload(world.contact, { name: "B.pdf", bytes, place: "request" });
      expect([first.status, second.status]).toEqual([201, 201]);
      await sendToBucket(first.body.upload, bytes);
      await sendToBucket(second.body.upload, bytes);
      await db.entities.agency.patch({ agencyId: world.agency.agencyId }).add({ storageBytes: 50 - bytes.length }).go();
      expect((await world.contact.post(`/files/${first.body.file.id}/confirm`, {})).status).toBe(200);
      const over = await world.contact.post(`/files/${second.body.file.id}/confirm`, {});
      expect(over.status).toBe(422);
      expect(over.body.error.code).toBe("file.quota_exceeded");
      expect((await world.contact.get(`/files/${second.body.file.id}`)).status).toBe(404);
      expect(await usage()).toBe(quota);
    } finally {
      await db.entities.agency.patch({ agencyId: world.agency.agencyId }).set({ storageBytes: used }).go();
    }
  });
});
