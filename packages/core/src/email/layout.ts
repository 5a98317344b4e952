// Every email has an HTML and a plain-text part built from the same paragraphs, so they never drift.
// `fromName` and `replyTo` are the agency's (its brand): the sender's display name before the
// installation's own address, and where replies go.
export type RenderedEmail = { subject: string; html: string; text: string; fromName?: string; replyTo?: string; attachments?: Attachment[] };

/** A file sent with an email (an invoice's PDF): its bytes in base64, as the outbox keeps them and SES takes them. */
export type Attachment = { filename: string; contentType: string; content: string };

/** The agency's look and sender (brand/): its name or logo on top, its colour on buttons, its footer last. */
export type EmailBrand = {
  name: string;
  senderName: string;
  replyTo: string | null;
  color: string | null;
  logoUrl: string | null;
  footer: string | null;
};

/** The default button colour, when the agency chose none. */
const DEFAULT_COLOR = "#1f4ed8";
/** A colour is only ever written into a style attribute if it is exactly a hex colour. */
export const safeColor = (color: string | null | undefined) => (color && /^#[0-9a-f]{6}$/i.test(color) ? color : DEFAULT_COLOR);

export type EmailBlock =
  | { type: "paragraph"; text: string }
  | { type: "button"; label: string; url: string }
  | { type: "note"; text: string }
  /** One-click answers: a row of links in HTML, a list in text; `low`/`high` name the ends of the scale. */
  | { type: "scores"; links: { score: number; url: string }[]; low: string; high: string };

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/**
 * A subject on one line: control characters (CR, LF, tabs, NUL, line and paragraph separators)
 * become spaces, so text a client typed into a title can never start a new header line.
 */
export function oneLineSubject(subject: string): string {
  return subject.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/ {2,}/g, " ").trim().slice(0, 250);
}

export function render(subject: string, blocks: EmailBlock[], lang = "en", brand?: EmailBrand | null): RenderedEmail {
  const color = safeColor(brand?.color);
  const all: EmailBlock[] = brand?.footer ? [...blocks, { type: "note", text: brand.footer }] : blocks;
  const body = all
    .map((block) => {
      switch (block.type) {
        case "paragraph":
          return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
        case "note":
          return `<p style="margin:0 0 16px;color:#667085;font-size:13px;white-space:pre-line">${escapeHtml(block.text)}</p>`;
        case "button":
          return `<p style="margin:24px 0"><a href="${escapeHtml(block.url)}" target="_blank" rel="noopener" style="background:${color};color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(block.label)}</a></p>`;
        case "scores":
          return scoresHtml(block, color);
      }
    })
    .join("\n");
  const html = brand ? `${header(brand, color)}\n${body}` : body;
  const text = all
    .map((block) => {
      switch (block.type) {
        case "button":
          return `${block.label}: ${block.url}`;
        case "scores":
          return [`${block.low} / ${block.high}`, ...block.links.map((link) => `${link.score}: ${link.url}`)].join("\n");
        default:
          return block.text;
      }
    })
    .join("\n\n");
  return {
    ...senderOf(brand),
    subject: oneLineSubject(subject),
    html: `<!doctype html><html lang="${escapeHtml(lang)}"><body style="font-family:system-ui,sans-serif;color:#101828;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">${html}</body></html>`,
    text: `${text}\n`,
  };
}

// A table, because email clients lay out tables reliably and flexbox not at all.
function scoresHtml(block: Extract<EmailBlock, { type: "scores" }>, color: string): string {
  const cells = block.links
    .map(
      (link) =>
        `<td style="padding:0 3px 0 0"><a href="${escapeHtml(link.url)}" target="_blank" rel="noopener" style="display:inline-block;min-width:22px;padding:10px 8px;border:1px solid ${color};border-radius:6px;color:${color};font-weight:600;text-align:center;text-decoration:none">${link.score}</a></td>`,
    )
    .join("");
  return [
    `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:16px 0 4px;border-collapse:collapse"><tr>${cells}</tr></table>`,
    `<p style="margin:0 0 24px;color:#667085;font-size:13px">${escapeHtml(block.low)} · ${escapeHtml(block.high)}</p>`,
  ].join("\n");
}

/** The agency's logo (its name as the image's text), or its name in its colour. */
export function header(brand: EmailBrand, color: string): string {
  const inner = brand.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="${escapeHtml(brand.name)}" style="max-height:48px;max-width:240px;border:0">`
    : `<span style="font-size:20px;font-weight:700;color:${color}">${escapeHtml(brand.name)}</span>`;
  return `<p style="margin:0 0 24px">${inner}</p>`;
}

/** The sender's name and reply-to of a branded email. */
export function senderOf(brand: EmailBrand | null | undefined): Pick<RenderedEmail, "fromName" | "replyTo"> {
  if (!brand) return {};
  return { fromName: brand.senderName, ...(brand.replyTo ? { replyTo: brand.replyTo } : {}) };
}
