import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { withActor } from "@baton/core/actor";
import { Auth } from "@baton/core/auth";
import { done } from "@baton/core/fields";
import { Me } from "@baton/core/me";
import { Signup } from "@baton/core/signup";
import { allow } from "../access.ts";
import { clientIp } from "../client-ip.ts";
import { accepted, ok } from "../responses.ts";
import { setSessionCookie } from "../session.ts";
import { input } from "../validate.ts";

// Self-serve sign-up (a deploy setting: open, invite or closed; packages/core/src/signup).
export const signupRoutes = new Hono()
  .get("/", describeRoute({ tags: ["Sign-up"], summary: "Whether this installation takes sign-ups", responses: ok(Signup.settingsOutput) }), allow("anyone"), (c) =>
    c.json(Signup.settings(), 200),
  )
  .post(
    "/start",
    describeRoute({ tags: ["Sign-up"], summary: "Email a link that verifies the address (or, for an existing account, a pointer to sign in)", responses: accepted(done, "The same answer for every address") }),
    allow("anyone"),
    input("json", Signup.start.schema),
    async (c) => {
      await Signup.start(c.req.valid("json"), clientIp(c));
      return c.json({ ok: true as const }, 202);
    },
  )
  .post(
    "/check",
    describeRoute({ tags: ["Sign-up"], summary: "Whether a verification link can still be used, without using it", responses: ok(Signup.linkOutput) }),
    allow("anyone"),
    input("json", Signup.check.schema),
    async (c) => c.json(await Signup.check(c.req.valid("json")), 200),
  )
  .post(
    "/complete",
    describeRoute({ tags: ["Sign-up"], summary: "Create the agency and its owner from a verification link, and sign the owner in", responses: ok(Me.output, "The new owner; the session cookie is set") }),
    allow("anyone"),
    input("json", Signup.complete.schema),
    async (c) => {
      const { agencyId, memberId } = await Signup.complete(c.req.valid("json"));
      const token = await Auth.createSessionToken({ type: "member", agencyId, memberId, sessionVersion: 0 });
      setSessionCookie(c, "web", token);
      const actor = await Auth.actorFromSession(token);
      return c.json(await withActor(actor!, () => Me.get()), 200);
    },
  );
