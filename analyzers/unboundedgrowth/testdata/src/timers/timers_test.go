package timers

import "testing"

// A test's cleanup does not release the program's state.
func TestCleanup(t *testing.T) {
	r := NewReconciler()
	delete(r.RepeatTimersByName, "x")
	r.RepeatTimersByName = nil
}
