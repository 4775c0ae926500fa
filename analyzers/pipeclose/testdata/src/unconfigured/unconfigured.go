// Package configured uses a writer that ctrlvet knows only from its
// settings (without settings: silent).
package unconfigured

import (
	"os/exec"

	"example.com/plog"
)

func perCall(l *plog.Logger, name string) error {
	cmd := exec.Command(name)
	cmd.Stdout = l.Pipe(name) // ok: not a pipe writer without the settings
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
