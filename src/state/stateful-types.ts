/** Resource types that hold data or identity which a delete or replace loses for good: databases,
 *  buckets, tables, file systems, volumes, key material, DNS zones, secrets, registries, queues with
 *  messages. The one list that plan inspection (src/state/plan.ts) consults; docs/state.md repeats it.
 *  Patterns are anchored regular expressions over the resource type. terraform_data and null_resource
 *  are not stateful (the offline tests rely on that). */

const STATEFUL_TYPE_PATTERNS: readonly RegExp[] = [
  // AWS
  /^aws_db_instance$/,
  /^aws_db_cluster_snapshot$/,
  /^aws_db_snapshot$/,
  /^aws_rds_cluster(_instance)?$/,
  /^aws_rds_global_cluster$/,
  /^aws_docdb(elastic)?_cluster(_instance)?$/,
  /^aws_neptune_cluster(_instance)?$/,
  /^aws_redshift(serverless)?_(cluster|namespace)$/,
  /^aws_elasticache_(cluster|replication_group|serverless_cache)$/,
  /^aws_memorydb_cluster$/,
  /^aws_dynamodb_(table|global_table)$/,
  /^aws_keyspaces_(keyspace|table)$/,
  /^aws_timestreamwrite_(database|table)$/,
  /^aws_s3_bucket$/,
  /^aws_s3control_bucket$/,
  /^aws_s3tables_table(_bucket)?$/,
  /^aws_glacier_vault$/,
  /^aws_efs_file_system$/,
  /^aws_fsx_\w+_file_system$/,
  /^aws_ebs_(volume|snapshot)$/,
  /^aws_backup_vault$/,
  /^aws_kms_(key|replica_key|external_key)$/,
  /^aws_secretsmanager_secret$/,
  /^aws_route53_zone$/,
  /^aws_ecr_repository$/,
  /^aws_opensearch_domain$/,
  /^aws_elasticsearch_domain$/,
  /^aws_msk_cluster$/,
  /^aws_kinesis_stream$/,
  /^aws_sqs_queue$/,
  /^aws_cognito_user_pool$/,
  /^aws_acmpca_certificate_authority$/,
  /^aws_qldb_ledger$/,
  // Google Cloud
  /^google_sql_database(_instance)?$/,
  /^google_alloydb_(cluster|instance)$/,
  /^google_spanner_(instance|database)$/,
  /^google_bigtable_(instance|table)$/,
  /^google_bigquery_(dataset|table)$/,
  /^google_firestore_database$/,
  /^google_redis_instance$/,
  /^google_storage_bucket$/,
  /^google_filestore_instance$/,
  /^google_compute_(disk|region_disk|snapshot|image)$/,
  /^google_kms_(key_ring|crypto_key)$/,
  /^google_secret_manager_secret$/,
  /^google_dns_managed_zone$/,
  /^google_artifact_registry_repository$/,
  /^google_pubsub_topic$/,
  // Azure
  /^azurerm_(mssql|sql)_(server|database|managed_instance)$/,
  /^azurerm_(postgresql|mysql|mariadb)(_flexible)?_(server|database)$/,
  /^azurerm_cosmosdb_\w+$/,
  /^azurerm_redis_cache$/,
  /^azurerm_storage_(account|container|share|table|queue|data_lake_gen2_filesystem)$/,
  /^azurerm_managed_disk$/,
  /^azurerm_snapshot$/,
  /^azurerm_key_vault(_key|_secret|_certificate|_managed_hardware_security_module)?$/,
  /^azurerm_(private_)?dns_zone$/,
  /^azurerm_container_registry$/,
  /^azurerm_recovery_services_vault$/,
  /^azurerm_data_protection_backup_vault$/,
  /^azurerm_netapp_volume$/,
  /^azurerm_kusto_(cluster|database)$/,
  // Others
  /^digitalocean_(database_cluster|volume|spaces_bucket|domain)$/,
  /^cloudflare_(zone|r2_bucket|d1_database|workers_kv_namespace)$/,
  /^mongodbatlas_(cluster|advanced_cluster|serverless_instance)$/,
  /^snowflake_(database|schema|table)$/,
  /^vault_mount$/,
  /^kubernetes_persistent_volume(_claim)?(_v1)?$/,
  /^tls_private_key$/,
];

export function isStatefulType(type: string): boolean {
  return STATEFUL_TYPE_PATTERNS.some((p) => p.test(type));
}

/** `a.b["k.x"][0]` -> `a.b`: index brackets removed (a loop: a regex over many `[` would be quadratic). */
function withoutIndexes(address: string): string {
  let out = "";
  let depth = 0;
  for (const ch of address) {
    if (ch === "[") depth++;
    else if (ch === "]" && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/** The resource type of a -target address: `module.a.module.b.aws_db_instance.x["k"]` -> aws_db_instance;
 *  undefined for data sources, whole modules and `file:` lists. */
export function targetType(address: string): string | undefined {
  const parts = withoutIndexes(address).split(".");
  let i = 0;
  while (parts[i] === "module" && i + 2 <= parts.length) i += 2;
  const type = parts[i];
  if (type === undefined || type === "data" || address.startsWith("file:") || parts.length - i < 2) return undefined;
  return type;
}
