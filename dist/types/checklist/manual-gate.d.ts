/**
 * The manual-item gate (`require-manual`): no-go until people have ticked every required manual item
 * before the deploy. Only the sections that come before the deploy count (T-24h … T-15min): success
 * criteria and post-deployment notes can only be ticked afterwards. Items the seed marks "if applicable",
 * and those a policy lists under `optional-items`, never hold the deploy.
 */
import type { ItemStatus } from './state.js';
/** Sections whose manual items must be done before deploying. */
export declare const BEFORE_DEPLOY_SECTIONS: ReadonlySet<string>;
/** The required manual items nobody has ticked yet, in checklist order. */
export declare function untickedManualItems(statuses: readonly ItemStatus[], optionalIds?: ReadonlySet<string>): ItemStatus[];
