import { _ as getAugmentedNamespace, X as http } from './markdown-BYbRra-w.js';

var require$$1 = /*@__PURE__*/getAugmentedNamespace(http);

export { require$$1 as r };
