/** Runs `work` over `items` with at most `limit` in flight, keeping results in input order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/**
 * Lets the event loop turn once (its I/O phase included), so that sockets connect and answers are read
 * between pieces of synchronous work instead of after all of them.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise(resolve => setImmediate(resolve))
