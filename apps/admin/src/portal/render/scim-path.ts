/**
 * A logged SCIM path as an IT admin reads it: relative to the directory's base
 * URL, with the query decoded (`/Users?filter=userName eq "ada"`).
 */
export function displayScimPath(path: string, directoryId: string): string {
  const relative = path.replace(new RegExp(`^/scim/v[12]/${escapeRegExp(directoryId)}(?=/|\\?|$)`), '') || '/';
  try {
    return decodeURIComponent(relative.replace(/\+/g, ' '));
  } catch {
    return relative;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
