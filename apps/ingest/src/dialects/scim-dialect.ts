import { Injectable } from '@nestjs/common';
import { type DialectHint, normalizePatchBody, normalizeResourceBody } from '@roster/dialects';
import type { DirectoryContext } from '@roster/directory-sync';

export type ScimResourceKind = 'User' | 'Group';

/**
 * The edge where each IdP's dialect becomes canonical SCIM 2.0 before the core
 * sees it (CONTRACT section 5). The directory's provider is a hint only: the
 * normalizers tolerate every dialect whatever the provider.
 */
@Injectable()
export class ScimDialect {
  resourceBody(body: unknown, kind: ScimResourceKind, directory: DirectoryContext): unknown {
    return normalizeResourceBody(body, kind, directory.provider as DialectHint);
  }

  patchBody(body: unknown, kind: ScimResourceKind, directory: DirectoryContext): unknown {
    return normalizePatchBody(body, kind, directory.provider as DialectHint);
  }
}
