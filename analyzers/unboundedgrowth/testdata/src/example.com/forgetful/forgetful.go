package forgetful // want package:"releases\\(example.com/forgetful.Tracker.seen\\)"

import "time"

type Tracker struct {
	seen map[string]time.Time
}

func New() *Tracker { return &Tracker{seen: map[string]time.Time{}} }

// Track exports no growth: Forget releases it in this package, which
// an importer may not see (a package fact of an indirect dependency).
func (t *Tracker) Track(key string) {
	t.seen[key] = time.Now()
}

func (t *Tracker) Forget(key string) { delete(t.seen, key) }
