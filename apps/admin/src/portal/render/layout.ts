import { html, type SafeHtml, trusted } from './html';
import { PORTAL_JS } from './scripts';
import { PORTAL_CSS } from './styles';

export type DirectoryTab = 'overview' | 'requests' | 'attributes' | 'roles' | 'settings';

const TABS: { tab: DirectoryTab; label: string; path: string }[] = [
  { tab: 'overview', label: 'Overview', path: '' },
  { tab: 'requests', label: 'SCIM requests', path: '/requests' },
  { tab: 'attributes', label: 'Attribute mapping', path: '/attributes' },
  { tab: 'roles', label: 'Roles', path: '/roles' },
  { tab: 'settings', label: 'Settings', path: '/settings' },
];

/** What a signed-in page shows around its content. */
export interface PortalChrome {
  tenantName: string;
  returnUrl: string | null;
  csrfToken: string;
}

export interface PortalPage {
  title: string;
  body: SafeHtml;
  status?: number;
  chrome?: PortalChrome;
  tabs?: { directoryId: string; active: DirectoryTab };
}

/** The whole HTML document of a page; `nonce` unlocks the inline style and script under the CSP. */
export function renderDocument(page: PortalPage, nonce: string): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<link rel="icon" href="data:,">
<title>${page.title} · Directory sync setup</title>
<style nonce="${nonce}">${trusted(PORTAL_CSS)}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top"><div class="top-inner">
  <a class="brand" href="/portal">Directory sync${page.chrome ? html`<small>${page.chrome.tenantName}</small>` : ''}</a>
  ${page.chrome ? topActions(page.chrome) : ''}
</div></header>
<main id="main" tabindex="-1">
${page.tabs ? tabs(page.tabs.directoryId, page.tabs.active) : ''}
${page.body}
</main>
<div id="live-status" class="sr-only" role="status" aria-live="polite"></div>
<script nonce="${nonce}">${trusted(PORTAL_JS)}</script>
</body>
</html>`.value;
}

function topActions(chrome: PortalChrome): SafeHtml {
  return html`<div class="top-actions">
    <a href="/portal/activity">Activity</a>
    ${chrome.returnUrl ? html`<a href="${chrome.returnUrl}">Back to ${hostOf(chrome.returnUrl)}</a>` : ''}
    <form method="post" action="/portal/sign-out">${csrfField(chrome.csrfToken)}<button class="secondary" type="submit">Sign out</button></form>
  </div>`;
}

function tabs(directoryId: string, active: DirectoryTab): SafeHtml {
  const base = `/portal/directories/${encodeURIComponent(directoryId)}`;
  return html`<nav class="tabs" aria-label="Directory">${TABS.map(
    (tab) => html`<a href="${base + tab.path}"${tab.tab === active ? html` aria-current="page"` : ''}>${tab.label}</a>`,
  )}</nav>`;
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the application';
  }
}
