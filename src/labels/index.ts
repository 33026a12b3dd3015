/** The label model and the conversion of Encord's JSON into it. */
export * from './model.js'
export { emptyLabelRow, toLabelRow, type ConversionContext, type RowMetadata } from './convert.js'
export { parseOntology, type OntologyContext } from './ontology.js'
export {
  indexOntology,
  OntologyIndex,
  type Lookup,
  type OntologyEntry,
  type OntologyKind
} from './ontology-index.js'
export { labelRowSchema, ontologySchema, type LabelRowJson, type OntologyJson } from './schema.js'
