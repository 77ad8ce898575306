#!/usr/bin/env python3
"""Writes a large plan shaped like the real ones, for benchmarks: fixtures/shared-reference/plan-1k.json.gz
(real Terraform output: shared resources plus a for_each module per tenant) with its tenants
cloned until the plan holds about RESOURCES resource changes. Deterministic: the same arguments
give the same bytes.

  scripts/generate-plan.py RESOURCES OUT.json[.gz]
"""
import gzip
import json
import sys

TEMPLATE = "fixtures/shared-reference/plan-1k.json.gz"
MODEL = 't00001'


def tenant_key(i):
    return f"t{i:05d}" if i < 100000 else f"t{i}"


def retag(node, new):
    """A deep copy of node with the model tenant's key replaced by new, everywhere."""
    return json.loads(json.dumps(node).replace(MODEL, new))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    target, out = int(sys.argv[1]), sys.argv[2]
    with gzip.open(TEMPLATE, "rt") as f:
        plan = json.load(f)
    prefix = f'module.tenant["{MODEL}"]'
    shared = [rc for rc in plan["resource_changes"] if not rc["address"].startswith("module.tenant[")]
    model_changes = [rc for rc in plan["resource_changes"] if rc["address"].startswith(prefix + ".")]
    children = plan["planned_values"]["root_module"]["child_modules"]
    model_child = next(c for c in children if c["address"] == prefix)
    model_relevant = [a for a in plan.get("relevant_attributes", []) if a["resource"].startswith(prefix + ".")]
    shared_relevant = [a for a in plan.get("relevant_attributes", []) if not a["resource"].startswith("module.tenant[")]

    count = max(1, (target - len(shared)) // len(model_changes))
    changes, child_modules, relevant = list(shared), [], list(shared_relevant)
    for i in range(1, count + 1):
        key = tenant_key(i)
        changes.extend(retag(model_changes, key))
        child_modules.append(retag(model_child, key))
        relevant.extend(retag(model_relevant, key))
    plan["resource_changes"] = changes
    plan["planned_values"]["root_module"]["child_modules"] = child_modules
    plan["relevant_attributes"] = relevant
    plan["variables"]["tenants"]["value"] = str(count)  # the template's tenant count variable
    opener = gzip.open if out.endswith(".gz") else open
    with opener(out, "wt") as f:
        json.dump(plan, f, separators=(",", ":"), sort_keys=False)
    print(f"{out}: {len(changes)} resource changes, {count} tenants", file=sys.stderr)


if __name__ == "__main__":
    main()
