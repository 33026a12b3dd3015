// The benchmark audit's renderers: the CSV, the summary section, the comment line, the HTML section.
import type { BenchmarkAudit, Suspect } from '../../src/results/audit.js'
import {
  auditCommentLine,
  renderAuditCsv,
  renderAuditSection,
  renderAuditTerminal
} from '../../src/report/audit.js'
import { auditSection } from '../../src/report/html/audit.js'
import type { RunResult } from '../../src/results/run-result.js'

const suspect: Suspect = {
  kind: 'wrong-class',
  dataHash: 'd1',
  dataTitle: '=cmd|<b>street.jpg',
  frames: [2, 3, 4],
  className: 'Car',
  benchmarkObject: 'obj1',
  annotators: 5,
  disagreeing: 4,
  benchmarkSays: 'Car',
  annotatorsSay: 'Truck',
  link: 'https://app.encord.com/label_editor/b/d1/2'
}

const audit = (changes: Partial<BenchmarkAudit> = {}): BenchmarkAudit => ({
  status: 'audited',
  settings: { minAnnotators: 3, agreement: 0.67, excludeSuspects: false },
  note: null,
  unitsAudited: 12,
  suspects: [suspect],
  excludedObjects: null,
  ...changes
})

describe('benchmark audit renderers', () => {
  it('writes one CSV row per suspect, formulas neutralised', () => {
    const [header, row] = renderAuditCsv(audit()).trim().split('\n')
    expect(header?.split(',')[0]).toBe('kind')
    expect(row).toBe(
      "wrong-class,'=cmd|<b>street.jpg,d1,2 3 4,Car,obj1,5,4,Car,Truck,https://app.encord.com/label_editor/b/d1/2"
    )
    expect(renderAuditCsv(undefined).trim().split('\n')).toHaveLength(1)
  })

  it('renders the summary section with the agreement, the frames and the link', () => {
    const text = renderAuditSection(audit())
    expect(text).toContain('#### Benchmark audit: 1 suspect\n')
    expect(text).toContain('at least 67 % of them, on 12 data units completed by 3 or more')
    expect(text).toContain('Scores are unchanged by the audit.')
    expect(text).toContain('frames 2–4')
    expect(text).toContain('(https://app.encord.com/label_editor/b/d1/2)')
    expect(text).not.toContain('<b>')
  })

  it('says how many objects exclude-suspects left out', () => {
    const text = renderAuditSection(audit({ excludedObjects: 3 }))
    expect(text).toContain('exclude-suspects is on: 3 benchmark objects (counted per frame)')
    expect(auditCommentLine(audit({ excludedObjects: 3 }))).toBe(
      '🔎 Benchmark audit: 1 suspect — see `benchmark_audit.csv`; 3 left out of the scores.\n'
    )
  })

  it('says why nothing was flagged, and that a skipped audit was skipped', () => {
    const note = 'No benchmark data unit was completed by 3 or more training projects.'
    expect(renderAuditSection(audit({ suspects: [], unitsAudited: 0, note }))).toContain(note)
    const skipped = audit({ status: 'skipped', suspects: [], note: 'not run under encord-script' })
    expect(auditCommentLine(skipped)).toBe('🔎 Benchmark audit: skipped (encord-script).\n')
    expect(renderAuditTerminal(skipped)).toContain('not run under encord-script')
    expect(renderAuditSection(undefined)).toBe('')
  })

  it('renders the HTML section with escaped text and the benchmark link', () => {
    const section = auditSection({ audit: audit() } as RunResult).text
    expect(section).toContain('id="audit"')
    expect(section).toContain('&lt;b&gt;street.jpg')
    expect(section).toContain('href="https://app.encord.com/label_editor/b/d1/2"')
    expect(auditSection({} as RunResult).text).toBe('')
  })
})
