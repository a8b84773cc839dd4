import type { ClientDialect, GroupSpec, Person } from './clients/client-dialect';
import type { Story, StoryAction, StoryRequest, StoryStep } from './story-format';

const alice: Person = {
  key: 'alice',
  userName: 'alice.andersen@example.com',
  givenName: 'Alice',
  familyName: 'Andersen',
  email: 'alice.andersen@example.com',
  title: 'Engineer',
  externalId: '6f1c2b0e-1d1a-4c3e-9a57-0a1f7e3c5a01',
};
const bob: Person = {
  key: 'bob',
  userName: 'bob.brown@example.com',
  givenName: 'Bob',
  familyName: 'Brown',
  email: 'bob.brown@example.com',
  title: 'Designer',
  externalId: '6f1c2b0e-1d1a-4c3e-9a57-0a1f7e3c5a02',
};
const carol: Person = {
  key: 'carol',
  userName: 'carol.chen@example.com',
  givenName: 'Carol',
  familyName: 'Chen',
  email: 'carol.chen@example.com',
  title: 'Analyst',
  externalId: '6f1c2b0e-1d1a-4c3e-9a57-0a1f7e3c5a03',
};
const group: GroupSpec = {
  key: 'group',
  displayName: 'Engineering',
  externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
};

/**
 * The one admin story every provider replays, in that provider's dialect:
 * provision alice, bob and carol; change alice's title and bob's family name;
 * create Engineering with alice and bob; add carol; remove bob; deprovision bob
 * the IdP's own way; re-send alice's unchanged update; reactivate bob; rename
 * the group; delete it.
 */
export function buildStory(client: ClientDialect): Story {
  const alicePromoted: Person = { ...alice, title: 'Staff Engineer' };
  const bobRenamed: Person = { ...bob, familyName: 'Browning' };
  const renamed: GroupSpec = { ...group, displayName: 'Platform Engineering' };
  const step = (action: StoryAction, title: string, ...requests: StoryRequest[][]): StoryStep => ({
    action,
    title,
    requests: requests.flat(),
  });
  return {
    provider: client.provider,
    dialect: client.dialect,
    scim_version: client.scimVersion,
    title: client.title,
    confidence: client.confidence,
    sources: client.sources,
    notes: client.notes,
    steps: [
      step('probe', 'Test the connection the way the IdP does', client.probe()),
      step(
        'provision_users',
        'Provision alice, bob and carol',
        client.createUser(alice),
        client.createUser(bob),
        client.createUser(carol),
      ),
      step(
        'update_users',
        "Change alice's title and bob's family name",
        client.updateUser(alice, alicePromoted),
        client.updateUser(bob, bobRenamed),
      ),
      step(
        'create_group',
        'Create Engineering with alice and bob',
        client.createGroup(group, [alicePromoted, bobRenamed]),
      ),
      step(
        'add_member',
        'Add carol to Engineering',
        client.addMembers(group, [carol], [alicePromoted, bobRenamed, carol]),
      ),
      step(
        'remove_member',
        'Remove bob from Engineering',
        client.removeMembers(group, [bobRenamed], [alicePromoted, carol]),
      ),
      step('deprovision_user', `Deprovision bob: ${client.deprovisioning}`, client.deprovisionUser(bobRenamed)),
      step('resend_update', "Re-send alice's update unchanged", client.updateUser(alicePromoted, alicePromoted)),
      step('reactivate_user', 'Reactivate bob', client.reactivateUser(bobRenamed)),
      step(
        'rename_group',
        'Rename Engineering to Platform Engineering',
        client.renameGroup(group, renamed, [alicePromoted, carol]),
      ),
      step('delete_group', 'Delete Platform Engineering', client.deleteGroup(renamed)),
    ],
  };
}
