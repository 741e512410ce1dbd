// Package validator validates compiled-sql.v1 wire documents against the
// canonical JSON Schemas with github.com/santhosh-tekuri/jsonschema/v6 and
// reports issues by the protocol's language-neutral rules.
package validator

import (
	"errors"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// MaxGuaranteedDepth is the nesting depth every compiled-sql.v1 validator
// accepts. This one reads up to encoding/json's limit of 10000 levels.
const MaxGuaranteedDepth = 64

// Result is the verdict on one document; Issues is never empty when Valid is false.
type Result struct {
	Valid  bool
	Issues []Issue
}

// Validator validates documents against the schemas of one directory.
type Validator struct {
	schemas        *schemaSet
	discriminators *discriminators
}

// New loads and compiles every `*.schema.json` of dir (schemas/compiled-sql.v1).
func New(dir string) (*Validator, error) {
	schemas, err := loadSchemas(dir)
	if err != nil {
		return nil, err
	}
	return &Validator{schemas: schemas, discriminators: newDiscriminators(schemas.original)}, nil
}

// Supports reports whether document names a wire document this validator has.
func (v *Validator) Supports(document string) bool {
	_, ok := v.schemas.compiled[document]
	return ok
}

// ValidateText parses text as strict JSON and validates it as document. The
// error is [ErrNotJSON] (wrapped) for a text that is not JSON; a text nested
// beyond encoding/json's limit is invalid, with too_big at the root.
func (v *Validator) ValidateText(document, text string) (Result, error) {
	value, err := Parse(text)
	if errors.Is(err, ErrTooDeep) {
		message := fmt.Sprintf("%s (the protocol guarantees %d levels)", err, MaxGuaranteedDepth)
		return Result{Issues: []Issue{{Code: "too_big", InstancePath: "", Message: message}}}, nil
	}
	if err != nil {
		return Result{}, err
	}
	return v.Validate(document, value)
}

// Validate validates an already parsed value (numbers as json.Number) as document.
func (v *Validator) Validate(document string, value any) (Result, error) {
	schema, ok := v.schemas.compiled[document]
	if !ok {
		return Result{}, fmt.Errorf("unknown document %q", document)
	}
	err := schema.Validate(value)
	if err == nil {
		return Result{Valid: true, Issues: []Issue{}}, nil
	}
	var failure *jsonschema.ValidationError
	if !errors.As(err, &failure) {
		return Result{}, err
	}
	issues := &collector{
		document:       value,
		rewritten:      v.schemas.rewritten,
		discriminators: v.discriminators,
		seen:           map[[2]string]bool{},
	}
	issues.visit(failure)
	if len(issues.issues) == 0 {
		issues.add("invalid_value", "", "the document does not match its schema")
	}
	return Result{Issues: issues.issues}, nil
}
