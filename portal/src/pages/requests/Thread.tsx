import { api } from "@baton/ui/api";
import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { EmptyState } from "@baton/ui/EmptyState";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { formatDateTime, t } from "@baton/ui/i18n";
import { createPaged } from "@baton/ui/paged";
import { useSession } from "@baton/ui/session";
import { TextArea } from "@baton/ui/TextField";
import type { Page, ThreadMessage } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { getMessages } from "../data";

/**
 * The request's thread with the team, oldest first as a conversation reads. The API pages
 * forward in time, so "more" means newer messages, shown below the ones loaded. What the
 * viewer sends goes at the end, after whatever is loaded.
 */
export function Thread(props: { requestId: string }) {
  const { me } = useSession();
  const first = createAsync(() => getMessages(props.requestId));
  const list = createPaged(first, (cursor) => api.requests.messages(props.requestId, { cursor }));
  // Sent here since the first page was loaded; a refetch starts over from the server's list.
  const [sent, setSent] = createSignal<{ base: Page<ThreadMessage> | undefined; items: ThreadMessage[] }>({ base: undefined, items: [] });
  const [refreshing, setRefreshing] = createSignal(false);

  const messages = () => {
    const loaded = list.items();
    const s = sent();
    const mine = s.base === first() ? s.items : [];
    const ids = new Set(loaded.map((message) => message.id));
    return [...loaded, ...mine.filter((message) => !ids.has(message.id))];
  };

  async function refresh() {
    setRefreshing(true);
    try {
      await revalidate(getMessages.keyFor(props.requestId));
    } finally {
      setRefreshing(false);
    }
  }

  return (
    <section class="card" aria-labelledby="thread-title">
      <div class="card-header">
        <h2 id="thread-title">{t("portal.thread.title")}</h2>
        <Button size="sm" variant="ghost" pending={refreshing()} onClick={() => void refresh()}>
          {t("portal.thread.refresh")}
        </Button>
      </div>
      <p class="muted small">{t("portal.thread.intro")}</p>
      <Boundary onRetry={() => revalidate(getMessages.keyFor(props.requestId))}>
        <Show when={first()}>
          <Show
            when={messages().length > 0}
            fallback={<EmptyState title={t("portal.thread.emptyTitle")}>{t("portal.thread.emptyBody")}</EmptyState>}
          >
            <ol class="thread" aria-labelledby="thread-title">
              <For each={messages()}>
                {(message) => {
                  const mine = () => message.author.type === "contact" && message.author.id === me().id;
                  return (
                    <li class="message" classList={{ "message-mine": mine() }} data-testid="message">
                      <div class="message-meta">
                        <strong>{mine() ? t("portal.thread.you") : message.author.name}</strong>
                        <Show when={message.author.type === "member"}>
                          <Badge tone="info">{t("portal.thread.team")}</Badge>
                        </Show>
                        <time class="cell-sub" datetime={message.createdAt}>
                          {formatDateTime(message.createdAt, me().timeZone)}
                        </time>
                      </div>
                      <div class="message-body prose-text">{message.body}</div>
                    </li>
                  );
                }}
              </For>
            </ol>
          </Show>
          <Show when={list.hasMore()}>
            <div class="load-more">
              <ErrorMessage error={list.moreError()} />
              <Button pending={list.loadingMore()} onClick={() => list.loadMore()}>
                {t("portal.thread.newer")}
              </Button>
            </div>
          </Show>
          <Composer
            requestId={props.requestId}
            onSent={(message) => {
              const s = sent();
              const base = first();
              setSent({ base, items: [...(s.base === base ? s.items : []), message] });
            }}
          />
        </Show>
      </Boundary>
    </section>
  );
}

function Composer(props: { requestId: string; onSent: (message: ThreadMessage) => void }) {
  const [body, setBody] = createSignal("");
  const submission = createSubmission();
  const send = () =>
    submission.run(async () => {
      const message = await api.requests.post(props.requestId, body().trim());
      setBody("");
      props.onSent(message);
    });
  return (
    <Form submission={submission} onSubmit={send} aria-label={t("portal.thread.message")} class="composer" data-testid="composer">
      <TextArea
        label={t("portal.thread.message")}
        name="body"
        required
        rows={3}
        maxlength={5000}
        hint={t("portal.thread.hint")}
        value={body()}
        onValue={setBody}
        error={submission.fieldError("body")}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <FormActions>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("portal.thread.send")}
        </Button>
      </FormActions>
    </Form>
  );
}
