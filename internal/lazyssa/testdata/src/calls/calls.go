package calls

type teller interface{ tell() }

type t struct{}

func (t) tell() {}

func leaf(n int) {
	if n > 0 {
		leaf(n - 1) // its own recursive call
	}
}

func twice() {
	leaf(1)
	leaf(2)
}

func spawn(x teller) {
	go x.tell()
	defer leaf(0)
	use(helper)
}

func use(f func()) { f() }

func helper() {}

func closures() func() {
	n := 0
	return func() { n++ }
}
