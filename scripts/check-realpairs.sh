#!/bin/sh
# check-realpairs.sh: run unboundedgrowth (and unfilteredcache) on the real
# buggy/fixed commit pairs of scripts/realpairs.tsv and check that it fires at each bug and is
# silent at each fix. Trees are laid out from the mirrors (bare copies made
# by the fetch tool, /work/.mirror/OWNER+NAME/repo) under $RW; modules come
# from the Go module proxy. Never commit the trees.
#
# usage: scripts/check-realpairs.sh [NAME-PREFIX]
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RW=${RW:-${TMPDIR:-/tmp}/ctrlvet-realpairs}
MIRROR=${MIRROR:-/work/.mirror}
mkdir -p "$RW"
BIN="$RW/ctrlvet"
(cd "$ROOT" && go build -o "$BIN" ./cmd/ctrlvet)
# a fresh tool ID: go1.26's vet cache could replay facts-only runs
head -c 16 /dev/urandom >> "$BIN"
grep -v '^#' "$ROOT/scripts/realpairs.tsv" | while IFS='	' read -r name mirror commit pkgs an files func expect set; do
	[ -n "$name" ] || continue
	case "$name" in "${1:-}"*) ;; *) continue ;; esac
	tree="$RW/$name"
	if [ ! -d "$tree" ]; then
		mkdir -p "$tree"
		# a mirror may lack large blobs (greenhouse's docs drawings): lay
		# out the rest
		git --git-dir="$MIRROR/$mirror/repo" archive "$commit" | tar -x -C "$tree" ||
			git --git-dir="$MIRROR/$mirror/repo" archive "$commit" -- . ':(exclude)docs' 2>/dev/null | tar -x -C "$tree" || true
	fi
	out="$RW/$name.out"
	# shellcheck disable=SC2086
	(cd "$tree" && "$BIN" -"$an" $pkgs > "$out" 2>&1) || true
	hits=0
	# the function column, when not "-", names the states the row is
	# about (|-separated): only their findings count
	sel="$out.sel"
	if [ "$func" = - ]; then
		cp "$out" "$sel"
	else
		: > "$sel"
		for st in $(echo "$func" | tr '|' ' '); do
			if [ "$an" = unboundedgrowth ]; then
				grep -E "[ .]$st grows " "$out" >> "$sel" || true
			else
				# another analyzer: words of the message (_ for a space)
				grep -E "$(echo "$st" | tr '_' ' ')" "$out" >> "$sel" || true
			fi
		done
	fi
	if [ "$files" = "*" ]; then
		hits=$(grep -c "($an)\$" "$sel" || true)
	else
		for f in $(echo "$files" | tr '|' ' '); do
			n=$(grep -c "$f:[0-9]*:[0-9]*: .*($an)\$" "$sel" || true)
			hits=$((hits + n))
		done
	fi
	ok=no
	if [ "$expect" = fire ] && [ "$hits" -gt 0 ]; then ok=yes; fi
	if [ "$expect" = silent ] && [ "$hits" -eq 0 ]; then ok=yes; fi
	if [ "$set" = miss ] && [ "$expect" = fire ]; then
		if [ "$ok" = yes ]; then ok="now found"; else ok="known miss"; fi
	fi
	echo "$name: expect $expect, $hits findings: $ok ($out)"
done
