import { readFileSync } from 'node:fs';

/**
 * The peak resident set size of a live process in MB, from the kernel's
 * high-water mark (VmHWM in /proc/<pid>/status), or null where there is no /proc.
 */
export function peakRssMb(pid: number): number | null {
  try {
    return parseVmHwmMb(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return null;
  }
}

export function parseVmHwmMb(status: string): number | null {
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Math.round(Number(match[1]) / 1024) : null;
}
