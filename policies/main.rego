# METADATA
# title: tfcheck entrypoint
# description: >-
#   Collects the verdicts of every rule under data.tfcheck.rules without a registry: the engine
#   evaluates this one entrypoint and keys results by rule package.
package tfcheck.main

# verdicts[<service>.<name>] = {"applies": set of addresses, "deny": set of findings}
verdicts[key] := {"applies": object.get(rule, "applies", set()), "deny": object.get(rule, "deny", set())} if {
	some service, name
	rule := data.tfcheck.rules[service][name]
	key := concat(".", [service, name])
}
