/** The Vapora defaults, in one place. Every adapter (action, CLI, library) falls back to these. */
export declare const DEFAULT_NAMESPACE = "vapora";
export declare const DEFAULT_DEPLOYMENTS: readonly string[];
export declare const DEFAULT_CONFIGMAP = "vapora-config";
export declare const MODES: readonly string[];
export declare const CONFIG_FORMATS: readonly string[];
/** The seed checklist's "Should contain" list, as a pattern list (braces expand). */
export declare const DEFAULT_EXPECTED_FILES_PATTERN = "configmap.yaml, deployment.yaml, docker-compose.yml, vapora-{solo,multiuser,enterprise}.{toml,yaml,json}";
/** Bundle files with these roles, by name. */
export declare const CONFIGMAP_FILE = "configmap.yaml";
export declare const DEPLOYMENT_FILE = "deployment.yaml";
export declare const COMPOSE_FILE = "docker-compose.yml";
