import { startBareServer } from '../../bench/httpLoad';

describe('startBareServer', () => {
  it('answers every request, on 127.0.0.1, with exactly the bytes it was given', async () => {
    const body = Buffer.from(JSON.stringify({ data: { roles: [{ title: 'SMB Advocate’s lead', grade: 9.5 }] } }));
    const server = await startBareServer(body);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
      for (const init of [{ method: 'POST', body: '{"query":"{ roles { title } }"}' }, { method: 'GET' }]) {
        const res = await fetch(server.url, init);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/json');
        expect(Buffer.from(await res.arrayBuffer()).equals(body)).toBe(true);
      }
    } finally {
      await server.close();
    }
  });
});
