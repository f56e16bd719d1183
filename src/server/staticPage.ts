// What the two browser pages (GraphiQL on /graphql, the career ladder on /ladder) share: both are
// a constant HTML page under a strict Content-Security-Policy plus files served from rolegraph's
// own tree and node_modules, so both send the same security headers and find their assets the same way.
import type { Response } from 'express';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The policy both pages start from: everything from this server only, no inline script or style, no
 * plugins, no framing. `sources` adds the few origins a page needs beyond 'self' (data: fonts, blob:
 * downloads), so each page's exceptions stand out against one shared base.
 */
export function selfOnlyCsp(sources: { font?: string; img?: string } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    ...(sources.font !== undefined ? [`font-src 'self' ${sources.font}`] : []),
    `img-src 'self'${sources.img !== undefined ? ` ${sources.img}` : ''}`,
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sends a constant page under `csp`; no-cache so a new build's page is picked up at once. */
export function sendPage(res: Response, csp: string, html: string): void {
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-cache');
  res.type('html').send(html);
}

/** Sends one asset file; `type` overrides the type express would guess from the extension. */
export function sendAsset(res: Response, file: string, maxAgeSeconds: number, type?: string): void {
  if (type !== undefined) res.type(type);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', `public, max-age=${maxAgeSeconds}`);
  res.sendFile(file);
}

/**
 * The folder `assets/<name>` next to the calling module. tsc does not copy non-TS files, so from
 * `dist/server` without the postbuild copy this falls back to the source tree; `marker` is a file
 * that must exist in the folder for it to count.
 */
export function assetDir(name: string, marker: string): string {
  const candidates = [path.join(__dirname, 'assets', name), path.resolve(__dirname, '..', '..', 'src', 'server', 'assets', name)];
  return candidates.find((dir) => fs.existsSync(path.join(dir, marker))) ?? candidates[0]!;
}
