import { api, conflictCurrent, isApiError } from "@baton/ui/api";
import { t } from "@baton/ui/i18n";
import { toast } from "@baton/ui/Toast";
import type { Timer } from "@baton/ui/types";
import { afterTimeChange, refreshTimer } from "./data";
import { formatMinutes } from "./format";

/** Thrown by `startTimer` when another timer runs: carries that one. */
export class TimerRunning extends Error {
  constructor(readonly current: Timer | null) {
    super(t("time.alreadyRunning"));
  }
}

export async function startTimer(taskId: string): Promise<Timer> {
  try {
    // A start answers the running timer (never null after a start).
    const timer = (await api.time.start(taskId)).timer!;
    await refreshTimer();
    toast(t("time.started", { label: timer.label }));
    return timer;
  } catch (e) {
    if (!isApiError(e) || e.code !== "timer.running") throw e;
    const current = conflictCurrent<Timer>(e) ?? null;
    void refreshTimer();
    throw new TimerRunning(current);
  }
}

/** Stops the viewer's timer; the time becomes an entry. */
export async function stopTimer() {
  try {
    // A stop answers the entry it recorded; none when the timer ran under a minute (discarded).
    const { entry } = await api.time.stop({});
    await refreshTimer();
    void afterTimeChange();
    toast(entry ? t("time.stopped", { time: formatMinutes(entry.minutes), label: entry.label }) : t("time.discarded"));
    return entry;
  } catch (e) {
    // Stopped elsewhere (another tab): nothing runs any more, say so with the error.
    if (isApiError(e) && e.code === "timer.not_running") {
      void refreshTimer();
      void afterTimeChange();
    }
    throw e;
  }
}
