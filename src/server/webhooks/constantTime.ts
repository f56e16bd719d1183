// Secret comparison that leaks neither where two values differ nor how long the expected one is.
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares SHA-256 digests of both values with timingSafeEqual: digests always have equal length,
 * so no early exit on length reveals the secret's size, and bytewise timing reveals nothing useful.
 */
export function constantTimeEqual(a: string | Buffer, b: string | Buffer): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}
