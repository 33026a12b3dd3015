export function sectionOf(text: string, name: string): string | null
export function releaseChangelog(text: string, version: string, date: string): string
