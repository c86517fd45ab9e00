/** The Vapora defaults, in one place. Every adapter (action, CLI, library) falls back to these. */

export const DEFAULT_NAMESPACE = 'vapora'
export const DEFAULT_DEPLOYMENTS: readonly string[] = ['vapora-backend', 'vapora-agents', 'vapora-llm-router']
export const DEFAULT_CONFIGMAP = 'vapora-config'
export const MODES: readonly string[] = ['solo', 'multiuser', 'enterprise']
export const CONFIG_FORMATS: readonly string[] = ['toml', 'yaml', 'json']

/** The seed checklist's "Should contain" list, as a pattern list (braces expand). */
export const DEFAULT_EXPECTED_FILES_PATTERN =
  'configmap.yaml, deployment.yaml, docker-compose.yml, vapora-{solo,multiuser,enterprise}.{toml,yaml,json}'

/** Bundle files with these roles, by name. */
export const CONFIGMAP_FILE = 'configmap.yaml'
export const DEPLOYMENT_FILE = 'deployment.yaml'
export const COMPOSE_FILE = 'docker-compose.yml'
