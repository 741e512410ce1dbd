package validator

import (
	"slices"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/message"
)

// ijsonVocabulary makes `type` follow I-JSON (RFC 7493): a number beyond the
// range of a double (1e400, a 401-digit integer) is neither a `number` nor an
// `integer`, as in every reader that parses numbers as doubles. v6 reads
// numbers exactly, so it would accept 1e400 as an integer; this vocabulary
// adds the missing `type` failure wherever a schema object's `type` admits
// numbers. (The issue rules then drop the minimum/maximum failures such a
// number also causes: those keywords apply to numbers only.)
func ijsonVocabulary() *jsonschema.Vocabulary {
	return &jsonschema.Vocabulary{
		URL:     "https://compiled-sql.dev/vocab/i-json-numbers",
		Compile: compileIJSON,
	}
}

func compileIJSON(_ *jsonschema.CompilerContext, object map[string]any) (jsonschema.SchemaExt, error) {
	if admitsNumbers(object["type"]) {
		return ijsonType{}, nil
	}
	return nil, nil
}

func admitsNumbers(types any) bool {
	switch t := types.(type) {
	case string:
		return t == "number" || t == "integer"
	case []any:
		return slices.ContainsFunc(t, admitsNumbers)
	}
	return false
}

// ijsonType is the compiled check: it only ever adds a failure.
type ijsonType struct{}

func (ijsonType) Validate(ctx *jsonschema.ValidatorContext, value any) {
	if IsBeyondDouble(value) {
		ctx.AddError(&beyondDoubleRange{})
	}
}

// beyondDoubleRange is a `type` failure, so that it maps to invalid_type.
type beyondDoubleRange struct{}

func (*beyondDoubleRange) KeywordPath() []string { return []string{"type"} }

func (*beyondDoubleRange) LocalizedString(p *message.Printer) string {
	return p.Sprintf("the number is beyond the range of a double (I-JSON, RFC 7493)")
}
