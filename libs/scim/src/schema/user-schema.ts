import type { AttributeDefinition, SchemaDefinition } from './attribute-definition';
import { complexAttribute, simpleAttribute, stringAttribute } from './define-attribute';
import { SCIM_URNS } from './schema-urns';
import { USER_MULTI_VALUED_ATTRIBUTES } from './user-multi-valued-attributes';

const name = complexAttribute(
  'name',
  "The components of the user's real name.",
  [
    stringAttribute('formatted', 'The full name, formatted for display.'),
    stringAttribute('familyName', 'The family name, or last name in most Western languages.'),
    stringAttribute('givenName', 'The given name, or first name in most Western languages.'),
    stringAttribute('middleName', 'The middle name(s).'),
    stringAttribute('honorificPrefix', "The honorific prefix(es), or title, e.g. 'Ms.'."),
    stringAttribute('honorificSuffix', "The honorific suffix(es), e.g. 'III'."),
  ],
);

const singularAttributes: readonly AttributeDefinition[] = [
  stringAttribute('userName', 'Unique identifier for the User, typically used to sign in. Unique per directory.', {
    required: true,
    uniqueness: 'server',
  }),
  name,
  stringAttribute('displayName', 'The name of the User, suitable for display to end-users.'),
  stringAttribute('nickName', 'The casual way to address the user in real life.'),
  simpleAttribute('profileUrl', 'reference', "A fully qualified URL pointing to the user's online profile.", {
    referenceTypes: ['external'],
  }),
  stringAttribute('title', "The user's title, such as 'Vice President'."),
  stringAttribute('userType', "The relationship between the organization and the user, e.g. 'Employee'."),
  stringAttribute('preferredLanguage', "The user's preferred written or spoken language (RFC 7231 language tag)."),
  stringAttribute('locale', "The user's default location for localization (language tag, e.g. 'en-US')."),
  stringAttribute('timezone', "The user's time zone in IANA Time Zone database format, e.g. 'America/Los_Angeles'."),
  simpleAttribute('active', 'boolean', "The user's administrative status."),
  stringAttribute('password', "The user's cleartext password; never returned.", {
    mutability: 'writeOnly',
    returned: 'never',
  }),
];

/** RFC 7643 §4.1 core User schema. */
export const USER_SCHEMA: SchemaDefinition = {
  id: SCIM_URNS.user,
  name: 'User',
  description: 'User Account',
  attributes: [...singularAttributes, ...USER_MULTI_VALUED_ATTRIBUTES],
};
