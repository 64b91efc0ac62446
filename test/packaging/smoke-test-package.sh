#!/usr/bin/env bash
# Packs sfn-role-audit as `npm publish` would, installs the tarball into an empty folder the way a user does, and
# runs it there: `npx sfn-role-audit --version`, a check that must fail (exit 1) on a missing permission, one that
# must pass, and a run driven by a .sfn-role-audit.yml. Also runs dist/cli.mjs alone, with no node_modules
# anywhere, to prove the bundle needs none of the package's dependencies at run time. Called by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
version="$(node -p 'require("./package.json").version')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() {
  echo "package smoke test: $*" >&2
  exit 1
}

echo "-- npm pack"
npm pack --pack-destination "$work" --silent >"$work/pack.out"
tarball="$work/sfn-role-audit-$version.tgz"
[ -f "$tarball" ] || fail "npm pack did not write $tarball ($(cat "$work/pack.out"))"

echo "-- tarball contents"
tar -tzf "$tarball" | sort >"$work/files"
for wanted in package/package.json package/dist/cli.mjs package/README.md package/LICENSE package/docs/ci.md; do
  grep -qx "$wanted" "$work/files" || fail "$wanted is missing from the tarball"
done
if grep -E '^package/(cli|shared|test|functions|infra|scripts|dist/functions)/' "$work/files"; then
  fail "the tarball ships sources, tests or the Lambda bundle (see the files above)"
fi
mkdir "$work/bare"
tar -xzOf "$tarball" package/dist/cli.mjs >"$work/bare/cli.mjs"
[ "$(head -n 1 "$work/bare/cli.mjs")" = '#!/usr/bin/env node' ] || fail "dist/cli.mjs has no node shebang"

echo "-- npm install the tarball into an empty folder"
mkdir "$work/app"
cp test/fixtures/cli/simple.asl.json test/fixtures/cli/role-lambda-only.json test/fixtures/cli/role-full.json "$work/app/"
cd "$work/app"
npm install --no-audit --no-fund "$tarball" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "npm install failed"; }

arn="arn:aws:states:us-east-1:111122223333:stateMachine:orders"
got="$(npx --no-install sfn-role-audit --version)"
[ "$got" = "$version" ] || fail "npx sfn-role-audit --version printed '$got', expected '$version'"

set +e
npx --no-install sfn-role-audit check --definition simple.asl.json --state-machine-arn "$arn" \
  --policy role-lambda-only.json --format json >"$work/missing.json" 2>"$work/missing.err"
status=$?
set -e
[ "$status" = 1 ] || fail "check with a role missing sns:Publish exited $status, expected 1: $(cat "$work/missing.err")"
node -e '
  const report = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const actions = report.findings.map((finding) => finding.actions.join(","));
  if (actions.join(" ") !== "sns:Publish") throw new Error(`unexpected findings: ${actions}`);
' "$work/missing.json" || fail "check did not report exactly the missing sns:Publish"

npx --no-install sfn-role-audit check --definition simple.asl.json --state-machine-arn "$arn" --policy role-full.json \
  >/dev/null || fail "check with a complete role did not exit 0"

cat >.sfn-role-audit.yml <<YAML
definition: simple.asl.json
state-machine-arn: $arn
policy: role-lambda-only.json
ignore:
  - action: sns:Publish
    reason: granted by the topic policy (smoke test)
YAML
npx --no-install sfn-role-audit check >/dev/null || fail "check driven by .sfn-role-audit.yml did not exit 0"

echo "-- dist/cli.mjs alone, without node_modules"
cp "$root/test/fixtures/cli/simple.asl.json" "$root/test/fixtures/cli/role-full.json" "$work/bare/"
cd "$work/bare"
NODE_PATH='' node cli.mjs check --config none --definition simple.asl.json --state-machine-arn "$arn" \
  --policy role-full.json >/dev/null || fail "the bundle alone does not run: it needs a dependency at run time"

echo "package smoke test: sfn-role-audit $version packs, installs and runs"
