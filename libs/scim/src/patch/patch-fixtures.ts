// Test fixtures shared by the PATCH specs (RFC 7643 §8.2-style resources).
import { SCIM_URNS } from '../schema/schema-urns';

export const ENTERPRISE = SCIM_URNS.enterpriseUser;

export function bjensen(): Record<string, unknown> {
  return {
    schemas: [SCIM_URNS.user, ENTERPRISE],
    externalId: '701984',
    userName: 'bjensen@example.com',
    name: { formatted: 'Ms. Barbara J Jensen, III', familyName: 'Jensen', givenName: 'Barbara' },
    displayName: 'Babs Jensen',
    emails: [
      { value: 'bjensen@example.com', type: 'work', primary: true },
      { value: 'babs@jensen.org', type: 'home' },
    ],
    addresses: [
      { type: 'work', streetAddress: '100 Universal City Plaza', locality: 'Hollywood', postalCode: '91608', primary: true },
      { type: 'home', streetAddress: '456 Hollywood Blvd', locality: 'Hollywood', postalCode: '91608' },
    ],
    phoneNumbers: [
      { value: '555-555-5555', type: 'work' },
      { value: '555-555-4444', type: 'mobile' },
    ],
    active: true,
    [ENTERPRISE]: {
      employeeNumber: '701984',
      department: 'Tour Operations',
      manager: { value: '26118915-6090-4610-87e4-49d8ca9f808d', displayName: 'John Smith' },
    },
  };
}

export function minimalUser(): Record<string, unknown> {
  return { schemas: [SCIM_URNS.user], userName: 'jsmith' };
}

export function engineering(): Record<string, unknown> {
  return { schemas: [SCIM_URNS.group], displayName: 'Engineering', externalId: 'eng-1' };
}

export function body(...operations: unknown[]): Record<string, unknown> {
  return { schemas: [SCIM_URNS.patchOp], Operations: operations };
}
