export declare const REPO_ROOT: string

export interface FreshBuild {
  /** The temporary copy of the working tree. */
  root: string
  /** Its dist/, as `rollup --config` built it. */
  dist: string
  remove(): Promise<void>
}

export interface DistDifference {
  /** In both, with different bytes. */
  differ: string[]
  /** Built, but not in the committed dist/. */
  missing: string[]
  /** In the committed dist/, but no longer built. */
  extra: string[]
}

export declare function buildFresh(): Promise<FreshBuild>
export declare function compareDist(committedDir: string, freshDir: string): Promise<DistDifference>
export declare function describeStale(difference: DistDifference): string | null
