import { useSession } from "@baton/ui/session";
import { NotAllowedPage } from "@baton/ui/StatusPages";
import type { RouteSectionProps } from "@solidjs/router";
import { Show } from "solid-js";

export const useIsOwner = () => {
  const { me } = useSession();
  return () => me().role === "owner";
};

/** Wraps owner-only routes; everyone else gets the "not allowed" page. */
export function OwnerOnly(props: RouteSectionProps) {
  const isOwner = useIsOwner();
  return (
    <Show when={isOwner()} fallback={<NotAllowedPage />}>
      {props.children}
    </Show>
  );
}
