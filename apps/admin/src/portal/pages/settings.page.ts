import type { Directory } from '@roster/data';
import { html, type SafeHtml } from '../render/html';
import { csrfField, type PortalPage } from '../render/layout';
import type { PortalSessionContext } from '../session/portal-session';
import { chromeOf } from './chrome';

const MODES = [
  {
    value: 'delete',
    label: 'Remove the person',
    hint: 'When someone is deactivated or removed in your identity provider, they are removed from the application.',
  },
  {
    value: 'deactivate',
    label: 'Keep them as inactive',
    hint: 'Deactivated people stay in the application, marked inactive, until they are deleted in your identity provider.',
  },
];

/** Deprovisioning mode, and Google Workspace credentials. */
export function settingsPage(session: PortalSessionContext, directory: Directory, saved: boolean): PortalPage {
  const action = `/portal/directories/${directory.id}/settings`;
  return {
    title: `Settings · ${directory.name}`,
    chrome: chromeOf(session),
    tabs: { directoryId: directory.id, active: 'settings' },
    body: html`<h1>Settings</h1>
      ${saved ? html`<div class="notice ok" role="status">Settings saved.</div>` : ''}
      <form method="post" class="card" action="${action}">
        ${csrfField(session.csrfToken)}
        <fieldset class="bare">
          <legend class="legend-title">When someone loses access</legend>
          ${MODES.map(
            (mode) => html`<div class="field radio-row">
              <input type="radio" name="deprovisioning" id="mode-${mode.value}" value="${mode.value}"${directory.deprovisioning === mode.value ? html` checked` : ''}>
              <label for="mode-${mode.value}">${mode.label}<br><span class="hint">${mode.hint}</span></label>
            </div>`,
          )}
        </fieldset>
        <button type="submit">Save settings</button>
      </form>
      ${directory.provider === 'google_workspace' ? googleForm(session, directory) : ''}`,
  };
}

function googleForm(session: PortalSessionContext, directory: Directory): SafeHtml {
  return html`<form method="post" class="card" action="/portal/directories/${directory.id}/google">
    ${csrfField(session.csrfToken)}
    <h2>Google Workspace credentials</h2>
    <p class="hint">${directory.providerConfigEncrypted ? 'Credentials are saved (never shown again). Send new ones to replace them.' : 'No credentials yet.'}</p>
    <div class="field"><label for="admin-email">Admin email</label><input type="email" id="admin-email" name="admin_email" required></div>
    <div class="field"><label for="service-account-key">Service account key (JSON)</label>
      <textarea id="service-account-key" name="service_account_key" rows="6" required></textarea></div>
    <button type="submit">Save credentials</button>
  </form>`;
}
