// Package shared has a store whose exported map others delete from.
package shared

type Store struct {
	Items map[string]int
}

func (s *Store) Put(k string) { // want Put:"grows\\(Store.Items\\)"
	s.Items[k]++
}
