package reviewed

import "context"

type rows struct {
	cancel context.CancelFunc
	closed bool
}

func (r *rows) Watch(ctx context.Context) { // want Watch:"strands\\(result -1, recv false, parent 0\\)"
	ctx, r.cancel = context.WithCancel(ctx)
	go r.awaitDone(ctx)
}

func (r *rows) awaitDone(ctx context.Context) {
	<-ctx.Done()
	r.closed = true
}

// ---- CP1: the context passed is the controller's own, which Stop
// cancels; Start runs once per controller.
type Controller struct {
	ctx  context.Context
	stop context.CancelFunc
	r    *rows
}

func NewController() *Controller {
	c := &Controller{r: &rows{}}
	c.ctx, c.stop = context.WithCancel(context.Background())
	return c
}

func (c *Controller) Start() {
	c.r.Watch(c.ctx)
}

func (c *Controller) Stop() { c.stop() }
