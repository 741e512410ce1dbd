package main

import (
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
)

// jsonschemaModule is the validator library this adapter tests.
const jsonschemaModule = "github.com/santhosh-tekuri/jsonschema/v6"

// currentImplementation names this adapter and the library version it was built with.
func currentImplementation() implementation {
	version := "0.1.0"
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == jsonschemaModule {
				version += "+jsonschema." + strings.TrimPrefix(dep.Version, "v")
			}
		}
	}
	return implementation{Name: "compiled-sql-go-jsonschema", Version: version, Language: "go"}
}

// schemaDir is the given directory, or the first schemas/compiled-sql.v1
// above the executable or the working directory.
func schemaDir(given string) (string, error) {
	if given != "" {
		return given, nil
	}
	var starts []string
	if executable, err := os.Executable(); err == nil {
		if resolved, err := filepath.EvalSymlinks(executable); err == nil {
			starts = append(starts, filepath.Dir(resolved))
		}
	}
	if cwd, err := os.Getwd(); err == nil {
		starts = append(starts, cwd)
	}
	for _, start := range starts {
		for dir := start; ; dir = filepath.Dir(dir) {
			candidate := filepath.Join(dir, "schemas", "compiled-sql.v1")
			if _, err := os.Stat(filepath.Join(candidate, "operation.schema.json")); err == nil {
				return candidate, nil
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	return "", errors.New("schemas/compiled-sql.v1 not found: pass -schemas DIR or set COMPILED_SQL_SCHEMAS")
}
