import { useUnread } from "@baton/ui/Unread";
import { createMemo } from "solid-js";

/** The navigation's unread count: requests with new messages or changes (changes only when the number does). */
export function useUnreadCount() {
  const unread = useUnread();
  return createMemo(() => unread.total());
}
