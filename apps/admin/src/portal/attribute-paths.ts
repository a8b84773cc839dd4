/** An attribute path seen in a directory's users, with one example value. */
export interface SeenAttribute {
  path: string;
  example: string;
}

// Identity and bookkeeping, not attributes an admin would map.
const SKIPPED = new Set(['schemas', 'id', 'meta', 'password', 'groups', 'externalid']);
const MAX_EXAMPLE = 60;

/**
 * The SCIM paths present in stored user resources, in the syntax attribute
 * mappings take (`title`, `name.givenName`, `emails[type eq "work"].value`,
 * `urn:...:User:department`, `urn:...:User:manager.value`), core attributes
 * first, each with an example value.
 */
export function collectAttributePaths(resources: readonly unknown[]): SeenAttribute[] {
  const seen = new Map<string, string>();
  const add = (path: string, value: unknown) => {
    if (!seen.has(path) && isScalar(value)) seen.set(path, example(value));
  };
  for (const resource of resources) {
    if (!isObject(resource)) continue;
    for (const [key, value] of Object.entries(resource)) {
      if (SKIPPED.has(key.toLowerCase())) continue;
      if (key.toLowerCase().startsWith('urn:') && isObject(value)) collectExtension(key, value, add);
      else collectAttribute(key, value, add);
    }
  }
  return [...seen]
    .map(([path, value]) => ({ path, example: value }))
    .sort((a, b) => Number(a.path.startsWith('urn:')) - Number(b.path.startsWith('urn:')) || a.path.localeCompare(b.path));
}

type Add = (path: string, value: unknown) => void;

function collectExtension(urn: string, extension: Record<string, unknown>, add: Add): void {
  for (const [key, value] of Object.entries(extension)) collectAttribute(`${urn}:${key}`, value, add);
}

function collectAttribute(path: string, value: unknown, add: Add): void {
  if (isScalar(value)) return add(path, value);
  if (isObject(value)) {
    for (const [sub, subValue] of Object.entries(value)) add(`${path}.${sub}`, subValue);
    return;
  }
  if (!Array.isArray(value)) return;
  for (const element of value) {
    if (isScalar(element)) add(path, element);
    if (!isObject(element)) continue;
    const type = typeof element.type === 'string' && /^[\w .-]+$/.test(element.type) ? element.type : undefined;
    for (const [sub, subValue] of Object.entries(element)) {
      if (sub === 'type' || sub === 'primary') continue;
      add(type ? `${path}[type eq "${type}"].${sub}` : `${path}.${sub}`, subValue);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function example(value: string | number | boolean): string {
  const text = String(value);
  return text.length > MAX_EXAMPLE ? `${text.slice(0, MAX_EXAMPLE - 1)}…` : text;
}
