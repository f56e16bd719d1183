// A replica's default name: host name and process id, as ROLEGRAPH_INSTANCE_ID accepts names.
import os from 'node:os';
import { loadConfig } from '../../src/server/config';
import { defaultInstanceId } from '../../src/server/instanceId';

describe('defaultInstanceId', () => {
  it('is the host name and the process id', () => {
    expect(defaultInstanceId('rolegraph-7d9f-abcde', 4321)).toBe('rolegraph-7d9f-abcde:4321');
    expect(defaultInstanceId()).toBe(`${os.hostname()}:${process.pid}`);
  });

  it('is a name ROLEGRAPH_INSTANCE_ID would accept too', () => {
    expect(loadConfig({}, { ROLEGRAPH_INSTANCE_ID: defaultInstanceId('web-1.internal', 7) }).instanceId).toBe('web-1.internal:7');
  });
});
