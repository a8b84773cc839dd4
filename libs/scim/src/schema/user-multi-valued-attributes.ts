import type { AttributeDefinition } from './attribute-definition';
import { complexAttribute, simpleAttribute, stringAttribute, typedValueAttribute } from './define-attribute';

const addresses = complexAttribute(
  'addresses',
  'A physical mailing address for this user.',
  [
    stringAttribute('formatted', 'The full mailing address, formatted for display.'),
    stringAttribute('streetAddress', 'The full street address component.'),
    stringAttribute('locality', 'The city or locality component.'),
    stringAttribute('region', 'The state or region component.'),
    stringAttribute('postalCode', 'The zip code or postal code component.'),
    stringAttribute('country', 'The country name component (ISO 3166-1 alpha-2).'),
    stringAttribute('type', "A label indicating the address's function.", { canonicalValues: ['work', 'home', 'other'] }),
    simpleAttribute('primary', 'boolean', 'Whether this is the primary address; true at most once.'),
  ],
  { multiValued: true },
);

const readOnly = { mutability: 'readOnly' } as const;

// Memberships are managed through Groups; the User view only reflects them.
const groups = complexAttribute(
  'groups',
  'The groups the user belongs to, directly or through nested groups.',
  [
    stringAttribute('value', "The identifier of the user's group.", readOnly),
    simpleAttribute('$ref', 'reference', 'The URI of the Group resource.', {
      ...readOnly,
      referenceTypes: ['User', 'Group'],
    }),
    stringAttribute('display', "A human-readable name, primarily used for display purposes.", readOnly),
    stringAttribute('type', 'How the membership was derived.', { ...readOnly, canonicalValues: ['direct', 'indirect'] }),
  ],
  { multiValued: true, mutability: 'readOnly' },
);

/** The multi-valued attributes of the core User schema, RFC 7643 §4.1.2. */
export const USER_MULTI_VALUED_ATTRIBUTES: readonly AttributeDefinition[] = [
  typedValueAttribute('emails', 'Email addresses for the user.', { types: ['work', 'home', 'other'] }),
  typedValueAttribute('phoneNumbers', 'Phone numbers for the user.', {
    types: ['work', 'home', 'mobile', 'fax', 'pager', 'other'],
  }),
  typedValueAttribute('ims', 'Instant messaging addresses for the user.', {
    types: ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo'],
  }),
  typedValueAttribute('photos', 'URLs of images of the user.', {
    types: ['photo', 'thumbnail'],
    value: simpleAttribute('value', 'reference', 'URL of a photo of the user.', { referenceTypes: ['external'] }),
  }),
  addresses,
  groups,
  typedValueAttribute('entitlements', 'A list of entitlements for the user.', { types: [] }),
  typedValueAttribute('roles', 'A list of roles for the user.', { types: [] }),
  typedValueAttribute('x509Certificates', 'A list of certificates issued to the user.', {
    types: [],
    value: simpleAttribute('value', 'binary', 'The value of an X.509 certificate.'),
  }),
];
