import type { Finding } from '../core/types.js';
/** `file:line:col` of a finding, as far as it is known (editors and terminals link this form). */
export declare function where(finding: Pick<Finding, 'file' | 'line' | 'column'>): string;
