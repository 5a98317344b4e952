// Reads what the SES emulator captured: the demo's mailbox page shows the same messages.
export type CapturedEmail = {
  messageId: string;
  from: string;
  replyTo?: string[];
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  /** Files sent with it: content in base64. */
  attachments?: { filename?: string; contentType: string; content: string; size: number }[];
  at: number;
};

export async function emailsTo(sesEndpoint: string, address: string): Promise<CapturedEmail[]> {
  const response = await fetch(`${sesEndpoint}/store`);
  const { emails } = (await response.json()) as { emails: CapturedEmail[] };
  const wanted = address.toLowerCase();
  return emails.filter((email) => email.destination.to.some((to) => to.toLowerCase().includes(wanted)));
}

/** The first link in an email's text part that points at an app's /auth/verify page. */
export function verifyLinkIn(email: CapturedEmail): string | undefined {
  return /(https?:\/\/\S+\/auth\/verify\?token=\S+)/.exec(email.body.text ?? "")?.[1];
}
