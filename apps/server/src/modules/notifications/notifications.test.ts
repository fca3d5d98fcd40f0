import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestApp,
  makeOrg,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/helpers';
import { publishAchievement } from '../../../test/market-flow';
import { loadConfig } from '../../core/config';
import { achievementInput } from '../market/market.fixtures';
import { sendPendingEmails } from './notifications.email';

let t: TestApp;
let owner: Session;
let colleague: Session;
let buyer: Session;
let buyerColleague: Session;
let reviewer: Session;

beforeAll(async () => {
  t = await createTestApp();
  const ownerOrg = await makeOrg(t, { regionCode: '420100', type: 'university' });
  const buyerOrg = await makeOrg(t, { regionCode: '420700', type: 'enterprise' });
  owner = await makeUser(t, ['university'], { regionCode: '420100', orgId: ownerOrg.id });
  colleague = await makeUser(t, ['university'], { regionCode: '420100', orgId: ownerOrg.id });
  buyer = await makeUser(t, ['enterprise'], { regionCode: '420700', orgId: buyerOrg.id });
  buyerColleague = await makeUser(t, ['enterprise'], { regionCode: '420700', orgId: buyerOrg.id });
  reviewer = await makeUser(t, ['city_admin'], { regionCode: '420100' });
});
afterAll(() => t.close());

const inbox = async (s: Session, query = '') => {
  const res = await as(t, s, { method: 'GET', url: `/api/v1/notifications${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: {
      id: number;
      type: string;
      params: Record<string, unknown>;
      link: string;
      readAt: string | null;
    }[];
    total: number;
  };
};
const unread = async (s: Session) => {
  const res = await as(t, s, { method: 'GET', url: '/api/v1/notifications/unread-count' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().unread as number;
};
const negotiate = (s: Session, url: string, payload: object) =>
  as(t, s, { method: 'POST', url: `/api/v1/negotiations${url}`, payload });

const publish = () =>
  publishAchievement(t, owner, reviewer, {
    title: '低温等离子体废气处理装置',
    abstract: '以介质阻挡放电产生低温等离子体分解挥发性有机物，适用于喷涂车间废气治理。',
    keywords: ['低温等离子体', '废气治理'],
  });

describe('notifications', () => {
  it('an offer tells the other party, not the sender; read, read-all and own only', async () => {
    const achievementId = await publish();
    // The review told the owner's organisation; the reviewer (who acted) has nothing.
    const approved = (await inbox(owner)).items.find(
      (n) =>
        n.type === 'achievement_approved' && n.link === `/app/market/achievements/${achievementId}`,
    );
    expect(approved?.params.title).toBe('低温等离子体废气处理装置');
    expect((await inbox(reviewer)).total).toBe(0);

    const opened = await negotiate(buyer, '', { achievementId, text: '是否可以现场考察？' });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as number;
    const before = await unread(owner);
    const res = await negotiate(buyer, `/${id}/entries`, {
      text: '报价如下',
      offer: { type: 'licence', totalAmountWan: 120, techAmountWan: 100 },
    });
    expect(res.statusCode, res.body).toBe(200);

    expect(await unread(owner)).toBe(before + 1);
    const [latest] = (await inbox(owner)).items;
    expect(latest).toMatchObject({
      type: 'negotiation_offer',
      link: `/app/negotiations/${id}`,
      readAt: null,
      params: { totalAmountWan: 120, achievement: '低温等离子体废气处理装置' },
    });
    // Every party user of the seller is told; neither the sender nor the sender's colleague.
    expect((await inbox(colleague)).items[0]?.type).toBe('negotiation_offer');
    for (const s of [buyer, buyerColleague]) expect((await inbox(s)).total).toBe(0);

    // The seller answers: now the buyer's side is told, the seller's is not.
    await negotiate(owner, `/${id}/entries`, { text: '欢迎下周来访' });
    expect((await inbox(buyer)).items.map((n) => n.type)).toEqual(['negotiation_message']);
    expect(await unread(buyerColleague)).toBe(1);

    // Someone else's notification does not exist for the caller.
    const other = await as(t, buyer, {
      method: 'POST',
      url: `/api/v1/notifications/${latest!.id}/read`,
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('notification.not_found');

    const read = await as(t, owner, {
      method: 'POST',
      url: `/api/v1/notifications/${latest!.id}/read`,
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect(await unread(owner)).toBe(before);
    const unreadOnly = await inbox(owner, '?unread=true');
    expect(unreadOnly.items.some((n) => n.id === latest!.id)).toBe(false);
    expect(unreadOnly.total).toBe(before);

    // Read all up to the newest seen: one that arrives after stays unread.
    const seen = Math.max(...unreadOnly.items.map((n) => n.id));
    await negotiate(buyer, `/${id}/entries`, { text: '另外，能否提供检测报告？' });
    const readAll = (payload: object) =>
      as(t, owner, { method: 'POST', url: '/api/v1/notifications/read-all', payload });
    const upTo = await readAll({ upToId: seen });
    expect(upTo.statusCode, upTo.body).toBe(200);
    expect(upTo.json().marked).toBe(before);
    expect(await unread(owner)).toBe(1);
    const all = await readAll({});
    expect(all.json().marked).toBe(1);
    expect(await unread(owner)).toBe(0);
    // Paging: one per page, newest first.
    const page2 = await inbox(owner, '?page=2&pageSize=1');
    expect(page2.items).toHaveLength(1);
    expect(page2.total).toBeGreaterThanOrEqual(4);
  });

  it('a returned achievement tells the owner why', async () => {
    const created = await as(t, owner, {
      method: 'POST',
      url: '/api/v1/market/achievements',
      payload: achievementInput({ title: '可降解地膜配方' }),
    });
    const id = created.json().id as number;
    const step = (s: Session, name: string, payload: object) =>
      as(t, s, { method: 'POST', url: `/api/v1/market/achievements/${id}/${name}`, payload });
    await step(owner, 'submit', { version: 1 });
    const back = await step(reviewer, 'review', {
      version: 2,
      decision: 'return',
      note: '请补充检测报告',
    });
    expect(back.statusCode, back.body).toBe(200);
    expect((await inbox(colleague)).items[0]).toMatchObject({
      type: 'achievement_returned',
      params: { title: '可降解地膜配方', note: '请补充检测报告' },
    });
  });

  it('queues an e-mail for recipients with an address; sends only with a mail transport', async () => {
    const address = `owner-${owner.me.id}@example.test`;
    await t.deps.db
      .updateTable('accounts')
      .set({ email: address })
      .where('id', '=', owner.me.id)
      .execute();
    const achievementId = await publish();
    const outbox = () =>
      t.deps.db
        .selectFrom('emailOutbox')
        .innerJoin('notifications', 'notifications.id', 'emailOutbox.notificationId')
        .select([
          'emailOutbox.id',
          'emailOutbox.sentAt',
          'notifications.type',
          'notifications.recipientId',
        ])
        .where('emailOutbox.address', '=', address)
        .execute();
    const queued = await outbox();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      type: 'achievement_approved',
      recipientId: owner.me.id,
      sentAt: null,
    });
    // The colleague has no address: in-app only.
    expect(
      await t.deps.db
        .selectFrom('emailOutbox')
        .innerJoin('notifications', 'notifications.id', 'emailOutbox.notificationId')
        .select('emailOutbox.id')
        .where('notifications.recipientId', '=', colleague.me.id)
        .execute(),
    ).toHaveLength(0);

    // No SMTP_URL (the test config): nothing is tried, the row stays queued.
    expect(t.deps.config.mail.smtpUrl).toBeUndefined();
    expect(await sendPendingEmails(t.deps)).toEqual({ sent: 0, failed: 0, disabled: true });
    expect((await outbox())[0]?.sentAt).toBeNull();

    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sent: { to: string; subject: string; text: string }[] = [];
    const capture = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: Parameters<typeof capture>[0]) => {
      const info = await capture(mail);
      sent.push(JSON.parse(String(info.message)));
      return info;
    }) as typeof transport.sendMail;
    const result = await sendPendingEmails(t.deps, { transport, limit: 100 });
    expect(result.disabled).toBe(false);
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const mine = sent.find((m) => JSON.stringify(m.to).includes(address));
    expect(mine?.subject).toContain('Corridor Cloud');
    expect(mine?.text).toContain('低温等离子体废气处理装置');
    expect(mine?.text).toContain('was approved');
    expect(mine?.text).toContain(`/app/market/achievements/${achievementId}`);
    expect((await outbox())[0]?.sentAt).not.toBeNull();
    // Sent once: a second drain has nothing of ours left.
    await sendPendingEmails(t.deps, { transport, limit: 100 });
    expect(sent.filter((m) => JSON.stringify(m.to).includes(address))).toHaveLength(1);

    // A refused send stays queued with the attempt and its reason counted.
    await publish();
    const refusing = {
      sendMail: async () => {
        throw new Error('550 mailbox unavailable');
      },
    } as unknown as Transporter;
    const failed = await sendPendingEmails(t.deps, { transport: refusing, limit: 100 });
    expect(failed.failed).toBeGreaterThanOrEqual(1);
    const retry = await t.deps.db
      .selectFrom('emailOutbox')
      .select(['sentAt', 'attempts', 'lastError'])
      .where('address', '=', address)
      .where('sentAt', 'is', null)
      .execute();
    expect(retry).toEqual([{ sentAt: null, attempts: 1, lastError: '550 mailbox unavailable' }]);
  });

  it('reads the mail settings from the environment, refusing a malformed one', () => {
    expect(loadConfig({}).mail.smtpUrl).toBeUndefined();
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.test:465' }).mail.smtpUrl).toBe(
      'smtps://u:p@mail.example.test:465',
    );
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.test' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM/);
  });
});
