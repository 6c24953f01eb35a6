/**
 * Recognise an upload by its content, never by its name: PDF, JPEG, PNG and OFD (GB/T 33190, a ZIP package
 * whose root holds OFD.xml) are accepted; anything else is refused.
 */
export type AcceptedMime = 'application/pdf' | 'image/jpeg' | 'image/png' | 'application/ofd';

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

function zipHasRootEntry(buf: Buffer, name: string): boolean {
  // Walk the local file headers (PK\x03\x04): name length at +26, extra length at +28, name at +30.
  let offset = 0;
  for (let guard = 0; guard < 10_000 && offset + 30 <= buf.length; guard++) {
    if (buf.readUInt32LE(offset) !== 0x04034b50) break;
    const flags = buf.readUInt16LE(offset + 6);
    const compressedSize = buf.readUInt32LE(offset + 18);
    const nameLen = buf.readUInt16LE(offset + 26);
    const extraLen = buf.readUInt16LE(offset + 28);
    const entry = buf.toString('utf8', offset + 30, offset + 30 + nameLen);
    if (entry === name) return true;
    if (flags & 0x08) break; // sizes in a trailing data descriptor: fall back to a scan below
    offset += 30 + nameLen + extraLen + compressedSize;
  }
  // Fallback: the central directory names every entry.
  return buf.includes(Buffer.from(`${name}`)) && buf.includes(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
}

export function sniffMime(buf: Buffer): AcceptedMime | null {
  if (buf.length < 8) return null;
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) && zipHasRootEntry(buf, 'OFD.xml')) return 'application/ofd';
  return null;
}

export const EXTENSION: Record<AcceptedMime, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/ofd': 'ofd',
};
