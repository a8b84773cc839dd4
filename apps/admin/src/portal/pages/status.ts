import type { ConnectionStatus } from '../portal-directories.service';
import { html, type SafeHtml } from '../render/html';

const LABELS: Record<ConnectionStatus, { label: string; tone: string }> = {
  waiting: { label: 'Waiting for the first request', tone: 'warn' },
  active: { label: 'Active', tone: 'ok' },
  paused: { label: 'Paused', tone: 'bad' },
};

export function connectionPill(status: ConnectionStatus): SafeHtml {
  const { label, tone } = LABELS[status];
  return html`<span class="pill ${tone}" data-testid="connection-status">${label}</span>`;
}
