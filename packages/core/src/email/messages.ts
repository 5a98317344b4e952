import type { Locale } from "./index.ts";

// Email strings by locale. English is complete; Greek and Hindi fall back to it until translated.
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
} as const;

export type MessageKey = keyof typeof en;

const catalogs: Record<Locale, Partial<Record<MessageKey, string>>> = { en, el: {}, hi: {} };

export function message(locale: Locale, key: MessageKey, params: Record<string, string> = {}): string {
  const template = catalogs[locale][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}
