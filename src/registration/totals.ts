/** Counts a file's items and URLs, and reports the per-file limits and the batch advice. */
import type { DiagnosticCollector, Position } from './diagnostic.js'
import {
  ADVISED_IMAGES_PER_FILE,
  ADVISED_VIDEOS_PER_FILE,
  MAX_ITEMS_PER_FILE,
  MAX_URLS_PER_FILE
} from './limits.js'
import type { DataKind } from './schema.js'
import { plural } from './values.js'

/** The numbers FileTotals enforces; the guide's unless a test needs smaller ones. */
export interface FileLimits {
  maxItems: number
  maxUrls: number
  advisedVideos: number
  advisedImages: number
}

export const GUIDE_FILE_LIMITS: FileLimits = {
  maxItems: MAX_ITEMS_PER_FILE,
  maxUrls: MAX_URLS_PER_FILE,
  advisedVideos: ADVISED_VIDEOS_PER_FILE,
  advisedImages: ADVISED_IMAGES_PER_FILE
}

export class FileTotals {
  items = 0
  urls = 0
  private videos = 0
  private images = 0
  /** Where each count first went over its limit: the first entry or URL too many. */
  private firstItemOverLimit: Position | undefined
  private firstUrlOverLimit: Position | undefined
  private firstVideoOverAdvice: Position | undefined
  private firstImageOverAdvice: Position | undefined

  constructor(private readonly limits: FileLimits = GUIDE_FILE_LIMITS) {}

  addItem(kind: DataKind, at: Position): void {
    this.items++
    if (this.items === this.limits.maxItems + 1) this.firstItemOverLimit = at
    // The advice names videos and images; image groups, sequences and DICOM are not counted.
    if (kind === 'videos' && ++this.videos === this.limits.advisedVideos + 1) {
      this.firstVideoOverAdvice = at
    }
    if (kind === 'images' && ++this.images === this.limits.advisedImages + 1) {
      this.firstImageOverAdvice = at
    }
  }

  addUrl(at: Position): void {
    this.urls++
    if (this.urls === this.limits.maxUrls + 1) this.firstUrlOverLimit = at
  }

  reportLimits(report: DiagnosticCollector): void {
    if (this.firstItemOverLimit) {
      report.add(
        'too-many-items',
        `this file registers ${plural(this.items, 'item')}; Encord accepts at most ${plural(this.limits.maxItems, 'item')} per file: split it (this is the first item over the limit)`,
        this.firstItemOverLimit
      )
    }
    if (this.firstUrlOverLimit) {
      report.add(
        'too-many-urls',
        `this file holds ${plural(this.urls, 'URL')}; Encord accepts at most ${plural(this.limits.maxUrls, 'URL')} per file: split it (this is the first URL over the limit)`,
        this.firstUrlOverLimit
      )
    }
    if (this.firstVideoOverAdvice) {
      report.add(
        'batch-size',
        `this file registers ${plural(this.videos, 'video')}; the guide advises uploading at most ${plural(this.limits.advisedVideos, 'video')} at a time (this is video ${(this.limits.advisedVideos + 1).toLocaleString('en-US')})`,
        this.firstVideoOverAdvice
      )
    }
    if (this.firstImageOverAdvice) {
      report.add(
        'batch-size',
        `this file registers ${plural(this.images, 'image')}; the guide advises uploading at most ${plural(this.limits.advisedImages, 'image')} at a time (this is image ${(this.limits.advisedImages + 1).toLocaleString('en-US')})`,
        this.firstImageOverAdvice
      )
    }
  }
}
