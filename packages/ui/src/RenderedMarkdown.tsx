/**
 * Markdown the API has already rendered to safe HTML (core/markdown: raw HTML escaped, URLs
 * allow-listed), shown as it is: the page that uses this ships no Markdown renderer.
 */
export function RenderedMarkdown(props: { html: string; class?: string; "data-testid"?: string }) {
  return <div class={props.class ? `prose ${props.class}` : "prose"} data-testid={props["data-testid"]} innerHTML={props.html} />;
}
