# TFC-ECR-001 and TFC-ECR-002 on the raw plan (checkov: CKV_AWS_51, CKV_AWS_163).
package main

import data.lib

deny contains lib.msg("TFC-ECR-001", rc, "image_tag_mutability is not IMMUTABLE") if {
	some rc in lib.resources("aws_ecr_repository")
	not lib.after(rc).image_tag_mutability == "IMMUTABLE"
	not lib.unknown(rc, "image_tag_mutability")
}

deny contains lib.msg("TFC-ECR-001", rc, "image_tag_mutability is left to the provider") if {
	some rc in lib.resources("aws_ecr_repository")
	lib.unknown(rc, "image_tag_mutability")
	not lib.configured(rc, "image_tag_mutability")
}

deny contains lib.msg("TFC-ECR-002", rc, "images are not scanned on push") if {
	some rc in lib.resources("aws_ecr_repository")
	not lib.after(rc).image_scanning_configuration[0].scan_on_push == true
	not lib.unknown(rc, ["image_scanning_configuration", 0, "scan_on_push"])
	not registry_scanned(rc)
}

# Enhanced registry scanning replaces the repository's own setting.
registry_scanned(rc) if {
	some registry in lib.resources("aws_ecr_registry_scanning_configuration")
	some rule in lib.after(registry).rule
	rule.scan_frequency in {"SCAN_ON_PUSH", "CONTINUOUS_SCAN"}
	some filter in rule.repository_filter
	glob.match(filter.filter, [], lib.after(rc).name)
}
