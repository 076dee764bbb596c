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

/**
 * Samples a process's resident size every `intervalMs` while `work` runs; returns the work's
 * result and the samples (MB), to show whether memory plateaus or keeps growing.
 */
export async function sampleResidentMemory<T>(
  pid: number,
  work: () => Promise<T>,
  intervalMs = 250,
): Promise<{ result: T; samplesMb: number[] }> {
  const samplesMb: number[] = [];
  const sample = () =>
    residentMemory(pid).then(
      (memory) => void samplesMb.push(memory.currentMb),
      () => undefined,
    );
  const timer = setInterval(() => void sample(), intervalMs);
  try {
    const result = await work();
    await sample();
    return { result, samplesMb };
  } finally {
    clearInterval(timer);
  }
}

/** The samples at each tenth of the run (0%, 10%, ... 100%), as "a,b,c" for a figures table. */
export function tenthsOf(samplesMb: number[]): string {
  if (samplesMb.length === 0) return '';
  const last = samplesMb.length - 1;
  return Array.from({ length: 11 }, (_, tenth) => samplesMb[Math.round((last * tenth) / 10)]).join(
    ',',
  );
}
