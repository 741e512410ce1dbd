package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

var repoSchemas = filepath.Join("..", "..", "..", "..", "schemas", "compiled-sql.v1")

// transcript runs the adapter over input lines and returns its response lines, parsed.
func transcript(t *testing.T, lines ...string) []map[string]any {
	t.Helper()
	var out bytes.Buffer
	if err := run(repoSchemas, strings.NewReader(strings.Join(lines, "\n")), &out); err != nil {
		t.Fatal(err)
	}
	var responses []map[string]any
	for _, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		if line == "" {
			continue
		}
		var response map[string]any
		if err := json.Unmarshal([]byte(line), &response); err != nil {
			t.Fatalf("not a JSON line: %q", line)
		}
		responses = append(responses, response)
	}
	return responses
}

func TestHandshakeValidateShutdown(t *testing.T) {
	got := transcript(t,
		`{"type":"hello","protocol":"compiled-sql.adapter.v1","suite":"envelopes"}`,
		`{"type":"validate","id":"a.valid","document":"run-query-request","text":"\"SELECT 1\""}`,
		`{"type":"validate","id":"a.invalid","document":"run-query-request","text":"\" \""}`,
		`{"type":"shutdown"}`,
		`{"type":"validate","id":"a.after-shutdown","document":"run-query-request","text":"1"}`,
	)
	if len(got) != 3 {
		t.Fatalf("got %d responses, want 3 (nothing after shutdown): %v", len(got), got)
	}
	if got[0]["type"] != "hello" || got[0]["protocol"] != protocol {
		t.Errorf("hello: %v", got[0])
	}
	if got[1]["type"] != "result" || got[1]["id"] != "a.valid" || got[1]["valid"] != true || len(got[1]["issues"].([]any)) != 0 {
		t.Errorf("valid: %v", got[1])
	}
	issue := got[2]["issues"].([]any)[0].(map[string]any)
	if got[2]["valid"] != false || issue["code"] != "invalid_format" || issue["instancePath"] != "" {
		t.Errorf("invalid: %v", got[2])
	}
}

func TestEndOfInputIsShutdown(t *testing.T) {
	got := transcript(t, `{"type":"validate","id":"a.b","document":"operation","text":"{}"}`)
	if len(got) != 1 || got[0]["type"] != "result" {
		t.Errorf("got %v", got)
	}
}

func TestBadRequestsAreAnsweredNotFatal(t *testing.T) {
	got := transcript(t,
		`not json`,
		`{"type":"validate","id":"a.nan","document":"operation","text":"NaN"}`,
		`{"type":"validate","id":"a.skip","document":"envelope-fixture","text":"{}"}`,
		`{"type":"validate","id":"a.no-text","document":"operation"}`,
		`{"type":"frobnicate","id":"a.unknown"}`,
	)
	want := []struct{ kind, id string }{
		{"error", "unknown"}, {"error", "a.nan"}, {"skip", "a.skip"}, {"error", "a.no-text"}, {"error", "a.unknown"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d responses: %v", len(got), got)
	}
	for i, w := range want {
		if got[i]["type"] != w.kind || got[i]["id"] != w.id {
			t.Errorf("response %d = %v, want type %s id %s", i, got[i], w.kind, w.id)
		}
	}
}

func TestSchemaDirPrefersTheGivenOne(t *testing.T) {
	if dir, err := schemaDir("/given"); err != nil || dir != "/given" {
		t.Errorf("got %q, %v", dir, err)
	}
	dir, err := schemaDir("")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(dir) != "compiled-sql.v1" {
		t.Errorf("found %q", dir)
	}
}
