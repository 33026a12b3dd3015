/**
 * Names of the files a run writes into the output directory. The sinks that write them and the
 * reports that point readers to them read this one table, so they cannot disagree.
 * `iou_results.csv` is the name Encord's script uses.
 */
export const REPORT_FILE_NAMES = {
  csv: 'iou_results.csv',
  report: 'report.json',
  summary: 'summary.md',
  html: 'report.html',
  audit: 'benchmark_audit.csv'
} as const

/** The benchmark audit's CSV (`results/audit.ts`), one row per suspect. */
export const AUDIT_FILE_NAME = REPORT_FILE_NAMES.audit

/** The folder in the output directory that holds one feedback note per annotator. */
export const FEEDBACK_DIR = 'feedback'
