import { MAX_UNPACKED_BYTES } from '../../../shared/customer-success/uploads/layout.ts';

/**
 * What the zip's central directory says before anything is unpacked: an
 * .xlsx is a zip, so a file that is not one is refused here, and so is one
 * whose entries would unpack past MAX_UNPACKED_BYTES (a zip bomb) or that
 * has absurdly many entries. Returns the reason to refuse, or null.
 */
export function zipRefusal(bytes: Uint8Array): string | null {
  const notXlsx = 'The file is not an Excel workbook (.xlsx)';
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return notXlsx;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return `${notXlsx}, or it is damaged (no zip directory)`;
  const entries = view.getUint16(end + 10, true);
  const dirOffset = view.getUint32(end + 16, true);
  if (entries > 10_000) return 'The workbook has too many parts to be a KPI workbook';
  let unpacked = 0;
  let at = dirOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      return 'The workbook is damaged (its zip directory is broken)';
    unpacked += view.getUint32(at + 24, true);
    if (unpacked > MAX_UNPACKED_BYTES) {
      return `The workbook unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB; that is not a KPI workbook`;
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return null;
}
