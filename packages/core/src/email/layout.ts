// Every email has an HTML and a plain-text part built from the same paragraphs, so they never drift.
export type RenderedEmail = { subject: string; html: string; text: string };

export type EmailBlock =
  | { type: "paragraph"; text: string }
  | { type: "button"; label: string; url: string }
  | { type: "note"; text: string };

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
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
      }
    })
    .join("\n");
  const text = blocks
    .map((block) => (block.type === "button" ? `${block.label}: ${block.url}` : block.text))
    .join("\n\n");
  return {
    subject,
    html: `<!doctype html><html lang="${escapeHtml(lang)}"><body style="font-family:system-ui,sans-serif;color:#101828;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">${html}</body></html>`,
    text: `${text}\n`,
  };
}
