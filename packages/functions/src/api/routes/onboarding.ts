import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { file, ok } from "../responses.ts";
import { allow } from "../access.ts";
import { Onboarding } from "@baton/core/onboarding";
import { clientIp } from "../client-ip.ts";
import { input } from "../validate.ts";
import { pathIds } from "../path-ids.ts";

const tags = ["Onboarding"];

// Client onboarding (packages/core/src/onboarding): the owner's kit, a client's progress, the
// contact's checklist.
export const onboardingRoutes = new Hono()
  .get(
    "/kit",
    describeRoute({ responses: ok(Onboarding.kitOutput), tags, summary: "The onboarding kit: questionnaire, agreement sections, welcome packet (owner; version 0 until first saved)" }), allow("owner"),
    async (c) => c.json(await Onboarding.kit(), 200),
  )
  .put(
    "/kit",
    describeRoute({
      tags,
      summary: "Save the onboarding kit (owner); send the version you read, 0 for the first save",
      responses: { ...ok(Onboarding.kitOutput, "The saved kit"), 400: { description: "Field errors, keyed like questions.2.options" }, 409: { description: "Changed by someone else (`current` has the kit)" } },
    }), allow("owner"),
    input("json", Onboarding.saveKit.schema),
    async (c) => c.json(await Onboarding.saveKit(c.req.valid("json")), 200),
  )
  .get(
    "/clients/:clientId",
    describeRoute({ responses: ok(Onboarding.output), tags, summary: "A client's onboarding progress (owner; startedAt null when never started)" }), allow("owner"),
    pathIds("clientId"),
    async (c) => c.json(await Onboarding.forClient(c.req.param("clientId")), 200),
  )
  .get(
    "/clients/:clientId/agreement/pdf",
    describeRoute({ responses: file("application/pdf", "The signed agreement with its signature record, an attachment"), tags, summary: "A client's signed agreement as a PDF: text, typed name, time, IP, SHA-256 (owner; 404 until signed)" }), allow("owner"),
    pathIds("clientId"),
    async (c) => pdf(await Onboarding.signedCopyFor(c.req.param("clientId"))),
  )
  .post(
    "/clients/:clientId/start",
    describeRoute({
      tags,
      summary: "Start a lead's onboarding with the current kit; the client becomes onboarding (owner; no body)",
      responses: {
        ...ok(Onboarding.output, "The client's onboarding"),
        404: { description: "No such client" },
        409: { description: "Already started (onboarding.started), not a lead (onboarding.not_lead), or the kit has no agreement (onboarding.kit_incomplete)" },
      },
    }), allow("owner"),
    pathIds("clientId"),
    async (c) => c.json(await Onboarding.start(c.req.param("clientId")), 200),
  )
  .get(
    "/mine",
    describeRoute({ responses: ok(Onboarding.mineOutput), tags, summary: "Your company's onboarding checklist (client contact; startedAt null when not started)" }), allow("contact"),
    async (c) => c.json(await Onboarding.mine(), 200),
  )
  .put(
    "/mine/answers",
    describeRoute({
      tags,
      summary: "Save the questionnaire's answers as a draft, or submit them (client contact)",
      responses: {
        ...ok(Onboarding.output, "The onboarding"),
        400: { description: "Field errors keyed answers.<questionId>" },
        409: { description: "Not started, completed, or changed by someone else" },
      },
    }), allow("contact"),
    input("json", Onboarding.answer.schema),
    async (c) => c.json(await Onboarding.answer(c.req.valid("json")), 200),
  )
  .post(
    "/mine/agreement",
    describeRoute({
      tags,
      summary: "Accept the agreement by typed full name and the SHA-256 of the exact text shown (client contact)",
      responses: {
        ...ok(Onboarding.output, "The onboarding, with the acceptance recorded"),
        409: { description: "The text differs from the one shown (onboarding.agreement_changed), already accepted, not started or completed" },
      },
    }), allow("contact"),
    input("json", Onboarding.accept.schema),
    async (c) => c.json(await Onboarding.accept(c.req.valid("json"), clientIp(c)), 200),
  )
  .get(
    "/mine/agreement/pdf",
    describeRoute({ responses: file("application/pdf", "The signed agreement with its signature record, an attachment"), tags, summary: "Your company's signed agreement as a PDF (client contact; 404 until signed)" }), allow("contact"),
    async (c) => pdf(await Onboarding.mySignedCopy()),
  )
  .post(
    "/mine/packet",
    describeRoute({ responses: ok(Onboarding.output), tags, summary: "Mark the welcome packet read (client contact)" }), allow("contact"),
    input("json", Onboarding.readPacket.schema),
    async (c) => c.json(await Onboarding.readPacket(c.req.valid("json")), 200),
  );

const pdf = ({ fileName, bytes }: Onboarding.SignedCopy) =>
  new Response(bytes, { status: 200, headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${fileName}"` } });
