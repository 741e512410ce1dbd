package validator

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestParseRejectsWhatIsNotJSON(t *testing.T) {
	for _, text := range []string{`NaN`, `{"a": Infinity}`, `{"a": 1} {}`, `{"a": 1,}`, ``, `'x'`} {
		if _, err := Parse(text); !errors.Is(err, ErrNotJSON) {
			t.Errorf("Parse(%q) = %v, want ErrNotJSON", text, err)
		}
	}
}

func TestParseKeepsIntegersExact(t *testing.T) {
	value, err := Parse(`{"n": 9007199254740993}`)
	if err != nil {
		t.Fatal(err)
	}
	if got := value.(map[string]any)["n"]; got != json.Number("9007199254740993") {
		t.Errorf("got %v", got)
	}
}

func TestParseReadsExtremeExponentsAsDoublesDo(t *testing.T) {
	value, err := Parse(`[1e999999999, -1e999999999, 1e-999999999, 1e308]`)
	if err != nil {
		t.Fatal(err)
	}
	items := value.([]any)
	for index, want := range []bool{true, true, false, false} {
		if got := IsBeyondDouble(items[index]); got != want {
			t.Errorf("item %d (%v): beyond double = %v, want %v", index, items[index], got, want)
		}
	}
	if items[2] != json.Number("0") {
		t.Errorf("1e-999999999 read as %v, want 0", items[2])
	}
}

func TestParseReportsDepthBeyondTheDecoderLimit(t *testing.T) {
	text := strings.Repeat("[", 10001) + strings.Repeat("]", 10001)
	if _, err := Parse(text); !errors.Is(err, ErrTooDeep) {
		t.Errorf("got %v, want ErrTooDeep", err)
	}
	text = strings.Repeat("[", 64) + strings.Repeat("]", 64)
	if _, err := Parse(text); err != nil {
		t.Errorf("64 levels: %v", err)
	}
}
