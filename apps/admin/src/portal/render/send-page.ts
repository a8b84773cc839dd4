import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { type PortalPage, renderDocument } from './layout';

/**
 * Sends a portal page with the headers every page carries: a strict CSP whose
 * per-response nonce is the only way to run the inline style and script, no
 * caching (pages show secrets and live state), no framing, and no referrer to
 * other sites (`same-origin`, not `no-referrer`: with that, browsers send
 * `Origin: null` on form posts and the Origin check could not tell them apart).
 */
export function sendPage(reply: FastifyReply, page: PortalPage): FastifyReply {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return reply
    .status(page.status ?? 200)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', csp)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'same-origin')
    .send(renderDocument(page, nonce));
}

/** Post/Redirect/Get: after a form, the browser loads the result page with GET. */
export function redirect(reply: FastifyReply, location: string): FastifyReply {
  return reply.header('cache-control', 'no-store').redirect(location, 303);
}
