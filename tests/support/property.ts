import fc from "fast-check";

// Property tests draw new random values every run: that is how they find faults. When one fails,
// fast-check's message names its seed and path; replay exactly that run with
//   FC_SEED=<seed> FC_PATH=<path> npx vitest run <file> -t '<test name>'
// FC_RUNS_FACTOR multiplies every property's runs (e.g. 10 for a long, nightly-style run).
const seed = process.env.FC_SEED;
if (seed !== undefined && seed !== "") {
  fc.configureGlobal({ seed: Number(seed), ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}) });
}

const factor = Math.max(0.1, Number(process.env.FC_RUNS_FACTOR ?? 1) || 1);

/** A property's number of runs, scaled by FC_RUNS_FACTOR. */
export function runs(count: number): number {
  return Math.max(1, Math.round(count * factor));
}
