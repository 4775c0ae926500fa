package driver

// Paths from another machine. go vet caches each package's JSON output,
// and with -trimpath its cache key leaves out the package's directory, so
// a cache shared between machines (GOCACHEPROG) replays on machine B the
// output that machine A wrote, with A's absolute paths: A's checkout, A's
// module cache. Reroot maps each path that names no file here onto this
// machine's copy of the file.

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Reroot rewrites, in place, the paths of tree (positions, related
// positions, suggested fixes' files) that name no existing file: each
// becomes the file under one of roots that has the longest tail of its
// path in common, if any. roots nil means the main module's directory, the
// workspace's, GOMODCACHE and GOROOT, asked of `go env` only when a path
// is missing.
func Reroot(tree Tree, roots []string) {
	r := &rerooter{roots: roots, mapped: make(map[string]string)}
	for _, byAn := range tree {
		for _, ds := range byAn {
			for i := range ds {
				d := &ds[i]
				d.Posn = r.posn(d.Posn)
				d.End = r.posn(d.End)
				for j := range d.Related {
					d.Related[j].Posn = r.posn(d.Related[j].Posn)
					d.Related[j].End = r.posn(d.Related[j].End)
				}
				r.fixes(d.Fixes)
			}
		}
	}
}

type rerooter struct {
	roots    []string
	rootsSet bool
	prefixes [][2]string       // learnt: foreign directory prefix, local root
	mapped   map[string]string // file -> file here ("" when none)
}

// posn reroots a "file:line:col" position.
func (r *rerooter) posn(p string) string {
	if p == "" {
		return p
	}
	file, line, _ := splitPosn(p)
	if line <= 0 {
		return p
	}
	local := r.file(file)
	if local == file {
		return p
	}
	return local + strings.TrimPrefix(p, file)
}

// fixes reroots the files of go vet's suggested fixes, decoded as any.
func (r *rerooter) fixes(raw any) {
	fixes, _ := raw.([]any)
	for _, f := range fixes {
		fm, _ := f.(map[string]any)
		edits, _ := fm["edits"].([]any)
		for _, e := range edits {
			if em, ok := e.(map[string]any); ok {
				if name, ok := em["filename"].(string); ok {
					em["filename"] = r.file(name)
				}
			}
		}
	}
}

// file returns file's copy on this machine, or file.
func (r *rerooter) file(file string) string {
	if !filepath.IsAbs(file) {
		return file
	}
	if m, ok := r.mapped[file]; ok {
		return m
	}
	local := r.find(file)
	r.mapped[file] = local
	return local
}

func (r *rerooter) find(file string) string {
	if exists(file) {
		return file
	}
	for _, p := range r.prefixes {
		if rest, ok := cutDir(file, p[0]); ok {
			if cand := filepath.Join(p[1], rest); exists(cand) {
				return cand
			}
		}
	}
	if !r.rootsSet {
		r.rootsSet = true
		if r.roots == nil {
			r.roots = goRoots()
		}
	}
	parts := strings.Split(filepath.ToSlash(file), "/")
	// the longest tail first: parts[0] is "" (or a volume)
	for i := 1; i < len(parts); i++ {
		tail := filepath.FromSlash(strings.Join(parts[i:], "/"))
		for _, root := range r.roots {
			if cand := filepath.Join(root, tail); exists(cand) {
				foreign := filepath.FromSlash(strings.Join(parts[:i], "/"))
				if foreign == "" {
					foreign = string(filepath.Separator)
				}
				r.prefixes = append(r.prefixes, [2]string{foreign, root})
				return cand
			}
		}
	}
	return file
}

// cutDir returns file relative to dir, if it is under dir.
func cutDir(file, dir string) (string, bool) {
	rel, err := filepath.Rel(dir, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

func exists(file string) bool {
	fi, err := os.Stat(file)
	return err == nil && !fi.IsDir()
}

// goRoots returns the directories under which go vet's files lie here: the
// main module's, the workspace's, GOMODCACHE and GOROOT.
func goRoots() []string {
	out, err := exec.Command("go", "env", "GOMOD", "GOWORK", "GOMODCACHE", "GOROOT").Output()
	if err != nil {
		return nil
	}
	var roots []string
	for i, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l == os.DevNull {
			continue
		}
		if i < 2 {
			l = filepath.Dir(l) // GOMOD and GOWORK are files
		}
		if i == 3 {
			l = filepath.Join(l, "src")
		}
		roots = append(roots, l)
	}
	return roots
}
