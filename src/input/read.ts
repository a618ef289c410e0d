/**
 * Reading a document's bytes and turning them into text: one read, one decode. Handles the encodings
 * Terraform JSON actually arrives in (UTF-8 with or without BOM; UTF-16 from PowerShell's `>`).
 */
import { readFile } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { InputError } from './document.js';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads the whole file as a Buffer, mapping filesystem errors to one-line InputErrors. */
export async function readDocumentBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new InputError(describeFsError(error), path);
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read file: permission denied';
    case 'EISDIR':
      return 'is a directory, expected a JSON file';
    default:
      return `cannot read file: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Decodes the bytes to a string, refusing binary data with a message that says what was found. */
export function decodeDocument(bytes: Buffer, path: string): string {
  if (bytes.length === 0) throw new InputError('empty file, expected a Terraform plan or state in JSON', path);
  const utf16 = detectUtf16(bytes);
  if (utf16) return requireContent(toStringOrRefuse(() => decodeUtf16(bytes, utf16.littleEndian, utf16.bomLength), bytes.length, path), path);
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new InputError('this is a binary Terraform plan file; convert it first with `terraform show -json <planfile> > plan.json`', path);
  }
  if (!isUtf8(bytes) || hasNulByte(bytes)) {
    throw new InputError('not a text file: found binary data, expected a Terraform plan or state in JSON', path);
  }
  const text = toStringOrRefuse(() => bytes.toString('utf8'), bytes.length, path);
  return requireContent(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, path);
}

/** V8 caps strings at about 512 MB (UTF-8) / 1 GB (UTF-16); past that, say so instead of crashing. */
function toStringOrRefuse(decode: () => string, byteLength: number, path: string): string {
  try {
    return decode();
  } catch (error) {
    if (error instanceof Error && /string longer than/i.test(error.message)) {
      throw new InputError(`file too large to read (${Math.round(byteLength / 1048576)} MB); the limit is about 500 MB of JSON text`, path);
    }
    throw error;
  }
}

function requireContent(text: string, path: string): string {
  // A regex stops at the first non-space character, unlike trim(), which may copy a 200 MB string.
  if (!/\S/.test(text)) throw new InputError('empty file, expected a Terraform plan or state in JSON', path);
  return text;
}

interface Utf16Layout {
  littleEndian: boolean;
  bomLength: number;
}

/** A BOM decides; without one, a leading `{`/`[` followed (or preceded) by a NUL byte gives UTF-16 away. */
function detectUtf16(bytes: Buffer): Utf16Layout | undefined {
  if (bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { littleEndian: true, bomLength: 2 };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { littleEndian: false, bomLength: 2 };
  }
  if (bytes.length >= 4 && bytes.length % 2 === 0) {
    const isJsonStart = (byte: number | undefined): boolean => byte === 0x7b || byte === 0x5b;
    if (isJsonStart(bytes[0]) && bytes[1] === 0 && bytes[3] === 0) return { littleEndian: true, bomLength: 0 };
    if (bytes[0] === 0 && isJsonStart(bytes[1]) && bytes[2] === 0) return { littleEndian: false, bomLength: 0 };
  }
  return undefined;
}

function decodeUtf16(bytes: Buffer, littleEndian: boolean, bomLength: number): string {
  // An odd trailing byte cannot be half a code unit of valid text; drop it and let JSON.parse judge the rest.
  const evenLength = bytes.length - ((bytes.length - bomLength) % 2);
  const body = bytes.subarray(bomLength, evenLength);
  // The buffer is ours (fresh from readFile), so swapping in place avoids a second 200 MB copy.
  if (!littleEndian) body.swap16();
  return body.toString('utf16le');
}

function hasNulByte(bytes: Buffer): boolean {
  // Valid UTF-8 can still be binary; NUL never occurs in JSON text. Checking the head is enough in practice.
  return bytes.subarray(0, 64 * 1024).includes(0);
}
