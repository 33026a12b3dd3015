/**
 * The shape of an Encord data-registration JSON file, as the training guide (step 1) describes it.
 * Where the guide is silent, the Encord Python SDK's upload DTOs (`encord/orm/storage.py`) are the
 * source; those places say so.
 */

/** Top-level keys whose value is a list of entries with one `objectUrl` each. */
export const SINGLE_URL_KINDS = ['videos', 'audio', 'pdfs', 'text', 'images', 'nifti'] as const
/** Top-level keys whose entries list their files as `objectUrl_0`, `objectUrl_1`, … */
export const NUMBERED_URL_KINDS = ['image_groups', 'dicom_series'] as const

export type SingleUrlKind = (typeof SINGLE_URL_KINDS)[number]
export type NumberedUrlKind = (typeof NUMBERED_URL_KINDS)[number]
export type DataKind = SingleUrlKind | NumberedUrlKind

export const DATA_KINDS: readonly DataKind[] = [...SINGLE_URL_KINDS, ...NUMBERED_URL_KINDS]
export const SKIP_DUPLICATE_URLS = 'skip_duplicate_urls'
export const TOP_LEVEL_KEYS: readonly string[] = [...DATA_KINDS, SKIP_DUPLICATE_URLS]

export function isDataKind(key: string): key is DataKind {
  return (DATA_KINDS as readonly string[]).includes(key)
}

export function hasNumberedUrls(kind: DataKind): kind is NumberedUrlKind {
  return kind === 'image_groups' || kind === 'dicom_series'
}

/** What one entry of a data list is called in messages. */
export const ENTRY_NOUN: Record<DataKind, string> = {
  videos: 'video',
  audio: 'audio file',
  pdfs: 'PDF',
  text: 'text file',
  images: 'image',
  nifti: 'NIfTI file',
  image_groups: 'image group',
  dicom_series: 'DICOM series'
}

/** The same, with its article: "an image group", "a DICOM series". */
export const ENTRY_NOUN_WITH_ARTICLE: Record<DataKind, string> = {
  videos: 'a video',
  audio: 'an audio file',
  pdfs: 'a PDF',
  text: 'a text file',
  images: 'an image',
  nifti: 'a NIfTI file',
  image_groups: 'an image group',
  dicom_series: 'a DICOM series'
}

export const OBJECT_URL = 'objectUrl'
export const TITLE = 'title'
export const CREATE_VIDEO = 'createVideo'
export const CLIENT_METADATA = 'clientMetadata'

/** `objectUrl_<position>`, position written without leading zeros. */
const NUMBERED_URL_KEY = /^objectUrl_(0|[1-9][0-9]*)$/

/** The position of a numbered URL key, or undefined when the key is not one. */
export function numberedUrlPosition(key: string): number | undefined {
  const match = NUMBERED_URL_KEY.exec(key)
  return match?.[1] === undefined ? undefined : Number(match[1])
}

export type MetadataKey =
  'videoMetadata' | 'audioMetadata' | 'pdfMetadata' | 'textMetadata' | 'imageMetadata'

/**
 * The media metadata object each kind accepts. `imageMetadata` is not in the guide (it only
 * mentions that images can carry metadata); its fields come from the SDK's
 * `CustomerProvidedImageMetadata`.
 */
export const METADATA_KEY_BY_KIND: Partial<Record<DataKind, MetadataKey>> = {
  videos: 'videoMetadata',
  audio: 'audioMetadata',
  pdfs: 'pdfMetadata',
  text: 'textMetadata',
  images: 'imageMetadata'
}

/** Entry keys each kind knows, besides numbered URLs. */
export function knownEntryKeys(kind: DataKind): string[] {
  if (kind === 'image_groups') return [TITLE, CREATE_VIDEO, CLIENT_METADATA]
  if (kind === 'dicom_series') return [TITLE, CLIENT_METADATA]
  const metadataKey = METADATA_KEY_BY_KIND[kind]
  return metadataKey
    ? [OBJECT_URL, TITLE, CLIENT_METADATA, metadataKey]
    : [OBJECT_URL, TITLE, CLIENT_METADATA]
}

export type MetadataFieldType = 'positive-number' | 'positive-integer' | 'string'

export interface MetadataField {
  /** The spelling the guide uses (snake_case for video metadata, camelCase for PDF metadata). */
  name: string
  /**
   * The other spelling Encord accepts, if any. The SDK's DTOs set `alias_generator=snake_to_camel`
   * with `allow_population_by_field_name`, so `file_size` and `fileSize` name the same field;
   * that is why the guide itself mixes them (`fileSize` next to `mime_type`).
   */
  alias?: string
  type: MetadataFieldType
}

const fileSize = (name: 'file_size' | 'fileSize'): MetadataField => ({
  name,
  alias: name === 'file_size' ? 'fileSize' : 'file_size',
  type: 'positive-integer'
})
const mimeType: MetadataField = { name: 'mime_type', alias: 'mimeType', type: 'string' }
const width: MetadataField = { name: 'width', type: 'positive-integer' }
const height: MetadataField = { name: 'height', type: 'positive-integer' }
const duration: MetadataField = { name: 'duration', type: 'positive-number' }

/**
 * Fields of each media metadata object. All are required: Encord uses the values instead of
 * reading the file ("without performing any additional validation"), and the SDK declares none of
 * them optional. Numbers must be positive, and counts, sizes and pixels whole, because the SDK
 * types them `int`. Audio fields follow the SDK's `CustomerProvidedAudioMetadata`, image fields
 * its `CustomerProvidedImageMetadata`.
 */
export const METADATA_FIELDS: Record<MetadataKey, readonly MetadataField[]> = {
  videoMetadata: [
    { name: 'fps', type: 'positive-number' },
    duration,
    width,
    height,
    fileSize('file_size'),
    mimeType
  ],
  audioMetadata: [
    duration,
    fileSize('file_size'),
    mimeType,
    { name: 'sample_rate', alias: 'sampleRate', type: 'positive-integer' },
    { name: 'bit_depth', alias: 'bitDepth', type: 'positive-integer' },
    { name: 'codec', type: 'string' },
    { name: 'num_channels', alias: 'numChannels', type: 'positive-integer' }
  ],
  pdfMetadata: [
    fileSize('fileSize'),
    { name: 'numPages', alias: 'num_pages', type: 'positive-integer' }
  ],
  textMetadata: [fileSize('fileSize'), mimeType],
  imageMetadata: [mimeType, fileSize('file_size'), width, height]
}
