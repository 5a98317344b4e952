import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMarkdown } from "../../packages/core/src/markdown/index.ts";
import { startApi, type Started } from "../support/http.ts";
import { leadWithContact, saveKit, startOnboarding } from "../support/onboarding.ts";
import { createWorld, type World } from "../support/world.ts";

// The portal shows the agreement and the welcome packet as HTML the API rendered (it ships no
// Markdown renderer), so that HTML must be the renderer's own, safe output of exactly the text shown.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Rendered Onboarding Agency");
});
afterAll(() => api.close());

describe("the contact's checklist as HTML", () => {
  it("is empty before the onboarding starts", async () => {
    const lead = await leadWithContact(api, world.owner, "Quiet Lead");
    const mine = await lead.contact.get("/onboarding/mine");
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ startedAt: null, agreementHtml: "", welcomePacketHtml: "" });
  });

  it("carries the agreement and the packet rendered, with raw HTML escaped and unsafe links dropped", async () => {
    const packet = "# Welcome\n\nHere is **how we work**.\n\n<script>alert(1)</script>\n\n[a trap](javascript:alert(1)) and [our site](https://example.com)";
    await saveKit(world.owner, { welcomePacket: packet, agreement: { scope: "We do *everything* <img src=x onerror=alert(1)>." } });
    const lead = await leadWithContact(api, world.owner, "Rendered Lead");
    await startOnboarding(world.owner, lead.clientId);

    const mine = (await lead.contact.get("/onboarding/mine")).body;
    expect(mine.welcomePacketHtml).toBe(renderMarkdown(mine.welcomePacket));
    expect(mine.agreementHtml).toBe(renderMarkdown(mine.agreementText));
    expect(mine.welcomePacketHtml).toContain("<h1>Welcome</h1>");
    expect(mine.welcomePacketHtml).toContain("<strong>how we work</strong>");
    expect(mine.welcomePacketHtml).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer nofollow">our site</a>');
    expect(mine.welcomePacketHtml).toContain("&lt;script&gt;");
    expect(mine.welcomePacketHtml).not.toMatch(/<script|href="javascript/i);
    expect(mine.agreementHtml).toContain("<em>everything</em>");
    expect(mine.agreementHtml).not.toMatch(/<img/i);
  });

  it("is the contact's alone: the owner's view of the client has the Markdown only", async () => {
    const lead = await leadWithContact(api, world.owner, "Owner View Lead");
    await startOnboarding(world.owner, lead.clientId);
    const owners = (await world.owner.get(`/onboarding/clients/${lead.clientId}`)).body;
    expect(owners.welcomePacket).toContain("Welcome");
    expect(owners).not.toHaveProperty("welcomePacketHtml");
  });
});
