import { html } from '../render/html';
import type { PortalPage } from '../render/layout';

/** A page with one message: expired links, ended sessions, errors, signed out. */
export function messagePage(input: { status: number; title: string; detail: string; returnUrl?: string | null }): PortalPage {
  return {
    title: input.title,
    status: input.status,
    body: html`<section class="message card">
      <h1>${input.title}</h1>
      <p>${input.detail}</p>
      ${input.returnUrl ? html`<p><a class="button" href="${input.returnUrl}">Back to the application</a></p>` : ''}
    </section>`,
  };
}
