import { Show } from "solid-js";
import { Button } from "./Button";
import { ErrorMessage } from "./ErrorMessage";
import { t } from "./i18n";

type Paged = { hasMore: () => boolean; loadMore: () => void; loadingMore: () => boolean; moreError: () => unknown };

/** The "Load more" button under a cursor-paged list, with its own error line. */
export function LoadMore(props: { list: Paged }) {
  return (
    <Show when={props.list.hasMore()}>
      <div class="load-more">
        <ErrorMessage error={props.list.moreError()} />
        <Button pending={props.list.loadingMore()} onClick={() => props.list.loadMore()}>
          {t("common.loadMore")}
        </Button>
      </div>
    </Show>
  );
}
