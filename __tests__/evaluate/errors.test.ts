import { describe, expect, it } from '@jest/globals'
import { evaluateProjectWith } from '../../src/evaluate/engine.js'
import { checkOntologyCompatible, ontologyDifferences } from '../../src/evaluate/ontology-compat.js'
import { EvaluationError } from '../../src/errors.js'
import type { Ontology } from '../../src/labels/model.js'
import { BOX_GEOMETRY, ONTOLOGY, box, img, project, row } from './builders.js'

const OPTIONS = { method: 'one-to-one', iouThreshold: 0.5 } as const

/** A copy of the test ontology under another hash, changed by `edit`. */
function variant(edit: (o: Ontology) => void): Ontology {
  const copy = structuredClone(ONTOLOGY)
  copy.ontologyHash = 'onto-2'
  edit(copy)
  return copy
}

function caught(run: () => unknown): EvaluationError {
  try {
    run()
  } catch (error) {
    if (error instanceof EvaluationError) return error
    throw error
  }
  throw new Error('expected an EvaluationError')
}

describe('ontology compatibility', () => {
  it('accepts the same ontology hash, or a copy with the same structure and other names', () => {
    expect(ontologyDifferences(ONTOLOGY, ONTOLOGY)).toEqual([])
    const renamed = variant((o) => {
      if (o.objects[0]) o.objects[0].name = 'Automobile'
    })
    expect(ontologyDifferences(ONTOLOGY, renamed)).toEqual([])
  })

  it('names the project and the object whose shape differs', () => {
    const polygonCar = variant((o) => {
      if (o.objects[0]) o.objects[0].shape = 'polygon'
    })
    const error = caught(() => checkOntologyCompatible(ONTOLOGY, polygonCar, "'Alice' (p-alice)"))
    expect(error.message).toBe(
      "Training project 'Alice' (p-alice) does not use the benchmark's ontology, so it cannot be scored: " +
        "object 'Car' (carF) is a polygon in the training ontology but a bounding_box in the benchmark"
    )
    expect(error.project).toBe("'Alice' (p-alice)")
  })

  it('finds missing classes, attributes of another type, and options on one side only', () => {
    const changed = variant((o) => {
      o.objects = o.objects.filter((x) => x.featureHash !== 'truckF')
      const colour = o.objects[0]?.attributes[0]
      if (colour) colour.options = colour.options.filter((x) => x.featureHash !== 'blueO')
      const plate = o.objects[0]?.attributes[3]
      if (plate) plate.type = 'numeric'
      o.classifications.push({
        featureHash: 'newC',
        name: 'Extra question',
        attribute: {
          featureHash: 'newA',
          name: 'Extra question',
          type: 'text',
          dynamic: false,
          options: []
        }
      })
    })
    expect(ontologyDifferences(ONTOLOGY, changed)).toEqual([
      "option 'Blue' (blueO) of attribute 'Colour' (colourA) of object 'Car' (carF) is missing from the training ontology",
      "attribute 'Plate' (plateA) of object 'Car' (carF) is a numeric in the training ontology but a text in the benchmark",
      "object 'Truck' (truckF) is in the benchmark ontology but not in the training ontology",
      "classification 'Extra question' (newC) is in the training ontology but not in the benchmark's"
    ])
  })

  it('finds differences in nested attributes', () => {
    const changed = variant((o) => {
      const rain = o.classifications[0]?.attribute.options[1]
      if (rain) rain.attributes = []
    })
    expect(ontologyDifferences(ONTOLOGY, changed)).toEqual([
      "attribute 'Intensity' (intensityA) of option 'Rain' (rainO) of attribute 'Weather' (weatherA) of classification 'Weather' (weatherC) is missing from the training ontology"
    ])
  })

  it('stops the evaluation of that project with an EvaluationError', () => {
    const polygonCar = variant((o) => {
      if (o.objects[0]) o.objects[0].shape = 'polygon'
    })
    const rows = [row('d1', { objects: [img('B', 'carF', box(0, 0, 0.1, 0.1))] })]
    const error = caught(() =>
      evaluateProjectWith(
        project('bench', rows),
        project('alice', rows, { title: 'Alice', ontology: polygonCar }),
        OPTIONS,
        BOX_GEOMETRY
      )
    )
    expect(error.message).toMatch(
      /^Training project 'Alice' \(alice\) does not use the benchmark's ontology/
    )
    expect(error.project).toBe('alice')
  })
})

describe('an empty comparison', () => {
  const benchmark = project('bench', [row('d1'), row('d2'), row('d3')], { title: 'Gold' })

  it('is an error, not a score of 0, when the annotator completed none of the benchmark data', () => {
    const training = project('alice', [], { title: 'Alice' })
    const error = caught(() => evaluateProjectWith(benchmark, training, OPTIONS, BOX_GEOMETRY))
    expect(error.message).toBe(
      "Training project 'Alice' (alice) has no completed task on the benchmark's data: " +
        "0 of 3 benchmark rows are in its 'Complete' stage"
    )
    expect(error.project).toBe('alice')
  })

  it('says so when the training rows are all on other data', () => {
    const training = project('alice', [row('other')], { title: 'Alice' })
    const error = caught(() =>
      evaluateProjectWith(
        benchmark,
        training,
        { method: 'encord-script', iouThreshold: 0.5 },
        BOX_GEOMETRY
      )
    )
    expect(error.message).toMatch(/0 of 3 benchmark rows .* \(its 1 row there are on other data/)
  })

  it('blames the benchmark when it has no rows in its stage', () => {
    const error = caught(() =>
      evaluateProjectWith(
        project('bench', [], { title: 'Gold' }),
        project('alice', [row('d1')]),
        OPTIONS,
        BOX_GEOMETRY
      )
    )
    expect(error.message).toMatch(
      /the benchmark project 'Gold' \(bench\) has no rows in its 'Complete' stage/
    )
  })
})

describe('options', () => {
  it('rejects a threshold outside [0, 1]', () => {
    const rows = [row('d1')]
    expect(() =>
      evaluateProjectWith(
        project('b', rows),
        project('t', rows),
        { method: 'one-to-one', iouThreshold: 1.5 },
        BOX_GEOMETRY
      )
    ).toThrow(EvaluationError)
  })
})
