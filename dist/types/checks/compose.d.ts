/** docker-compose.yml: a non-empty `services` map whose every service names an image, a build or a base. */
export declare const composeCheck: import("../core/check.js").Check;
