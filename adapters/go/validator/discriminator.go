package validator

import "sync"

// discriminator is what a `oneOf` with `discriminator: {propertyName}` needs
// for the issue rules: the property, and which branch each value selects.
type discriminator struct {
	property string
	branches map[string]int
}

// discriminators finds, and remembers, the discriminator of each `oneOf`.
type discriminators struct {
	docs  documents
	mu    sync.Mutex
	known map[string]*discriminator
}

func newDiscriminators(original documents) *discriminators {
	return &discriminators{docs: original, known: map[string]*discriminator{}}
}

// of returns the discriminator of the schema object at location, or nil
// when it has none (a plain `oneOf`, whose branches all report).
func (d *discriminators) of(location string) *discriminator {
	d.mu.Lock()
	defer d.mu.Unlock()
	if found, ok := d.known[location]; ok {
		return found
	}
	found := d.read(location)
	d.known[location] = found
	return found
}

func (d *discriminators) read(location string) *discriminator {
	object, ok := d.docs.at(location)
	if !ok {
		return nil
	}
	spec, _ := object["discriminator"].(map[string]any)
	property, _ := spec["propertyName"].(string)
	branches, _ := object["oneOf"].([]any)
	if property == "" || branches == nil {
		return nil
	}
	found := &discriminator{property: property, branches: map[string]int{}}
	for index, branch := range branches {
		branchObject, _ := branch.(map[string]any)
		for _, value := range d.branchValues(location, branchObject, property) {
			if _, taken := found.branches[value]; !taken {
				found.branches[value] = index
			}
		}
	}
	return found
}

// branchValues are the discriminator values a branch declares: its
// property's `const`, or the strings of its `enum`.
func (d *discriminators) branchValues(location string, branch map[string]any, property string) []string {
	resolved := d.docs.resolve(location, branch)
	properties, _ := resolved["properties"].(map[string]any)
	schema, _ := properties[property].(map[string]any)
	if value, ok := schema["const"].(string); ok {
		return []string{value}
	}
	var values []string
	enum, _ := schema["enum"].([]any)
	for _, value := range enum {
		if text, ok := value.(string); ok {
			values = append(values, text)
		}
	}
	return values
}
