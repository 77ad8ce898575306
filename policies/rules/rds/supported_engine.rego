# METADATA
# title: Aurora runs a supported PostgreSQL major version
# description: >-
#   The spike's engine_version 11.9 is past its end of life: no security fixes, and a forced
#   upgrade (or Extended Support charges) at a time AWS chooses. The cluster must be Aurora
#   PostgreSQL with engine_version pinned to a major of at least min_engine_major.
# custom:
#   id: TFC-RDS-011
#   severity: MEDIUM
#   tier: spike
#   resource_types: [aws_rds_cluster]
#   controls:
#     spike: ["engine = \"aurora-postgresql\"", "engine_version = \"11.9\""]
#   parameters: {min_engine_major: 14}
#   recommended_action: Set engine = "aurora-postgresql" and engine_version to a supported major (14 or later).
#   avoid: |
#     resource "aws_rds_cluster" "db" {
#       engine         = "aurora-postgresql"
#       engine_version = "11.9"
#     }
#   prefer: |
#     resource "aws_rds_cluster" "db" {
#       engine         = "aurora-postgresql"
#       engine_version = "16.6"
#     }
package tfcheck.rules.rds.supported_engine

import data.tfcheck.lib

min_major := lib.param("min_engine_major", 14)

applies contains r.address if some r in lib.resources({"aws_rds_cluster"})

deny contains finding if {
	some r in lib.resources({"aws_rds_cluster"})
	some finding in lib.expect_in(r, "engine", {"aurora-postgresql"}, `set engine = "aurora-postgresql"`)
}

# The wanted versions are the cluster's own when its major is recent enough, so that expect
# reports an old, unset or unknown version.
deny contains finding if {
	some r in lib.resources({"aws_rds_cluster"})
	advice := concat("", ["pin engine_version to a major of ", lib.str(min_major), " or later"])
	some finding in lib.expect_explicit_in(r, "engine_version", supported(r), advice)
}

supported(r) := {version |
	version := lib.value(r, "engine_version")
	major := split(version, ".")[0]
	lib.digits(major) # digits, then a dot or the end
	to_number(major) >= min_major
}
