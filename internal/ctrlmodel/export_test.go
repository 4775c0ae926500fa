package ctrlmodel

// Registrations returns the handler registrations of the package, for
// the model's own dump test.
func (m *Model) Registrations() []*Registration { return m.regs }
