import { requestIdFor } from '../../src/server/requestId';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFor', () => {
  it('keeps a sane client id as sent', () => {
    for (const id of ['3f2b9c1e-8d4a-4c7e-9f10-2a6b5c4d3e21', '01HZX3K9Q7M2N4P6R8T0V1W3Y5', 'a', 'req:42.retry_1', 'dGVzdC1pZA==', 'x'.repeat(128)]) {
      expect(requestIdFor({ headers: { 'x-request-id': id } })).toBe(id);
    }
  });

  it('replaces a missing, empty, long or unsafe id with a fresh UUID', () => {
    const refused = [undefined, '', 'x'.repeat(129), 'has space', 'quote"d', 'new\nline', 'semi;colon', 'ümlaut', 'a, b'];
    for (const given of refused) {
      const id = requestIdFor({ headers: given === undefined ? {} : { 'x-request-id': given } });
      expect(id).toMatch(UUID);
      expect(id).not.toBe(given);
    }
  });

  it('gives every request its own id when the client sends none', () => {
    const ids = new Set(Array.from({ length: 50 }, () => requestIdFor({ headers: {} })));
    expect(ids.size).toBe(50);
  });
});
