/** Encord's limits and advice for one registration file, as the training guide states them. */

/** "Encord supports file names up to 300 characters in length." */
export const MAX_TITLE_CHARACTERS = 300
/** "URLs can be up to 16 KB in size." Read as 16 × 1024 bytes of UTF-8. */
export const MAX_URL_BYTES = 16 * 1024
/** "Up to 1 million URLs" per JSON file. */
export const MAX_URLS_PER_FILE = 1_000_000
/** "A maximum of 500,000 items (e.g. images, image groups, videos, DICOMs)" per JSON file. */
export const MAX_ITEMS_PER_FILE = 500_000
/** "Encord supports up to 32,767 entries (21:50 minutes) for a single image sequence." */
export const MAX_SEQUENCE_IMAGES = 32_767
/** "We recommend up to 10,000 to 15,000 entries for a single image sequence." */
export const ADVISED_SEQUENCE_IMAGES = 15_000
/** "Limit uploads to 100 videos or up to 1,000 images at a time." */
export const ADVISED_VIDEOS_PER_FILE = 100
export const ADVISED_IMAGES_PER_FILE = 1_000
/**
 * Not Encord's: how deep the checker follows nested JSON. A registration file needs four levels
 * (root, list, entry, metadata) plus whatever `clientMetadata` holds; the JSON parser recurses
 * once per level, and a file nested thousands deep would exhaust the stack. Deeper than this, the
 * file is reported and the rest of it left unchecked.
 */
export const MAX_NESTING_DEPTH = 512
