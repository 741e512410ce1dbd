package validator

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Documents are the wire documents a `validate` request may name, as in
// adapter-request.schema.json.
var Documents = []string{"operation", "operation-result", "error-response", "run-query-request", "run-query-response"}

// schemaSet is every `*.schema.json` of the schema directory, compiled.
type schemaSet struct {
	// compiled holds one compiled schema per wire document name.
	compiled map[string]*jsonschema.Schema
	// rewritten holds the documents v6 compiled (see splitEarlyKeywords), by `$id`.
	rewritten documents
	// original holds the documents as the files say, by `$id`.
	original documents
}

// loadSchemas reads and compiles every `*.schema.json` file of dir.
func loadSchemas(dir string) (*schemaSet, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.schema.json"))
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("no *.schema.json files in %s", dir)
	}
	set := &schemaSet{compiled: map[string]*jsonschema.Schema{}, rewritten: documents{}, original: documents{}}
	compiler := jsonschema.NewCompiler()
	compiler.DefaultDraft(jsonschema.Draft2020)
	compiler.UseRegexpEngine(compileECMA)
	compiler.RegisterVocabulary(ijsonVocabulary())
	compiler.RegisterVocabulary(propertyNamesVocabulary())
	compiler.AssertVocabs()
	ids := map[string]string{}
	for _, path := range paths {
		id, err := set.add(compiler, path)
		if err != nil {
			return nil, err
		}
		ids[strings.TrimSuffix(filepath.Base(path), ".schema.json")] = id
	}
	for _, name := range Documents {
		id, ok := ids[name]
		if !ok {
			return nil, fmt.Errorf("%s.schema.json is missing from %s", name, dir)
		}
		if set.compiled[name], err = compiler.Compile(id); err != nil {
			return nil, fmt.Errorf("%s.schema.json: %w", name, err)
		}
	}
	return set, nil
}

// add registers one schema file under its `$id` and returns the `$id`.
func (set *schemaSet) add(compiler *jsonschema.Compiler, path string) (string, error) {
	read := func() (map[string]any, error) {
		file, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer file.Close()
		doc, err := jsonschema.UnmarshalJSON(file)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		object, ok := doc.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s is not a schema object", path)
		}
		return object, nil
	}
	original, err := read()
	if err != nil {
		return "", err
	}
	// A second, independent copy: the rewrite must not reach the original.
	rewritten, err := read()
	if err != nil {
		return "", err
	}
	id, ok := original["$id"].(string)
	if !ok {
		return "", fmt.Errorf("%s has no $id", path)
	}
	splitEarlyKeywords(rewritten)
	set.original[id], set.rewritten[id] = original, rewritten
	if err := compiler.AddResource(id, rewritten); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return id, nil
}
