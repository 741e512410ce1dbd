package validator

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// ecmaWhitespace is ECMA-262 WhiteSpace and LineTerminator, the meaning of
// \s. RE2's \s is only [\t\n\f\r ].
const ecmaWhitespace = `\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}`

// anyButLineTerminator is ECMA-262 `.`: RE2's also matches \r, U+2028 and U+2029.
const anyButLineTerminator = `[^\n\r\x{2028}\x{2029}]`

// ecmaRegexp keeps the pattern as the schema wrote it, for messages.
type ecmaRegexp struct {
	source string
	*regexp.Regexp
}

func (r ecmaRegexp) String() string { return r.source }

// compileECMA is the [jsonschema.RegexpEngine] for `pattern`: JSON Schema
// patterns are ECMA-262 regular expressions. RE2 agrees with ECMA-262 on `$`
// (end of text), \d and \w (ASCII), and differs on \s and `.`, which are
// rewritten. Back-references and lookaround have no RE2 form: such a pattern
// fails to compile, so the schema fails to load instead of validating wrongly.
func compileECMA(pattern string) (jsonschema.Regexp, error) {
	rewritten, err := toRE2(pattern)
	if err != nil {
		return nil, err
	}
	compiled, err := regexp.Compile(rewritten)
	if err != nil {
		return nil, fmt.Errorf("pattern %q has no RE2 equivalent: %w", pattern, err)
	}
	return ecmaRegexp{source: pattern, Regexp: compiled}, nil
}

// toRE2 rewrites an ECMA-262 pattern into RE2 syntax with the same meaning.
func toRE2(pattern string) (string, error) {
	var out strings.Builder
	inClass := false
	runes := []rune(pattern)
	for i := 0; i < len(runes); i++ {
		char := runes[i]
		switch {
		case char == '\\' && i+1 < len(runes):
			i++
			escaped, consumed, err := rewriteEscape(runes[i:], inClass)
			if err != nil {
				return "", err
			}
			out.WriteString(escaped)
			i += consumed - 1
		case inClass:
			inClass = char != ']'
			out.WriteRune(char)
		case char == '[':
			inClass = true
			out.WriteRune(char)
			// A leading `^` belongs to the class syntax, not to its members.
			if i+1 < len(runes) && runes[i+1] == '^' {
				out.WriteRune('^')
				i++
			}
		case char == '.':
			out.WriteString(anyButLineTerminator)
		default:
			out.WriteRune(char)
		}
	}
	return out.String(), nil
}

// rewriteEscape rewrites the escape whose letter starts rest (the backslash
// is already consumed) and returns how many runes of rest it used.
func rewriteEscape(rest []rune, inClass bool) (string, int, error) {
	switch letter := rest[0]; letter {
	case 's':
		if inClass {
			return ecmaWhitespace, 1, nil
		}
		return "[" + ecmaWhitespace + "]", 1, nil
	case 'S':
		if inClass {
			return "", 0, fmt.Errorf(`\S inside a character class has no RE2 equivalent`)
		}
		return "[^" + ecmaWhitespace + "]", 1, nil
	case 'u':
		return rewriteUnicodeEscape(rest)
	default:
		return `\` + string(letter), 1, nil
	}
}

// rewriteUnicodeEscape turns \uXXXX, a \uXXXX\uXXXX surrogate pair and
// \u{X...} into RE2's \x{...}.
func rewriteUnicodeEscape(rest []rune) (string, int, error) {
	if len(rest) > 1 && rest[1] == '{' {
		end := indexRune(rest, '}')
		if end < 0 {
			return "", 0, fmt.Errorf(`unterminated \u{...} escape`)
		}
		return `\x{` + string(rest[2:end]) + `}`, end + 1, nil
	}
	high, ok := hex4(rest[1:])
	if !ok {
		return "", 0, fmt.Errorf(`malformed \u escape`)
	}
	if utf16.IsSurrogate(rune(high)) && len(rest) >= 11 && rest[5] == '\\' && rest[6] == 'u' {
		if low, ok := hex4(rest[7:]); ok {
			if pair := utf16.DecodeRune(rune(high), rune(low)); pair != '\uFFFD' {
				return fmt.Sprintf(`\x{%x}`, pair), 11, nil
			}
		}
	}
	return fmt.Sprintf(`\x{%x}`, high), 5, nil
}

func hex4(runes []rune) (uint64, bool) {
	if len(runes) < 4 {
		return 0, false
	}
	value, err := strconv.ParseUint(string(runes[:4]), 16, 32)
	return value, err == nil
}

func indexRune(runes []rune, target rune) int {
	for i, r := range runes {
		if r == target {
			return i
		}
	}
	return -1
}
