import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { sm2 } from 'sm-crypto-v2';
import type { Deps } from '../context';
import type { Db } from '../db/dialect';
import type { KeyStore } from '../keys/key-store';
import { sendToSyslog, syslogLine } from './syslog';

/**
 * Signed checkpoints of the audit chain: (count, head hash, time) signed with SM2 by a key that
 * is not in the database, appended to a file outside DATA_DIR. Whoever can rewrite the database
 * (recomputing every hash and the head) cannot make a checkpoint taken before agree with the
 * rewritten chain, nor cut events a checkpoint has counted; `audit verify` checks both.
 */
export interface Checkpoint {
  count: number;
  headHash: string;
  at: string;
  publicKey: string;
  signature: string;
}

const KEY_NAME = 'audit-checkpoint';
const FILE = 'audit-checkpoints.jsonl';

/** The exact text a checkpoint's signature covers. */
function signedText(c: Pick<Checkpoint, 'count' | 'headHash' | 'at'>): string {
  return JSON.stringify(['corridor-audit-checkpoint-v1', c.count, c.headHash, c.at]);
}

function signingKey(keys: KeyStore): { publicKey: string; privateKey: string } {
  const text = keys.getOrCreate(KEY_NAME, () => JSON.stringify(sm2.generateKeyPairHex()));
  const parsed = JSON.parse(text) as { publicKey: string; privateKey: string };
  return { publicKey: parsed.publicKey, privateKey: parsed.privateKey };
}

/** The public key checkpoints are checked with (made on first use). */
export function checkpointPublicKey(keys: KeyStore): string {
  return signingKey(keys).publicKey;
}

async function readHead(db: Db) {
  return db
    .selectFrom('auditHead')
    .select(['lastId', 'lastHash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
}

/** Signs the current head and appends it to the checkpoint file (flushed to disk). */
export async function writeCheckpoint(deps: Deps, now = new Date()): Promise<Checkpoint> {
  const head = await readHead(deps.db);
  const key = signingKey(deps.keys);
  const base = { count: head.lastId, headHash: head.lastHash, at: now.toISOString() };
  const signature = sm2.doSignature(signedText(base), key.privateKey, {
    hash: true,
    publicKey: key.publicKey,
  });
  const checkpoint: Checkpoint = { ...base, publicKey: key.publicKey, signature };
  const dir = deps.config.audit.checkpointDir;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, FILE);
  // After a torn last line (a crash mid-append) start a fresh line, or this one is lost too.
  const torn = existsSync(file) && !endsWithNewline(file);
  appendFileSync(file, `${torn ? '\n' : ''}${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const syslog = deps.config.audit.syslog;
  if (syslog) await sendToSyslog(syslog, syslogLine(JSON.stringify(checkpoint), checkpoint.at));
  return checkpoint;
}

function endsWithNewline(file: string): boolean {
  const size = statSync(file).size;
  if (size === 0) return true;
  const fd = openSync(file, 'r');
  try {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

/** The last checkpoint of the file whose signature holds under our key, if any. */
export function latestCheckpoint(deps: Pick<Deps, 'config' | 'keys'>): Checkpoint | null {
  const file = join(deps.config.audit.checkpointDir, FILE);
  if (!existsSync(file)) return null;
  const publicKey = checkpointPublicKey(deps.keys);
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).reverse();
  for (const line of lines) {
    try {
      const c = JSON.parse(line) as Checkpoint;
      if (c.publicKey === publicKey && checkpointSignatureHolds(c)) return c;
    } catch {
      // A torn last line (crash while appending) or foreign text: the one before still counts.
    }
  }
  return null;
}

export function checkpointSignatureHolds(c: Checkpoint): boolean {
  if (!Number.isInteger(c.count) || typeof c.headHash !== 'string' || typeof c.at !== 'string')
    return false;
  try {
    return sm2.doVerifySignature(signedText(c), c.signature, c.publicKey, { hash: true });
  } catch {
    return false;
  }
}
