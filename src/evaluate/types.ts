/**
 * Results of scoring one training project against the benchmark. Plain data: reports render it,
 * nothing here knows about files, GitHub or Encord's JSON.
 */
import type { Geometry, ObjectShape } from '../labels/model.js'
import type { TrackEvent, TrackingMetrics } from './tracking/types.js'

export type Method = 'one-to-one' | 'encord-script'

export interface EvaluationOptions {
  method: Method
  /** Minimum similarity for a pair to match in `one-to-one` (default 0.5). */
  iouThreshold: number
  /**
   * How the scores' confidence intervals are computed once a project is evaluated
   * (`results/intervals.ts`); absent or 0 samples means none. The evaluation itself ignores it:
   * it travels here so that whichever thread scores a project also bootstraps it, and only the
   * intervals cross back.
   */
  intervals?: IntervalOptions
  /**
   * What a run keeps of each project for its reports beyond the scores: how many worst items,
   * their editor links, and what the feedback notes count (`results/project-result.ts`). The
   * evaluation itself ignores it; absent means the defaults and no links.
   */
  report?: ReportOptions
  /**
   * The benchmark audit's settings (`results/audit.ts`). The evaluation ignores them: they travel
   * here so that whichever thread scores a project also keeps its audit record. Absent: no audit.
   */
  audit?: AuditOptions
}

export interface AuditOptions {
  /** `audit-min-annotators`: units completed by fewer training projects are not audited. */
  minAnnotators: number
  /** `audit-agreement` (q): the share of the k annotators that must disagree the same way. */
  agreement: number
  /** `exclude-suspects`: leave the objects of suspects of kinds 1 and 2 out of every score. */
  excludeSuspects: boolean
}

export interface ReportOptions {
  /** Worst items kept per project (`report-items`). */
  items: number
  /** A matched pair whose similarity is below this is a "low overlap" error (`low-iou`). */
  lowIou: number
  /** The label editor's origin, or null for no links (`results/editor-links.ts`). */
  editorOrigin: string | null
}

export interface IntervalOptions {
  /** Bootstrap resamples; 0 turns intervals off. */
  samples: number
  /** e.g. 0.95 for 95 % intervals. */
  confidenceLevel: number
}

export const DEFAULT_IOU_THRESHOLD = 0.5

/**
 * Outcome of one object on one frame under `one-to-one`:
 * - `matched`: paired with a benchmark object of the same class (a true positive);
 * - `wrong-class`: paired (similarity ≥ threshold) with a benchmark object of another class;
 * - `missed`: a benchmark object no training object was paired with;
 * - `extra`: a training object not paired with any benchmark object.
 */
export type MatchStatus = 'matched' | 'wrong-class' | 'missed' | 'extra'

export interface ObjectRef {
  objectHash: string
  featureHash: string
  className: string
}

export interface ObjectResult {
  dataHash: string
  dataTitle: string
  /** The training row's label hash (the script's `label_id`). */
  labelHash: string | null
  frame: number
  status: MatchStatus
  /** Similarity of the pair (area IoU, OKS or buffered IoU by shape); null for missed and extra. */
  iou: number | null
  shape: ObjectShape
  /** The training object and who created its annotation on this frame; null when missed. */
  training: (ObjectRef & { createdBy: string | null }) | null
  /** The benchmark object; null when extra. */
  benchmark: ObjectRef | null
  /** Agreeing attributes / compared attributes on a matched pair; null when none were compared. */
  attributeAgreement: number | null
  /** Names of the attributes that disagree on a matched pair. */
  attributeMismatches: string[]
  /**
   * Both annotations' geometry on a paired object (matched or wrong class), for the feedback
   * notes' geometry bias (`results/geometry-bias.ts`); null or absent otherwise. References to
   * the label model's objects, not copies.
   */
  pairGeometry?: { benchmark: Geometry; training: Geometry } | null
}

/** One row exactly as Encord's documented script writes it, plus what we know about it. */
export interface ScriptRow {
  trainingEmail: string | null
  dataUnitName: string
  labelId: string | null
  iouScore: number
  classScore: number
  dataHash: string
  training: ObjectRef
  /** The benchmark box with the strictly greatest IoU (first maximum wins); null when none > 0. */
  bestMatch: ObjectRef | null
}

/** Raw counts and sums; scores are derived from them so that they can be aggregated. */
export interface Tally {
  benchmarkObjects: number
  trainingObjects: number
  truePositives: number
  wrongClass: number
  missed: number
  extra: number
  /** Sum of similarity over all paired objects (matched and wrong-class). */
  iouSum: number
  /** Attribute comparisons on true positives: agreeing and total. */
  attributesAgreeing: number
  attributesCompared: number
  /** Classification comparisons: summed agreement in [0, 1] and number compared. */
  classificationScore: number
  classificationsCompared: number
}

/**
 * The tallies of every scored benchmark data unit, per class, as compact count vectors: what the
 * scores are ratios of, unit by unit, so that the bootstrap (`results/intervals.ts`) can resample
 * data units and recompute the scores from sums without touching geometry.
 *
 * Entry `e` is the tally of class `classes[entryClass[e]]` on one unit, its fields in
 * `TALLY_FIELDS` order at `values[e * TALLY_FIELDS.length …]`; unit `u` owns entries
 * `entryStart[u]` to `entryStart[u + 1] - 1` (none for a unit with nothing on it, which still
 * counts as a unit). Units are in data-hash order, so the layout does not depend on listing order.
 */
export interface UnitTallies {
  /** Feature hashes, in the order of `perClass`. */
  classes: string[]
  /** Scored benchmark data units (each once). */
  units: number
  /** `units + 1` offsets into the entries. */
  entryStart: Uint32Array
  entryClass: Uint32Array
  values: Float64Array
}

export interface Scores {
  /** TP / training objects. */
  precision: number | null
  /** TP / benchmark objects. */
  recall: number | null
  f1: number | null
  /** Mean similarity over paired objects (matched and wrong-class). */
  meanIou: number | null
  /** TP / paired objects: of the objects found, how many got the right class. */
  classAccuracy: number | null
  attributeAccuracy: number | null
  classificationAccuracy: number | null
  /**
   * Track scores (`tracking/`), copied from `tracking` so that every score is a key here: present
   * only when the project was scored on video; absent otherwise.
   */
  idf1?: number | null
  idSwitches?: number | null
  mota?: number | null
}

export type Metrics = Tally &
  Scores & {
    /** Track counts and scores over the video data units; absent when none was scored. */
    tracking?: TrackingMetrics
  }

export interface ClassMetrics extends Metrics {
  featureHash: string
  className: string
}

/** One cell of the confusion matrix: benchmark class × training class; null means missed/extra. */
export interface ConfusionCell {
  benchmark: string | null
  training: string | null
  count: number
}

/** Counted in data units: a unit listed twice counts once, so `pairedRows + notCompleted = benchmarkRows`. */
export interface Coverage {
  /** Benchmark data units in the stage. */
  benchmarkRows: number
  /** Training rows in the stage. */
  trainingRows: number
  /** Benchmark data units the training stage also has (by data hash): the only ones scored. */
  pairedRows: number
  /** Benchmark rows the annotator has not completed: reported, never counted as missed. */
  notCompleted: number
  /** Training rows whose data is not in the benchmark stage. */
  unmatchedTrainingRows: number
}

/** Agreement on one classification question for one row and frame (or the whole row). */
export interface ClassificationResult {
  dataHash: string
  dataTitle: string
  /** Frame, or null for a global classification. */
  frame: number | null
  featureHash: string
  name: string
  /** Agreement in [0, 1]: radio exact, checklist Jaccard, text after trimming, numeric equal. */
  score: number
  benchmarkAnswer: string | null
  trainingAnswer: string | null
}

export interface Contributor {
  email: string
  annotations: number
}

export interface ProjectEvaluation {
  projectHash: string
  projectTitle: string
  method: Method
  /** The e-mail that created most of the project's labels; null when none is recorded. */
  annotator: string | null
  /** Everyone who created labels, most first (reviewers included). */
  contributors: Contributor[]
  coverage: Coverage
  overall: Metrics
  perClass: ClassMetrics[]
  confusion: ConfusionCell[]
  /** Per-object results (`one-to-one`). */
  objects: ObjectResult[]
  /** The script's rows (`encord-script`). */
  scriptRows: ScriptRow[]
  /**
   * ID switches and fragmentations on video (`tracking/`), for the worst items; like the other
   * per-item lists, not kept past scoring. Absent without video.
   */
  trackEvents?: TrackEvent[]
  classifications: ClassificationResult[]
  /** Per-unit tallies for the bootstrap; like the per-item lists, not kept past scoring. */
  units: UnitTallies
  /** Things the user should know (skipped boxes, renamed stages…). */
  notes: string[]
  /**
   * Digest of the training labels that were scored (`labels/digest.ts`): history counts a new
   * attempt when it changes. Absent in reports written before it existed.
   */
  labelsDigest?: string
}
