import { Hono } from "hono";

// Feedback surveys: CSAT after approval, NPS check-ins, one-click score links (packages/core/src/survey).
export const surveyRoutes = new Hono();
