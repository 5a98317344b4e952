import { defineConfig } from "vitest/config";

// One run, four projects. API and browser tests share one DynamoDB Local and one SES emulator
// (started by the global setup); each test file gets a table of its own.
const stack = {
  globalSetup: ["tests/support/global-setup.ts"],
  setupFiles: ["tests/support/test-env.ts"],
};

export default defineConfig({
  test: {
    maxWorkers: 2,
    // In CI, also write a JSON report from which .ci/run prints its closing summary line.
    reporters: process.env.CI ? ["default", ["json", { outputFile: ".ci/results.json" }]] : ["default"],
    projects: [
      // Exhaustive walks (every hour of a year in four zones) need more than 5 s on a busy machine.
      { test: { name: "core", include: ["tests/core/**/*.test.ts"], testTimeout: 30_000, ...stack } },
      { test: { name: "api", include: ["tests/api/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000, ...stack } },
      {
        // Synths share SST's generated .sst/types/index.ts, so infra files run one at a time.
        test: { name: "infra", include: ["tests/infra/**/*.test.ts"], testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          ...stack,
        },
      },
    ],
  },
});
