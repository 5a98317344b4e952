import { formatDuration } from "@baton/kernel/duration";
import type { Locale } from "../index.ts";
import { escapeHtml, header, safeColor, senderOf, type EmailBrand, type RenderedEmail } from "../layout.ts";
import { message, type MessageKey } from "../messages.ts";
import { readableWhen } from "../when.ts";

// The weekly status digest: sections of requests (done, in progress, awaiting approval) and the
// retainer's hours. Lists and headings are more than layout.ts's blocks can say, so this builds
// its own HTML and text, in the same frame and from the same items, so the parts never drift.
// Request titles are typed by clients: every value goes through escapeHtml.

export type DigestItem = { reference: string; title: string; url: string };

export type DigestEmailInput = {
  locale: Locale;
  /** The recipient's zone: due dates are shown on their clock. */
  timeZone: string;
  name: string;
  agency: string;
  /** The local Monday ("YYYY-MM-DD") the digest is for. */
  weekStart: string;
  done: DigestItem[];
  inProgress: (DigestItem & { dueAt: string | null })[];
  awaiting: DigestItem[];
  retainer: { usedMinutes: number; includedMinutes: number } | null;
  portalUrl: string;
  brand?: EmailBrand | null;
};

type Counted = "digest.done" | "digest.progress" | "digest.approval";

/** A count in the recipient's plural form ("one"/"other" in en, el and hi; Hindi's "one" covers 0). */
function counted(locale: Locale, base: Counted, count: number): string {
  const form = new Intl.PluralRules(locale).select(count) === "one" ? "one" : "other";
  return message(locale, `${base}.${form}` as MessageKey, { count: new Intl.NumberFormat(locale).format(count) });
}

type Line = { label: string; title: string; url: string; detail?: string; link?: string };
type Section = { heading: string; lines: Line[] } | { heading: string; paragraphs: string[] };

export function weeklyDigest(input: DigestEmailInput): RenderedEmail {
  const { locale, agency } = input;
  const week = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${input.weekStart}T12:00:00Z`));
  const sections: Section[] = [];
  if (input.done.length) {
    sections.push({ heading: counted(locale, "digest.done", input.done.length), lines: input.done.map((item) => line(item)) });
  }
  if (input.inProgress.length) {
    sections.push({
      heading: counted(locale, "digest.progress", input.inProgress.length),
      lines: input.inProgress.map((item) => line(item, item.dueAt ? message(locale, "digest.due", { due: readableWhen(item.dueAt, locale, input.timeZone) }) : undefined)),
    });
  }
  if (input.awaiting.length) {
    sections.push({
      heading: counted(locale, "digest.approval", input.awaiting.length),
      lines: input.awaiting.map((item) => ({ ...line(item), link: message(locale, "digest.review") })),
    });
  }
  const quiet = !sections.length;
  if (input.retainer) {
    const { usedMinutes, includedMinutes } = input.retainer;
    const over = usedMinutes - includedMinutes;
    sections.push({
      heading: message(locale, "digest.hours.heading"),
      paragraphs: [
        message(locale, "digest.hours.used", { used: formatDuration(usedMinutes, locale), included: formatDuration(includedMinutes, locale) }),
        ...(over > 0 ? [message(locale, "digest.hours.over", { over: formatDuration(over, locale) })] : []),
      ],
    });
  }

  const intro = message(locale, "digest.intro", { name: input.name, agency });
  const quietText = quiet ? message(locale, "digest.quiet") : null;
  const button = message(locale, "digest.button");
  const footer = message(locale, "digest.footer", { agency });
  const own = input.brand?.footer ?? null;
  const color = safeColor(input.brand?.color);

  const html = [
    ...(input.brand ? [header(input.brand, color)] : []),
    `<p style="margin:0 0 16px">${escapeHtml(intro)}</p>`,
    ...(quietText ? [`<p style="margin:0 0 16px">${escapeHtml(quietText)}</p>`] : []),
    ...sections.map((section) => sectionHtml(section, color)),
    `<p style="margin:24px 0"><a href="${escapeHtml(input.portalUrl)}" target="_blank" rel="noopener" style="background:${color};color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(button)}</a></p>`,
    `<p style="margin:0 0 16px;color:#667085;font-size:13px">${escapeHtml(footer)}</p>`,
    ...(own ? [`<p style="margin:0 0 16px;color:#667085;font-size:13px;white-space:pre-line">${escapeHtml(own)}</p>`] : []),
  ].join("\n");
  const text = [intro, ...(quietText ? [quietText] : []), ...sections.map(sectionText), `${button}: ${input.portalUrl}`, footer, ...(own ? [own] : [])].join("\n\n");
  return {
    ...senderOf(input.brand),
    subject: message(locale, "digest.subject", { agency, week }),
    html: `<!doctype html><html lang="${escapeHtml(locale)}"><body style="font-family:system-ui,sans-serif;color:#101828;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">${html}</body></html>`,
    text: `${text}\n`,
  };
}

const line = (item: DigestItem, detail?: string): Line => ({ label: item.reference, title: item.title, url: item.url, ...(detail ? { detail } : {}) });

function sectionHtml(section: Section, color: string): string {
  const heading = `<h2 style="margin:24px 0 8px;font-size:16px">${escapeHtml(section.heading)}</h2>`;
  if ("paragraphs" in section) return [heading, ...section.paragraphs.map((text) => `<p style="margin:0 0 8px">${escapeHtml(text)}</p>`)].join("\n");
  const items = section.lines.map((item) => {
    const reference = `<a href="${escapeHtml(item.url)}" target="_blank" rel="noopener" style="color:${color}">${escapeHtml(item.label)}</a>`;
    const detail = item.detail ? ` <span style="color:#667085">· ${escapeHtml(item.detail)}</span>` : "";
    const link = item.link ? ` · <a href="${escapeHtml(item.url)}" target="_blank" rel="noopener" style="color:${color}">${escapeHtml(item.link)}</a>` : "";
    return `<li style="margin:0 0 6px">${reference} ${escapeHtml(item.title)}${detail}${link}</li>`;
  });
  return [heading, `<ul style="margin:0 0 16px;padding-left:20px">`, ...items, "</ul>"].join("\n");
}

function sectionText(section: Section): string {
  if ("paragraphs" in section) return [section.heading, ...section.paragraphs].join("\n");
  const items = section.lines.map((item) => `- ${item.label} ${item.title}${item.detail ? ` · ${item.detail}` : ""}\n  ${item.link ? `${item.link}: ` : ""}${item.url}`);
  return [section.heading, ...items].join("\n");
}
