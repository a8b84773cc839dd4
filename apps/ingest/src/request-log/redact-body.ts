const SECRET_KEY = /pass(word)?|secret|token|credential|private[_-]?key/i;
/** Bodies above this size are kept as a truncated preview. */
export const MAX_LOGGED_BODY_BYTES = 8 * 1024;

/**
 * A request body as the SCIM request log keeps it: values under secret-looking
 * keys replaced (SCIM clients send `password`), and big bodies cut to a preview
 * so a 1,000-member PATCH does not bloat the log.
 */
export function redactBody(body: unknown): unknown {
  if (body === undefined || body === null) return null;
  const redacted = redact(body, 0);
  const text = JSON.stringify(redacted);
  if (text.length <= MAX_LOGGED_BODY_BYTES) return redacted;
  return { truncated: true, bytes: text.length, preview: text.slice(0, MAX_LOGGED_BODY_BYTES) };
}

function redact(value: unknown, depth: number): unknown {
  if (depth > 20) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  // A PATCH operation addressing a secret by path (`{"path": "password", "value": "..."}`) hides its value.
  const secretPath = Object.entries(value).some(
    ([key, item]) => /^path$/i.test(key) && typeof item === 'string' && SECRET_KEY.test(item),
  );
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SECRET_KEY.test(key) || (secretPath && /^value$/i.test(key)) ? '[redacted]' : redact(item, depth + 1),
    ]),
  );
}
