/**
 * The repository's own text files, as git sees them: tracked files plus new files not yet added
 * (but not ignored ones such as node_modules/, lib/ or generated fixtures), so that a check also
 * covers work in progress. Binary files (a NUL byte in the first 8 KB) and anything that is not a
 * regular file (the node_modules symlink of a git worktree) are left out.
 */
import { spawnSync } from "node:child_process";
import { lstatSync, readFileSync } from "node:fs";
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "../..");

export interface RepoFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  text: string;
}

export function repoTextFiles(): RepoFile[] {
  const result = spawnSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`git ls-files failed: ${result.error.message} (these checks need git and a clone)`);
  if (result.status !== 0) throw new Error(`git ls-files failed: ${result.stderr}`);
  const files: RepoFile[] = [];
  for (const rel of [...new Set(result.stdout.split("\0").filter(Boolean))].sort()) {
    const abs = path.join(REPO_ROOT, rel);
    let isFile = false;
    try {
      isFile = lstatSync(abs).isFile();
    } catch {
      continue; // deleted in the working tree but still in the index
    }
    if (!isFile) continue;
    const buf = readFileSync(abs);
    if (buf.subarray(0, 8192).includes(0)) continue;
    files.push({ path: rel, text: buf.toString("utf8") });
  }
  return files;
}
