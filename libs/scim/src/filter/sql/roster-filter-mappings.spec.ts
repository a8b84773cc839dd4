import type { AttributeDefinition, ResourceTypeDefinition } from '../../schema/attribute-definition';
import { resolveAttribute } from '../../schema/resolve-attribute';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../../schema/resource-types';
import type { FilterMapping } from './attribute-mapping';
import { GROUP_FILTER_MAPPING, USER_FILTER_MAPPING } from './roster-filter-mappings';

// Filters and PATCH path filters must agree on case rules, so the SQL allowlist
// follows the schemas; membership ids are the one deliberate exception.
const EXACT_BY_DESIGN = new Set(['groups.value', 'members.value']);

function checkAgainstSchema(mapping: FilterMapping, resourceType: ResourceTypeDefinition): void {
  for (const [path, attribute] of Object.entries(mapping.attributes)) {
    if (path === 'schemas') continue;
    const resolved = resolveAttribute(resourceType, path);
    expect({ path, resolved: resolved !== undefined }).toEqual({ path, resolved: true });
    const definition = (resolved?.subAttribute ?? resolved?.attribute) as AttributeDefinition;
    if (attribute.kind === 'column' || attribute.kind === 'jsonb') {
      expect({ path, caseExact: attribute.caseExact }).toEqual({ path, caseExact: definition.caseExact });
      continue;
    }
    for (const [name, element] of Object.entries(attribute.elements)) {
      const sub = definition.subAttributes?.find((candidate) => candidate.name === name);
      const caseExact = EXACT_BY_DESIGN.has(`${path}.${name}`) ? true : sub?.caseExact;
      expect({ path: `${path}.${name}`, caseExact: element.caseExact }).toEqual({ path: `${path}.${name}`, caseExact });
    }
  }
}

describe('Roster filter mappings', () => {
  it('only name User attributes, with the schema case rules', () => {
    checkAgainstSchema(USER_FILTER_MAPPING, USER_RESOURCE_TYPE);
  });

  it('only name Group attributes, with the schema case rules', () => {
    checkAgainstSchema(GROUP_FILTER_MAPPING, GROUP_RESOURCE_TYPE);
  });

  it('cover what IdPs filter on', () => {
    for (const path of ['userName', 'externalId', 'id', 'emails', 'emails.value', 'active', 'meta.lastModified', 'groups']) {
      expect(Object.keys(USER_FILTER_MAPPING.attributes).map((key) => key.split('.')[0])).toContain(path.split('.')[0]);
    }
    expect(Object.keys(GROUP_FILTER_MAPPING.attributes)).toEqual(expect.arrayContaining(['displayName', 'externalId', 'members']));
  });
});
