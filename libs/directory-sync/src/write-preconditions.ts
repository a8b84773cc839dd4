import { UniqueViolationError } from '@roster/data';
import { ScimError } from '@roster/scim';

/** RFC 7644 §3.14: a write with If-Match names the version it was based on. */
export function checkVersion(current: { version: number }, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw new ScimError({
      status: 412,
      detail: `The resource is at version ${current.version}, not ${expectedVersion}`,
    });
  }
}

export function notFound(kind: 'User' | 'Group', id: string): ScimError {
  return ScimError.notFound(`${kind} ${id} not found`);
}

export function userNameTaken(): ScimError {
  return ScimError.uniqueness('Another resource in this directory already has this userName');
}

/** Runs a write, turning a unique-index violation into SCIM's 409 uniqueness. */
export async function withUniqueness<T>(attribute: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UniqueViolationError) {
      throw ScimError.uniqueness(`Another resource in this directory already has this ${attribute}`);
    }
    throw error;
  }
}
