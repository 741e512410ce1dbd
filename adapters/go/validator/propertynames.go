package validator

import "github.com/santhosh-tekuri/jsonschema/v6"

// propertyNamesVocabulary re-checks `propertyNames` so that each failure
// carries the offending property's pointer, as the issue rules want.
//
// v6 v6.0.3 records a propertyNames failure with the instance location
// buffer it goes on appending to (`verr.InstanceLocation = vd.vloc`, not a
// copy), so by the time the error is read its location names whichever
// sibling was validated last (`/limits/offset` instead of
// `/statement/parameters`). This vocabulary validates every property name
// against the same subschema as the value at `<object>/<name>`; its errors
// hold copied locations. The collector ignores v6's own PropertyNames errors.
func propertyNamesVocabulary() *jsonschema.Vocabulary {
	return &jsonschema.Vocabulary{
		URL:     "https://compiled-sql.dev/vocab/property-names-at-property",
		Compile: compilePropertyNames,
	}
}

func compilePropertyNames(ctx *jsonschema.CompilerContext, object map[string]any) (jsonschema.SchemaExt, error) {
	if _, ok := object["propertyNames"]; !ok {
		return nil, nil
	}
	return propertyNames{schema: ctx.Enqueue([]string{"propertyNames"})}, nil
}

type propertyNames struct {
	schema *jsonschema.Schema
}

func (p propertyNames) Validate(ctx *jsonschema.ValidatorContext, value any) {
	object, ok := value.(map[string]any)
	if !ok {
		return
	}
	for name := range object {
		if err := ctx.Validate(p.schema, name, []string{name}); err != nil {
			ctx.AddErr(err)
		}
	}
}
