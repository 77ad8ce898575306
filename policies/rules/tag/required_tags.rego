# METADATA
# title: Resources carry the required tags
# description: >-
#   Tags say which environment, owner and cost centre a resource belongs to; the spike tags every
#   resource with its Environment. Every managed resource with tags_all (the schema has tags) must
#   have each key of required_tags, from its own tags or the provider's default_tags. When tags_all
#   is known only after apply and the resource's own tags lack a key, the provider's default_tags
#   (not in the policy input) may still supply it: UNKNOWN.
# custom:
#   id: TFC-TAG-001
#   severity: LOW
#   tier: baseline
#   resource_types: ["*"]
#   controls:
#     spike: ["tags = { Environment = ... }"]
#   parameters: {required_tags: [Environment]}
#   recommended_action: Add the required tags to the provider's default_tags (or to the resource's tags).
#   avoid: |
#     provider "aws" {
#       region = "eu-west-2"
#     }
#   prefer: |
#     provider "aws" {
#       region = "eu-west-2"
#       default_tags {
#         tags = { Environment = var.stage }
#       }
#     }
package tfcheck.rules.tag.required_tags

import data.tfcheck.lib

required := lib.param("required_tags", ["Environment"])

advice := "add them to the provider's default_tags or the resource's tags"

applies contains r.address if some r in tagged

deny contains lib.fail(r, "tags_all", concat("", ["tags_all lacks ", concat(", ", sort(absent)), ": ", advice])) if {
	some r in tagged
	absent := missing(r, "tags_all")
	count(absent) > 0
	not lib.hidden(r, "tags_all")
}

deny contains lib.unknown(r, "tags_all", concat("", [lib.unseen(r, "tags_all"), " and its tags lack ", concat(", ", sort(absent)), ": ", advice])) if {
	some r in tagged
	lib.hidden(r, "tags_all")
	absent := missing(r, "tags")
	count(absent) > 0
}

# tagged: the managed resources, not being destroyed, whose schema has tags (so tags_all).
tagged[r.address] := r if {
	some r in input.resources
	r.mode == "managed"
	not lib.delete_only(r)
	has_tags_all(r)
}

has_tags_all(r) if _ = r.values.tags_all

has_tags_all(r) if "tags_all" in r.unknown

# missing(r, attribute): the required keys that the map at attribute does not have (a key whose
# value is known only after apply is there).
missing(r, attribute) := {key |
	some key in required
	not present(r, attribute, key)
}

present(r, attribute, key) if object.get(r.values, [attribute, key], null) != null

present(r, attribute, key) if concat(".", [attribute, key]) in r.unknown
