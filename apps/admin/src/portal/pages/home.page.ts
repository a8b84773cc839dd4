import { providerLabel } from '../idp/idp-providers';
import type { DirectorySummary } from '../portal-directories.service';
import { html } from '../render/html';
import type { PortalPage } from '../render/layout';
import { formatCount, timeElement } from '../render/format';
import type { PortalSessionContext } from '../session/portal-session';
import { chromeOf } from './chrome';
import { connectionPill } from './status';

/** The tenant's directory connections. */
export function homePage(session: PortalSessionContext, summaries: DirectorySummary[]): PortalPage {
  return {
    title: 'Your directories',
    chrome: chromeOf(session),
    body: html`<h1>Directory sync</h1>
      <p class="lead">Connect your identity provider so that people and groups stay in sync automatically.</p>
      ${summaries.map(
        (summary) => html`<section class="card">
          <h2><a href="/portal/directories/${summary.directory.id}">${summary.directory.name}</a></h2>
          <p>${providerLabel(summary.directory.provider)} · ${connectionPill(summary.status)}</p>
          <dl class="grid">
            <div class="stat"><dt>Users</dt><dd>${formatCount(summary.userCount)}</dd></div>
            <div class="stat"><dt>Groups</dt><dd>${formatCount(summary.groupCount)}</dd></div>
            <div class="stat"><dt>Last sync</dt><dd>${timeElement(summary.lastSyncAt)}</dd></div>
          </dl>
        </section>`,
      )}
      <p><a class="button secondary" href="/portal/connect">Connect another identity provider</a></p>
      <p><a href="/portal/activity">Activity log</a></p>`,
  };
}
