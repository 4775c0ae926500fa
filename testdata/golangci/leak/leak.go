// Package leak has io.Pipe writers that are never closed, for the
// golangci-lint plugin's end-to-end test: one reported, one silenced with
// a nolint directive naming pipeclose, one with a nolint directive naming
// another linter (still reported), one silenced with ctrlvet's own ignore
// directive. (A nolint directive in this comment would cover the file.)
package leak

import "io"

// Stream leaks a goroutine per call: pw is never closed, so the reader
// never sees EOF.
func Stream(data []byte) {
	pr, pw := io.Pipe()
	go func() { _, _ = io.ReadAll(pr) }()
	_, _ = pw.Write(data)
}

// Quiet has the same leak, silenced for golangci-lint.
func Quiet(data []byte) {
	pr, pw := io.Pipe() //nolint:pipeclose // silenced on purpose
	go func() { _, _ = io.ReadAll(pr) }()
	_, _ = pw.Write(data)
}

// Other has the same leak; its //nolint names another linter.
func Other(data []byte) {
	pr, pw := io.Pipe() //nolint:netlinkclose // does not silence pipeclose
	go func() { _, _ = io.ReadAll(pr) }()
	_, _ = pw.Write(data)
}

// Ignored has the same leak, silenced with ctrlvet's own directive, which
// works under every driver.
func Ignored(data []byte) {
	//ctrlvet:ignore pipeclose -- silenced on purpose
	pr, pw := io.Pipe()
	go func() { _, _ = io.ReadAll(pr) }()
	_, _ = pw.Write(data)
}
