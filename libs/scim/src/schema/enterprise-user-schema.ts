import type { SchemaDefinition } from './attribute-definition';
import { complexAttribute, simpleAttribute, stringAttribute } from './define-attribute';
import { SCIM_URNS } from './schema-urns';

/** RFC 7643 §4.3 Enterprise User extension. */
export const ENTERPRISE_USER_SCHEMA: SchemaDefinition = {
  id: SCIM_URNS.enterpriseUser,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    stringAttribute('employeeNumber', 'Numeric or alphanumeric identifier assigned to a person by the organization.'),
    stringAttribute('costCenter', 'Identifies the name of a cost center.'),
    stringAttribute('organization', 'Identifies the name of an organization.'),
    stringAttribute('division', 'Identifies the name of a division.'),
    stringAttribute('department', 'Identifies the name of a department.'),
    complexAttribute("manager", "The user's manager.", [
      stringAttribute('value', 'The id of the SCIM resource representing the manager.'),
      simpleAttribute('$ref', 'reference', 'The URI of the SCIM resource representing the manager.', {
        referenceTypes: ['User'],
      }),
      stringAttribute('displayName', "The displayName of the user's manager.", { mutability: 'readOnly' }),
    ]),
  ],
};
