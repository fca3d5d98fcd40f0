import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/core/config';
import { as, createTestApp, makeUser, type TestApp } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('platform', () => {
  it('reports health and which database it runs on', async () => {
    const res = await t.app.inject({ url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      db: process.env.DATABASE_URL ? 'postgres' : 'sqlite',
      problems: [],
    });
  });

  it('answers signed-in users with Cache-Control: no-store, and frames are refused consistently', async () => {
    const user = await makeUser(t, ['enterprise']);
    for (const url of ['/api/v1/auth/me', '/api/v1/orgs?page=1&pageSize=5', '/api/v1/nowhere']) {
      const res = await as(t, user, { method: 'GET', url });
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const anonymous = await t.app.inject({ url: '/api/v1/health' });
    expect(anonymous.headers['x-frame-options']).toBe('DENY');
    expect(anonymous.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('publishes an OpenAPI 3 document covering every API route', async () => {
    const res = await t.app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const route of t.app.routeInventory) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path], path).toBeDefined();
      expect(doc.paths[path][route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    const ui = await t.app.inject({ url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('answers a URL with a broken percent-escape with the one error body (found by the fuzzer)', async () => {
    for (const url of ['/api/v1/orgs/%E0%A4%A', '/api/v1/orgs/1/indicators/%', '/api/v1/%ZZ']) {
      const res = await t.app.inject({ url, headers: { 'accept-language': 'en' } });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({
        code: 'request.malformed',
        message: 'The request could not be parsed',
      });
    }
  });

  it('answers unknown API paths with a JSON 404 in the caller’s language', async () => {
    const res = await t.app.inject({
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'route.not_found', message: 'No such address' });
    const zh = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(zh.json().message).toBe('请求的地址不存在');
  });

  it('refuses JSON declared in a charset other than UTF-8 (RFC 8259 §8.1) with 415', async () => {
    const security = await makeUser(t, ['security_admin']);
    for (const charset of ['latin1', 'utf-16', '"iso-8859-1"']) {
      const res = await as(t, security, {
        method: 'PATCH',
        url: `/api/v1/accounts/${security.me.id}`,
        headers: { 'content-type': `application/json; charset=${charset}` },
        payload: '{}',
      });
      expect(res.statusCode, charset).toBe(415);
    }
    const ok = await as(t, security, {
      method: 'POST',
      url: '/api/v1/auth/mfa/setup',
      headers: { 'content-type': 'application/json; charset=UTF-8' },
      payload: '{}',
    });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses to start on a bad configuration, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });
});
