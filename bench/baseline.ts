import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, "..");

/**
 * The API's source as it was at `ref` (by default where this branch left main), unpacked into
 * bench/.data/baseline/<commit>/ so that its Lambda bundle is built and timed in the same run as
 * this tree's: the cold-start table's baseline row. Its workspace packages (@baton/*) resolve to
 * its own copies; every other package to this repo's node_modules (the same installed versions).
 */
export async function baselineTree(dataDir: string, ref: string): Promise<{ root: string; commit: string }> {
  const commit = (await run("git", ["rev-parse", "--verify", `${ref}^{commit}`], { cwd: repo })).stdout.trim();
  const root = join(dataDir, "baseline", commit);
  if (!existsSync(join(root, ".complete"))) {
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    const archive = join(dataDir, "baseline", `${commit}.tar`);
    await run("git", ["archive", "--format=tar", "-o", archive, commit, "packages"], { cwd: repo });
    await run("tar", ["-xf", archive, "-C", root]);
    await rm(archive);
    await mkdir(join(root, "node_modules", "@baton"), { recursive: true });
    for (const name of await readdir(join(root, "packages"))) {
      await symlink(join(root, "packages", name), join(root, "node_modules", "@baton", name), "dir");
      // Versions a workspace holds apart from the root's (a second @aws-sdk/client-s3, say).
      const nested = join(repo, "packages", name, "node_modules");
      if (existsSync(nested)) {
        for (const entry of await readdir(nested)) {
          if (entry === "@baton" || !existsSync(join(nested, entry))) continue;
          await mkdir(join(root, "packages", name, "node_modules"), { recursive: true });
          await symlink(join(nested, entry), join(root, "packages", name, "node_modules", entry), "dir").catch(() => undefined);
        }
      }
    }
    await writeFile(join(root, ".complete"), commit + "\n");
  }
  return { root, commit };
}
