/**
 * A pull tokenizer for the XML parts of a spreadsheet package (SpreadsheetML: workbook, relationships,
 * shared strings, styles, worksheets). It walks start and end tags with indexOf and reads attributes
 * and character data only when the caller asks, so a 500 KB worksheet costs a few milliseconds, not
 * the ~15 ms per 500 KB of saxes (the fastest general XML parser we measured, docs/reading.md).
 *
 * What it handles: start, end and empty-element tags with namespace prefixes (local names are
 * compared), attribute values in either quote (a `>` inside a value is not the end of a tag), the
 * five predefined entities and character references, CDATA sections, comments and processing
 * instructions. What it refuses (a DOCTYPE) is refused before it runs (zip.ts). It is not a
 * validating parser: it never throws on odd input, and on a truncated part it simply ends.
 * test/cli/xml.test.ts compares it with saxes on generated documents.
 */

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const BANG = 33; // !
const QMARK = 63; // ?
const DQUOTE = 34;
const SQUOTE = 39;
const EQ = 61;
const COLON = 58;
const AMP = 38;

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const ENTITY_RE = /&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

function entity(_m: string, e: string): string {
  if (e.charCodeAt(0) !== 35) return NAMED[e];
  const code = e.charCodeAt(1) === 120 || e.charCodeAt(1) === 88 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
  // Outside Unicode, or a surrogate or NUL: not a character XML allows; kept as written.
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : _m;
}

/** Character data with its entity and character references replaced. */
export function decodeEntities(s: string): string {
  return s.indexOf("&") < 0 ? s : s.replace(ENTITY_RE, entity);
}

/** Line ends as an XML processor reports them (CR LF and lone CR become LF). */
function normalizeNewlines(s: string): string {
  return s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n");
}

/** Token kinds: the end of the part, a start (or empty-element) tag, an end tag. */
export const Tok = { End: 0, Open: 1, Close: 2 } as const;
export type Tok = (typeof Tok)[keyof typeof Tok];

const PREFIXED = new Map<string, RegExp>();
const ONE: string[] = [""];
const ONE_OUT: (string | null)[] = [null];

export class XmlCursor {
  /** The kind of the current token. */
  tok: Tok = Tok.End;
  /** The current tag's local name (without its namespace prefix). */
  name = "";
  /** The current start tag ends with "/>". */
  empty = false;
  private pos = 0;
  private attrStart = 0;
  private attrEnd = 0;

  constructor(private readonly s: string) {
    // A UTF-8 byte order mark decoded into the text.
    if (s.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  /** Moves to the next start or end tag (skipping text, comments, CDATA and declarations). */
  next(): Tok {
    const s = this.s;
    const n = s.length;
    for (;;) {
      // Tags are mostly adjacent or a few characters apart: a loop beats indexOf's call here.
      let lt = this.pos;
      while (lt < n && s.charCodeAt(lt) !== LT) lt++;
      if (lt + 1 >= n) {
        this.pos = n;
        return (this.tok = Tok.End);
      }
      const c = s.charCodeAt(lt + 1);
      if (c === SLASH) {
        let gt = lt + 2;
        while (gt < n && s.charCodeAt(gt) !== GT) gt++;
        this.name = localName(s, lt + 2, gt);
        this.pos = gt < n ? gt + 1 : n;
        this.empty = false;
        return (this.tok = Tok.Close);
      }
      if (c === BANG || c === QMARK) {
        this.pos = skipMarkup(s, lt);
        continue;
      }
      // A start tag: its name, then attributes up to the ">" outside quotes.
      let i = lt + 1;
      while (i < n) {
        const ch = s.charCodeAt(i);
        if (ch === GT || ch === SLASH || ch <= 32) break;
        i++;
      }
      this.name = localName(s, lt + 1, i);
      this.attrStart = i;
      let q = 0;
      while (i < n) {
        const ch = s.charCodeAt(i);
        if (q !== 0) {
          if (ch === q) q = 0;
        } else if (ch === DQUOTE || ch === SQUOTE) q = ch;
        else if (ch === GT) break;
        i++;
      }
      this.empty = i > lt && s.charCodeAt(i - 1) === SLASH;
      this.attrEnd = this.empty ? i - 1 : i;
      this.pos = i < n ? i + 1 : n;
      return (this.tok = Tok.Open);
    }
  }

  /** The value of the current start tag's attribute `name` (a local name; any prefix matches), or null. */
  attr(name: string): string | null {
    ONE[0] = name;
    this.attrs(ONE, ONE_OUT);
    return ONE_OUT[0];
  }

  /**
   * The values of the current start tag's attributes `names` (local names) into `out` (null for an
   * absent one), in one pass over the tag: for elements read by the hundred thousand (<c>).
   */
  attrs(names: readonly string[], out: (string | null)[]): void {
    for (let k = 0; k < names.length; k++) out[k] = null;
    const s = this.s;
    const end = this.attrEnd;
    let i = this.attrStart;
    while (i < end) {
      let ch = s.charCodeAt(i);
      if (ch <= 32) {
        i++;
        continue;
      }
      // The attribute's name (its local part after any prefix), up to "=".
      const nameStart = i;
      let keyStart = i;
      while (i < end && (ch = s.charCodeAt(i)) !== EQ && ch > 32) {
        if (ch === COLON) keyStart = i + 1;
        i++;
      }
      // A namespace declaration (xmlns:r="…") is not an attribute named r.
      const keyEnd = keyStart > nameStart && s.startsWith("xmlns:", nameStart) ? keyStart : i;
      while (i < end && s.charCodeAt(i) !== EQ) i++;
      i++;
      while (i < end && s.charCodeAt(i) <= 32) i++;
      const quote = s.charCodeAt(i);
      if (quote !== DQUOTE && quote !== SQUOTE) return; // malformed: the rest of the tag is not read
      let close = i + 1;
      let amp = false;
      let space = false;
      while (close < end && (ch = s.charCodeAt(close)) !== quote) {
        if (ch === AMP) amp = true;
        else if (ch < 32) space = true;
        close++;
      }
      if (close >= end) return;
      const len = keyEnd - keyStart;
      for (let k = 0; k < names.length; k++) {
        const name = names[k];
        if (name.length === len && s.startsWith(name, keyStart)) {
          let raw = s.slice(i + 1, close);
          // Attribute-value normalisation: a literal tab or line end is a space (&#10; stays a line end).
          if (space) raw = raw.replace(/\r\n|[\t\n\r]/g, " ");
          out[k] = amp ? decodeEntities(raw) : raw;
          break;
        }
      }
      i = close + 1;
    }
  }

  /** The value of the attribute whose local name is `name` and which has a namespace prefix (r:id). */
  prefixedAttr(name: string): string | null {
    let re = PREFIXED.get(name);
    if (!re) PREFIXED.set(name, (re = new RegExp(`\\s[A-Za-z_][\\w.-]*:${name}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
    const m = re.exec(this.s.slice(this.attrStart, this.attrEnd));
    return m ? decodeEntities(m[2] ?? m[3]) : null;
  }

  /**
   * The character data inside the current element, up to its end tag (entities decoded, CDATA as
   * written, the text of nested elements included), leaving the cursor on that end tag.
   */
  text(): string {
    if (this.empty) return "";
    const s = this.s;
    let out = "";
    let depth = 0;
    const n = s.length;
    for (;;) {
      let lt = this.pos;
      while (lt < n && s.charCodeAt(lt) !== LT) lt++;
      if (lt > this.pos) out += decodeEntities(s.slice(this.pos, lt));
      if (lt + 1 >= n) {
        this.pos = s.length;
        this.tok = Tok.End;
        return normalizeNewlines(out);
      }
      if (s.startsWith("<![CDATA[", lt)) {
        const e = s.indexOf("]]>", lt + 9);
        out += s.slice(lt + 9, e < 0 ? s.length : e);
        this.pos = e < 0 ? s.length : e + 3;
        continue;
      }
      this.pos = lt;
      const t = this.next();
      if (t === Tok.End) return normalizeNewlines(out);
      if (t === Tok.Open && !this.empty) depth++;
      else if (t === Tok.Close && depth-- === 0) return normalizeNewlines(out);
    }
  }

  /** Skips the current element's content, leaving the cursor on its end tag. */
  skip(): void {
    if (this.empty) return;
    let depth = 0;
    for (;;) {
      const t = this.next();
      if (t === Tok.End) return;
      if (t === Tok.Open && !this.empty) depth++;
      else if (t === Tok.Close && depth-- === 0) return;
    }
  }
}

/** The name between `start` and `end` without its namespace prefix. */
function localName(s: string, start: number, end: number): string {
  let e = end;
  while (e > start && s.charCodeAt(e - 1) <= 32) e--;
  for (let i = start; i < e; i++) if (s.charCodeAt(i) === 58 /* : */) return s.slice(i + 1, e);
  return s.slice(start, e);
}

/** The position after a comment, CDATA section, processing instruction or declaration at `lt`. */
function skipMarkup(s: string, lt: number): number {
  let close: string;
  let from = lt + 2;
  if (s.startsWith("<!--", lt)) {
    close = "-->";
    from = lt + 4;
  } else if (s.startsWith("<![CDATA[", lt)) {
    close = "]]>";
    from = lt + 9;
  } else if (s.charCodeAt(lt + 1) === QMARK) close = "?>";
  else close = ">";
  const e = s.indexOf(close, from);
  return e < 0 ? s.length : e + close.length;
}
