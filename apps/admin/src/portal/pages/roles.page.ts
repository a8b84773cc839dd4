import type { Directory, DirectoryGroup, Role } from '@roster/data';
import { html, type SafeHtml } from '../render/html';
import { csrfField, type PortalPage } from '../render/layout';
import type { PortalSessionContext } from '../session/portal-session';
import { chromeOf } from './chrome';

export interface RolesPageData {
  roles: Role[];
  groups: DirectoryGroup[];
  /** The role slug each listed group maps to now. */
  current: Map<string, string>;
  search: string;
  saved: boolean;
  /** More groups match than are listed. */
  truncated: boolean;
}

/** Group-to-role mapping, with the roles the application defined (PUT /v1/roles). */
export function rolesPage(session: PortalSessionContext, directory: Directory, data: RolesPageData): PortalPage {
  const action = `/portal/directories/${directory.id}/roles`;
  return {
    title: `Roles · ${directory.name}`,
    chrome: chromeOf(session),
    tabs: { directoryId: directory.id, active: 'roles' },
    body: html`<h1>Roles</h1>
      <p class="lead">Give members of a group a role in the application. A person in several mapped groups gets each of their roles.</p>
      ${data.saved ? html`<div class="notice ok" role="status">Role mapping saved.</div>` : ''}
      ${data.roles.length === 0
        ? html`<div class="notice warn">The application has not defined any role yet.</div>`
        : data.groups.length === 0 && !data.search
          ? html`<div class="notice warn">No group has been synced yet. Push groups from your identity provider, then map them here.</div>`
          : groupsForm(session, action, data)}`,
  };
}

function groupsForm(session: PortalSessionContext, action: string, data: RolesPageData): SafeHtml {
  return html`<form method="get" action="${action}" class="filters" role="search">
      <label for="group-search">Find a group</label>
      <input type="search" id="group-search" name="q" value="${data.search}">
      <button type="submit" class="secondary">Search</button>
    </form>
    <form method="post" class="card" action="${action}">
      ${csrfField(session.csrfToken)}
      <div class="table-wrap"><table>
        <thead><tr><th scope="col">Group</th><th scope="col">Role</th></tr></thead>
        <tbody>${data.groups.map((group) => groupRow(group, data.roles, data.current.get(group.id)))}</tbody>
      </table></div>
      ${data.truncated ? html`<p class="hint">Only the first groups are listed: search to find others.</p>` : ''}
      <button type="submit">Save roles</button>
    </form>`;
}

function groupRow(group: DirectoryGroup, roles: Role[], current: string | undefined): SafeHtml {
  const id = `role-${group.id}`;
  return html`<tr>
    <td><label for="${id}">${group.displayName}</label><input type="hidden" name="group" value="${group.id}"></td>
    <td><select id="${id}" name="role_${group.id}">
      <option value="">No role</option>
      ${roles.map((role) => html`<option value="${role.slug}"${role.slug === current ? html` selected` : ''}>${role.name}</option>`)}
    </select></td>
  </tr>`;
}
