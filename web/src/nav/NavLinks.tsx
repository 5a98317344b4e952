import { t } from "@baton/ui/i18n";
import { useHref, useLocation } from "@solidjs/router";
import { createUniqueId, Show } from "solid-js";
import type { NavCount } from "./counts";
import { isCurrent, type Destination } from "./destinations";
import { Icon } from "./icons";

/** Is `item` the page on screen? Reads the router's location, so it follows navigation. */
export function useIsCurrent() {
  const location = useLocation();
  return (item: Destination) => isCurrent(item, location.pathname, new URLSearchParams(location.search));
}

/**
 * One menu entry: icon, label and, when there is something waiting, a count. The count is the
 * link's description rather than part of its name, so "Inbox" stays "Inbox" to assistive
 * technology (and to tests) while "3 requests to triage" is read after it.
 */
export function NavLink(props: { item: Destination; count?: NavCount | undefined; class?: string; tooltip?: boolean }) {
  const current = useIsCurrent();
  const href = useHref(() => props.item.href);
  const id = createUniqueId();
  // A plain link (the router still handles its clicks): <A> marks the current page by path
  // alone, and the inbox and all requests share one path.
  return (
    <>
      <a
        href={href()}
        class={`nav-link ${props.class ?? ""}`}
        aria-current={current(props.item) ? "page" : undefined}
        aria-describedby={props.count ? `count-${id}` : undefined}
        data-nav={props.item.id}
        title={props.tooltip ? t(props.item.label) : undefined}
      >
        <Icon name={props.item.icon} />
        <span class="nav-label">{t(props.item.label)}</span>
        <Show when={props.count}>
          {(count) => (
            <span class="nav-count" aria-hidden="true">
              {count().shown}
            </span>
          )}
        </Show>
      </a>
      <Show when={props.count}>
        {(count) => (
          <span id={`count-${id}`} hidden>
            {count().spoken}
          </span>
        )}
      </Show>
    </>
  );
}
