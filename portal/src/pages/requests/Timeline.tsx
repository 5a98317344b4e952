import { Boundary } from "@baton/ui/Boundary";
import { formatDateTime, t } from "@baton/ui/i18n";
import { useSession } from "@baton/ui/session";
import type { TimelineEntry } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { For, Show } from "solid-js";
import { getHistory } from "../data";

const text = (value: unknown): string | undefined => (typeof value === "string" && value ? value : undefined);

/** One step of the request's history as a sentence, plus the words someone wrote with it. */
export function describe(entry: TimelineEntry): { sentence: string; quote?: string | undefined; tone: "info" | "success" | "warning" | "neutral" } {
  const by = entry.by ?? undefined;
  const task = text(entry.data.taskTitle) ?? text(entry.data.reference) ?? "";
  switch (entry.action) {
    case "request.submitted":
      return { sentence: by ? t("portal.timeline.submittedBy", { by }) : t("portal.timeline.submitted"), tone: "neutral" };
    case "request.accepted":
      return { sentence: t("portal.timeline.accepted"), tone: "info" };
    case "request.declined":
      return { sentence: t("portal.timeline.declined"), quote: text(entry.data.reason), tone: "warning" };
    case "task.qa_approved":
      return { sentence: t("portal.timeline.qaApproved", { task }), tone: "warning" };
    case "task.client_approved":
      return {
        sentence: by ? t("portal.timeline.clientApprovedBy", { by, task }) : t("portal.timeline.clientApproved", { task }),
        tone: "success",
      };
    case "task.client_revision":
      return {
        sentence: by ? t("portal.timeline.clientRevisionBy", { by, task }) : t("portal.timeline.clientRevision", { task }),
        quote: text(entry.data.comment),
        tone: "info",
      };
    case "request.completed":
      return { sentence: t("portal.timeline.completed"), tone: "success" };
    default:
      return { sentence: t("portal.timeline.other"), tone: "neutral" };
  }
}

/** The request's client-visible history, oldest first. */
export function Timeline(props: { requestId: string }) {
  const { me } = useSession();
  const history = createAsync(() => getHistory(props.requestId));
  return (
    <section class="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("portal.timeline.title")}</h2>
      <Boundary onRetry={() => revalidate(getHistory.keyFor(props.requestId))}>
        <Show when={history()}>
          {(data) => (
            <Show when={data().items.length > 0} fallback={<p class="muted">{t("portal.timeline.empty")}</p>}>
              <ol class="timeline">
                <For each={data().items}>
                  {(entry) => {
                    const step = () => describe(entry);
                    return (
                      <li class={`timeline-entry timeline-${step().tone}`} data-testid="timeline-entry" data-action={entry.action}>
                        <p class="timeline-sentence">{step().sentence}</p>
                        <Show when={step().quote}>
                          <blockquote class="quote">{step().quote}</blockquote>
                        </Show>
                        <time class="cell-sub" datetime={entry.at}>
                          {formatDateTime(entry.at, me().timeZone)}
                        </time>
                      </li>
                    );
                  }}
                </For>
              </ol>
            </Show>
          )}
        </Show>
      </Boundary>
    </section>
  );
}
