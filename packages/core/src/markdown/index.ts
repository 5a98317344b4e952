import MarkdownIt from "markdown-it";
import type { RendererRule } from "markdown-it";

// Markdown written by members and clients (notes, task descriptions) is shown to other people,
// so the HTML this module returns must be safe to assign to innerHTML as it stands.
// Safety comes from two rules: raw HTML is never passed through (markdown-it escapes it), and
// URLs are checked against an allow-list rather than a deny-list, because browsers forgive
// too many spellings of "javascript:" for a deny-list to keep up.

/** Longer input is cut before parsing, which bounds the parser's work and the HTML shipped and painted. */
export const maxMarkdownLength = 100_000;

// markdown-it hands validateLink the destination as it will be written to href: entities decoded,
// surrounding whitespace trimmed, unsafe characters percent-encoded. "&#106;avascript:" arrives as
// "javascript:" and "jav&#x09;ascript:" as "jav%09ascript:"; neither matches, and the link stays text.
const linkUrl = /^(?:https?:|mailto:|[/#])/i;
const imageUrl = /^https?:/i;

/** One renderer with this module's safety rules; `breaks` keeps single line breaks. */
function renderer(breaks: boolean) {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks });

  md.validateLink = (url) => linkUrl.test(url);

  const renderToken: RendererRule = (tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options);

  const defaultLinkOpen = md.renderer.rules.link_open ?? renderToken;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    // Already validated by the parser; checked again so a future rule or plugin that builds links
    // without validateLink cannot slip one through.
    const href = token.attrGet("href");
    if (href !== null && !linkUrl.test(String(href))) token.attrs = (token.attrs ?? []).filter(([name]) => name !== "href");
    // Links leave the app: no window.opener for the target, no referrer, no endorsement for SEO.
    token.attrSet("target", "_blank");
    token.attrSet("rel", "noopener noreferrer nofollow");
    return defaultLinkOpen(tokens, idx, options, env, self);
  };

  const defaultImage = md.renderer.rules.image ?? renderToken;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    // Images load without a click, so relative and mailto URLs that pass as links are refused:
    // what remains is the alt text, so the reader still sees what was meant.
    if (!imageUrl.test(String(token.attrGet("src") ?? ""))) {
      return md.utils.escapeHtml(self.renderInlineAsText(token.children ?? [], options, env));
    }
    return defaultImage(tokens, idx, options, env, self);
  };
  return md;
}

// Documents (SOPs, agreements) are Markdown as written; what people type to each other (request
// descriptions, messages) keeps its line breaks, as the plain text it mostly is.
const documents = renderer(false);
const notes = renderer(true);

/**
 * HTML for Markdown from users, safe to insert with innerHTML. `breaks` keeps a single line
 * break as one (for what people type to each other rather than documents).
 */
export function renderMarkdown(source: string, options: { breaks?: boolean } = {}): string {
  return (options.breaks ? notes : documents).render(cap(source));
}

/**
 * A one-line plain-text excerpt of Markdown, for list previews and email subjects and bodies.
 * It is text, not HTML: escape it wherever it goes into markup. maxLength counts user-perceived
 * characters (graphemes), the ellipsis included.
 */
export function markdownToText(source: string, maxLength = 200): string {
  const limit = Math.floor(maxLength);
  if (!(limit >= 1)) return "";
  const text = decodeEntities(renderMarkdown(source).replace(blockTag, " ").replace(anyTag, ""))
    .replace(/\s+/g, " ")
    .trim();
  return truncate(text, limit);
}

function cap(source: string): string {
  if (source.length <= maxMarkdownLength) return source;
  const cut = source.slice(0, maxMarkdownLength);
  // Never leave half a surrogate pair at the end.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

// markdown-it escapes every "<" in text when html is off, so in its output a "<" always starts a tag.
// Block tags become spaces so "a</td><td>b" does not read as "ab"; inline ones vanish so "a*b*" reads "ab".
const blockTag = /<\/?(?:address|blockquote|br|dd|div|dl|dt|h[1-6]|hr|li|ol|p|pre|table|tbody|td|tfoot|th|thead|tr|ul)\b[^>]*>/gi;
const anyTag = /<[^>]*>/g;

// markdown-it decodes every entity in the source and re-escapes only these four on the way out.
const entities: Readonly<Record<string, string>> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"' };

function decodeEntities(html: string): string {
  // One pass, so "&amp;lt;" becomes "&lt;" and not "<".
  return html.replace(/&(?:amp|lt|gt|quot);/g, (entity) => entities[entity] ?? entity);
}

const ellipsis = "…";

function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  // Count and cut by grapheme, so an emoji or a Devanagari syllable is never split in half;
  // the segmenter is lazy, so a long text is only walked as far as the excerpt reaches.
  const kept: string[] = [];
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)) {
    if (kept.length === limit) break;
    kept.push(segment);
  }
  if (kept.join("").length === text.length) return text;
  kept.pop();
  // Prefer ending on a word, unless that throws away most of the excerpt.
  const space = kept.lastIndexOf(" ");
  const words = space >= kept.length * 0.6 ? kept.slice(0, space) : kept;
  return words.join("").trimEnd() + ellipsis;
}
