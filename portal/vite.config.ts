import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

const api = { "/api": { target: "http://localhost:3000", changeOrigin: false } };

// Locally the portal lives under /portal/ beside the team app; on AWS it has its own
// domain and is built with PORTAL_BASE=/.
export default defineConfig({
  base: process.env.PORTAL_BASE ?? "/portal/",
  plugins: [solid()],
  resolve: { dedupe: ["solid-js", "@solidjs/router"] },
  server: { port: 5174, proxy: api },
  preview: { port: 4174, proxy: api },
  build: { target: "es2022", sourcemap: true },
});
