/**
 * A small RFC 4180 CSV reader for custom libraries: quoted fields with "" escapes and line breaks,
 * CRLF or LF, a UTF-8 BOM, and the delimiter guessed from the first line (tab, comma or semicolon).
 */
export function parseCsv(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = s.slice(0, s.search(/\r?\n|$/));
  const counts = ["\t", ",", ";"].map((d) => [d, firstLine.split(d).length - 1] as const);
  const delim = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < s.length) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      i++;
    } else if (ch === delim) {
      endField();
      i++;
    } else if (ch === "\r" && s[i + 1] === "\n") {
      endRow();
      i += 2;
    } else if (ch === "\n" || ch === "\r") {
      endRow();
      i++;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || row.length) endRow();
  return rows;
}

/** Writes rows as CSV (comma, CRLF, fields quoted when needed). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const q = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(q).join(",")).join("\r\n") + "\r\n";
}
