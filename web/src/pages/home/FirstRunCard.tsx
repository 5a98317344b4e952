import { api } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { formatNumber, t } from "@baton/ui/i18n";
import { errorText } from "@baton/ui/ErrorMessage";
import { toast } from "@baton/ui/Toast";
import type { FirstRunKey } from "@baton/ui/types";
import { A, createAsync, query, revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { expireOnLeave } from "../../lib/work";

/** The owner's first-run checklist; the API reads each item's state from the agency's data. */
export const getFirstRun = query(() => api.firstRun.get(), "firstRun.get");

const WHERE: Record<FirstRunKey, string> = { team: "/team", client: "/clients", sop: "/sops", payment: "/settings/money" };

/** A new agency's first steps, until they are all done or the owner hides the card. */
export function FirstRunCard() {
  const state = createAsync(() => getFirstRun());
  const [hiding, setHiding] = createSignal(false);
  // Back on Home after adding a client, the item shows ticked.
  expireOnLeave(() => getFirstRun.key);
  const doneCount = () => state()?.steps.filter((item) => item.done).length ?? 0;

  const hide = async () => {
    setHiding(true);
    try {
      await api.firstRun.dismiss();
      await revalidate(getFirstRun.key);
    } catch (error) {
      toast(errorText(error), "error");
    } finally {
      setHiding(false);
    }
  };

  return (
    <Show when={state() && !state()!.dismissed && !state()!.done}>
      <section class="card first-run" aria-labelledby="first-run-title" data-testid="first-run">
        <div class="first-run-head">
          <div>
            <h2 id="first-run-title">{t("firstRun.title")}</h2>
            <p class="muted small">
              {t("firstRun.intro")} {t("firstRun.progress", { done: formatNumber(doneCount()), total: formatNumber(state()!.steps.length) })}
            </p>
          </div>
          <Button size="sm" variant="ghost" pending={hiding()} onClick={hide}>
            {t("firstRun.dismiss")}
          </Button>
        </div>
        <ol class="first-run-list">
          <For each={state()!.steps}>
            {(item) => (
              <li classList={{ "first-run-done": item.done }} data-item={item.key} data-done={item.done ? "true" : "false"}>
                <span class="first-run-mark" aria-hidden="true">
                  {item.done ? "✓" : ""}
                </span>
                <A href={WHERE[item.key]}>{t(`firstRun.${item.key}`)}</A>
                <span class="sr-only">{item.done ? t("firstRun.done") : t("firstRun.todo")}</span>
              </li>
            )}
          </For>
        </ol>
      </section>
    </Show>
  );
}
