// The bundled sample scored online (fake Encord serving samples/demo/scenario.json) and offline
// (samples/demo/exports + ontology.json) gives the same CSV and report.json, apart from the fields
// that record where the labels came from: `source`, and the project titles exports do not carry.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseConfig } from '../../src/config.js'
import { silentLogger } from '../../src/log.js'
import { evaluateRun, type EvaluableConfig } from '../../src/pipeline.js'
import { CSV_COLUMNS, csvHeader, renderReportJson } from '../../src/report/index.js'
import type { RunResult } from '../../src/results/run-result.js'
import type { Scenario } from '../../tools/fake-encord/scenario.mjs'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import { readCsv } from '../report/csv-reader.js'

const SAMPLE = path.resolve('samples/demo')
const read = (name: string) => readFileSync(path.join(SAMPLE, name), 'utf8')
const projects = JSON.parse(read('projects.json')) as {
  benchmarkProject: string
  trainingProjects: string[]
  workflowStage: string
}
const TOOL = { name: 'encord-annotator-eval', version: 'test' }

let fake: FakeEncord
let online: RunResult
let offline: RunResult
// The CSV each run wrote, as its rows came.
let onlineCsv = csvHeader()
let offlineCsv = csvHeader()

function evaluable(raw: Parameters<typeof parseConfig>[0]): EvaluableConfig {
  const config = parseConfig(raw)
  if (config.source === null) throw new Error('no source')
  return config as EvaluableConfig
}

beforeAll(async () => {
  fake = await startFakeEncord({ scenario: JSON.parse(read('scenario.json')) as Scenario })
  online = await evaluateRun(
    evaluable({
      'ssh-private-key': read('demo-key'),
      'encord-domain': fake.url,
      'benchmark-project': projects.benchmarkProject,
      'training-projects': projects.trainingProjects.join('\n'),
      'workflow-stage': projects.workflowStage
    }),
    {
      log: silentLogger,
      tool: TOOL,
      csvRows: (rows) => void (onlineCsv += Buffer.from(rows).toString('utf8'))
    }
  )
  const exportOf = (hash: string) => path.join(SAMPLE, 'exports', `${hash}.json`)
  offline = await evaluateRun(
    evaluable({
      'benchmark-export': exportOf(projects.benchmarkProject),
      'training-exports': projects.trainingProjects.map(exportOf).join('\n'),
      'ontology-file': path.join(SAMPLE, 'ontology.json'),
      'workflow-stage': projects.workflowStage
    }),
    {
      log: silentLogger,
      tool: TOOL,
      csvRows: (rows) => void (offlineCsv += Buffer.from(rows).toString('utf8'))
    }
  )
})

afterAll(async () => {
  await fake.close()
})

/**
 * The online result with the source-recording fields set as an offline run sets them. Preflight
 * reads Encord's set-up, which export files do not have: only an online run reports it.
 */
function asIfOffline({ preflight, ...result }: RunResult): RunResult {
  expect(preflight?.findings).toEqual([])
  return {
    ...result,
    source: 'export-files',
    benchmark: { ...result.benchmark, title: result.benchmark.projectHash },
    projects: result.projects.map((outcome) =>
      outcome.status === 'evaluated'
        ? {
            ...outcome,
            evaluation: { ...outcome.evaluation, projectTitle: outcome.evaluation.projectHash }
          }
        : outcome
    )
  }
}

/** The CSV with each row's training project title set as an offline run sets it (the hash). */
function csvAsIfOffline(csv: string): string {
  const title = CSV_COLUMNS.indexOf('training_project')
  const hash = CSV_COLUMNS.indexOf('training_project_hash')
  return readCsv(csv)
    .map((record, index) =>
      record.map((cell, column) =>
        index > 0 && column === title ? (record[hash]?.raw ?? '') : cell.raw
      )
    )
    .map((cells) => `${cells.join(',')}\n`)
    .join('')
}

function differingLines(a: string, b: string): number {
  const left = a.split('\n')
  const right = b.split('\n')
  expect(left).toHaveLength(right.length)
  return left.filter((line, index) => line !== right[index]).length
}

describe('the sample online and offline', () => {
  it('scores every project both ways, with the same hashes', () => {
    expect(online.source).toBe('encord-api')
    expect(offline.source).toBe('export-files')
    for (const result of [online, offline]) {
      expect(result.benchmark.projectHash).toBe(projects.benchmarkProject)
      expect(result.projects.map((outcome) => outcome.status)).toEqual([
        'evaluated',
        'evaluated',
        'evaluated'
      ])
      expect(
        result.projects.map((outcome) =>
          outcome.status === 'evaluated' ? outcome.evaluation.projectHash : null
        )
      ).toEqual(projects.trainingProjects)
    }
    // Online titles are real titles, so the comparison below has something to explain.
    expect(online.benchmark.title).not.toBe(projects.benchmarkProject)
  })

  it('gives the same CSV apart from the training_project title column', () => {
    expect(csvAsIfOffline(onlineCsv)).toBe(offlineCsv)

    // Every data row names its training project's title; nothing else differs.
    const titles = online.projects.flatMap((outcome) =>
      outcome.status === 'evaluated' ? [outcome.evaluation.projectTitle] : []
    )
    const explained = onlineCsv
      .split('\n')
      .filter((line) => titles.some((title) => line.includes(title))).length
    expect(explained).toBeGreaterThan(100)
    expect(differingLines(onlineCsv, offlineCsv)).toBe(explained)
  })

  it('gives the same report.json apart from source and the titles', () => {
    // Preflight's report (online only) comes last in report.json; compare what comes before it.
    const onlineJson = renderReportJson({ ...online, preflight: undefined })
    const offlineJson = renderReportJson(offline)
    expect(renderReportJson(asIfOffline(online))).toBe(offlineJson)

    // One `source` line, the benchmark's title, and one projectTitle per training project.
    const explained = 1 + 1 + projects.trainingProjects.length
    expect(differingLines(onlineJson, offlineJson)).toBe(explained)
    const changed = onlineJson
      .split('\n')
      .filter((line, index) => line !== offlineJson.split('\n')[index])
      .map((line) => line.trim().replace(/:.*/, ''))
    expect(changed.sort()).toEqual(
      ['"source"', '"title"', '"projectTitle"', '"projectTitle"', '"projectTitle"'].sort()
    )
  })
})
