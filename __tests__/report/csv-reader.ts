/**
 * A small RFC 4180 reader for the tests, independent of the writer under test. It returns each
 * field twice: as written (quotes and all) and as read back.
 */
export interface Field {
  raw: string
  value: string
}

export function readCsv(text: string): Field[][] {
  const records: Field[][] = []
  let record: Field[] = []
  let start = 0
  let inQuotes = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (inQuotes) {
      if (char === '"' && text[i + 1] === '"') i++
      else if (char === '"') inQuotes = false
    } else if (char === '"') {
      inQuotes = true
    } else if (char === ',' || char === '\n') {
      record.push(field(text.slice(start, i)))
      start = i + 1
      if (char === '\n') {
        records.push(record)
        record = []
      }
    }
  }
  if (start < text.length) throw new Error('CSV does not end with a line break')
  return records
}

function field(raw: string): Field {
  const quoted = raw.startsWith('"')
  return { raw, value: quoted ? raw.slice(1, -1).replaceAll('""', '"') : raw }
}

/** The first `count` columns as the script would have written them (same bytes, same quoting). */
export function firstColumns(text: string, count: number): string {
  return readCsv(text)
    .map((record) =>
      record
        .slice(0, count)
        .map((cell) => cell.raw)
        .join(',')
    )
    .map((line) => `${line}\n`)
    .join('')
}
