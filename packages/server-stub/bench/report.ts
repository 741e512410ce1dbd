/** One target of the benchmark section, with what was measured. */
export interface TargetCheck {
  readonly name: string
  readonly measured: number
  readonly comparison: '<=' | '>='
  readonly target: number
  readonly unit?: string
}

/** Whether a measured figure meets its target. */
export function isMet(check: TargetCheck): boolean {
  return check.comparison === '<=' ? check.measured <= check.target : check.measured >= check.target
}

/** `name: 1.23 (target <= 1.3) MET`, the line a reader greps for. */
export function targetLine(check: TargetCheck): string {
  const unit = check.unit ?? ''
  const verdict = isMet(check) ? 'MET' : 'NOT MET'
  return `${check.name}: ${fixed(check.measured)}${unit} (target ${check.comparison} ${check.target}${unit}) ${verdict}`
}

/** A number with three significant decimals at most, for tables. */
export function fixed(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value)
  return value >= 100 ? value.toFixed(1) : value.toFixed(digits)
}

/** Right-aligned columns: the first row is the header. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)))
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n')
}

/** A section heading. */
export function heading(title: string): string {
  return `\n== ${title} ==`
}
