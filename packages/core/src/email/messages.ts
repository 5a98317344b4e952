import type { Locale } from "./index.ts";
import { el } from "./messages-el.ts";
import { hi } from "./messages-hi.ts";

// Email strings by locale: English here, Greek and Hindi in `messages-el.ts` and `messages-hi.ts`.
const en = {
  "signIn.subject": "Your Baton sign-in link",
  "signIn.intro": "Use the button below to sign in to {agency}.",
  "signIn.button": "Sign in to {agency}",
  "signIn.expiry": "The link works once and expires in 15 minutes. If you did not ask for it, you can ignore this email.",
  "invite.member.subject": "{agency} invited you to Baton",
  "invite.member.intro": "Hi {name}, {agency} has invited you to join their team on Baton.",
  "invite.contact.subject": "{agency} invited you to your client portal",
  "invite.contact.intro": "Hi {name}, {agency} has invited you to their client portal on Baton, where you can send requests and follow their progress.",
  "invite.button": "Accept the invitation",
  "invite.expiry": "The link works once and expires in 7 days. After that, ask for a sign-in link from the sign-in page.",
  "notify.footer": "You get these emails because you work with {agency} on Baton. You can turn them off on your profile page.",
  "notify.requestSubmitted.subject": "New request {reference}: {title}",
  "notify.requestSubmitted.intro": "{name} at {client} sent a new request. A first response is due by {due}.",
  "notify.requestSubmitted.button": "Triage the request",
  "notify.requestDeclined.subject": "{reference} was declined",
  "notify.requestDeclined.intro": "{agency} declined your request \"{title}\": {reason}",
  "notify.requestDeclined.button": "Open the request",
  "notify.taskAssigned.subject": "New task for you: {title}",
  "notify.taskAssigned.intro": "{agency} assigned you {reference} \"{title}\", due {due}.",
  "notify.taskAssigned.button": "Open the task",
  "notify.taskReturned.subject": "Changes needed on {title}",
  "notify.taskReturned.intro": "Your deliverable for {reference} \"{title}\" came back with changes to make: {notes}",
  "notify.taskReturned.button": "See what to change",
  "notify.invoiceSent.subject": "Invoice {number} from {agency}: {amount}",
  "notify.invoiceSent.intro": "{agency} sent you invoice {number} for {amount}, due {due}. You can view, print and pay it in your portal.",
  "notify.invoiceSent.button": "View the invoice",
  "notify.invoiceReminder.subject": "Reminder: invoice {number} was due {due}",
  "notify.invoiceReminder.intro": "A friendly reminder that invoice {number} from {agency} for {balance} was due on {due}. If you have already paid, thank you, and please ignore this email.",
  "notify.invoiceReminder.button": "View and pay the invoice",
  "notify.paymentReceived.subject": "Payment received: invoice {number}",
  "notify.paymentReceived.intro": "{client} paid {amount} on invoice {number}. Still owed: {balance}.",
  "notify.paymentReceived.button": "Open the invoice",
  "notify.readyForApproval.subject": "Ready for your approval: {title}",
  "notify.readyForApproval.intro": "{agency} finished {reference} \"{title}\". Please review it and approve it, or ask for a revision.",
  "notify.readyForApproval.button": "Review the deliverable",
  "notify.approved.subject": "{reference} approved by the client",
  "notify.approved.intro": "{name} approved \"{title}\".",
  "notify.approved.button": "Open the task",
  "notify.revisionRequested.subject": "{reference}: the client asked for a revision",
  "notify.revisionRequested.intro": "{name} asked for changes to \"{title}\": {comment}",
  "notify.revisionRequested.button": "Open the task",
  "survey.csat.subject": "How did we do on {reference}?",
  "survey.csat.intro": "Hi {name}, {agency} has finished \"{title}\" ({reference}). Could you tell us how it went?",
  "survey.csat.question": "How satisfied are you with how {agency} handled \"{title}\"?",
  "survey.csat.low": "1 = very dissatisfied",
  "survey.csat.high": "5 = very satisfied",
  "survey.nps.subject": "A quick question from {agency}",
  "survey.nps.intro": "Hi {name}, {agency} would value your honest opinion. It takes one click.",
  "survey.nps.question": "How likely are you to recommend {agency} to a friend or colleague?",
  "survey.nps.low": "0 = not at all likely",
  "survey.nps.high": "10 = extremely likely",
  "survey.howTo": "Click a number to answer; no sign-in needed. You can add a comment on the next page. The links work for {days} days.",
  "survey.footerPlain": "You get this email because you work with {agency} on Baton.",
  "survey.footer": "You get this email because you work with {agency} on Baton. We ask for feedback at most once every {quiet} days.",
} as const;

export type MessageKey = keyof typeof en;

// Every locale is complete: the type makes the compiler require each key in each catalog.
const catalogs: Record<Locale, Record<MessageKey, string>> = { en, el, hi };

export function message(locale: Locale, key: MessageKey, params: Record<string, string> = {}): string {
  const template = catalogs[locale][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}
