import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { accepted, noContent, ok } from "../responses.ts";
import { done } from "@baton/core/fields";
import { allow } from "../access.ts";
import { Auth } from "@baton/core/auth";
import { Me } from "@baton/core/me";
import { withActor } from "@baton/core/actor";
import { Metrics } from "@baton/core/metrics";
import { clientIp } from "../client-ip.ts";
import { input } from "../validate.ts";
import { clearSessionCookie, readSessionCookie, setSessionCookie } from "../session.ts";

export const authRoutes = new Hono()
  .post(
    "/link",
    describeRoute({ tags: ["Auth"], summary: "Email a sign-in link", responses: accepted(done, "Sent if the address has an account") }), allow("anyone"),
    input("json", Auth.requestLink.schema),
    async (c) => {
      await Auth.requestLink(c.req.valid("json"), clientIp(c));
      Metrics.count(Metrics.Names.signInLinksRequested);
      return c.json({ ok: true as const }, 202);
    },
  )
  .post(
    "/verify",
    describeRoute({ tags: ["Auth"], summary: "Redeem a sign-in link and start a session", responses: ok(Me.output, "The signed-in person; the session cookie is set") }), allow("anyone"),
    input("json", Auth.verify.schema),
    async (c) => {
      const { token, subject } = await Auth.verify(c.req.valid("json"));
      setSessionCookie(c, subject.type === "member" ? "web" : "portal", token);
      Metrics.count(Metrics.Names.signIns, { App: subject.type === "member" ? "web" : "portal" });
      const actor = await Auth.actorFromSession(token);
      return c.json(await withActor(actor!, () => Me.get()), 200);
    },
  )
  .post(
    "/sign-out",
    describeRoute({ tags: ["Auth"], summary: "Sign out: ends every session of the signed-in person (this cookie stops working everywhere)", responses: noContent("Signed out") }), allow("anyone"),
    async (c) => {
      await Auth.signOut(readSessionCookie(c));
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );
