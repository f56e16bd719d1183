// Bytes or text in, bounded clean text out: UTF-8 decoding that reports invalid bytes, a size cap,
// one line-ending convention, no BOM.
import type { ParseWarning } from './types';

/** Larger than any real page (the biggest is ~40 KB) fifty times over; beyond it we truncate. */
const MAX_INPUT_CHARS = 2 * 1024 * 1024;

function warn(code: string, message: string): ParseWarning {
  return { code, message, line: null, role: null };
}

export function decodeInput(input: string | Buffer | unknown): { text: string; warnings: ParseWarning[] } {
  const warnings: ParseWarning[] = [];
  let text: string;
  if (typeof input === 'string') text = input;
  else if (Buffer.isBuffer(input)) {
    const bytes = input.length > MAX_INPUT_CHARS * 4 ? input.subarray(0, MAX_INPUT_CHARS * 4) : input;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('utf-8').decode(bytes);
      warnings.push(warn('invalid-utf8', 'file is not valid UTF-8; invalid bytes replaced by U+FFFD'));
    }
  } else {
    text = '';
    warnings.push(warn('not-text', 'input is neither a string nor a Buffer'));
  }
  if (text.length > MAX_INPUT_CHARS) {
    warnings.push(warn('too-large', `file has ${text.length} characters; only the first ${MAX_INPUT_CHARS} are read`));
    text = text.slice(0, MAX_INPUT_CHARS);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) {
    warnings.push(warn('binary', 'file contains NUL bytes; it is probably not text'));
    text = text.replace(/\u0000/g, '\uFFFD');
  }
  text = text.replace(/\r\n?/g, '\n');
  return { text, warnings };
}
