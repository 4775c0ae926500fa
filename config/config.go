// Package config is ctrlvet's one settings type. The same Settings come
// from a .ctrlvet.yaml file, from command-line flags (standalone and
// go vet -vettool), and from golangci-lint's
// linters.settings.custom.<name>.settings; suite.New builds the analyzers
// from them. Settings only add to what ctrlvet knows: an empty Settings is
// ctrlvet's default behaviour.
//
// The controller model (leadersend, earlyinformer, unfilteredcache) is
// shared, so its settings are one block read by every analyzer that uses
// it, never set per analyzer.
//
// Function and method names are written with their package path:
// "example.com/pkg.Func", "example.com/pkg.Type.Method" or
// "(*example.com/pkg.Type).Method".
package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ctrlvet/ctrlvet/internal/apis"
)

// Settings configure ctrlvet's analyzers.
type Settings struct {
	// Netlinkclose adds resources to netlinkclose.
	Netlinkclose Resources `json:"netlinkclose,omitzero"`
	// Pipeclose adds writers to pipeclose.
	Pipeclose Resources `json:"pipeclose,omitzero"`
	// Model adds leader gates and handler registrations to the controller
	// model that leadersend, earlyinformer and unfilteredcache share.
	Model Model `json:"model,omitzero"`
	// Frequency adds to what ctrlvet knows about how often code runs
	// (unboundedgrowth, pipeclose).
	Frequency Frequency `json:"frequency,omitzero"`
}

// Frequency adds to the frequency stage of the model.
type Frequency struct {
	// ReloadEntryPoints are functions or methods that run once per
	// configuration reload, e.g. a project's
	// "(*example.com/proxy.Server).ApplyConfig": state they grow and never
	// release grows with every reload.
	ReloadEntryPoints []string `json:"reload-entry-points,omitempty"`
}

// Empty reports whether f adds nothing.
func (f Frequency) Empty() bool { return len(f.ReloadEntryPoints) == 0 }

// Resources add APIs to a resource analyzer (netlinkclose, pipeclose).
type Resources struct {
	// Constructors are functions or methods whose first result is a
	// resource the caller must release, e.g.
	// "github.com/mdlayher/netlink.Dial". It is released by Close or by
	// one of Release.
	Constructors []string `json:"constructors,omitempty"`
	// Release are more ways to release a resource: a method name
	// ("Shutdown") is a method of the resource; a function or method name
	// ("example.com/nlutil.CloseAll", "(*example.com/pool.Pool).Put")
	// releases the resource passed as its first argument.
	Release []string `json:"release,omitempty"`
}

// Model adds to the controller model.
type Model struct {
	// LeaderGates are functions or methods whose function arguments run
	// on the elected leader only, e.g. a project's
	// "example.com/ha.RunWhenLeader(ctx, func(ctx context.Context))".
	LeaderGates []string `json:"leader-gates,omitempty"`
	// LeaderWaits are functions or methods that return once this replica
	// is the leader (leader for life), e.g. a project's
	// "example.com/ha.WaitUntilLeader(ctx)": the code after a call runs on
	// the leader only. operator-lib's leader.Become is built in.
	LeaderWaits []string `json:"leader-waits,omitempty"`
	// HandlerRegistrations are functions or methods that register an
	// informer event handler, e.g. "(*example.com/informers.Hub).Subscribe".
	// The handler is the first parameter that can hold one (a type with
	// OnAdd/OnUpdate/OnDelete, client-go's handler types, or a function);
	// "name:N" names parameter N (from 0, the receiver not counted).
	HandlerRegistrations []string `json:"handler-registrations,omitempty"`
}

// FileNames are the names of a settings file that the standalone driver
// finds on its own (see Find).
var FileNames = []string{".ctrlvet.yaml", ".ctrlvet.yml"}

// Empty reports whether s adds nothing.
func (s *Settings) Empty() bool {
	return s == nil || (s.Netlinkclose.empty() && s.Pipeclose.empty() && s.Model.Empty() && s.Frequency.Empty())
}

func (r Resources) empty() bool { return len(r.Constructors) == 0 && len(r.Release) == 0 }

// Empty reports whether m adds nothing.
func (m Model) Empty() bool {
	return len(m.LeaderGates) == 0 && len(m.LeaderWaits) == 0 && len(m.HandlerRegistrations) == 0
}

// Key is a canonical form of m: two Models with the same Key give the
// same controller model.
func (m Model) Key() string {
	c := Model{LeaderGates: sortedSet(m.LeaderGates), LeaderWaits: sortedSet(m.LeaderWaits), HandlerRegistrations: sortedSet(m.HandlerRegistrations)}
	b, _ := json.Marshal(c)
	return string(b)
}

func sortedSet(xs []string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, strings.TrimSpace(x))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Validate reports the first name in s that ctrlvet cannot read.
func (s *Settings) Validate() error {
	if s == nil {
		return nil
	}
	for _, l := range s.lists() {
		if err := l.check(*l.dst); err != nil {
			return fmt.Errorf("%s: %w", l.flag, err)
		}
	}
	return nil
}

// Merge adds the entries of o to s.
func (s *Settings) Merge(o *Settings) {
	if o == nil {
		return
	}
	for _, l := range s.lists() {
		*l.dst = appendNew(*l.dst, *l.get(o))
	}
}

func appendNew(dst, src []string) []string {
	for _, x := range src {
		if !slices.Contains(dst, x) {
			dst = append(dst, x)
		}
	}
	return dst
}

// list is one list-valued setting and its flag.
type list struct {
	flag  string
	usage string
	dst   *[]string
	get   func(*Settings) *[]string
	check func([]string) error
}

func checkFuncs(xs []string) error { _, err := apis.ParseFuncs(xs); return err }

func checkRelease(xs []string) error { _, _, err := apis.ParseRelease(xs); return err }

func checkRegistrars(xs []string) error {
	for _, x := range xs {
		if _, err := apis.ParseRegistrar(x); err != nil {
			return err
		}
	}
	return nil
}

func (s *Settings) lists() []list {
	return []list{
		{"netlinkclose.constructors", "functions or methods whose first result is a netlink resource to release (comma-separated)", &s.Netlinkclose.Constructors,
			func(o *Settings) *[]string { return &o.Netlinkclose.Constructors }, checkFuncs},
		{"netlinkclose.release", "methods (Shutdown) or functions (pkg/path.Free) that release a netlink resource (comma-separated)", &s.Netlinkclose.Release,
			func(o *Settings) *[]string { return &o.Netlinkclose.Release }, checkRelease},
		{"pipeclose.constructors", "functions or methods whose first result is a pipe writer to close (comma-separated)", &s.Pipeclose.Constructors,
			func(o *Settings) *[]string { return &o.Pipeclose.Constructors }, checkFuncs},
		{"pipeclose.release", "methods or functions that close a pipe writer (comma-separated)", &s.Pipeclose.Release,
			func(o *Settings) *[]string { return &o.Pipeclose.Release }, checkRelease},
		{"model.leader-gates", "functions or methods whose function arguments run on the elected leader only (comma-separated)", &s.Model.LeaderGates,
			func(o *Settings) *[]string { return &o.Model.LeaderGates }, checkFuncs},
		{"model.leader-waits", "functions or methods that return once this replica is the leader: the code after a call runs on the leader only (comma-separated)", &s.Model.LeaderWaits,
			func(o *Settings) *[]string { return &o.Model.LeaderWaits }, checkFuncs},
		{"model.handler-registrations", "functions or methods that register an informer event handler, name or name:param (comma-separated)", &s.Model.HandlerRegistrations,
			func(o *Settings) *[]string { return &o.Model.HandlerRegistrations }, checkRegistrars},
		{"frequency.reload-entry-points", "functions or methods that run once per configuration reload (comma-separated)", &s.Frequency.ReloadEntryPoints,
			func(o *Settings) *[]string { return &o.Frequency.ReloadEntryPoints }, checkFuncs},
	}
}

// RegisterFlags adds one flag per setting to fs (-netlinkclose.constructors,
// -model.leader-gates, ...). Each takes a comma-separated list, may be
// repeated, and adds to s.
func (s *Settings) RegisterFlags(fs *flag.FlagSet) {
	for _, l := range s.lists() {
		fs.Var(&listFlag{dst: l.dst, check: l.check}, l.flag, l.usage)
	}
}

// FlagNames are the names of the flags RegisterFlags adds.
func FlagNames() []string {
	var out []string
	for _, l := range new(Settings).lists() {
		out = append(out, l.flag)
	}
	return out
}

// Args returns s as command-line flags of RegisterFlags, for a go vet
// run with ctrlvet as its tool. (go vet keys its cache of results by the
// tool's flags, so settings passed as flags, not as a file name, never
// give stale results.)
func (s *Settings) Args() []string {
	var out []string
	for _, l := range s.lists() {
		if len(*l.dst) > 0 {
			out = append(out, "-"+l.flag+"="+strings.Join(*l.dst, ","))
		}
	}
	return out
}

type listFlag struct {
	dst   *[]string
	check func([]string) error
}

func (f *listFlag) String() string {
	if f.dst == nil {
		return ""
	}
	return strings.Join(*f.dst, ",")
}

func (f *listFlag) Set(v string) error {
	var add []string
	for _, x := range strings.Split(v, ",") {
		if x = strings.TrimSpace(x); x != "" {
			add = append(add, x)
		}
	}
	if err := f.check(add); err != nil {
		return err
	}
	*f.dst = appendNew(*f.dst, add)
	return nil
}

// Decode reads settings from YAML or JSON, strictly: an unknown key is an
// error (it is most often a typo that would silently do nothing).
func Decode(data []byte) (*Settings, error) {
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	return DecodeValue(v)
}

// DecodeValue reads settings from a decoded YAML or JSON value (as
// golangci-lint passes plugin settings), strictly.
func DecodeValue(v any) (*Settings, error) {
	s := new(Settings)
	if err := Strict(v, s); err != nil {
		return nil, err
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	return s, nil
}

// Strict decodes v (maps, lists, strings as YAML or JSON give them) into
// out through its JSON tags, refusing unknown keys.
func Strict(v, out any) error {
	if v == nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if string(b) == "null" {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(out); err != nil {
		return errors.New(strings.TrimPrefix(err.Error(), "json: "))
	}
	return nil
}

// YAML returns s in the form of a settings file ("{}" when s is empty).
func YAML(s *Settings) ([]byte, error) {
	b, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, err
	}
	if len(v) == 0 {
		return []byte("{}\n"), nil
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

// Load reads a settings file.
func Load(file string) (*Settings, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	s, err := Decode(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return s, nil
}

// Find looks for a settings file (FileNames) in dir and its parents, up
// to the directory of the enclosing go.mod or go.work. It returns "" when
// there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		for _, n := range FileNames {
			p := filepath.Join(dir, n)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p, nil
			}
		}
		for _, root := range []string{"go.mod", "go.work"} {
			if _, err := os.Stat(filepath.Join(dir, root)); err == nil {
				return "", nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}
