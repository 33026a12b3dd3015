/**
 * The script gives each training box a best match (or none) and a class score; we name the three
 * outcomes with the same words as `one-to-one` where the meaning is the same, so that the CSV's
 * `status` column and the reports read alike for both methods.
 */
import type { ScriptRow } from '../evaluate/types.js'

export type ScriptRowStatus = 'matched' | 'wrong-class' | 'no-match'

export function scriptRowStatus(row: ScriptRow): ScriptRowStatus {
  if (row.bestMatch === null) return 'no-match'
  return row.classScore === 1 ? 'matched' : 'wrong-class'
}
