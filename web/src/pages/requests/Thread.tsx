import { api } from "@baton/ui/api";
import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { formatDateTime, t } from "@baton/ui/i18n";
import { LoadMore } from "@baton/ui/LoadMore";
import { createPaged } from "@baton/ui/paged";
import { useSession } from "@baton/ui/session";
import { TextArea } from "@baton/ui/TextField";
import type { ThreadMessage } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { getHistory, getThread } from "./data";

/** The request's conversation with the client, oldest first, and a box to write in it. */
export function Thread(props: { requestId: string }) {
  const first = createAsync(() => getThread(props.requestId));
  const list = createPaged(first, (cursor) => api.requests.messages(props.requestId, { cursor, limit: 100 }));
  // Messages written here since the thread loaded, shown at the end until a refetch includes them.
  const [posted, setPosted] = createSignal<ThreadMessage[]>([]);
  const messages = () => {
    const loaded = list.items();
    const ids = new Set(loaded.map((m) => m.id));
    return [...loaded, ...posted().filter((m) => !ids.has(m.id))];
  };

  return (
    <section class="card" aria-labelledby="thread-title" id="thread">
      <h2 id="thread-title">{t("thread.title")}</h2>
      <p class="muted small">{t("thread.intro")}</p>
      <Boundary onRetry={() => revalidate(getThread.keyFor(props.requestId))}>
        <Show when={messages().length > 0} fallback={<p class="muted">{t("thread.empty")}</p>}>
          <ol class="thread" aria-label={t("thread.title")}>
            <For each={messages()}>{(message) => <Message message={message} />}</For>
          </ol>
          <LoadMore list={list} />
        </Show>
      </Boundary>
      <PostForm
        requestId={props.requestId}
        onPosted={(message) => {
          setPosted((list) => [...list, message]);
          void revalidate(getHistory.keyFor(props.requestId));
        }}
      />
    </section>
  );
}

function Message(props: { message: ThreadMessage }) {
  const { me } = useSession();
  const mine = () => props.message.author.id === me().id;
  return (
    <li class="message" classList={{ "message-mine": mine(), "message-client": props.message.author.type === "contact" }} data-testid="message">
      <div class="message-meta">
        <span class="message-author">{props.message.author.name}</span>
        <Show when={props.message.author.type === "contact"}>
          <Badge tone="info">{t("role.client")}</Badge>
        </Show>
        <time class="muted small" datetime={props.message.createdAt}>
          {formatDateTime(props.message.createdAt)}
        </time>
      </div>
      <p class="message-body">{props.message.body}</p>
    </li>
  );
}

function PostForm(props: { requestId: string; onPosted: (message: ThreadMessage) => void }) {
  const [body, setBody] = createSignal("");
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      const message = await api.requests.post(props.requestId, body().trim());
      setBody("");
      props.onPosted(message);
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("thread.write")} class="thread-form">
      <TextArea
        label={t("thread.message")}
        name="body"
        rows={3}
        required
        maxlength={5000}
        hint={t("thread.visibleToClient")}
        value={body()}
        onValue={setBody}
        error={submission.fieldError("body")}
        onKeyDown={(e) => {
          // Ctrl/Cmd+Enter sends, as in most chat boxes.
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <FormActions>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("thread.send")}
        </Button>
      </FormActions>
    </Form>
  );
}
