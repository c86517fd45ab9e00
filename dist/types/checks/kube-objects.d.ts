/** Reads Kubernetes objects out of parsed manifest files, reporting documents that are not objects. */
import { type ParsedFile } from '../bundle/parse.js';
import type { Finding } from '../core/types.js';
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
    /** Index of its document in the file (see `ParsedDocument.index`). */
    index: number;
    /** Key path of the object inside its document: `[]`, or `['items', 2]` for an item of a `kind: List`. */
    path: Array<string | number>;
    raw: Record<string, unknown>;
}
/** A document that could not be read as an object: left out of everything that talks to the server. */
export interface Unusable extends Finding {
    /** `document 2`, `document 1 item 3`. */
    label: string;
    /** What is missing or wrong, e.g. `missing metadata.name`. */
    problem: string;
}
/**
 * Every object in the file's documents (a `kind: List` contributes its items). Documents missing
 * apiVersion, kind or metadata.name become error findings instead of objects.
 */
export declare function kubeObjectsIn(parsed: ParsedFile): {
    objects: KubeObject[];
    problems: Unusable[];
};
