package forgetful // want package:"releases\\(example.com/forgetful.Tracker.seen\\)"

import "time"

type Tracker struct {
	seen map[string]time.Time
}

func New() *Tracker { return &Tracker{seen: map[string]time.Time{}} }

func (t *Tracker) Track(key string) { // want Track:"grows\\(Tracker.seen\\)"
	t.seen[key] = time.Now()
}

func (t *Tracker) Forget(key string) { delete(t.seen, key) }
