import type { AttributeDefinition } from './attribute-definition';
import { complexAttribute, simpleAttribute, stringAttribute } from './define-attribute';

const readOnly = { mutability: 'readOnly' } as const;

/**
 * RFC 7643 §3.1 attributes every resource has. They belong to no schema, so
 * /Schemas does not list them, but paths and filters may name them.
 */
export const COMMON_ATTRIBUTES: readonly AttributeDefinition[] = [
  stringAttribute('id', 'Unique identifier for the resource, assigned by the service provider.', {
    ...readOnly,
    caseExact: true,
    returned: 'always',
    uniqueness: 'server',
  }),
  stringAttribute('externalId', "The identifier the provisioning client uses for the resource.", { caseExact: true }),
  complexAttribute(
    'meta',
    'Resource metadata.',
    [
      stringAttribute('resourceType', 'The name of the resource type.', { ...readOnly, caseExact: true }),
      simpleAttribute('created', 'dateTime', 'When the resource was added to the service provider.', readOnly),
      simpleAttribute('lastModified', 'dateTime', 'When the resource was last modified.', readOnly),
      simpleAttribute('location', 'reference', 'The URI of the resource.', {
        ...readOnly,
        caseExact: true,
        referenceTypes: ['uri'],
      }),
      stringAttribute('version', 'The version (ETag) of the resource.', { ...readOnly, caseExact: true }),
    ],
    readOnly,
  ),
];
