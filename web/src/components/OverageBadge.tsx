import { api } from "@baton/ui/api";
import { t } from "@baton/ui/i18n";
import { useSession } from "@baton/ui/session";
import { createResource, Show } from "solid-js";

/**
 * "Ask first: no hours left" (or "Paused") beside a task of a retainer client whose month's hours
 * are used up under that rule: the hour bank's `overageState`, read for the owner (who alone may
 * read a client's hour bank). Nothing while it loads or if it can't be read.
 */
export function OverageBadge(props: { clientId: string }) {
  const { me } = useSession();
  const [bank] = createResource(
    () => (me().role === "owner" ? props.clientId : undefined),
    async (clientId) => {
      try {
        return await api.hourBank.ofClient(clientId);
      } catch {
        return undefined;
      }
    },
  );
  return (
    <Show when={bank()?.overageState !== undefined && bank()?.overageState !== "ok" && bank()!.overageState}>
      {(state) => (
        <span class="badge badge-warning" data-testid="task-overage-state">
          {t(state() === "askFirst" ? "bank.askFirstBadge" : "bank.pausedBadge")}
        </span>
      )}
    </Show>
  );
}
