/**
 * Runs `task(0..total-1)` on `workers` concurrent loops, each taking the next
 * index when it is free (as an IdP's sync workers do). Calls `onProgress` with
 * the count done, at most once a second.
 */
export async function runWorkers(
  workers: number,
  total: number,
  task: (index: number) => Promise<void>,
  onProgress?: (done: number) => void,
): Promise<void> {
  let next = 0;
  let done = 0;
  const ticker = onProgress ? setInterval(() => onProgress(done), 1000) : null;
  try {
    await Promise.all(
      Array.from({ length: Math.min(workers, total) }, async () => {
        while (next < total) {
          const index = next;
          next += 1;
          await task(index);
          done += 1;
        }
      }),
    );
  } finally {
    if (ticker) clearInterval(ticker);
    onProgress?.(done);
  }
}
