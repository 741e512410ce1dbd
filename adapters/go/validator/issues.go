package validator

import (
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Issue is one validation issue by the language-neutral rules
// (docs/protocol/compiled-sql.v1.md section 10).
type Issue struct {
	Code         string `json:"code"`
	InstancePath string `json:"instancePath"`
	Message      string `json:"message,omitempty"`
}

// codeByKeyword gives each failing keyword its issue code.
var codeByKeyword = map[string]string{
	"required":             "missing_field",
	"additionalProperties": "unknown_field",
	"type":                 "invalid_type",
	"enum":                 "invalid_value",
	"const":                "invalid_value",
	"uniqueItems":          "invalid_value",
	"pattern":              "invalid_format",
	"format":               "invalid_format",
	"minLength":            "too_small",
	"minItems":             "too_small",
	"minProperties":        "too_small",
	"minimum":              "too_small",
	"exclusiveMinimum":     "too_small",
	"maxLength":            "too_big",
	"maxItems":             "too_big",
	"maxProperties":        "too_big",
	"maximum":              "too_big",
	"exclusiveMaximum":     "too_big",
}

var printer = message.NewPrinter(language.English)

// collector turns the error tree of one validation into issues, deduplicated
// by (code, instancePath).
type collector struct {
	document       any
	rewritten      documents
	discriminators *discriminators
	issues         []Issue
	seen           map[[2]string]bool
}

func (c *collector) add(code, at, message string) {
	key := [2]string{code, at}
	if !c.seen[key] {
		c.seen[key] = true
		c.issues = append(c.issues, Issue{Code: code, InstancePath: at, Message: message})
	}
}

// visit reports the issues of one error and of the errors beneath it.
func (c *collector) visit(err *jsonschema.ValidationError) {
	here := pointer(err.InstanceLocation)
	switch k := err.ErrorKind.(type) {
	case *kind.Schema, *kind.Group, *kind.Reference, *kind.AllOf, *kind.AnyOf:
		// Summary keywords are never issues themselves.
		c.visitAll(err.Causes)
	case *kind.OneOf:
		c.visitOneOf(err)
	case *kind.PropertyNames:
		// Reported again, at the offending property, by propertyNamesVocabulary.
	case *kind.Required:
		for _, name := range k.Missing {
			c.add(c.code(err, "required"), here+"/"+escapeToken(name), fmt.Sprintf("%s is required", name))
		}
	case *kind.AdditionalProperties:
		for _, name := range k.Properties {
			c.add(c.code(err, "additionalProperties"), here+"/"+escapeToken(name),
				fmt.Sprintf("%s is not a field of this object (the wire is snake_case)", name))
		}
	case *kind.Minimum, *kind.Maximum, *kind.ExclusiveMinimum, *kind.ExclusiveMaximum, *kind.MultipleOf:
		// A number beyond the double range has no type: numeric keywords skip it.
		if value, ok := valueAt(c.document, err.InstanceLocation); ok && IsBeyondDouble(value) {
			return
		}
		c.addLeaf(err, here)
	default:
		c.addLeaf(err, here)
	}
}

func (c *collector) visitAll(causes []*jsonschema.ValidationError) {
	for _, cause := range causes {
		c.visit(cause)
	}
}

func (c *collector) addLeaf(err *jsonschema.ValidationError, at string) {
	keyword := ""
	if path := err.ErrorKind.KeywordPath(); len(path) > 0 {
		keyword = path[0]
	}
	c.add(c.code(err, keyword), at, err.ErrorKind.LocalizedString(printer))
}

// code is the issue code of a failing keyword: the `x-error-code` of the
// schema object holding it, or the keyword's own code.
func (c *collector) code(err *jsonschema.ValidationError, keyword string) string {
	if object, ok := c.rewritten.at(err.SchemaURL); ok {
		if override, ok := object["x-error-code"].(string); ok {
			return override
		}
	}
	if code, ok := codeByKeyword[keyword]; ok {
		return code
	}
	return "invalid_value"
}

// visitOneOf applies the discriminator rule: report the errors of the branch
// the discriminator value selects. v6 lists one cause per branch, in order,
// when no branch matched; when two matched it lists none.
func (c *collector) visitOneOf(err *jsonschema.ValidationError) {
	found := c.discriminators.of(err.SchemaURL)
	if found == nil {
		c.visitAll(err.Causes)
		return
	}
	value, _ := valueAt(c.document, err.InstanceLocation)
	object, ok := value.(map[string]any)
	if !ok {
		return // The schema's own `type: object` reports it.
	}
	property := pointer(err.InstanceLocation) + "/" + escapeToken(found.property)
	selector, present := object[found.property]
	if !present {
		c.add("missing_field", property, fmt.Sprintf("%s is required", found.property))
		return
	}
	name, isString := selector.(string)
	branch, known := found.branches[name]
	if !isString || !known {
		c.add("invalid_value", property, fmt.Sprintf("%v does not select a branch of this document", selector))
		return
	}
	if branch < len(err.Causes) {
		c.visit(err.Causes[branch])
	}
}
