#!/usr/bin/env python3
"""Writes policies/capabilities.json: OPA's capabilities restricted to builtins that run under
opa-java-wasm, so that `opa build -t wasm` rejects a rule using anything else at build time instead
of a user's run failing.

Allowed = builtins OPA's Wasm compiler implements natively (its builtinsFunctions table, read from
the OPA module source that `go install` left in the module cache) + the few that opa-java-wasm
1.0.4 provides on the host side (com.styra.opa.wasm.builtins.Provided).
Run it again only when OPA or opa-java-wasm is bumped: scripts/wasm-capabilities.py
"""
import json, os, re, subprocess, sys

OPA_VERSION = "v1.12.1"
HOST_PROVIDED = {"sprintf", "json.is_valid", "yaml.is_valid", "yaml.marshal", "yaml.unmarshal"}
# Operators the planner compiles to instructions rather than builtin calls.
INTRINSIC = {"eq", "assign", "equal", "neq", "gt", "gte", "lt", "lte", "internal.member_2", "internal.member_3"}

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
opa = os.path.join(root, ".tools", "bin", "opa")
modcache = subprocess.check_output(["go", "env", "GOMODCACHE"], text=True).strip()
src = os.path.join(modcache, "github.com", "open-policy-agent", f"opa@{OPA_VERSION}")

wasm_go = open(os.path.join(src, "internal", "compiler", "wasm", "wasm.go")).read()
table = wasm_go[wasm_go.index("var builtinsFunctions = map[string]string{"):]
table = table[: table.index("\n}\n")]
ast_vars = set(re.findall(r"ast\.(\w+)\.Name", table))

builtins_go = open(os.path.join(src, "v1", "ast", "builtins.go")).read()
names = {}
for var, name in re.findall(r'^var (\w+) = &Builtin\{\s*\n\s*Name:\s*"([^"]+)"', builtins_go, re.M):
    names[var] = name
native = {names[v] for v in ast_vars if v in names}
missing = sorted(v for v in ast_vars if v not in names)
if missing:
    sys.exit(f"could not map Wasm builtins to names: {missing}")

caps = json.loads(subprocess.check_output([opa, "capabilities", "--current"], text=True))
allowed = native | HOST_PROVIDED | INTRINSIC
caps["builtins"] = [b for b in caps["builtins"] if b["name"] in allowed]
out = os.path.join(root, "policies", "capabilities.json")
with open(out, "w") as f:
    json.dump(caps, f, indent=1, sort_keys=True)
    f.write("\n")
print(f"{out}: {len(caps['builtins'])} builtins allowed", file=sys.stderr)
