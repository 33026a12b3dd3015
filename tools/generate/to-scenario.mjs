// Turns a generated dataset into the fake Encord server's scenario, and into offline exports
// (the label-row JSON of each project's rows in the stage, as Encord exports them).

/**
 * @param {ReturnType<import('./dataset.mjs').generateDataset>} dataset
 * @param {{ users: { email: string, publicKeyHex: string }[], serialiseLabels?: boolean }} options
 */
export function toScenario(dataset, options) {
  const projects = [dataset.benchmark, ...dataset.training]
  const serialise = (labels) =>
    options.serialiseLabels && labels !== null ? JSON.stringify(labels) : labels
  return {
    users: options.users.map((user) => ({ ...user, projects: projects.map((p) => p.projectHash) })),
    ontologies: {
      [dataset.ontology.ontologyHash]: {
        title: dataset.ontology.title,
        editor: dataset.ontology.editor
      }
    },
    projects: Object.fromEntries(
      projects.map((project) => [
        project.projectHash,
        {
          title: project.title,
          ontologyHash: project.ontologyHash,
          stages: project.stages,
          rows: project.rows.map((row) => ({
            stage: row.stage,
            metadata: row.metadata,
            labels: serialise(row.labels)
          }))
        }
      ])
    )
  }
}

/** The label rows of a project that sit in `stage`, as an Encord label export lists them. */
export function toExport(project, stage) {
  return project.rows
    .filter((row) => row.stage === stage && row.labels !== null)
    .map((row) => row.labels)
}
