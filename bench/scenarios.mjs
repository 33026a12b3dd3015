// The bench's scenarios, shared by bench/run.mjs (measures) and bench/serve.mjs (serves one for
// profiling). Both have N = 1000 rows × M = 10 objects per project by default.
//   - every-shape: every shape the evaluation scores, gzip on;
//   - boxes: mostly boxes and no gzip, the case Encord's own script was written for.
export const SCENARIOS = {
  'every-shape': {
    ks: [1, 5, 20],
    gzip: true,
    videoShare: 0.2,
    describe:
      '20 % videos of 8 frames, every shape; gzip on (the fake compresses each answer once, before the measured runs)'
  },
  boxes: {
    ks: [5, 20],
    gzip: false,
    videoShare: 0.15,
    shapeShares: { bounding_box: 0.8, polygon: 0.1, point: 0.1 },
    describe: '15 % videos of 8 frames, 80 % boxes, 10 % polygons, 10 % points; no gzip'
  }
}
