import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { redact } from "./redact.ts";

export * as Log from "./index.ts";
export { redact, scrub } from "./redact.ts";

// One structured logger: every line is one JSON object on stdout, so CloudWatch Logs Insights
// can filter on its fields. The context (request id, route, job, and who acts) is kept per
// request or job run in AsyncLocalStorage, so call sites name only what happened. Nothing that
// identifies a person beyond ids is written: see redact.ts.

export type Level = "debug" | "info" | "warn" | "error";
const RANK: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type ActorRef = { type: string; id?: string; agencyId?: string };

export type LogContext = {
  requestId: string;
  route?: string;
  method?: string;
  job?: string;
  /** The first actor the request or job ran as (withActor notes it here). */
  actor?: ActorRef;
};

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `run` with a fresh log context (a request, a job run). */
export function withContext<R>(context: Partial<LogContext>, run: () => R): R {
  return storage.run({ requestId: context.requestId ?? randomUUID(), ...context }, run);
}

export function context(): LogContext | undefined {
  return storage.getStore();
}

/** Called by withActor: the request's actor is the first one it runs as. */
export function noteActor(actor: { type: string; agencyId?: string } & Record<string, unknown>): void {
  const current = storage.getStore();
  if (!current || current.actor) return;
  current.actor = refOf(actor);
}

export function refOf(actor: { type: string; agencyId?: string } & Record<string, unknown>): ActorRef {
  const id = (actor.memberId ?? actor.contactId ?? actor.apiKeyId) as string | undefined;
  return { type: actor.type, ...(id ? { id } : {}), ...(actor.agencyId ? { agencyId: actor.agencyId } : {}) };
}

/** Where lines go; tests capture process output instead of replacing this. */
type Sink = (line: string, level: Level) => void;
const stdout: Sink = (line) => void process.stdout.write(`${line}\n`);

function threshold(): number {
  const configured = (process.env.BATON_LOG_LEVEL ?? "info").toLowerCase();
  return RANK[configured as Level] ?? RANK.info;
}

/** The actor the current code runs as, if any (read lazily to avoid an import cycle with actor/). */
let currentActor: () => ActorRef | undefined = () => undefined;
export function setActorReader(read: () => ActorRef | undefined): void {
  currentActor = read;
}

export function write(level: Level, event: string, fields: Record<string, unknown> = {}): void {
  if (RANK[level] < threshold()) return;
  const ctx = storage.getStore();
  const actor = currentActor() ?? ctx?.actor;
  const line = {
    level,
    time: new Date().toISOString(),
    event,
    ...(ctx?.requestId ? { requestId: ctx.requestId } : {}),
    ...(ctx?.method ? { method: ctx.method } : {}),
    ...(ctx?.route ? { route: ctx.route } : {}),
    ...(ctx?.job ? { job: ctx.job } : {}),
    ...(actor?.agencyId ? { agencyId: actor.agencyId } : {}),
    ...(actor ? { actor: { type: actor.type, ...(actor.id ? { id: actor.id } : {}) } } : {}),
    ...(redact(fields) as Record<string, unknown>),
  };
  stdout(JSON.stringify(line), level);
}

export const debug = (event: string, fields?: Record<string, unknown>) => write("debug", event, fields);
export const info = (event: string, fields?: Record<string, unknown>) => write("info", event, fields);
export const warn = (event: string, fields?: Record<string, unknown>) => write("warn", event, fields);
/** An error with what caused it; `fields` add ids (never addresses: they are scrubbed anyway). */
export const error = (event: string, cause?: unknown, fields?: Record<string, unknown>) =>
  write("error", event, { ...fields, ...(cause !== undefined ? { error: cause } : {}) });

/** Writes a line that bypasses the level (EMF metrics must always reach CloudWatch). */
export function raw(line: Record<string, unknown>): void {
  stdout(JSON.stringify(line), "info");
}
