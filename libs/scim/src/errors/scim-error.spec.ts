import { SCIM_TYPES, ScimError, type ScimType } from './scim-error';

describe('ScimError', () => {
  const helpers: [ScimType, (detail: string) => ScimError, number][] = [
    ['invalidFilter', ScimError.invalidFilter, 400],
    ['tooMany', ScimError.tooMany, 400],
    ['uniqueness', ScimError.uniqueness, 409],
    ['mutability', ScimError.mutability, 400],
    ['invalidSyntax', ScimError.invalidSyntax, 400],
    ['invalidPath', ScimError.invalidPath, 400],
    ['noTarget', ScimError.noTarget, 400],
    ['invalidValue', ScimError.invalidValue, 400],
    ['invalidVers', ScimError.invalidVersion, 400],
    ['sensitive', ScimError.sensitive, 403],
  ];

  it.each(helpers)('%s helper sets the type and status', (scimType, make, status) => {
    const error = make('bad thing');
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toBeInstanceOf(Error);
    expect(error.scimType).toBe(scimType);
    expect(error.status).toBe(status);
    expect(error.detail).toBe('bad thing');
    expect(error.message).toBe('bad thing');
  });

  it('covers every RFC 7644 scimType', () => {
    expect(helpers.map(([type]) => type).sort()).toEqual([...SCIM_TYPES].sort());
  });

  it('renders the RFC 7644 error body with a string status', () => {
    expect(ScimError.invalidFilter('Unknown attribute "foo"').toScimErrorBody()).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '400',
      scimType: 'invalidFilter',
      detail: 'Unknown attribute "foo"',
    });
  });

  it('omits scimType when there is none', () => {
    const body = ScimError.notFound('User 1 not found').toScimErrorBody();
    expect(body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '404',
      detail: 'User 1 not found',
    });
    expect('scimType' in body).toBe(false);
  });

  it('has a recognisable name in stack traces', () => {
    expect(new ScimError({ status: 500, detail: 'x' }).name).toBe('ScimError');
  });
});
