// This replica's name when ROLEGRAPH_INSTANCE_ID does not give one: host name and process id, unique
// among replicas on one machine (compose) and across pods (the pod name is the host name).
import os from 'node:os';

export function defaultInstanceId(hostname: string = os.hostname(), pid: number = process.pid): string {
  return `${hostname}:${pid}`;
}
