// How two ontology structures differ, by feature hash (docs/encord-api.md §8).
import { describe, expect, it } from '@jest/globals'
import { ontologyDifferences } from '../../src/preflight/ontology-diff.js'

const colour = {
  name: 'Colour',
  type: 'radio',
  featureNodeHash: 'colour01',
  options: [
    { label: 'Red', featureNodeHash: 'red00001', options: [] },
    { label: 'Blue', featureNodeHash: 'blue0001', options: [] }
  ]
}
const reference = {
  objects: [
    { name: 'Car', shape: 'bounding_box', featureNodeHash: 'car00001', attributes: [colour] },
    { name: 'Person', shape: 'polygon', featureNodeHash: 'person01', attributes: [] }
  ],
  classifications: [
    {
      featureNodeHash: 'weather1',
      attributes: [{ name: 'Weather', type: 'radio', featureNodeHash: 'weatherQ', options: [] }]
    }
  ]
}

describe('ontologyDifferences', () => {
  it('finds none between a structure and its copy', () => {
    expect(ontologyDifferences(reference, structuredClone(reference))).toEqual([])
  })

  it('names a changed shape, a missing option and an extra object, each once', () => {
    const other = structuredClone(reference)
    other.objects[0]!.shape = 'rotatable_bounding_box'
    other.objects[0]!.attributes[0]!.options.pop()
    other.objects.push({
      name: 'Bike',
      shape: 'bounding_box',
      featureNodeHash: 'bike0001',
      attributes: []
    })
    expect(ontologyDifferences(reference, other)).toEqual([
      'object "Car" is a rotatable_bounding_box named "Car" here, a bounding_box named "Car" in the benchmark',
      'option "Blue" of "Colour" is missing',
      'object "Bike" is extra'
    ])
  })

  it('tells a renamed classification question apart from a missing one', () => {
    const other = structuredClone(reference)
    other.classifications[0]!.attributes[0]!.name = 'Sky'
    expect(ontologyDifferences(reference, other)).toEqual([
      'classification "Weather" is a radio question "Sky" here, a radio question "Weather" in the benchmark',
      'attribute "Weather" of "Weather" is a radio attribute "Sky" here, a radio attribute "Weather" in the benchmark'
    ])
  })

  it('reads a structure that is not an object as empty, so everything is missing', () => {
    expect(ontologyDifferences(reference, null)).toHaveLength(7)
  })
})
