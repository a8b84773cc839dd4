import type { SchemaDefinition } from './attribute-definition';
import { complexAttribute, simpleAttribute, stringAttribute } from './define-attribute';
import { SCIM_URNS } from './schema-urns';

const immutable = { mutability: 'immutable' } as const;

/** RFC 7643 §4.2 core Group schema. */
export const GROUP_SCHEMA: SchemaDefinition = {
  id: SCIM_URNS.group,
  name: 'Group',
  description: 'Group',
  attributes: [
    // RFC 7643 §4.2 calls displayName REQUIRED; Roster also keeps it unique per directory.
    stringAttribute('displayName', 'A human-readable name for the Group. Unique per directory.', {
      required: true,
      uniqueness: 'server',
    }),
    complexAttribute(
      'members',
      'A list of members of the Group.',
      [
        stringAttribute('value', 'Identifier of the member of this Group.', immutable),
        simpleAttribute('$ref', 'reference', 'The URI of the member resource.', {
          ...immutable,
          referenceTypes: ['User', 'Group'],
        }),
        stringAttribute('type', 'The type of the member.', { ...immutable, canonicalValues: ['User', 'Group'] }),
        stringAttribute('display', 'A human-readable name for the member.', { mutability: 'readOnly' }),
      ],
      { multiValued: true },
    ),
  ],
};
