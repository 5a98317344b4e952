import { renderMarkdown } from "@baton/core/markdown";

/**
 * Markdown someone wrote (an agreement, a welcome packet, a request's description, a message),
 * rendered by core's renderer: raw HTML is escaped and URLs are allow-listed, so its output is
 * safe as it is. `breaks` keeps single line breaks, for what people type to each other.
 */
export function Markdown(props: { source: string; breaks?: boolean; class?: string; "data-testid"?: string }) {
  return (
    <div
      class={props.class ? `prose ${props.class}` : "prose"}
      data-testid={props["data-testid"]}
      innerHTML={renderMarkdown(props.source, { breaks: props.breaks })}
    />
  );
}
