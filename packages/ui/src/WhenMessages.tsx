import { usePreloadRoute } from "@solidjs/router";
import { onMount, Show, type JSX } from "solid-js";
import { messagesReady } from "./i18n";

/**
 * The router's root renders the app under this: its strings are a lazy chunk (not in the first
 * load), so until they arrive nothing is shown, while the page's own code and data are already
 * fetched in parallel with them.
 */
export function WhenMessages(props: { children: JSX.Element }) {
  const preload = usePreloadRoute();
  // On mount, once the root's 401 policy (outside this) is in place.
  onMount(() => {
    if (!messagesReady()) preload(window.location.pathname + window.location.search, { preloadData: true });
  });
  return <Show when={messagesReady()}>{props.children}</Show>;
}
