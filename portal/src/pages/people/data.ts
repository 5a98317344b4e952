import { api } from "@baton/ui/api";
import { query } from "@solidjs/router";
import { createResource, createSignal } from "solid-js";
import { getCompany } from "../data";

/** The company's people with roles, who receives invoices, and what the viewer may do (client admins). */
export const getPeople = query(() => api.people.list(), "portal.people");

// Bumped after the People page changes someone's role, so the nav reads `can` again (an admin who
// steps down loses the entry at once, not on the next page load).
const [peopleChanges, peopleChanged] = createSignal(1);
export const navFollowsPeople = () => peopleChanged((n) => n + 1);

/** Whether the signed-in person manages the company's people (the API's `can`), for the nav: hidden until known, and on any error. */
export function useManagesPeople() {
  const [company] = createResource(peopleChanges, async () => {
    try {
      return (await getCompany()).can.includes("invite");
    } catch {
      return false;
    }
  });
  return () => (company.state === "ready" || company.state === "refreshing" ? company.latest === true : false);
}
