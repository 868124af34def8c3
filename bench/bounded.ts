/** `total` runs of `task` with at most `concurrency` in flight; results in start order. */
export async function runBounded<T>(
  total: number,
  concurrency: number,
  task: () => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  let started = 0;
  const worker = async () => {
    while (started < total) {
      const index = started++;
      results[index] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return results;
}
