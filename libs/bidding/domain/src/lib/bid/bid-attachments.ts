import { BiddingRuleBroken } from '../bidding.errors';

// Bid documents: PDFs, Word documents and spreadsheets. A type is accepted only when the declared
// content type is on the allow-list AND the file's own bytes carry that format's signature, so a
// renamed executable or a script with a `.pdf` name is refused whatever the browser claims.

export const PDF = 'application/pdf';
export const WORD_97 = 'application/msword';
export const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const EXCEL_97 = 'application/vnd.ms-excel';
export const EXCEL = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ODF_TEXT = 'application/vnd.oasis.opendocument.text';
export const ODF_SPREADSHEET = 'application/vnd.oasis.opendocument.spreadsheet';

/** Declared content type -> what a person calls it (for error messages). */
export const ALLOWED_ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  [PDF]: 'PDF',
  [WORD_97]: 'Word 97-2003 document (.doc)',
  [WORD]: 'Word document (.docx)',
  [EXCEL_97]: 'Excel 97-2003 workbook (.xls)',
  [EXCEL]: 'Excel workbook (.xlsx)',
  [ODF_TEXT]: 'OpenDocument text (.odt)',
  [ODF_SPREADSHEET]: 'OpenDocument spreadsheet (.ods)',
};

/** The default cap; the platform config (`MAX_ATTACHMENT_BYTES`) may change it. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_BID = 20;
const MAX_FILE_NAME_LENGTH = 200;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const u16 = (bytes: Uint8Array, at: number): number => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
const u32 = (bytes: Uint8Array, at: number): number => (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;

const decodeAscii = (bytes: Uint8Array, from: number, length: number): string => String.fromCharCode(...bytes.subarray(from, from + length));

/** The names in a ZIP archive's central directory, or null when the bytes are not a well-formed archive. */
export const zipEntryNames = (bytes: Uint8Array): string[] | null => {
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return null;
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const entries = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const names: string[] = [];
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null;
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(decodeAscii(bytes, at + 46, nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
};

// An OpenDocument file starts with an uncompressed `mimetype` entry holding its media type.
const odfMediaType = (bytes: Uint8Array): string | null => {
  if (!startsWith(bytes, ascii('mimetype'), 30)) return null;
  const length = u32(bytes, 18);
  return length > 0 && length < 100 ? decodeAscii(bytes, 38, length) : null;
};

/**
 * The document type the bytes themselves show, from their signature: `%PDF-`; the OLE2 compound file
 * of Word/Excel 97-2003 (both formats share the container, so either declared type is accepted for it);
 * a ZIP whose entries make it a Word (`word/document.xml`) or Excel (`xl/workbook.xml`) file, or an
 * OpenDocument file by its `mimetype` entry. Null for anything else.
 */
export const detectDocumentTypes = (bytes: Uint8Array): readonly string[] => {
  if (startsWith(bytes, ascii('%PDF-'))) return [PDF];
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return [WORD_97, EXCEL_97];
  const odf = odfMediaType(bytes);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && (odf === ODF_TEXT || odf === ODF_SPREADSHEET)) return [odf];
  const names = zipEntryNames(bytes);
  if (names === null) return [];
  if (names.includes('word/document.xml')) return [WORD];
  if (names.includes('xl/workbook.xml')) return [EXCEL];
  return [];
};

/** What the application learnt of an uploaded file before it is attached. */
export interface AttachmentFile {
  readonly fileName: string;
  /** As the uploader declared it. */
  readonly contentType: string;
  readonly sizeBytes: number;
  /** Lower-case hex SHA-256 of the bytes. */
  readonly sha256: string;
  /** What the bytes' signature shows (`detectDocumentTypes`). */
  readonly detectedContentTypes: readonly string[];
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
// Control characters and path separators have no place in a file name shown to others and used on download.
const isUnsafeFileName = (name: string): boolean => [...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || c === '/' || c === '\\');

const sizeOf = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB` : `${Math.ceil(bytes / 1024)} KiB`;

/** The rules every attached file meets, whichever decider asks; the file name comes back trimmed. */
export const assertAcceptableAttachment = (file: AttachmentFile, maxBytes: number): string => {
  const fileName = file.fileName.trim();
  if (fileName === '' || fileName.length > MAX_FILE_NAME_LENGTH || isUnsafeFileName(fileName) || fileName === '.' || fileName === '..') {
    throw new BiddingRuleBroken('ATTACHMENT_NAME_INVALID', `Give the file a name of 1 to ${MAX_FILE_NAME_LENGTH} characters without slashes or control characters`);
  }
  if (file.sizeBytes === 0) throw new BiddingRuleBroken('ATTACHMENT_EMPTY', `${fileName} is empty`, { fileName });
  if (file.sizeBytes > maxBytes) {
    throw new BiddingRuleBroken('ATTACHMENT_TOO_LARGE', `${fileName} is ${sizeOf(file.sizeBytes)}; a bid document may be at most ${sizeOf(maxBytes)}`, {
      fileName,
      sizeBytes: file.sizeBytes,
      maxBytes,
    });
  }
  const allowed = ALLOWED_ATTACHMENT_TYPES[file.contentType];
  if (allowed === undefined) {
    throw new BiddingRuleBroken(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      `${fileName} is ${file.contentType || 'of no stated type'}; attach a ${Object.values(ALLOWED_ATTACHMENT_TYPES).join(', ')}`,
      { fileName, contentType: file.contentType },
    );
  }
  if (!file.detectedContentTypes.includes(file.contentType)) {
    throw new BiddingRuleBroken('ATTACHMENT_CONTENT_DOES_NOT_MATCH_TYPE', `${fileName} is said to be a ${allowed}, but its content is not one`, {
      fileName,
      contentType: file.contentType,
    });
  }
  if (!SHA256_HEX.test(file.sha256)) throw new Error(`Attachment hash must be lower-case hex SHA-256, got ${file.sha256}`);
  return fileName;
};
