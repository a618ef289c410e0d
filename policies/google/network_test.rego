package tfguard.google.network_test

import data.tfguard.google.network
import data.tfguard.test.cloud_fixtures as cfx

_ids(changes) := ids if {
	ids := cfx.ids(network.deny, "fail") with input as cfx.plan(changes)
}

_unknown_ids(changes) := ids if {
	ids := cfx.ids(network.deny, "unknown") with input as cfx.plan(changes)
}

_fw(sources, allow) := cfx.create("google_compute_firewall", "f", {"direction": "INGRESS", "disabled": false, "source_ranges": sources, "allow": allow})

# GCP-NET-001
test_ssh_from_iap_passes if not "GCP-NET-001" in _ids([_fw(["35.235.240.0/20"], [{"protocol": "tcp", "ports": ["22"]}])])

test_ssh_from_world_fails if {
	fs := network.deny with input as cfx.plan([_fw(["0.0.0.0/0"], [{"protocol": "tcp", "ports": ["80", "20-30"]}])])
	some f in fs
	f.id == "GCP-NET-001"
	f.attribute == "allow[0]"
}

test_disabled_rule_passes if not "GCP-NET-001" in _ids([object.union(_fw(["0.0.0.0/0"], [{"protocol": "tcp", "ports": ["22"]}]), {"change": {"after": {"disabled": true}}})])

test_egress_rule_passes if not "GCP-NET-001" in _ids([object.union(_fw(["0.0.0.0/0"], [{"protocol": "tcp", "ports": ["22"]}]), {"change": {"after": {"direction": "EGRESS"}}})])

# GCP-NET-002
test_https_from_world_passes if not "GCP-NET-002" in _ids([_fw(["0.0.0.0/0"], [{"protocol": "tcp", "ports": ["443"]}])])

test_mysql_from_world_fails if "GCP-NET-002" in _ids([_fw(["0.0.0.0/0"], [{"protocol": "tcp", "ports": ["3306"]}])])

# GCP-NET-003
test_icmp_from_world_is_not_all_ports if not "GCP-NET-003" in _ids([_fw(["0.0.0.0/0"], [{"protocol": "icmp", "ports": []}])])

test_all_protocols_from_world_fails if {
	ids := _ids([_fw(["0.0.0.0/0"], [{"protocol": "all", "ports": []}])])
	"GCP-NET-003" in ids
	not "GCP-NET-001" in ids
}

# GCP-NET-004
test_bucket_iam_for_group_passes if not "GCP-NET-004" in _ids([cfx.create("google_storage_bucket_iam_member", "m", {"member": "group:a@example.com", "role": "roles/storage.objectViewer"})])

test_bucket_iam_all_users_fails if "GCP-NET-004" in _ids([cfx.create("google_storage_bucket_iam_binding", "m", {"members": ["user:a@example.com", "allUsers"], "role": "roles/storage.objectViewer"})])

test_bucket_acl_all_authenticated_fails if "GCP-NET-004" in _ids([cfx.create("google_storage_bucket_acl", "a", {"role_entity": ["READER:allAuthenticatedUsers"]})])

# GCP-NET-005 / 006
_bucket(extra) := cfx.create("google_storage_bucket", "b", object.union({"uniform_bucket_level_access": true, "public_access_prevention": "enforced"}, extra))

test_uniform_access_passes if not "GCP-NET-005" in _ids([_bucket({})])

test_fine_grained_acls_fail if "GCP-NET-005" in _ids([_bucket({"uniform_bucket_level_access": false})])

test_public_access_prevention_passes if not "GCP-NET-006" in _ids([_bucket({})])

test_public_access_prevention_inherited_fails if "GCP-NET-006" in _ids([_bucket({"public_access_prevention": "inherited"})])

# GCP-NET-007 / 008
_sql(ip) := cfx.create("google_sql_database_instance", "db", {"settings": [{"ip_configuration": [ip]}]})

test_sql_office_network_passes if not "GCP-NET-007" in _ids([_sql({"ipv4_enabled": true, "authorized_networks": [{"value": "203.0.113.0/24"}]})])

test_sql_world_network_fails if "GCP-NET-007" in _ids([_sql({"ipv4_enabled": true, "authorized_networks": [{"name": "all", "value": "0.0.0.0/0"}]})])

test_sql_private_ip_passes if not "GCP-NET-008" in _ids([_sql({"ipv4_enabled": false, "private_network": "n"})])

test_sql_public_ip_fails if "GCP-NET-008" in _ids([_sql({"ipv4_enabled": true})])

# GCP-NET-009 / 010 / 011 / 017
_vm(extra) := cfx.create("google_compute_instance", "vm", object.union({"network_interface": [{"access_config": []}], "metadata": {}, "can_ip_forward": false}, extra))

test_instance_without_external_ip_passes if not "GCP-NET-009" in _ids([_vm({})])

test_instance_with_external_ip_fails if "GCP-NET-009" in _ids([_vm({"network_interface": [{"access_config": [{"nat_ip": null}]}]})])

test_serial_port_off_passes if not "GCP-NET-010" in _ids([_vm({"metadata": {"serial-port-enable": "FALSE"}})])

test_serial_port_on_fails if "GCP-NET-010" in _ids([_vm({"metadata": {"serial-port-enable": "true"}})])

test_oslogin_on_passes if not "GCP-NET-011" in _ids([_vm({"metadata": {"enable-oslogin": "TRUE"}})])

test_oslogin_off_fails if "GCP-NET-011" in _ids([_vm({"metadata": {"enable-oslogin": "false"}})])

test_ip_forward_off_passes if not "GCP-NET-017" in _ids([_vm({})])

test_ip_forward_on_fails if "GCP-NET-017" in _ids([_vm({"can_ip_forward": true})])

# GCP-NET-012 / 013 / 014 / 015
_gke(extra) := cfx.create("google_container_cluster", "c", object.union({
	"private_cluster_config": [{"enable_private_nodes": true, "enable_private_endpoint": false}],
	"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "203.0.113.0/24"}]}],
	"enable_legacy_abac": false,
	"network_policy": [{"enabled": true}],
}, extra))

test_hardened_gke_passes if count(_ids([_gke({})])) == 0

test_public_nodes_fail if "GCP-NET-012" in _ids([_gke({"private_cluster_config": []})])

test_no_master_authorized_networks_fails if "GCP-NET-013" in _ids([_gke({"master_authorized_networks_config": []})])

test_world_master_authorized_network_fails if "GCP-NET-013" in _ids([_gke({"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "0.0.0.0/0"}]}]})])

test_legacy_abac_fails if "GCP-NET-014" in _ids([_gke({"enable_legacy_abac": true})])

test_dataplane_v2_counts_as_network_policy if not "GCP-NET-015" in _ids([_gke({"network_policy": [{"enabled": false}], "datapath_provider": "ADVANCED_DATAPATH"})])

test_no_network_policy_fails if "GCP-NET-015" in _ids([_gke({"network_policy": [{"enabled": false}]})])

# GCP-NET-016
test_dataset_group_access_passes if not "GCP-NET-016" in _ids([cfx.create("google_bigquery_dataset", "d", {"access": [{"role": "READER", "group_by_email": "a@example.com"}]})])

test_dataset_public_access_fails if "GCP-NET-016" in _ids([cfx.create("google_bigquery_dataset", "d", {"access": [{"role": "READER", "special_group": "allAuthenticatedUsers"}]})])

test_dataset_iam_all_users_fails if "GCP-NET-016" in _ids([cfx.create("google_bigquery_dataset_iam_member", "m", {"member": "allUsers", "role": "roles/bigquery.dataViewer"})])
