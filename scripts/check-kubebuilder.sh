#!/usr/bin/env bash
# check-kubebuilder.sh: the kubebuilder layout, end to end, through every
# driver. It lays out kubebuilder's own scaffolded project
# (testdata/project-v4 of kubernetes-sigs/kubebuilder at a pinned commit,
# from the mirror the fetch tool makes), adds in the scaffold's usual
# places (a file in internal/controller, the wiring at main's
# "+kubebuilder:scaffold:builder" marker) an informer event handler that
# sends on a channel and a manager Runnable, leader-only by default, that
# is the channel's only receiver (scripts/kubebuilder/*.txt), and runs
# leadersend on it with the standalone binary, go vet -vettool and
# golangci-lint with ctrlvet's plugins. The bug must be reported by each, in
# main at the wiring (the library's send and receiver related),
# the fix (the Runnable's NeedLeaderElection returns false) by none.
# Modules come from the Go module proxy. Never commit the trees.
#
# usage: scripts/check-kubebuilder.sh
#   MIRROR   folder of OWNER+NAME/repo mirrors (default /work/.mirror)
#   RW       work folder (default $TMPDIR/ctrlvet-kubebuilder)
#   GOLANGCI golangci-lint built with the plugins (default: built by
#            scripts/build-golangci.sh into $RW)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RW=${RW:-${TMPDIR:-/tmp}/ctrlvet-kubebuilder}
MIRROR=${MIRROR:-/work/.mirror}
COMMIT=5c400728930120dd385712db61cb0a937238ce81
mkdir -p "$RW"
BIN="$RW/ctrlvet"
go build -C "$ROOT" -o "$BIN" ./cmd/ctrlvet
# a fresh tool ID: go1.26's vet cache could replay facts-only runs
head -c 16 /dev/urandom >>"$BIN"
GOLANGCI=${GOLANGCI:-$RW/golangci-lint-ctrlvet}
[ -x "$GOLANGCI" ] || "$ROOT/scripts/build-golangci.sh" "$GOLANGCI" >/dev/null
cat >"$RW/golangci.yml" <<'YML'
version: "2"
run:
  relative-path-mode: wd
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
linters:
  default: none
  enable:
    - leadersend
  settings:
    custom:
      leadersend:
        type: module
        description: channel sends that block on standby replicas
YML

layout() { # variant
	local tree=$RW/$1
	if [ ! -f "$tree/.ready" ]; then
		rm -rf "$tree" "$RW/testdata"
		git --git-dir="$MIRROR/kubernetes-sigs+kubebuilder/repo" archive "$COMMIT" testdata/project-v4 | tar -x -C "$RW"
		mv "$RW/testdata/project-v4" "$tree"
		rmdir "$RW/testdata"
		cp "$ROOT/scripts/kubebuilder/secret_events.go.txt" "$tree/internal/controller/secret_events.go"
		if [ "$1" = fixed ]; then
			cat "$ROOT/scripts/kubebuilder/fix.go.txt" >>"$tree/internal/controller/secret_events.go"
		fi
		# the wiring goes where kubebuilder adds new controllers' setup
		awk -v snip="$ROOT/scripts/kubebuilder/main.go.txt" '
			/\+kubebuilder:scaffold:builder/ { while ((getline l < snip) > 0) print l }
			{ print }' "$tree/cmd/main.go" >"$tree/cmd/main.go.new"
		mv "$tree/cmd/main.go.new" "$tree/cmd/main.go"
		(cd "$tree" && go mod tidy >/dev/null 2>&1)
		touch "$tree/.ready"
	fi
}

fail=0
for variant in buggy fixed; do
	layout "$variant"
	tree=$RW/$variant
	(cd "$tree" && "$BIN" -leadersend ./... >"$RW/$variant.standalone" 2>&1) || true
	(cd "$tree" && go vet -vettool="$BIN" -leadersend ./... >"$RW/$variant.vet" 2>&1) || true
	(cd "$tree" && "$GOLANGCI" run --config "$RW/golangci.yml" ./... >"$RW/$variant.golangci" 2>&1) || true
	for driver in standalone vet golangci; do
		out=$RW/$variant.$driver
		n=$(grep -c '^cmd/main.go:[0-9]*:[0-9]*: .*SecretEvents.SetupWithManager sends on it' "$out" || true)
		case $variant in
		buggy) [ "$n" -gt 0 ] && ok=yes || ok=no ;;
		fixed) [ "$n" -eq 0 ] && ok=yes || ok=no ;;
		esac
		[ "$ok" = yes ] || fail=1
		echo "$variant $driver: $n leadersend findings on the handler: $ok ($out)"
	done
done
exit $fail
