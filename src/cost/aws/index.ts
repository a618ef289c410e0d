import type { PricingFunction } from '../pricing.js';
import { priceCloudWatchLogGroup } from './cloudwatch-log-group.js';
import { priceDbInstance } from './db-instance.js';
import { priceDynamoDbTable } from './dynamodb-table.js';
import { priceEbsSnapshot } from './ebs-snapshot.js';
import { priceEbsVolume } from './ebs-volume.js';
import { priceEc2Instance } from './ec2-instance.js';
import { priceEip } from './eip.js';
import { priceEksCluster } from './eks-cluster.js';
import { priceElastiCacheCluster, priceElastiCacheReplicationGroup } from './elasticache.js';
import { priceClassicLoadBalancer } from './elb.js';
import { priceKmsKey } from './kms-key.js';
import { priceLambdaFunction } from './lambda-function.js';
import { priceLoadBalancer } from './lb.js';
import { priceMskCluster } from './msk-cluster.js';
import { priceNatGateway } from './nat-gateway.js';
import { priceOpenSearchDomain } from './opensearch-domain.js';
import { priceRdsClusterInstance } from './rds-cluster-instance.js';
import { priceRedshiftCluster } from './redshift-cluster.js';
import { priceRoute53Zone } from './route53-zone.js';
import { priceS3Bucket } from './s3-bucket.js';
import { priceSecretsManagerSecret } from './secretsmanager-secret.js';
import { priceTransitGatewayAttachment } from './transit-gateway-attachment.js';
import { priceVpnConnection } from './vpn-connection.js';

/** One pricing function per AWS resource type. */
export const AWS_PRICING: Readonly<Record<string, PricingFunction>> = {
  aws_instance: priceEc2Instance,
  aws_ebs_volume: priceEbsVolume,
  aws_ebs_snapshot: priceEbsSnapshot,
  aws_db_instance: priceDbInstance,
  aws_rds_cluster_instance: priceRdsClusterInstance,
  aws_elasticache_cluster: priceElastiCacheCluster,
  aws_elasticache_replication_group: priceElastiCacheReplicationGroup,
  aws_nat_gateway: priceNatGateway,
  aws_lb: priceLoadBalancer,
  aws_alb: priceLoadBalancer,
  aws_elb: priceClassicLoadBalancer,
  aws_eks_cluster: priceEksCluster,
  aws_msk_cluster: priceMskCluster,
  aws_opensearch_domain: priceOpenSearchDomain,
  aws_elasticsearch_domain: priceOpenSearchDomain,
  aws_redshift_cluster: priceRedshiftCluster,
  aws_dynamodb_table: priceDynamoDbTable,
  aws_kms_key: priceKmsKey,
  aws_secretsmanager_secret: priceSecretsManagerSecret,
  aws_eip: priceEip,
  aws_vpn_connection: priceVpnConnection,
  aws_ec2_transit_gateway_vpc_attachment: priceTransitGatewayAttachment,
  aws_route53_zone: priceRoute53Zone,
  aws_lambda_function: priceLambdaFunction,
  aws_s3_bucket: priceS3Bucket,
  aws_cloudwatch_log_group: priceCloudWatchLogGroup,
};

/**
 * Resource types AWS does not bill for by themselves (their cost, if any, shows up on
 * other resources), so they are neither priced nor reported as unsupported.
 */
export const AWS_FREE_TYPES: ReadonlySet<string> = new Set([
  'aws_vpc', 'aws_subnet', 'aws_route_table', 'aws_route', 'aws_route_table_association',
  'aws_main_route_table_association', 'aws_internet_gateway', 'aws_egress_only_internet_gateway',
  'aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule', 'aws_network_acl', 'aws_network_acl_rule', 'aws_default_security_group',
  'aws_default_route_table', 'aws_default_network_acl', 'aws_vpc_dhcp_options', 'aws_vpc_dhcp_options_association',
  'aws_iam_role', 'aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_role_policy_attachment', 'aws_iam_user',
  'aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_group', 'aws_iam_group_policy_attachment',
  'aws_iam_instance_profile', 'aws_iam_policy_attachment', 'aws_iam_openid_connect_provider',
  'aws_s3_bucket_policy', 'aws_s3_bucket_versioning', 'aws_s3_bucket_public_access_block', 'aws_s3_bucket_acl',
  'aws_s3_bucket_ownership_controls', 'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_lifecycle_configuration', 'aws_s3_bucket_logging', 'aws_s3_bucket_cors_configuration',
  'aws_db_subnet_group', 'aws_db_parameter_group', 'aws_db_option_group', 'aws_rds_cluster_parameter_group',
  'aws_elasticache_subnet_group', 'aws_elasticache_parameter_group', 'aws_lb_target_group', 'aws_lb_listener',
  'aws_lb_listener_rule', 'aws_lb_target_group_attachment', 'aws_alb_target_group', 'aws_alb_listener',
  'aws_key_pair', 'aws_kms_alias', 'aws_route53_record', 'aws_eip_association', 'aws_launch_template',
  'aws_ec2_transit_gateway_route_table', 'aws_ec2_transit_gateway_route', 'aws_customer_gateway',
  'aws_vpn_gateway', 'aws_placement_group', 'aws_volume_attachment', 'aws_eks_addon', 'aws_eks_access_entry',
  'aws_secretsmanager_secret_version', 'aws_ssm_parameter', 'aws_cloudwatch_log_resource_policy',
  'aws_lambda_permission', 'aws_sns_topic_subscription', 'aws_sqs_queue_policy',
]);

/** Non-AWS providers whose resources never reach a cloud bill. */
export const FREE_PROVIDERS: ReadonlySet<string> = new Set([
  'random', 'null', 'tls', 'local', 'time', 'terraform', 'archive', 'external', 'http', 'cloudinit',
]);
