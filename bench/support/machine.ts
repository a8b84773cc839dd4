import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

/** What a figure was measured on: it means little without the machine and its load. */
export interface MachineInfo {
  cores: number;
  ramGb: number;
  /** The 1-minute load average when the bench started and ended: other work on the machine skews figures. */
  load1Start: number;
  load1: number;
  cpuModel: string;
}

export function describeMachine(load1Start: number): MachineInfo {
  return {
    cores: cpus().length,
    ramGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    load1Start: Math.round(load1Start * 100) / 100,
    load1: currentLoad(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
  };
}

export function currentLoad(): number {
  return Math.round(loadavg()[0]! * 100) / 100;
}

export function machineLabel(machine: MachineInfo): string {
  return `${machine.cores} cores, ${machine.ramGb} GB, load ${machine.load1Start} → ${machine.load1}`;
}

/** The short commit the bench ran at, marked dirty when the work tree has changes. */
export function currentCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return dirty ? `${commit}+dirty` : commit;
  } catch {
    return 'unknown';
  }
}
