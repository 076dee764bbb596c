import { readFile, writeFile } from 'node:fs/promises';

const kilobytes = (status: string, field: string): number => {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`/proc status has no ${field}`);
  return Number(match[1]);
};

/** Resident memory of a process (Linux /proc), in MB: now and the peak since the last reset. */
export async function residentMemory(pid: number): Promise<{ currentMb: number; peakMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return {
    currentMb: Math.round(kilobytes(status, 'VmRSS') / 1024),
    peakMb: Math.round(kilobytes(status, 'VmHWM') / 1024),
  };
}

/** Starts a new peak (VmHWM) from the current resident size. */
export async function resetPeakMemory(pid: number): Promise<void> {
  await writeFile(`/proc/${pid}/clear_refs`, '5');
}
