// Package tracker remembers when it last saw each key.
package tracker

import "time"

type Tracker struct {
	seen map[string]time.Time
}

func New() *Tracker { return &Tracker{seen: map[string]time.Time{}} }

// Track is called by its importers; how often is theirs to say.
func (t *Tracker) Track(key string) { // want Track:"grows\\(Tracker.seen\\)"
	t.seen[key] = time.Now()
}
