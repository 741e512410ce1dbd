/** Escapes text for Markdown prose or a table cell: punctuation GitHub would read as markup, and line breaks. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>|]/g, (char) => `\\${char}`)
}

/** Inline code whose backtick fence is longer than any run of backticks in `text`. */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text
  // A pipe ends a table cell even inside code, so it is escaped there too.
  return `${fence}${padded.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')}${fence}`
}

/** A fenced code block that no line of `lines` can close early. */
export function codeBlock(language: string, lines: readonly string[]): string[] {
  const longest = Math.max(0, ...lines.flatMap((line) => line.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return [`${fence}${language}`, ...lines, fence]
}
