import { readFileSync } from 'node:fs';

/** Linux's clock ticks per second for /proc times (USER_HZ), the same on every common kernel. */
const TICKS_PER_S = 100;

/**
 * CPU time (user + system) a process has used so far, in milliseconds, from `/proc/<pid>/stat`;
 * null where there is no /proc. Unlike throughput, it does not move when other processes load
 * the machine.
 */
export function cpuTimeMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at "state"; utime and stime
    // are the 14th and 15th fields of the line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
  } catch {
    return null;
  }
}
