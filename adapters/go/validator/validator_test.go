package validator

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// schemaDir is the repository's canonical schema directory.
var schemaDir = filepath.Join("..", "..", "..", "schemas", "compiled-sql.v1")

func newValidator(t *testing.T) *Validator {
	t.Helper()
	v, err := New(schemaDir)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// operation is a valid envelope with `patch` spliced into its statement.
func operation(statement string) string {
	return `{"operation":"select","version":"compiled-sql.v1","statement":{"sql":"SELECT 1"` + statement +
		`},"scope":{"tables":[{"meta_table_uid":"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"}]}}`
}

// issues validates text and returns its issues as "code at pointer" strings.
func issues(t *testing.T, v *Validator, document, text string) []string {
	t.Helper()
	result, err := v.ValidateText(document, text)
	if err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	var out []string
	for _, issue := range result.Issues {
		out = append(out, fmt.Sprintf("%s at %s", issue.Code, issue.InstancePath))
	}
	if result.Valid != (len(out) == 0) {
		t.Fatalf("valid=%v with issues %v", result.Valid, out)
	}
	slices.Sort(out)
	return out
}

func TestIssueRules(t *testing.T) {
	v := newValidator(t)
	cases := []struct {
		name, document, text string
		want                 []string
	}{
		{"valid", "operation", operation(""), nil},
		{"every keyword of the object, not the first", "operation",
			strings.Replace(operation(""), `"scope"`, `"limits":{"max_rows":0.5},"scope"`, 1),
			[]string{"invalid_type at /limits/max_rows", "too_small at /limits/max_rows"}},
		{"type and enum both fail", "operation",
			strings.Replace(operation(""), `"operation":"select"`, `"operation":3`, 1),
			[]string{"invalid_type at /operation", "invalid_value at /operation"}},
		{"x-error-code wins", "operation",
			strings.Replace(operation(""), `"compiled-sql.v1"`, `"compiled-sql.v2"`, 1),
			[]string{"unsupported_version at /version"}},
		{"missing field at its own pointer", "operation", `{"operation":"select","version":"compiled-sql.v1","statement":{},"scope":{"tables":[{"meta_table_uid":"x"}]}}`,
			[]string{"missing_field at /statement/sql"}},
		{"unknown field at its own pointer", "operation", operation(`,"paramStyle":"pyformat"`),
			[]string{"unknown_field at /statement/paramStyle"}},
		{"propertyNames at the offending property, escaped", "operation", operation(`,"parameters":{"a/b)":1,"ok":2}`),
			[]string{"invalid_format at /statement/parameters/a~1b)"}},
		{"beyond the double range has no type", "operation", operation(`,"parameters":{"p":1e400,"q":[-1e999999999]}`),
			[]string{"invalid_type at /statement/parameters/p", "invalid_type at /statement/parameters/q/0"}},
		{"beyond 2^53 stays exact", "operation",
			strings.Replace(operation(""), `"scope"`, `"limits":{"max_rows":9007199254740992},"scope"`, 1),
			[]string{"too_big at /limits/max_rows"}},
		{"discriminator missing", "operation-result", `{"ok":true}`, []string{"missing_field at /operation"}},
		{"discriminator unknown", "operation-result", `{"operation":"merge"}`, []string{"invalid_value at /operation"}},
		{"discriminator not a string", "operation-result", `{"operation":1}`, []string{"invalid_value at /operation"}},
		{"discriminator selects one branch", "operation-result",
			`{"ok":true,"operation":"insert","dialect":"postgresql","row_count":1,"rows":[],"truncated":false,"max_rows":1,"scope":{"meta_table_uids":[],"data_source_uid":"d"},"pagination":{}}`,
			[]string{"unknown_field at /pagination"}},
		{"a non-object is left to type", "operation-result", `[]`, []string{"invalid_type at "}},
		{"pattern is ECMA-262", "error-response",
			`{"ok":false,"error":{"code":"query_error","kind":"database_error","message":"m","retryable":false,"sqlstate":"2350\u00a0"}}`,
			[]string{"invalid_format at /error/sqlstate"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := issues(t, v, c.document, c.text)
			want := slices.Clone(c.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

func TestTooDeepIsTooBigAtTheRoot(t *testing.T) {
	v := newValidator(t)
	text := operation(`,"parameters":{"p":` + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + `}`)
	if got := issues(t, v, "operation", text); !slices.Equal(got, []string{"too_big at "}) {
		t.Errorf("got %v", got)
	}
}

func TestNotJSONIsAnError(t *testing.T) {
	if _, err := newValidator(t).ValidateText("operation", `{"a": NaN}`); err == nil {
		t.Error("NaN was read as JSON")
	}
}

func TestSupportsTheWireDocumentsOnly(t *testing.T) {
	v := newValidator(t)
	for _, name := range Documents {
		if !v.Supports(name) {
			t.Errorf("%s is not supported", name)
		}
	}
	if v.Supports("envelope-fixture") {
		t.Error("envelope-fixture is not a wire document")
	}
}

func TestNewFailsWithoutSchemas(t *testing.T) {
	if _, err := New(t.TempDir()); err == nil {
		t.Error("an empty directory loaded")
	}
}
