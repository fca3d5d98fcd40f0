import { FILE_ALLOWED_TYPES, type FileMimeType } from '@corridor/contracts';
import { fileTypeFromBuffer } from 'file-type';

/**
 * What a file IS, from its bytes (file-type reads the magic numbers and, for Office files, the
 * zip's entries), or null when it is not one of the allowed types. The name and the type the
 * client declared are never trusted: an .exe or an HTML page renamed to .pdf is refused.
 */
export async function detectAllowedType(content: Buffer): Promise<FileMimeType | null> {
  const found = await fileTypeFromBuffer(content);
  if (!found) return null;
  return found.mime in FILE_ALLOWED_TYPES ? (found.mime as FileMimeType) : null;
}
