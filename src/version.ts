/** The tool's name and version, as recorded in reports and the User-Agent. Kept equal to package.json by a test. */
export const TOOL = { name: 'encord-annotator-eval', version: '0.1.0' } as const
