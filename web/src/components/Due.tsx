import { Badge } from "@baton/ui/Badge";
import { formatDateTime } from "@baton/ui/i18n";
import { Show } from "solid-js";
import { dueState, now } from "../lib/time";

/**
 * A due instant in the viewer's zone with the time left; past due it turns into a red
 * "2 days overdue" badge (unless the work is done).
 */
export function DueDate(props: { at: string; done?: boolean; hideLeft?: boolean }) {
  const state = () => dueState(props.at, now());
  return (
    <span class="due" classList={{ "due-overdue": !props.done && state().overdue, "due-soon": !props.done && state().soon }}>
      <time datetime={props.at}>{formatDateTime(props.at)}</time>
      <Show when={!props.done && !(props.hideLeft && !state().overdue)}>
        <Show when={state().overdue} fallback={<span class="due-left">{state().text}</span>}>
          <Badge tone="danger">{state().text}</Badge>
        </Show>
      </Show>
    </span>
  );
}
