/**
 * Pinned checksums of the archives that carry onnxruntime's CUDA provider binaries, by URL.
 * src/device/fetch-cuda.ts refuses to install an archive whose digest is not pinned here (or
 * given by the user in ENERGY_BUDGET_CUDA_PROVIDER_SHA256), so a changed or tampered download is
 * never loaded into the process.
 *
 * An entry is added only with a digest computed from the real download on a machine that can
 * reach it (this repository's CI cannot reach nuget.org or github.com), e.g.:
 *
 *   curl -fsSL <url> | sha256sum
 *
 * and cross-checked where the publisher states one (GitHub shows a sha256 digest for each
 * release asset; NuGet's catalog entry for a package gives its SHA-512 as `packageHash`).
 * Record the source of the digest in `checkedAgainst`.
 */

/** A pinned archive: its digest and where that digest was checked. */
export interface PinnedArchive {
  /** Lower-case hex. */
  sha256: string;
  /** Where the digest was confirmed, e.g. "GitHub release asset digest, 2025-…". */
  checkedAgainst: string;
}

/**
 * URL → pinned digest. Empty until a digest is confirmed from a networked machine: until then
 * `device: cuda` needs ENERGY_BUDGET_CUDA_PROVIDER_SHA256 (docs/gpu.md says how to obtain it).
 */
export const CUDA_PROVIDER_CHECKSUMS: Readonly<Record<string, PinnedArchive>> = {};
