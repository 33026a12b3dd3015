/**
 * The IoU of Encord's documented script (`calculate_iou`), expression for expression and in the
 * same order, so that IEEE doubles give the very same values — including the `1.0000000000000004`
 * some identical boxes get. Do not "simplify" this arithmetic: users compare our numbers with the
 * script's.
 */
export interface ScriptBox {
  x: number
  y: number
  w: number
  h: number
}

export function scriptIou(bbox1: ScriptBox, bbox2: ScriptBox): number {
  const xLeft = Math.max(bbox1.x, bbox2.x)
  const yTop = Math.max(bbox1.y, bbox2.y)
  const xRight = Math.min(bbox1.x + bbox1.w, bbox2.x + bbox2.w)
  const yBottom = Math.min(bbox1.y + bbox1.h, bbox2.y + bbox2.h)
  const intersection = Math.max(0, xRight - xLeft) * Math.max(0, yBottom - yTop)
  const union = bbox1.w * bbox1.h + bbox2.w * bbox2.h - intersection
  return union > 0 ? intersection / union : 0
}
