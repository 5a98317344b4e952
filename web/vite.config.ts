import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

// `npm start` serves the API on :3000; `vite dev` proxies to it so cookies stay same-origin.
const api = { "/api": { target: "http://localhost:3000", changeOrigin: false } };

export default defineConfig({
  base: "/",
  plugins: [solid()],
  resolve: { dedupe: ["solid-js", "@solidjs/router"] },
  server: { port: 5173, proxy: api },
  preview: { port: 4173, proxy: api },
  build: { target: "es2022", sourcemap: true },
});
