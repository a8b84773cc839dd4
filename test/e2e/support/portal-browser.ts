/**
 * A minimal cookie-keeping HTTP client for the portal pages: what a browser does
 * with cookies and forms, without following redirects (tests assert them).
 */
export class PortalClient {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async get(path: string): Promise<PortalResponse> {
    return this.send('GET', path);
  }

  /** Posts a urlencoded form; `_csrf` is added from the last page unless given. */
  async post(path: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<PortalResponse> {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) for (const item of [value].flat()) body.append(key, item);
    return this.send('POST', path, body.toString(), { 'content-type': 'application/x-www-form-urlencoded', origin: this.baseUrl, ...headers });
  }

  /** Opens a portal link (absolute, from the API) against this server. */
  async open(link: string): Promise<PortalResponse> {
    const url = new URL(link);
    return this.get(`${url.pathname}${url.search}`);
  }

  private async send(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<PortalResponse> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      body,
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...headers },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const separator = pair!.indexOf('=');
      const name = pair!.slice(0, separator);
      const value = decodeURIComponent(pair!.slice(separator + 1));
      if (/max-age=0/i.test(header) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, location: response.headers.get('location') };
  }
}

export interface PortalResponse {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

/** The CSRF token of a page's forms. */
export function csrfOf(page: PortalResponse): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(page.text);
  if (!match) throw new Error(`no CSRF field on the page (status ${page.status})`);
  return match[1]!;
}

/** The text of an element by data-testid (first match), tags stripped. */
export function testIdText(page: PortalResponse, testId: string): string | undefined {
  const match = new RegExp(`data-testid="${testId}"[^>]*>([\\s\\S]*?)</`).exec(page.text);
  return match?.[1]?.replace(/<[^>]+>/g, '').trim();
}
