/** @module The accessibility statement's contact: set by each municipality's administrator, read by everyone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';

describe('the accessibility contact', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const statement = async (as?: Caller) => (await t.call('GET', '/api/accessibility', { as })).json();

  it('is the default until an administrator sets it; before login it cannot know whose, with two municipalities', async () => {
    expect(await statement()).toEqual({ municipality: null, contact: null });
    expect(await statement(await t.login('employee'))).toEqual({
      municipality: 'Demo Kommune',
      contact: null,
    });
  });

  it("is set for the administrator's own municipality only, and an empty text brings back the default", async () => {
    const admin = await t.login('admin');
    const contact = 'Skriv til digitalisering@demokommune.example eller ring 12 34 56 78 (hverdage 9–15).';
    const saved = await t.call('PUT', '/api/admin/accessibility', {
      as: admin,
      body: { contact: `  ${contact} ` },
    });
    expect(await saved.json()).toEqual({ municipality: 'Demo Kommune', contact });
    expect((await statement(await t.login('employee'))).contact).toBe(contact);
    expect((await statement(await t.login('otherEmployee'))).contact).toBeNull();
    await t.call('PUT', '/api/admin/accessibility', { as: admin, body: { contact: '' } });
    expect((await statement(await t.login('employee'))).contact).toBeNull();
  });

  it('refuses an endless text with a message by the field', async () => {
    const response = await t.call('PUT', '/api/admin/accessibility', {
      as: await t.login('admin'),
      body: { contact: 'x'.repeat(1001) },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual({ contact: 'Må højst have 1000 tegn.' });
  });
});
