import { describe, expect, it } from '@jest/globals'
import { LabelDataError } from '../../src/errors.js'
import { featureResolverFor } from '../../src/labels/feature-resolver.js'
import { parseOntology } from '../../src/labels/ontology.js'
import { CONTEXT, ontology, ontologyJson } from './fixtures.js'

describe('parseOntology', () => {
  it('reads objects with their shapes, nested radio options and the ontology hash', () => {
    expect(ontology.ontologyHash).toBe('ont-1')
    expect(ontology.objects.map((object) => [object.name, object.shape])).toEqual([
      ['Car', 'bounding_box'],
      ['Pedestrian', 'rotatable_bounding_box'],
      ['Road', 'polygon'],
      ['Lane', 'polyline'],
      ['Sign', 'point'],
      ['Sky', 'bitmask'],
      ['Person', 'skeleton'],
      ['Speech', 'audio'],
      ['Crate', 'cuboid']
    ])
    const colour = ontology.objects[0]?.attributes[0]
    expect(colour).toEqual({
      featureHash: 'colAttr1',
      name: 'Colour',
      type: 'radio',
      dynamic: false,
      options: [
        {
          featureHash: 'redOpt01',
          label: 'Red',
          value: 'red',
          attributes: [
            {
              featureHash: 'shadeAt1',
              name: 'Shade',
              type: 'radio',
              dynamic: false,
              options: [
                { featureHash: 'lightOpt', label: 'Light', value: 'light', attributes: [] },
                { featureHash: 'darkOpt1', label: 'Dark', value: 'dark', attributes: [] }
              ]
            }
          ]
        },
        { featureHash: 'blueOpt1', label: 'Blue', value: 'blue', attributes: [] }
      ]
    })
    expect(ontology.objects[0]?.attributes.map((a) => [a.name, a.type, a.dynamic])).toEqual([
      ['Colour', 'radio', false],
      ['Tags', 'checklist', false],
      ['Plate', 'text', false],
      ['Moving', 'radio', true],
      ['Lights', 'checklist', true]
    ])
    // Objects without an `attributes` key have none.
    expect(ontology.objects[1]?.attributes).toEqual([])
  })

  it('names classifications after their one attribute and marks global ones', () => {
    expect(
      ontology.classifications.map((c) => [c.featureHash, c.name, c.attribute.type, c.global])
    ).toEqual([
      ['weatherC', 'Weather', 'radio', true],
      ['sceneCls', 'Scene tags', 'checklist', false],
      ['captCls1', 'Caption', 'text', false]
    ])
    const sunny = ontology.classifications[0]?.attribute.options[0]
    expect(sunny?.attributes).toEqual([
      { featureHash: 'brightAt', name: 'Brightness', type: 'numeric', dynamic: false, options: [] }
    ])
  })

  it('reads skeleton templates with their nodes in order', () => {
    expect(ontology.skeletonTemplates).toEqual([
      {
        objectFeatureHash: 'persFeat',
        nodes: [
          { name: 'head', featureHash: 'headNode' },
          { name: 'left hand', featureHash: 'lhandNod' }
        ]
      }
    ])
  })

  it('links a template without feature_node_hash to the skeleton object of the same name', () => {
    const json = ontologyJson() as { skeleton_templates: { template: Record<string, unknown> }[] }
    const template = json.skeleton_templates[0]?.template ?? {}
    delete template.feature_node_hash
    template.skeleton = { '0': { x: 0, y: 0, name: 'nose' } }
    const parsed = parseOntology(json, CONTEXT)
    expect(parsed.ontologyHash).toBeNull()
    expect(parsed.skeletonTemplates).toEqual([
      { objectFeatureHash: 'persFeat', nodes: [{ name: 'nose', featureHash: null }] }
    ])
  })

  it('ignores nested options under checklist options, as the SDK does', () => {
    const json = {
      objects: [],
      classifications: [
        {
          featureNodeHash: 'c1',
          attributes: [
            {
              featureNodeHash: 'a1',
              name: 'Q',
              type: 'checklist',
              options: [
                {
                  featureNodeHash: 'o1',
                  label: 'x',
                  value: 'x',
                  options: [{ featureNodeHash: 'n1', name: 'N', type: 'text' }]
                }
              ]
            }
          ]
        }
      ]
    }
    expect(
      parseOntology(json, CONTEXT).classifications[0]?.attribute.options[0]?.attributes
    ).toEqual([])
  })

  it('rejects an unknown shape with a message naming the project, ontology and field', () => {
    const json = ontologyJson() as { objects: Record<string, unknown>[] }
    const car = json.objects[0] ?? {}
    car.shape = 'hexagon'
    expect(() => parseOntology(json, { ...CONTEXT, ontologyHash: 'ont-9' })).toThrow(
      /^Project proj-1111: cannot read the ontology ont-9: "shape" should be "bounding_box" or .*, not the text "hexagon" \(at objects\[0\]\.shape; labelrow GET\)$/
    )
  })

  it('rejects an unknown attribute type and a missing featureNodeHash', () => {
    const badType = ontologyJson() as { objects: { attributes: Record<string, unknown>[] }[] }
    const plate = badType.objects[0]?.attributes[2] ?? {}
    plate.type = 'date'
    expect(() => parseOntology(badType, CONTEXT)).toThrow(
      '(at objects[0].attributes[2].type; labelrow GET)'
    )

    const noHash = ontologyJson() as { classifications: Record<string, unknown>[] }
    delete noHash.classifications[1]?.featureNodeHash
    const error = captureError(() => parseOntology(noHash, CONTEXT))
    expect(error).toBeInstanceOf(LabelDataError)
    expect(error.message).toBe(
      'Project proj-1111: cannot read the ontology: "featureNodeHash" is missing (at classifications[1].featureNodeHash; labelrow GET)'
    )
    expect((error as LabelDataError).where).toEqual({ project: 'proj-1111' })
  })

  it('rejects a classification that does not have exactly one top-level attribute', () => {
    const json = { objects: [], classifications: [{ featureNodeHash: 'c1', attributes: [] }] }
    expect(() => parseOntology(json, CONTEXT)).toThrow(
      'classification c1 has 0 top-level attributes; Encord classifications have exactly one (at classifications[0].attributes; labelrow GET)'
    )
  })

  it('rejects what is not an ontology at all', () => {
    expect(() => parseOntology(null, CONTEXT)).toThrow(
      'Project proj-1111: cannot read the ontology: the value should be an object, not null (at (top level); labelrow GET)'
    )
  })
})

describe('FeatureResolver', () => {
  const index = featureResolverFor(ontology)

  it('finds every kind of element by featureHash', () => {
    expect(index.entry('carFeat1')?.kind).toBe('object')
    expect(index.entry('shadeAt1')?.kind).toBe('attribute')
    expect(index.entry('darkOpt1')?.kind).toBe('option')
    expect(index.entry('weatherC')?.kind).toBe('classification')
    expect(index.entry('brightAt')?.kind).toBe('attribute')
    expect(index.entry('nothing')).toBeUndefined()
  })

  it('checks the kind of what it finds', () => {
    expect(index.object('carFeat1')).toEqual({ found: ontology.objects[0] })
    expect(index.object('weatherC')).toEqual({
      problem: 'featureHash weatherC is a classification in the ontology, not an object'
    })
    expect(index.classification('colAttr1')).toEqual({
      problem: 'featureHash colAttr1 is an attribute in the ontology, not a classification'
    })
    expect(index.object('zzz')).toEqual({
      problem: "featureHash zzz is not in the project's ontology"
    })
  })

  it('looks attributes up in the tree of their owner, nested ones included', () => {
    const car = ontology.objects[0]
    const weather = ontology.classifications[0]
    if (car === undefined || weather === undefined) throw new Error('fixture changed')
    expect(index.attribute(car, 'shadeAt1')).toMatchObject({ found: { name: 'Shade' } })
    expect(index.attribute(weather, 'brightAt')).toMatchObject({ found: { name: 'Brightness' } })
    expect(index.attribute(car, 'brightAt')).toEqual({
      problem:
        'attribute brightAt ("Brightness") is not an attribute of "Car" (carFeat1) in the ontology'
    })
    expect(index.attribute(car, 'redOpt01')).toEqual({
      problem:
        'featureHash redOpt01 is an option in the ontology, not an attribute of "Car" (carFeat1)'
    })
  })

  it('looks options up among the options of their attribute', () => {
    const colour = ontology.objects[0]?.attributes[0]
    if (colour === undefined) throw new Error('fixture changed')
    expect(index.option(colour, 'blueOpt1')).toMatchObject({ found: { label: 'Blue' } })
    expect(index.option(colour, 'darkOpt1')).toEqual({
      problem: 'option darkOpt1 is not an option of attribute "Colour" (colAttr1) in the ontology'
    })
  })

  it('keeps the first element when a hash repeats, as the depth-first search does', () => {
    const json = {
      objects: [
        { featureNodeHash: 'dup', name: 'First', shape: 'point' },
        { featureNodeHash: 'dup', name: 'Second', shape: 'polygon' }
      ],
      classifications: [
        {
          featureNodeHash: 'c1',
          attributes: [{ featureNodeHash: 'dup', name: 'Q', type: 'text' }]
        }
      ]
    }
    const duplicated = featureResolverFor(parseOntology(json, CONTEXT))
    expect(duplicated.object('dup')).toMatchObject({ found: { name: 'First' } })
  })

  it('is built once per ontology', () => {
    expect(featureResolverFor(ontology)).toBe(index)
  })
})

function captureError(action: () => unknown): Error {
  try {
    action()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected an error')
}
