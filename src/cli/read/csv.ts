/**
 * CSV (and tab-separated text) for the checker: decodes the bytes (UTF-8 with or without BOM,
 * UTF-16 with BOM, otherwise GB18030 — a superset of GBK, which Chinese Excel and WPS write by
 * default) and splits the text into rows of strings (RFC 4180 quoting; the separator is the one of
 * , ; tab that the first line uses most). Values stay text, as typed: the engine parses them.
 */

/** The text of a CSV file and the encoding it was read with. */
export function decodeText(buf: Buffer): { text: string; encoding: "utf-8" | "utf-16le" | "utf-16be" | "gb18030" } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.toString("utf8", 3), encoding: "utf-8" };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(buf.subarray(2)), encoding: "utf-16le" };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(buf.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buf), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(buf), encoding: "gb18030" };
  }
}

function guessSeparator(text: string): string {
  const counts = new Map<string, number>([[",", 0], [";", 0], ["\t", 0]]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [sep, n] of counts) if (n > counts.get(best)!) best = sep;
  return best;
}

/** Splits CSV text into rows of fields. A line `sep=;` (Excel's hint) sets the separator. */
export function parseCsv(input: string): string[][] {
  let text = input;
  let sep: string;
  const hint = /^sep=(.)\r?\n/.exec(text);
  if (hint) {
    sep = hint[1];
    text = text.slice(hint[0].length);
  } else sep = guessSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && field === "") {
      // A quoted field: "" inside is one quote; it ends at a quote not followed by another.
      i++;
      let start = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(start);
          i = n;
          break;
        }
        if (text[q + 1] === '"') {
          field += text.slice(start, q + 1);
          i = start = q + 2;
          continue;
        }
        field += text.slice(start, q);
        i = q + 1;
        break;
      }
      continue;
    }
    if (ch === sep) {
      row.push(field);
      field = "";
      i++;
    } else if (ch === "\r" || ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
