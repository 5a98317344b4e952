import { z } from "zod";
import { Audit } from "../audit/index.ts";
import { db } from "../db/index.ts";
import { VisibleError } from "../error/index.ts";
import { pageQuery, type Page } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId } from "../id/index.ts";
import { useActor } from "../actor/index.ts";
import { Request } from "../request/index.ts";
import type { MessageItem } from "./entity.ts";

export * as Message from "./index.ts";

// A request's thread: the one channel the client and the team talk in. Whoever may see the
// request may read and write its thread (a subcontractor, only while they hold a task of it).

export type Message = {
  id: string;
  requestId: string;
  /** `timeZone` is the author's zone when they wrote (absent on messages from before it was kept). */
  author: { type: "member" | "contact"; id: string; name: string; timeZone?: string };
  body: string;
  createdAt: string;
};

export function present(item: MessageItem): Message {
  return {
    id: item.messageId,
    requestId: item.requestId,
    author: { type: item.authorType, id: item.authorId, name: item.authorName, ...(item.authorTimeZone ? { timeZone: item.authorTimeZone } : {}) },
    body: item.body,
    createdAt: item.createdAt,
  };
}

export const postSchema = z.strictObject({
  body: z.string({ error: "Write a message." }).trim().min(1, "Write a message.").max(5000, "Keep messages under 5,000 characters."),
});

/** Oldest first, as a conversation reads. */
export const list = fn(pageQuery, async (page, requestId: string): Promise<Page<Message>> => {
  const { item } = await Request.loadVisible(requestId);
  const result = await db.entities.message.query
    .messagesOfRequest({ agencyId: item.agencyId, requestId })
    .go({ limit: page.limit, cursor: page.cursor ?? null });
  return { items: result.data.map(present), cursor: result.cursor };
});

export const post = fn(postSchema, async (input, requestId: string): Promise<Message> => {
  const { item } = await Request.loadVisible(requestId);
  const author = await currentAuthor();
  const messageId = createId("message");
  const createdAt = new Date().toISOString();
  await db.transaction
    .write(({ message, auditEvent }) => [
      message
        .create({ agencyId: item.agencyId, requestId, messageId, authorType: author.type, authorId: author.id, authorName: author.name, ...(author.timeZone ? { authorTimeZone: author.timeZone } : {}), body: input.body, createdAt })
        .commit(),
      auditEvent.create(Audit.event("request.message", "request", requestId, { by: author.name, messageId })).commit(),
    ])
    .go();
  return present((await db.entities.message.get({ agencyId: item.agencyId, requestId, messageId }).go({ consistent: true })).data!);
});

/** The acting member or contact, with the name and zone readers of the thread will see. */
async function currentAuthor(): Promise<{ type: "member" | "contact"; id: string; name: string; timeZone?: string }> {
  const actor = useActor();
  if (actor.type === "member") {
    const { data } = await db.entities.member.get({ agencyId: actor.agencyId, memberId: actor.memberId }).go();
    return { type: "member", id: actor.memberId, name: data?.name ?? "Team member", timeZone: data?.timeZone };
  }
  if (actor.type === "contact") {
    const { data } = await db.entities.contact.get({ agencyId: actor.agencyId, contactId: actor.contactId }).go();
    return { type: "contact", id: actor.contactId, name: data?.name ?? "Client", timeZone: data?.timeZone };
  }
  throw new VisibleError("forbidden", "forbidden", "Only people can write in a request's thread.");
}
