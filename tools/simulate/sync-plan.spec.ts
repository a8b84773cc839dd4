import { CLIENT_DIALECTS } from './clients/client-dialects';
import { buildSyncPlan } from './sync-plan';

describe('buildSyncPlan', () => {
  it.each(Object.keys(CLIENT_DIALECTS))(
    '%s: provisions every user and group, and captures ids before using them',
    (provider) => {
      const phases = buildSyncPlan(CLIENT_DIALECTS[provider]!, { users: 45, groups: 2, runId: 'r1' });
      const requests = phases.flat(2);
      const userPosts = requests.filter((request) => request.method === 'POST' && request.path === '/Users');
      const groupPosts = requests.filter((request) => request.method === 'POST' && request.path === '/Groups');
      expect(userPosts).toHaveLength(45);
      expect(groupPosts).toHaveLength(2);
      // Phases run in order, units of a phase concurrently: an id used in a phase is captured in an earlier phase or earlier in its unit.
      const captured = new Set<string>();
      for (const phase of phases) {
        const capturedNow = new Set<string>();
        for (const unit of phase) {
          const local = new Set<string>();
          for (const request of unit) {
            for (const [, key] of JSON.stringify([request.path, request.body]).matchAll(/\{\{(\w+)\}\}/g)) {
              expect(captured.has(key!) || local.has(key!)).toBe(true);
            }
            for (const key of Object.keys(request.capture ?? {})) {
              local.add(key);
              capturedNow.add(key);
            }
          }
        }
        capturedNow.forEach((key) => captured.add(key));
      }
    },
  );
});
