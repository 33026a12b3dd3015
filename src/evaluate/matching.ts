/**
 * Optimal one-to-one assignment (Hungarian algorithm). Used per frame, and within a frame per
 * group of objects that actually compete, so matrices stay the size of a few objects.
 */
import munkres from 'munkres'

/** A row index paired with a column index. */
export type Assignment = [row: number, column: number]

/**
 * Pairs rows with columns so that the total weight is as large as possible, each row and each
 * column used at most once. A weight ≤ 0 (or not finite) means "may not be paired": such pairs
 * are never returned. Rectangular matrices are fine. Pairs come back sorted by row.
 *
 * Why zero weights are safe to hand to the solver: it returns a complete assignment of the
 * smaller side, and dropping its zero-weight pairs leaves a partial matching of the same total,
 * which is the best partial matching because every weight is ≥ 0.
 */
export function maxWeightAssignment(weights: readonly (readonly number[])[]): Assignment[] {
  const single = onlyOneCandidatePerLine(weights)
  if (single) return single
  const costs = weights.map((row) => row.map((w) => (usable(w) ? -w : 0)))
  return munkres(costs)
    .filter(([row, column]) => usable(weights[row]?.[column] ?? 0))
    .sort((a, b) => a[0] - b[0])
}

/** A candidate pair: row `row` may be paired with column `column` at weight `weight` (> 0). */
export interface Edge {
  row: number
  column: number
  weight: number
}

/**
 * The same optimum as `maxWeightAssignment`, from the list of pairs that may be paired at all.
 * Rows and columns that compete for each other form groups; each group is solved on its own
 * (most groups on a frame are a single pair). Pairs come back sorted by row.
 */
export function maxWeightMatching(edges: readonly Edge[]): Assignment[] {
  const candidates = edges.filter((e) => usable(e.weight))
  const byRow = (a: Assignment, b: Assignment): number => a[0] - b[0]
  if (!competes(candidates)) return candidates.map((e): Assignment => [e.row, e.column]).sort(byRow)
  const pairs: Assignment[] = []
  for (const group of competingGroups(candidates)) {
    if (group.length === 1) {
      const [edge] = group as [Edge]
      pairs.push([edge.row, edge.column])
      continue
    }
    const rows = [...new Set(group.map((e) => e.row))]
    const columns = [...new Set(group.map((e) => e.column))]
    const rowIndex = new Map(rows.map((r, i) => [r, i]))
    const columnIndex = new Map(columns.map((c, i) => [c, i]))
    const weights = rows.map(() => columns.map(() => 0))
    for (const e of group) {
      const line = weights[rowIndex.get(e.row) as number] as number[]
      line[columnIndex.get(e.column) as number] = e.weight
    }
    for (const [r, c] of maxWeightAssignment(weights)) {
      pairs.push([rows[r] as number, columns[c] as number])
    }
  }
  return pairs.sort(byRow)
}

function usable(w: number): boolean {
  return w > 0 && w < Number.POSITIVE_INFINITY
}

/** True when some row or column has more than one candidate: only then is there a choice. */
function competes(edges: readonly Edge[]): boolean {
  const rows = new Set<number>()
  const columns = new Set<number>()
  for (const e of edges) {
    if (rows.has(e.row) || columns.has(e.column)) return true
    rows.add(e.row)
    columns.add(e.column)
  }
  return false
}

/**
 * Connected groups of the bipartite graph (union–find; rows and columns are nodes), in order of
 * their first edge.
 */
function competingGroups(edges: readonly Edge[]): Edge[][] {
  const rowCount = Math.max(...edges.map((e) => e.row)) + 1
  const nodeCount = rowCount + Math.max(...edges.map((e) => e.column)) + 1
  const parent = Array.from({ length: nodeCount }, (_, i) => i)
  const find = (node: number): number => {
    let root = node
    while (parent[root] !== root) root = parent[root] as number
    parent[node] = root
    return root
  }
  for (const e of edges) {
    const a = find(e.row)
    const b = find(rowCount + e.column)
    if (a !== b) parent[b] = a
  }
  const groups = new Map<number, Edge[]>()
  for (const e of edges) {
    const root = find(e.row)
    const group = groups.get(root)
    if (group) group.push(e)
    else groups.set(root, [e])
  }
  return [...groups.values()]
}

/**
 * When no row and no column has more than one usable weight, the usable cells are the answer;
 * this is by far the commonest case (well-separated objects) and needs no solver.
 */
function onlyOneCandidatePerLine(weights: readonly (readonly number[])[]): Assignment[] | null {
  const pairs: Assignment[] = []
  const columnsUsed = new Set<number>()
  for (const [row, line] of weights.entries()) {
    let found = -1
    for (const [column, w] of line.entries()) {
      if (!usable(w)) continue
      if (found >= 0 || columnsUsed.has(column)) return null
      found = column
    }
    if (found >= 0) {
      columnsUsed.add(found)
      pairs.push([row, found])
    }
  }
  return pairs
}
