package validator

import "testing"

func TestECMAPatternSemantics(t *testing.T) {
	cases := []struct {
		pattern, text string
		want          bool
	}{
		// RE2's \s lacks \v, NBSP and the BOM; ECMA-262's has them.
		{`^\s+$`, "\v\u00a0\ufeff\u2028", true},
		{`^\S$`, "\ufeff", false},
		{`^[\s]$`, "\u3000", true},
		// ECMA-262 `.` stops at every line terminator, RE2's only at \n.
		{`^.$`, "\r", false},
		{`^.$`, "\u2029", false},
		{`^.$`, "é", true},
		// `$` is the end of the text, never before a final newline.
		{`^[0-9A-Z]{5}$`, "23505\n", false},
		// \d and \w are ASCII in both.
		{`^\d$`, "٣", false},
		{`^\w$`, "é", false},
		// \u escapes, a surrogate pair and the braced form.
		{`^\u00e9$`, "é", true},
		{`^\uD83D\uDE00$`, "😀", true},
		{`^\u{1F600}$`, "😀", true},
		// Escaped brackets stay literal; a leading ^ still negates.
		{`^[^\]]+$`, "a]", false},
		{`^\[x\]$`, "[x]", true},
	}
	for _, c := range cases {
		re, err := compileECMA(c.pattern)
		if err != nil {
			t.Fatalf("%q: %v", c.pattern, err)
		}
		if got := re.MatchString(c.text); got != c.want {
			t.Errorf("%q on %q: got %v, want %v", c.pattern, c.text, got, c.want)
		}
	}
}

func TestECMAPatternsWithoutRE2Form(t *testing.T) {
	for _, pattern := range []string{`(a)\1`, `a(?=b)`, `[\S]`, `\u{1F600`} {
		if _, err := compileECMA(pattern); err == nil {
			t.Errorf("%q compiled; it has no RE2 equivalent", pattern)
		}
	}
}

func TestECMARegexpKeepsItsSource(t *testing.T) {
	re, err := compileECMA(`^\s$`)
	if err != nil {
		t.Fatal(err)
	}
	if re.String() != `^\s$` {
		t.Errorf("String() = %q", re.String())
	}
}
