/**
 * "All three deployments have updated image IDs": each Deployment of the bundle runs the bundle's images
 * — in its template, and in every pod of its current ReplicaSet, whose containers report the image and
 * the image ID the node pulled.
 */
import type { Check } from '../types.js';
export declare const verifyImagesCheck: Check;
