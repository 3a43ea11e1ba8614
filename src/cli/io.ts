/** Where a command writes: stdout/stderr, and whether text output may use ANSI colour. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Colour the text output (stdout is a TTY and NO_COLOR is unset). */
  color: boolean;
  /** stderr is a terminal: `check` shows its progress there. */
  stderrIsTTY?: boolean;
}
