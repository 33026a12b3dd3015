export { attachTracking } from './attach.js'
export { trackingMetrics, type ClassTracking, type ProjectTracking } from './track-metrics.js'
export { bestIdentityAssignment } from './identity.js'
export { hasTracks, TrackRecorder } from './record.js'
export type {
  TrackedFrame,
  TrackedUnit,
  TrackEvent,
  TrackingCounts,
  TrackingMetrics,
  TrackingScores,
  TrackPair,
  TrackRef
} from './types.js'
