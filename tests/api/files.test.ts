import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Started } from "../support/http.ts";
import { download, samples, sendToBucket, startUpload, upload, uploaded } from "../support/files.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Files over HTTP against DynamoDB Local and the S3 stand-in (s3rver): presigned uploads straight
// to the bucket, the confirm step's own checks (s3rver checks neither signatures nor sizes, so
// these are what protect the local runtime), downloads, versions, deleting and the quota.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Files Agency");
});
afterAll(() => api.close());

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
    const preview = await download(world.owner, png, "view");
    expect(preview.object!.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(preview.object!.headers.get("content-type")).toBe("image/png");
  });
});
