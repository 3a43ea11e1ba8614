/** Test helpers on the file system. */
import * as fs from "node:fs";
import * as path from "node:path";

/** Every .xlsx under `dir` (recursively, Excel's ~$ lock files left out), sorted by path; [] when there is no such folder. */
export function xlsxFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...xlsxFiles(p));
    else if (/\.xlsx$/i.test(e.name) && !e.name.startsWith("~$")) out.push(p);
  }
  return out.sort();
}
