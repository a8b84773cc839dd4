import { cpuSeconds, parseCpuSeconds, parseVmHwmMb, peakRssMb } from './process-memory';

describe('peak RSS', () => {
  it('reads VmHWM from a /proc status text, in MB', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1200000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n';
    expect(parseVmHwmMb(status)).toBe(200);
  });

  it('is null when the field is missing or the process is gone', () => {
    expect(parseVmHwmMb('Name:\tnode\n')).toBeNull();
    expect(peakRssMb(2 ** 22 + 12345)).toBeNull();
  });
});

describe('CPU seconds', () => {
  it('adds utime and stime from a /proc stat line, even with spaces in the name', () => {
    const stat = '4242 (node main.js) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1234 566 0 0 20 0 11 0 100 0 0';
    expect(parseCpuSeconds(stat)).toBe(18);
  });

  it('is null for a process that is gone', () => {
    expect(cpuSeconds(2 ** 22 + 12345)).toBeNull();
  });
});
