// Command compiled-sql-adapter is the Go conformance adapter for
// compiled-sql.v1 (adapter protocol `compiled-sql.adapter.v1`): it reads one
// JSON request per line on standard input, answers each with one JSON line on
// standard output, and logs to standard error. See
// docs/conformance/adapter-protocol.md. Under the conformance runner:
//
//	compiled-sql-conformance envelopes --adapter adapters/go/bin/compiled-sql-adapter
//
// The schemas come from -schemas DIR, else $COMPILED_SQL_SCHEMAS, else the
// first schemas/compiled-sql.v1 found above the executable or the working
// directory.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/compiled-sql/compiled-sql/adapters/go/validator"
)

func main() {
	schemas := flag.String("schemas", os.Getenv("COMPILED_SQL_SCHEMAS"), "the schemas/compiled-sql.v1 directory")
	flag.Parse()
	dir, err := schemaDir(*schemas)
	if err == nil {
		err = run(dir, os.Stdin, os.Stdout)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "compiled-sql-adapter: %v\n", err)
		os.Exit(1)
	}
}

// run loads the schemas and serves requests until shutdown or end of input.
func run(dir string, in io.Reader, out io.Writer) error {
	v, err := validator.New(dir)
	if err != nil {
		return err
	}
	a := &answerer{validator: v, implementation: currentImplementation()}
	reader := bufio.NewReader(in)
	writer := bufio.NewWriter(out)
	for {
		line, readErr := reader.ReadString('\n')
		if line != "" {
			response, shutdown := a.handle(line)
			if shutdown {
				return nil
			}
			if err := send(writer, response); err != nil {
				return err
			}
		}
		if readErr == io.EOF {
			return nil // End of input counts as shutdown.
		}
		if readErr != nil {
			return readErr
		}
	}
}

// handle answers one line; one bad request must not end the run.
func (a *answerer) handle(line string) (response map[string]any, shutdown bool) {
	var request map[string]any
	defer func() {
		if recovered := recover(); recovered != nil {
			fmt.Fprintf(os.Stderr, "compiled-sql-adapter: panic: %v\n", recovered)
			response = failure(requestID(request), fmt.Sprintf("panic: %v", recovered))
		}
	}()
	if err := json.Unmarshal([]byte(line), &request); err != nil {
		return failure("unknown", fmt.Sprintf("the request is not a JSON object: %v", err)), false
	}
	if request["type"] == "shutdown" {
		return nil, true
	}
	return a.answer(request), false
}

// send writes one response line and flushes it: the runner waits for it.
func send(writer *bufio.Writer, response map[string]any) error {
	encoder := json.NewEncoder(writer)
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(response); err != nil {
		return err
	}
	return writer.Flush()
}
