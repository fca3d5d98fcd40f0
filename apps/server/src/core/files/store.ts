import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where file contents live. Keys are made by the store (random ids), never from a user's file
 * name or path, so nothing a user sends reaches the file system. The interface is small enough
 * for an S3-compatible store (PutObject / GetObject / DeleteObject on the key) to implement.
 */
export interface FileStore {
  /** Stores the bytes and answers the new key. */
  put(content: Readable | Buffer): Promise<string>;
  /** The stored bytes, or null when the key holds nothing. */
  get(key: string): Promise<Readable | null>;
  delete(key: string): Promise<void>;
}

/** 32 hex characters: 128 random bits. */
const KEY_PATTERN = /^[0-9a-f]{32}$/;

/**
 * Files on local disk under `root` (DATA_DIR/files by default), spread over two directory
 * levels by the key's first characters (ab/cd/abcd…) so no directory grows huge. A file is
 * written under a temporary name and renamed when complete: a reader never sees half a file.
 */
export class DiskFileStore implements FileStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error(`not a file store key: ${JSON.stringify(key)}`);
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(content: Readable | Buffer): Promise<string> {
    const key = randomBytes(16).toString('hex');
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.partial`;
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    try {
      await pipeline(source, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return key;
  }

  async get(key: string): Promise<Readable | null> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch {
      return null;
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

const stores = new WeakMap<object, FileStore>();

/** The store of an installation (one per config object; a disk store unless one was set). */
export function fileStoreFor(deps: { config: { dataDir: string }; fileStore?: FileStore }) {
  if (deps.fileStore) return deps.fileStore;
  let store = stores.get(deps.config);
  if (!store) {
    store = new DiskFileStore(join(deps.config.dataDir, 'files'));
    stores.set(deps.config, store);
  }
  return store;
}
