import { GROUP_RESOURCE_TYPE } from '../schema/resource-types';
import { applyPatchOperations } from './apply-patch';
import { splitMembership } from './extract-membership';
import type { MembershipOperation } from './membership-operation';
import type { ApplyPatchOptions, PatchOperation, PatchResult } from './patch-operation';
import { readPatchOperations } from './read-patch-request';

export interface GroupPatchResult extends PatchResult {
  /** Membership changes in request order, to run as set operations on group_memberships. */
  readonly membership: MembershipOperation[];
}

/**
 * A Group PatchOp: membership operations come back as typed domain ops, and the
 * rest (displayName, externalId, extensions) is applied to the stored JSON, which
 * never holds `members`. Atomic like `applyPatch`: everything is validated
 * before anything is returned.
 * @throws ScimError 400 as `applyPatch`.
 */
export function applyGroupPatch(
  resource: Record<string, unknown>,
  body: unknown,
  options: ApplyPatchOptions = {},
): GroupPatchResult {
  const membership: MembershipOperation[] = [];
  const rest: PatchOperation[] = [];
  for (const operation of readPatchOperations(body)) {
    const split = splitMembership(operation);
    if (split.membership) membership.push(split.membership);
    if (split.rest) rest.push(split.rest);
  }
  return { ...applyPatchOperations(resource, rest, GROUP_RESOURCE_TYPE, options), membership };
}
