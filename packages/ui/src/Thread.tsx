import { createSignal, For, Show, type Accessor } from "solid-js";
import { Markdown } from "./Markdown";
import { api, ApiError } from "./api";
import { Badge } from "./Badge";
import { Boundary } from "./Boundary";
import { Button } from "./Button";
import { EmptyState } from "./EmptyState";
import { ErrorMessage } from "./ErrorMessage";
import { FileList } from "./FileList";
import { FileUpload, type Uploads } from "./FileUpload";
import { createSubmission, Form, FormActions } from "./Form";
import { formatDateTime, t } from "./i18n";
import { OtherPartyTime } from "./OtherPartyTime";
import { createPaged, THREAD_PAGE } from "./paged";
import { useSession } from "./session";
import { TextArea } from "./TextField";
import type { MessageThread, Page, ThreadMessage } from "./types";

/** Messages per page: the apps' first-page queries ask for as many. */
export { THREAD_PAGE } from "./paged";

type Props = {
  requestId: string;
  /** Which side is reading: the team app or the client portal. */
  side: "team" | "client";
  /** The client thread (default) or the team's internal notes. */
  thread?: MessageThread;
  /** The first page of messages (a preloaded, cached query). */
  first: Accessor<Page<ThreadMessage> | undefined>;
  /** Refetches the first page (revalidates its query). */
  reload: () => Promise<unknown>;
  /** After the viewer sent a message (e.g. to refetch a timeline). */
  onSent?: (message: ThreadMessage) => void;
  /** False: the viewer reads only (a subcontractor in the client thread, when the agency says so). */
  canWrite?: boolean;
};

/**
 * One of a request's threads, oldest first as a conversation reads. The API pages forward in time,
 * so "more" means newer messages, shown below the ones loaded. What the viewer sends goes at the
 * end until a refetch includes it. The page keeps it current (useLiveRequest): no button to press.
 */
export function Thread(props: Props) {
  const thread = () => props.thread ?? "client";
  const internal = () => thread() === "internal";
  const titleId = () => (internal() ? "internal-title" : "thread-title");
  const list = createPaged(props.first, (cursor) => api.requests.messages(props.requestId, { cursor, limit: THREAD_PAGE, thread: thread() }));
  // Sent here since the first page was loaded; a refetch starts over from the server's list.
  const [sent, setSent] = createSignal<{ base: Page<ThreadMessage> | undefined; items: ThreadMessage[] }>({ base: undefined, items: [] });

  const messages = () => {
    const loaded = list.items();
    const s = sent();
    const mine = s.base === props.first() ? s.items : [];
    const ids = new Set(loaded.map((message) => message.id));
    return [...loaded, ...mine.filter((message) => !ids.has(message.id))];
  };

  return (
    <section class="card" classList={{ "thread-internal": internal() }} aria-labelledby={titleId()} id={internal() ? "internal" : "thread"} data-testid={internal() ? "internal-thread" : "client-thread"}>
      <div class="card-header">
        <h2 id={titleId()}>{internal() ? t("thread.internalTitle") : t("thread.title")}</h2>
        <span class="muted small">{t("thread.live")}</span>
      </div>
      <p class="muted small">{internal() ? t("thread.internalIntro") : props.side === "team" ? t("thread.introTeam") : t("thread.introClient")}</p>
      <Boundary onRetry={() => props.reload()}>
        <Show when={props.first()}>
          <Show
            when={messages().length > 0}
            fallback={
              <EmptyState title={internal() ? t("thread.internalEmptyTitle") : t("thread.emptyTitle")}>
                {internal() ? t("thread.internalEmpty") : props.side === "team" ? t("thread.emptyTeam") : t("thread.emptyClient")}
              </EmptyState>
            }
          >
            <ol class="thread" aria-labelledby={titleId()}>
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
          <Show when={props.canWrite !== false} fallback={props.side === "team" ? <p class="notice">{t("thread.internalOnly")}</p> : undefined}>
            <Composer
              requestId={props.requestId}
              side={props.side}
              thread={thread()}
              onSent={(message) => {
                const s = sent();
                const base = props.first();
                setSent({ base, items: [...(s.base === base ? s.items : []), message] });
                props.onSent?.(message);
              }}
            />
          </Show>
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
      <Show when={props.message.body}>
        <Markdown source={props.message.body} breaks class="message-body note-text" />
      </Show>
      <Show when={props.message.files.length}>
        <FileList files={props.message.files} compact />
      </Show>
    </li>
  );
}

function Composer(props: { requestId: string; side: Props["side"]; thread: MessageThread; onSent: (message: ThreadMessage) => void }) {
  const [body, setBody] = createSignal("");
  const [uploads, setUploads] = createSignal<Uploads>();
  const submission = createSubmission();
  const internal = () => props.thread === "internal";
  const send = () =>
    submission.run(async () => {
      if (uploads()?.busy()) throw new ApiError(0, "files.busy", t("files.wait"));
      const message = await api.requests.post(props.requestId, body().trim(), { thread: props.thread, fileIds: uploads()?.ids() ?? [] });
      setBody("");
      uploads()?.clear();
      props.onSent(message);
    });
  return (
    <Form submission={submission} onSubmit={send} aria-label={internal() ? t("thread.addNote") : t("thread.write")} class="composer" data-testid={internal() ? "note-composer" : "composer"}>
      <TextArea
        label={internal() ? t("thread.note") : t("thread.message")}
        name="body"
        rows={3}
        maxlength={5000}
        hint={internal() ? t("thread.noteHint") : props.side === "team" ? t("thread.hintTeam") : t("thread.hintClient")}
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
      <FileUpload target={{ place: internal() ? "internal" : "thread", targetId: props.requestId }} label={t("files.attach")} ref={setUploads} testId={internal() ? "note-files" : "message-files"} />
      <FormActions>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {internal() ? t("thread.addNote") : t("thread.send")}
        </Button>
      </FormActions>
    </Form>
  );
}
