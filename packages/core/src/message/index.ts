import { z } from "zod";
import { record as recordEvent } from "../webhook/record.ts";
import { Audit } from "../audit/index.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { VisibleError } from "../error/index.ts";
import { idOf, pageQuery, type Page } from "../fields/index.ts";
import { attachItem, forAttach, MAX_ATTACHMENTS, ofRequest } from "../file/attach.ts";
import { RequestStore } from "../request/store.ts";
import { present as presentFile, type FileView } from "../file/present.ts";
import { fn } from "../fn/index.ts";
import { createId } from "../id/index.ts";
import { useActor } from "../actor/index.ts";
import { excerpt, Inbox } from "../inbox/index.ts";
import { Request } from "../request/index.ts";
import type { MessageItem } from "./entity.ts";
import { assertMayRead, assertMayWrite, Threads, type Thread } from "./policy.ts";
import { forMessage } from "./recipients.ts";
import { MemberStore } from "../member/store.ts";
import { ContactStore } from "../contact/store.ts";

export * as Message from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";
export { Threads, type Thread } from "./policy.ts";

// A request's two threads: the client thread (the client and the team) and the internal notes
// (the team only). Whoever may see the request reads the threads they may; who may write where
// is message/policy.ts. A message may carry files, uploaded first and attached when it is sent;
// the people it concerns see it unread and get one email for several (inbox/).

export type Message = {
  id: string;
  requestId: string;
  thread: Thread;
  /** `timeZone` is the author's zone when they wrote it (absent on messages from before it was kept). */
  author: { type: "member" | "contact"; id: string; name: string; timeZone?: string };
  body: string;
  files: FileView[];
  createdAt: string;
};

export function present(item: MessageItem, files: FileView[] = []): Message {
  return {
    id: item.messageId,
    requestId: item.requestId,
    thread: item.thread ?? "client",
    author: { type: item.authorType, id: item.authorId, name: item.authorName, ...(item.authorTimeZone ? { timeZone: item.authorTimeZone } : {}) },
    body: item.body,
    files,
    createdAt: item.createdAt,
  };
}

const thread = z.enum(Threads, { error: "Choose the client thread or the internal notes." });

export const listSchema = pageQuery.extend({ thread: thread.default("client") });

export const postSchema = z
  .strictObject({
    body: z.string({ error: "Write a message." }).trim().max(5000, "Keep messages under 5,000 characters."),
    thread: thread.default("client"),
    fileIds: z.array(idOf("file", "That file id is not valid."), { error: "List the files by id." }).max(MAX_ATTACHMENTS, `Attach at most ${MAX_ATTACHMENTS} files.`).default([]),
  })
  .refine((input) => input.body.length > 0 || input.fileIds.length > 0, { message: "Write a message.", path: ["body"] });

/** One thread, oldest first, as a conversation reads; each message with its files, and the request's stamp as read (see `activity`). */
export const list = fn(listSchema, async (query, requestId: string): Promise<Page<Message> & { stamp: string }> => {
  const { item } = await Request.loadVisible(requestId);
  assertMayRead(query.thread);
  const result = await db.entities.message.query
    .messagesOfRequest({ agencyId: item.agencyId, requestId })
    .where((attr, op) => (query.thread === "internal" ? op.eq(attr.thread, "internal") : `${op.notExists(attr.thread)} OR ${op.eq(attr.thread, "client")}`))
    .go({ count: query.limit, cursor: query.cursor ?? null });
  const files = result.data.some((message) => message.fileCount) ? await filesByMessage(item.agencyId, requestId) : new Map<string, FileView[]>();
  return { items: result.data.map((message) => present(message, files.get(message.messageId) ?? [])), cursor: result.cursor, stamp: stampOf(item) };
});

async function filesByMessage(agencyId: string, requestId: string): Promise<Map<string, FileView[]>> {
  const forClient = useActor().type === "contact";
  const byMessage = new Map<string, FileView[]>();
  for (const file of await ofRequest(agencyId, requestId)) {
    if (file.status !== "ready" || !file.attachedTo?.startsWith("msg_")) continue;
    if (forClient && !file.visibleToClient) continue;
    byMessage.set(file.attachedTo, [...(byMessage.get(file.attachedTo) ?? []), presentFile(file, forClient)]);
  }
  return byMessage;
}

export const post = fn(postSchema, async (input, requestId: string): Promise<Message> => {
  const { item } = await Request.loadVisible(requestId);
  await assertMayWrite(item, input.thread);
  const author = await currentAuthor();
  const files = await forAttach(item.agencyId, input.fileIds, { place: input.thread === "client" ? "thread" : "internal", targetId: requestId });
  const messageId = createId("message");
  const createdAt = new Date().toISOString();
  const stamp = input.thread === "client" ? { clientThreadAt: createdAt } : { internalThreadAt: createdAt };
  const result = await db.transaction
    .write(({ message, ...tx }) => [
      message
        .create({
          agencyId: item.agencyId,
          requestId,
          messageId,
          authorType: author.type,
          authorId: author.id,
          authorName: author.name,
          ...(author.timeZone ? { authorTimeZone: author.timeZone } : {}),
          body: input.body,
          thread: input.thread,
          ...(files.length ? { fileCount: files.length } : {}),
          createdAt,
        })
        .commit(),
      RequestStore.threadStampItem(tx, item.agencyId, requestId, stamp, author.type === "contact" && input.thread === "client" ? author.id : undefined),
      ...files.map((f) => attachItem(tx, f, { parentId: requestId, requestId, attachedTo: messageId, visibleToClient: input.thread === "client" })),
      Audit.item(tx, Audit.event(input.thread === "internal" ? "request.note" : "request.message", "request", requestId, { by: author.name, messageId, files: files.length })),
    ])
    .go();
  if (failedConditions(result).length) {
    throw new VisibleError("conflict", "conflict", "One of the files changed while the message was sent. Check the attachments and send it again.");
  }
  const tasks = await Request.tasksOf(item);
  await Inbox.record(
    { agencyId: item.agencyId, requestId, clientId: item.clientId, reference: item.reference, title: item.title },
    await forMessage(item, tasks, input.thread, author.id),
    { kind: "message", thread: input.thread, authorName: author.name, fromClient: author.type === "contact", excerpt: excerpt(input.body || files.map((f) => f.name).join(", ")), at: createdAt },
  );
  const saved = (await db.entities.message.get({ agencyId: item.agencyId, requestId, messageId }).go({ consistent: true })).data!;
  const forClient = author.type === "contact";
  const attached = files.map((f) => presentFile({ ...f, parentId: requestId, attachedTo: messageId, visibleToClient: input.thread === "client" }, forClient));
  const posted = present(saved, attached);
  // Outgoing webhooks: the message as listed, with its request (delivered after the response).
  await recordEvent(item.agencyId, "message.posted", { id: messageId, clientId: item.clientId }, { ...posted, requestId, reference: item.reference });
  return posted;
});

/** The acting member or contact, with the name and zone readers of the thread will see. */
async function currentAuthor(): Promise<{ type: "member" | "contact"; id: string; name: string; timeZone?: string }> {
  const actor = useActor();
  if (actor.type === "member") {
    const data = await MemberStore.load(actor.agencyId, actor.memberId);
    return { type: "member", id: actor.memberId, name: data?.name ?? "Team member", timeZone: data?.timeZone };
  }
  if (actor.type === "contact") {
    const data = await ContactStore.load(actor.agencyId, actor.contactId);
    return { type: "contact", id: actor.contactId, name: data?.name ?? "Client", timeZone: data?.timeZone };
  }
  throw new VisibleError("forbidden", "forbidden", "Only people can write in a request's thread.");
}

/**
 * "Anything new since X?": the request's stamp (its version and each visible thread's last
 * message time), read from the request item alone. The apps poll it while a conversation is open.
 */
export async function activity(requestId: string, since?: string): Promise<{ stamp: string; changed: boolean }> {
  const { item } = await Request.loadVisible(requestId);
  const stamp = stampOf(item);
  return { stamp, changed: since !== undefined && since !== stamp };
}

/** The request's version and the last message time of each thread the actor may read. */
function stampOf(item: { version: number; clientThreadAt?: string; internalThreadAt?: string }): string {
  const contact = useActor().type === "contact";
  return [item.version, item.clientThreadAt ?? "", ...(contact ? [] : [item.internalThreadAt ?? ""])].join("|");
}
