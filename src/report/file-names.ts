/** Names of the files the reports are written to; sinks and the reports that link them agree. */
export const CSV_FILE_NAME = 'iou_results.csv'
export const REPORT_JSON_FILE_NAME = 'report.json'
