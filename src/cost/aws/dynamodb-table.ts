import { multiply } from '../decimal.js';
import { type ComponentDraft, HOURS, type PricingInput } from '../pricing.js';

/** aws_dynamodb_table: provisioned capacity hours, or request units when on-demand; storage is usage-based. */
export function priceDynamoDbTable(input: PricingInput): readonly ComponentDraft[] {
  const { attributes } = input;
  const mode = attributes.optionalString('billing_mode') ?? 'PROVISIONED';
  const components: ComponentDraft[] = [];
  if (mode === 'PROVISIONED') {
    const writeUnits = attributes.number('write_capacity', 0);
    const readUnits = attributes.number('read_capacity', 0);
    components.push(input.fixed('Write capacity unit (WCU)', multiply(writeUnits, HOURS), 'dynamodb', 'wcu'));
    components.push(input.fixed('Read capacity unit (RCU)', multiply(readUnits, HOURS), 'dynamodb', 'rcu'));
  } else {
    components.push(...input.usageBased('Write request units', 'monthly_write_request_units', 'dynamodb', 'wru'));
    components.push(...input.usageBased('Read request units', 'monthly_read_request_units', 'dynamodb', 'rru'));
  }
  components.push(...input.usageBased('Data storage', 'storage_gb', 'dynamodb', 'storage'));
  return components;
}
