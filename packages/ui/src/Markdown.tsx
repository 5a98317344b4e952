import { renderMarkdown } from "@baton/core/markdown";

/**
 * Markdown someone at the agency wrote (an agreement, a welcome packet), rendered by core's
 * renderer: raw HTML is escaped and URLs are allow-listed, so its output is safe as it is.
 */
export function Markdown(props: { source: string; "data-testid"?: string }) {
  return <div class="prose" data-testid={props["data-testid"]} innerHTML={renderMarkdown(props.source)} />;
}
