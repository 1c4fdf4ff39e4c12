import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanLinks } from '../../electron/core/lanLinks';
import { postJson, startTestCore, type TestCore } from '../helpers/core';
import { trySocket, type SocketAttempt } from '../helpers/wsClient';

/** The core as a LAN client sees it: loopback is not trusted, so tokens decide. */
let core: TestCore;
beforeAll(async () => {
  core = await startTestCore({ trustLoopback: false });
});
afterAll(async () => {
  await core.stop();
});

const connect = (query: string): Promise<SocketAttempt> => trySocket(core.url, query);

describe('LAN access', () => {
  it('refuses a socket without a valid token before the upgrade', async () => {
    expect((await connect('role=producer')).status).toBe(401);
    expect((await connect('role=producer&token=guess')).status).toBe(401);
  });

  it('gives a token exactly its own role, whatever role is asked for', async () => {
    const speaker = await connect(`role=producer&token=${core.accessTokens.speaker}`);
    expect(speaker.role).toBe('speaker');
    const producer = await connect(`role=producer&token=${core.accessTokens.producer}`);
    expect(producer.role).toBe('producer');
    speaker.socket?.close();
    producer.socket?.close();
  });

  it('keeps the public form open and the CSV import closed without a producer token', async () => {
    const form = await postJson(`${core.url}/api/questions`, { name: 'Дина', text: 'Когда откроют парк?' });
    expect(form.status).toBe(201);
    const csv = { fileName: 'a.csv', contentBase64: Buffer.from('name,text\nA,B').toString('base64'), commit: false };
    expect((await postJson(`${core.url}/api/intake/csv`, csv)).status).toBe(403);
    expect((await postJson(`${core.url}/api/intake/csv`, csv, { 'x-desk-token': core.accessTokens.speaker })).status).toBe(403);
    expect((await postJson(`${core.url}/api/intake/csv`, csv, { 'x-desk-token': core.accessTokens.producer })).status).toBe(200);
  });

  it('keeps the tokens across restarts of the same desk', async () => {
    const again = await startTestCore({ dataDir: core.dataDir, trustLoopback: false });
    const tokens = again.accessTokens;
    await again.close();
    expect(tokens).toEqual(core.accessTokens);
  });

  it('prints LAN links only when the desk listens beyond this machine', () => {
    const tokens = { producer: 'p', speaker: 's', press: 'x' };
    expect(lanLinks('127.0.0.1', 'http://127.0.0.1:4310', tokens)).toEqual([]);
    const lines = lanLinks('192.0.2.10', 'http://192.0.2.10:4310', tokens).join('\n');
    expect(lines).toContain('http://192.0.2.10:4310/prompter?token=s');
    expect(lines).toContain('http://192.0.2.10:4310/console?token=p');
  });
});
