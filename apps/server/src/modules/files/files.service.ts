import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  type Attachment,
  FILE_ALLOWED_TYPES,
  type FileLinkType,
  type StoredFile,
} from '@corridor/contracts';
import type { Transaction } from 'kysely';
import { writeAudit, writeAuditAlone } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import type { Database } from '../../core/db/schema';
import { AppError, fieldError } from '../../core/errors';
import { detectAllowedType } from '../../core/files/detect';
import { fileStoreFor } from '../../core/files/store';
import * as repo from './files.repo';

/**
 * Uploaded files for every module: upload (type from the content, SM3 digest, audited),
 * attaching to a record inside the record's own transaction, and opening for download once the
 * caller (files.access.ts) has checked the owning record's policy.
 */

/** A display name: the last path segment, without control or bidi-override characters. */
export function displayName(raw: string, mime: keyof typeof FILE_ALLOWED_TYPES): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const clean = last.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const name = clean.replace(/^\.+/, '').slice(0, 200);
  return name || `file.${FILE_ALLOWED_TYPES[mime]}`;
}

export function presentFile(row: repo.FileRow): StoredFile {
  return {
    id: row.id,
    name: row.originalName,
    mimeType: row.mimeType,
    sizeBytes: Number(row.sizeBytes),
    sm3: row.sm3,
    createdAt: row.createdAt,
  };
}

export function attachmentOf(row: repo.FileRow): Attachment {
  return {
    fileId: row.id,
    name: row.originalName,
    sizeBytes: Number(row.sizeBytes),
    mimeType: row.mimeType,
  };
}

export async function uploadFile(
  ctx: Ctx,
  input: { content: Buffer; filename: string },
): Promise<StoredFile> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  const mime = await detectAllowedType(input.content);
  if (!mime) throw fieldError('file', 'file.type_not_allowed');
  const sm3 = createHash('sm3').update(input.content).digest('hex');
  const store = fileStoreFor(ctx.deps);
  const key = await store.put(input.content);
  const name = displayName(input.filename, mime);
  try {
    const id = await ctx.deps.db.transaction().execute(async (trx) => {
      const newId = await repo.insertFile(trx, {
        ownerOrgId: actor.orgId,
        uploadedBy: actor.id,
        originalName: name,
        mimeType: mime,
        sizeBytes: input.content.length,
        sm3,
        storageKey: key,
        createdAt: new Date().toISOString(),
        linkedType: null,
        linkedId: null,
      });
      await writeAudit(trx, ctx, {
        action: 'file.upload',
        objectType: 'file',
        objectId: newId,
        regionCode: actor.regionCode,
        detail: { mimeType: mime, sizeBytes: input.content.length, sm3 },
      });
      return newId;
    });
    return presentFile((await repo.findFile(ctx.deps.db, id))!);
  } catch (error) {
    await store.delete(key); // no row, no bytes
    throw error;
  }
}

/**
 * Sets the files of a record to exactly `fileIds` (replace) or adds them (append), inside the
 * record's transaction. Each new file must be the actor's organisation's and unattached;
 * files dropped from the list become unattached again (the uploader still has them).
 * Answers the record's attachments in the order given.
 */
export async function attachFilesInTrx(
  trx: Transaction<Database>,
  ctx: Ctx,
  link: { type: FileLinkType; id: number; regionCode: string },
  fileIds: number[],
  /** `field(i)`: the request field naming the i-th file, for a refusal's details. */
  options: { field: (i: number) => string; mode: 'replace' | 'append' },
): Promise<Attachment[]> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  const rows = await repo.findFiles(trx, fileIds);
  const byId = new Map(rows.map((r) => [r.id, r]));
  fileIds.forEach((fileId, i) => {
    const row = byId.get(fileId);
    const onThis = row?.linkedType === link.type && row?.linkedId === link.id;
    const usable = row && row.ownerOrgId !== null && row.ownerOrgId === actor.orgId;
    if (!row || !(onThis || (usable && row.linkedType === null)))
      throw fieldError(options.field(i), 'file.not_yours');
  });
  const current = await repo.filesLinkedTo(trx, link.type, link.id);
  const dropped =
    options.mode === 'replace'
      ? current.filter((r) => !fileIds.includes(r.id)).map((r) => r.id)
      : [];
  const added = fileIds.filter((id) => !current.some((r) => r.id === id));
  await repo.unlinkFiles(trx, dropped);
  const linked = await repo.linkFiles(trx, added, link.type, link.id);
  // Another request attached one of them meanwhile: refuse rather than share a file.
  if (linked !== added.length) throw fieldError(options.field(0), 'file.not_yours');
  if (added.length > 0 || dropped.length > 0)
    await writeAudit(trx, ctx, {
      action: 'file.attach',
      objectType: link.type,
      objectId: link.id,
      regionCode: link.regionCode,
      detail: { added, dropped },
    });
  const kept = options.mode === 'append' ? current.map((r) => r.id) : [];
  const order = [...kept, ...fileIds.filter((id) => !kept.includes(id))];
  return order.map((id) => attachmentOf(byId.get(id) ?? current.find((r) => r.id === id)!));
}

/** The files attached to a record, oldest first. */
export async function attachmentsOf(ctx: Ctx, type: FileLinkType, id: number) {
  return (await repo.filesLinkedTo(ctx.deps.db, type, id)).map(attachmentOf);
}

export async function findFileRow(ctx: Ctx, id: number) {
  return repo.findFile(ctx.deps.db, id);
}

/** The bytes of a file the caller has been allowed to read; the download is audited. */
export async function openFile(
  ctx: Ctx,
  row: repo.FileRow,
): Promise<{ file: StoredFile; stream: Readable }> {
  const stream = await fileStoreFor(ctx.deps).get(row.storageKey);
  if (!stream) throw new AppError('file.not_found');
  await writeAuditAlone(ctx, {
    action: 'file.download',
    objectType: 'file',
    objectId: row.id,
    regionCode: ctx.actor?.regionCode ?? null,
    detail: { linkedType: row.linkedType, linkedId: row.linkedId, sm3: row.sm3 },
  });
  return { file: presentFile(row), stream };
}
