import { t } from "@baton/ui/i18n";
import { Show } from "solid-js";

/**
 * "Ask first: no hours left" (or "Paused: no hours left") beside a task of a retainer client whose
 * month's hours are used up under that rule. The API says so (the task's `client.hours`, the
 * board's `hours` by client), so every member who sees the task sees it, not only the owner.
 */
export function OverageBadge(props: { state: "ok" | "askFirst" | "paused" | undefined }) {
  return (
    <Show when={props.state && props.state !== "ok" && props.state}>
      {(state) => (
        <span class="badge badge-warning" data-testid="task-overage-state">
          {t(state() === "askFirst" ? "bank.askFirstBadge" : "bank.pausedBadge")}
        </span>
      )}
    </Show>
  );
}
