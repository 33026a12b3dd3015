// A minimal zip reader, so tests can assert the bytes that @actions/artifact uploaded. The
// client zips with archiver, which streams entries and writes their sizes and CRCs after the
// data (general purpose flag bit 3), so the local headers cannot be trusted: everything is read
// from the central directory. Stored (0) and deflated (8) entries only; no zip64, no encryption.
import { inflateRawSync } from 'node:zlib'

const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50
const LOCAL_FILE_HEADER = 0x04034b50
const ZIP64_MARKER = 0xffffffff

/**
 * @param {Buffer} zip
 * @returns {Map<string, Buffer>} file path inside the archive → content (directories omitted)
 */
export function readZip(zip) {
  const end = findEndOfCentralDirectory(zip)
  const entryCount = zip.readUInt16LE(end + 10)
  let offset = zip.readUInt32LE(end + 16)
  /** @type {Map<string, Buffer>} */
  const files = new Map()

  for (let index = 0; index < entryCount; index++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new Error(`zip: central directory entry ${index} has a bad signature`)
    }
    const method = zip.readUInt16LE(offset + 10)
    const crc = zip.readUInt32LE(offset + 16)
    const compressedSize = zip.readUInt32LE(offset + 20)
    const size = zip.readUInt32LE(offset + 24)
    const nameLength = zip.readUInt16LE(offset + 28)
    const extraLength = zip.readUInt16LE(offset + 30)
    const commentLength = zip.readUInt16LE(offset + 32)
    const localOffset = zip.readUInt32LE(offset + 42)
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength)
    offset += 46 + nameLength + extraLength + commentLength

    if ([compressedSize, size, localOffset].includes(ZIP64_MARKER)) {
      throw new Error(`zip: entry ${name} needs zip64, which this reader does not support`)
    }
    if (name.endsWith('/')) continue

    const data = entryData(zip, localOffset, compressedSize, name)
    const content = inflate(method, data, name)
    if (content.length !== size) {
      throw new Error(`zip: ${name} is ${content.length} bytes, the directory says ${size}`)
    }
    if (crc32(content) !== crc) throw new Error(`zip: ${name} fails its CRC-32 check`)
    files.set(name, content)
  }
  return files
}

/** @param {Buffer} zip */
function findEndOfCentralDirectory(zip) {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const earliest = Math.max(0, zip.length - 22 - 0xffff)
  for (let offset = zip.length - 22; offset >= earliest; offset--) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset
  }
  throw new Error('zip: no end-of-central-directory record (not a zip, or truncated)')
}

/**
 * @param {Buffer} zip
 * @param {number} localOffset
 * @param {number} compressedSize
 * @param {string} name
 */
function entryData(zip, localOffset, compressedSize, name) {
  if (zip.readUInt32LE(localOffset) !== LOCAL_FILE_HEADER) {
    throw new Error(`zip: local header of ${name} has a bad signature`)
  }
  const start =
    localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28)
  return zip.subarray(start, start + compressedSize)
}

/**
 * @param {number} method
 * @param {Buffer} data
 * @param {string} name
 */
function inflate(method, data, name) {
  if (method === 0) return Buffer.from(data)
  if (method === 8) return inflateRawSync(data)
  throw new Error(
    `zip: ${name} uses compression method ${method}; only stored and deflate are read`
  )
}

/** @type {Uint32Array | undefined} */
let crcTable

/** CRC-32 (IEEE), as zip stores it; zlib.crc32 only arrived in Node 22. @param {Buffer} bytes */
export function crc32(bytes) {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  let crc = 0xffffffff
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
