/** About 200 bytes of text per task, numbered so no two tasks are alike. */
export const taskText = (n: number): string =>
  `Task ${n}: ${'the quick brown fox jumps over the lazy dog, '.repeat(4)}`.slice(0, 200);

export function jsonBody(tasks: number): string {
  const items: { text: string }[] = [];
  for (let n = 0; n < tasks; n += 1) items.push({ text: taskText(n) });
  return JSON.stringify(items);
}

export function csvFile(tasks: number): Buffer {
  const lines = ['text'];
  for (let n = 0; n < tasks; n += 1) lines.push(`"${taskText(n).replace(/"/g, '""')}"`);
  return Buffer.from(lines.join('\n'));
}
