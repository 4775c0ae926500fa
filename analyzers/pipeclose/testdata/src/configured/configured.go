// Package configured uses a writer that ctrlvet knows only from its
// settings (TestSettings also runs it without the settings: silent).
package configured

import (
	"os/exec"

	"example.com/plog"
)

func perCall(l *plog.Logger, name string) error {
	cmd := exec.Command(name)
	cmd.Stdout = l.Pipe(name) // want `^\*plog.Writer from plog Logger.Pipe is never closed: the goroutine reading its pipe blocks for ever, one per call of perCall; close it when done or make one writer for the process; plog Logger.Pipe is a writer constructor in ctrlvet's settings$`
	return cmd.Run()
}

func stopped(l *plog.Logger, name string) error {
	w := l.Pipe(name) // ok: Stop is a release method in the settings
	defer w.Stop()
	cmd := exec.Command(name)
	cmd.Stdout = w
	return cmd.Run()
}

func released(l *plog.Logger, name string) error {
	w := l.Pipe(name) // ok: released by plog.Release
	defer plog.Release(w)
	cmd := exec.Command(name)
	cmd.Stdout = w
	return cmd.Run()
}
