/** A zip of stored entries (path → bytes). */
export function writeZip(files: Map<string, Buffer>): Buffer
