// OneLogin renders bodies from admin-written templates; a placeholder it could
// not resolve arrives literally, e.g. "{$user.active}" or "{$parameters.title}".
const PLACEHOLDER = /\{\$[A-Za-z_][\w.]*\}/;

/** True for a string still holding an unresolved template placeholder. */
export function isTemplateArtefact(value: unknown): boolean {
  return typeof value === 'string' && PLACEHOLDER.test(value);
}

/** True when a body carries template placeholders anywhere (evidence of a templating client). */
export function containsTemplateArtefact(value: unknown): boolean {
  if (isTemplateArtefact(value)) return true;
  if (Array.isArray(value)) return value.some(containsTemplateArtefact);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsTemplateArtefact);
  return false;
}
