import { html } from '../render/html';
import type { PortalPage } from '../render/layout';
import { timeElement } from '../render/format';
import type { AuditLogEntryObject } from '../../audit/audit-log-entry.object';
import type { PortalSessionContext } from '../session/portal-session';
import { chromeOf } from './chrome';

const ACTORS: Record<string, string> = {
  portal_session: 'An IT admin (setup portal)',
  api_key: 'The application (API key)',
  bootstrap_key: 'The application (bootstrap key)',
};

/** The organization's configuration changes, whoever made them. */
export function activityPage(
  session: PortalSessionContext,
  entries: AuditLogEntryObject[],
  older: string | null,
): PortalPage {
  return {
    title: 'Activity',
    chrome: chromeOf(session),
    body: html`<h1>Activity</h1>
      <p class="lead">Configuration changes to your organization's directory sync, newest first.</p>
      <div class="table-wrap card"><table data-testid="audit-log">
        <thead><tr><th scope="col">Time</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">On</th></tr></thead>
        <tbody>${entries.map(
          (entry) => html`<tr><td>${timeElement(new Date(entry.created_at))}</td>
            <td>${ACTORS[entry.actor.type] ?? entry.actor.type}${entry.actor.id === session.id ? ' (you)' : ''}</td>
            <td>${entry.action}</td><td><span class="mono">${entry.target.id}</span></td></tr>`,
        )}</tbody></table></div>
      ${older ? html`<p><a href="/portal/activity?after=${older}">Older →</a></p>` : ''}`,
  };
}
