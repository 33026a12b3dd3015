/**
 * GFM tables from cells that are already escaped (see `markdown-escape.ts`). The header and the
 * rows are separate strings so that a size budget can take rows one at a time.
 */
export type Align = 'left' | 'right' | 'center'

const ALIGN_MARKER: Record<Align, string> = { left: ':--', right: '--:', center: ':-:' }

export interface Column {
  header: string
  align?: Align
}

export function tableHead(columns: readonly Column[]): string {
  const header = tableRow(columns.map((column) => column.header))
  const separator = tableRow(columns.map((column) => ALIGN_MARKER[column.align ?? 'left']))
  return `${header}${separator}`
}

/** One row, ending with a line break. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |\n`
}

export function table(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  return tableHead(columns) + rows.map(tableRow).join('')
}
