import { useSession } from "@baton/ui/session";
import { createAsync } from "@solidjs/router";
import { ErrorBoundary, Show, Suspense } from "solid-js";
import { getClientNames } from "../pages/clients/data";
import { getTask } from "../pages/tasks/data";

/**
 * A task's client by name. The owner reads the client list (one request for every row); other
 * members may not, so they read the task itself, which the task page then opens instantly.
 */
export function TaskClientName(props: { taskId: string; clientId: string }) {
  const { me } = useSession();
  return (
    <ErrorBoundary fallback={<span class="muted">—</span>}>
      <Suspense fallback={<span class="muted">…</span>}>
        <Show when={me().role === "owner"} fallback={<FromTask taskId={props.taskId} />}>
          <FromList clientId={props.clientId} taskId={props.taskId} />
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}

function FromList(props: { clientId: string; taskId: string }) {
  const names = createAsync(() => getClientNames());
  return (
    <Show when={names()}>
      {(map) => (
        <Show when={map().get(props.clientId)} fallback={<FromTask taskId={props.taskId} />}>
          {(client) => <span>{client().name}</span>}
        </Show>
      )}
    </Show>
  );
}

function FromTask(props: { taskId: string }) {
  const detail = createAsync(() => getTask(props.taskId));
  return <span>{detail()?.client.name}</span>;
}
