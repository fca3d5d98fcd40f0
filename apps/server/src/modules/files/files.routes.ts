import { FILE_MAX_BYTES, IdParamSchema, StoredFileSchema } from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors';
import { allow } from '../../core/http/access';
import { requireReadable } from './files.access';
import { findFileRow, openFile, uploadFile } from './files.service';

const tags = ['files'];
/** Users who attach files to records (achievements, contracts); others have nothing to attach. */
const UPLOADERS = allow.roles('enterprise', 'university', 'investor', 'broker');

/** RFC 6266 / RFC 5987: an ASCII fallback and the real (UTF-8) name. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Upload (the file is the uploader's until attached) and download (the record's policy). */
export const filesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/files',
    {
      config: { access: UPLOADERS, rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: { tags, consumes: ['multipart/form-data'], response: { 201: StoredFileSchema } },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('request.unsupported_media');
      const file = await request.file({
        limits: { fileSize: FILE_MAX_BYTES, files: 1, fields: 5, parts: 6 },
        throwFileSizeLimit: true,
      });
      if (!file) throw new AppError('file.no_file');
      let content: Buffer;
      try {
        content = await file.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError('file.too_large');
        throw error;
      }
      const stored = await uploadFile(request.ctx, { content, filename: file.filename });
      return reply.status(201).send(stored);
    },
  );

  app.get(
    '/files/:id',
    { config: { access: allow.signedIn }, schema: { tags, params: IdParamSchema } },
    async (request, reply) => {
      const row = await requireReadable(
        request.ctx,
        await findFileRow(request.ctx, request.params.id),
      );
      const { file, stream } = await openFile(request.ctx, row);
      return reply
        .type(file.mimeType)
        .header('content-length', String(file.sizeBytes))
        .header('content-disposition', contentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('x-file-sm3', file.sm3)
        .send(stream);
    },
  );
};
