import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { inject } from "vitest";
import { Deferred } from "@baton/core/deferred";
import { emailsTo, verifyLinkIn, type CapturedEmail } from "@baton/local/mailbox";
import { checkAnswer, contractEnabled } from "./contract.ts";

export type Started = { baseUrl: string; close(): Promise<void> };

/** Serves a fetch handler on a free loopback port, and points sign-in links at it. */
export async function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<Started> {
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.BATON_WEB_URL = baseUrl;
  process.env.BATON_PORTAL_URL = `${baseUrl}/portal`;
  return { baseUrl, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Serves the API the way the local runtime does. */
export async function startApi(): Promise<Started> {
  const { app } = await import("@baton/functions/api");
  return listen(app.fetch);
}

export type Reply<T = any> = { status: number; body: T; headers: Headers };

/** A browser-like API caller: keeps its cookies and names its app in x-baton-app. */
export class ApiClient {
  private cookies = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    private readonly app: "web" | "portal" | null = "web",
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, redirect: "follow" | "manual" = "follow"): Promise<Reply<T>> {
    const response = await fetch(`${this.baseUrl}/api${path}`, {
      method,
      redirect,
      headers: {
        ...(this.app ? { "x-baton-app": this.app } : {}),
        ...(body !== undefined && typeof body !== "string" ? { "content-type": "application/json" } : {}),
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } : {}),
        ...this.extraHeaders,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      const joined = value.join("=");
      if (joined && !/max-age=0/i.test(cookie)) this.cookies.set(name!.trim(), joined);
      else this.cookies.delete(name!.trim());
    }
    const text = await response.text();
    // A link request's email goes out after the answer (a deferred job, in this process in tests):
    // let it, so a test reads the new link and not an older one.
    if (path === "/auth/link") await Deferred.settled();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (e.g. the reference page): keep the text.
    }
    // Every answer is held to the OpenAPI document (tests/support/contract.ts).
    if (contractEnabled()) await checkAnswer(this.baseUrl, method, path, response, parsed);
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get = <T = any>(path: string) => this.request<T>("GET", path);
  /** A GET of a file (an invoice's PDF): its bytes as sent, and its error body if JSON; held to the contract like any answer. */
  download = async (path: string): Promise<{ status: number; headers: Headers; bytes: Uint8Array; body: any }> => {
    const response = await fetch(`${this.baseUrl}/api${path}`, {
      headers: { ...(this.app ? { "x-baton-app": this.app } : {}), ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } : {}), ...this.extraHeaders },
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const body = /json/.test(response.headers.get("content-type") ?? "") ? JSON.parse(Buffer.from(bytes).toString("utf8")) : null;
    if (contractEnabled()) await checkAnswer(this.baseUrl, "GET", path, response, body);
    return { status: response.status, headers: response.headers, bytes, body };
  };
  /** A GET whose redirect is not followed: its status and Location (file downloads answer 302). */
  redirectOf = async (path: string) => {
    const reply = await this.request("GET", path, undefined, {}, "manual");
    return { status: reply.status, location: reply.headers.get("location"), body: reply.body, headers: reply.headers };
  };
  post = <T = any>(path: string, body?: unknown) => this.request<T>("POST", path, body ?? {});
  patch = <T = any>(path: string, body: unknown) => this.request<T>("PATCH", path, body);
  delete = <T = any>(path: string) => this.request<T>("DELETE", path);

  cookieNames(): string[] {
    return [...this.cookies.keys()];
  }
}

/** Waits for the newest email to `address` that satisfies `match`. */
export async function waitForEmail(address: string, match: (email: CapturedEmail) => boolean = () => true): Promise<CapturedEmail> {
  const ses = inject("sesEndpoint");
  for (let attempt = 0; attempt < 50; attempt++) {
    const found = (await emailsTo(ses, address)).filter(match);
    if (found.length) return found[found.length - 1]!;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No email to ${address} arrived`);
}

export async function mailCount(address: string): Promise<number> {
  return (await emailsTo(inject("sesEndpoint"), address)).length;
}

/** The token of the newest sign-in or invitation link emailed to `address`. */
export async function linkTokenFor(address: string, after = 0): Promise<string> {
  const email = await waitForEmail(address, (e) => e.at >= after && Boolean(verifyLinkIn(e)));
  return decodeURIComponent(new URL(verifyLinkIn(email)!).searchParams.get("token")!);
}

/**
 * The newest email with a sign-in or invitation link among the emails to `address` after the
 * first `seen` (from `mailCount`): unlike a time bound, an earlier link sent in the same second
 * (an invitation already redeemed) never matches, even while the new one is still in the outbox.
 */
export async function newEmailWithLink(address: string, seen: number): Promise<CapturedEmail> {
  const ses = inject("sesEndpoint");
  for (let attempt = 0; attempt < 50; attempt++) {
    const email = (await emailsTo(ses, address)).slice(seen).filter((each) => verifyLinkIn(each)).at(-1);
    if (email) return email;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No new link to ${address} arrived`);
}

/** The link in the email `newEmailWithLink` finds. */
export async function newVerifyLinkFor(address: string, seen: number): Promise<string> {
  return verifyLinkIn(await newEmailWithLink(address, seen))!;
}

/** The token of the link `newVerifyLinkFor` finds. */
export async function newLinkTokenFor(address: string, seen: number): Promise<string> {
  return decodeURIComponent(new URL(await newVerifyLinkFor(address, seen)).searchParams.get("token")!);
}

/** Signs in the way a person does: ask for a link, read it from the mailbox, redeem it. */
export async function signIn(client: ApiClient, email: string): Promise<Reply> {
  const before = Math.floor(Date.now() / 1000);
  const asked = await client.post("/auth/link", { email });
  if (asked.status !== 202) throw new Error(`link request failed: ${asked.status} ${JSON.stringify(asked.body)}`);
  const token = await linkTokenFor(email, before);
  return client.post("/auth/verify", { token });
}
