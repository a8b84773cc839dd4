import { SCIM_URNS } from '../schema/schema-urns';

/** The `scimType` values of RFC 7644 §3.12. */
export const SCIM_TYPES = [
  'invalidFilter',
  'tooMany',
  'uniqueness',
  'mutability',
  'invalidSyntax',
  'invalidPath',
  'noTarget',
  'invalidValue',
  'invalidVers',
  'sensitive',
] as const;

export type ScimType = (typeof SCIM_TYPES)[number];

/** The RFC 7644 §3.12 error response body. `status` is a string there. */
export interface ScimErrorBody {
  schemas: [typeof SCIM_URNS.error];
  status: string;
  scimType?: ScimType;
  detail?: string;
}

export interface ScimErrorInit {
  status: number;
  detail: string;
  scimType?: ScimType;
}

/**
 * A failure the SCIM client caused or must hear about, carrying its HTTP status.
 * Domain code throws it; the transport renders `toScimErrorBody()`.
 */
export class ScimError extends Error {
  override readonly name = 'ScimError';
  readonly status: number;
  readonly scimType?: ScimType;
  readonly detail: string;

  constructor(init: ScimErrorInit) {
    super(init.detail);
    this.status = init.status;
    this.detail = init.detail;
    if (init.scimType !== undefined) this.scimType = init.scimType;
  }

  toScimErrorBody(): ScimErrorBody {
    const body: ScimErrorBody = { schemas: [SCIM_URNS.error], status: String(this.status) };
    if (this.scimType !== undefined) body.scimType = this.scimType;
    body.detail = this.detail;
    return body;
  }

  static invalidFilter(detail: string): ScimError {
    return new ScimError({ status: 400, scimType: 'invalidFilter', detail });
  }

  static tooMany(detail: string): ScimError {
    return new ScimError({ status: 400, scimType: 'tooMany', detail });
  }

  static uniqueness(detail: string): ScimError {
    return new ScimError({ status: 409, scimType: 'uniqueness', detail });
  }

  static mutability(detail: string): ScimError {
    return new ScimError({ status: 400, scimType: 'mutability', detail });
  }

  static invalidSyntax(detail: string): ScimError {
    return new ScimError({ status: 400, scimType: 'invalidSyntax', detail });
  }

  static invalidPath(detail: string): ScimError {
    return new ScimError({ status: 400, scimType: 'invalidPath', detail });
  }

  static noTarget(detail: string): ScimError {
    return new ScimError({ status: 400, scimType: 'noTarget', detail });
  }

  static invalidValue(detail: string): ScimError {
    return new ScimError({ status: 400, scimType: 'invalidValue', detail });
  }

  static invalidVersion(detail: string): ScimError {
    return new ScimError({ status: 400, scimType: 'invalidVers', detail });
  }

  // RFC 7644 §3.12 pairs `sensitive` with 403: the request put secrets in the URI.
  static sensitive(detail: string): ScimError {
    return new ScimError({ status: 403, scimType: 'sensitive', detail });
  }

  static notFound(detail: string): ScimError {
    return new ScimError({ status: 404, detail });
  }
}
