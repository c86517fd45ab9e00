/** Strips server-managed fields so an object can be kept as a backup and re-applied as it was. */
import type { KubeObjectJson } from '../core/kube-object.js';
export declare function cleanObject(object: KubeObjectJson): KubeObjectJson;
