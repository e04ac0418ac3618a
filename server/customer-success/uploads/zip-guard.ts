import { inflateRawSync } from 'node:zlib';
import { MAX_UNPACKED_BYTES } from '../../../shared/customer-success/uploads/layout.ts';

const NOT_XLSX = 'The file is not an Excel workbook (.xlsx)';
const DAMAGED = 'The workbook is damaged (its zip directory is broken)';
const TOO_BIG = `The workbook unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB; that is not a KPI workbook`;

/** A zip entry as its central-directory record describes it. */
interface Entry {
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeader: number;
}

/**
 * Refuses, before exceljs sees it, a file that is not a zip, a damaged one,
 * one with absurdly many entries, and a zip bomb. The declared sizes are
 * checked first (cheap), then every entry is really inflated under what is
 * left of MAX_UNPACKED_BYTES (zlib's maxOutputLength stops it there), so a
 * directory that lies about sizes cannot get a bomb through. An .xlsx is at
 * most a few MB unpacked, so inflating it twice costs milliseconds.
 * Returns the reason to refuse, or null.
 */
export function zipRefusal(bytes: Uint8Array): string | null {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return NOT_XLSX;
  const entries = directory(bytes);
  if (typeof entries === 'string') return entries;
  let declared = 0;
  for (const e of entries) {
    declared += e.declaredSize;
    if (declared > MAX_UNPACKED_BYTES) return TOO_BIG;
  }
  return inflatedRefusal(bytes, entries);
}

function directory(bytes: Uint8Array): Entry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return `${NOT_XLSX}, or it is damaged (no zip directory)`;
  const count = view.getUint16(end + 10, true);
  if (count > 10_000) return 'The workbook has too many parts to be a KPI workbook';
  const out: Entry[] = [];
  let at = view.getUint32(end + 16, true);
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return DAMAGED;
    out.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localHeader: view.getUint32(at + 42, true),
    });
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

function inflatedRefusal(bytes: Uint8Array, entries: readonly Entry[]): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let budget = MAX_UNPACKED_BYTES;
  for (const e of entries) {
    const h = e.localHeader;
    if (h + 30 > bytes.length || view.getUint32(h, true) !== 0x04034b50) return DAMAGED;
    const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
    if (start + e.compressedSize > bytes.length) return DAMAGED;
    const data = bytes.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      budget -= data.length;
    } else if (e.method === 8) {
      try {
        budget -= inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return TOO_BIG;
        return DAMAGED.replace('zip directory', 'compressed data');
      }
    } else {
      return `${NOT_XLSX}: it uses a zip compression method Excel does not write`;
    }
    if (budget < 0) return TOO_BIG;
  }
  return null;
}
