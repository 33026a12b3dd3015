/**
 * A minimal reader for action.yml: nested mappings of scalars by indentation, which is all the
 * file uses. Scalars may be plain, 'single-quoted' or "double-quoted". Anything else (lists,
 * block scalars, flow mappings) is refused loudly, so a change to the file's style shows up as a
 * test failure here rather than as a silently wrong reading.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

export type YamlNode = string | YamlMapping
export interface YamlMapping {
  [key: string]: YamlNode
}

export function parseMinimalYaml(text: string): YamlMapping {
  const root: YamlMapping = {}
  // Open mappings by indentation; the root sits at indentation -1.
  const stack: { indent: number; mapping: YamlMapping }[] = [{ indent: -1, mapping: root }]
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return
    const indent = raw.length - raw.trimStart().length
    const line = raw.trim()
    const match = /^([A-Za-z0-9_-]+):(?:\s+(.*))?$/.exec(line)
    if (!match) throw new Error(`action.yml line ${index + 1} is not 'key: value': ${raw}`)
    const [, key = '', rest] = match
    while ((stack[stack.length - 1] as { indent: number }).indent >= indent) stack.pop()
    const parent = (stack[stack.length - 1] as { mapping: YamlMapping }).mapping
    if (key in parent) throw new Error(`action.yml line ${index + 1}: duplicate key ${key}`)
    if (rest === undefined || rest === '') {
      const child: YamlMapping = {}
      parent[key] = child
      stack.push({ indent, mapping: child })
    } else {
      parent[key] = scalar(rest, index + 1)
    }
  })
  return root
}

function scalar(text: string, line: number): string {
  if (text.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(text)) throw new Error(`action.yml line ${line}: bad '…' scalar`)
    return text.slice(1, -1).replace(/''/g, "'")
  }
  if (text.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(text))
      throw new Error(`action.yml line ${line}: bad "…" scalar`)
    return JSON.parse(text) as string
  }
  if (/^[[{|>&*!]/.test(text)) {
    throw new Error(`action.yml line ${line}: this reader only knows plain and quoted scalars`)
  }
  // A plain scalar ends before ' #' (a comment).
  return text.replace(/\s+#.*$/, '')
}

export interface ActionInput {
  description?: string
  required?: string
  default?: string
}

export interface ActionMetadata {
  raw: YamlMapping
  inputs: Record<string, ActionInput>
  outputs: Record<string, { description?: string }>
}

/** action.yml of the repository (jest runs from the repository root). */
export function readActionYml(): ActionMetadata {
  const raw = parseMinimalYaml(readFileSync(path.resolve('action.yml'), 'utf8'))
  const section = (name: string): Record<string, YamlMapping> => {
    const value = raw[name]
    if (typeof value !== 'object') throw new Error(`action.yml has no '${name}' mapping`)
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry !== 'object') throw new Error(`action.yml ${name}.${key} is not a mapping`)
    }
    return value as Record<string, YamlMapping>
  }
  return {
    raw,
    inputs: section('inputs') as Record<string, ActionInput>,
    outputs: section('outputs') as Record<string, { description?: string }>
  }
}
