// Package cobra is a stub of github.com/spf13/cobra for tests.
package cobra

// Command is a CLI command: its run functions run once per process, when
// the command is the one executed.
type Command struct {
	Use                string
	PersistentPreRun   func(cmd *Command, args []string)
	PersistentPreRunE  func(cmd *Command, args []string) error
	PreRun             func(cmd *Command, args []string)
	PreRunE            func(cmd *Command, args []string) error
	Run                func(cmd *Command, args []string)
	RunE               func(cmd *Command, args []string) error
	PostRun            func(cmd *Command, args []string)
	PostRunE           func(cmd *Command, args []string) error
	PersistentPostRun  func(cmd *Command, args []string)
	PersistentPostRunE func(cmd *Command, args []string) error
}

// Execute runs the command.
func (c *Command) Execute() error { return nil }

// AddCommand adds sub-commands.
func (c *Command) AddCommand(cmds ...*Command) {}
