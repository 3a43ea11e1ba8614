import type { ReadFailure } from "../files";

/** Thrown inside the read path for a file that must be refused; the checker turns it into a FileResult. */
export class ReadProblem extends Error {
  constructor(readonly failure: ReadFailure) {
    super(`${failure.code}${failure.detail ? `: ${failure.detail}` : ""}`);
  }
}
