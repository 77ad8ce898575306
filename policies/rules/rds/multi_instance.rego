# METADATA
# title: Aurora cluster runs instances in more than one availability zone
# description: >-
#   A cluster with one instance has no reader to fail over to: a zone outage or an instance
#   failure stops the database until a new instance is built. The instances are the
#   aws_rds_cluster_instance resources that reference the cluster, every count, for_each and module
#   instance included; where they set availability_zone, they must use at least two zones.
# custom:
#   id: TFC-RDS-005
#   severity: HIGH
#   tier: spike
#   resource_types: [aws_rds_cluster, aws_rds_cluster_instance]
#   controls:
#     spike: ["replica_count = 1"]
#     fsbp: [RDS.15]
#   parameters: {min_db_instances: 2}
#   recommended_action: Run at least two aws_rds_cluster_instance per cluster, in different availability zones.
#   avoid: |
#     resource "aws_rds_cluster_instance" "db" {
#       cluster_identifier = aws_rds_cluster.db.id
#     }
#   prefer: |
#     resource "aws_rds_cluster_instance" "db" {
#       count              = 2
#       cluster_identifier = aws_rds_cluster.db.id
#       availability_zone  = var.azs[count.index]
#     }
package tfcheck.rules.rds.multi_instance

import data.tfcheck.lib

min_instances := lib.param("min_db_instances", 2)

applies contains r.address if some r in lib.resources({"aws_rds_cluster"})

deny contains lib.fail(r, "", message) if {
	some r in lib.resources({"aws_rds_cluster"})
	n := count(instances(r))
	n < min_instances
	message := concat("", [
		"instances referencing the cluster: ", lib.str(n),
		"; run at least ", lib.str(min_instances), " aws_rds_cluster_instance, in different availability zones",
	])
}

deny contains lib.fail(r, "availability_zone", message) if {
	some r in lib.resources({"aws_rds_cluster"})
	zoned := [zone | some i in instances(r); zone := lib.value(i, "availability_zone")]
	count(zoned) >= 2
	zones := {zone | some zone in zoned}
	count(zones) < 2
	message := concat("", [
		"the cluster's instances all set availability_zone ", concat(", ", sort(zones)),
		": spread them over at least 2 zones",
	])
}

# instances(r): the cluster's instances that the plan keeps.
instances(r) := [i | some address in object.get(r, "cluster_instances", []); i := lib.live(address)]
