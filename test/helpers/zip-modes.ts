/**
 * Each entry's Unix mode in a zip, read from its central directory (the
 * upper 16 bits of the external attributes), by entry name.
 */
export const zipModes = (zip: Buffer): Map<string, number> => {
  const modes = new Map<string, number>();
  for (let at = 0; at + 46 <= zip.length; at++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) continue;
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    modes.set(name, zip.readUInt32LE(at + 38) >>> 16);
    at += 45 + nameLength;
  }
  return modes;
};
