// Pins the public API of the cluster layer: the server imports these names.
import * as api from '../../src/cluster';

it('exports exactly the public cluster API', () => {
  expect(Object.keys(api).sort()).toEqual(['SHARED_PARSE_KEY_PREFIX', 'SHARED_PARSE_TIMEOUT_MS', 'connectRedis', 'createSharedParseCache']);
});
