# METADATA
# title: Cost guardrails
# description: |
#   Limits on what a change adds to the monthly bill, read from the estimate tfguard passes as
#   `data.tfguard.cost` (`monthly_delta` in USD, `percent` of the bill before). Off unless the
#   parameters `max_monthly_cost_increase` (USD) or `max_monthly_cost_increase_percent` are set.
package tfguard.finops.budget

import rego.v1

default _params := {}

_params := data.tfguard.params if is_object(data.tfguard.params)

default _cost := null

_cost := data.tfguard.cost if is_object(data.tfguard.cost)

# METADATA
# title: A change stays within the monthly cost budget
# description: The estimated monthly cost increase of the change exceeds the configured limit.
# custom:
#   id: COST-001
#   severity: medium
#   controls: ["SOC2:CC9.1"]
#   remediation: |
#     Right-size the new resources, or raise the limit deliberately in .tfguard.yml:
#       params:
#         max_monthly_cost_increase: 500
deny contains finding if {
	limit := object.get(_params, "max_monthly_cost_increase", null)
	is_number(limit)
	is_object(_cost)
	_cost.monthly_delta > limit
	finding := {
		"id": "COST-001",
		"msg": sprintf("the change adds $%.2f a month, more than the limit of $%v", [_cost.monthly_delta, limit]),
		"attribute": "monthly_delta",
	}
}

# METADATA
# title: A change stays within the monthly cost growth limit
# description: The estimated monthly cost grows by more than the configured percentage.
# custom:
#   id: COST-002
#   severity: medium
#   controls: ["SOC2:CC9.1"]
#   remediation: |
#     Split the change, right-size it, or raise the limit in .tfguard.yml:
#       params:
#         max_monthly_cost_increase_percent: 25
deny contains finding if {
	limit := object.get(_params, "max_monthly_cost_increase_percent", null)
	is_number(limit)
	is_object(_cost)
	is_number(_cost.percent)
	_cost.percent > limit
	finding := {
		"id": "COST-002",
		"msg": sprintf("the change grows the monthly bill by %.1f%%, more than the limit of %v%%", [_cost.percent, limit]),
		"attribute": "percent",
	}
}
