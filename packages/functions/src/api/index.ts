export { app, type Routes } from "./app.ts";
