package cleanup // want package:"releases\\(example.com/shared.Store.Items\\)"

import "example.com/shared"

func Drop(s *shared.Store, k string) { delete(s.Items, k) }
