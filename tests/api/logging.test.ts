import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { Email } from "@baton/core/email";
import { ApiClient, linkTokenFor, startApi, type Started } from "../support/http.ts";
import { createAgency, uniqueEmail } from "../support/fixtures.ts";
import { captureOutput, metricPoints, type Captured } from "../support/logs.ts";
import { freePort } from "@baton/local/stand-ins";

// The structured logger over HTTP: one JSON line per request with what an operator needs (request
// id, route, status, duration, agency, who acted), and — scanning everything the process wrote
// during a journey that handles addresses, links, cookies, an API key and failures — never an
// email address or a secret.

let api: Started;
let output: Captured;
const secrets: string[] = [];
const addresses: string[] = [];
let owner: ApiClient;
let agencyId: string;
let ownerId: string;
let clientId: string;
let requestIdHeader: string | null;

beforeAll(async () => {
  api = await startApi();
  const agency = await createAgency("Logging Agency");
  agencyId = agency.agencyId;
  addresses.push(agency.ownerEmail);
  process.env.BATON_LOG_LEVEL = "info";
  process.env.BATON_METRICS_NAMESPACE = "Baton/test";
  output = captureOutput();

  // Sign in through the emailed link (address in the body, link token in the next body).
  owner = new ApiClient(api.baseUrl);
  const before = Math.floor(Date.now() / 1000);
  await owner.post("/auth/link", { email: agency.ownerEmail });
  const token = await linkTokenFor(agency.ownerEmail, before);
  secrets.push(token, token.split(".")[1]!);
  const verified = await owner.post("/auth/verify", { token });
  ownerId = verified.body.id;
  // The session cookie's value.
  secrets.push(...owner.cookieNames().map((name) => (owner as unknown as { cookies: Map<string, string> }).cookies.get(name)!));
  secrets.push(process.env.BATON_SESSION_SECRET!);

  // Invite a contact (an address in the body and in an audit event).
  const client = await owner.post("/clients", { name: "Logged Client", code: `LG${Math.floor(Math.random() * 1e5)}`, timeZone: "UTC", currency: "EUR" });
  clientId = client.body.id;
  const contactEmail = uniqueEmail("logged.contact");
  addresses.push(contactEmail);
  await owner.post(`/clients/${clientId}/contacts`, { email: contactEmail, name: "Logged Contact", timeZone: "UTC" });

  // An API key, used once.
  const key = await owner.post("/api-keys", { name: "Log key" });
  secrets.push(key.body.secret);
  await new ApiClient(api.baseUrl, null, { authorization: `Bearer ${key.body.secret}` }).get("/clients");
  // A wrong key, a forged cookie, a bad sign-in token: refusals are logged without the credentials.
  const forgedKey = `bk.${agencyId}.key_${"0".repeat(26)}.${"A".repeat(43)}`;
  secrets.push(forgedKey);
  await new ApiClient(api.baseUrl, null, { authorization: `Bearer ${forgedKey}` }).get("/clients");
  await new ApiClient(api.baseUrl).post("/auth/verify", { token: `${agencyId}.${"B".repeat(43)}` });
  secrets.push("B".repeat(43));

  // SES unreachable while a sign-in link is asked for: the failure is logged, the address is not.
  const sesUp = process.env.SES_ENDPOINT!;
  process.env.SES_ENDPOINT = `http://127.0.0.1:${await freePort()}`;
  try {
    await new ApiClient(api.baseUrl).post("/auth/link", { email: agency.ownerEmail });
    // Until the outbox gives up on it (the line that used to name the recipient).
    for (let day = 1; day <= 8; day++) await Email.flushOutbox(new Date(Date.now() + day * 86_400_000));
  } finally {
    process.env.SES_ENDPOINT = sesUp;
  }

  const answered = await owner.get(`/clients/${clientId}`);
  requestIdHeader = answered.headers.get("x-request-id");
  output.stop();
}, 60_000);

afterAll(() => {
  output?.stop();
  process.env.BATON_LOG_LEVEL = "warn";
  delete process.env.BATON_METRICS_NAMESPACE;
  return api.close();
});

const requests = () => output.json().filter((line) => line.event === "request");

describe("the request log", () => {
  it("writes one line per request: request id, method, route pattern, status, duration, agency and actor", () => {
    const line = requests().find((l) => l.requestId === requestIdHeader);
    expect(line).toEqual({
      level: "info",
      time: expect.any(String),
      event: "request",
      requestId: requestIdHeader,
      method: "GET",
      // The pattern, never the path: paths carry ids and tokens.
      route: "/api/clients/:clientId",
      status: 200,
      durationMs: expect.any(Number),
      agencyId,
      actor: { type: "member", id: ownerId },
    });
    expect(requestIdHeader).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("names who was refused and how, at their route", () => {
    const refused = requests().filter((l) => l.route === "/api/auth/verify" && l.status === 401);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.actor).toEqual({ type: "public" });
    const apiKey = requests().filter((l) => l.route === "/api/clients" && l.method === "GET");
    expect(apiKey.map((l) => [l.status, l.actor?.type])).toEqual([
      [200, "apikey"],
      [401, undefined],
    ]);
  });

  it("logs failures as error lines with the error's name and no address", () => {
    const failures = output.json().filter((line) => line.level === "error");
    expect(failures.map((line) => line.event)).toEqual(expect.arrayContaining(["email: SES send failed; keeping it in the outbox", "email: gave up on an email"]));
    for (const line of failures) expect(line.error?.name ?? line.event).toBeTruthy();
  });

  it("counts sign-ins and emails as metrics", () => {
    const lines = output.json();
    expect(metricPoints(lines, "SignIns")).toEqual([{ value: 1, dimensions: { App: "web" } }]);
    expect(metricPoints(lines, "SignInLinksRequested").length).toBe(2);
    expect(metricPoints(lines, "EmailsSent").length).toBeGreaterThanOrEqual(2);
    expect(metricPoints(lines, "EmailsQueued")).toHaveLength(1);
    expect(metricPoints(lines, "EmailsFailed")).toEqual([{ value: 1, dimensions: {} }]);
  });
});

describe("what is never logged", () => {
  it("no email address, anywhere in the output", () => {
    const text = output.text();
    for (const address of addresses) expect(text).not.toContain(address);
    expect(text.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g) ?? []).toEqual([]);
  });

  it("no secret: session secret, cookie, sign-in link, API key", () => {
    const text = output.text();
    expect(secrets.length).toBeGreaterThanOrEqual(7);
    for (const secret of secrets) expect(text, secret.slice(0, 12)).not.toContain(secret);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
  });

  it("the capture saw the journey at all (a silent logger would pass the scans above)", () => {
    expect(requests().length).toBeGreaterThanOrEqual(10);
    expect(inject("sesEndpoint")).toBeTruthy();
  });
});
