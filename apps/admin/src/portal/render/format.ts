import { html, type SafeHtml } from './html';

const UNITS: [number, string][] = [
  [60, 'second'],
  [60, 'minute'],
  [24, 'hour'],
  [30, 'day'],
  [12, 'month'],
  [Number.POSITIVE_INFINITY, 'year'],
];

/** "3 minutes ago", for people; the exact UTC time is in the element's title. */
export function timeAgo(date: Date, now = new Date()): string {
  let amount = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (amount < 5) return 'just now';
  for (const [size, unit] of UNITS) {
    if (amount < size) return `${amount} ${unit}${amount === 1 ? '' : 's'} ago`;
    amount = Math.floor(amount / size);
  }
  return date.toISOString();
}

export function timeElement(date: Date | null, fallback = 'never'): SafeHtml {
  if (!date) return html`<span class="muted">${fallback}</span>`;
  const iso = date.toISOString();
  return html`<time datetime="${iso}" title="${iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}">${timeAgo(date)}</time>`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** A status pill: ok (2xx/3xx), warn (4xx), bad (5xx). */
export function statusPill(status: number): SafeHtml {
  const tone = status >= 500 ? 'bad' : status >= 400 ? 'warn' : 'ok';
  return html`<span class="pill ${tone}">${status}</span>`;
}
