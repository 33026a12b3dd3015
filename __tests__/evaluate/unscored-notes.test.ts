import { describe, expect, it } from '@jest/globals'
import { evaluateProjectWith } from '../../src/evaluate/engine.js'
import type { Method } from '../../src/evaluate/types.js'
import { unscoredNotes } from '../../src/evaluate/unscored-notes.js'
import type { LabelRow } from '../../src/labels/model.js'
import { BOX_GEOMETRY, box, classification, img, project, radio, row } from './builders.js'

const car = (hash: string): ReturnType<typeof img> => img(hash, 'carF', box(0, 0, 0.2, 0.2))

function notesOf(benchmark: LabelRow[], training: LabelRow[], method: Method): string[] {
  return evaluateProjectWith(
    project('bench', benchmark),
    project('train', training),
    { method, iouThreshold: 0.5 },
    BOX_GEOMETRY
  ).notes
}

describe('the note on objects of shapes that are not scored', () => {
  it('counts each side apart and breaks the count down by shape', () => {
    const benchmark = row('d1', {
      objects: [car('B')],
      unscored: { objectsByShape: { audio: 1, cuboid: 2 } }
    })
    const training = row('d1', { objects: [car('T')], unscored: { objectsByShape: { cuboid: 1 } } })
    expect(unscoredNotes([{ benchmark, training }], true)).toEqual([
      'Objects of shapes this tool does not score were left out (benchmark: 3 (2 cuboid, 1 audio); training: 1 (1 cuboid)): ' +
        'audio and text objects mark time or character ranges, not shapes on a frame; cuboid objects have no similarity measure here'
    ])
  })

  it('counts a benchmark row once when several training rows pair with it', () => {
    const benchmark = row('d1', { unscored: { objectsByShape: { text: 4 } } })
    const first = row('d1', { unscored: { objectsByShape: { text: 1 } } })
    const second = row('d1', { unscored: { objectsByShape: { text: 2 } } })
    const [note] = unscoredNotes(
      [
        { benchmark, training: first },
        { benchmark, training: second }
      ],
      true
    )
    expect(note).toContain('(benchmark: 4 (4 text); training: 3 (3 text))')
    // Only the reason for the shapes met: no word on cuboids when there are none.
    expect(note).not.toContain('similarity measure')
  })

  it('says nothing when nothing was left out', () => {
    expect(
      unscoredNotes([{ benchmark: row('d1', { objects: [car('B')] }), training: row('d1') }], true)
    ).toEqual([])
  })
})

describe('the note on labels on the spaces of a data group', () => {
  const benchmark = row('g1', {
    dataType: 'group',
    unscored: { spaceObjects: 3, spaceClassifications: 1 }
  })
  const training = row('g1', { dataType: 'group', unscored: { spaceObjects: 2 } })

  it('names objects and classifications per side, and says why they were left out', () => {
    expect(notesOf([benchmark], [training], 'one-to-one')).toContain(
      "Labels on the files of a data group (its spaces) were left out (benchmark: 3 objects and 1 classification; training: 2 objects): only a row's own labels are read, as the Encord SDK's list of a row's objects holds only those"
    )
  })

  it('leaves classifications out of it under encord-script, which compares none', () => {
    const notes = notesOf([benchmark], [training], 'encord-script').join('\n')
    expect(notes).toContain('(benchmark: 3 objects; training: 2 objects)')
    expect(notes).not.toContain('classification')
  })
})

describe('the note on range classifications of audio and text', () => {
  const ranged = (hash: string): ReturnType<typeof classification> =>
    classification(hash, 'weatherC', [], [radio('weatherA', 'sunnyO')])
  const global = classification('G', 'weatherC', 'global', [radio('weatherA', 'sunnyO')])

  it('counts range classifications (on no frame, not global) per side', () => {
    const benchmark = row('a1', {
      dataType: 'audio',
      classifications: [ranged('R1'), ranged('R2'), global]
    })
    const training = row('a1', { dataType: 'audio', classifications: [ranged('R3'), global] })
    expect(notesOf([benchmark], [training], 'one-to-one')).toContain(
      'Range classifications of audio and text were left out (benchmark: 2; training: 1): they hold on time or character ranges, which are not compared; classifications of the whole file are'
    )
  })
})

describe('objects of other shapes under encord-script', () => {
  it('counts only shapes one-to-one scores as "scored by one-to-one", the rest in the general note', () => {
    const polygon = img('P', 'personF', { type: 'polygon', polygons: [[[0, 0, 1, 0, 1, 1]]] })
    const benchmark = row('d1', { objects: [car('B')] })
    const training = row('d1', {
      objects: [car('T'), polygon],
      unscored: { objectsByShape: { cuboid: 2 } }
    })
    const notes = notesOf([benchmark], [training], 'encord-script')
    expect(notes).toContain(
      'The encord-script method scores bounding boxes on frame 0 only: 1 training object of other shapes was not scored (the one-to-one method scores them)'
    )
    expect(notes.join('\n')).toContain('(benchmark: 0; training: 2 (2 cuboid))')
  })
})
