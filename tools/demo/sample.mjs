// The bundled sample: a benchmark and three annotators of clearly different skill, on images and
// videos, with boxes, polygons, points, an object attribute (Colour) and a radio classification
// (Weather). Deterministic: `node tools/demo/generate-sample.mjs` rewrites samples/ byte for byte.
import { generateDataset } from '../generate/dataset.mjs'

export const SAMPLE_STAGE = 'Complete'

export const SAMPLE_ANNOTATORS = [
  {
    email: 'alice@example.com',
    title: 'Annotator training – Alice',
    jitter: 0.03,
    missRate: 0.02,
    extraRate: 0.01,
    wrongClassRate: 0.02,
    attributeErrorRate: 0.05,
    classificationErrorRate: 0.05,
    reviewerRate: 0.05
  },
  {
    email: 'bob@example.com',
    title: 'Annotator training – Bob',
    jitter: 0.08,
    missRate: 0.1,
    extraRate: 0.04,
    wrongClassRate: 0.08,
    attributeErrorRate: 0.15,
    classificationErrorRate: 0.15
  },
  {
    email: 'carol@example.com',
    title: 'Annotator training – Carol',
    jitter: 0.16,
    missRate: 0.25,
    extraRate: 0.12,
    wrongClassRate: 0.2,
    attributeErrorRate: 0.35,
    classificationErrorRate: 0.3,
    completedShare: 0.85
  }
]

export function sampleDataset() {
  return generateDataset({
    seed: 20261126,
    rows: 24,
    objectsPerRow: 5,
    videoShare: 0.25,
    videoFrames: 6,
    shapes: ['bounding_box', 'polygon', 'point'],
    annotators: SAMPLE_ANNOTATORS,
    benchmarkTitle: 'Benchmark – street scenes (expert)',
    stage: SAMPLE_STAGE,
    // Gold errors for the benchmark audit to find: an object the expert drew that is not there,
    // and one given the wrong class.
    plant: ['spurious-object', 'wrong-class']
  })
}
