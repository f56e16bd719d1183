// onWholeAnswer over a real node:http server: an answer ended in one piece is seen as sent, one
// written in pieces or not wanted is seen as null, and the client gets the same bytes either way.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { onWholeAnswer } from '../../../src/server/plugins/wholeAnswer';

async function answer(send: (res: http.ServerResponse) => void, wanted?: () => boolean): Promise<{ seen: Array<string | null>; received: string }> {
  const seen: Array<string | null> = [];
  const server = http.createServer((_req, res) => {
    onWholeAnswer(res, (body) => seen.push(body === null ? null : body.toString('utf8')), wanted);
    send(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return { seen, received: await response.text() };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

it('sees a string or a buffer ended in one piece, as sent', async () => {
  expect(await answer((res) => res.end('{"data":{"é":1}}'))).toEqual({ seen: ['{"data":{"é":1}}'], received: '{"data":{"é":1}}' });
  expect(await answer((res) => res.end(Buffer.from('{"data":2}')))).toEqual({ seen: ['{"data":2}'], received: '{"data":2}' });
});

it('sees null for an answer written in pieces, and still sends all of it', async () => {
  const sent = await answer((res) => {
    res.write('{"data":');
    res.end('3}');
  });
  expect(sent).toEqual({ seen: [null], received: '{"data":3}' });
});

it('sees null when the answer is no longer wanted as it ends', async () => {
  expect(await answer((res) => res.end('{"data":4}'), () => false)).toEqual({ seen: [null], received: '{"data":4}' });
});
