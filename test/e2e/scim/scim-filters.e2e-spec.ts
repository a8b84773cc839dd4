import { useTestContext } from '@roster/testing';
import { type ScimDirectory, startScimStack } from './scim-stack';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** RFC 7644 §3.4.2.2 filters, compiled to SQL and run on real Postgres over a small fixture directory. */
describe('SCIM filters on Postgres', () => {
  const context = useTestContext();
  let directory: ScimDirectory;
  let groupId: string;

  beforeAll(async () => {
    const stack = await startScimStack(context);
    directory = await stack.createDirectory();
    const users = [
      {
        userName: 'bjensen',
        externalId: 'Ext-1',
        name: { familyName: "O'Malley", givenName: 'Barbara' },
        title: 'Tour Guide',
        userType: 'Employee',
        emails: [{ value: 'bjensen@example.com', type: 'work' }],
        [ENTERPRISE]: { department: 'Tours' },
      },
      {
        userName: 'jsmith',
        externalId: 'ext-1',
        name: { familyName: 'Smith' },
        userType: 'Intern',
        active: false,
        emails: [{ value: 'jsmith@example.org', type: 'home' }],
        ims: [{ value: 'js@foo.com', type: 'xmpp' }],
      },
      { userName: 'Jdoe', userType: 'Contractor', emails: [{ value: 'jdoe@other.net', type: 'work' }] },
    ];
    for (const user of users) expect((await directory.scim('POST', '/Users', user)).status).toBe(201);
    const jdoe = await (
      await directory.scim('GET', `/Users?filter=${encodeURIComponent('userName eq "jdoe"')}`)
    ).json();
    groupId = (
      await (
        await directory.scim('POST', '/Groups', { displayName: 'G', members: [{ value: jdoe.Resources[0].id }] })
      ).json()
    ).id;
  });

  const names = async (filter: string): Promise<string[]> => {
    const response = await directory.scim('GET', `/Users?filter=${encodeURIComponent(filter)}&sortBy=userName`);
    expect(response.status).toBe(200);
    return (await response.json()).Resources.map((user: { userName: string }) => user.userName);
  };

  it.each([
    ['userName eq "BJENSEN"', ['bjensen']],
    [`name.familyName co "o'malley"`, ['bjensen']],
    ['userName sw "J"', ['Jdoe', 'jsmith']],
    ['userName ew "SMITH"', ['jsmith']],
    ['title pr', ['bjensen']],
    ['not (title pr)', ['Jdoe', 'jsmith']],
    ['title pr and userType eq "Employee"', ['bjensen']],
    ['title pr or userType eq "Intern"', ['bjensen', 'jsmith']],
    ['userType ne "Employee"', ['Jdoe', 'jsmith']],
    ['title ne "Tour Guide"', ['Jdoe', 'jsmith']],
    ['userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")', ['bjensen']],
    ['userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")', ['Jdoe']],
    [
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
      ['bjensen', 'jsmith'],
    ],
    ['externalId eq "ext-1"', ['jsmith']],
    ['active eq false', ['jsmith']],
    ['meta.lastModified gt "2011-05-13T04:42:34Z"', ['bjensen', 'Jdoe', 'jsmith']],
    ['meta.created lt "2011-05-13T04:42:34Z"', []],
    [`${ENTERPRISE}:department eq "tours"`, ['bjensen']],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName eq "jsmith"', ['jsmith']],
    [`schemas eq "${ENTERPRISE}"`, ['bjensen']],
    ['USERNAME Eq "jdoe"', ['Jdoe']],
  ])('%s', async (filter, expected) => {
    expect(await names(filter)).toEqual(expected);
  });

  it('filters on group membership through the join table', async () => {
    expect(await names(`groups.value eq "${groupId}"`)).toEqual(['Jdoe']);
    const groups = await (await directory.scim('GET', `/Groups?filter=${encodeURIComponent('members pr')}`)).json();
    expect(groups.totalResults).toBe(1);
  });

  it.each(['userName eq', 'password eq "x"', 'emails[type eq "work"', 'userName zz "x"', 'nosuch eq 1'])(
    'rejects %s with invalidFilter',
    async (filter) => {
      const response = await directory.scim('GET', `/Users?filter=${encodeURIComponent(filter)}`);
      expect(response.status).toBe(400);
      expect((await response.json()).scimType).toBe('invalidFilter');
    },
  );
});
