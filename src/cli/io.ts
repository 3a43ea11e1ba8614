/** Where a command writes: stdout/stderr, and whether text output may use ANSI colour. */
export interface Io {
  stdout: (s: string) => void;
  /** UTF-8 bytes to stdout as they are (the check workers' JSON text); without it, decoded to stdout. */
  stdoutBytes?: (b: Uint8Array) => void;
  stderr: (s: string) => void;
  /** Colour the text output (stdout is a TTY and NO_COLOR is unset). */
  color: boolean;
  /** stderr is a terminal: `check` shows its progress there. */
  stderrIsTTY?: boolean;
}
