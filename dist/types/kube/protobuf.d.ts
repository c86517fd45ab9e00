/** The media type the API server answers protobuf in (JSON stays the fallback in the Accept header). */
export declare const PROTOBUF = "application/vnd.kubernetes.protobuf";
/**
 * Decodes one answer to a pod list asked for in protobuf: a page (its continue token, resourceVersion and
 * each pod's node and requests, as `podRequests` keeps them) or the Status of an error.
 */
export declare function decodePodRequestsPage(bytes: Uint8Array): unknown;
