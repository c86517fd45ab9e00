/**
 * The Vapora names, in one place: the option table (option-table.ts) gives them as defaults, the checks
 * know the bundle's files by them.
 */
export declare const DEFAULT_NAMESPACE = "vapora";
export declare const DEFAULT_DEPLOYMENTS: readonly string[];
export declare const DEFAULT_CONFIGMAP = "vapora-config";
/** The artifact the earlier CI job uploads the bundle as. */
export declare const DEFAULT_ARTIFACT_NAME = "deployment-artifacts";
/** The seed checklist's "Should contain" list, as a pattern list (braces expand). */
export declare const DEFAULT_EXPECTED_FILES_PATTERN = "configmap.yaml, deployment.yaml, docker-compose.yml, vapora-{solo,multiuser,enterprise}.{toml,yaml,json}";
/** Bundle files with these roles, by name. */
export declare const CONFIGMAP_FILE = "configmap.yaml";
export declare const DEPLOYMENT_FILE = "deployment.yaml";
export declare const COMPOSE_FILE = "docker-compose.yml";
