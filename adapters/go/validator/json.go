package validator

import (
	"encoding/json"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
)

// ErrNotJSON is returned by [Parse] for a text that is not one JSON value
// (RFC 8259): NaN, Infinity and trailing data included.
var ErrNotJSON = errors.New("the text is not JSON")

// ErrTooDeep is returned by [Parse] for a JSON text nested more deeply than
// encoding/json reads (10000 levels). The protocol guarantees 64.
var ErrTooDeep = errors.New("the document is nested more deeply than this validator supports")

// beyondDouble stands in for every number whose magnitude is beyond the
// largest double. Every such number has no JSON type under I-JSON (RFC 7493),
// so its digits do not matter; a short stand-in keeps big.Rat arithmetic in
// the validator cheap for a literal such as 1e999999999.
const beyondDouble = "1e400"

// Parse reads one JSON text, keeping numbers as [json.Number] so that
// integers beyond 2^53 stay exact.
func Parse(text string) (any, error) {
	decoder := json.NewDecoder(strings.NewReader(text))
	decoder.UseNumber()
	var value any
	if err := decoder.Decode(&value); err != nil {
		if strings.Contains(err.Error(), "exceeded max depth") {
			return nil, ErrTooDeep
		}
		return nil, errors.Join(ErrNotJSON, err)
	}
	if _, err := decoder.Token(); err != io.EOF {
		return nil, errors.Join(ErrNotJSON, errors.New("data after the top-level value"))
	}
	return normalizeNumbers(value), nil
}

// normalizeNumbers replaces numbers whose exponent makes exact arithmetic
// expensive by what every double-based reader sees: the stand-in for
// magnitudes beyond the double range, the double itself for underflows.
func normalizeNumbers(value any) any {
	switch v := value.(type) {
	case map[string]any:
		for key, item := range v {
			v[key] = normalizeNumbers(item)
		}
	case []any:
		for index, item := range v {
			v[index] = normalizeNumbers(item)
		}
	case json.Number:
		f, _ := strconv.ParseFloat(string(v), 64)
		switch {
		case math.IsInf(f, 1):
			return json.Number(beyondDouble)
		case math.IsInf(f, -1):
			return json.Number("-" + beyondDouble)
		case hugeExponent(string(v)):
			return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
		}
	}
	return value
}

// hugeExponent reports a literal whose decimal exponent is far beyond any
// double's, such as 1e-999999999 (which reads as 0).
func hugeExponent(literal string) bool {
	at := strings.IndexAny(literal, "eE")
	if at < 0 {
		return false
	}
	exponent, err := strconv.Atoi(strings.TrimPrefix(literal[at+1:], "+"))
	return err != nil || exponent > 1000 || exponent < -1000
}

// IsBeyondDouble reports whether a parsed value is a number beyond the range
// of a double: under I-JSON it has no JSON type, so it is `invalid_type`
// wherever a number is expected and never too_big or too_small.
func IsBeyondDouble(value any) bool {
	number, ok := value.(json.Number)
	if !ok {
		return false
	}
	f, _ := strconv.ParseFloat(string(number), 64)
	return math.IsInf(f, 0)
}
