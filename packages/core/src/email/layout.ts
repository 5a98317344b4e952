// Every email has an HTML and a plain-text part built from the same paragraphs, so they never drift.
export type RenderedEmail = { subject: string; html: string; text: string; attachments?: Attachment[] };

/** A file sent with an email (an invoice's PDF): its bytes in base64, as the outbox keeps them and SES takes them. */
export type Attachment = { filename: string; contentType: string; content: string };

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

export function render(subject: string, blocks: EmailBlock[], lang = "en"): RenderedEmail {
  const html = blocks
    .map((block) => {
      switch (block.type) {
        case "paragraph":
          return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
        case "note":
          return `<p style="margin:0 0 16px;color:#667085;font-size:13px">${escapeHtml(block.text)}</p>`;
        case "button":
          return `<p style="margin:24px 0"><a href="${escapeHtml(block.url)}" target="_blank" rel="noopener" style="background:#1f4ed8;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(block.label)}</a></p>`;
        case "scores":
          return scoresHtml(block);
      }
    })
    .join("\n");
  const text = blocks
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
    subject: oneLineSubject(subject),
    html: `<!doctype html><html lang="${escapeHtml(lang)}"><body style="font-family:system-ui,sans-serif;color:#101828;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">${html}</body></html>`,
    text: `${text}\n`,
  };
}

// A table, because email clients lay out tables reliably and flexbox not at all.
function scoresHtml(block: Extract<EmailBlock, { type: "scores" }>): string {
  const cells = block.links
    .map(
      (link) =>
        `<td style="padding:0 3px 0 0"><a href="${escapeHtml(link.url)}" target="_blank" rel="noopener" style="display:inline-block;min-width:22px;padding:10px 8px;border:1px solid #1f4ed8;border-radius:6px;color:#1f4ed8;font-weight:600;text-align:center;text-decoration:none">${link.score}</a></td>`,
    )
    .join("");
  return [
    `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:16px 0 4px;border-collapse:collapse"><tr>${cells}</tr></table>`,
    `<p style="margin:0 0 24px;color:#667085;font-size:13px">${escapeHtml(block.low)} · ${escapeHtml(block.high)}</p>`,
  ].join("\n");
}
