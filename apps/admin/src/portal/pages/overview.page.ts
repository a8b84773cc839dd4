import { providerLabel } from '../idp/idp-providers';
import type { DirectorySummary } from '../portal-directories.service';
import { formatCount, statusPill, timeElement } from '../render/format';
import { html, type SafeHtml } from '../render/html';
import { displayScimPath } from '../render/scim-path';
import { csrfField, type PortalPage } from '../render/layout';
import type { ScimRequestObject } from '../../scim-requests/scim-request.object';
import type { PortalSessionContext } from '../session/portal-session';
import { chromeOf } from './chrome';
import { connectionPill } from './status';

export interface OverviewData {
  summary: DirectorySummary;
  guide: SafeHtml | null;
  /** A token issued by the previous form: shown on this page only. */
  freshToken: string | null;
  recent: ScimRequestObject[];
}

/** Status, counts, the SCIM URL and token, and the provider's setup guide. */
export function overviewPage(session: PortalSessionContext, data: OverviewData): PortalPage {
  const { summary } = data;
  const { directory } = summary;
  const label = providerLabel(directory.provider);
  return {
    title: directory.name,
    chrome: chromeOf(session),
    tabs: { directoryId: directory.id, active: 'overview' },
    body: html`<h1>${directory.name}</h1>
      <p class="lead">${label} · ${connectionPill(summary.status)}</p>
      ${data.freshToken ? html`<div class="notice ok" role="status"><strong>Your SCIM token is ready.</strong> Copy it now and paste it into ${label}: for your security it is shown only once.</div>` : ''}
      <dl class="grid" aria-label="Sync status">
        <div class="stat"><dt>Users</dt><dd data-testid="user-count">${formatCount(summary.userCount)}</dd></div>
        <div class="stat"><dt>Groups</dt><dd data-testid="group-count">${formatCount(summary.groupCount)}</dd></div>
        <div class="stat"><dt>Last sync</dt><dd>${timeElement(summary.lastSyncAt)}</dd></div>
        <div class="stat"><dt>Last request</dt><dd>${summary.lastRequest ? statusPill(summary.lastRequest.status) : html`<span class="muted">none yet</span>`}</dd></div>
      </dl>
      <div class="split">
        <div>
          ${summary.scimBaseUrl ? connection(session, summary, data.freshToken) : googleNote(directory.id)}
          <section class="card guide" aria-labelledby="guide-title">
            <h2 id="guide-title">Set up ${label}</h2>
            ${data.guide ?? fallbackGuide(label)}
          </section>
        </div>
        <aside>${recentRequests(directory.id, data.recent)}</aside>
      </div>`,
  };
}

function connection(session: PortalSessionContext, summary: DirectorySummary, freshToken: string | null): SafeHtml {
  const { directory } = summary;
  return html`<section class="card" aria-labelledby="connection-title">
    <h2 id="connection-title">Connection details</h2>
    <div class="field">
      <span class="label" id="scim-url-label">SCIM base URL</span>
      <div class="secret"><code id="scim-url" aria-labelledby="scim-url-label" data-testid="scim-base-url">${summary.scimBaseUrl}</code>
        <button type="button" class="secondary" data-copy="scim-url">Copy</button></div>
    </div>
    <div class="field">
      <span class="label" id="scim-token-label">Bearer token</span>
      ${freshToken ? freshTokenField(freshToken) : html`<div class="secret"><code id="scim-token" aria-labelledby="scim-token-label">scim_…${directory.scimTokenLastFour}</code>
          <span class="hint">Shown only when it is created. Lost it? Rotate it to get a new one.</span></div>`}
    </div>
    <details class="confirm">
      <summary>Rotate the token…</summary>
      <form method="post" action="/portal/directories/${directory.id}/token">
        ${csrfField(session.csrfToken)}
        <p>A new token is issued and <strong>the current one stops working at once</strong>: your identity provider cannot sync until you paste the new token into it.</p>
        <button type="submit" class="danger" name="confirm" value="yes">Yes, rotate the token</button>
      </form>
    </details>
  </section>`;
}

function freshTokenField(token: string): SafeHtml {
  const masked = `${token.slice(0, 5)}${'•'.repeat(24)}${token.slice(-4)}`;
  return html`<div class="secret">
    <code id="scim-token" aria-labelledby="scim-token-label" data-testid="scim-token" data-value="${token}" data-masked="${masked}">${masked}</code>
    <button type="button" class="secondary" data-reveal="scim-token" aria-pressed="false" aria-controls="scim-token">Reveal</button>
    <button type="button" class="secondary" data-copy="scim-token">Copy</button>
  </div>
  <noscript><p class="mono">${token}</p></noscript>`;
}

function googleNote(directoryId: string): SafeHtml {
  return html`<section class="card"><h2>Connection details</h2>
    <p>Google Workspace is read through Google's Admin SDK, not SCIM. Add the service account key and an admin email in
    <a href="/portal/directories/${directoryId}/settings">Settings</a>.</p></section>`;
}

function fallbackGuide(label: string): SafeHtml {
  return html`<ol>
    <li>In ${label}, create an application with SCIM provisioning (SCIM 2.0, bearer token authentication).</li>
    <li>Paste the <strong>SCIM base URL</strong> above as the connector base URL.</li>
    <li>Paste the <strong>bearer token</strong> above as the API token; choose “HTTP header” authentication.</li>
    <li>Turn on creating, updating and deactivating users, and pushing groups.</li>
    <li>Assign the people and groups to sync. The first request shows up under <em>SCIM requests</em> within seconds.</li>
  </ol>`;
}

function recentRequests(directoryId: string, recent: ScimRequestObject[]): SafeHtml {
  return html`<section class="card" aria-labelledby="recent-title">
    <h2 id="recent-title">Recent requests</h2>
    ${recent.length === 0
      ? html`<p class="muted">No request yet. Once ${'your identity provider'} connects, its requests appear here.</p>`
      : html`<ul class="plain" data-testid="recent-requests">${recent.map(
          (request) => html`<li>${statusPill(request.status)} <span class="request-line">${request.method} ${displayScimPath(request.path, directoryId)}</span> ${timeElement(new Date(request.created_at))}</li>`,
        )}</ul>`}
    <p><a href="/portal/directories/${directoryId}/requests">All requests</a> · <a href="/portal/directories/${directoryId}/requests?status=failed">Failures</a></p>
  </section>`;
}
