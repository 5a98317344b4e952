import type { ClientItem } from "../client/entity.ts";
import type { InvoiceItem } from "../invoice/entity.ts";
import type { QuoteItem } from "../quote/entity.ts";
import { quoteNumber } from "../quote/present.ts";
import type { RequestItem } from "../request/entity.ts";
import type { SopItem } from "../sop/entity.ts";
import type { TaskItem } from "../task/entity.ts";
import { wordsOf } from "./normalise.ts";
import type { Doc } from "./store.ts";

// What each kind is found by: its reference (code, number) and its title or name.

const invoiceNumber = (number: number) => (number ? `INV-${String(number).padStart(5, "0")}` : null);

export const clientDoc = (item: ClientItem): Doc => ({ kind: "client", subjectId: item.clientId, title: item.name, reference: item.code, clientId: item.clientId, words: wordsOf(item.name, item.code) });

export const requestDoc = (item: RequestItem): Doc => ({ kind: "request", subjectId: item.requestId, title: item.title, reference: item.reference, clientId: item.clientId, words: wordsOf(item.title, item.reference) });

export const taskDoc = (item: TaskItem): Doc => ({ kind: "task", subjectId: item.taskId, title: item.title, reference: item.reference, clientId: item.clientId, words: wordsOf(item.title, item.reference) });

export const sopDoc = (item: SopItem): Doc => ({ kind: "sop", subjectId: item.sopId, title: item.title, reference: null, clientId: null, words: wordsOf(item.title) });

/** An invoice is found by its number (also without the zeros) and the wording of its first lines. */
export function invoiceDoc(item: InvoiceItem): Doc {
  const number = invoiceNumber(item.number);
  const lines = (item.lines ?? []).slice(0, 5).map((line) => line.description);
  return {
    kind: "invoice",
    subjectId: item.invoiceId,
    title: lines[0] ?? "",
    reference: number,
    clientId: item.clientId,
    words: wordsOf(number, item.number ? String(item.number) : null, ...lines),
  };
}

/** A quote is found by its number (Q-0007, also 7) once sent, and by its title. */
export function quoteDoc(item: QuoteItem): Doc {
  const number = quoteNumber(item.number);
  return {
    kind: "quote",
    subjectId: item.quoteId,
    title: item.title,
    reference: number,
    clientId: item.clientId,
    words: wordsOf(item.title, number, item.number ? String(item.number) : null),
  };
}
