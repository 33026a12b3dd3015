// The benchmark audit on hand-made projects scored for real: each kind of suspect is flagged when
// exactly q·k of the k annotators disagree the same way, and not when one fewer does.
import { evaluateProject } from '../../src/evaluate/index.js'
import type { ProjectLabels } from '../../src/labels/model.js'
import { auditBenchmark, clusterExtras, withoutExcluded } from '../../src/results/audit.js'
import {
  auditIndexOf,
  auditRecordOf,
  type ProjectAuditRecord
} from '../../src/results/audit-record.js'
import { toProjectResult } from '../../src/results/project-result.js'
import { box, classification, img, obj, at, project, radio, row } from '../evaluate/builders.js'

const A = box(0.05, 0.05, 0.2, 0.2)
const B = box(0.4, 0.05, 0.2, 0.2)
const C = box(0.05, 0.5, 0.2, 0.2)
const D = box(0.5, 0.5, 0.2, 0.2)
const E = box(0.75, 0.75, 0.2, 0.2)

const red = radio('colourA', 'redO')
const blue = radio('colourA', 'blueO')
const sunny = (hash: string) => classification(hash, 'weatherC', [0], [radio('weatherA', 'sunnyO')])
const rain = (hash: string) => classification(hash, 'weatherC', [0], [radio('weatherA', 'rainO')])

/**
 * The benchmark on unit u1: a good car (A), a spurious car (B), a car that is really a truck (C),
 * a red car that is really blue (D), no object at E where there is a car, sunny where it rains.
 */
const benchmark = project('bench', [
  row('u1', {
    objects: [
      img('gA', 'carF', A),
      img('gB', 'carF', B),
      img('gC', 'carF', C),
      obj('gD', 'carF', [at(0, D)], { static: [red] })
    ],
    classifications: [sunny('gW')]
  })
])

/** An annotator who sees the truth (`right`) or agrees with the benchmark's errors. */
function annotator(i: number, right: boolean): ProjectLabels {
  const objects = [img(`t${i}A`, 'carF', A)]
  if (!right) objects.push(img(`t${i}B`, 'carF', B))
  objects.push(img(`t${i}C`, right ? 'truckF' : 'carF', C))
  objects.push(obj(`t${i}D`, 'carF', [at(0, D)], { static: [right ? blue : red] }))
  if (right) objects.push(img(`t${i}E`, 'carF', E))
  return project(`p${i}`, [
    row('u1', { objects, classifications: [right ? rain(`w${i}`) : sunny(`w${i}`)] })
  ])
}

function records(k: number, right: number, keepTallies = false): ProjectAuditRecord[] {
  return Array.from({ length: k }, (_, i) => {
    const training = annotator(i, i < right)
    const evaluation = evaluateProject(benchmark, training, {
      method: 'one-to-one',
      iouThreshold: 0.5
    })
    return auditRecordOf(evaluation, benchmark, training, keepTallies)
  })
}

const context = {
  minAnnotators: 3,
  agreement: 0.6,
  excludeSuspects: false,
  iouThreshold: 0.5,
  editorOrigin: null,
  benchmarkId: 'bench'
}

describe('auditBenchmark', () => {
  it('flags every kind when exactly q·k annotators disagree the same way (k 5, q 0.6: 3)', () => {
    const { audit } = auditBenchmark(auditIndexOf(benchmark), records(5, 3), context)
    expect(audit.unitsAudited).toBe(1)
    expect(audit.note).toBeNull()
    expect(
      audit.suspects.map((s) => [
        s.kind,
        s.benchmarkObject,
        s.benchmarkSays,
        s.annotatorsSay,
        s.disagreeing,
        s.annotators,
        s.frames
      ])
    ).toEqual([
      ['spurious-object', 'gB', 'Car', 'missed', 3, 5, [0]],
      ['wrong-class', 'gC', 'Car', 'Truck', 3, 5, [0]],
      ['missing-object', null, null, 'drew a Car', 3, 5, [0]],
      ['wrong-attribute', 'gD', 'Colour: Red', 'Colour: Blue', 3, 5, [0]],
      ['wrong-classification', null, 'Weather: Sunny', 'Weather: Rain', 3, 5, [0]]
    ])
  })

  it('flags nothing when one fewer than q·k disagree (2 of 5)', () => {
    const { audit } = auditBenchmark(auditIndexOf(benchmark), records(5, 2), context)
    expect(audit.suspects).toEqual([])
  })

  it('needs every annotator at q 0.67 with k 3 (0.67·3 = 2.01), and 3 of 3 is enough', () => {
    const strict = { ...context, agreement: 0.67 }
    expect(auditBenchmark(auditIndexOf(benchmark), records(3, 2), strict).audit.suspects).toEqual(
      []
    )
    expect(
      auditBenchmark(auditIndexOf(benchmark), records(3, 3), strict).audit.suspects
    ).toHaveLength(5)
  })

  it('audits a unit completed by exactly audit-min-annotators projects, not one fewer', () => {
    const index = auditIndexOf(benchmark)
    expect(auditBenchmark(index, records(3, 3), context).audit.unitsAudited).toBe(1)
    const fewer = auditBenchmark(index, records(2, 2), context).audit
    expect(fewer.unitsAudited).toBe(0)
    expect(fewer.suspects).toEqual([])
    expect(fewer.note).toMatch(/No benchmark data unit was completed by 3 or more/)
  })

  it('links each suspect to the benchmark frame when the run has links', () => {
    const hash = '5b0c8e8a-1f7e-4f0e-9d3a-6f0c2b9d1e47'
    const { audit } = auditBenchmark(auditIndexOf(benchmark), records(3, 3), {
      ...context,
      editorOrigin: 'https://app.encord.com',
      benchmarkId: hash
    })
    expect(audit.suspects[0]?.link).toBe(`https://app.encord.com/label_editor/${hash}/u1/0`)
  })
})

describe('withoutExcluded', () => {
  it('leaves the spurious and wrong-class objects (and what was paired with them) out of the scores', () => {
    const index = auditIndexOf(benchmark)
    const all = records(5, 3, true)
    const { audit, excluded } = auditBenchmark(index, all, { ...context, excludeSuspects: true })
    expect(audit.excludedObjects).toBe(2)
    // Annotator 4 agrees with the benchmark everywhere, so the spurious B was a true positive for
    // them; annotator 0 sees the truth: B missed, C a wrong class.
    const training = annotator(0, true)
    const evaluation = evaluateProject(benchmark, training, {
      method: 'one-to-one',
      iouThreshold: 0.5
    })
    const before = toProjectResult(evaluation)
    expect(before.overall.recall).toBeCloseTo(2 / 4)
    const { result, left } = withoutExcluded(before, all[0]!, index, excluded, null)
    expect(left).toBe(2)
    expect(result.overall.benchmarkObjects).toBe(2)
    expect(result.overall.recall).toBe(1)
    // The truck drawn on C leaves with C; A, D and the extra E stay.
    expect(result.overall.trainingObjects).toBe(3)
    expect(result.overall.precision).toBeCloseTo(2 / 3)
  })
})

describe('missing objects', () => {
  it('are one suspect per cluster: two Cars all annotators drew on one image are two suspects', () => {
    const gold = project('bench', [row('u1', { objects: [img('gA', 'carF', A)] })])
    const all = [0, 1, 2].map((i) => {
      const training = project(`p${i}`, [
        row('u1', {
          objects: [img(`t${i}A`, 'carF', A), img(`t${i}D`, 'carF', D), img(`t${i}E`, 'carF', E)]
        })
      ])
      const evaluation = evaluateProject(gold, training, {
        method: 'one-to-one',
        iouThreshold: 0.5
      })
      return auditRecordOf(evaluation, gold, training, false)
    })
    const { audit } = auditBenchmark(auditIndexOf(gold), all, context)
    expect(audit.suspects.map((s) => [s.kind, s.disagreeing, s.frames])).toEqual([
      ['missing-object', 3, [0]],
      ['missing-object', 3, [0]]
    ])
  })
})

describe('clusterExtras', () => {
  const extra = (objectHash: string, geometry = E) => ({
    unit: 0,
    frame: 0,
    objectHash,
    featureHash: 'carF',
    className: 'Car',
    geometry,
    size: null
  })

  it('keeps at most one object per annotator in a cluster', () => {
    const clusters = clusterExtras([[extra('a'), extra('b')], [extra('c')]], 0.5)
    expect(clusters.map((c) => c.map((e) => e.objectHash))).toEqual([['a', 'c'], ['b']])
  })

  it('does not join objects below the similarity threshold (IoU 0.25 < 0.5)', () => {
    const clusters = clusterExtras([[extra('a')], [extra('b', box(0.85, 0.85, 0.1, 0.1))]], 0.5)
    expect(clusters).toHaveLength(2)
  })
})
