// The three HTTP-date forms of RFC 9110 §5.6.7. The first two carry "GMT";
// asctime carries no zone but is GMT too, so we add it before parsing
// (Date.parse would otherwise read it as local time).
const IMF_FIXDATE = /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_850 = /^[A-Za-z]{6,9}, \d{2}-[A-Za-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT$/;
const ASCTIME = /^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

/**
 * Milliseconds a `Retry-After` header asks us to wait, from either form
 * RFC 9110 allows: delta-seconds (`120`) or an HTTP-date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`). A date in the past means "now" (0).
 * Anything else is undefined: a malformed hint is ignored, not guessed at.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(httpDateInGmt(text) ?? '');
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

function httpDateInGmt(text: string): string | undefined {
  if (IMF_FIXDATE.test(text) || RFC_850.test(text)) return text;
  return ASCTIME.test(text) ? `${text} GMT` : undefined;
}
