package validator

// jsonschema/v6 stops evaluating a schema object at its first failing
// `type`, `const` or `enum` (it returns before the other keywords), while the
// issue rules want every failing keyword: `0.5` against
// `{"type": "integer", "minimum": 1}` is both invalid_type and too_small, and
// `1` against `{"type": "string", "enum": [...]}` both invalid_type and
// invalid_value. splitEarlyKeywords rewrites each schema object so that these
// three keywords sit in `allOf` entries of their own, which v6 evaluates
// independently. The rewrite is an equivalent schema: the same documents pass.
// Each entry carries the object's `x-error-code`, so the code override still
// applies to an error reported there.

// earlyKeywords are the keywords after whose failure v6 returns at once.
var earlyKeywords = []string{"type", "const", "enum"}

// subschemaMaps are keywords whose value maps names to schemas.
var subschemaMaps = []string{"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"}

// subschemaLists are keywords whose value is a list of schemas.
var subschemaLists = []string{"allOf", "anyOf", "oneOf", "prefixItems"}

// subschemaSingles are keywords whose value is one schema.
var subschemaSingles = []string{
	"items", "additionalProperties", "propertyNames", "not", "if", "then", "else",
	"contains", "unevaluatedItems", "unevaluatedProperties", "additionalItems",
}

// splitEarlyKeywords rewrites a schema document in place (see the file comment).
func splitEarlyKeywords(schema any) {
	object, ok := schema.(map[string]any)
	if !ok {
		return
	}
	for _, keyword := range subschemaMaps {
		if children, ok := object[keyword].(map[string]any); ok {
			for _, child := range children {
				splitEarlyKeywords(child)
			}
		}
	}
	for _, keyword := range subschemaLists {
		if children, ok := object[keyword].([]any); ok {
			for _, child := range children {
				splitEarlyKeywords(child)
			}
		}
	}
	for _, keyword := range subschemaSingles {
		splitEarlyKeywords(object[keyword])
	}
	moveToAllOf(object)
}

// moveToAllOf moves the early keywords of one schema object into `allOf`.
func moveToAllOf(object map[string]any) {
	entries, _ := object["allOf"].([]any)
	moved := false
	for _, keyword := range earlyKeywords {
		value, ok := object[keyword]
		if !ok {
			continue
		}
		entry := map[string]any{keyword: value}
		if code, ok := object["x-error-code"]; ok {
			entry["x-error-code"] = code
		}
		entries = append(entries, entry)
		delete(object, keyword)
		moved = true
	}
	if moved {
		object["allOf"] = entries
	}
}
