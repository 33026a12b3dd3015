// The ontology used by generated scenarios (the demo and the benchmarks): every scored shape,
// two classes for the shapes where a wrong class is a realistic mistake, static and dynamic
// attributes, and radio, checklist and text classifications.

const option = (id, label, hash) => ({
  id,
  label,
  value: label.toLowerCase().replace(/ /g, '_'),
  featureNodeHash: hash,
  archived: false
})

const colour = (id) => ({
  id: `${id}.1`,
  name: 'Colour',
  type: 'radio',
  featureNodeHash: `colour${id}x`.slice(0, 8),
  required: false,
  dynamic: false,
  archived: false,
  options: [
    option(`${id}.1.1`, 'Red', `red${id}xxxx`.slice(0, 8)),
    option(`${id}.1.2`, 'Blue', `blue${id}xxx`.slice(0, 8)),
    option(`${id}.1.3`, 'White', `white${id}xx`.slice(0, 8))
  ]
})

const occluded = (id) => ({
  id: `${id}.2`,
  name: 'Occluded',
  type: 'radio',
  featureNodeHash: `occl${id}xxx`.slice(0, 8),
  required: false,
  dynamic: true,
  archived: false,
  options: [
    option(`${id}.2.1`, 'Yes', `occY${id}xxx`.slice(0, 8)),
    option(`${id}.2.2`, 'No', `occN${id}xxx`.slice(0, 8))
  ]
})

/**
 * Every object class; `family` groups classes that share a shape (wrong-class candidates) and
 * `weight` sets how often a class occurs (boxes and polygons dominate real projects).
 */
export const OBJECT_CLASSES = [
  {
    id: '1',
    name: 'Car',
    weight: 3,
    shape: 'bounding_box',
    hash: 'carBox01',
    family: 'box',
    attributes: [colour('1'), occluded('1')]
  },
  {
    id: '2',
    name: 'Truck',
    weight: 2,
    shape: 'bounding_box',
    hash: 'truckBx2',
    family: 'box',
    attributes: [colour('2')]
  },
  {
    id: '3',
    name: 'Pedestrian',
    weight: 1.5,
    shape: 'polygon',
    hash: 'pedPoly3',
    family: 'polygon',
    attributes: []
  },
  {
    id: '4',
    name: 'Cyclist',
    weight: 1,
    shape: 'polygon',
    hash: 'cycPoly4',
    family: 'polygon',
    attributes: []
  },
  {
    id: '5',
    name: 'Sign',
    weight: 0.7,
    shape: 'rotatable_bounding_box',
    hash: 'signRot5',
    family: 'rotated',
    attributes: []
  },
  {
    id: '6',
    name: 'Lane',
    weight: 0.5,
    shape: 'polyline',
    hash: 'lanePln6',
    family: 'polyline',
    attributes: []
  },
  {
    id: '7',
    name: 'Keypoint',
    weight: 0.5,
    shape: 'point',
    hash: 'keyPnt07',
    family: 'point',
    attributes: []
  },
  {
    id: '8',
    name: 'Pose',
    weight: 0.4,
    shape: 'skeleton',
    hash: 'poseSkl8',
    family: 'skeleton',
    attributes: []
  },
  {
    id: '9',
    name: 'Road',
    weight: 0.4,
    shape: 'bitmask',
    hash: 'roadMsk9',
    family: 'bitmask',
    attributes: []
  }
]

export const SKELETON_NODES = [
  { name: 'head', hash: 'skHead01', dx: 0, dy: -0.4 },
  { name: 'left hand', hash: 'skLHnd02', dx: -0.35, dy: 0 },
  { name: 'right hand', hash: 'skRHnd03', dx: 0.35, dy: 0 },
  { name: 'left foot', hash: 'skLFot04', dx: -0.2, dy: 0.45 },
  { name: 'right foot', hash: 'skRFot05', dx: 0.2, dy: 0.45 }
]

export const WEATHER = {
  classificationHash: 'weather1',
  attributeHash: 'weathAtt',
  name: 'Weather',
  options: [
    { label: 'Sunny', hash: 'wSunny01' },
    { label: 'Rainy', hash: 'wRainy02' },
    { label: 'Foggy', hash: 'wFoggy03' }
  ]
}

export const TAGS = {
  classificationHash: 'tagsCls2',
  attributeHash: 'tagsAtt2',
  name: 'Tags',
  options: [
    { label: 'Blurry', hash: 'tBlurry1' },
    { label: 'Night', hash: 'tNight02' },
    { label: 'Crowded', hash: 'tCrowd03' }
  ]
}

/** The ontology structure (docs/encord-api.md §8) restricted to the given classes. */
export function buildOntology(classes) {
  const objects = classes.map((cls) => ({
    id: cls.id,
    name: cls.name,
    color: '#D33115',
    shape: cls.shape,
    featureNodeHash: cls.hash,
    required: false,
    archived: false,
    attributes: cls.attributes
  }))
  const classifications = [WEATHER, TAGS].map((cls, index) => ({
    id: String(index + 1),
    featureNodeHash: cls.classificationHash,
    attributes: [
      {
        id: String(index + 1),
        name: cls.name,
        type: cls === TAGS ? 'checklist' : 'radio',
        featureNodeHash: cls.attributeHash,
        required: false,
        dynamic: false,
        archived: false,
        options: cls.options.map((opt, i) => option(`${index + 1}.${i + 1}`, opt.label, opt.hash))
      }
    ]
  }))
  const skeleton = classes.find((cls) => cls.shape === 'skeleton')
  const skeletonTemplates = skeleton
    ? [
        {
          template: {
            name: skeleton.name,
            shape: 'skeleton',
            width: 100,
            height: 100,
            skeleton: Object.fromEntries(
              SKELETON_NODES.map((node, i) => [
                String(i),
                {
                  x: 0.5 + node.dx,
                  y: 0.5 + node.dy,
                  name: node.name,
                  color: '#000000',
                  value: node.name.replace(/ /g, '_'),
                  featureHash: node.hash
                }
              ])
            ),
            skeletonEdges: { 0: { 1: { color: '#000000' } } },
            feature_node_hash: skeleton.hash
          }
        }
      ]
    : []
  return { objects, classifications, skeleton_templates: skeletonTemplates }
}
