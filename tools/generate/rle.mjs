// Encodes bitmasks the way Encord stores them (docs/encord-api.md §7.6): row-major run lengths,
// alternating 0-runs and 1-runs starting with a 0-run, in COCO's compressed-string form.
// Written independently of src/ so generated data does not depend on the code it tests.

/** Run counts of a filled ellipse (centre cx, cy; radii rx, ry; pixels) on a width × height grid. */
export function ellipseRuns(width, height, cx, cy, rx, ry) {
  const counts = []
  let last = 0 // value of the current run
  let run = 0
  const push = (value, length) => {
    if (length === 0) return
    if (value === last) {
      run += length
    } else {
      counts.push(run)
      last = value
      run = length
    }
  }
  for (let y = 0; y < height; y += 1) {
    const dy = (y + 0.5 - cy) / ry
    const half = dy * dy <= 1 ? rx * Math.sqrt(1 - dy * dy) : -1
    if (half < 0) {
      push(0, width)
      continue
    }
    const start = Math.max(0, Math.min(width, Math.round(cx - half)))
    const end = Math.max(start, Math.min(width, Math.round(cx + half)))
    push(0, start)
    push(1, end - start)
    push(0, width - end)
  }
  counts.push(run)
  return counts
}

/** COCO's compressed string: deltas against count[i-2] from i = 3, 5-bit groups, +48. */
export function encodeCounts(counts) {
  let text = ''
  for (let i = 0; i < counts.length; i += 1) {
    let x = counts[i]
    if (i > 2) x -= counts[i - 2]
    let more = true
    while (more) {
      let c = x & 0x1f
      x >>= 5
      more = c & 0x10 ? x !== -1 : x !== 0
      if (more) c |= 0x20
      text += String.fromCharCode(c + 48)
    }
  }
  return text
}
