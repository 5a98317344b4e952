import { Hono } from "hono";

// The deadline calendar and the private iCalendar feeds (built in packages/core/src/calendar).
export const calendarRoutes = new Hono();
