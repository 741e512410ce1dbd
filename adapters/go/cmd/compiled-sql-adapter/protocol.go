package main

import (
	"fmt"

	"github.com/compiled-sql/compiled-sql/adapters/go/validator"
)

// protocol is the adapter protocol version this adapter speaks.
const protocol = "compiled-sql.adapter.v1"

// implementation is what the `hello` answer names (it goes into the report as is).
type implementation struct {
	Name     string `json:"name"`
	Version  string `json:"version"`
	Language string `json:"language"`
}

// answerer answers requests with one validator.
type answerer struct {
	validator      *validator.Validator
	implementation implementation
}

// requestID is the id to answer with: the request's, or `unknown` when it has
// none (the runner then stops, as it should on such a request).
func requestID(request map[string]any) string {
	if id, ok := request["id"].(string); ok && id != "" {
		return id
	}
	return "unknown"
}

// answer is the response to one request other than shutdown.
func (a *answerer) answer(request map[string]any) map[string]any {
	id := requestID(request)
	switch request["type"] {
	case "hello":
		return map[string]any{"type": "hello", "protocol": protocol, "implementation": a.implementation}
	case "validate":
	default:
		return failure(id, fmt.Sprintf("unknown request type %v", request["type"]))
	}
	document, _ := request["document"].(string)
	if !a.validator.Supports(document) {
		return map[string]any{"type": "skip", "id": id, "reason": fmt.Sprintf("document %q is not implemented", document)}
	}
	text, ok := request["text"].(string)
	if !ok {
		return failure(id, "text is not a string")
	}
	result, err := a.validator.ValidateText(document, text)
	if err != nil {
		return failure(id, err.Error())
	}
	return map[string]any{"type": "result", "id": id, "valid": result.Valid, "issues": result.Issues}
}

func failure(id, message string) map[string]any {
	return map[string]any{"type": "error", "id": id, "message": message}
}
