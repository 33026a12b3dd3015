/**
 * Checks the text of an Encord data-registration JSON file against the training guide (step 1).
 * Pure: text in, diagnostics out. One streaming pass; see walker.ts.
 */
import { DiagnosticCollector } from './diagnostic.js'
import type { FileReport } from './diagnostic.js'
import { DuplicateUrls } from './duplicate-urls.js'
import { checkEntry, type EntrySinks } from './entry-rules.js'
import { checkMetadata } from './metadata-rules.js'
import { checkRootProperty, reportNoItems, reportRootIsNotObject } from './root-rules.js'
import { FileTotals } from './totals.js'
import { type Value, describeKind } from './values.js'
import { walkRegistration, type StructureListener } from './walker.js'

export type { Diagnostic, FileReport, Position, Severity } from './diagnostic.js'

export function checkRegistrationText(text: string, file: string): FileReport {
  const report = new DiagnosticCollector()
  const totals = new FileTotals()
  const duplicates = new DuplicateUrls()
  let rootObject: Value | undefined

  const sinks: EntrySinks = {
    report,
    url(url, value) {
      totals.addUrl(value)
      duplicates.add(url, value.offset, value)
    }
  }
  const listener: StructureListener = {
    rootIsNotObject: (root) => reportRootIsNotObject(root, report),
    rootProperty: (property) => checkRootProperty(property, report),
    rootEnd: (root) => {
      rootObject = root
    },
    entry(kind, entry, properties) {
      totals.addItem(kind, entry)
      checkEntry(kind, entry, properties, sinks)
    },
    nonObjectEntry(kind, value) {
      report.add(
        'value-type',
        `each entry of "${kind}" must be an object, not ${describeKind(value.kind)}`,
        value
      )
    },
    metadata: (key, metadata, properties) => checkMetadata(key, metadata, properties, report)
  }

  walkRegistration(text, listener, report)
  totals.reportLimits(report)
  duplicates.report(text, report)
  if (rootObject !== undefined && totals.items === 0) reportNoItems(rootObject, report)

  return { file, diagnostics: report.finish(), items: totals.items, urls: totals.urls }
}
