// Helper of boundaries.test.ts, run as a child process (ESLint loads eslint.config.mjs with a dynamic
// import, which jest's module sandbox does not allow). Reads {root, cases: [{file, code}], tree} as
// JSON on stdin; lints each case's code as if it were that file (lintText with filePath, so the
// configuration applies as `npm run lint` applies it), and with `tree` the files under src/ as well.
// Writes {cases: LintMessage[][], tree: {file, messages}[] | null} as JSON on stdout.
import { ESLint } from "eslint";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { root, cases, tree } = JSON.parse(input);
const eslint = new ESLint({ cwd: root });
const slim = (messages) => messages.map(({ ruleId, severity, line, message }) => ({ ruleId, severity, line, message }));
const out = { cases: [], tree: null };
for (const { file, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  out.cases.push(slim(result.messages));
}
if (tree) out.tree = (await eslint.lintFiles(["src"])).map((r) => ({ file: r.filePath, messages: slim(r.messages) }));
process.stdout.write(JSON.stringify(out));
