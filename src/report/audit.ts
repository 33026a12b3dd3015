/**
 * The benchmark audit (`results/audit.ts`) as text: `benchmark_audit.csv` (one row per suspect),
 * the "Benchmark audit" section of the job summary and the terminal, and the PR comment's line.
 * Pure: strings from results.
 */
import type { BenchmarkAudit, Suspect, SuspectKind } from '../results/audit.js'
import { AUDIT_FILE_NAME } from '../results/file-names.js'
import { stringifyRecords } from './csv.js'
import { escapeMarkdown } from './markdown-escape.js'
import { safeUrl } from './markdown-parts.js'
import { table } from './markdown-table.js'
import { neutraliseFormula } from './spreadsheet-formula.js'

export const AUDIT_CSV_COLUMNS = [
  'kind',
  'data_unit_name',
  'data_hash',
  'frames',
  'class',
  'benchmark_object_hash',
  'annotators',
  'disagreeing',
  'benchmark_says',
  'annotators_say',
  'benchmark_url'
] as const

/** What each kind means, in words a reviewer reads. */
export const SUSPECT_KIND_TEXT: Record<SuspectKind, string> = {
  'spurious-object': 'gold object possibly spurious or ambiguous',
  'wrong-class': 'gold class possibly wrong',
  'missing-object': 'gold possibly missing an object',
  'wrong-attribute': 'gold attribute possibly wrong',
  'wrong-classification': 'gold classification possibly wrong'
}

/** Suspects shown in the job summary; the CSV has them all. */
export const AUDIT_SUMMARY_ROWS = 25

export function renderAuditCsv(audit: BenchmarkAudit | undefined): string {
  const records = (audit?.suspects ?? []).map((suspect) => [
    suspect.kind,
    text(suspect.dataTitle),
    text(suspect.dataHash),
    suspect.frames.join(' '),
    text(suspect.className),
    text(suspect.benchmarkObject),
    String(suspect.annotators),
    String(suspect.disagreeing),
    text(suspect.benchmarkSays),
    text(suspect.annotatorsSay),
    text(suspect.link)
  ])
  return stringifyRecords([[...AUDIT_CSV_COLUMNS], ...records])
}

/** The heading line, e.g. `Benchmark audit: 3 suspects`. */
export function auditHeadline(audit: BenchmarkAudit): string {
  if (audit.status === 'skipped') return 'Benchmark audit: skipped'
  const n = audit.suspects.length
  return `Benchmark audit: ${n} suspect${n === 1 ? '' : 's'}`
}

/** What the audit did to the scores, or null when it changed none. */
export function exclusionSentence(audit: BenchmarkAudit): string | null {
  if (audit.excludedObjects === null) return null
  const n = audit.excludedObjects
  return n === 0
    ? 'exclude-suspects is on, but no benchmark object was left out.'
    : `exclude-suspects is on: ${n} benchmark object${n === 1 ? '' : 's'} (counted per frame) of the possibly spurious or wrong-class suspects ${n === 1 ? 'was' : 'were'} left out of every annotator's scores.`
}

/** The markdown section for the job summary (empty when the run has no audit). */
export function renderAuditSection(audit: BenchmarkAudit | undefined): string {
  if (audit === undefined) return ''
  const lines = [`#### ${auditHeadline(audit)}\n\n`]
  if (audit.note !== null) lines.push(`${escapeMarkdown(audit.note, 500)}\n\n`)
  if (audit.status === 'audited') {
    const { minAnnotators, agreement } = audit.settings
    lines.push(
      `Gold labels that most of the annotators who completed a unit disagree with in the same way (at least ${Math.round(agreement * 100)} % of them, on ${audit.unitsAudited} data unit${audit.unitsAudited === 1 ? '' : 's'} completed by ${minAnnotators} or more). Worth a look by the expert: a suspect is evidence, not proof.\n\n`
    )
  }
  const excluded = exclusionSentence(audit)
  lines.push(excluded === null ? 'Scores are unchanged by the audit.\n\n' : `**${excluded}**\n\n`)
  if (audit.suspects.length > 0) {
    const shown = audit.suspects.slice(0, AUDIT_SUMMARY_ROWS)
    lines.push(
      table(
        [
          { header: 'Suspect' },
          { header: 'Data unit' },
          { header: 'Frame' },
          { header: 'Benchmark' },
          { header: 'Annotators', align: 'right' },
          { header: 'They say' }
        ],
        shown.map(summaryRow)
      )
    )
    const rest = audit.suspects.length - shown.length
    lines.push(
      rest > 0
        ? `\n${rest} more in \`${AUDIT_FILE_NAME}\`.\n\n`
        : `\nEvery suspect is in \`${AUDIT_FILE_NAME}\`.\n\n`
    )
  }
  return lines.join('')
}

/** The PR comment's one line. */
export function auditCommentLine(audit: BenchmarkAudit | undefined): string {
  if (audit === undefined) return ''
  if (audit.status === 'skipped') return `🔎 ${auditHeadline(audit)} (encord-script).\n`
  const excluded = audit.excludedObjects
  const tail =
    audit.suspects.length === 0
      ? ''
      : ` — see \`${AUDIT_FILE_NAME}\`${excluded ? `; ${excluded} left out of the scores` : ''}`
  return `🔎 ${auditHeadline(audit)}${tail}.\n`
}

/** Plain text for the terminal: headline, note, and the first suspects. */
export function renderAuditTerminal(audit: BenchmarkAudit | undefined, rows = 10): string {
  if (audit === undefined) return ''
  const lines = [auditHeadline(audit)]
  if (audit.note !== null) lines.push(`  ${audit.note}`)
  const excluded = exclusionSentence(audit)
  if (excluded !== null) lines.push(`  ${excluded}`)
  for (const suspect of audit.suspects.slice(0, rows)) {
    lines.push(
      `  ${SUSPECT_KIND_TEXT[suspect.kind]}: ${suspect.dataTitle} ${framesText(suspect)}, ${suspect.benchmarkSays ?? '(nothing)'} → ${suspect.annotatorsSay} (${suspect.disagreeing} of ${suspect.annotators})`
    )
  }
  if (audit.suspects.length > rows) {
    lines.push(`  … ${audit.suspects.length - rows} more in ${AUDIT_FILE_NAME}`)
  }
  return lines.join('\n')
}

function summaryRow(suspect: Suspect): string[] {
  const url = safeUrl(suspect.link ?? undefined)
  const unit = escapeMarkdown(suspect.dataTitle, 80)
  return [
    escapeMarkdown(SUSPECT_KIND_TEXT[suspect.kind]),
    url === null ? unit : `[${unit}](${url})`,
    framesText(suspect),
    escapeMarkdown(suspect.benchmarkSays ?? '(nothing)', 80),
    `${suspect.disagreeing} of ${suspect.annotators}`,
    escapeMarkdown(suspect.annotatorsSay, 80)
  ]
}

function framesText(suspect: Suspect): string {
  const { frames } = suspect
  if (frames.length === 0) return 'whole unit'
  const first = frames[0] as number
  const last = frames[frames.length - 1] as number
  if (frames.length === 1) return `frame ${first}`
  return last - first + 1 === frames.length
    ? `frames ${first}–${last}`
    : `frames ${frames.join(', ')}`
}

function text(value: string | null): string {
  return value === null ? '' : neutraliseFormula(value)
}
