import { z } from "zod";
import { oneLine, version } from "../fields/index.ts";

// The tools an SOP's work needs ("Gmail", "QuickBooks"). A task made from the SOP names the
// client's vault entries of those tools (vault/sop-tools.ts), so its assignee may reveal them
// while the task is theirs. Not part of a version: changing them changes no procedure.

export const MAX_TOOLS = 20;

/** How two tool names compare: case, width and spacing aside ("Google  Ads" is "google ads"). */
export const toolKey = (name: string) => oneLine(name.normalize("NFKC")).toLocaleLowerCase("en");

const toolName = z
  .string({ error: "Name the tool." })
  .overwrite(oneLine)
  .min(1, "Name the tool.")
  .max(80, "Keep the tool's name under 80 characters.");

export const toolsSchema = z.strictObject({
  version,
  tools: z.array(toolName, { error: "List the tools by name." }).max(MAX_TOOLS, "List at most 20 tools."),
});

/** The same tool twice (by `toolKey`) is kept once, as first written. */
export const distinctTools = (tools: readonly string[]) => {
  const seen = new Set<string>();
  return tools.filter((tool) => !seen.has(toolKey(tool)) && Boolean(seen.add(toolKey(tool))));
};
