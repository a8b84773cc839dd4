import type { Directory } from '@roster/data';
import type { SeenAttribute } from '../attribute-paths';
import { html, type SafeHtml } from '../render/html';
import { csrfField, type PortalPage } from '../render/layout';
import type { PortalSessionContext } from '../session/portal-session';
import { chromeOf } from './chrome';

/** Blank rows offered for new mappings. */
const NEW_ROWS = 3;

/** Maps attributes seen in this directory's users to custom attribute keys. */
export function attributesPage(
  session: PortalSessionContext,
  directory: Directory,
  mapping: Record<string, string>,
  seen: SeenAttribute[],
  saved: boolean,
): PortalPage {
  const rows = [...Object.entries(mapping), ...Array.from({ length: NEW_ROWS }, () => ['', ''] as [string, string])];
  const examples = new Map(seen.map((attribute) => [attribute.path, attribute.example]));
  const paths = [...new Set([...seen.map((attribute) => attribute.path), ...Object.keys(mapping)])];
  return {
    title: `Attribute mapping · ${directory.name}`,
    chrome: chromeOf(session),
    tabs: { directoryId: directory.id, active: 'attributes' },
    body: html`<h1>Attribute mapping</h1>
      <p class="lead">Choose attributes your identity provider sends and the name the application receives them under (<code>custom_attributes</code>).</p>
      ${saved ? html`<div class="notice ok" role="status">Attribute mapping saved.</div>` : ''}
      ${seen.length === 0 ? html`<div class="notice warn">No user has been synced yet, so there are no attributes to choose from. Come back after the first sync.</div>` : ''}
      <form method="post" class="card" action="/portal/directories/${directory.id}/attributes">
        ${csrfField(session.csrfToken)}
        <div class="table-wrap"><table>
          <thead><tr><th scope="col">Attribute from your provider</th><th scope="col">Custom attribute name</th></tr></thead>
          <tbody>${rows.map(([path, key], index) => mappingRow(index, path, key, paths, examples))}</tbody>
        </table></div>
        <p class="hint">Names use letters, digits and underscores. Clear a name to remove its mapping.</p>
        <button type="submit">Save mapping</button>
      </form>`,
  };
}

function mappingRow(index: number, current: string, key: string, paths: string[], examples: Map<string, string>): SafeHtml {
  return html`<tr>
    <td><label class="sr-only" for="path-${index}">Attribute ${index + 1}</label>
      <select id="path-${index}" name="path">
        <option value="">Choose an attribute…</option>
        ${paths.map(
          (path) => html`<option value="${path}"${path === current ? html` selected` : ''}>${path}${examples.has(path) ? ` (e.g. ${examples.get(path)})` : ''}</option>`,
        )}
      </select></td>
    <td><label class="sr-only" for="key-${index}">Name ${index + 1}</label>
      <input type="text" id="key-${index}" name="key" value="${key}" pattern="[A-Za-z][A-Za-z0-9_]{0,63}" autocomplete="off"></td>
  </tr>`;
}
