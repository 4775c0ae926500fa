package golangci

// ResetModel forgets the run's controller model, so that one test
// process can build plugins as several golangci-lint runs would.
func ResetModel() { shared.Store(nil) }
