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

/** CPU seconds (user + system) a live process has used, from /proc/<pid>/stat, or null. */
export function cpuSeconds(pid: number): number | null {
  try {
    return parseCpuSeconds(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

// Fields 14 and 15 (utime, stime) in clock ticks, counted after the ")" that ends
// the command name (which may itself hold spaces). Linux's USER_HZ is 100.
export function parseCpuSeconds(stat: string): number | null {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / 100 : null;
}
