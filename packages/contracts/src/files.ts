import { z } from 'zod';

/**
 * Stored files (uploads): one store for every module. The type is what the CONTENT is (magic
 * bytes), never the name or the client's claim; the name is kept for display only.
 */
export const FILE_MAX_BYTES = 20 * 1024 * 1024;

/** Content types accepted, by what the bytes are: PDF, images, Office documents. */
export const FILE_ALLOWED_TYPES = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
} as const;
export type FileMimeType = keyof typeof FILE_ALLOWED_TYPES;

/** Which kind of record a file is attached to (null while unattached). */
export const FILE_LINK_TYPES = ['market_achievement', 'deal'] as const;
export type FileLinkType = (typeof FILE_LINK_TYPES)[number];

export const StoredFileSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sm3: z.string(),
  createdAt: z.string(),
});
export type StoredFile = z.infer<typeof StoredFileSchema>;

/** A reference to an uploaded file, as a record's attachment list sends it. */
export const FileRefInputSchema = z.strictObject({ fileId: z.number().int().min(1) });

export const AttachScanSchema = z.strictObject({ fileId: z.number().int().min(1) });

/**
 * An attachment as stored on a record and shown: the uploaded file's id (null for metadata
 * filed before uploads existed) and its display facts, copied from the file when attached.
 */
export const AttachmentSchema = z.object({
  fileId: z.number().int().nullable(),
  name: z.string(),
  sizeBytes: z.number(),
  mimeType: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;
