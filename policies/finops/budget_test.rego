package tfguard.finops.budget_test

import rego.v1

import data.tfguard.finops.budget

_cost := {"monthly_delta": 612.5, "percent": 40.2}

test_off_by_default if {
	count(budget.deny) == 0 with data.tfguard.params as {} with data.tfguard.cost as _cost
}

test_absolute_limit_exceeded if {
	some f in budget.deny with data.tfguard.params as {"max_monthly_cost_increase": 500} with data.tfguard.cost as _cost
	f.id == "COST-001"
	contains(f.msg, "$612.50")
}

test_absolute_limit_respected if {
	count(budget.deny) == 0 with data.tfguard.params as {"max_monthly_cost_increase": 1000} with data.tfguard.cost as _cost
}

test_percent_limit_exceeded if {
	some f in budget.deny with data.tfguard.params as {"max_monthly_cost_increase_percent": 25} with data.tfguard.cost as _cost
	f.id == "COST-002"
}

test_percent_limit_respected if {
	count(budget.deny) == 0 with data.tfguard.params as {"max_monthly_cost_increase_percent": 50} with data.tfguard.cost as _cost
}

test_no_estimate_no_finding if {
	count(budget.deny) == 0 with data.tfguard.params as {"max_monthly_cost_increase": 1} with data.tfguard.cost as null
}
