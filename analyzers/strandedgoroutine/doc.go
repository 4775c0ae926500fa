// Package strandedgoroutine defines an Analyzer that reports goroutines
// left blocked for ever because some return path never performs their
// partner operation.
//
// # Analyzer strandedgoroutine
//
// strandedgoroutine: report goroutines that block for ever on a channel or context because an (error) return path skips the close, cancel, send or receive
//
// A goroutine that waits on a channel, or sends on one, needs a partner:
// someone closes or sends so that the receive completes, someone receives
// so that the send completes, someone calls cancel so that ctx.Done()
// fires. When the partner operation happens only on the success path of
// the function that owns the channel, every early return (an error path
// above all) strands the goroutine for ever, with everything it holds.
//
//	func fetch(ctx context.Context) error {
//		errCh := make(chan error)      // unbuffered
//		go func() { errCh <- slow() }() // blocks until someone receives
//		if err := check(); err != nil {
//			return err // nobody will receive: the goroutine leaks
//		}
//		return <-errCh
//	}
//
// The usual fixes: a buffer of one for a single result
// (make(chan error, 1)), a select on ctx.Done() in the goroutine, defer
// cancel() or defer close(done) right after making them, or closing before
// every return.
//
// The check also finds controller-runtime's manager leak
// (kubernetes-sigs/controller-runtime#2834, #2873): a channel field closed
// only by a goroutine that one method starts after its error checks, and
// waited on in a deferred function of another, so that the early return
// strands the waiter, the deferred functions after it, and the goroutines
// that wait for those. And a goroutine started on every iteration of a loop
// that waits only on a channel that outlives the loop, never on the
// iteration's own context.
//
// Beyond one function: partners that never run at all (a channel field
// that nothing closes or sends on, or receives from; a Cond nobody
// signals around a condition nobody sets; a cancel stored in a field
// nobody calls), results the caller must keep (a function whose goroutine
// sends on the channel it returns, or waits on the context of the object
// it returns, is a fact; a call that drops the result is reported in any
// package), sends that block their own goroutine, a consumer that returns
// from the middle of its receive loop while the producer sends in a loop,
// a channel handed to goroutines and callees none of which partner it,
// WaitGroup.Wait inside the loop after an Add of the whole count, a mutex
// held (by the function or a caller) across a channel operation whose
// every partner needs that mutex (also through callbacks and interface
// methods of the package), a plain send to a select loop that can return,
// a producer that checks for stop before its send but not during it while
// its consumers return on that stop, a cancel stored and never called
// of a context derived from a parameter (reported where a caller passes
// a context that outlives the call), and an object whose goroutine ends
// only with the object's own context, dropped (neither returned nor
// cancelled) by the function that made it on a return path (a
// constructor's error return after it started the object's loop). Code
// that runs once per process (main, init) is skipped.
//
// Watches too: a watch.Interface from a Watch method (client-go's
// clients, controller-runtime's WithWatch) runs a goroutine that sends
// each event on ResultChan until Stop is called; a path that returns
// without Stop, and without reading ResultChan until it is closed,
// leaves that goroutine blocked for ever with the watch's connection
// open, once per reconcile or call. Functions that return a fresh watch
// are facts, so the check follows them across packages.
//
// It is silent when the channel or context is handed to code it cannot
// see, when a select has a default or another case that can proceed
// (time.After, a context), when a buffered channel has room for every
// send, and for timeouts and deadlines, which end by themselves. The work
// per function is linear: a forward pass over the blocks, never a walk of
// paths.
package strandedgoroutine
