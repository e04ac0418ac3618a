import { Busboy, type BusboyFileStream } from '@fastify/busboy';
import { AppError } from '../../../shared/errors.ts';

/** The largest CSV body taken (a 100,000-row file is about 6 MB). */
export const MAX_BATCH_BYTES = 32 * 1024 * 1024;
/** How much of a refused body is read and thrown away so the refusal reaches the client; past it, the connection closes. */
const DRAIN_MAX_BYTES = 4 * MAX_BATCH_BYTES;

const tooLarge = () =>
  new AppError('TOO_LARGE', `The file is over ${MAX_BATCH_BYTES / 1024 / 1024} MB. Split it into smaller files and upload each.`);
const fileRefused = (msg: string) => new AppError('VALIDATION_FAILED', msg, [{ loc: ['body', 'file'], msg, type: 'file' }]);

/**
 * A request body read chunk by chunk, counted against MAX_BATCH_BYTES, never
 * held whole. When the upload is refused part-way, `drain` reads the rest
 * and discards it, so the client (which is still sending) gets the answer
 * instead of a reset connection.
 */
export class UploadBody {
  #reader: ReadableStreamDefaultReader<Uint8Array> | null;
  bytes = 0;
  done = false;

  constructor(body: ReadableStream<Uint8Array> | null, declaredLength: number | null) {
    this.#reader = body?.getReader() ?? null;
    if (!this.#reader) this.done = true;
    // Known too large from the start: read nothing, just drain.
    if (declaredLength !== null && declaredLength > MAX_BATCH_BYTES) this.bytes = declaredLength;
  }

  get overLimit() {
    return this.bytes > MAX_BATCH_BYTES;
  }

  /** The next chunk, or null at the end. Throws TOO_LARGE past the limit. */
  async next(): Promise<Uint8Array | null> {
    if (this.overLimit) throw tooLarge();
    if (this.done || !this.#reader) return null;
    const { done, value } = await this.#reader.read();
    if (done) {
      this.done = true;
      return null;
    }
    this.bytes += value.byteLength;
    if (this.overLimit) throw tooLarge();
    return value;
  }

  /** Reads the rest and drops it; false when it was too much to read (the caller closes the connection). */
  async drain(): Promise<boolean> {
    let read = 0;
    while (!this.done && this.#reader) {
      const { done, value } = await this.#reader.read();
      if (done) this.done = true;
      else read += value.byteLength;
      if (read > DRAIN_MAX_BYTES) {
        await this.#reader.cancel().catch(() => {});
        return false;
      }
    }
    return true;
  }
}

export interface UploadedFile {
  name: string | null;
  /** The file's bytes as they arrive. */
  chunks: AsyncIterable<Uint8Array>;
}

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel'];

/**
 * The CSV of a request: the body itself (`text/csv`), or the multipart field
 * `file` streamed through busboy (the other parts are skipped).
 */
export function uploadedFile(body: UploadBody, headers: Headers): UploadedFile {
  const type = (headers.get('content-type') ?? '').toLowerCase();
  const mediaType = type.split(';')[0]?.trim() ?? '';
  if (mediaType === 'multipart/form-data') return multipartFile(body, headers);
  if (CSV_TYPES.includes(mediaType)) {
    const name = headers.get('x-file-name');
    return { name: name ? decodeURIComponent(name).slice(0, 255) : null, chunks: bodyChunks(body) };
  }
  throw new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    'Send the CSV as the body with Content-Type text/csv, or as multipart/form-data in the field “file”',
  );
}

async function* bodyChunks(body: UploadBody) {
  for (let chunk = await body.next(); chunk !== null; chunk = await body.next()) yield chunk;
}

/** The multipart field `file`, as a stream of its bytes: the body is fed to busboy only as fast as the file is read. */
function multipartFile(body: UploadBody, headers: Headers): UploadedFile {
  const busboy = new Busboy({
    headers: { 'content-type': headers.get('content-type') ?? '' },
    limits: { files: 1, fields: 20, fieldSize: 64 * 1024, fileSize: MAX_BATCH_BYTES },
  });
  const state: { file: BusboyFileStream | null; name: string | null; ended: boolean; error: Error | null } = {
    file: null,
    name: null,
    ended: false,
    error: null,
  };
  busboy.on('file', (field: string, stream: BusboyFileStream, filename: string) => {
    if (field !== 'file' || state.file) {
      stream.resume();
      return;
    }
    state.file = stream;
    state.name = filename ? filename.slice(0, 255) : null;
    stream.on('end', () => (state.ended = true));
  });
  busboy.on('error', (err: unknown) => (state.error = err instanceof Error ? err : new Error(String(err))));
  const result: UploadedFile = {
    get name() {
      return state.name;
    },
    chunks: (async function* () {
      let fed = false;
      let idle = 0;
      while (true) {
        if (state.error) throw fileRefused(`The multipart body could not be read: ${state.error.message}`);
        const file = state.file;
        if (file) {
          for (let c: Buffer | null = file.read(); c !== null; c = file.read())
            yield new Uint8Array(c.buffer, c.byteOffset, c.byteLength);
          if (state.ended) return;
        }
        if (fed) {
          // The body is all in: let busboy's last events run, then it either ended the file or there was none.
          await new Promise((r) => setImmediate(r));
          if (!state.file) throw fileRefused('Send the CSV in the multipart field “file”');
          // A file part that never ends once the body has: busboy reports that as an error within a few turns.
          if (++idle > 1000) throw fileRefused('The multipart body ended in the middle of the file');
          continue;
        }
        const chunk = await body.next();
        if (chunk === null) {
          busboy.end();
          fed = true;
        } else busboy.write(chunk);
      }
    })(),
  };
  return result;
}
