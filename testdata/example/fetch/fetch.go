// Package fetch strands a goroutine on its error path: the result channel
// is unbuffered and nobody receives once validate fails.
package fetch

import "errors"

func slow() (string, error) { return "ok", nil }

func validate(key string) error {
	if key == "" {
		return errors.New("empty key")
	}
	return nil
}

// Get fetches key.
func Get(key string) (string, error) {
	type result struct {
		v   string
		err error
	}
	ch := make(chan result)
	go func() {
		v, err := slow()
		ch <- result{v, err}
	}()
	if err := validate(key); err != nil {
		return "", err
	}
	r := <-ch
	return r.v, r.err
}
