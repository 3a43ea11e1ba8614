/**
 * Limits on what one input file may cost to read. Submissions come from other offices and are not
 * trusted: a file over a limit is refused with a message (exit 2 for that file), never half-read.
 */
const MiB = 1024 * 1024;

export interface ReadLimits {
  /** Size of the file on disk. */
  maxFileBytes: number;
  /** Sum of the uncompressed sizes of the zip parts the reader inflates. */
  maxUncompressedBytes: number;
  /** Entries in a zip's central directory. */
  maxZipEntries: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 50 * MiB,
  maxUncompressedBytes: 256 * MiB,
  maxZipEntries: 10_000,
};

/** The limits with the file-size cap given by `--max-size` (MiB). */
export function limitsWithMaxSize(maxSizeMiB: number | null): ReadLimits {
  return maxSizeMiB === null ? DEFAULT_LIMITS : { ...DEFAULT_LIMITS, maxFileBytes: Math.round(maxSizeMiB * MiB) };
}

export function mib(bytes: number): string {
  return String(Math.round((bytes / MiB) * 10) / 10);
}
