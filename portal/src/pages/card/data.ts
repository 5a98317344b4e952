import { api } from "@baton/ui/api";
import { query } from "@solidjs/router";
import { createResource } from "solid-js";

/** The company's saved card and autopay choice; enabled is false without Stripe. */
export const getCard = query(() => api.portal.card(), "portal.card");

/** Whether cards exist here at all (Stripe set up), for the nav: hidden until known, and on any error. */
export function useCardsEnabled() {
  const [card] = createResource(async () => {
    try {
      return (await getCard()).enabled;
    } catch {
      return false;
    }
  });
  return () => (card.state === "ready" || card.state === "refreshing" ? card.latest === true : false);
}
