/** Limits that keep a hostile or broken bundle from exhausting disk, memory or time. */
export interface BundleLimits {
  /** Largest zip file accepted, in bytes. */
  maxArchiveBytes: number
  /** Most entries (files and folders) in a zip, or files in a directory bundle. */
  maxEntries: number
  /** Largest total uncompressed size, in bytes. */
  maxTotalBytes: number
  /** Highest uncompressed/compressed ratio for an entry of at least `ratioMinBytes` (zip bombs). */
  maxCompressionRatio: number
  /** Entries smaller than this are exempt from the ratio limit (a small run of spaces compresses well). */
  ratioMinBytes: number
}

const MiB = 1024 * 1024

/** Generous for a bundle of manifests and configs (the example is ~40 KB), tight for a bomb. */
export const DEFAULT_BUNDLE_LIMITS: BundleLimits = Object.freeze({
  maxArchiveBytes: 256 * MiB,
  maxEntries: 1000,
  maxTotalBytes: 256 * MiB,
  maxCompressionRatio: 250,
  ratioMinBytes: 1 * MiB
})
