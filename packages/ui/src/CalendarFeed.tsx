import { createResource, createSignal, createUniqueId, Show } from "solid-js";
import { api } from "./api";
import type { FeedLink } from "./types";
import { Boundary } from "./Boundary";
import { Button } from "./Button";
import { ConfirmDialog } from "./Dialog";
import { ErrorMessage } from "./ErrorMessage";
import { createSubmission } from "./Form";
import { formatDate, t } from "./i18n";
import { toast } from "./Toast";

export type { FeedLink } from "./types";

// The signed-in person's private iCalendar link, for the team app's calendar and the portal's
// profile. The API keeps only the link's hash, so its URL is known only when it is made: the
// first time it is asked for, or on a reset. This page session remembers it so that coming back
// to the page still shows it; a reload asks again and, the link existing, gets no URL.

export const calendarFeedApi = {
  get: (): Promise<FeedLink> => api.calendar.feedUrl(),
  rotate: (): Promise<FeedLink> => api.calendar.rotateFeedUrl(),
};

const [revealed, setRevealed] = createSignal<string>();

export function CalendarFeedCard(props: { title: string; intro: string }) {
  const id = createUniqueId();
  const [link, { mutate, refetch }] = createResource(async () => {
    const loaded = await calendarFeedApi.get();
    if (loaded.url) setRevealed(loaded.url);
    return loaded;
  });
  const [confirming, setConfirming] = createSignal(false);
  const reset = createSubmission();

  const rotate = () =>
    reset.run(async () => {
      const next = await calendarFeedApi.rotate();
      setRevealed(next.url ?? undefined);
      mutate(next);
      setConfirming(false);
      toast(t("calendarFeed.resetDone"));
    });

  return (
    <section class="card calendar-feed" aria-labelledby={`feed-${id}-title`} data-testid="calendar-feed">
      <h2 id={`feed-${id}-title`}>{props.title}</h2>
      <p class="muted small">{props.intro}</p>
      {/* A boundary of its own: the rest of the page does not wait for the link. */}
      <Boundary onRetry={() => refetch()}>
        <Show when={link()}>
          {(loaded) => (
            <>
              <Show
                when={revealed()}
                fallback={
                  <p class="notice" data-testid="calendar-feed-hidden">
                    {t("calendarFeed.hidden", { date: formatDate(loaded().createdAt) })}
                  </p>
                }
              >
                {(url) => <FeedUrl url={url()} />}
              </Show>
              <p class="field-hint">{t("calendarFeed.how")}</p>
              <div class="form-actions form-actions-start">
                <Button variant="danger" onClick={() => setConfirming(true)}>
                  {t("calendarFeed.reset")}
                </Button>
              </div>
            </>
          )}
        </Show>
      </Boundary>
      <ConfirmDialog
        open={confirming()}
        title={t("calendarFeed.resetTitle")}
        message={t("calendarFeed.resetMessage")}
        confirmLabel={t("calendarFeed.reset")}
        danger
        pending={reset.pending()}
        error={<ErrorMessage error={reset.error()} />}
        onConfirm={() => void rotate()}
        onClose={() => {
          reset.clear();
          setConfirming(false);
        }}
      />
    </section>
  );
}

function FeedUrl(props: { url: string }) {
  const id = createUniqueId();
  let input!: HTMLInputElement;
  const [copied, setCopied] = createSignal(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.url);
      setCopied(true);
      setTimeout(() => setCopied(false), 4000);
    } catch {
      // Clipboard access can be refused; leave the text selected for Ctrl+C instead.
      input.focus();
      input.select();
    }
  }
  return (
    <div class="field">
      <label class="field-label" for={`feed-url-${id}`}>
        {t("calendarFeed.url")}
      </label>
      <div class="input-with-button">
        <input
          ref={input}
          id={`feed-url-${id}`}
          class="mono"
          readonly
          value={props.url}
          aria-describedby={`feed-url-${id}-hint`}
          data-testid="calendar-feed-url"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button onClick={() => void copy()}>{copied() ? t("calendarFeed.copied") : t("calendarFeed.copy")}</Button>
      </div>
      <p class="sr-only" role="status" aria-live="polite">
        {copied() ? t("calendarFeed.copied") : ""}
      </p>
      <p class="field-hint" id={`feed-url-${id}-hint`}>
        {t("calendarFeed.shownOnce")}
      </p>
    </div>
  );
}
