import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_MAX_BYTES } from '@corridor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  makeOrg,
  makeUser,
  type Session,
  samplePdf,
  type TestApp,
  uploadFile,
} from '../../../test/helpers';
import { publishAchievement } from '../../../test/market-flow';
import { achievementInput } from '../market/market.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const pdf = samplePdf;
const upload = (session: Session | null, content: Buffer, options = {}) =>
  uploadFile(t, session, content, options);

function download(session: Session | null, id: number) {
  return as(t, session, { method: 'GET', url: `/api/v1/files/${id}` });
}

async function owner() {
  const org = await makeOrg(t, { type: 'enterprise' });
  return { org, user: await makeUser(t, ['enterprise'], { orgId: org.id }) };
}

const sm3 = (b: Buffer) => createHash('sm3').update(b).digest('hex');

describe('file store', () => {
  it('a PDF uploads and downloads byte-identical with its SM3 digest, both audited', async () => {
    const { user } = await owner();
    const content = pdf();
    const up = await upload(user, content, { type: 'text/plain' });
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json();
    expect(file).toMatchObject({
      name: '成果简介.pdf',
      mimeType: 'application/pdf',
      sizeBytes: content.length,
      sm3: sm3(content),
    });
    expect(await countAudit(t, { action: 'file.upload', objectId: String(file.id) })).toBe(1);

    const down = await download(user, file.id);
    expect(down.statusCode, down.body).toBe(200);
    expect(down.rawPayload.equals(content)).toBe(true);
    expect(sm3(down.rawPayload)).toBe(file.sm3);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-length']).toBe(String(content.length));
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('成果简介.pdf')}`,
    );
    expect(await countAudit(t, { action: 'file.download', objectId: String(file.id) })).toBe(1);
  });

  it('judges the type by the content: an executable or HTML named .pdf is refused', async () => {
    const { user } = await owner();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00', 'latin1'), randomBytes(400)]);
    const html = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');
    for (const content of [exe, html, Buffer.alloc(0)]) {
      const res = await upload(user, content, { filename: 'report.pdf' });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().details).toEqual([
        expect.objectContaining({ field: 'file', code: 'file.type_not_allowed' }),
      ]);
    }
    // A real PNG under any name is fine, and stored as what it is.
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
        '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
      'hex',
    );
    const ok = await upload(user, png, { filename: 'scan.pdf' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().mimeType).toBe('image/png');
  });

  it('takes a file up to the size limit and refuses one over it with 413', async () => {
    const { user } = await owner();
    const near = Buffer.concat([pdf(), Buffer.alloc(FILE_MAX_BYTES - 4096, 0x20)]);
    const fits = await upload(user, near);
    expect(fits.statusCode, fits.body).toBe(201);
    expect(fits.json().sizeBytes).toBe(near.length);
    const big = Buffer.concat([pdf(), Buffer.alloc(FILE_MAX_BYTES + 1, 0x20)]);
    const res = await upload(user, big);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().code).toBe('file.too_large');
  });

  it('a path in the file name reaches no file system path: it is only a display name', async () => {
    const { user } = await owner();
    const res = await upload(user, pdf(), { filename: '../../../../etc/passwd/..\\..\\evil.pdf' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe('evil.pdf');
    const row = await t.deps.db
      .selectFrom('files')
      .select('storageKey')
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.storageKey).toMatch(/^[0-9a-f]{32}$/);
    const root = join(t.deps.config.dataDir, 'files');
    const stored = join(root, row.storageKey.slice(0, 2), row.storageKey.slice(2, 4));
    expect(readdirSync(stored)).toEqual([row.storageKey]);
    expect(existsSync(join(root, 'evil.pdf'))).toBe(false);
  });

  it('an unattached file is only its uploader’s', async () => {
    const a = await owner();
    const colleague = await makeUser(t, ['enterprise'], { orgId: a.org.id });
    const b = await owner();
    const id = (await upload(a.user, pdf())).json().id;
    expect((await download(b.user, id)).statusCode).toBe(404);
    expect((await download(colleague, id)).statusCode).toBe(404);
    expect((await download(null, id)).statusCode).toBe(401);
    expect((await download(a.user, 99_999_999)).statusCode).toBe(404);
    expect(await countAudit(t, { action: 'file.download', objectId: String(id) })).toBe(0);
  });
});

describe('achievement attachments', () => {
  it('attach an own unattached upload; readers of the achievement may download it', async () => {
    const a = await owner();
    const b = await owner();
    const content = pdf();
    const fileId = (await upload(a.user, content)).json().id;
    const reviewer = await makeUser(t, ['city_admin'], { regionCode: a.org.regionCode });

    // Another org's file, or one already attached, cannot be attached.
    const theirs = (await upload(b.user, pdf())).json().id;
    const refused = await as(t, a.user, {
      method: 'POST',
      url: '/api/v1/market/achievements',
      payload: achievementInput({ attachments: [{ fileId: theirs }] }),
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().details[0]).toMatchObject({
      field: 'attachments.0.fileId',
      code: 'file.not_yours',
    });

    const draft = await as(t, a.user, {
      method: 'POST',
      url: '/api/v1/market/achievements',
      payload: achievementInput({ attachments: [{ fileId }] }),
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const achievement = draft.json();
    expect(achievement.attachments).toEqual([
      { fileId, name: '成果简介.pdf', sizeBytes: content.length, mimeType: 'application/pdf' },
    ]);
    const again = await as(t, a.user, {
      method: 'POST',
      url: '/api/v1/market/achievements',
      payload: achievementInput({ attachments: [{ fileId }] }),
    });
    expect(again.statusCode).toBe(400);

    // A draft is private: the other organisation sees neither it nor its file.
    expect((await download(b.user, fileId)).statusCode).toBe(404);
    expect((await download(reviewer, fileId)).statusCode).toBe(200);

    // Published: every market reader may download it.
    const listed = await publishAchievement(t, a.user, reviewer, {
      attachments: [{ fileId: (await upload(a.user, content)).json().id }],
    });
    const shown = await as(t, b.user, {
      method: 'GET',
      url: `/api/v1/market/achievements/${listed}`,
    });
    const listedFile = shown.json().attachments[0].fileId;
    const got = await download(b.user, listedFile);
    expect(got.statusCode, got.body).toBe(200);
    expect(got.rawPayload.equals(content)).toBe(true);

    // Editing the list detaches what was dropped: the uploader has it again, alone.
    const edit = await as(t, a.user, {
      method: 'PATCH',
      url: `/api/v1/market/achievements/${achievement.id}`,
      payload: { version: achievement.version, attachments: [] },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().attachments).toEqual([]);
    expect((await download(reviewer, fileId)).statusCode).toBe(404);
    expect((await download(a.user, fileId)).statusCode).toBe(200);
  });
});

describe('contract scans', () => {
  it('a party attaches a scan; the parties and the officials who see it download it', async () => {
    const seller = await makeOrg(t, { regionCode: '420100' as never });
    const buyer = await makeOrg(t, { regionCode: '420700' as never });
    const other = await owner();
    const sellerUser = await makeUser(t, ['enterprise'], { orgId: seller.id });
    const buyerUser = await makeUser(t, ['enterprise'], { orgId: buyer.id });
    const made = await as(t, sellerUser, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: {
        type: 'development',
        projectName: '光电芯片封装工艺委托开发',
        sellerCreditCode: seller.creditCode,
        buyerCreditCode: buyer.creditCode,
        totalAmountWan: 120,
        techAmountWan: 100,
        signedOn: '2026-03-01',
        validFrom: '2026-03-01',
        validTo: '2027-02-28',
        field: 'electronicInformation',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const dealId = made.json().id;
    const content = pdf();
    const fileId = (await upload(sellerUser, content, { filename: '合同扫描件.pdf' })).json().id;

    const outsider = await as(t, other.user, {
      method: 'POST',
      url: `/api/v1/deals/${dealId}/scans`,
      payload: { fileId: (await upload(other.user, pdf())).json().id },
    });
    expect(outsider.statusCode).toBe(404);
    const notTheirs = await as(t, buyerUser, {
      method: 'POST',
      url: `/api/v1/deals/${dealId}/scans`,
      payload: { fileId },
    });
    expect([notTheirs.statusCode, notTheirs.json().details?.[0]?.field]).toEqual([400, 'fileId']);

    const res = await as(t, sellerUser, {
      method: 'POST',
      url: `/api/v1/deals/${dealId}/scans`,
      payload: { fileId },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().scans).toEqual([
      { fileId, name: '合同扫描件.pdf', sizeBytes: content.length, mimeType: 'application/pdf' },
    ]);
    expect(await countAudit(t, { action: 'file.attach', actor: sellerUser })).toBe(1);

    const wuhan = await makeUser(t, ['city_admin'], { regionCode: '420100' });
    const xianning = await makeUser(t, ['city_admin'], { regionCode: '421200' });
    for (const [who, status] of [
      [buyerUser, 200],
      [wuhan, 200],
      [xianning, 404],
      [other.user, 404],
    ] as const) {
      const got = await download(who, fileId);
      expect(got.statusCode, who.username).toBe(status);
      if (status === 200) expect(got.rawPayload.equals(content)).toBe(true);
    }
    expect(await countAudit(t, { action: 'file.download', actor: wuhan })).toBe(1);
  });
});
