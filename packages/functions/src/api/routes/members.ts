import { Hono } from "hono";
import { Vault } from "@baton/core/vault";
import { describeRoute } from "hono-openapi";
import { accepted, created, ok } from "../responses.ts";
import { done } from "@baton/core/fields";
import { allow } from "../access.ts";
import { Member } from "@baton/core/member";
import { pageQuery } from "@baton/core/fields";
import { input } from "../validate.ts";
import { pathIds } from "../path-ids.ts";

const tags = ["Team"];

export const memberRoutes = new Hono()
  .get("/", describeRoute({ responses: ok(Member.listOutput), tags, summary: "List team members (owner)" }), allow("owner"), input("query", pageQuery), async (c) =>
    c.json(await Member.list(c.req.valid("query")), 200),
  )
  .post(
    "/",
    describeRoute({ responses: created(Member.output), tags, summary: "Invite a subcontractor (owner)" }), allow("owner", { apiKeys: "never" }),
    input("json", Member.invite.schema),
    async (c) => c.json(await Member.invite(c.req.valid("json")), 201),
  )
  .get("/:memberId", describeRoute({ responses: ok(Member.output), tags, summary: "A team member (owner)" }), allow("owner"), pathIds("memberId"), async (c) =>
    c.json(await Member.get(c.req.param("memberId")), 200),
  )
  .patch(
    "/:memberId",
    describeRoute({ responses: ok(Member.output), tags, summary: "Update a team member (owner); send the version you read" }), allow("owner", { apiKeys: "never" }),
    pathIds("memberId"),
    input("json", Member.update.schema),
    async (c) => c.json(await Member.update(c.req.valid("json"), c.req.param("memberId")), 200),
  )
  .post("/:memberId/invite", describeRoute({ responses: accepted(done, "The invitation is on its way"), tags, summary: "Resend the invitation (owner)" }), allow("owner", { apiKeys: "never" }), pathIds("memberId"), async (c) => {
    await Member.resendInvitation(c.req.param("memberId"));
    return c.json({ ok: true as const }, 202);
  })
  .delete("/:memberId", describeRoute({ responses: ok(Member.output, "The member, removed"), tags, summary: "Remove a team member's access (owner)" }), allow("owner", { apiKeys: "never" }), pathIds("memberId"), async (c) => {
    const member = await Member.remove(c.req.param("memberId"));
    // Clients whose logins the member saw are asked to rotate them (the owner's checklist: GET /api/vault/offboarding/:memberId).
    await Vault.memberLeft(member.id);
    return c.json(member, 200);
  });
