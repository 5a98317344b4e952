import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, mailCount, startApi, waitForEmail, type Started } from "../support/http.ts";
import { createAgency, uniqueEmail } from "../support/fixtures.ts";
import { samples, startUpload, upload, uploaded } from "../support/files.ts";
import { acceptInvitation, createWorld, type World } from "../support/world.ts";

// The agency's brand over HTTP: the owner's settings (each field checked, the colour's contrast
// computed and fixed), the logo through the files flow (checked by its bytes), and the public
// read the portal makes before sign-in.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Plain Agency Name");
});
afterAll(() => api.close());

const brand = async (changes: Record<string, unknown>, who: ApiClient = world.owner) => {
  const current = await world.owner.get("/brand");
  return who.patch("/brand", { version: current.body.version, ...changes });
};

/** A PNG of `size` bytes: a real 1×1 image, padded (PNG readers stop at IEND). */
const png = (size?: number) => {
  const image = samples.png();
  if (!size) return image;
  const bytes = new Uint8Array(size);
  bytes.set(image);
  return bytes;
};

describe("the brand settings", () => {
  it("are saved and read back, each field on its own", async () => {
    const saved = await brand({
      name: "Bright Assist",
      color: "#1D4ED8",
      senderName: "Bright Assist Team",
      replyTo: "Hello@Bright.example",
      emailFooter: "Bright Assist Ltd\n1 Harbour Road, Leith",
      portalTitle: "Bright Client Hub",
      portalWelcome: "Welcome! Send us anything you need.",
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({
      name: "Bright Assist",
      color: { chosen: "#1d4ed8", used: "#1d4ed8", adjusted: false },
      senderName: "Bright Assist Team",
      replyTo: "hello@bright.example",
      emailFooter: "Bright Assist Ltd\n1 Harbour Road, Leith",
      portalTitle: "Bright Client Hub",
      portalWelcome: "Welcome! Send us anything you need.",
    });
    expect(saved.body.color.againstWhite).toBeGreaterThanOrEqual(4.5);
    expect((await world.owner.get("/brand")).body).toEqual(saved.body);
    // Clearing one leaves the others.
    const cleared = await brand({ portalWelcome: "" });
    expect(cleared.body.portalWelcome).toBeNull();
    expect(cleared.body.portalTitle).toBe("Bright Client Hub");
    await brand({ portalWelcome: "Welcome! Send us anything you need." });
  });

  it("darken a colour that white text can't be read on, and say so", async () => {
    const saved = await brand({ color: "#ffcc00" });
    expect(saved.status).toBe(200);
    const { color } = saved.body;
    expect(color.chosen).toBe("#ffcc00");
    expect(color.adjusted).toBe(true);
    expect(color.used).not.toBe("#ffcc00");
    expect(color.againstWhite).toBeGreaterThanOrEqual(4.5);
    // The public brand (what the portal and emails paint) carries the colour used, not the one chosen.
    const shown = await new ApiClient(api.baseUrl, "portal").get(`/brand/public?agency=${world.agency.agencyId}`);
    expect(shown.body.color).toBe(color.used);
    await brand({ color: "#1d4ed8" });
  });

  it.each([
    ["name", "Bright\u0007Assist"],
    ["name", "Two\nlines"],
    ["senderName", "Bright\r\nBcc: victim@example.com"],
    ["replyTo", "not-an-address"],
    ["replyTo", "a@b.example\r\nBcc: c@d.example"],
    ["color", "red"],
    ["color", "#12345"],
    ["portalTitle", "x".repeat(81)],
    ["portalWelcome", "Hello\u0000there"],
    ["emailFooter", "x".repeat(501)],
    ["logoFileId", "fil_nope"],
  ])("refuse %s = %j with the field named", async (field, value) => {
    const refused = await brand({ [field]: value });
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(refused.body.error.fields[field]).toEqual(expect.any(String));
  });

  it("are the owner's alone, and never an API key's", async () => {
    expect((await brand({ name: "Hijack" }, world.sub)).status).toBe(403);
    expect((await brand({ name: "Hijack" }, world.contact)).status).toBe(403);
    const key = await world.owner.post("/api-keys", { name: "Brand key", scopes: ["read", "write"] });
    const keyed = new ApiClient(api.baseUrl, null);
    const current = await world.owner.get("/brand");
    const reply = await keyed.request("PATCH", "/brand", { version: current.body.version, replyTo: "thief@example.com" }, { authorization: `Bearer ${key.body.secret}` });
    expect(reply.status).toBe(403);
    expect((await world.owner.get("/brand")).body.replyTo).toBe("hello@bright.example");
  });
});

describe("the logo", () => {
  let logoId: string;

  it("is uploaded as a file, checked, and shown to anyone from its public address", async () => {
    logoId = await uploaded(world.owner, { name: "logo.png", bytes: png(), type: "image/png", place: "logo" });
    const saved = await brand({ logoFileId: logoId });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.logo.fileId).toBe(logoId);
    const shown = await new ApiClient(api.baseUrl, "portal").get(`/brand/public?agency=${world.agency.agencyId}`);
    expect(shown.body.logoUrl).toBe(saved.body.logo.url);
    const response = await fetch(`${api.baseUrl}${shown.body.logoUrl}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toContain("public");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    // Mail clients show it from their own sites.
    expect(response.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(png());
  });

  it("is refused when larger than 512 KB, before anything is uploaded", async () => {
    const started = await startUpload(world.owner, { name: "big.png", bytes: png(600 * 1024), type: "image/png", place: "logo" });
    expect(started.status).toBe(413);
    expect(started.body.error.fields.size).toMatch(/512 KB/);
  });

  it("is refused when its bytes are not the image its name says", async () => {
    const reply = await upload(world.owner, { name: "logo.png", bytes: samples.text("<svg onload=alert(1)>"), type: "image/png", place: "logo" });
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe("file.content_mismatch");
  });

  it.each([
    ["logo.svg", "image/svg+xml"],
    ["logo.gif", "image/gif"],
    ["logo.pdf", "application/pdf"],
  ])("is refused as %s: raster images only", async (name, type) => {
    const started = await startUpload(world.owner, { name, bytes: samples.pdf(), type, place: "logo" });
    expect(started.status).toBe(415);
    expect(started.body.error.fields.name).toEqual(expect.any(String));
  });

  it("must be a logo upload: another file can't be made the logo", async () => {
    const folderFile = await uploaded(world.owner, { name: "pic.png", bytes: png(), type: "image/png", place: "client", targetId: world.ids.client });
    const refused = await brand({ logoFileId: folderFile });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.logoFileId).toEqual(expect.any(String));
  });

  it("is uploaded by the owner only", async () => {
    const reply = await startUpload(world.contact, { name: "logo.png", bytes: png(), type: "image/png", place: "logo" });
    expect(reply.status).toBe(403);
  });
});

describe("the public brand", () => {
  it("holds what the sign-in page shows and nothing private", async () => {
    const reply = await new ApiClient(api.baseUrl, "portal").get(`/brand/public?agency=${world.agency.agencyId}`);
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body).sort()).toEqual(["agencyId", "color", "logoUrl", "name", "title", "welcome"]);
    expect(reply.body).toMatchObject({ agencyId: world.agency.agencyId, name: "Bright Assist", title: "Bright Client Hub", welcome: "Welcome! Send us anything you need." });
    expect(reply.headers.get("cache-control")).toBe("public, max-age=300");
    expect(JSON.stringify(reply.body)).not.toMatch(/hello@bright|Harbour Road|Plain Agency Name/);
  });

  it("is not found for an agency that doesn't exist, and refused for a malformed id", async () => {
    const anonymous = new ApiClient(api.baseUrl, "portal");
    expect((await anonymous.get("/brand/public?agency=agy_01aaaaaaaaaaaaaaaaaaaaaaaa")).status).toBe(404);
    const malformed = await anonymous.get("/brand/public?agency=../../etc");
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields.agency).toEqual(expect.any(String));
  });

  it("is the only agency's on a one-agency installation, and neutral once there are several", async () => {
    const only = await new ApiClient(api.baseUrl, "portal").get("/brand/public");
    expect(only.body).toMatchObject({ agencyId: world.agency.agencyId, name: "Bright Assist" });
    await createAgency("A Second Agency");
    const reply = await new ApiClient(api.baseUrl, "portal").get("/brand/public");
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ agencyId: null, name: null, title: null, welcome: null, color: null, logoUrl: null });
  });
});

describe("emails in the agency's brand", () => {
  /** What a reader sees of the sender: the name, not the installation's own address. */
  const shownName = (from: string) => decoded(from).replace(/<[^<>]*>$/, "");
  const decoded = (from: string) => from.replace(/=\?UTF-8\?B\?([^?]+)\?=/gi, (_, b64: string) => Buffer.from(b64, "base64").toString("utf8"));

  it("come from the agency's sender name with its reply-to, logo, colour and footer, and never say Baton", async () => {
    const email = uniqueEmail("brand-contact");
    await world.owner.post(`/clients/${world.ids.client}/contacts`, { email, name: "Brie Client", timeZone: "UTC" });
    const invitation = await waitForEmail(email);
    expect(decoded(invitation.from)).toMatch(/^"Bright Assist Team" <[^<>]+@[^<>]+>$/);
    expect(invitation.replyTo).toEqual(["hello@bright.example"]);
    expect(invitation.subject).toContain("Bright Assist");
    expect(invitation.body.html).toContain('alt="Bright Assist"');
    expect(invitation.body.html).toMatch(/<img src="http[^"]+\/api\/brand\/public\/logo\?agency=agy_/);
    expect(invitation.body.html).toContain("background:#1d4ed8");
    expect(invitation.body.text).toContain("Bright Assist Ltd\n1 Harbour Road, Leith");
    for (const part of [shownName(invitation.from), invitation.subject, invitation.body.html!, invitation.body.text!]) expect(part).not.toMatch(/Baton/i);
  });

  it.each([
    ["el", "Ο σύνδεσμος σύνδεσής σας για το γραφείο Bright Assist"],
    ["hi", "Bright Assist के लिए आपका साइन-इन लिंक"],
  ] as const)("carry the brand in %s too: the sign-in link a client asks for", async (locale, subject) => {
    const email = uniqueEmail(`brand-${locale}`);
    await world.owner.post(`/clients/${world.ids.client}/contacts`, { email, name: "Local Reader", timeZone: "UTC" });
    const reader = new ApiClient(api.baseUrl, "portal");
    await acceptInvitation(reader, email);
    expect((await reader.patch("/me", { locale })).status).toBe(200);
    const seen = await mailCount(email);
    expect((await reader.post("/auth/link", { email })).status).toBe(202);
    const link = await waitForEmail(email, (e) => e.subject === subject);
    expect(await mailCount(email)).toBe(seen + 1);
    expect(decoded(link.from)).toMatch(/^"Bright Assist Team" </);
    expect(link.replyTo).toEqual(["hello@bright.example"]);
    expect(link.body.html).toContain(`lang="${locale}"`);
    expect(link.body.html).toContain("white-space:pre-line\">Bright Assist Ltd\n1 Harbour Road, Leith");
    for (const part of [shownName(link.from), link.subject, link.body.html!, link.body.text!]) expect(part).not.toMatch(/Baton/i);
  });

  it("name a non-ASCII sender the way SES requires (RFC 2047), never as raw header text", async () => {
    await brand({ senderName: "Γραφείο Φωτεινή" });
    const email = uniqueEmail("brand-greek-sender");
    await world.owner.post(`/clients/${world.ids.client}/contacts`, { email, name: "Eleni", timeZone: "UTC" });
    const invitation = await waitForEmail(email);
    expect(invitation.from).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= </);
    expect(decoded(invitation.from)).toMatch(/^Γραφείο Φωτεινή </);
    await brand({ senderName: "Bright Assist Team" });
  });
});
