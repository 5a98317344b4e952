import { createSignal, For, Show, type Accessor } from "solid-js";
import { api } from "./api";
import { Badge } from "./Badge";
import { Boundary } from "./Boundary";
import { Button } from "./Button";
import { EmptyState } from "./EmptyState";
import { ErrorMessage } from "./ErrorMessage";
import { createSubmission, Form, FormActions } from "./Form";
import { formatDateTime, t } from "./i18n";
import { OtherPartyTime } from "./OtherPartyTime";
import { createPaged } from "./paged";
import { useSession } from "./session";
import { TextArea } from "./TextField";
import type { Page, ThreadMessage } from "./types";

/** Messages per page: the apps' first-page queries ask for as many. */
export const THREAD_PAGE = 100;

type Props = {
  requestId: string;
  /** Which side is reading: the team app or the client portal. */
  side: "team" | "client";
  /** The first page of messages (a preloaded, cached query). */
  first: Accessor<Page<ThreadMessage> | undefined>;
  /** Refetches the first page (revalidates its query). */
  reload: () => Promise<unknown>;
  /** After the viewer sent a message (e.g. to refetch a timeline). */
  onSent?: (message: ThreadMessage) => void;
};

/**
 * A request's thread between the client and the team, oldest first as a conversation reads.
 * The API pages forward in time, so "more" means newer messages, shown below the ones loaded.
 * What the viewer sends goes at the end until a refetch includes it.
 */
export function Thread(props: Props) {
  const list = createPaged(props.first, (cursor) => api.requests.messages(props.requestId, { cursor, limit: THREAD_PAGE }));
  // Sent here since the first page was loaded; a refetch starts over from the server's list.
  const [sent, setSent] = createSignal<{ base: Page<ThreadMessage> | undefined; items: ThreadMessage[] }>({ base: undefined, items: [] });
  const [refreshing, setRefreshing] = createSignal(false);

  const messages = () => {
    const loaded = list.items();
    const s = sent();
    const mine = s.base === props.first() ? s.items : [];
    const ids = new Set(loaded.map((message) => message.id));
    return [...loaded, ...mine.filter((message) => !ids.has(message.id))];
  };

  async function refresh() {
    setRefreshing(true);
    try {
      await props.reload();
    } finally {
      setRefreshing(false);
    }
  }

  return (
    <section class="card" aria-labelledby="thread-title" id="thread">
      <div class="card-header">
        <h2 id="thread-title">{t("thread.title")}</h2>
        <Button size="sm" variant="ghost" pending={refreshing()} onClick={() => void refresh()}>
          {t("thread.refresh")}
        </Button>
      </div>
      <p class="muted small">{props.side === "team" ? t("thread.introTeam") : t("thread.introClient")}</p>
      <Boundary onRetry={() => props.reload()}>
        <Show when={props.first()}>
          <Show
            when={messages().length > 0}
            fallback={<EmptyState title={t("thread.emptyTitle")}>{props.side === "team" ? t("thread.emptyTeam") : t("thread.emptyClient")}</EmptyState>}
          >
            <ol class="thread" aria-labelledby="thread-title">
              <For each={messages()}>{(message) => <Message message={message} side={props.side} />}</For>
            </ol>
          </Show>
          <Show when={list.hasMore()}>
            <div class="load-more">
              <ErrorMessage error={list.moreError()} />
              <Button pending={list.loadingMore()} onClick={() => list.loadMore()}>
                {t("thread.newer")}
              </Button>
            </div>
          </Show>
          <Composer
            requestId={props.requestId}
            side={props.side}
            onSent={(message) => {
              const s = sent();
              const base = props.first();
              setSent({ base, items: [...(s.base === base ? s.items : []), message] });
              props.onSent?.(message);
            }}
          />
        </Show>
      </Boundary>
    </section>
  );
}

function Message(props: { message: ThreadMessage; side: Props["side"] }) {
  const { me } = useSession();
  const mine = () => props.message.author.id === me().id;
  // The other side's messages carry who they are: "Client" in the team app, "Team" in the portal.
  const otherSide = () => (props.side === "team" ? props.message.author.type === "contact" : props.message.author.type === "member");
  return (
    <li class="message" classList={{ "message-mine": mine(), "message-other-side": otherSide() }} data-testid="message">
      <div class="message-meta">
        <strong class="message-author">{mine() ? t("thread.you") : props.message.author.name}</strong>
        <Show when={otherSide()}>
          <Badge tone="info">{props.side === "team" ? t("role.client") : t("thread.team")}</Badge>
        </Show>
        {/* One item, so the author's clock wraps with the time it belongs to. */}
        <span class="muted small">
          <time datetime={props.message.createdAt}>{formatDateTime(props.message.createdAt, me().timeZone)}</time>
          {/* The author's wall clock when they wrote, if it read differently from the viewer's (older messages carry no zone). */}
          <Show when={!mine()}>
            <OtherPartyTime at={props.message.createdAt} timeZone={props.message.author.timeZone} name={props.message.author.name} viewerTimeZone={me().timeZone} />
          </Show>
        </span>
      </div>
      <p class="message-body">{props.message.body}</p>
    </li>
  );
}

function Composer(props: { requestId: string; side: Props["side"]; onSent: (message: ThreadMessage) => void }) {
  const [body, setBody] = createSignal("");
  const submission = createSubmission();
  const send = () =>
    submission.run(async () => {
      const message = await api.requests.post(props.requestId, body().trim());
      setBody("");
      props.onSent(message);
    });
  return (
    <Form submission={submission} onSubmit={send} aria-label={t("thread.write")} class="composer" data-testid="composer">
      <TextArea
        label={t("thread.message")}
        name="body"
        required
        rows={3}
        maxlength={5000}
        hint={props.side === "team" ? t("thread.hintTeam") : t("thread.hintClient")}
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
