// Who may run admin operations (the `refresh` mutation): a request carrying
// `Authorization: Bearer <ROLEGRAPH_ADMIN_TOKEN>`. No token configured = nobody is admin.
import { createHash, timingSafeEqual } from 'node:crypto';

/** `Bearer <token>`, the scheme case-insensitive as RFC 7235 says. */
const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** Hashing both sides first gives equal lengths, so the comparison time reveals nothing. */
function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

export function isAdminAuthorization(header: unknown, adminToken: string | null): boolean {
  if (!adminToken || typeof header !== 'string') return false;
  const match = BEARER.exec(header);
  return match !== null && sameSecret(match[1]!, adminToken);
}
