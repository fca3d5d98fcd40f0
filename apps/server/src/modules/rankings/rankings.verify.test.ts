import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { canonicalJson } from '@corridor/contracts';
import { sm2 } from 'sm-crypto-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, makeUser, type Session, type TestApp } from '../../../test/helpers';
import {
  draftEdition,
  inDays,
  makeInputs,
  publishedEdition,
  publishedMethod,
  step,
} from './rankings.test-helpers';
import { generateKeyPair, runVerifyCommand, signCanonical, verifyEdition } from './rankings.verify';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../../../..');

let t: TestApp;
let publisher: Session;
let files: { json: string; sig: string; key: string; id: number };

beforeAll(async () => {
  // These walk the workflow without waiting: no minimum correction window (its rule has
  // its own tests, at the default, in rankings.window.test.ts).
  t = await createTestApp({ RANKING_MIN_CORRECTION_DAYS: '0' });
  publisher = await makeUser(t, ['ranking_publisher']);
  const { edition } = await publishedEdition(t, publisher, 5);
  const get = async (name: string) =>
    (await as(t, null, { method: 'GET', url: `/api/v1/rankings/editions/${edition.id}/${name}` }))
      .body;
  files = {
    json: await get('edition.json'),
    sig: await get('signature.hex'),
    key: await get('publickey.hex'),
    id: edition.id,
  };
});
afterAll(() => t.close());

function tampered(json: string) {
  const doc = JSON.parse(json);
  doc.entries[0].total += 1; // still canonical, different content
  return canonicalJson(doc);
}

describe('SM2 signature of an edition', () => {
  it('interoperates with the plain GB/T 32918 call of sm-crypto-v2, both ways', () => {
    const { publicKey, privateKey } = generateKeyPair();
    const text = '{"a":"光谷","b":[1,2.5]}';
    const ours = signCanonical(text, privateKey, publicKey);
    expect(sm2.doVerifySignature(text, ours, publicKey, { hash: true })).toBe(true);
    const theirs = sm2.doSignature(text, privateKey, { hash: true, publicKey });
    expect(verifyEdition(text, theirs, publicKey)).toEqual({ ok: true });
  });

  it('says why a check fails', () => {
    const other = generateKeyPair().publicKey;
    expect(verifyEdition(files.json, files.sig, files.key)).toEqual({ ok: true });
    expect(verifyEdition(files.json, files.sig, other)).toEqual({
      ok: false,
      reason: 'signature_mismatch',
    });
    expect(verifyEdition(files.json, files.sig, `04${'11'.repeat(64)}`).ok).toBe(false);
    expect(verifyEdition(files.json, files.sig, 'not hex')).toEqual({
      ok: false,
      reason: 'malformed_public_key',
    });
    expect(verifyEdition(files.json, 'abc', files.key)).toEqual({
      ok: false,
      reason: 'malformed_signature',
    });
    expect(
      verifyEdition(JSON.stringify(JSON.parse(files.json), null, 2), files.sig, files.key),
    ).toEqual({ ok: false, reason: 'not_canonical' });
    expect(verifyEdition(Buffer.from([0xff, 0xfe, 0x7b, 0x7d]), files.sig, files.key)).toEqual({
      ok: false,
      reason: 'not_canonical',
    });
    // s = 0 (out of range) is a mismatch, not a crash.
    expect(
      verifyEdition(files.json, `${files.sig.slice(0, 64)}${'0'.repeat(64)}`, files.key),
    ).toEqual({ ok: false, reason: 'signature_mismatch' });
  });

  it('the API checks a submitted edition and names the failure in the caller’s language', async () => {
    const verify = (body: object, lang = 'zh-CN') =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/rankings/verify',
        payload: body,
        headers: { 'accept-language': lang },
      });
    const ok = await verify({ edition: files.json, signature: files.sig, publicKey: files.key });
    expect(ok.json()).toMatchObject({ valid: true, reason: null });
    const bad = await verify(
      { edition: tampered(files.json), signature: files.sig, publicKey: files.key },
      'en',
    );
    expect(bad.json()).toEqual({
      valid: false,
      reason: 'signature_mismatch',
      message: 'signature does not match the content',
    });
    const key = await verify({ edition: files.json, signature: files.sig, publicKey: '04zz' });
    expect(key.json()).toMatchObject({ valid: false, reason: 'malformed_public_key' });
    expect((await verify({ edition: files.json })).statusCode).toBe(400);
  });
});

describe('the offline command', () => {
  const cli = (...args: string[]) =>
    run(
      process.execPath,
      ['--import', 'tsx', 'apps/server/src/cli.ts', 'ranking', 'verify', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, INIT_CWD: ROOT },
      },
    ).then(
      (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        out: e.stdout,
        err: e.stderr,
      }),
    );

  it('prints OK for the downloaded files and the reason for each kind of failure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ranking-verify-'));
    const path = (name: string, content: string) => {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    };
    const json = path('edition.json', files.json);
    const sig = path('signature.hex', `${files.sig}\n`); // a trailing newline is tolerated
    const key = path('publickey.hex', files.key);

    const ok = await cli(json, sig, key);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^OK/);

    const changed = await cli(path('tampered.json', tampered(files.json)), sig, key);
    expect(changed.code).toBe(2);
    expect(changed.err).toContain('signature does not match the content');

    // The other failures, in-process (same function the command runs).
    const direct = (...args: string[]) => {
      const lines: string[] = [];
      const code = runVerifyCommand(
        args,
        (l) => lines.push(l),
        (l) => lines.push(l),
      );
      return { code, text: lines.join('\n') };
    };
    const prettyFile = path('pretty.json', JSON.stringify(JSON.parse(files.json), null, 2));
    expect(direct(prettyFile, sig, key)).toEqual({
      code: 2,
      text: 'FAILED: file is not canonical JSON',
    });
    expect(direct(json, sig, path('bad.hex', 'hello')).text).toBe('FAILED: malformed public key');
    expect(direct(json, path('bad-sig.hex', 'xyz'), key).text).toMatch(/malformed signature/);
    const missing = direct(json, sig, join(dir, 'nope.hex'));
    expect([missing.code, missing.text]).toEqual([1, expect.stringContaining('cannot read')]);
    expect(direct(json).code).toBe(1);
  }, 60_000);
});

describe('publication is all or nothing', () => {
  it('a signing failure leaves the edition closed, with no entries, document or signature', async () => {
    const { year } = await makeInputs(t, 3);
    const method = await publishedMethod(t, publisher);
    const draft = await draftEdition(t, publisher, method.id, year);
    await step(t, publisher, draft.id, 'open-window', { closesOn: inDays(2) });
    await step(t, publisher, draft.id, 'close-window');
    // Corrupt the publisher's key: the signature made with it cannot verify.
    const key = await t.deps.db
      .selectFrom('rankingKeys')
      .selectAll()
      .where('accountId', '=', publisher.me.id)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('rankingKeys')
      .set({ privateKey: generateKeyPair().privateKey })
      .where('id', '=', key.id)
      .execute();
    const failed = await step(t, publisher, draft.id, 'publish');
    expect(failed.statusCode).toBe(500);
    const edition = await t.deps.db
      .selectFrom('rankingEditions')
      .selectAll()
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(edition).toMatchObject({ status: 'closed', signature: null, publishedAt: null });
    const entries = await t.deps.db
      .selectFrom('rankingEntries')
      .select('orgId')
      .where('editionId', '=', draft.id)
      .execute();
    const doc = await t.deps.db
      .selectFrom('rankingEditionDocuments')
      .select('editionId')
      .where('editionId', '=', draft.id)
      .execute();
    expect([entries.length, doc.length]).toEqual([0, 0]);
    const failure = await t.deps.db
      .selectFrom('auditEvents')
      .select('outcome')
      .where('action', '=', 'ranking.edition.publish')
      .where('objectId', '=', String(draft.id))
      .execute();
    expect(failure.map((f) => f.outcome)).toEqual(['failure']);

    await t.deps.db
      .updateTable('rankingKeys')
      .set({ privateKey: key.privateKey })
      .where('id', '=', key.id)
      .execute();
    expect((await step(t, publisher, draft.id, 'publish')).json().status).toBe('published');
  });
});
