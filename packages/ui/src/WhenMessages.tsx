import { usePreloadRoute } from "@solidjs/router";
import { Show, type JSX } from "solid-js";
import { messagesReady } from "./i18n";

/**
 * The router's root renders the app under this: its strings are a lazy chunk (not in the first
 * load), so until they arrive nothing is shown, while the page's own code and data are already
 * fetched in parallel with them.
 */
export function WhenMessages(props: { children: JSX.Element }) {
  if (!messagesReady()) usePreloadRoute()(window.location.pathname + window.location.search, { preloadData: true });
  return <Show when={messagesReady()}>{props.children}</Show>;
}
