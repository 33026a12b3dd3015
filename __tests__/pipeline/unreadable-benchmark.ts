/**
 * A benchmark project Encord serves but this tool cannot read: on its last row, the first
 * object's answer names an attribute its class does not have. Found only once that row's labels
 * are fetched, so the training projects are loading when the benchmark fails.
 */
import type { ScenarioProject } from '../../tools/fake-encord/scenario.mjs'
import { ROWS, streetProject, streetRow } from './scenario.js'

export const UNKNOWN_ATTRIBUTE = 'a1b2c3d4'

export function unreadableBenchmark(projectHash: string): ScenarioProject {
  const email = 'expert@example.com'
  const rows = Array.from({ length: ROWS }, (_, index) => streetRow(projectHash, index, { email }))
  const last = rows[ROWS - 1]
  const labels = last?.labels
  if (labels === undefined || labels === null || typeof labels === 'string') {
    throw new Error('streetRow gave a row without labels')
  }
  const answers = labels.object_answers as Record<string, { classifications: unknown[] }>
  const first = Object.values(answers)[0]
  if (first === undefined) throw new Error('streetRow gave a row without objects')
  first.classifications.push({
    featureHash: UNKNOWN_ATTRIBUTE,
    name: 'Occluded',
    value: 'occluded',
    answers: [{ featureHash: 'e5f6a7b8', name: 'Yes', value: 'yes' }],
    manualAnnotation: true
  })
  return streetProject(projectHash, 'Benchmark (expert)', { email, rows })
}
