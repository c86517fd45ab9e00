/** True for a plain mapping (not null, not an array): the shape of a YAML/JSON object. */
export const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
