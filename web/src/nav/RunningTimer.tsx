import { Button } from "@baton/ui/Button";
import { t } from "@baton/ui/i18n";
import { useNow } from "@baton/ui/time";
import { toast } from "@baton/ui/Toast";
import { createAsync } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { getTimer } from "../pages/time/data";
import { formatElapsed } from "../pages/time/format";
import { stopTimer } from "../pages/time/timer";

/**
 * The running timer on every page of the team app (issue 17, part 5): what it runs on, for how
 * long, and a stop button, so a timer is never left running out of sight.
 */
export function RunningTimer() {
  const state = createAsync(() => getTimer());
  const now = useNow(1000);
  const [stopping, setStopping] = createSignal(false);
  const stop = async () => {
    setStopping(true);
    try {
      await stopTimer();
    } catch (e) {
      toast(e instanceof Error ? e.message : String(e));
    } finally {
      setStopping(false);
    }
  };
  return (
    <Show when={state()?.timer}>
      {(timer) => (
        <div class="running-timer" role="status" data-testid="header-timer">
          <span class="running-timer-dot" aria-hidden="true" />
          <span class="running-timer-label">
            <span class="sr-only">{t("time.runningOn")} </span>
            {timer().label}
          </span>
          <time class="running-timer-elapsed" data-testid="header-timer-elapsed">
            {formatElapsed(now().getTime() - Date.parse(timer().startedAt))}
          </time>
          <Button size="sm" variant="secondary" pending={stopping()} onClick={() => void stop()}>
            {t("time.stop")}
          </Button>
        </div>
      )}
    </Show>
  );
}
