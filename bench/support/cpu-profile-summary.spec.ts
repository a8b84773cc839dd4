import { type CpuProfile, hotSpots } from './cpu-profile-summary';

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 9 });

describe('hotSpots', () => {
  it('ranks functions by self time, leaving idle out, with short file names', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(idle)') },
        { id: 2, callFrame: frame('query', '/work/main/node_modules/pg/lib/client.js') },
        { id: 3, callFrame: frame('createUser', 'file:///work/main/dist/apps/ingest/src/users/users.service.js') },
        { id: 4, callFrame: frame('') },
      ],
      samples: [1, 2, 2, 3, 4, 2],
      timeDeltas: [500, 10, 10, 20, 0, 20],
    };
    expect(hotSpots(profile)).toEqual([
      { frame: 'query (pg/lib/client.js:10)', selfPercent: 66.7 },
      { frame: 'createUser (apps/ingest/src/users/users.service.js:10)', selfPercent: 33.3 },
      { frame: '(anonymous)', selfPercent: 0 },
    ]);
  });
});
