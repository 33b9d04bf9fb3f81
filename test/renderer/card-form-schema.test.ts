import { zod4Resolver } from 'mantine-form-zod-resolver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_SCHEMA } from '../../src/renderer/src/features/clients/card-schema';
import { clientInput } from '../helpers/client-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await setUpOffice(t);
});
afterAll(async () => {
  await t.close();
});

describe('the client card form checked by the contract schema (zod 4 resolver)', () => {
  it('puts on the field the very message the host gives for an empty name', async () => {
    const bad = clientInput({ shortName: '' });
    const host = await t.call('clients.create', { client: bad });
    const hostField = host.error?.details?.fields?.find((f) => f.path === 'client.shortName');
    expect(hostField?.message).toBeTruthy();
    const desk = zod4Resolver(CARD_SCHEMA)({ client: bad });
    expect(desk['client.shortName']).toBe(hostField?.message);
  });

  it('passes a card the host accepts', async () => {
    const good = clientInput({ shortName: 'ООО «Бета»' });
    expect(zod4Resolver(CARD_SCHEMA)({ client: good })).toEqual({});
    await t.ok('clients.create', { client: good });
  });
});
