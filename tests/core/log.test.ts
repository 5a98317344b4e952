import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withActor } from "@baton/core/actor";
import { Log } from "@baton/core/log";
import { Metrics } from "@baton/core/metrics";
import { captureOutput, metricPoints, type Captured } from "../support/logs.ts";

// The logger's own rules, without HTTP: the context it adds, the level, and the scrubbing that
// backs up every call site (an error from a library may quote whatever it was given).

let output: Captured;
beforeEach(() => {
  process.env.BATON_LOG_LEVEL = "info";
  output = captureOutput();
});
afterEach(() => {
  output.stop();
  process.env.BATON_LOG_LEVEL = "warn";
  delete process.env.BATON_METRICS_NAMESPACE;
});

const agencyId = "agy_01jaaaaaaaaaaaaaaaaaaaaaaa";
const memberId = "mem_01jaaaaaaaaaaaaaaaaaaaaaaa";

describe("a log line", () => {
  it("is one JSON object with the request's context and the acting person", async () => {
    await Log.withContext({ requestId: "req-1", method: "POST", route: "/api/tasks/:taskId/review" }, () =>
      withActor({ type: "member", agencyId, memberId, role: "owner" }, async () => Log.info("task reviewed", { taskId: "tsk_1" })),
    );
    expect(output.json()).toEqual([
      {
        level: "info",
        time: expect.any(String),
        event: "task reviewed",
        requestId: "req-1",
        method: "POST",
        route: "/api/tasks/:taskId/review",
        agencyId,
        actor: { type: "member", id: memberId },
        taskId: "tsk_1",
      },
    ]);
  });

  it("keeps the request's first actor for lines written after it (the request line)", () => {
    Log.withContext({ requestId: "req-2" }, () => {
      withActor({ type: "contact", agencyId, contactId: "con_1", clientId: "cli_1", clientActive: true }, () => {
        // A system job started inside the request does not take the request over.
        withActor({ type: "system", agencyId }, () => undefined);
      });
      Log.info("request", { status: 200 });
    });
    expect(output.json()[0]).toMatchObject({ agencyId, actor: { type: "contact", id: "con_1" } });
  });

  it("drops lines below the level", () => {
    process.env.BATON_LOG_LEVEL = "warn";
    Log.info("chatter");
    Log.warn("worth a look");
    expect(output.json().map((l) => l.event)).toEqual(["worth a look"]);
  });
});

describe("scrubbing", () => {
  it("removes addresses, JWTs, API keys and long secrets from messages, stacks and nested causes", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJhZ2VuY3kiOiJhZ3lfMSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWc";
    const apiKey = `bk.${agencyId}.key_01jaaaaaaaaaaaaaaaaaaaaaaa.${"s".repeat(43)}`;
    const linkSecret = "Zk9xV2l3bE1hR0p1c3RBUmFuZG9tU2VjcmV0VmFsdWVz";
    const inner = new Error(`ConditionalCheckFailed on $baton#email_ada@acme.example with ${linkSecret}`);
    const outer = new Error(`could not email ada@acme.example (session ${jwt}, key ${apiKey})`, { cause: inner });
    Log.error("email: failed", outer);
    const text = output.text();
    for (const secret of ["ada@acme.example", jwt, apiKey, linkSecret, "s".repeat(43)]) expect(text).not.toContain(secret);
    const [line] = output.json();
    expect(line!.error.message).toBe("could not email [email] (session [jwt], key [api-key])");
    expect(line!.error.cause.message).toBe("ConditionalCheckFailed on $baton#[email] with [secret]");
    expect(line!.error.stack).toContain("at ");
  });

  it("drops fields named like secrets or recipients, whatever they hold", () => {
    Log.info("sent", { to: "kai@kookaburra.example", email: "x", token: "short", authorization: "Bearer x", cookie: "a=b", nested: { sessionSecret: "s", contactId: "con_1" } });
    expect(output.json()[0]).toMatchObject({
      to: "[redacted]",
      email: "[redacted]",
      token: "[redacted]",
      authorization: "[redacted]",
      cookie: "[redacted]",
      nested: { sessionSecret: "[redacted]", contactId: "con_1" },
    });
  });

  it("leaves ids alone: they are how a line is traced", () => {
    Log.info("ids", { agencyId, memberId, invoiceId: "inv_01jaaaaaaaaaaaaaaaaaaaaaaa" });
    expect(output.json()[0]).toMatchObject({ agencyId, memberId, invoiceId: "inv_01jaaaaaaaaaaaaaaaaaaaaaaa" });
  });
});

describe("metrics (CloudWatch Embedded Metric Format)", () => {
  it("writes one EMF line per data point, in the stack's namespace, whatever the log level", () => {
    process.env.BATON_LOG_LEVEL = "error";
    process.env.BATON_METRICS_NAMESPACE = "Baton/prod";
    Metrics.count(Metrics.Names.paymentsRecorded, { Method: "card" });
    const [line] = output.json();
    expect(line!._aws).toEqual({
      Timestamp: expect.any(Number),
      // By method, and in total (what an alarm watches).
      CloudWatchMetrics: [{ Namespace: "Baton/prod", Dimensions: [["Method"], []], Metrics: [{ Name: "PaymentsRecorded", Unit: "Count" }] }],
    });
    expect(metricPoints(output.json(), "PaymentsRecorded")).toEqual([{ value: 1, dimensions: { Method: "card" } }]);
  });

  it("writes nothing without a namespace (locally and in tests)", () => {
    Metrics.count(Metrics.Names.signIns);
    expect(output.text()).toBe("");
  });
});
