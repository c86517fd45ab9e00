/**
 * The Vapora names, in one place: the option table (option-table.ts) gives them as defaults, the checks
 * know the bundle's files by them.
 */

export const DEFAULT_NAMESPACE = 'vapora'
export const DEFAULT_DEPLOYMENTS: readonly string[] = ['vapora-backend', 'vapora-agents', 'vapora-llm-router']
export const DEFAULT_CONFIGMAP = 'vapora-config'
/** The artifact the earlier CI job uploads the bundle as. */
export const DEFAULT_ARTIFACT_NAME = 'deployment-artifacts'

/** The seed checklist's "Should contain" list, as a pattern list (braces expand). */
export const DEFAULT_EXPECTED_FILES_PATTERN =
  'configmap.yaml, deployment.yaml, docker-compose.yml, vapora-{solo,multiuser,enterprise}.{toml,yaml,json}'

/** Bundle files with these roles, by name. */
export const CONFIGMAP_FILE = 'configmap.yaml'
export const DEPLOYMENT_FILE = 'deployment.yaml'
export const COMPOSE_FILE = 'docker-compose.yml'
