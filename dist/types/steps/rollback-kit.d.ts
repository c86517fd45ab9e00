import { type Step } from './step.js';
/** What the kit upload leaves: the artifact it made. */
export interface KitUploadData {
    artifactId?: number;
    name?: string;
}
export declare const KIT_UPLOAD_DATA: import("../core/check-data.js").DataKey<KitUploadData>;
export declare const rollbackKitStep: Step;
