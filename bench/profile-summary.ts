import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CpuProfile, hotSpots } from './support/cpu-profile-summary';

// `node dist/bench/profile-summary.js <dir>`: the hottest functions of each .cpuprofile in dir.
const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node dist/bench/profile-summary.js <profiles dir>\n');
  process.exit(2);
}
for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  process.stdout.write(`\n${file}\n`);
  for (const spot of hotSpots(profile))
    process.stdout.write(`  ${String(spot.selfPercent).padStart(5)}%  ${spot.frame}\n`);
}
