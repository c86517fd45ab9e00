import { $ as getAugmentedNamespace, Y as http } from './markdown-gKqHCQyt.js';

var require$$1 = /*@__PURE__*/getAugmentedNamespace(http);

export { require$$1 as r };
