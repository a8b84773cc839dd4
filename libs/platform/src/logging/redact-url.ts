const SECRET_PARAM = /^(token|access_token|code|secret|key|api_key|password)$/i;

/**
 * A URL as logs may keep it: values of secret-carrying query parameters (the
 * portal link's one-time `token`) replaced, everything else as sent.
 */
export function redactUrl(url: string | undefined): string | undefined {
  if (!url || !url.includes('?')) return url;
  const [path, query] = [url.slice(0, url.indexOf('?')), url.slice(url.indexOf('?') + 1)];
  const redacted = query
    .split('&')
    .map((pair) => {
      const name = decodeURIComponentSafe(pair.split('=')[0] ?? '');
      return SECRET_PARAM.test(name) && pair.includes('=') ? `${pair.split('=')[0]}=[redacted]` : pair;
    })
    .join('&');
  return `${path}?${redacted}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
