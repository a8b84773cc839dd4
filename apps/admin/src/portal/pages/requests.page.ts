import type { Directory } from '@roster/data';
import type { RequestLogPage } from '../portal-directories.service';
import { statusPill, timeElement } from '../render/format';
import { html, type SafeHtml } from '../render/html';
import type { PortalPage } from '../render/layout';
import { displayScimPath } from '../render/scim-path';
import type { ScimRequestObject } from '../../scim-requests/scim-request.object';
import type { PortalSessionContext } from '../session/portal-session';
import { chromeOf } from './chrome';

/** The SCIM request log, with every failure's error detail: what IT admins debug with. */
export function requestsPage(
  session: PortalSessionContext,
  directory: Directory,
  log: RequestLogPage,
  failuresOnly: boolean,
): PortalPage {
  const base = `/portal/directories/${directory.id}/requests`;
  const filter = failuresOnly ? 'status=failed&' : '';
  return {
    title: `SCIM requests · ${directory.name}`,
    chrome: chromeOf(session),
    tabs: { directoryId: directory.id, active: 'requests' },
    body: html`<h1>SCIM requests</h1>
      <p class="lead">Every request your identity provider sent, newest first. Secrets in request bodies are redacted.</p>
      <nav class="filters" aria-label="Filter requests">
        <a href="${base}" aria-current="${failuresOnly ? 'false' : 'true'}">All</a>
        <a href="${base}?status=failed" aria-current="${failuresOnly ? 'true' : 'false'}">Failures</a>
      </nav>
      ${log.data.length === 0
        ? html`<p class="card muted">${failuresOnly ? 'No failed request. All good.' : 'No request yet.'}</p>`
        : html`<div class="table-wrap card"><table data-testid="request-log">
            <thead><tr><th scope="col">Time</th><th scope="col">Request</th><th scope="col">Status</th><th scope="col">Duration</th><th scope="col">Client</th><th scope="col">Details</th></tr></thead>
            <tbody>${log.data.map((request) => row(request, directory.id))}</tbody></table></div>`}
      <nav class="pager" aria-label="Pages">
        <span>${log.before ? html`<a href="${base}?${filter}before=${log.before}">← Newer</a>` : ''}</span>
        <span>${log.after ? html`<a href="${base}?${filter}after=${log.after}">Older →</a>` : ''}</span>
      </nav>`,
  };
}

function row(request: ScimRequestObject, directoryId: string): SafeHtml {
  return html`<tr>
    <td class="nowrap">${timeElement(new Date(request.created_at))}</td>
    <td><span class="request-line">${request.method} ${displayScimPath(request.path, directoryId)}</span></td>
    <td>${statusPill(request.status)}</td>
    <td class="num nowrap">${request.duration_ms} ms</td>
    <td>${request.client ?? html`<span class="muted">unknown</span>`}</td>
    <td>${request.error_detail ?? ''}${request.request_body === null ? '' : html`<details><summary>Body</summary><pre class="mono">${JSON.stringify(request.request_body, null, 2)}</pre></details>`}</td>
  </tr>`;
}
