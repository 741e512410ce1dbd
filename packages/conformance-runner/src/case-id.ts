/** A case's group: its id up to the last dot (`limits` for `limits.max-rows-zero`). */
export function groupOf(id: string): string {
  const dot = id.lastIndexOf('.')
  return dot < 0 ? id : id.slice(0, dot)
}
