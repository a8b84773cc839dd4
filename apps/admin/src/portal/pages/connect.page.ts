import { IDP_CHOICES } from '../idp/idp-providers';
import { html } from '../render/html';
import { csrfField, type PortalPage } from '../render/layout';
import type { PortalSessionContext } from '../session/portal-session';
import { chromeOf } from './chrome';

/** Step one: which identity provider the organization uses. */
export function connectPage(session: PortalSessionContext): PortalPage {
  return {
    title: 'Choose your identity provider',
    chrome: chromeOf(session),
    body: html`<h1>Choose your identity provider</h1>
      <p class="lead">Pick where your organization manages its people. The next page walks you through the setup.</p>
      <form method="post" action="/portal/directories">
        ${csrfField(session.csrfToken)}
        <fieldset class="providers">
          <legend class="sr-only">Identity provider</legend>
          ${IDP_CHOICES.map(
            (choice, index) => html`<div class="provider">
              <input type="radio" name="provider" id="provider-${choice.provider}" value="${choice.provider}" required${index === 0 ? html` checked` : ''}>
              <label for="provider-${choice.provider}">${choice.label}<span>${choice.blurb}</span></label>
            </div>`,
          )}
        </fieldset>
        <button type="submit">Continue</button>
      </form>`,
  };
}
