import { For, Show } from "solid-js";

/** `value` as an http(s) address to link to, or undefined for anything else (javascript:, junk). */
export function safeUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Web addresses as links that open in a new tab; anything else as plain text. */
export function LinkList(props: { links: string[] }) {
  return (
    <ul class="link-list">
      <For each={props.links}>
        {(link) => (
          <li>
            <Show when={safeUrl(link)} fallback={<span>{link}</span>}>
              {(href) => (
                <a href={href()} target="_blank" rel="noopener noreferrer">
                  {link}
                </a>
              )}
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}
