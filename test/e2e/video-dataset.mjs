// Two small Encord worlds for the track metrics through the action: one of videos, where a clean
// annotator and one who swaps two tracks' identities halfway draw the very same shapes on every
// frame, and one of images only, for the track thresholds' error. One key serves both.
import { createHash } from 'node:crypto'
import { generateKeyPair } from '../../tools/fake-encord/scenario.mjs'
import { generateDataset } from '../../tools/generate/dataset.mjs'
import { toScenario } from '../../tools/generate/to-scenario.mjs'

/** @param {string} email @param {boolean} swapIdentities */
function exact(email, swapIdentities) {
  return {
    email,
    title: `Annotator training – ${email}`,
    jitter: 0,
    missRate: 0,
    extraRate: 0,
    wrongClassRate: 0,
    attributeErrorRate: 0,
    classificationErrorRate: 0,
    swapIdentities
  }
}

export const CLEAN = 'clean@example.com'
export const SWAPPER = 'swapper@example.com'

/** @returns {import('./video-dataset.d.mts').VideoWorld} */
export function videoWorld() {
  const key = generateKeyPair(createHash('sha256').update('encord-annotator-eval tracks').digest())
  const users = [{ email: 'evaluator@example.com', publicKeyHex: key.publicKeyHex }]
  const common = { rows: 6, objectsPerRow: 4, shapes: ['bounding_box'] }
  const videos = generateDataset({
    ...common,
    seed: 15,
    videoShare: 1,
    videoFrames: 8,
    annotators: [exact(CLEAN, false), exact(SWAPPER, true)]
  })
  const images = generateDataset({
    ...common,
    seed: 16,
    videoShare: 0,
    annotators: [exact(CLEAN, false)]
  })
  const a = toScenario(videos, { users })
  const b = toScenario(images, { users })
  const scenario = {
    users: a.users.map((user, i) => ({
      ...user,
      projects: [...user.projects, ...(b.users[i]?.projects ?? [])]
    })),
    ontologies: { ...a.ontologies, ...b.ontologies },
    projects: { ...a.projects, ...b.projects }
  }
  return {
    scenario,
    key,
    videos: {
      benchmark: videos.benchmark.projectHash,
      clean: videos.training[0].projectHash,
      swapper: videos.training[1].projectHash
    },
    images: { benchmark: images.benchmark.projectHash, clean: images.training[0].projectHash }
  }
}
