/**
 * Reports: pure renderers from a `RunResult` to strings. They write nothing; the sinks in
 * `src/github/` and the CLI put the strings where they belong.
 */
export {
  renderComment,
  commentMarker,
  COMMENT_LIMIT_CHARS,
  type CommentOptions
} from './comment.js'
export { csvHeader, csvRows, renderCsv } from './csv.js'
export { CSV_COLUMNS, OUR_COLUMNS, SCRIPT_COLUMNS } from './csv-rows.js'
export { renderHtmlReport } from './html/index.js'
export { renderReportJson } from './json.js'
export { buildOutputs, SCORE_OUTPUTS, type ScoreOutputName } from './outputs.js'
export { pythonFloatRepr } from './python-float.js'
export { renderSummary, SUMMARY_LIMIT_BYTES, type SummaryOptions } from './summary.js'
export { renderTerminalTable, type TerminalOptions } from './terminal.js'
