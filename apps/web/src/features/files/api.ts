import type { StoredFile } from '@corridor/contracts';
import { request } from '../../app/api';

/** Uploads one file (the server judges its type by the content); answers the stored file. */
export async function uploadFile(file: File): Promise<StoredFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await request('POST', '/api/v1/files', { body: form });
  return (await res.json()) as StoredFile;
}

/** The download address: a plain link (the session cookie goes with it; the server decides). */
export const fileUrl = (id: number) => `/api/v1/files/${id}`;
