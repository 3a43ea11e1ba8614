/** The recorded corpus figures (test/corpus/figures.json): the floor the engine is held to. */
import * as fs from "node:fs";
import * as path from "node:path";
import { CORPUS_DIR, type Figures } from "./score";

export const FIGURES_FILE = path.join(CORPUS_DIR, "figures.json");

export interface RecordedFigures {
  files: number;
  provinces: number;
  years: number;
  errorPrecision: number;
  warningPrecision: number;
  /** precision of the hints (absent in older records) */
  infoPrecision?: number;
  recall: number;
  misstatements: number;
  /** files where no table (or no indicator) could be read */
  unreadable: number;
  /** files whose tables and indicator rows are read exactly as counted in structure.json (absent in older records) */
  structureExact?: number;
  /** the same figures for the department tables (部门整体支出绩效目标表), scored on their own */
  department?: Omit<RecordedFigures, "department">;
}

const round = (x: number | null) => (x === null ? 1 : Math.floor(x * 1000) / 1000);

/** The figures of one run (of one kind of table) as a record. */
export function toRecord(f: Figures, unreadable: number): RecordedFigures {
  return {
    files: f.files,
    provinces: f.provinces,
    years: f.years,
    errorPrecision: round(f.precision.error),
    warningPrecision: round(f.precision.warning),
    infoPrecision: round(f.precision.info),
    recall: round(f.recall),
    misstatements: f.misstatements,
    unreadable,
    structureExact: f.structureExact,
  };
}

export function recordedFigures(): RecordedFigures | null {
  if (!fs.existsSync(FIGURES_FILE)) return null;
  return JSON.parse(fs.readFileSync(FIGURES_FILE, "utf8")) as RecordedFigures;
}
