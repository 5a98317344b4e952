import { Hono } from "hono";

// Client onboarding (packages/core/src/onboarding): the owner's kit, a client's progress, the
// contact's checklist. Placeholder: the routes are added with the core module.
export const onboardingRoutes = new Hono();
