import { SCIM_URNS } from '../schema/schema-urns';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../schema/resource-types';
import { applyPatch } from './apply-patch';
import { body, ENTERPRISE } from './patch-fixtures';
import { syncSchemas } from './sync-schemas';

describe('syncSchemas', () => {
  const ENTRA_GROUP = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

  it.each([
    ['adds an extension that gained data', { schemas: [SCIM_URNS.user], [ENTERPRISE]: { a: 1 } }, [SCIM_URNS.user, ENTERPRISE]],
    ['drops a known extension without data', { schemas: [SCIM_URNS.user, ENTERPRISE] }, [SCIM_URNS.user]],
    ['keeps unknown ids', { schemas: [SCIM_URNS.user, ENTRA_GROUP, 'urn:x:y'] }, [SCIM_URNS.user, ENTRA_GROUP, 'urn:x:y']],
    ['adds unknown URN extensions', { schemas: [SCIM_URNS.user], 'urn:x:y': {} }, [SCIM_URNS.user, 'urn:x:y']],
    ['matches URNs in any case', { schemas: [ENTERPRISE.toUpperCase()], [ENTERPRISE]: { a: 1 } }, [ENTERPRISE.toUpperCase()]],
  ])('%s', (_name, resource, schemas) => {
    syncSchemas({}, resource, USER_RESOURCE_TYPE);
    expect(resource.schemas).toEqual(schemas);
  });

  it('drops an unknown extension the patch removed', () => {
    const after = { schemas: [SCIM_URNS.user, 'urn:x:y', 'urn:x:z'] };
    syncSchemas({ 'urn:x:y': { a: 1 } }, after, USER_RESOURCE_TYPE);
    expect(after.schemas).toEqual([SCIM_URNS.user, 'urn:x:z']);
  });

  it('leaves resources without a schemas list alone', () => {
    const resource = { [ENTERPRISE]: { a: 1 } };
    syncSchemas({}, resource, USER_RESOURCE_TYPE);
    expect(resource).toEqual({ [ENTERPRISE]: { a: 1 } });
  });

  it('runs as part of applyPatch and is reported as a change', () => {
    const result = applyPatch(
      { schemas: [SCIM_URNS.user], userName: 'a' },
      body({ op: 'add', path: `${ENTERPRISE}:department`, value: 'Ops' }),
      USER_RESOURCE_TYPE,
    );
    expect(result.resource.schemas).toEqual([SCIM_URNS.user, ENTERPRISE]);
    expect(result.changedAttributes.sort()).toEqual(['schemas', ENTERPRISE].sort());
    const group = applyPatch({ schemas: [SCIM_URNS.group, ENTRA_GROUP], displayName: 'G' }, body(), GROUP_RESOURCE_TYPE);
    expect(group.changedAttributes).toEqual([]);
  });
});
