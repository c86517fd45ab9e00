/** Parses durations like 90s, 30m, 1h, 2h30m, 1d. */
export function parseDuration(text: string): number | undefined {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }
  const parts = [...text.trim().matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)]
  if (parts.length === 0 || parts.map(p => p[0]).join('') !== text.trim()) return undefined
  return parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]], 0)
}
