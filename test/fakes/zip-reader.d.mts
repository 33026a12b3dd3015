/** Files of a zip (path → bytes) read from its central directory; stored or deflated entries. */
export function readZip(zip: Buffer): Map<string, Buffer>
/** CRC-32 (IEEE) of the bytes. */
export function crc32(bytes: Buffer): number
