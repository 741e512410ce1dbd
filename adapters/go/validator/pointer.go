package validator

import (
	"net/url"
	"strconv"
	"strings"
)

// escapeToken escapes one JSON Pointer reference token (RFC 6901).
func escapeToken(token string) string {
	return strings.ReplaceAll(strings.ReplaceAll(token, "~", "~0"), "/", "~1")
}

// pointer is the JSON Pointer of an instance location.
func pointer(tokens []string) string {
	var out strings.Builder
	for _, token := range tokens {
		out.WriteString("/" + escapeToken(token))
	}
	return out.String()
}

// valueAt walks a parsed document along an instance location.
func valueAt(value any, tokens []string) (any, bool) {
	for _, token := range tokens {
		switch v := value.(type) {
		case map[string]any:
			next, ok := v[token]
			if !ok {
				return nil, false
			}
			value = next
		case []any:
			index, err := strconv.Atoi(token)
			if err != nil || index < 0 || index >= len(v) {
				return nil, false
			}
			value = v[index]
		default:
			return nil, false
		}
	}
	return value, true
}

// documents are schema documents by `$id`.
type documents map[string]map[string]any

// at returns the schema object at an absolute location such as
// `https://.../operation.schema.json#/$defs/Statement`, as v6 spells
// [jsonschema.Schema.Location] and [jsonschema.ValidationError.SchemaURL].
func (docs documents) at(location string) (map[string]any, bool) {
	base, fragment, _ := strings.Cut(location, "#")
	var node any = docs[base]
	if fragment, err := url.PathUnescape(fragment); err == nil && fragment != "" {
		for _, token := range strings.Split(strings.TrimPrefix(fragment, "/"), "/") {
			token = strings.ReplaceAll(strings.ReplaceAll(token, "~1", "/"), "~0", "~")
			node, _ = valueAt(node, []string{token})
		}
	}
	object, ok := node.(map[string]any)
	return object, ok
}

// resolve follows `$ref` from a schema object at location until it reaches
// one without, and returns that object.
func (docs documents) resolve(location string, object map[string]any) map[string]any {
	for hops := 0; hops < 32; hops++ {
		ref, ok := object["$ref"].(string)
		if !ok {
			return object
		}
		base, err := url.Parse(location)
		if err != nil {
			return object
		}
		target, err := base.Parse(ref)
		if err != nil {
			return object
		}
		location = target.String()
		if object, ok = docs.at(location); !ok {
			return nil
		}
	}
	return object
}
