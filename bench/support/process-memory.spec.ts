import { parseVmHwmMb, peakRssMb } from './process-memory';

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
