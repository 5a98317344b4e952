import { conflictCurrent } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { t } from "@baton/ui/i18n";
import { toast } from "@baton/ui/Toast";
import type { WorkTask } from "@baton/ui/types";
import { createAsync, query, revalidate, useParams, useSearchParams } from "@solidjs/router";
import { createEffect, createMemo, createSignal, on, Show } from "solid-js";
import { afterTaskChange, expireOnLeave } from "../../lib/work";
import { AssignDialog } from "./AssignDialog";
import { getTask } from "./data";
import { TaskView } from "./TaskView";

/**
 * The task page: loads the task, keeps the newest copy an action answered with, and opens the
 * assign dialog. What the viewer may do is the task's `can` (the API's policy), never a role here.
 */
export default function TaskPage() {
  const params = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams<{ assign?: string }>();
  const detail = createAsync(() => getTask(params.id));
  // Every move answers with the task as it now is; that beats the (older) loaded copy.
  const [latest, setLatest] = createSignal<WorkTask>();
  const task = createMemo(() => {
    const loaded = detail()?.task;
    const mine = latest();
    return loaded && mine && mine.id === loaded.id && mine.version >= loaded.version ? mine : loaded;
  });
  const [assigning, setAssigning] = createSignal(false);
  expireOnLeave(() => getTask.keyFor(params.id));
  const mayAssign = () => !!task()?.can.includes("assign");

  /** Shows `next` here, and in the cached detail, so coming back within the cache's reuse window shows it too. */
  const show = (next: WorkTask) => {
    setLatest(next);
    const loaded = detail();
    if (loaded && loaded.task.id === next.id) query.set(getTask.keyFor(next.id), { ...loaded, task: next });
  };
  const changed = (next: WorkTask) => {
    show(next);
    void afterTaskChange();
  };
  /** A 409: show the task as it is now and say so. */
  const stale = (error: unknown) => {
    const current = conflictCurrent<WorkTask>(error);
    if (!current) return false;
    show(current);
    toast(t("tasks.reloaded"), "error");
    return true;
  };

  // "?assign=1" (from the request page) opens the assign dialog once the task is here.
  createEffect(
    on(task, (loaded) => {
      if (!loaded || search.assign !== "1") return;
      if (mayAssign()) setAssigning(true);
      setSearch({ assign: undefined }, { replace: true });
    }),
  );

  return (
    <section class="page">
      <Boundary onRetry={() => revalidate(getTask.keyFor(params.id))}>
        <Show when={detail() && task()}>
          <TaskView detail={detail()!} task={task()!} onAssign={() => setAssigning(true)} onChange={changed} onStale={stale} />
          <Show when={mayAssign()}>
            <AssignDialog
              open={assigning()}
              task={task()!}
              onClose={() => setAssigning(false)}
              onStale={(current) => show(current)}
              onAssigned={(assigned) => {
                setAssigning(false);
                changed(assigned);
                toast(t("tasks.assigned", { reference: assigned.reference, name: assigned.assignee?.name ?? "" }));
              }}
            />
          </Show>
        </Show>
      </Boundary>
    </section>
  );
}
