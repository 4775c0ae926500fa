#!/usr/bin/env bash
# test-precommit.sh: end-to-end test of .pre-commit-hooks.yaml with the
# real pre-commit framework.
#
# It commits a snapshot of this working tree (tracked and untracked files,
# without ignored ones) to a throwaway hook repository, then makes a
# throwaway project repository whose .pre-commit-config.yaml uses both
# hooks (ctrlvet, ctrlvet-vet) from it at that commit, installs the git
# hook, and checks that
#   1. a commit of a Go file with a pipe leak is refused, both hooks fail
#      (ctrlvet with exit status 3, ctrlvet-vet with go vet's 1) and show
#      the finding;
#   2. once the leak is fixed the commit goes through;
#   3. a commit without Go files skips both hooks;
#   4. with a .ctrlvet.yaml naming the project's own pipe writer, a leak
#      of that writer is refused by both hooks (the settings file is found
#      in the repository's root).
#
# pre-commit's `language: golang` runs `go install ./...` with GOPATH set
# to its own environment directory; GOMODCACHE and GOFLAGS are exported so
# that it reuses this machine's module cache (and needs no network when the
# cache is warm).
#
# If pre-commit is missing: with CI=true it is installed with apt-get
# (Debian's package), otherwise the script exits with status 77 (skipped).
# Exit status 0 when every check passes, 1 otherwise.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if ! command -v pre-commit >/dev/null; then
  if [ "${CI:-}" = true ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    echo "test-precommit: installing pre-commit with apt-get" >&2
    $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq pre-commit >&2 || {
      echo "test-precommit: cannot install pre-commit" >&2; exit 1; }
  else
    echo "test-precommit: pre-commit not installed (set CI=true to install it with apt-get): skipped" >&2
    exit 77
  fi
fi
for c in git go tar; do
  command -v "$c" >/dev/null || { echo "test-precommit: $c not found" >&2; exit 1; }
done
echo "test-precommit: $(pre-commit --version), $(go version)"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/ctrlvet-precommit.XXXXXX")"
cleanup() { chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

export GOMODCACHE="$(go env GOMODCACHE)"
export GOFLAGS="$(go env GOFLAGS)"
export GOPROXY="$(go env GOPROXY)"
export PRE_COMMIT_HOME="$tmp/pre-commit-home"
export GIT_AUTHOR_NAME="ctrlvet test" GIT_AUTHOR_EMAIL="test@example.com"
export GIT_COMMITTER_NAME="ctrlvet test" GIT_COMMITTER_EMAIL="test@example.com"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

fail=0
check() { # check DESCRIPTION COMMAND...: run a check, report it
  if "${@:2}"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi
}
contains() { grep -qF -- "$2" <<<"$1"; }
commit_all() { # commit_all MESSAGE DESCRIPTION: commit everything, set out and status, show the output
  git -C "$proj" add -A
  local start=$SECONDS
  out="$(cd "$proj" && git commit -m "$1" 2>&1)"
  status=$?
  echo "--- git commit $2 (exit $status, $((SECONDS - start))s):"
  echo "$out"
  echo "---"
}

# The hook repository: a commit of the current working tree.
hooks="$tmp/hooks"
mkdir -p "$hooks"
git -C "$root" ls-files -z --cached --others --exclude-standard |
  (cd "$root" && tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -xf - -C "$hooks"
git -C "$hooks" init -q
git -C "$hooks" add -A
git -C "$hooks" commit -q -m "snapshot of the working tree"
rev="$(git -C "$hooks" rev-parse HEAD)"
[ -f "$hooks/.pre-commit-hooks.yaml" ] || { echo "test-precommit: no .pre-commit-hooks.yaml in the snapshot" >&2; exit 1; }

# The project: a module with a pipe leak.
proj="$tmp/project"
mkdir -p "$proj/stream"
git -C "$proj" init -q
cat >"$proj/go.mod" <<'EOF'
module example.com/pcdemo

go 1.24
EOF
cat >"$proj/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: ctrlvet
      - id: ctrlvet-vet
EOF
cat >"$proj/stream/stream.go" <<'EOF'
// Package stream copies data through a pipe.
package stream

import "io"

// Send starts a reader and never closes the writer: the reading goroutine
// blocks for ever, one per call.
func Send(data []byte) {
	pr, pw := io.Pipe()
	go func() { _, _ = io.ReadAll(pr) }()
	_, _ = pw.Write(data)
}
EOF
echo "# demo" >"$proj/README.md"
(cd "$proj" && pre-commit install) >/dev/null || { echo "test-precommit: pre-commit install failed" >&2; exit 1; }

# 1. The leak is refused.
commit_all leak "with the leak (the time includes building ctrlvet)"
check "the commit with the leak is refused" test "$status" -ne 0
check "no commit was made" test -z "$(git -C "$proj" rev-parse -q --verify HEAD)"
check "hook ctrlvet failed" grep -qE '^ctrlvet\.+Failed' <<<"$out"
check "hook ctrlvet-vet failed" grep -qE '^ctrlvet \(go vet\)\.+Failed' <<<"$out"
check "ctrlvet exited with 3 (findings)" contains "$out" "- exit code: 3"
check "ctrlvet-vet exited with 1 (go vet)" contains "$out" "- exit code: 1"
check "the standalone finding is shown" grep -qE '^stream/stream\.go:9:12: \*io\.PipeWriter from io\.Pipe is never closed: .* \(pipeclose\)$' <<<"$out"
check "the go vet finding is shown" grep -qE '^stream/stream\.go:9:12: \*io\.PipeWriter from io\.Pipe is never closed' <<<"$(grep -v '(pipeclose)$' <<<"$out")"

# 2. Fixed, the commit goes through.
sed -i 's|\tpr, pw := io.Pipe()|\tpr, pw := io.Pipe()\n\tdefer pw.Close()|' "$proj/stream/stream.go"
commit_all "no leak" "without the leak"
check "the commit without the leak passes" test "$status" -eq 0
check "hook ctrlvet passed" grep -qE '^ctrlvet\.+Passed' <<<"$out"
check "hook ctrlvet-vet passed" grep -qE '^ctrlvet \(go vet\)\.+Passed' <<<"$out"
check "the commit was made" test -n "$(git -C "$proj" rev-parse -q --verify HEAD)"

# 3. No Go file in the commit: both hooks are skipped (types: [go]).
echo "more" >>"$proj/README.md"
commit_all docs "of README.md only"
check "a commit without Go files passes" test "$status" -eq 0
check "both hooks are skipped without Go files" test "$(grep -cE '^ctrlvet.*\(no files to check\)Skipped' <<<"$out")" -eq 2

# 4. Settings: .ctrlvet.yaml tells ctrlvet about the project's own writer.
mkdir -p "$proj/plog"
cat >"$proj/plog/plog.go" <<'EOF'
// Package plog copies what is written to Pipe's writer into the log.
package plog

import (
	"io"
	"log"
)

// Writer is served by a goroutine until Stop.
type Writer struct{ pw *io.PipeWriter }

func (w *Writer) Write(p []byte) (int, error) { return w.pw.Write(p) }

// Stop ends the goroutine.
func (w *Writer) Stop() error { return w.pw.Close() }

// Pipe starts the goroutine.
func Pipe() *Writer {
	pr, pw := io.Pipe()
	go func() { b, _ := io.ReadAll(pr); log.Print(string(b)) }()
	return &Writer{pw: pw}
}
EOF
cat >"$proj/stream/logged.go" <<'EOF'
package stream

import (
	"os/exec"

	"example.com/pcdemo/plog"
)

// Run leaks a logging goroutine per call.
func Run(name string) error {
	cmd := exec.Command(name)
	cmd.Stdout = plog.Pipe()
	return cmd.Run()
}
EOF
cat >"$proj/.ctrlvet.yaml" <<'EOF'
pipeclose:
  constructors: [example.com/pcdemo/plog.Pipe]
  release: [Stop]
EOF
commit_all settings "of a leak known from .ctrlvet.yaml"
check "the commit with a leak known from the settings is refused" test "$status" -ne 0
check "hook ctrlvet failed on it" grep -qE '^ctrlvet\.+Failed' <<<"$out"
check "hook ctrlvet-vet failed on it" grep -qE '^ctrlvet \(go vet\)\.+Failed' <<<"$out"
check "both hooks show the finding from the settings" test "$(grep -c "stream/logged.go:12:15: \*plog.Writer from plog.Pipe is never closed.*plog.Pipe is a writer constructor in ctrlvet's settings" <<<"$out")" -eq 2

if [ $fail -ne 0 ]; then
  echo "test-precommit: FAILED"
  exit 1
fi
echo "test-precommit: all checks passed"
