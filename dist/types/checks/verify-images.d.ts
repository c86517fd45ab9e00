export declare const verifyImagesCheck: import("../core/check.js").Check;
