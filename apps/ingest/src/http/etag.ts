import { ScimError } from '@roster/scim';

/** RFC 7644 §3.14: meta.version and the ETag header are a weak tag of the row version. */
export function etagOf(version: number): string {
  return `W/"${version}"`;
}

/**
 * The version an If-Match header demands, undefined when absent or `*`.
 * @throws ScimError 412 for a tag that is not one of ours (it cannot match).
 */
export function expectedVersion(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*' || ifMatch.trim() === '') return undefined;
  const match = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(ifMatch);
  if (!match) throw new ScimError({ status: 412, detail: `If-Match ${ifMatch} does not match the resource` });
  return Number(match[1]);
}

/** If-None-Match on a read: true when the client's copy is current (answer 304). */
export function isNotModified(ifNoneMatch: string | undefined, version: number): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === `"${version}"`);
}
