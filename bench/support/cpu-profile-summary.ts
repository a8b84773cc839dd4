/** The parts of a V8 .cpuprofile a summary needs. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  /** "function (file:line)", the file shortened to what follows node_modules/ or the repo folders. */
  frame: string;
  selfPercent: number;
}

/** Functions by self time, the heaviest first; idle and GC-less program frames excluded. */
export function hotSpots(profile: CpuProfile, top = 20): HotSpot[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[i] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') return;
    total += delta;
    const frame = describe(node.callFrame);
    self.set(frame, (self.get(frame) ?? 0) + delta);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([frame, time]) => ({ frame, selfPercent: Math.round((time / total) * 1000) / 10 }));
}

function describe(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const file = frame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(apps|libs)\//, '$1/');
  return `${frame.functionName || '(anonymous)'}${file ? ` (${file}:${frame.lineNumber + 1})` : ''}`;
}
