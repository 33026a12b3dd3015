export function lintWorkflows(root?: string): Promise<string[]>
