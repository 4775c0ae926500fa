// Package netns is a stub of github.com/vishvananda/netns for tests.
package netns

type NsHandle int

func (ns NsHandle) Close() error   { return nil }
func (ns NsHandle) IsOpen() bool   { return ns != -1 }
func (ns NsHandle) String() string { return "" }

func None() NsHandle                               { return -1 }
func Get() (NsHandle, error)                       { return 0, nil }
func GetFromPath(path string) (NsHandle, error)    { return 0, nil }
func GetFromName(name string) (NsHandle, error)    { return 0, nil }
func GetFromPid(pid int) (NsHandle, error)         { return 0, nil }
func GetFromThread(pid, tid int) (NsHandle, error) { return 0, nil }
func GetFromDocker(id string) (NsHandle, error)    { return 0, nil }
func New() (NsHandle, error)                       { return 0, nil }
func NewNamed(name string) (NsHandle, error)       { return 0, nil }
func Set(ns NsHandle) error                        { return nil }
