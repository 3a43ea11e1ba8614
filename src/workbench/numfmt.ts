/**
 * Displays a cell value with its number format, as Excel's grid shows it: "0%" shows 0.5 as 50%,
 * "#,##0.00" shows 1234.5 as 1,234.50, "yyyy-mm-dd" shows a date serial as a date, text sections
 * with "@", two or three sections for negative and zero numbers, literals in quotes, [Red] and
 * [$¥-804] tags. Fractions and conditions in brackets are approximated. Pure TS.
 */

type Token =
  | { t: "lit"; s: string }
  | { t: "ph"; s: string } // 0 # ? . , % E+ E- /
  | { t: "date"; s: string } // y…, m…, d…, h…, s…, AM/PM, A/P
  | { t: "text" } // @
  | { t: "general" };

/** Splits a format into sections at ";" outside quotes, escapes and brackets. */
export function splitSections(nf: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < nf.length; i++) {
    const ch = nf[i];
    if (ch === '"') {
      const end = nf.indexOf('"', i + 1);
      const stop = end < 0 ? nf.length : end;
      cur += nf.slice(i, stop + 1);
      i = stop;
    } else if (ch === "\\" && i + 1 < nf.length) {
      cur += nf.slice(i, i + 2);
      i++;
    } else if (ch === "[") {
      const end = nf.indexOf("]", i + 1);
      const stop = end < 0 ? nf.length : end;
      cur += nf.slice(i, stop + 1);
      i = stop;
    } else if (ch === ";") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function tokenize(section: string): Token[] {
  const out: Token[] = [];
  const lit = (s: string) => {
    const last = out[out.length - 1];
    if (last && last.t === "lit") last.s += s;
    else out.push({ t: "lit", s });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    const rest = section.slice(i);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      lit(section.slice(i + 1, stop));
      i = stop;
    } else if (ch === "\\") {
      if (i + 1 < section.length) lit(section[i + 1]);
      i++;
    } else if (ch === "_") {
      lit(" ");
      i++;
    } else if (ch === "*") {
      i++; // repeat-to-fill: ignored
    } else if (ch === "[") {
      const end = section.indexOf("]", i + 1);
      const stop = end < 0 ? section.length : end;
      const inner = section.slice(i + 1, stop);
      if (inner.startsWith("$")) {
        const sym = inner.slice(1).split("-")[0];
        if (sym) lit(sym);
      } else if (/^(h+|m+|s+)$/i.test(inner)) {
        out.push({ t: "date", s: inner.toLowerCase() });
      }
      // colours, conditions, [DBNum1] …: no text of their own
      i = stop;
    } else if (/^general/i.test(rest)) {
      out.push({ t: "general" });
      i += 6;
    } else if (/^am\/pm/i.test(rest)) {
      out.push({ t: "date", s: "AM/PM" });
      i += 4;
    } else if (/^a\/p/i.test(rest)) {
      out.push({ t: "date", s: "A/P" });
      i += 2;
    } else if (/[yYmMdDhHsS]/.test(ch)) {
      let j = i;
      while (j < section.length && section[j].toLowerCase() === ch.toLowerCase()) j++;
      out.push({ t: "date", s: section.slice(i, j).toLowerCase() });
      i = j - 1;
    } else if (/^[eE][+-]/.test(rest)) {
      out.push({ t: "ph", s: "E" + rest[1] });
      i++;
    } else if ("0#?.,%/".includes(ch)) {
      out.push({ t: "ph", s: ch });
    } else if (ch === "@") {
      out.push({ t: "text" });
    } else lit(ch);
  }
  return out;
}

/** Excel's "General" display of a number (up to about 11 significant characters). */
export function formatGeneral(v: number): string {
  if (!Number.isFinite(v)) return "#NUM!";
  if (v === 0) return "0";
  const abs = Math.abs(v);
  if (Number.isInteger(v) && abs < 1e11) return String(v);
  if (abs >= 1e11 || abs < 1e-9) {
    const [m, e] = v.toExponential(5).split("e");
    const mant = m.replace(/\.?0+$/, "");
    const exp = Number(e);
    return `${mant}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  const digitsLeft = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, 10 - digitsLeft);
  return String(Number(v.toFixed(decimals)));
}

function roundTo(v: number, decimals: number): number {
  return Number(Math.round(Number(`${v}e${decimals}`)) + `e-${decimals}`);
}

function isDateSection(tokens: Token[]): boolean {
  return tokens.some((t) => t.t === "date");
}

/** The display text of a value under a number format. */
export function formatValue(v: string | number | boolean | null | undefined, nf: string | null | undefined): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  const format = nf && nf.trim() ? nf : "General";
  const sections = splitSections(format);
  if (typeof v === "string") {
    const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => tokenize(s).some((t) => t.t === "text"));
    if (!textSection) return v;
    return tokenize(textSection)
      .map((t) => (t.t === "lit" ? t.s : t.t === "text" ? v : ""))
      .join("");
  }
  if (!Number.isFinite(v)) return "#NUM!";
  let section = sections[0];
  let value = v;
  let autoMinus = v < 0;
  if (sections.length >= 2 && v < 0 && sections[1].trim() !== "") {
    section = sections[1];
    value = -v;
    autoMinus = false;
  } else if (sections.length >= 3 && v === 0) {
    section = sections[2];
  }
  const tokens = tokenize(section);
  if (tokens.some((t) => t.t === "general") || tokens.length === 0) {
    const g = formatGeneral(Math.abs(value));
    const body = tokens.map((t) => (t.t === "lit" ? t.s : t.t === "general" ? g : "")).join("") || g;
    return (autoMinus ? "-" : "") + body;
  }
  if (isDateSection(tokens)) return formatDate(v, tokens);
  if (tokens.some((t) => t.t === "text") && !tokens.some((t) => t.t === "ph")) {
    return tokens.map((t) => (t.t === "lit" ? t.s : t.t === "text" ? formatGeneral(v) : "")).join("");
  }
  if (tokens.some((t) => t.t === "ph" && t.s === "/")) return (autoMinus ? "-" : "") + formatGeneral(Math.abs(value));
  const out = formatNumber(Math.abs(value), tokens);
  const negative = autoMinus && /[1-9]/.test(out);
  return (negative ? "-" : "") + out;
}

function formatNumber(value: number, tokens: Token[]): string {
  let v = value;
  const percents = tokens.filter((t) => t.t === "ph" && t.s === "%").length;
  for (let i = 0; i < percents; i++) v *= 100;
  const digitIdx = tokens.map((t, i) => (t.t === "ph" && "0#?".includes(t.s) ? i : -1)).filter((i) => i >= 0);
  if (digitIdx.length === 0) {
    return tokens.map((t) => (t.t === "lit" ? t.s : t.t === "ph" && t.s === "%" ? "%" : "")).join("");
  }
  const first = digitIdx[0];
  const last = digitIdx[digitIdx.length - 1];
  const expIdx = tokens.findIndex((t) => t.t === "ph" && t.s.startsWith("E"));
  const mantissaEnd = expIdx >= 0 ? expIdx : last + 1;
  const pointIdx = tokens.findIndex((t, i) => i >= first && i < mantissaEnd && t.t === "ph" && t.s === ".");
  const intEnd = pointIdx >= 0 ? pointIdx : mantissaEnd;
  const intPh: string[] = [];
  let thousands = false;
  for (let i = first; i < intEnd; i++) {
    const t = tokens[i];
    if (t.t === "ph" && "0#?".includes(t.s)) intPh.push(t.s);
    else if (t.t === "ph" && t.s === ",") {
      const nextDigit = tokens.slice(i + 1, intEnd).some((x) => x.t === "ph" && "0#?".includes(x.s));
      if (nextDigit) thousands = true;
      else v /= 1000; // trailing commas scale by thousands
    }
  }
  const decPh: string[] = [];
  if (pointIdx >= 0)
    for (let i = pointIdx + 1; i < mantissaEnd; i++) {
      const t = tokens[i];
      if (t.t === "ph" && "0#?".includes(t.s)) decPh.push(t.s);
    }
  // trailing commas right after the last digit placeholder scale too
  for (let i = mantissaEnd; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.t !== "ph" || t.s !== ",") break;
    v /= 1000;
  }

  let exponentText = "";
  if (expIdx >= 0) {
    const expDigits = tokens.slice(expIdx + 1).filter((t) => t.t === "ph" && "0#?".includes(t.s)).length;
    let exp = v === 0 ? 0 : Math.floor(Math.log10(v));
    let mant = v === 0 ? 0 : v / Math.pow(10, exp);
    if (roundTo(mant, decPh.length) >= 10) {
      exp += 1;
      mant /= 10;
    }
    v = mant;
    const sign = exp < 0 ? "-" : (tokens[expIdx] as { s: string }).s === "E+" ? "+" : "";
    exponentText = `E${sign}${String(Math.abs(exp)).padStart(Math.max(1, expDigits), "0")}`;
  }

  const rounded = roundTo(v, decPh.length);
  const [intDigitsRaw, decDigitsRaw = ""] = rounded.toFixed(decPh.length).split(".");
  let intDigits = intDigitsRaw.replace(/^0+/, "");
  const minInt = intPh.filter((c) => c === "0").length;
  if (intDigits.length < minInt) intDigits = intDigits.padStart(minInt, "0");
  if (thousands) intDigits = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const decChars = decDigitsRaw.split("");
  // optional trailing decimals: "#" drops a zero, "?" shows a space in its place
  for (let i = decPh.length - 1; i >= 0; i--) {
    if (decPh[i] === "0" || decChars[i] !== "0") break;
    decChars[i] = decPh[i] === "?" ? " " : "";
  }
  const dec = decChars.join("");
  const number = intDigits + (pointIdx >= 0 ? "." + dec : "") + exponentText;

  let before = "";
  let after = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const text = t.t === "lit" ? t.s : t.t === "ph" && t.s === "%" ? "%" : "";
    if (i < first) before += text;
    else if (i > last) {
      if (expIdx >= 0 && i > expIdx && t.t === "ph") continue;
      after += text;
    } // literals inside the number (between digit placeholders) are dropped
  }
  return before + number + after;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** A 1900-system date serial as UTC date parts (serial 1 = 1900-01-01; Excel's fake 1900-02-29 kept out). */
export function serialToParts(serial: number): { y: number; m: number; d: number; wd: number; h: number; mi: number; s: number } {
  const day = Math.floor(serial);
  const frac = serial - day;
  const ms = (day < 60 ? day - 25568 : day - 25569) * 86400000;
  const date = new Date(ms);
  let secs = Math.round(frac * 86400);
  if (secs >= 86400) secs = 86399;
  return {
    y: date.getUTCFullYear(),
    m: date.getUTCMonth() + 1,
    d: date.getUTCDate(),
    wd: date.getUTCDay(),
    h: Math.floor(secs / 3600),
    mi: Math.floor((secs % 3600) / 60),
    s: secs % 60,
  };
}

function formatDate(serial: number, tokens: Token[]): string {
  if (serial < 0) return "#".repeat(8);
  const p = serialToParts(serial);
  const ampm = tokens.some((t) => t.t === "date" && (t.s === "AM/PM" || t.s === "A/P"));
  const dateTokens = tokens.map((t, i) => ({ t, i })).filter((x) => x.t.t === "date");
  const isMinute = (idx: number): boolean => {
    const pos = dateTokens.findIndex((x) => x.i === idx);
    const prev = dateTokens[pos - 1]?.t as { s: string } | undefined;
    const next = dateTokens[pos + 1]?.t as { s: string } | undefined;
    return (!!prev && prev.s.startsWith("h")) || (!!next && next.s.startsWith("s"));
  };
  const two = (n: number) => String(n).padStart(2, "0");
  return tokens
    .map((t, i) => {
      if (t.t === "lit") return t.s;
      // In a date format "/", ",", "." and "%" are literals; digit placeholders (fractional seconds) are dropped.
      if (t.t !== "date") return t.t === "ph" && !"0#?".includes(t.s) ? t.s : "";
      const s = t.s;
      if (s === "AM/PM") return p.h < 12 ? "AM" : "PM";
      if (s === "A/P") return p.h < 12 ? "A" : "P";
      if (s.startsWith("y")) return s.length <= 2 ? two(p.y % 100) : String(p.y);
      if (s.startsWith("d")) {
        if (s.length === 1) return String(p.d);
        if (s.length === 2) return two(p.d);
        return s.length === 3 ? DAYS[p.wd].slice(0, 3) : DAYS[p.wd];
      }
      if (s.startsWith("h")) {
        const h = ampm ? (p.h % 12 === 0 ? 12 : p.h % 12) : p.h;
        return s.length >= 2 ? two(h) : String(h);
      }
      if (s.startsWith("s")) return s.length >= 2 ? two(p.s) : String(p.s);
      if (s.startsWith("m")) {
        if (s.length <= 2 && isMinute(i)) return s.length === 2 ? two(p.mi) : String(p.mi);
        if (s.length === 1) return String(p.m);
        if (s.length === 2) return two(p.m);
        if (s.length === 3) return MONTHS[p.m - 1].slice(0, 3);
        if (s.length === 5) return MONTHS[p.m - 1][0];
        return MONTHS[p.m - 1];
      }
      return "";
    })
    .join("");
}

/** The number format is a percentage (its edit text is shown with "%", as Excel does). */
export function isPercentFormat(nf: string | null | undefined): boolean {
  if (!nf) return false;
  return tokenize(splitSections(nf)[0]).some((t) => t.t === "ph" && t.s === "%");
}
