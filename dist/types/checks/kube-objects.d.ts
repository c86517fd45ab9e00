/** Reads Kubernetes objects out of parsed manifest files, reporting documents that are not objects. */
import type { ParsedFile } from '../bundle/parse.js';
import type { Finding } from '../types.js';
export interface KubeObject {
    apiVersion: string;
    kind: string;
    name: string;
    namespace?: string;
    /** True for kinds that live outside namespaces (their metadata.namespace is ignored by the server). */
    clusterScoped: boolean;
    file: string;
    /** Line where the object's document starts. */
    line: number;
    raw: Record<string, unknown>;
}
/**
 * Every object in the file's documents (a `kind: List` contributes its items). Documents missing
 * apiVersion, kind or metadata.name become error findings instead of objects.
 */
export declare function kubeObjectsIn(parsed: ParsedFile): {
    objects: KubeObject[];
    problems: Finding[];
};
