// Captures everything this process writes (stdout, stderr and the console, which vitest would
// otherwise forward) while a test runs, so a test can read the log lines and scan them for what
// must never be logged.

export type Captured = {
  /** Every line written, in order. */
  text(): string;
  /** The lines that are JSON objects (the structured logger's and EMF's). */
  json(): Record<string, any>[];
  stop(): void;
};

export function captureOutput(): Captured {
  const chunks: string[] = [];
  const out = process.stdout.write;
  const err = process.stderr.write;
  const consoleMethods = ["log", "info", "warn", "error", "debug"] as const;
  const saved = consoleMethods.map((name) => [name, console[name]] as const);
  const record = (chunk: unknown) => {
    chunks.push(typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk));
    return true;
  };
  process.stdout.write = record as typeof process.stdout.write;
  process.stderr.write = record as typeof process.stderr.write;
  for (const name of consoleMethods) console[name] = (...args: unknown[]) => void record(`${args.map((a) => (a instanceof Error ? a.stack : typeof a === "string" ? a : JSON.stringify(a))).join(" ")}\n`);
  let stopped = false;
  return {
    text: () => chunks.join(""),
    json: () =>
      chunks
        .join("")
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, any>];
          } catch {
            return [];
          }
        }),
    stop: () => {
      if (stopped) return;
      stopped = true;
      process.stdout.write = out;
      process.stderr.write = err;
      for (const [name, method] of saved) console[name] = method;
    },
  };
}

/** EMF data points of one metric in captured lines: the value and the dimensions it was put with. */
export function metricPoints(lines: Record<string, any>[], name: string): { value: number; dimensions: Record<string, string> }[] {
  return lines
    .filter((line) => line._aws?.CloudWatchMetrics?.some((m: any) => m.Metrics.some((metric: any) => metric.Name === name)))
    .map((line) => {
      const keys: string[] = line._aws.CloudWatchMetrics[0].Dimensions[0];
      return { value: line[name], dimensions: Object.fromEntries(keys.map((key) => [key, line[key]])) };
    });
}
