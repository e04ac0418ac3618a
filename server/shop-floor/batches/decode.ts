import { AppError } from '../../../shared/errors.ts';

const refused = (msg: string) => new AppError('VALIDATION_FAILED', msg, [{ loc: ['body', 'file'], msg, type: 'encoding' }]);
const SAVE_AS = 'Save it as “CSV UTF-8” and upload it again.';

/** The line of the first byte in `chunk` that is not UTF-8 (it decodes to U+FFFD when not fatal), counting from `line`. */
function lineOfBadByte(chunk: Uint8Array, line: number): number {
  const text = new TextDecoder('utf-8').decode(chunk);
  const bad = text.indexOf('\uFFFD');
  return line + (text.slice(0, Math.max(bad, 0)).match(/\n/g)?.length ?? 0);
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * A CSV's bytes as UTF-8 text, chunk by chunk. A UTF-8 byte order mark is
 * accepted (and dropped); UTF-16 (by its mark, or the NUL bytes every other
 * byte of it is for Latin text), other binary, and bytes that are not UTF-8
 * (Latin-1 or Windows-1252 accents, say) are refused, naming the line.
 */
export async function* utf8Text(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  // fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let line = 1;
  for await (const chunk of chunks) {
    if (chunk.byteLength === 0) continue;
    if (first) {
      first = false;
      if (startsWith(chunk, [0xff, 0xfe]) || startsWith(chunk, [0xfe, 0xff])) {
        throw refused(`The file is UTF-16 text, not UTF-8. ${SAVE_AS}`);
      }
    }
    if (chunk.includes(0)) {
      throw refused(`The file has NUL bytes near line ${line}: it is UTF-16 or binary, not UTF-8 text. ${SAVE_AS}`);
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const at = lineOfBadByte(chunk, line);
      throw refused(
        `The file is not UTF-8 text: bytes on line ${at} are not valid UTF-8 (Latin-1 or Windows-1252, perhaps). ${SAVE_AS}`,
      );
    }
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw refused(`The file is not UTF-8 text: it ends in the middle of a character. ${SAVE_AS}`);
  }
}
