// Package tracking remembers when each object was last reconciled: its
// importers decide how often Observe runs.
package tracking

import (
	"sync"
	"time"
)

// Tracker records the last reconcile of each object.
type Tracker struct {
	mu   sync.Mutex
	last map[string]time.Time
}

// New returns an empty Tracker.
func New() *Tracker { return &Tracker{last: map[string]time.Time{}} }

// Observe records that key was reconciled now. Nothing ever forgets a key.
func (t *Tracker) Observe(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.last[key] = time.Now()
}
