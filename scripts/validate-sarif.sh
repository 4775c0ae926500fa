#!/usr/bin/env bash
# validate-sarif.sh: validate SARIF 2.1.0 files twice:
#   1. against the SARIF 2.1.0 JSON schema (the copy that ships with the
#      multitool), with the ajv JSON Schema validator (draft 2020-12, with
#      formats): types, required properties, enums such as result.level;
#   2. with Microsoft's SARIF Multitool (npm @microsoft/sarif-multitool)
#      `validate`, which applies the SARIF rules (SARIF1001 ...). It does
#      not check enum values, hence step 1.
#
# usage: scripts/validate-sarif.sh FILE.sarif...
#
# Installs the validators with `npm install --prefix DIR` on first use; DIR
# is $SARIF_VALIDATORS_DIR, default ${TMPDIR:-/tmp}/ctrlvet-sarif-validators.
# For each FILE it writes the multitool's own log to FILE.validation.sarif
# and prints every problem found. Exit status: 0 when no validator reports
# an error or a warning, 1 otherwise, 2 when the validators cannot be
# installed or run.
set -uo pipefail
pkgs=(@microsoft/sarif-multitool@5.7.0 ajv@8.20.0 ajv-formats@3.0.1)
dir="${SARIF_VALIDATORS_DIR:-${TMPDIR:-/tmp}/ctrlvet-sarif-validators}"
tool="$dir/node_modules/.bin/sarif-multitool"

if [ $# -eq 0 ]; then
  echo "usage: $0 FILE.sarif..." >&2
  exit 2
fi
for c in npm node; do
  command -v "$c" >/dev/null || { echo "validate-sarif: $c not found" >&2; exit 2; }
done
stamp="$dir/.installed"
if [ ! -x "$tool" ] || [ "$(cat "$stamp" 2>/dev/null)" != "${pkgs[*]}" ]; then
  mkdir -p "$dir"
  if ! npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "${pkgs[@]}" >&2; then
    echo "validate-sarif: npm install ${pkgs[*]} failed" >&2
    exit 2
  fi
  echo "${pkgs[*]}" > "$stamp"
fi
schema=$(ls "$dir"/node_modules/@microsoft/sarif-multitool-*/sarif-2.1.0.json 2>/dev/null | head -1)
if [ -z "$schema" ]; then
  echo "validate-sarif: no sarif-2.1.0.json in the multitool's package" >&2
  exit 2
fi

status=0
for f in "$@"; do
  # 1. JSON schema.
  if ! NODE_PATH="$dir/node_modules" node - "$schema" "$f" <<'JS'
const fs = require('fs');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const [schemaFile, file] = process.argv.slice(2);
const ajv = new Ajv2020({allErrors: true, strict: false});
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
let doc;
try {
  doc = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (e) {
  console.log(`${file}: error: not JSON: ${e.message}`);
  process.exit(1);
}
if (!validate(doc)) {
  for (const e of validate.errors) console.log(`${file}: error: schema: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  process.exit(1);
}
console.log(`${file}: valid against the SARIF 2.1.0 JSON schema`);
JS
  then
    status=1
  fi

  # 2. SARIF Multitool.
  out="$f.validation.sarif"
  rm -f "$out"
  "$tool" validate "$f" --output "$out" --quiet >/dev/null 2>&1
  if [ ! -s "$out" ]; then
    echo "validate-sarif: the multitool wrote no log for $f" >&2
    "$tool" validate "$f" >&2
    exit 2
  fi
  if ! node - "$f" "$out" <<'JS'
const fs = require('fs');
const [file, out] = process.argv.slice(2);
const log = JSON.parse(fs.readFileSync(out, 'utf8'));
let bad = 0;
for (const run of log.runs || []) {
  for (const inv of run.invocations || []) {
    for (const n of [...(inv.toolExecutionNotifications || []), ...(inv.toolConfigurationNotifications || [])]) {
      if (n.level === 'error') { bad++; console.log(`${file}: error: multitool: ${n.message && n.message.text}`); }
    }
  }
  for (const r of run.results || []) {
    const level = r.level || 'warning';
    const msg = (r.message && (r.message.text || (r.message.arguments || []).join(' | '))) || '';
    console.log(`${file}: ${level}: multitool ${r.ruleId}: ${msg}`);
    if (level === 'error' || level === 'warning') bad++;
  }
}
if (bad === 0) console.log(`${file}: valid for SARIF Multitool validate (no error, no warning)`);
process.exit(bad === 0 ? 0 : 1);
JS
  then
    status=1
  fi
done
exit $status
