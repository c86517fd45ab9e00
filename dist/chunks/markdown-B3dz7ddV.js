'use strict';

var os = require('node:os');
var path = require('node:path');
var version = require('./version-Sfzk9NQZ.js');
var fs = require('node:fs');
var require$$5 = require('node:perf_hooks');
var zlib = require('node:zlib');
var fs$1 = require('fs');
var path$1 = require('path');
var require$$0$2 = require('zlib');
var crypto = require('crypto');
var http = require('node:http');
var https = require('node:https');
var tls = require('node:tls');
var require$$0 = require('process');
var require$$0$1 = require('buffer');

var commonjsGlobal = typeof globalThis !== 'undefined' ? globalThis : typeof window !== 'undefined' ? window : typeof global !== 'undefined' ? global : typeof self !== 'undefined' ? self : {};

function getDefaultExportFromCjs (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

function getAugmentedNamespace(n) {
  if (Object.prototype.hasOwnProperty.call(n, '__esModule')) return n;
  var f = n.default;
	if (typeof f == "function") {
		var a = function a () {
			var isInstance = false;
      try {
        isInstance = this instanceof a;
      } catch (e) {}
			if (isInstance) {
        return Reflect.construct(f, arguments, this.constructor);
			}
			return f.apply(this, arguments);
		};
		a.prototype = f.prototype;
  } else a = {};
  Object.defineProperty(a, '__esModule', {value: true});
	Object.keys(n).forEach(function (k) {
		var d = Object.getOwnPropertyDescriptor(n, k);
		Object.defineProperty(a, k, d.get ? d : {
			enumerable: true,
			get: function () {
				return n[k];
			}
		});
	});
	return a;
}

var dist = {};

var composer = {};

var directives = {};

var identity = {};

var hasRequiredIdentity;

function requireIdentity () {
	if (hasRequiredIdentity) return identity;
	hasRequiredIdentity = 1;

	const ALIAS = Symbol.for('yaml.alias');
	const DOC = Symbol.for('yaml.document');
	const MAP = Symbol.for('yaml.map');
	const PAIR = Symbol.for('yaml.pair');
	const SCALAR = Symbol.for('yaml.scalar');
	const SEQ = Symbol.for('yaml.seq');
	const NODE_TYPE = Symbol.for('yaml.node.type');
	const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
	const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
	const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
	const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
	const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
	const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
	function isCollection(node) {
	    if (node && typeof node === 'object')
	        switch (node[NODE_TYPE]) {
	            case MAP:
	            case SEQ:
	                return true;
	        }
	    return false;
	}
	function isNode(node) {
	    if (node && typeof node === 'object')
	        switch (node[NODE_TYPE]) {
	            case ALIAS:
	            case MAP:
	            case SCALAR:
	            case SEQ:
	                return true;
	        }
	    return false;
	}
	const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

	identity.ALIAS = ALIAS;
	identity.DOC = DOC;
	identity.MAP = MAP;
	identity.NODE_TYPE = NODE_TYPE;
	identity.PAIR = PAIR;
	identity.SCALAR = SCALAR;
	identity.SEQ = SEQ;
	identity.hasAnchor = hasAnchor;
	identity.isAlias = isAlias;
	identity.isCollection = isCollection;
	identity.isDocument = isDocument;
	identity.isMap = isMap;
	identity.isNode = isNode;
	identity.isPair = isPair;
	identity.isScalar = isScalar;
	identity.isSeq = isSeq;
	return identity;
}

var visit = {};

var hasRequiredVisit;

function requireVisit () {
	if (hasRequiredVisit) return visit;
	hasRequiredVisit = 1;

	var identity = requireIdentity();

	const BREAK = Symbol('break visit');
	const SKIP = Symbol('skip children');
	const REMOVE = Symbol('remove node');
	/**
	 * Apply a visitor to an AST node or document.
	 *
	 * Walks through the tree (depth-first) starting from `node`, calling a
	 * `visitor` function with three arguments:
	 *   - `key`: For sequence values and map `Pair`, the node's index in the
	 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
	 *     `null` for the root node.
	 *   - `node`: The current node.
	 *   - `path`: The ancestry of the current node.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
	 *     sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
	 *   - `Node`: Replace the current node, then continue by visiting it
	 *   - `number`: While iterating the items of a sequence or map, set the index
	 *     of the next step. This is useful especially if the index of the current
	 *     node has changed.
	 *
	 * If `visitor` is a single function, it will be called with all values
	 * encountered in the tree, including e.g. `null` values. Alternatively,
	 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
	 * `Alias` and `Scalar` node. To define the same visitor function for more than
	 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
	 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
	 * specific defined one will be used for each node.
	 */
	function visit$1(node, visitor) {
	    const visitor_ = initVisitor(visitor);
	    if (identity.isDocument(node)) {
	        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
	        if (cd === REMOVE)
	            node.contents = null;
	    }
	    else
	        visit_(null, node, visitor_, Object.freeze([]));
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visit$1.BREAK = BREAK;
	/** Do not visit the children of the current node */
	visit$1.SKIP = SKIP;
	/** Remove the current node */
	visit$1.REMOVE = REMOVE;
	function visit_(key, node, visitor, path) {
	    const ctrl = callVisitor(key, node, visitor, path);
	    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
	        replaceNode(key, path, ctrl);
	        return visit_(key, ctrl, visitor, path);
	    }
	    if (typeof ctrl !== 'symbol') {
	        if (identity.isCollection(node)) {
	            path = Object.freeze(path.concat(node));
	            for (let i = 0; i < node.items.length; ++i) {
	                const ci = visit_(i, node.items[i], visitor, path);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    node.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	        }
	        else if (identity.isPair(node)) {
	            path = Object.freeze(path.concat(node));
	            const ck = visit_('key', node.key, visitor, path);
	            if (ck === BREAK)
	                return BREAK;
	            else if (ck === REMOVE)
	                node.key = null;
	            const cv = visit_('value', node.value, visitor, path);
	            if (cv === BREAK)
	                return BREAK;
	            else if (cv === REMOVE)
	                node.value = null;
	        }
	    }
	    return ctrl;
	}
	/**
	 * Apply an async visitor to an AST node or document.
	 *
	 * Walks through the tree (depth-first) starting from `node`, calling a
	 * `visitor` function with three arguments:
	 *   - `key`: For sequence values and map `Pair`, the node's index in the
	 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
	 *     `null` for the root node.
	 *   - `node`: The current node.
	 *   - `path`: The ancestry of the current node.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `Promise`: Must resolve to one of the following values
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
	 *     sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
	 *   - `Node`: Replace the current node, then continue by visiting it
	 *   - `number`: While iterating the items of a sequence or map, set the index
	 *     of the next step. This is useful especially if the index of the current
	 *     node has changed.
	 *
	 * If `visitor` is a single function, it will be called with all values
	 * encountered in the tree, including e.g. `null` values. Alternatively,
	 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
	 * `Alias` and `Scalar` node. To define the same visitor function for more than
	 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
	 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
	 * specific defined one will be used for each node.
	 */
	async function visitAsync(node, visitor) {
	    const visitor_ = initVisitor(visitor);
	    if (identity.isDocument(node)) {
	        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
	        if (cd === REMOVE)
	            node.contents = null;
	    }
	    else
	        await visitAsync_(null, node, visitor_, Object.freeze([]));
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visitAsync.BREAK = BREAK;
	/** Do not visit the children of the current node */
	visitAsync.SKIP = SKIP;
	/** Remove the current node */
	visitAsync.REMOVE = REMOVE;
	async function visitAsync_(key, node, visitor, path) {
	    const ctrl = await callVisitor(key, node, visitor, path);
	    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
	        replaceNode(key, path, ctrl);
	        return visitAsync_(key, ctrl, visitor, path);
	    }
	    if (typeof ctrl !== 'symbol') {
	        if (identity.isCollection(node)) {
	            path = Object.freeze(path.concat(node));
	            for (let i = 0; i < node.items.length; ++i) {
	                const ci = await visitAsync_(i, node.items[i], visitor, path);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    node.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	        }
	        else if (identity.isPair(node)) {
	            path = Object.freeze(path.concat(node));
	            const ck = await visitAsync_('key', node.key, visitor, path);
	            if (ck === BREAK)
	                return BREAK;
	            else if (ck === REMOVE)
	                node.key = null;
	            const cv = await visitAsync_('value', node.value, visitor, path);
	            if (cv === BREAK)
	                return BREAK;
	            else if (cv === REMOVE)
	                node.value = null;
	        }
	    }
	    return ctrl;
	}
	function initVisitor(visitor) {
	    if (typeof visitor === 'object' &&
	        (visitor.Collection || visitor.Node || visitor.Value)) {
	        return Object.assign({
	            Alias: visitor.Node,
	            Map: visitor.Node,
	            Scalar: visitor.Node,
	            Seq: visitor.Node
	        }, visitor.Value && {
	            Map: visitor.Value,
	            Scalar: visitor.Value,
	            Seq: visitor.Value
	        }, visitor.Collection && {
	            Map: visitor.Collection,
	            Seq: visitor.Collection
	        }, visitor);
	    }
	    return visitor;
	}
	function callVisitor(key, node, visitor, path) {
	    if (typeof visitor === 'function')
	        return visitor(key, node, path);
	    if (identity.isMap(node))
	        return visitor.Map?.(key, node, path);
	    if (identity.isSeq(node))
	        return visitor.Seq?.(key, node, path);
	    if (identity.isPair(node))
	        return visitor.Pair?.(key, node, path);
	    if (identity.isScalar(node))
	        return visitor.Scalar?.(key, node, path);
	    if (identity.isAlias(node))
	        return visitor.Alias?.(key, node, path);
	    return undefined;
	}
	function replaceNode(key, path, node) {
	    const parent = path[path.length - 1];
	    if (identity.isCollection(parent)) {
	        parent.items[key] = node;
	    }
	    else if (identity.isPair(parent)) {
	        if (key === 'key')
	            parent.key = node;
	        else
	            parent.value = node;
	    }
	    else if (identity.isDocument(parent)) {
	        parent.contents = node;
	    }
	    else {
	        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
	        throw new Error(`Cannot replace node with ${pt} parent`);
	    }
	}

	visit.visit = visit$1;
	visit.visitAsync = visitAsync;
	return visit;
}

var hasRequiredDirectives;

function requireDirectives () {
	if (hasRequiredDirectives) return directives;
	hasRequiredDirectives = 1;

	var identity = requireIdentity();
	var visit = requireVisit();

	const escapeChars = {
	    '!': '%21',
	    ',': '%2C',
	    '[': '%5B',
	    ']': '%5D',
	    '{': '%7B',
	    '}': '%7D'
	};
	const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
	class Directives {
	    constructor(yaml, tags) {
	        /**
	         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
	         * included in the document's stringified representation.
	         */
	        this.docStart = null;
	        /** The doc-end marker `...`.  */
	        this.docEnd = false;
	        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
	        this.tags = Object.assign({}, Directives.defaultTags, tags);
	    }
	    clone() {
	        const copy = new Directives(this.yaml, this.tags);
	        copy.docStart = this.docStart;
	        return copy;
	    }
	    /**
	     * During parsing, get a Directives instance for the current document and
	     * update the stream state according to the current version's spec.
	     */
	    atDocument() {
	        const res = new Directives(this.yaml, this.tags);
	        switch (this.yaml.version) {
	            case '1.1':
	                this.atNextDocument = true;
	                break;
	            case '1.2':
	                this.atNextDocument = false;
	                this.yaml = {
	                    explicit: Directives.defaultYaml.explicit,
	                    version: '1.2'
	                };
	                this.tags = Object.assign({}, Directives.defaultTags);
	                break;
	        }
	        return res;
	    }
	    /**
	     * @param onError - May be called even if the action was successful
	     * @returns `true` on success
	     */
	    add(line, onError) {
	        if (this.atNextDocument) {
	            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
	            this.tags = Object.assign({}, Directives.defaultTags);
	            this.atNextDocument = false;
	        }
	        const parts = line.trim().split(/[ \t]+/);
	        const name = parts.shift();
	        switch (name) {
	            case '%TAG': {
	                if (parts.length !== 2) {
	                    onError(0, '%TAG directive should contain exactly two parts');
	                    if (parts.length < 2)
	                        return false;
	                }
	                const [handle, prefix] = parts;
	                this.tags[handle] = prefix;
	                return true;
	            }
	            case '%YAML': {
	                this.yaml.explicit = true;
	                if (parts.length !== 1) {
	                    onError(0, '%YAML directive should contain exactly one part');
	                    return false;
	                }
	                const [version] = parts;
	                if (version === '1.1' || version === '1.2') {
	                    this.yaml.version = version;
	                    return true;
	                }
	                else {
	                    const isValid = /^\d+\.\d+$/.test(version);
	                    onError(6, `Unsupported YAML version ${version}`, isValid);
	                    return false;
	                }
	            }
	            default:
	                onError(0, `Unknown directive ${name}`, true);
	                return false;
	        }
	    }
	    /**
	     * Resolves a tag, matching handles to those defined in %TAG directives.
	     *
	     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
	     *   `'!local'` tag, or `null` if unresolvable.
	     */
	    tagName(source, onError) {
	        if (source === '!')
	            return '!'; // non-specific tag
	        if (source[0] !== '!') {
	            onError(`Not a valid tag: ${source}`);
	            return null;
	        }
	        if (source[1] === '<') {
	            const verbatim = source.slice(2, -1);
	            if (verbatim === '!' || verbatim === '!!') {
	                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
	                return null;
	            }
	            if (source[source.length - 1] !== '>')
	                onError('Verbatim tags must end with a >');
	            return verbatim;
	        }
	        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
	        if (!suffix)
	            onError(`The ${source} tag has no suffix`);
	        const prefix = this.tags[handle];
	        if (prefix) {
	            try {
	                return prefix + decodeURIComponent(suffix);
	            }
	            catch (error) {
	                onError(String(error));
	                return null;
	            }
	        }
	        if (handle === '!')
	            return source; // local tag
	        onError(`Could not resolve tag: ${source}`);
	        return null;
	    }
	    /**
	     * Given a fully resolved tag, returns its printable string form,
	     * taking into account current tag prefixes and defaults.
	     */
	    tagString(tag) {
	        for (const [handle, prefix] of Object.entries(this.tags)) {
	            if (tag.startsWith(prefix))
	                return handle + escapeTagName(tag.substring(prefix.length));
	        }
	        return tag[0] === '!' ? tag : `!<${tag}>`;
	    }
	    toString(doc) {
	        const lines = this.yaml.explicit
	            ? [`%YAML ${this.yaml.version || '1.2'}`]
	            : [];
	        const tagEntries = Object.entries(this.tags);
	        let tagNames;
	        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
	            const tags = {};
	            visit.visit(doc.contents, (_key, node) => {
	                if (identity.isNode(node) && node.tag)
	                    tags[node.tag] = true;
	            });
	            tagNames = Object.keys(tags);
	        }
	        else
	            tagNames = [];
	        for (const [handle, prefix] of tagEntries) {
	            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
	                continue;
	            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
	                lines.push(`%TAG ${handle} ${prefix}`);
	        }
	        return lines.join('\n');
	    }
	}
	Directives.defaultYaml = { explicit: false, version: '1.2' };
	Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

	directives.Directives = Directives;
	return directives;
}

var Document = {};

var Alias = {};

var anchors = {};

var hasRequiredAnchors;

function requireAnchors () {
	if (hasRequiredAnchors) return anchors;
	hasRequiredAnchors = 1;

	var identity = requireIdentity();
	var visit = requireVisit();

	/**
	 * Verify that the input string is a valid anchor.
	 *
	 * Will throw on errors.
	 */
	function anchorIsValid(anchor) {
	    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
	        const sa = JSON.stringify(anchor);
	        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
	        throw new Error(msg);
	    }
	    return true;
	}
	function anchorNames(root) {
	    const anchors = new Set();
	    visit.visit(root, {
	        Value(_key, node) {
	            if (node.anchor)
	                anchors.add(node.anchor);
	        }
	    });
	    return anchors;
	}
	/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
	function findNewAnchor(prefix, exclude) {
	    for (let i = 1; true; ++i) {
	        const name = `${prefix}${i}`;
	        if (!exclude.has(name))
	            return name;
	    }
	}
	function createNodeAnchors(doc, prefix) {
	    const aliasObjects = [];
	    const sourceObjects = new Map();
	    let prevAnchors = null;
	    return {
	        onAnchor: (source) => {
	            aliasObjects.push(source);
	            prevAnchors ?? (prevAnchors = anchorNames(doc));
	            const anchor = findNewAnchor(prefix, prevAnchors);
	            prevAnchors.add(anchor);
	            return anchor;
	        },
	        /**
	         * With circular references, the source node is only resolved after all
	         * of its child nodes are. This is why anchors are set only after all of
	         * the nodes have been created.
	         */
	        setAnchors: () => {
	            for (const source of aliasObjects) {
	                const ref = sourceObjects.get(source);
	                if (typeof ref === 'object' &&
	                    ref.anchor &&
	                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
	                    ref.node.anchor = ref.anchor;
	                }
	                else {
	                    const error = new Error('Failed to resolve repeated object (this should not happen)');
	                    error.source = source;
	                    throw error;
	                }
	            }
	        },
	        sourceObjects
	    };
	}

	anchors.anchorIsValid = anchorIsValid;
	anchors.anchorNames = anchorNames;
	anchors.createNodeAnchors = createNodeAnchors;
	anchors.findNewAnchor = findNewAnchor;
	return anchors;
}

var Node = {};

var applyReviver = {};

var hasRequiredApplyReviver;

function requireApplyReviver () {
	if (hasRequiredApplyReviver) return applyReviver;
	hasRequiredApplyReviver = 1;

	/**
	 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
	 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
	 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
	 *
	 * Includes extensions for handling Map and Set objects.
	 */
	function applyReviver$1(reviver, obj, key, val) {
	    if (val && typeof val === 'object') {
	        if (Array.isArray(val)) {
	            for (let i = 0, len = val.length; i < len; ++i) {
	                const v0 = val[i];
	                const v1 = applyReviver$1(reviver, val, String(i), v0);
	                // eslint-disable-next-line @typescript-eslint/no-array-delete
	                if (v1 === undefined)
	                    delete val[i];
	                else if (v1 !== v0)
	                    val[i] = v1;
	            }
	        }
	        else if (val instanceof Map) {
	            for (const k of Array.from(val.keys())) {
	                const v0 = val.get(k);
	                const v1 = applyReviver$1(reviver, val, k, v0);
	                if (v1 === undefined)
	                    val.delete(k);
	                else if (v1 !== v0)
	                    val.set(k, v1);
	            }
	        }
	        else if (val instanceof Set) {
	            for (const v0 of Array.from(val)) {
	                const v1 = applyReviver$1(reviver, val, v0, v0);
	                if (v1 === undefined)
	                    val.delete(v0);
	                else if (v1 !== v0) {
	                    val.delete(v0);
	                    val.add(v1);
	                }
	            }
	        }
	        else {
	            for (const [k, v0] of Object.entries(val)) {
	                const v1 = applyReviver$1(reviver, val, k, v0);
	                if (v1 === undefined)
	                    delete val[k];
	                else if (v1 !== v0)
	                    val[k] = v1;
	            }
	        }
	    }
	    return reviver.call(obj, key, val);
	}

	applyReviver.applyReviver = applyReviver$1;
	return applyReviver;
}

var toJS = {};

var hasRequiredToJS;

function requireToJS () {
	if (hasRequiredToJS) return toJS;
	hasRequiredToJS = 1;

	var identity = requireIdentity();

	/**
	 * Recursively convert any node or its contents to native JavaScript
	 *
	 * @param value - The input value
	 * @param arg - If `value` defines a `toJSON()` method, use this
	 *   as its first argument
	 * @param ctx - Conversion context, originally set in Document#toJS(). If
	 *   `{ keep: true }` is not set, output should be suitable for JSON
	 *   stringification.
	 */
	function toJS$1(value, arg, ctx) {
	    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
	    if (Array.isArray(value))
	        return value.map((v, i) => toJS$1(v, String(i), ctx));
	    if (value && typeof value.toJSON === 'function') {
	        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
	        if (!ctx || !identity.hasAnchor(value))
	            return value.toJSON(arg, ctx);
	        const data = { aliasCount: 0, count: 1, res: undefined };
	        ctx.anchors.set(value, data);
	        ctx.onCreate = res => {
	            data.res = res;
	            delete ctx.onCreate;
	        };
	        const res = value.toJSON(arg, ctx);
	        if (ctx.onCreate)
	            ctx.onCreate(res);
	        return res;
	    }
	    if (typeof value === 'bigint' && !ctx?.keep)
	        return Number(value);
	    return value;
	}

	toJS.toJS = toJS$1;
	return toJS;
}

var hasRequiredNode;

function requireNode () {
	if (hasRequiredNode) return Node;
	hasRequiredNode = 1;

	var applyReviver = requireApplyReviver();
	var identity = requireIdentity();
	var toJS = requireToJS();

	class NodeBase {
	    constructor(type) {
	        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
	    }
	    /** Create a copy of this node.  */
	    clone() {
	        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /** A plain JavaScript representation of this node. */
	    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
	        if (!identity.isDocument(doc))
	            throw new TypeError('A document argument is required');
	        const ctx = {
	            anchors: new Map(),
	            doc,
	            keep: true,
	            mapAsMap: mapAsMap === true,
	            mapKeyWarned: false,
	            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
	        };
	        const res = toJS.toJS(this, '', ctx);
	        if (typeof onAnchor === 'function')
	            for (const { count, res } of ctx.anchors.values())
	                onAnchor(res, count);
	        return typeof reviver === 'function'
	            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
	            : res;
	    }
	}

	Node.NodeBase = NodeBase;
	return Node;
}

var hasRequiredAlias;

function requireAlias () {
	if (hasRequiredAlias) return Alias;
	hasRequiredAlias = 1;

	var anchors = requireAnchors();
	var visit = requireVisit();
	var identity = requireIdentity();
	var Node = requireNode();
	var toJS = requireToJS();

	let Alias$1 = class Alias extends Node.NodeBase {
	    constructor(source) {
	        super(identity.ALIAS);
	        this.source = source;
	        Object.defineProperty(this, 'tag', {
	            set() {
	                throw new Error('Alias nodes cannot have tags');
	            }
	        });
	    }
	    /**
	     * Resolve the value of this alias within `doc`, finding the last
	     * instance of the `source` anchor before this node.
	     */
	    resolve(doc, ctx) {
	        if (ctx?.maxAliasCount === 0)
	            throw new ReferenceError('Alias resolution is disabled');
	        let nodes;
	        if (ctx?.aliasResolveCache) {
	            nodes = ctx.aliasResolveCache;
	        }
	        else {
	            nodes = [];
	            visit.visit(doc, {
	                Node: (_key, node) => {
	                    if (identity.isAlias(node) || identity.hasAnchor(node))
	                        nodes.push(node);
	                }
	            });
	            if (ctx)
	                ctx.aliasResolveCache = nodes;
	        }
	        let found = undefined;
	        for (const node of nodes) {
	            if (node === this)
	                break;
	            if (node.anchor === this.source)
	                found = node;
	        }
	        if (found && ctx) {
	            const { anchors, doc, maxAliasCount } = ctx;
	            let data = anchors.get(found);
	            if (!data) {
	                // Resolve anchors for Node.prototype.toJS()
	                toJS.toJS(found, null, ctx);
	                data = anchors.get(found);
	            }
	            /* istanbul ignore if */
	            if (data?.res === undefined) {
	                const msg = 'This should not happen: Alias anchor was not resolved?';
	                throw new ReferenceError(msg);
	            }
	            if (maxAliasCount >= 0) {
	                data.count += 1;
	                if (data.aliasCount === 0)
	                    data.aliasCount = getAliasCount(doc, found, anchors);
	                if (data.count * data.aliasCount > maxAliasCount) {
	                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
	                    throw new ReferenceError(msg);
	                }
	            }
	        }
	        return found;
	    }
	    toJSON(_arg, ctx) {
	        if (!ctx)
	            return { source: this.source };
	        const source = this.resolve(ctx.doc, ctx);
	        if (!source) {
	            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
	            throw new ReferenceError(msg);
	        }
	        return ctx.anchors.get(source).res;
	    }
	    toString(ctx, _onComment, _onChompKeep) {
	        const src = `*${this.source}`;
	        if (ctx) {
	            anchors.anchorIsValid(this.source);
	            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
	                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
	                throw new Error(msg);
	            }
	            if (ctx.implicitKey)
	                return `${src} `;
	        }
	        return src;
	    }
	};
	function getAliasCount(doc, node, anchors) {
	    if (identity.isAlias(node)) {
	        const source = node.resolve(doc);
	        const anchor = anchors && source && anchors.get(source);
	        return anchor ? anchor.count * anchor.aliasCount : 0;
	    }
	    else if (identity.isCollection(node)) {
	        let count = 0;
	        for (const item of node.items) {
	            const c = getAliasCount(doc, item, anchors);
	            if (c > count)
	                count = c;
	        }
	        return count;
	    }
	    else if (identity.isPair(node)) {
	        const kc = getAliasCount(doc, node.key, anchors);
	        const vc = getAliasCount(doc, node.value, anchors);
	        return Math.max(kc, vc);
	    }
	    return 1;
	}

	Alias.Alias = Alias$1;
	return Alias;
}

var Collection = {};

var createNode = {};

var Scalar = {};

var hasRequiredScalar;

function requireScalar () {
	if (hasRequiredScalar) return Scalar;
	hasRequiredScalar = 1;

	var identity = requireIdentity();
	var Node = requireNode();
	var toJS = requireToJS();

	const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
	let Scalar$1 = class Scalar extends Node.NodeBase {
	    constructor(value) {
	        super(identity.SCALAR);
	        this.value = value;
	    }
	    toJSON(arg, ctx) {
	        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
	    }
	    toString() {
	        return String(this.value);
	    }
	};
	Scalar$1.BLOCK_FOLDED = 'BLOCK_FOLDED';
	Scalar$1.BLOCK_LITERAL = 'BLOCK_LITERAL';
	Scalar$1.PLAIN = 'PLAIN';
	Scalar$1.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
	Scalar$1.QUOTE_SINGLE = 'QUOTE_SINGLE';

	Scalar.Scalar = Scalar$1;
	Scalar.isScalarValue = isScalarValue;
	return Scalar;
}

var hasRequiredCreateNode;

function requireCreateNode () {
	if (hasRequiredCreateNode) return createNode;
	hasRequiredCreateNode = 1;

	var Alias = requireAlias();
	var identity = requireIdentity();
	var Scalar = requireScalar();

	const defaultTagPrefix = 'tag:yaml.org,2002:';
	function findTagObject(value, tagName, tags) {
	    if (tagName) {
	        const match = tags.filter(t => t.tag === tagName);
	        const tagObj = match.find(t => !t.format) ?? match[0];
	        if (!tagObj)
	            throw new Error(`Tag ${tagName} not found`);
	        return tagObj;
	    }
	    return tags.find(t => t.identify?.(value) && !t.format);
	}
	function createNode$1(value, tagName, ctx) {
	    if (identity.isDocument(value))
	        value = value.contents;
	    if (identity.isNode(value))
	        return value;
	    if (identity.isPair(value)) {
	        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
	        map.items.push(value);
	        return map;
	    }
	    if (value instanceof String ||
	        value instanceof Number ||
	        value instanceof Boolean ||
	        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
	    ) {
	        // https://tc39.es/ecma262/#sec-serializejsonproperty
	        value = value.valueOf();
	    }
	    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
	    // Detect duplicate references to the same object & use Alias nodes for all
	    // after first. The `ref` wrapper allows for circular references to resolve.
	    let ref = undefined;
	    if (aliasDuplicateObjects && value && typeof value === 'object') {
	        ref = sourceObjects.get(value);
	        if (ref) {
	            ref.anchor ?? (ref.anchor = onAnchor(value));
	            return new Alias.Alias(ref.anchor);
	        }
	        else {
	            ref = { anchor: null, node: null };
	            sourceObjects.set(value, ref);
	        }
	    }
	    if (tagName?.startsWith('!!'))
	        tagName = defaultTagPrefix + tagName.slice(2);
	    let tagObj = findTagObject(value, tagName, schema.tags);
	    if (!tagObj) {
	        if (value && typeof value.toJSON === 'function') {
	            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
	            value = value.toJSON();
	        }
	        if (!value || typeof value !== 'object') {
	            const node = new Scalar.Scalar(value);
	            if (ref)
	                ref.node = node;
	            return node;
	        }
	        tagObj =
	            value instanceof Map
	                ? schema[identity.MAP]
	                : Symbol.iterator in Object(value)
	                    ? schema[identity.SEQ]
	                    : schema[identity.MAP];
	    }
	    if (onTagObj) {
	        onTagObj(tagObj);
	        delete ctx.onTagObj;
	    }
	    const node = tagObj?.createNode
	        ? tagObj.createNode(ctx.schema, value, ctx)
	        : typeof tagObj?.nodeClass?.from === 'function'
	            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
	            : new Scalar.Scalar(value);
	    if (tagName)
	        node.tag = tagName;
	    else if (!tagObj.default)
	        node.tag = tagObj.tag;
	    if (ref)
	        ref.node = node;
	    return node;
	}

	createNode.createNode = createNode$1;
	return createNode;
}

var hasRequiredCollection;

function requireCollection () {
	if (hasRequiredCollection) return Collection;
	hasRequiredCollection = 1;

	var createNode = requireCreateNode();
	var identity = requireIdentity();
	var Node = requireNode();

	function collectionFromPath(schema, path, value) {
	    let v = value;
	    for (let i = path.length - 1; i >= 0; --i) {
	        const k = path[i];
	        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
	            const a = [];
	            a[k] = v;
	            v = a;
	        }
	        else {
	            v = new Map([[k, v]]);
	        }
	    }
	    return createNode.createNode(v, undefined, {
	        aliasDuplicateObjects: false,
	        keepUndefined: false,
	        onAnchor: () => {
	            throw new Error('This should not happen, please report a bug.');
	        },
	        schema,
	        sourceObjects: new Map()
	    });
	}
	// Type guard is intentionally a little wrong so as to be more useful,
	// as it does not cover untypable empty non-string iterables (e.g. []).
	const isEmptyPath = (path) => path == null ||
	    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
	let Collection$1 = class Collection extends Node.NodeBase {
	    constructor(type, schema) {
	        super(type);
	        Object.defineProperty(this, 'schema', {
	            value: schema,
	            configurable: true,
	            enumerable: false,
	            writable: true
	        });
	    }
	    /**
	     * Create a copy of this collection.
	     *
	     * @param schema - If defined, overwrites the original's schema
	     */
	    clone(schema) {
	        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
	        if (schema)
	            copy.schema = schema;
	        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /**
	     * Adds a value to the collection. For `!!map` and `!!omap` the value must
	     * be a Pair instance or a `{ key, value }` object, which may not have a key
	     * that already exists in the map.
	     */
	    addIn(path, value) {
	        if (isEmptyPath(path))
	            this.add(value);
	        else {
	            const [key, ...rest] = path;
	            const node = this.get(key, true);
	            if (identity.isCollection(node))
	                node.addIn(rest, value);
	            else if (node === undefined && this.schema)
	                this.set(key, collectionFromPath(this.schema, rest, value));
	            else
	                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	        }
	    }
	    /**
	     * Removes a value from the collection.
	     * @returns `true` if the item was found and removed.
	     */
	    deleteIn(path) {
	        const [key, ...rest] = path;
	        if (rest.length === 0)
	            return this.delete(key);
	        const node = this.get(key, true);
	        if (identity.isCollection(node))
	            return node.deleteIn(rest);
	        else
	            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	    }
	    /**
	     * Returns item at `key`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    getIn(path, keepScalar) {
	        const [key, ...rest] = path;
	        const node = this.get(key, true);
	        if (rest.length === 0)
	            return !keepScalar && identity.isScalar(node) ? node.value : node;
	        else
	            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
	    }
	    hasAllNullValues(allowScalar) {
	        return this.items.every(node => {
	            if (!identity.isPair(node))
	                return false;
	            const n = node.value;
	            return (n == null ||
	                (allowScalar &&
	                    identity.isScalar(n) &&
	                    n.value == null &&
	                    !n.commentBefore &&
	                    !n.comment &&
	                    !n.tag));
	        });
	    }
	    /**
	     * Checks if the collection includes a value with the key `key`.
	     */
	    hasIn(path) {
	        const [key, ...rest] = path;
	        if (rest.length === 0)
	            return this.has(key);
	        const node = this.get(key, true);
	        return identity.isCollection(node) ? node.hasIn(rest) : false;
	    }
	    /**
	     * Sets a value in this collection. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    setIn(path, value) {
	        const [key, ...rest] = path;
	        if (rest.length === 0) {
	            this.set(key, value);
	        }
	        else {
	            const node = this.get(key, true);
	            if (identity.isCollection(node))
	                node.setIn(rest, value);
	            else if (node === undefined && this.schema)
	                this.set(key, collectionFromPath(this.schema, rest, value));
	            else
	                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	        }
	    }
	};

	Collection.Collection = Collection$1;
	Collection.collectionFromPath = collectionFromPath;
	Collection.isEmptyPath = isEmptyPath;
	return Collection;
}

var Pair = {};

var stringifyPair = {};

var stringify = {};

var stringifyComment = {};

var hasRequiredStringifyComment;

function requireStringifyComment () {
	if (hasRequiredStringifyComment) return stringifyComment;
	hasRequiredStringifyComment = 1;

	/**
	 * Stringifies a comment.
	 *
	 * Empty comment lines are left empty,
	 * lines consisting of a single space are replaced by `#`,
	 * and all other lines are prefixed with a `#`.
	 */
	const stringifyComment$1 = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
	function indentComment(comment, indent) {
	    if (/^\n+$/.test(comment))
	        return comment.substring(1);
	    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
	}
	const lineComment = (str, indent, comment) => str.endsWith('\n')
	    ? indentComment(comment, indent)
	    : comment.includes('\n')
	        ? '\n' + indentComment(comment, indent)
	        : (str.endsWith(' ') ? '' : ' ') + comment;

	stringifyComment.indentComment = indentComment;
	stringifyComment.lineComment = lineComment;
	stringifyComment.stringifyComment = stringifyComment$1;
	return stringifyComment;
}

var stringifyString = {};

var foldFlowLines = {};

var hasRequiredFoldFlowLines;

function requireFoldFlowLines () {
	if (hasRequiredFoldFlowLines) return foldFlowLines;
	hasRequiredFoldFlowLines = 1;

	const FOLD_FLOW = 'flow';
	const FOLD_BLOCK = 'block';
	const FOLD_QUOTED = 'quoted';
	/**
	 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
	 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
	 * terminated with `\n` and started with `indent`.
	 */
	function foldFlowLines$1(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
	    if (!lineWidth || lineWidth < 0)
	        return text;
	    if (lineWidth < minContentWidth)
	        minContentWidth = 0;
	    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
	    if (text.length <= endStep)
	        return text;
	    const folds = [];
	    const escapedFolds = {};
	    let end = lineWidth - indent.length;
	    if (typeof indentAtStart === 'number') {
	        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
	            folds.push(0);
	        else
	            end = lineWidth - indentAtStart;
	    }
	    let split = undefined;
	    let prev = undefined;
	    let overflow = false;
	    let i = -1;
	    let escStart = -1;
	    let escEnd = -1;
	    if (mode === FOLD_BLOCK) {
	        i = consumeMoreIndentedLines(text, i, indent.length);
	        if (i !== -1)
	            end = i + endStep;
	    }
	    for (let ch; (ch = text[(i += 1)]);) {
	        if (mode === FOLD_QUOTED && ch === '\\') {
	            escStart = i;
	            switch (text[i + 1]) {
	                case 'x':
	                    i += 3;
	                    break;
	                case 'u':
	                    i += 5;
	                    break;
	                case 'U':
	                    i += 9;
	                    break;
	                default:
	                    i += 1;
	            }
	            escEnd = i;
	        }
	        if (ch === '\n') {
	            if (mode === FOLD_BLOCK)
	                i = consumeMoreIndentedLines(text, i, indent.length);
	            end = i + indent.length + endStep;
	            split = undefined;
	        }
	        else {
	            if (ch === ' ' &&
	                prev &&
	                prev !== ' ' &&
	                prev !== '\n' &&
	                prev !== '\t') {
	                // space surrounded by non-space can be replaced with newline + indent
	                const next = text[i + 1];
	                if (next && next !== ' ' && next !== '\n' && next !== '\t')
	                    split = i;
	            }
	            if (i >= end) {
	                if (split) {
	                    folds.push(split);
	                    end = split + endStep;
	                    split = undefined;
	                }
	                else if (mode === FOLD_QUOTED) {
	                    // white-space collected at end may stretch past lineWidth
	                    while (prev === ' ' || prev === '\t') {
	                        prev = ch;
	                        ch = text[(i += 1)];
	                        overflow = true;
	                    }
	                    // Account for newline escape, but don't break preceding escape
	                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
	                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
	                    if (escapedFolds[j])
	                        return text;
	                    folds.push(j);
	                    escapedFolds[j] = true;
	                    end = j + endStep;
	                    split = undefined;
	                }
	                else {
	                    overflow = true;
	                }
	            }
	        }
	        prev = ch;
	    }
	    if (overflow && onOverflow)
	        onOverflow();
	    if (folds.length === 0)
	        return text;
	    if (onFold)
	        onFold();
	    let res = text.slice(0, folds[0]);
	    for (let i = 0; i < folds.length; ++i) {
	        const fold = folds[i];
	        const end = folds[i + 1] || text.length;
	        if (fold === 0)
	            res = `\n${indent}${text.slice(0, end)}`;
	        else {
	            if (mode === FOLD_QUOTED && escapedFolds[fold])
	                res += `${text[fold]}\\`;
	            res += `\n${indent}${text.slice(fold + 1, end)}`;
	        }
	    }
	    return res;
	}
	/**
	 * Presumes `i + 1` is at the start of a line
	 * @returns index of last newline in more-indented block
	 */
	function consumeMoreIndentedLines(text, i, indent) {
	    let end = i;
	    let start = i + 1;
	    let ch = text[start];
	    while (ch === ' ' || ch === '\t') {
	        if (i < start + indent) {
	            ch = text[++i];
	        }
	        else {
	            do {
	                ch = text[++i];
	            } while (ch && ch !== '\n');
	            end = i;
	            start = i + 1;
	            ch = text[start];
	        }
	    }
	    return end;
	}

	foldFlowLines.FOLD_BLOCK = FOLD_BLOCK;
	foldFlowLines.FOLD_FLOW = FOLD_FLOW;
	foldFlowLines.FOLD_QUOTED = FOLD_QUOTED;
	foldFlowLines.foldFlowLines = foldFlowLines$1;
	return foldFlowLines;
}

var hasRequiredStringifyString;

function requireStringifyString () {
	if (hasRequiredStringifyString) return stringifyString;
	hasRequiredStringifyString = 1;

	var Scalar = requireScalar();
	var foldFlowLines = requireFoldFlowLines();

	const getFoldOptions = (ctx, isBlock) => ({
	    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
	    lineWidth: ctx.options.lineWidth,
	    minContentWidth: ctx.options.minContentWidth
	});
	// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
	// presume that's starting a new document.
	const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
	function lineLengthOverLimit(str, lineWidth, indentLength) {
	    if (!lineWidth || lineWidth < 0)
	        return false;
	    const limit = lineWidth - indentLength;
	    const strLen = str.length;
	    if (strLen <= limit)
	        return false;
	    for (let i = 0, start = 0; i < strLen; ++i) {
	        if (str[i] === '\n') {
	            if (i - start > limit)
	                return true;
	            start = i + 1;
	            if (strLen - start <= limit)
	                return false;
	        }
	    }
	    return true;
	}
	function doubleQuotedString(value, ctx) {
	    const json = JSON.stringify(value);
	    if (ctx.options.doubleQuotedAsJSON)
	        return json;
	    const { implicitKey } = ctx;
	    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
	    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
	    let str = '';
	    let start = 0;
	    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
	        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
	            // space before newline needs to be escaped to not be folded
	            str += json.slice(start, i) + '\\ ';
	            i += 1;
	            start = i;
	            ch = '\\';
	        }
	        if (ch === '\\')
	            switch (json[i + 1]) {
	                case 'u':
	                    {
	                        str += json.slice(start, i);
	                        const code = json.substr(i + 2, 4);
	                        switch (code) {
	                            case '0000':
	                                str += '\\0';
	                                break;
	                            case '0007':
	                                str += '\\a';
	                                break;
	                            case '000b':
	                                str += '\\v';
	                                break;
	                            case '001b':
	                                str += '\\e';
	                                break;
	                            case '0085':
	                                str += '\\N';
	                                break;
	                            case '00a0':
	                                str += '\\_';
	                                break;
	                            case '2028':
	                                str += '\\L';
	                                break;
	                            case '2029':
	                                str += '\\P';
	                                break;
	                            default:
	                                if (code.substr(0, 2) === '00')
	                                    str += '\\x' + code.substr(2);
	                                else
	                                    str += json.substr(i, 6);
	                        }
	                        i += 5;
	                        start = i + 1;
	                    }
	                    break;
	                case 'n':
	                    if (implicitKey ||
	                        json[i + 2] === '"' ||
	                        json.length < minMultiLineLength) {
	                        i += 1;
	                    }
	                    else {
	                        // folding will eat first newline
	                        str += json.slice(start, i) + '\n\n';
	                        while (json[i + 2] === '\\' &&
	                            json[i + 3] === 'n' &&
	                            json[i + 4] !== '"') {
	                            str += '\n';
	                            i += 2;
	                        }
	                        str += indent;
	                        // space after newline needs to be escaped to not be folded
	                        if (json[i + 2] === ' ')
	                            str += '\\';
	                        i += 1;
	                        start = i + 1;
	                    }
	                    break;
	                default:
	                    i += 1;
	            }
	    }
	    str = start ? str + json.slice(start) : json;
	    return implicitKey
	        ? str
	        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
	}
	function singleQuotedString(value, ctx) {
	    if (ctx.options.singleQuote === false ||
	        (ctx.implicitKey && value.includes('\n')) ||
	        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
	    )
	        return doubleQuotedString(value, ctx);
	    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
	    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
	    return ctx.implicitKey
	        ? res
	        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
	}
	function quotedString(value, ctx) {
	    const { singleQuote } = ctx.options;
	    let qs;
	    if (singleQuote === false)
	        qs = doubleQuotedString;
	    else {
	        const hasDouble = value.includes('"');
	        const hasSingle = value.includes("'");
	        if (hasDouble && !hasSingle)
	            qs = singleQuotedString;
	        else if (hasSingle && !hasDouble)
	            qs = doubleQuotedString;
	        else
	            qs = singleQuote ? singleQuotedString : doubleQuotedString;
	    }
	    return qs(value, ctx);
	}
	// The negative lookbehind avoids a polynomial search,
	// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
	let blockEndNewlines;
	try {
	    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
	}
	catch {
	    blockEndNewlines = /\n+(?!\n|$)/g;
	}
	function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
	    const { blockQuote, commentString, lineWidth } = ctx.options;
	    // 1. Block can't end in whitespace unless the last line is non-empty.
	    // 2. Strings consisting of only whitespace are best rendered explicitly.
	    if (!blockQuote || /\n[\t ]+$/.test(value)) {
	        return quotedString(value, ctx);
	    }
	    const indent = ctx.indent ||
	        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
	    const literal = blockQuote === 'literal'
	        ? true
	        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
	            ? false
	            : type === Scalar.Scalar.BLOCK_LITERAL
	                ? true
	                : !lineLengthOverLimit(value, lineWidth, indent.length);
	    if (!value)
	        return literal ? '|\n' : '>\n';
	    // determine chomping from whitespace at value end
	    let chomp;
	    let endStart;
	    for (endStart = value.length; endStart > 0; --endStart) {
	        const ch = value[endStart - 1];
	        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
	            break;
	    }
	    let end = value.substring(endStart);
	    const endNlPos = end.indexOf('\n');
	    if (endNlPos === -1) {
	        chomp = '-'; // strip
	    }
	    else if (value === end || endNlPos !== end.length - 1) {
	        chomp = '+'; // keep
	        if (onChompKeep)
	            onChompKeep();
	    }
	    else {
	        chomp = ''; // clip
	    }
	    if (end) {
	        value = value.slice(0, -end.length);
	        if (end[end.length - 1] === '\n')
	            end = end.slice(0, -1);
	        end = end.replace(blockEndNewlines, `$&${indent}`);
	    }
	    // determine indent indicator from whitespace at value start
	    let startWithSpace = false;
	    let startEnd;
	    let startNlPos = -1;
	    for (startEnd = 0; startEnd < value.length; ++startEnd) {
	        const ch = value[startEnd];
	        if (ch === ' ')
	            startWithSpace = true;
	        else if (ch === '\n')
	            startNlPos = startEnd;
	        else
	            break;
	    }
	    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
	    if (start) {
	        value = value.substring(start.length);
	        start = start.replace(/\n+/g, `$&${indent}`);
	    }
	    const indentSize = indent ? '2' : '1'; // root is at -1
	    // Leading | or > is added later
	    let header = (startWithSpace ? indentSize : '') + chomp;
	    if (comment) {
	        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
	        if (onComment)
	            onComment();
	    }
	    if (!literal) {
	        const foldedValue = value
	            .replace(/\n+/g, '\n$&')
	            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
	            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
	            .replace(/\n+/g, `$&${indent}`);
	        let literalFallback = false;
	        const foldOptions = getFoldOptions(ctx, true);
	        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
	            foldOptions.onOverflow = () => {
	                literalFallback = true;
	            };
	        }
	        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
	        if (!literalFallback)
	            return `>${header}\n${indent}${body}`;
	    }
	    value = value.replace(/\n+/g, `$&${indent}`);
	    return `|${header}\n${indent}${start}${value}${end}`;
	}
	function plainString(item, ctx, onComment, onChompKeep) {
	    const { type, value } = item;
	    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
	    if ((implicitKey && value.includes('\n')) ||
	        (inFlow && /[[\]{},]/.test(value))) {
	        return quotedString(value, ctx);
	    }
	    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
	        // not allowed:
	        // - '-' or '?'
	        // - start with an indicator character (except [?:-]) or /[?-] /
	        // - '\n ', ': ' or ' \n' anywhere
	        // - '#' not preceded by a non-space char
	        // - end with ' ' or ':'
	        return implicitKey || inFlow || !value.includes('\n')
	            ? quotedString(value, ctx)
	            : blockString(item, ctx, onComment, onChompKeep);
	    }
	    if (!implicitKey &&
	        !inFlow &&
	        type !== Scalar.Scalar.PLAIN &&
	        value.includes('\n')) {
	        // Where allowed & type not set explicitly, prefer block style for multiline strings
	        return blockString(item, ctx, onComment, onChompKeep);
	    }
	    if (containsDocumentMarker(value)) {
	        if (indent === '') {
	            ctx.forceBlockIndent = true;
	            return blockString(item, ctx, onComment, onChompKeep);
	        }
	        else if (implicitKey && indent === indentStep) {
	            return quotedString(value, ctx);
	        }
	    }
	    const str = value.replace(/\n+/g, `$&\n${indent}`);
	    // Verify that output will be parsed as a string, as e.g. plain numbers and
	    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
	    // and others in v1.1.
	    if (actualString) {
	        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
	        const { compat, tags } = ctx.doc.schema;
	        if (tags.some(test) || compat?.some(test))
	            return quotedString(value, ctx);
	    }
	    return implicitKey
	        ? str
	        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
	}
	function stringifyString$1(item, ctx, onComment, onChompKeep) {
	    const { implicitKey, inFlow } = ctx;
	    const ss = typeof item.value === 'string'
	        ? item
	        : Object.assign({}, item, { value: String(item.value) });
	    let { type } = item;
	    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
	        // force double quotes on control characters & unpaired surrogates
	        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
	            type = Scalar.Scalar.QUOTE_DOUBLE;
	    }
	    const _stringify = (_type) => {
	        switch (_type) {
	            case Scalar.Scalar.BLOCK_FOLDED:
	            case Scalar.Scalar.BLOCK_LITERAL:
	                return implicitKey || inFlow
	                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
	                    : blockString(ss, ctx, onComment, onChompKeep);
	            case Scalar.Scalar.QUOTE_DOUBLE:
	                return doubleQuotedString(ss.value, ctx);
	            case Scalar.Scalar.QUOTE_SINGLE:
	                return singleQuotedString(ss.value, ctx);
	            case Scalar.Scalar.PLAIN:
	                return plainString(ss, ctx, onComment, onChompKeep);
	            default:
	                return null;
	        }
	    };
	    let res = _stringify(type);
	    if (res === null) {
	        const { defaultKeyType, defaultStringType } = ctx.options;
	        const t = (implicitKey && defaultKeyType) || defaultStringType;
	        res = _stringify(t);
	        if (res === null)
	            throw new Error(`Unsupported default string type ${t}`);
	    }
	    return res;
	}

	stringifyString.stringifyString = stringifyString$1;
	return stringifyString;
}

var hasRequiredStringify;

function requireStringify () {
	if (hasRequiredStringify) return stringify;
	hasRequiredStringify = 1;

	var anchors = requireAnchors();
	var identity = requireIdentity();
	var stringifyComment = requireStringifyComment();
	var stringifyString = requireStringifyString();

	function createStringifyContext(doc, options) {
	    const opt = Object.assign({
	        blockQuote: true,
	        commentString: stringifyComment.stringifyComment,
	        defaultKeyType: null,
	        defaultStringType: 'PLAIN',
	        directives: null,
	        doubleQuotedAsJSON: false,
	        doubleQuotedMinMultiLineLength: 40,
	        falseStr: 'false',
	        flowCollectionPadding: true,
	        indentSeq: true,
	        lineWidth: 80,
	        minContentWidth: 20,
	        nullStr: 'null',
	        simpleKeys: false,
	        singleQuote: null,
	        trailingComma: false,
	        trueStr: 'true',
	        verifyAliasOrder: true
	    }, doc.schema.toStringOptions, options);
	    let inFlow;
	    switch (opt.collectionStyle) {
	        case 'block':
	            inFlow = false;
	            break;
	        case 'flow':
	            inFlow = true;
	            break;
	        default:
	            inFlow = null;
	    }
	    return {
	        anchors: new Set(),
	        doc,
	        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
	        indent: '',
	        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
	        inFlow,
	        options: opt
	    };
	}
	function getTagObject(tags, item) {
	    if (item.tag) {
	        const match = tags.filter(t => t.tag === item.tag);
	        if (match.length > 0)
	            return match.find(t => t.format === item.format) ?? match[0];
	    }
	    let tagObj = undefined;
	    let obj;
	    if (identity.isScalar(item)) {
	        obj = item.value;
	        let match = tags.filter(t => t.identify?.(obj));
	        if (match.length > 1) {
	            const testMatch = match.filter(t => t.test);
	            if (testMatch.length > 0)
	                match = testMatch;
	        }
	        tagObj =
	            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
	    }
	    else {
	        obj = item;
	        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
	    }
	    if (!tagObj) {
	        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
	        throw new Error(`Tag not resolved for ${name} value`);
	    }
	    return tagObj;
	}
	// needs to be called before value stringifier to allow for circular anchor refs
	function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
	    if (!doc.directives)
	        return '';
	    const props = [];
	    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
	    if (anchor && anchors.anchorIsValid(anchor)) {
	        anchors$1.add(anchor);
	        props.push(`&${anchor}`);
	    }
	    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
	    if (tag)
	        props.push(doc.directives.tagString(tag));
	    return props.join(' ');
	}
	function stringify$1(item, ctx, onComment, onChompKeep) {
	    if (identity.isPair(item))
	        return item.toString(ctx, onComment, onChompKeep);
	    if (identity.isAlias(item)) {
	        if (ctx.doc.directives)
	            return item.toString(ctx);
	        if (ctx.resolvedAliases?.has(item)) {
	            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
	        }
	        else {
	            if (ctx.resolvedAliases)
	                ctx.resolvedAliases.add(item);
	            else
	                ctx.resolvedAliases = new Set([item]);
	            item = item.resolve(ctx.doc);
	        }
	    }
	    let tagObj = undefined;
	    const node = identity.isNode(item)
	        ? item
	        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
	    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
	    const props = stringifyProps(node, tagObj, ctx);
	    if (props.length > 0)
	        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
	    const str = typeof tagObj.stringify === 'function'
	        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
	        : identity.isScalar(node)
	            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
	            : node.toString(ctx, onComment, onChompKeep);
	    if (!props)
	        return str;
	    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
	        ? `${props} ${str}`
	        : `${props}\n${ctx.indent}${str}`;
	}

	stringify.createStringifyContext = createStringifyContext;
	stringify.stringify = stringify$1;
	return stringify;
}

var hasRequiredStringifyPair;

function requireStringifyPair () {
	if (hasRequiredStringifyPair) return stringifyPair;
	hasRequiredStringifyPair = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyPair$1({ key, value }, ctx, onComment, onChompKeep) {
	    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
	    let keyComment = (identity.isNode(key) && key.comment) || null;
	    if (simpleKeys) {
	        if (keyComment) {
	            throw new Error('With simple keys, key nodes cannot have comments');
	        }
	        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
	            const msg = 'With simple keys, collection cannot be used as a key value';
	            throw new Error(msg);
	        }
	    }
	    let explicitKey = !simpleKeys &&
	        (!key ||
	            (keyComment && value == null && !ctx.inFlow) ||
	            identity.isCollection(key) ||
	            (identity.isScalar(key)
	                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
	                : typeof key === 'object'));
	    ctx = Object.assign({}, ctx, {
	        allNullValues: false,
	        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
	        indent: indent + indentStep
	    });
	    let keyCommentDone = false;
	    let chompKeep = false;
	    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
	    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
	        if (simpleKeys)
	            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
	        explicitKey = true;
	    }
	    if (ctx.inFlow) {
	        if (allNullValues || value == null) {
	            if (keyCommentDone && onComment)
	                onComment();
	            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
	        }
	    }
	    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
	        str = `? ${str}`;
	        if (keyComment && !keyCommentDone) {
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	        }
	        else if (chompKeep && onChompKeep)
	            onChompKeep();
	        return str;
	    }
	    if (keyCommentDone)
	        keyComment = null;
	    if (explicitKey) {
	        if (keyComment)
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	        str = `? ${str}\n${indent}:`;
	    }
	    else {
	        str = `${str}:`;
	        if (keyComment)
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	    }
	    let vsb, vcb, valueComment;
	    if (identity.isNode(value)) {
	        vsb = !!value.spaceBefore;
	        vcb = value.commentBefore;
	        valueComment = value.comment;
	    }
	    else {
	        vsb = false;
	        vcb = null;
	        valueComment = null;
	        if (value && typeof value === 'object')
	            value = doc.createNode(value);
	    }
	    ctx.implicitKey = false;
	    if (!explicitKey && !keyComment && identity.isScalar(value))
	        ctx.indentAtStart = str.length + 1;
	    chompKeep = false;
	    if (!indentSeq &&
	        indentStep.length >= 2 &&
	        !ctx.inFlow &&
	        !explicitKey &&
	        identity.isSeq(value) &&
	        !value.flow &&
	        !value.tag &&
	        !value.anchor) {
	        // If indentSeq === false, consider '- ' as part of indentation where possible
	        ctx.indent = ctx.indent.substring(2);
	    }
	    let valueCommentDone = false;
	    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
	    let ws = ' ';
	    if (keyComment || vsb || vcb) {
	        ws = vsb ? '\n' : '';
	        if (vcb) {
	            const cs = commentString(vcb);
	            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
	        }
	        if (valueStr === '' && !ctx.inFlow) {
	            if (ws === '\n' && valueComment)
	                ws = '\n\n';
	        }
	        else {
	            ws += `\n${ctx.indent}`;
	        }
	    }
	    else if (!explicitKey && identity.isCollection(value)) {
	        const vs0 = valueStr[0];
	        const nl0 = valueStr.indexOf('\n');
	        const hasNewline = nl0 !== -1;
	        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
	        if (hasNewline || !flow) {
	            let hasPropsLine = false;
	            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
	                let sp0 = valueStr.indexOf(' ');
	                if (vs0 === '&' &&
	                    sp0 !== -1 &&
	                    sp0 < nl0 &&
	                    valueStr[sp0 + 1] === '!') {
	                    sp0 = valueStr.indexOf(' ', sp0 + 1);
	                }
	                if (sp0 === -1 || nl0 < sp0)
	                    hasPropsLine = true;
	            }
	            if (!hasPropsLine)
	                ws = `\n${ctx.indent}`;
	        }
	    }
	    else if (valueStr === '' || valueStr[0] === '\n') {
	        ws = '';
	    }
	    str += ws + valueStr;
	    if (ctx.inFlow) {
	        if (valueCommentDone && onComment)
	            onComment();
	    }
	    else if (valueComment && !valueCommentDone) {
	        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
	    }
	    else if (chompKeep && onChompKeep) {
	        onChompKeep();
	    }
	    return str;
	}

	stringifyPair.stringifyPair = stringifyPair$1;
	return stringifyPair;
}

var addPairToJSMap = {};

var log = {};

var hasRequiredLog;

function requireLog () {
	if (hasRequiredLog) return log;
	hasRequiredLog = 1;

	var node_process = require$$0;

	function debug(logLevel, ...messages) {
	    if (logLevel === 'debug')
	        console.log(...messages);
	}
	function warn(logLevel, warning) {
	    if (logLevel === 'debug' || logLevel === 'warn') {
	        if (typeof node_process.emitWarning === 'function')
	            node_process.emitWarning(warning);
	        else
	            console.warn(warning);
	    }
	}

	log.debug = debug;
	log.warn = warn;
	return log;
}

var merge = {};

var hasRequiredMerge;

function requireMerge () {
	if (hasRequiredMerge) return merge;
	hasRequiredMerge = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();

	// If the value associated with a merge key is a single mapping node, each of
	// its key/value pairs is inserted into the current mapping, unless the key
	// already exists in it. If the value associated with the merge key is a
	// sequence, then this sequence is expected to contain mapping nodes and each
	// of these nodes is merged in turn according to its order in the sequence.
	// Keys in mapping nodes earlier in the sequence override keys specified in
	// later mapping nodes. -- http://yaml.org/type/merge.html
	const MERGE_KEY = '<<';
	const merge$1 = {
	    identify: value => value === MERGE_KEY ||
	        (typeof value === 'symbol' && value.description === MERGE_KEY),
	    default: 'key',
	    tag: 'tag:yaml.org,2002:merge',
	    test: /^<<$/,
	    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
	        addToJSMap: addMergeToJSMap
	    }),
	    stringify: () => MERGE_KEY
	};
	const isMergeKey = (ctx, key) => (merge$1.identify(key) ||
	    (identity.isScalar(key) &&
	        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
	        merge$1.identify(key.value))) &&
	    ctx?.doc.schema.tags.some(tag => tag.tag === merge$1.tag && tag.default);
	function addMergeToJSMap(ctx, map, value) {
	    const source = resolveAliasValue(ctx, value);
	    if (identity.isSeq(source))
	        for (const it of source.items)
	            mergeValue(ctx, map, it);
	    else if (Array.isArray(source))
	        for (const it of source)
	            mergeValue(ctx, map, it);
	    else
	        mergeValue(ctx, map, source);
	}
	function mergeValue(ctx, map, value) {
	    const source = resolveAliasValue(ctx, value);
	    if (!identity.isMap(source))
	        throw new Error('Merge sources must be maps or map aliases');
	    const srcMap = source.toJSON(null, ctx, Map);
	    for (const [key, value] of srcMap) {
	        if (map instanceof Map) {
	            if (!map.has(key))
	                map.set(key, value);
	        }
	        else if (map instanceof Set) {
	            map.add(key);
	        }
	        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
	            Object.defineProperty(map, key, {
	                value,
	                writable: true,
	                enumerable: true,
	                configurable: true
	            });
	        }
	    }
	    return map;
	}
	function resolveAliasValue(ctx, value) {
	    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
	}

	merge.addMergeToJSMap = addMergeToJSMap;
	merge.isMergeKey = isMergeKey;
	merge.merge = merge$1;
	return merge;
}

var hasRequiredAddPairToJSMap;

function requireAddPairToJSMap () {
	if (hasRequiredAddPairToJSMap) return addPairToJSMap;
	hasRequiredAddPairToJSMap = 1;

	var log = requireLog();
	var merge = requireMerge();
	var stringify = requireStringify();
	var identity = requireIdentity();
	var toJS = requireToJS();

	function addPairToJSMap$1(ctx, map, { key, value }) {
	    if (identity.isNode(key) && key.addToJSMap)
	        key.addToJSMap(ctx, map, value);
	    // TODO: Should drop this special case for bare << handling
	    else if (merge.isMergeKey(ctx, key))
	        merge.addMergeToJSMap(ctx, map, value);
	    else {
	        const jsKey = toJS.toJS(key, '', ctx);
	        if (map instanceof Map) {
	            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
	        }
	        else if (map instanceof Set) {
	            map.add(jsKey);
	        }
	        else {
	            const stringKey = stringifyKey(key, jsKey, ctx);
	            const jsValue = toJS.toJS(value, stringKey, ctx);
	            if (stringKey in map)
	                Object.defineProperty(map, stringKey, {
	                    value: jsValue,
	                    writable: true,
	                    enumerable: true,
	                    configurable: true
	                });
	            else
	                map[stringKey] = jsValue;
	        }
	    }
	    return map;
	}
	function stringifyKey(key, jsKey, ctx) {
	    if (jsKey === null)
	        return '';
	    // eslint-disable-next-line @typescript-eslint/no-base-to-string
	    if (typeof jsKey !== 'object')
	        return String(jsKey);
	    if (identity.isNode(key) && ctx?.doc) {
	        const strCtx = stringify.createStringifyContext(ctx.doc, {});
	        strCtx.anchors = new Set();
	        for (const node of ctx.anchors.keys())
	            strCtx.anchors.add(node.anchor);
	        strCtx.inFlow = true;
	        strCtx.inStringifyKey = true;
	        const strKey = key.toString(strCtx);
	        if (!ctx.mapKeyWarned) {
	            let jsonStr = JSON.stringify(strKey);
	            if (jsonStr.length > 40)
	                jsonStr = jsonStr.substring(0, 36) + '..."';
	            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
	            ctx.mapKeyWarned = true;
	        }
	        return strKey;
	    }
	    return JSON.stringify(jsKey);
	}

	addPairToJSMap.addPairToJSMap = addPairToJSMap$1;
	return addPairToJSMap;
}

var hasRequiredPair;

function requirePair () {
	if (hasRequiredPair) return Pair;
	hasRequiredPair = 1;

	var createNode = requireCreateNode();
	var stringifyPair = requireStringifyPair();
	var addPairToJSMap = requireAddPairToJSMap();
	var identity = requireIdentity();

	function createPair(key, value, ctx) {
	    const k = createNode.createNode(key, undefined, ctx);
	    const v = createNode.createNode(value, undefined, ctx);
	    return new Pair$1(k, v);
	}
	let Pair$1 = class Pair {
	    constructor(key, value = null) {
	        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
	        this.key = key;
	        this.value = value;
	    }
	    clone(schema) {
	        let { key, value } = this;
	        if (identity.isNode(key))
	            key = key.clone(schema);
	        if (identity.isNode(value))
	            value = value.clone(schema);
	        return new Pair(key, value);
	    }
	    toJSON(_, ctx) {
	        const pair = ctx?.mapAsMap ? new Map() : {};
	        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
	    }
	    toString(ctx, onComment, onChompKeep) {
	        return ctx?.doc
	            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
	            : JSON.stringify(this);
	    }
	};

	Pair.Pair = Pair$1;
	Pair.createPair = createPair;
	return Pair;
}

var Schema$1 = {};

var map = {};

var YAMLMap = {};

var stringifyCollection = {};

var hasRequiredStringifyCollection;

function requireStringifyCollection () {
	if (hasRequiredStringifyCollection) return stringifyCollection;
	hasRequiredStringifyCollection = 1;

	var identity = requireIdentity();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyCollection$1(collection, ctx, options) {
	    const flow = ctx.inFlow ?? collection.flow;
	    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
	    return stringify(collection, ctx, options);
	}
	function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
	    const { indent, options: { commentString } } = ctx;
	    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
	    let chompKeep = false; // flag for the preceding node's status
	    const lines = [];
	    for (let i = 0; i < items.length; ++i) {
	        const item = items[i];
	        let comment = null;
	        if (identity.isNode(item)) {
	            if (!chompKeep && item.spaceBefore)
	                lines.push('');
	            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
	            if (item.comment)
	                comment = item.comment;
	        }
	        else if (identity.isPair(item)) {
	            const ik = identity.isNode(item.key) ? item.key : null;
	            if (ik) {
	                if (!chompKeep && ik.spaceBefore)
	                    lines.push('');
	                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
	            }
	        }
	        chompKeep = false;
	        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
	        if (comment)
	            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
	        if (chompKeep && comment)
	            chompKeep = false;
	        lines.push(blockItemPrefix + str);
	    }
	    let str;
	    if (lines.length === 0) {
	        str = flowChars.start + flowChars.end;
	    }
	    else {
	        str = lines[0];
	        for (let i = 1; i < lines.length; ++i) {
	            const line = lines[i];
	            str += line ? `\n${indent}${line}` : '\n';
	        }
	    }
	    if (comment) {
	        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
	        if (onComment)
	            onComment();
	    }
	    else if (chompKeep && onChompKeep)
	        onChompKeep();
	    return str;
	}
	function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
	    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
	    itemIndent += indentStep;
	    const itemCtx = Object.assign({}, ctx, {
	        indent: itemIndent,
	        inFlow: true,
	        type: null
	    });
	    let reqNewline = false;
	    let linesAtValue = 0;
	    const lines = [];
	    for (let i = 0; i < items.length; ++i) {
	        const item = items[i];
	        let comment = null;
	        if (identity.isNode(item)) {
	            if (item.spaceBefore)
	                lines.push('');
	            addCommentBefore(ctx, lines, item.commentBefore, false);
	            if (item.comment)
	                comment = item.comment;
	        }
	        else if (identity.isPair(item)) {
	            const ik = identity.isNode(item.key) ? item.key : null;
	            if (ik) {
	                if (ik.spaceBefore)
	                    lines.push('');
	                addCommentBefore(ctx, lines, ik.commentBefore, false);
	                if (ik.comment)
	                    reqNewline = true;
	            }
	            const iv = identity.isNode(item.value) ? item.value : null;
	            if (iv) {
	                if (iv.comment)
	                    comment = iv.comment;
	                if (iv.commentBefore)
	                    reqNewline = true;
	            }
	            else if (item.value == null && ik?.comment) {
	                comment = ik.comment;
	            }
	        }
	        if (comment)
	            reqNewline = true;
	        let str = stringify.stringify(item, itemCtx, () => (comment = null));
	        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
	        if (i < items.length - 1) {
	            str += ',';
	        }
	        else if (ctx.options.trailingComma) {
	            if (ctx.options.lineWidth > 0) {
	                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
	                    (str.length + 2) >
	                    ctx.options.lineWidth);
	            }
	            if (reqNewline) {
	                str += ',';
	            }
	        }
	        if (comment)
	            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
	        lines.push(str);
	        linesAtValue = lines.length;
	    }
	    const { start, end } = flowChars;
	    if (lines.length === 0) {
	        return start + end;
	    }
	    else {
	        if (!reqNewline) {
	            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
	            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
	        }
	        if (reqNewline) {
	            let str = start;
	            for (const line of lines)
	                str += line ? `\n${indentStep}${indent}${line}` : '\n';
	            return `${str}\n${indent}${end}`;
	        }
	        else {
	            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
	        }
	    }
	}
	function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
	    if (comment && chompKeep)
	        comment = comment.replace(/^\n+/, '');
	    if (comment) {
	        const ic = stringifyComment.indentComment(commentString(comment), indent);
	        lines.push(ic.trimStart()); // Avoid double indent on first line
	    }
	}

	stringifyCollection.stringifyCollection = stringifyCollection$1;
	return stringifyCollection;
}

var hasRequiredYAMLMap;

function requireYAMLMap () {
	if (hasRequiredYAMLMap) return YAMLMap;
	hasRequiredYAMLMap = 1;

	var stringifyCollection = requireStringifyCollection();
	var addPairToJSMap = requireAddPairToJSMap();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();

	function findPair(items, key) {
	    const k = identity.isScalar(key) ? key.value : key;
	    for (const it of items) {
	        if (identity.isPair(it)) {
	            if (it.key === key || it.key === k)
	                return it;
	            if (identity.isScalar(it.key) && it.key.value === k)
	                return it;
	        }
	    }
	    return undefined;
	}
	let YAMLMap$1 = class YAMLMap extends Collection.Collection {
	    static get tagName() {
	        return 'tag:yaml.org,2002:map';
	    }
	    constructor(schema) {
	        super(identity.MAP, schema);
	        this.items = [];
	    }
	    /**
	     * A generic collection parsing method that can be extended
	     * to other node classes that inherit from YAMLMap
	     */
	    static from(schema, obj, ctx) {
	        const { keepUndefined, replacer } = ctx;
	        const map = new this(schema);
	        const add = (key, value) => {
	            if (typeof replacer === 'function')
	                value = replacer.call(obj, key, value);
	            else if (Array.isArray(replacer) && !replacer.includes(key))
	                return;
	            if (value !== undefined || keepUndefined)
	                map.items.push(Pair.createPair(key, value, ctx));
	        };
	        if (obj instanceof Map) {
	            for (const [key, value] of obj)
	                add(key, value);
	        }
	        else if (obj && typeof obj === 'object') {
	            for (const key of Object.keys(obj))
	                add(key, obj[key]);
	        }
	        if (typeof schema.sortMapEntries === 'function') {
	            map.items.sort(schema.sortMapEntries);
	        }
	        return map;
	    }
	    /**
	     * Adds a value to the collection.
	     *
	     * @param overwrite - If not set `true`, using a key that is already in the
	     *   collection will throw. Otherwise, overwrites the previous value.
	     */
	    add(pair, overwrite) {
	        let _pair;
	        if (identity.isPair(pair))
	            _pair = pair;
	        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
	            // In TypeScript, this never happens.
	            _pair = new Pair.Pair(pair, pair?.value);
	        }
	        else
	            _pair = new Pair.Pair(pair.key, pair.value);
	        const prev = findPair(this.items, _pair.key);
	        const sortEntries = this.schema?.sortMapEntries;
	        if (prev) {
	            if (!overwrite)
	                throw new Error(`Key ${_pair.key} already set`);
	            // For scalars, keep the old node & its comments and anchors
	            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
	                prev.value.value = _pair.value;
	            else
	                prev.value = _pair.value;
	        }
	        else if (sortEntries) {
	            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
	            if (i === -1)
	                this.items.push(_pair);
	            else
	                this.items.splice(i, 0, _pair);
	        }
	        else {
	            this.items.push(_pair);
	        }
	    }
	    delete(key) {
	        const it = findPair(this.items, key);
	        if (!it)
	            return false;
	        const del = this.items.splice(this.items.indexOf(it), 1);
	        return del.length > 0;
	    }
	    get(key, keepScalar) {
	        const it = findPair(this.items, key);
	        const node = it?.value;
	        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
	    }
	    has(key) {
	        return !!findPair(this.items, key);
	    }
	    set(key, value) {
	        this.add(new Pair.Pair(key, value), true);
	    }
	    /**
	     * @param ctx - Conversion context, originally set in Document#toJS()
	     * @param {Class} Type - If set, forces the returned collection type
	     * @returns Instance of Type, Map, or Object
	     */
	    toJSON(_, ctx, Type) {
	        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
	        if (ctx?.onCreate)
	            ctx.onCreate(map);
	        for (const item of this.items)
	            addPairToJSMap.addPairToJSMap(ctx, map, item);
	        return map;
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        for (const item of this.items) {
	            if (!identity.isPair(item))
	                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
	        }
	        if (!ctx.allNullValues && this.hasAllNullValues(false))
	            ctx = Object.assign({}, ctx, { allNullValues: true });
	        return stringifyCollection.stringifyCollection(this, ctx, {
	            blockItemPrefix: '',
	            flowChars: { start: '{', end: '}' },
	            itemIndent: ctx.indent || '',
	            onChompKeep,
	            onComment
	        });
	    }
	};

	YAMLMap.YAMLMap = YAMLMap$1;
	YAMLMap.findPair = findPair;
	return YAMLMap;
}

var hasRequiredMap;

function requireMap () {
	if (hasRequiredMap) return map;
	hasRequiredMap = 1;

	var identity = requireIdentity();
	var YAMLMap = requireYAMLMap();

	const map$1 = {
	    collection: 'map',
	    default: true,
	    nodeClass: YAMLMap.YAMLMap,
	    tag: 'tag:yaml.org,2002:map',
	    resolve(map, onError) {
	        if (!identity.isMap(map))
	            onError('Expected a mapping for this tag');
	        return map;
	    },
	    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
	};

	map.map = map$1;
	return map;
}

var seq = {};

var YAMLSeq = {};

var hasRequiredYAMLSeq;

function requireYAMLSeq () {
	if (hasRequiredYAMLSeq) return YAMLSeq;
	hasRequiredYAMLSeq = 1;

	var createNode = requireCreateNode();
	var stringifyCollection = requireStringifyCollection();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Scalar = requireScalar();
	var toJS = requireToJS();

	let YAMLSeq$1 = class YAMLSeq extends Collection.Collection {
	    static get tagName() {
	        return 'tag:yaml.org,2002:seq';
	    }
	    constructor(schema) {
	        super(identity.SEQ, schema);
	        this.items = [];
	    }
	    add(value) {
	        this.items.push(value);
	    }
	    /**
	     * Removes a value from the collection.
	     *
	     * `key` must contain a representation of an integer for this to succeed.
	     * It may be wrapped in a `Scalar`.
	     *
	     * @returns `true` if the item was found and removed.
	     */
	    delete(key) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            return false;
	        const del = this.items.splice(idx, 1);
	        return del.length > 0;
	    }
	    get(key, keepScalar) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            return undefined;
	        const it = this.items[idx];
	        return !keepScalar && identity.isScalar(it) ? it.value : it;
	    }
	    /**
	     * Checks if the collection includes a value with the key `key`.
	     *
	     * `key` must contain a representation of an integer for this to succeed.
	     * It may be wrapped in a `Scalar`.
	     */
	    has(key) {
	        const idx = asItemIndex(key);
	        return typeof idx === 'number' && idx < this.items.length;
	    }
	    /**
	     * Sets a value in this collection. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     *
	     * If `key` does not contain a representation of an integer, this will throw.
	     * It may be wrapped in a `Scalar`.
	     */
	    set(key, value) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            throw new Error(`Expected a valid index, not ${key}.`);
	        const prev = this.items[idx];
	        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
	            prev.value = value;
	        else
	            this.items[idx] = value;
	    }
	    toJSON(_, ctx) {
	        const seq = [];
	        if (ctx?.onCreate)
	            ctx.onCreate(seq);
	        let i = 0;
	        for (const item of this.items)
	            seq.push(toJS.toJS(item, String(i++), ctx));
	        return seq;
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        return stringifyCollection.stringifyCollection(this, ctx, {
	            blockItemPrefix: '- ',
	            flowChars: { start: '[', end: ']' },
	            itemIndent: (ctx.indent || '') + '  ',
	            onChompKeep,
	            onComment
	        });
	    }
	    static from(schema, obj, ctx) {
	        const { replacer } = ctx;
	        const seq = new this(schema);
	        if (obj && Symbol.iterator in Object(obj)) {
	            let i = 0;
	            for (let it of obj) {
	                if (typeof replacer === 'function') {
	                    const key = obj instanceof Set ? it : String(i++);
	                    it = replacer.call(obj, key, it);
	                }
	                seq.items.push(createNode.createNode(it, undefined, ctx));
	            }
	        }
	        return seq;
	    }
	};
	function asItemIndex(key) {
	    let idx = identity.isScalar(key) ? key.value : key;
	    if (idx && typeof idx === 'string')
	        idx = Number(idx);
	    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
	        ? idx
	        : null;
	}

	YAMLSeq.YAMLSeq = YAMLSeq$1;
	return YAMLSeq;
}

var hasRequiredSeq;

function requireSeq () {
	if (hasRequiredSeq) return seq;
	hasRequiredSeq = 1;

	var identity = requireIdentity();
	var YAMLSeq = requireYAMLSeq();

	const seq$1 = {
	    collection: 'seq',
	    default: true,
	    nodeClass: YAMLSeq.YAMLSeq,
	    tag: 'tag:yaml.org,2002:seq',
	    resolve(seq, onError) {
	        if (!identity.isSeq(seq))
	            onError('Expected a sequence for this tag');
	        return seq;
	    },
	    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
	};

	seq.seq = seq$1;
	return seq;
}

var string = {};

var hasRequiredString;

function requireString () {
	if (hasRequiredString) return string;
	hasRequiredString = 1;

	var stringifyString = requireStringifyString();

	const string$1 = {
	    identify: value => typeof value === 'string',
	    default: true,
	    tag: 'tag:yaml.org,2002:str',
	    resolve: str => str,
	    stringify(item, ctx, onComment, onChompKeep) {
	        ctx = Object.assign({ actualString: true }, ctx);
	        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
	    }
	};

	string.string = string$1;
	return string;
}

var tags = {};

var _null = {};

var hasRequired_null;

function require_null () {
	if (hasRequired_null) return _null;
	hasRequired_null = 1;

	var Scalar = requireScalar();

	const nullTag = {
	    identify: value => value == null,
	    createNode: () => new Scalar.Scalar(null),
	    default: true,
	    tag: 'tag:yaml.org,2002:null',
	    test: /^(?:~|[Nn]ull|NULL)?$/,
	    resolve: () => new Scalar.Scalar(null),
	    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
	        ? source
	        : ctx.options.nullStr
	};

	_null.nullTag = nullTag;
	return _null;
}

var bool$1 = {};

var hasRequiredBool$1;

function requireBool$1 () {
	if (hasRequiredBool$1) return bool$1;
	hasRequiredBool$1 = 1;

	var Scalar = requireScalar();

	const boolTag = {
	    identify: value => typeof value === 'boolean',
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
	    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
	    stringify({ source, value }, ctx) {
	        if (source && boolTag.test.test(source)) {
	            const sv = source[0] === 't' || source[0] === 'T';
	            if (value === sv)
	                return source;
	        }
	        return value ? ctx.options.trueStr : ctx.options.falseStr;
	    }
	};

	bool$1.boolTag = boolTag;
	return bool$1;
}

var float$1 = {};

var stringifyNumber = {};

var hasRequiredStringifyNumber;

function requireStringifyNumber () {
	if (hasRequiredStringifyNumber) return stringifyNumber;
	hasRequiredStringifyNumber = 1;

	function stringifyNumber$1({ format, minFractionDigits, tag, value }) {
	    if (typeof value === 'bigint')
	        return String(value);
	    const num = typeof value === 'number' ? value : Number(value);
	    if (!isFinite(num))
	        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
	    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
	    if (!format &&
	        minFractionDigits &&
	        (!tag || tag === 'tag:yaml.org,2002:float') &&
	        /^-?\d/.test(n) &&
	        !n.includes('e')) {
	        let i = n.indexOf('.');
	        if (i < 0) {
	            i = n.length;
	            n += '.';
	        }
	        let d = minFractionDigits - (n.length - i - 1);
	        while (d-- > 0)
	            n += '0';
	    }
	    return n;
	}

	stringifyNumber.stringifyNumber = stringifyNumber$1;
	return stringifyNumber;
}

var hasRequiredFloat$1;

function requireFloat$1 () {
	if (hasRequiredFloat$1) return float$1;
	hasRequiredFloat$1 = 1;

	var Scalar = requireScalar();
	var stringifyNumber = requireStringifyNumber();

	const floatNaN = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
	    resolve: str => str.slice(-3).toLowerCase() === 'nan'
	        ? NaN
	        : str[0] === '-'
	            ? Number.NEGATIVE_INFINITY
	            : Number.POSITIVE_INFINITY,
	    stringify: stringifyNumber.stringifyNumber
	};
	const floatExp = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'EXP',
	    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
	    resolve: str => parseFloat(str),
	    stringify(node) {
	        const num = Number(node.value);
	        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
	    }
	};
	const float = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
	    resolve(str) {
	        const node = new Scalar.Scalar(parseFloat(str));
	        const dot = str.indexOf('.');
	        if (dot !== -1 && str[str.length - 1] === '0')
	            node.minFractionDigits = str.length - dot - 1;
	        return node;
	    },
	    stringify: stringifyNumber.stringifyNumber
	};

	float$1.float = float;
	float$1.floatExp = floatExp;
	float$1.floatNaN = floatNaN;
	return float$1;
}

var int$1 = {};

var hasRequiredInt$1;

function requireInt$1 () {
	if (hasRequiredInt$1) return int$1;
	hasRequiredInt$1 = 1;

	var stringifyNumber = requireStringifyNumber();

	const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
	const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
	function intStringify(node, radix, prefix) {
	    const { value } = node;
	    if (intIdentify(value) && value >= 0)
	        return prefix + value.toString(radix);
	    return stringifyNumber.stringifyNumber(node);
	}
	const intOct = {
	    identify: value => intIdentify(value) && value >= 0,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'OCT',
	    test: /^0o[0-7]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
	    stringify: node => intStringify(node, 8, '0o')
	};
	const int = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    test: /^[-+]?[0-9]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
	    stringify: stringifyNumber.stringifyNumber
	};
	const intHex = {
	    identify: value => intIdentify(value) && value >= 0,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'HEX',
	    test: /^0x[0-9a-fA-F]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
	    stringify: node => intStringify(node, 16, '0x')
	};

	int$1.int = int;
	int$1.intHex = intHex;
	int$1.intOct = intOct;
	return int$1;
}

var schema$2 = {};

var hasRequiredSchema$3;

function requireSchema$3 () {
	if (hasRequiredSchema$3) return schema$2;
	hasRequiredSchema$3 = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var bool = requireBool$1();
	var float = requireFloat$1();
	var int = requireInt$1();

	const schema = [
	    map.map,
	    seq.seq,
	    string.string,
	    _null.nullTag,
	    bool.boolTag,
	    int.intOct,
	    int.int,
	    int.intHex,
	    float.floatNaN,
	    float.floatExp,
	    float.float
	];

	schema$2.schema = schema;
	return schema$2;
}

var schema$1 = {};

var hasRequiredSchema$2;

function requireSchema$2 () {
	if (hasRequiredSchema$2) return schema$1;
	hasRequiredSchema$2 = 1;

	var Scalar = requireScalar();
	var map = requireMap();
	var seq = requireSeq();

	function intIdentify(value) {
	    return typeof value === 'bigint' || Number.isInteger(value);
	}
	const stringifyJSON = ({ value }) => JSON.stringify(value);
	const jsonScalars = [
	    {
	        identify: value => typeof value === 'string',
	        default: true,
	        tag: 'tag:yaml.org,2002:str',
	        resolve: str => str,
	        stringify: stringifyJSON
	    },
	    {
	        identify: value => value == null,
	        createNode: () => new Scalar.Scalar(null),
	        default: true,
	        tag: 'tag:yaml.org,2002:null',
	        test: /^null$/,
	        resolve: () => null,
	        stringify: stringifyJSON
	    },
	    {
	        identify: value => typeof value === 'boolean',
	        default: true,
	        tag: 'tag:yaml.org,2002:bool',
	        test: /^true$|^false$/,
	        resolve: str => str === 'true',
	        stringify: stringifyJSON
	    },
	    {
	        identify: intIdentify,
	        default: true,
	        tag: 'tag:yaml.org,2002:int',
	        test: /^-?(?:0|[1-9][0-9]*)$/,
	        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
	        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
	    },
	    {
	        identify: value => typeof value === 'number',
	        default: true,
	        tag: 'tag:yaml.org,2002:float',
	        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
	        resolve: str => parseFloat(str),
	        stringify: stringifyJSON
	    }
	];
	const jsonError = {
	    default: true,
	    tag: '',
	    test: /^/,
	    resolve(str, onError) {
	        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
	        return str;
	    }
	};
	const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

	schema$1.schema = schema;
	return schema$1;
}

var binary = {};

var hasRequiredBinary;

function requireBinary () {
	if (hasRequiredBinary) return binary;
	hasRequiredBinary = 1;

	var node_buffer = require$$0$1;
	var Scalar = requireScalar();
	var stringifyString = requireStringifyString();

	const binary$1 = {
	    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
	    default: false,
	    tag: 'tag:yaml.org,2002:binary',
	    /**
	     * Returns a Buffer in node and an Uint8Array in browsers
	     *
	     * To use the resulting buffer as an image, you'll want to do something like:
	     *
	     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
	     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
	     */
	    resolve(src, onError) {
	        if (typeof node_buffer.Buffer === 'function') {
	            return node_buffer.Buffer.from(src, 'base64');
	        }
	        else if (typeof atob === 'function') {
	            // On IE 11, atob() can't handle newlines
	            const str = atob(src.replace(/[\n\r]/g, ''));
	            const buffer = new Uint8Array(str.length);
	            for (let i = 0; i < str.length; ++i)
	                buffer[i] = str.charCodeAt(i);
	            return buffer;
	        }
	        else {
	            onError('This environment does not support reading binary tags; either Buffer or atob is required');
	            return src;
	        }
	    },
	    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
	        if (!value)
	            return '';
	        const buf = value; // checked earlier by binary.identify()
	        let str;
	        if (typeof node_buffer.Buffer === 'function') {
	            str =
	                buf instanceof node_buffer.Buffer
	                    ? buf.toString('base64')
	                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
	        }
	        else if (typeof btoa === 'function') {
	            let s = '';
	            for (let i = 0; i < buf.length; ++i)
	                s += String.fromCharCode(buf[i]);
	            str = btoa(s);
	        }
	        else {
	            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
	        }
	        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
	        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
	            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
	            const n = Math.ceil(str.length / lineWidth);
	            const lines = new Array(n);
	            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
	                lines[i] = str.substr(o, lineWidth);
	            }
	            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
	        }
	        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
	    }
	};

	binary.binary = binary$1;
	return binary;
}

var omap = {};

var pairs = {};

var hasRequiredPairs;

function requirePairs () {
	if (hasRequiredPairs) return pairs;
	hasRequiredPairs = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();
	var YAMLSeq = requireYAMLSeq();

	function resolvePairs(seq, onError) {
	    if (identity.isSeq(seq)) {
	        for (let i = 0; i < seq.items.length; ++i) {
	            let item = seq.items[i];
	            if (identity.isPair(item))
	                continue;
	            else if (identity.isMap(item)) {
	                if (item.items.length > 1)
	                    onError('Each pair must have its own sequence indicator');
	                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
	                if (item.commentBefore)
	                    pair.key.commentBefore = pair.key.commentBefore
	                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
	                        : item.commentBefore;
	                if (item.comment) {
	                    const cn = pair.value ?? pair.key;
	                    cn.comment = cn.comment
	                        ? `${item.comment}\n${cn.comment}`
	                        : item.comment;
	                }
	                item = pair;
	            }
	            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
	        }
	    }
	    else
	        onError('Expected a sequence for this tag');
	    return seq;
	}
	function createPairs(schema, iterable, ctx) {
	    const { replacer } = ctx;
	    const pairs = new YAMLSeq.YAMLSeq(schema);
	    pairs.tag = 'tag:yaml.org,2002:pairs';
	    let i = 0;
	    if (iterable && Symbol.iterator in Object(iterable))
	        for (let it of iterable) {
	            if (typeof replacer === 'function')
	                it = replacer.call(iterable, String(i++), it);
	            let key, value;
	            if (Array.isArray(it)) {
	                if (it.length === 2) {
	                    key = it[0];
	                    value = it[1];
	                }
	                else
	                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
	            }
	            else if (it && it instanceof Object) {
	                const keys = Object.keys(it);
	                if (keys.length === 1) {
	                    key = keys[0];
	                    value = it[key];
	                }
	                else {
	                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
	                }
	            }
	            else {
	                key = it;
	            }
	            pairs.items.push(Pair.createPair(key, value, ctx));
	        }
	    return pairs;
	}
	const pairs$1 = {
	    collection: 'seq',
	    default: false,
	    tag: 'tag:yaml.org,2002:pairs',
	    resolve: resolvePairs,
	    createNode: createPairs
	};

	pairs.createPairs = createPairs;
	pairs.pairs = pairs$1;
	pairs.resolvePairs = resolvePairs;
	return pairs;
}

var hasRequiredOmap;

function requireOmap () {
	if (hasRequiredOmap) return omap;
	hasRequiredOmap = 1;

	var identity = requireIdentity();
	var toJS = requireToJS();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var pairs = requirePairs();

	class YAMLOMap extends YAMLSeq.YAMLSeq {
	    constructor() {
	        super();
	        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
	        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
	        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
	        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
	        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
	        this.tag = YAMLOMap.tag;
	    }
	    /**
	     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
	     * but TypeScript won't allow widening the signature of a child method.
	     */
	    toJSON(_, ctx) {
	        if (!ctx)
	            return super.toJSON(_);
	        const map = new Map();
	        if (ctx?.onCreate)
	            ctx.onCreate(map);
	        for (const pair of this.items) {
	            let key, value;
	            if (identity.isPair(pair)) {
	                key = toJS.toJS(pair.key, '', ctx);
	                value = toJS.toJS(pair.value, key, ctx);
	            }
	            else {
	                key = toJS.toJS(pair, '', ctx);
	            }
	            if (map.has(key))
	                throw new Error('Ordered maps must not include duplicate keys');
	            map.set(key, value);
	        }
	        return map;
	    }
	    static from(schema, iterable, ctx) {
	        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
	        const omap = new this();
	        omap.items = pairs$1.items;
	        return omap;
	    }
	}
	YAMLOMap.tag = 'tag:yaml.org,2002:omap';
	const omap$1 = {
	    collection: 'seq',
	    identify: value => value instanceof Map,
	    nodeClass: YAMLOMap,
	    default: false,
	    tag: 'tag:yaml.org,2002:omap',
	    resolve(seq, onError) {
	        const pairs$1 = pairs.resolvePairs(seq, onError);
	        const seenKeys = [];
	        for (const { key } of pairs$1.items) {
	            if (identity.isScalar(key)) {
	                if (seenKeys.includes(key.value)) {
	                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
	                }
	                else {
	                    seenKeys.push(key.value);
	                }
	            }
	        }
	        return Object.assign(new YAMLOMap(), pairs$1);
	    },
	    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
	};

	omap.YAMLOMap = YAMLOMap;
	omap.omap = omap$1;
	return omap;
}

var schema = {};

var bool = {};

var hasRequiredBool;

function requireBool () {
	if (hasRequiredBool) return bool;
	hasRequiredBool = 1;

	var Scalar = requireScalar();

	function boolStringify({ value, source }, ctx) {
	    const boolObj = value ? trueTag : falseTag;
	    if (source && boolObj.test.test(source))
	        return source;
	    return value ? ctx.options.trueStr : ctx.options.falseStr;
	}
	const trueTag = {
	    identify: value => value === true,
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
	    resolve: () => new Scalar.Scalar(true),
	    stringify: boolStringify
	};
	const falseTag = {
	    identify: value => value === false,
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
	    resolve: () => new Scalar.Scalar(false),
	    stringify: boolStringify
	};

	bool.falseTag = falseTag;
	bool.trueTag = trueTag;
	return bool;
}

var float = {};

var hasRequiredFloat;

function requireFloat () {
	if (hasRequiredFloat) return float;
	hasRequiredFloat = 1;

	var Scalar = requireScalar();
	var stringifyNumber = requireStringifyNumber();

	const floatNaN = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
	    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
	        ? NaN
	        : str[0] === '-'
	            ? Number.NEGATIVE_INFINITY
	            : Number.POSITIVE_INFINITY,
	    stringify: stringifyNumber.stringifyNumber
	};
	const floatExp = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'EXP',
	    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
	    resolve: (str) => parseFloat(str.replace(/_/g, '')),
	    stringify(node) {
	        const num = Number(node.value);
	        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
	    }
	};
	const float$1 = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
	    resolve(str) {
	        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
	        const dot = str.indexOf('.');
	        if (dot !== -1) {
	            const f = str.substring(dot + 1).replace(/_/g, '');
	            if (f[f.length - 1] === '0')
	                node.minFractionDigits = f.length;
	        }
	        return node;
	    },
	    stringify: stringifyNumber.stringifyNumber
	};

	float.float = float$1;
	float.floatExp = floatExp;
	float.floatNaN = floatNaN;
	return float;
}

var int = {};

var hasRequiredInt;

function requireInt () {
	if (hasRequiredInt) return int;
	hasRequiredInt = 1;

	var stringifyNumber = requireStringifyNumber();

	const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
	function intResolve(str, offset, radix, { intAsBigInt }) {
	    const sign = str[0];
	    if (sign === '-' || sign === '+')
	        offset += 1;
	    str = str.substring(offset).replace(/_/g, '');
	    if (intAsBigInt) {
	        switch (radix) {
	            case 2:
	                str = `0b${str}`;
	                break;
	            case 8:
	                str = `0o${str}`;
	                break;
	            case 16:
	                str = `0x${str}`;
	                break;
	        }
	        const n = BigInt(str);
	        return sign === '-' ? BigInt(-1) * n : n;
	    }
	    const n = parseInt(str, radix);
	    return sign === '-' ? -1 * n : n;
	}
	function intStringify(node, radix, prefix) {
	    const { value } = node;
	    if (intIdentify(value)) {
	        const str = value.toString(radix);
	        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
	    }
	    return stringifyNumber.stringifyNumber(node);
	}
	const intBin = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'BIN',
	    test: /^[-+]?0b[0-1_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
	    stringify: node => intStringify(node, 2, '0b')
	};
	const intOct = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'OCT',
	    test: /^[-+]?0[0-7_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
	    stringify: node => intStringify(node, 8, '0')
	};
	const int$1 = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    test: /^[-+]?[0-9][0-9_]*$/,
	    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
	    stringify: stringifyNumber.stringifyNumber
	};
	const intHex = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'HEX',
	    test: /^[-+]?0x[0-9a-fA-F_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
	    stringify: node => intStringify(node, 16, '0x')
	};

	int.int = int$1;
	int.intBin = intBin;
	int.intHex = intHex;
	int.intOct = intOct;
	return int;
}

var set = {};

var hasRequiredSet;

function requireSet () {
	if (hasRequiredSet) return set;
	hasRequiredSet = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();

	class YAMLSet extends YAMLMap.YAMLMap {
	    constructor(schema) {
	        super(schema);
	        this.tag = YAMLSet.tag;
	    }
	    add(key) {
	        let pair;
	        if (identity.isPair(key))
	            pair = key;
	        else if (key &&
	            typeof key === 'object' &&
	            'key' in key &&
	            'value' in key &&
	            key.value === null)
	            pair = new Pair.Pair(key.key, null);
	        else
	            pair = new Pair.Pair(key, null);
	        const prev = YAMLMap.findPair(this.items, pair.key);
	        if (!prev)
	            this.items.push(pair);
	    }
	    /**
	     * If `keepPair` is `true`, returns the Pair matching `key`.
	     * Otherwise, returns the value of that Pair's key.
	     */
	    get(key, keepPair) {
	        const pair = YAMLMap.findPair(this.items, key);
	        return !keepPair && identity.isPair(pair)
	            ? identity.isScalar(pair.key)
	                ? pair.key.value
	                : pair.key
	            : pair;
	    }
	    set(key, value) {
	        if (typeof value !== 'boolean')
	            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
	        const prev = YAMLMap.findPair(this.items, key);
	        if (prev && !value) {
	            this.items.splice(this.items.indexOf(prev), 1);
	        }
	        else if (!prev && value) {
	            this.items.push(new Pair.Pair(key));
	        }
	    }
	    toJSON(_, ctx) {
	        return super.toJSON(_, ctx, Set);
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        if (this.hasAllNullValues(true))
	            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
	        else
	            throw new Error('Set items must all have null values');
	    }
	    static from(schema, iterable, ctx) {
	        const { replacer } = ctx;
	        const set = new this(schema);
	        if (iterable && Symbol.iterator in Object(iterable))
	            for (let value of iterable) {
	                if (typeof replacer === 'function')
	                    value = replacer.call(iterable, value, value);
	                set.items.push(Pair.createPair(value, null, ctx));
	            }
	        return set;
	    }
	}
	YAMLSet.tag = 'tag:yaml.org,2002:set';
	const set$1 = {
	    collection: 'map',
	    identify: value => value instanceof Set,
	    nodeClass: YAMLSet,
	    default: false,
	    tag: 'tag:yaml.org,2002:set',
	    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
	    resolve(map, onError) {
	        if (identity.isMap(map)) {
	            if (map.hasAllNullValues(true))
	                return Object.assign(new YAMLSet(), map);
	            else
	                onError('Set items must all have null values');
	        }
	        else
	            onError('Expected a mapping for this tag');
	        return map;
	    }
	};

	set.YAMLSet = YAMLSet;
	set.set = set$1;
	return set;
}

var timestamp = {};

var hasRequiredTimestamp;

function requireTimestamp () {
	if (hasRequiredTimestamp) return timestamp;
	hasRequiredTimestamp = 1;

	var stringifyNumber = requireStringifyNumber();

	/** Internal types handle bigint as number, because TS can't figure it out. */
	function parseSexagesimal(str, asBigInt) {
	    const sign = str[0];
	    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
	    const num = (n) => asBigInt ? BigInt(n) : Number(n);
	    const res = parts
	        .replace(/_/g, '')
	        .split(':')
	        .reduce((res, p) => res * num(60) + num(p), num(0));
	    return (sign === '-' ? num(-1) * res : res);
	}
	/**
	 * hhhh:mm:ss.sss
	 *
	 * Internal types handle bigint as number, because TS can't figure it out.
	 */
	function stringifySexagesimal(node) {
	    let { value } = node;
	    let num = (n) => n;
	    if (typeof value === 'bigint')
	        num = n => BigInt(n);
	    else if (isNaN(value) || !isFinite(value))
	        return stringifyNumber.stringifyNumber(node);
	    let sign = '';
	    if (value < 0) {
	        sign = '-';
	        value *= num(-1);
	    }
	    const _60 = num(60);
	    const parts = [value % _60]; // seconds, including ms
	    if (value < 60) {
	        parts.unshift(0); // at least one : is required
	    }
	    else {
	        value = (value - parts[0]) / _60;
	        parts.unshift(value % _60); // minutes
	        if (value >= 60) {
	            value = (value - parts[0]) / _60;
	            parts.unshift(value); // hours
	        }
	    }
	    return (sign +
	        parts
	            .map(n => String(n).padStart(2, '0'))
	            .join(':')
	            .replace(/000000\d*$/, '') // % 60 may introduce error
	    );
	}
	const intTime = {
	    identify: value => typeof value === 'bigint' || Number.isInteger(value),
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'TIME',
	    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
	    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
	    stringify: stringifySexagesimal
	};
	const floatTime = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'TIME',
	    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
	    resolve: str => parseSexagesimal(str, false),
	    stringify: stringifySexagesimal
	};
	const timestamp$1 = {
	    identify: value => value instanceof Date,
	    default: true,
	    tag: 'tag:yaml.org,2002:timestamp',
	    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
	    // may be omitted altogether, resulting in a date format. In such a case, the time part is
	    // assumed to be 00:00:00Z (start of day, UTC).
	    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
	        '(?:' + // time is optional
	        '(?:t|T|[ \\t]+)' + // t | T | whitespace
	        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
	        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
	        ')?$'),
	    resolve(str) {
	        const match = str.match(timestamp$1.test);
	        if (!match)
	            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
	        const [, year, month, day, hour, minute, second] = match.map(Number);
	        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
	        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
	        const tz = match[8];
	        if (tz && tz !== 'Z') {
	            let d = parseSexagesimal(tz, false);
	            if (Math.abs(d) < 30)
	                d *= 60;
	            date -= 60000 * d;
	        }
	        return new Date(date);
	    },
	    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
	};

	timestamp.floatTime = floatTime;
	timestamp.intTime = intTime;
	timestamp.timestamp = timestamp$1;
	return timestamp;
}

var hasRequiredSchema$1;

function requireSchema$1 () {
	if (hasRequiredSchema$1) return schema;
	hasRequiredSchema$1 = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var binary = requireBinary();
	var bool = requireBool();
	var float = requireFloat();
	var int = requireInt();
	var merge = requireMerge();
	var omap = requireOmap();
	var pairs = requirePairs();
	var set = requireSet();
	var timestamp = requireTimestamp();

	const schema$1 = [
	    map.map,
	    seq.seq,
	    string.string,
	    _null.nullTag,
	    bool.trueTag,
	    bool.falseTag,
	    int.intBin,
	    int.intOct,
	    int.int,
	    int.intHex,
	    float.floatNaN,
	    float.floatExp,
	    float.float,
	    binary.binary,
	    merge.merge,
	    omap.omap,
	    pairs.pairs,
	    set.set,
	    timestamp.intTime,
	    timestamp.floatTime,
	    timestamp.timestamp
	];

	schema.schema = schema$1;
	return schema;
}

var hasRequiredTags;

function requireTags () {
	if (hasRequiredTags) return tags;
	hasRequiredTags = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var bool = requireBool$1();
	var float = requireFloat$1();
	var int = requireInt$1();
	var schema = requireSchema$3();
	var schema$1 = requireSchema$2();
	var binary = requireBinary();
	var merge = requireMerge();
	var omap = requireOmap();
	var pairs = requirePairs();
	var schema$2 = requireSchema$1();
	var set = requireSet();
	var timestamp = requireTimestamp();

	const schemas = new Map([
	    ['core', schema.schema],
	    ['failsafe', [map.map, seq.seq, string.string]],
	    ['json', schema$1.schema],
	    ['yaml11', schema$2.schema],
	    ['yaml-1.1', schema$2.schema]
	]);
	const tagsByName = {
	    binary: binary.binary,
	    bool: bool.boolTag,
	    float: float.float,
	    floatExp: float.floatExp,
	    floatNaN: float.floatNaN,
	    floatTime: timestamp.floatTime,
	    int: int.int,
	    intHex: int.intHex,
	    intOct: int.intOct,
	    intTime: timestamp.intTime,
	    map: map.map,
	    merge: merge.merge,
	    null: _null.nullTag,
	    omap: omap.omap,
	    pairs: pairs.pairs,
	    seq: seq.seq,
	    set: set.set,
	    timestamp: timestamp.timestamp
	};
	const coreKnownTags = {
	    'tag:yaml.org,2002:binary': binary.binary,
	    'tag:yaml.org,2002:merge': merge.merge,
	    'tag:yaml.org,2002:omap': omap.omap,
	    'tag:yaml.org,2002:pairs': pairs.pairs,
	    'tag:yaml.org,2002:set': set.set,
	    'tag:yaml.org,2002:timestamp': timestamp.timestamp
	};
	function getTags(customTags, schemaName, addMergeTag) {
	    const schemaTags = schemas.get(schemaName);
	    if (schemaTags && !customTags) {
	        return addMergeTag && !schemaTags.includes(merge.merge)
	            ? schemaTags.concat(merge.merge)
	            : schemaTags.slice();
	    }
	    let tags = schemaTags;
	    if (!tags) {
	        if (Array.isArray(customTags))
	            tags = [];
	        else {
	            const keys = Array.from(schemas.keys())
	                .filter(key => key !== 'yaml11')
	                .map(key => JSON.stringify(key))
	                .join(', ');
	            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
	        }
	    }
	    if (Array.isArray(customTags)) {
	        for (const tag of customTags)
	            tags = tags.concat(tag);
	    }
	    else if (typeof customTags === 'function') {
	        tags = customTags(tags.slice());
	    }
	    if (addMergeTag)
	        tags = tags.concat(merge.merge);
	    return tags.reduce((tags, tag) => {
	        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
	        if (!tagObj) {
	            const tagName = JSON.stringify(tag);
	            const keys = Object.keys(tagsByName)
	                .map(key => JSON.stringify(key))
	                .join(', ');
	            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
	        }
	        if (!tags.includes(tagObj))
	            tags.push(tagObj);
	        return tags;
	    }, []);
	}

	tags.coreKnownTags = coreKnownTags;
	tags.getTags = getTags;
	return tags;
}

var hasRequiredSchema;

function requireSchema () {
	if (hasRequiredSchema) return Schema$1;
	hasRequiredSchema = 1;

	var identity = requireIdentity();
	var map = requireMap();
	var seq = requireSeq();
	var string = requireString();
	var tags = requireTags();

	const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
	class Schema {
	    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
	        this.compat = Array.isArray(compat)
	            ? tags.getTags(compat, 'compat')
	            : compat
	                ? tags.getTags(null, compat)
	                : null;
	        this.name = (typeof schema === 'string' && schema) || 'core';
	        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
	        this.tags = tags.getTags(customTags, this.name, merge);
	        this.toStringOptions = toStringDefaults ?? null;
	        Object.defineProperty(this, identity.MAP, { value: map.map });
	        Object.defineProperty(this, identity.SCALAR, { value: string.string });
	        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
	        // Used by createMap()
	        this.sortMapEntries =
	            typeof sortMapEntries === 'function'
	                ? sortMapEntries
	                : sortMapEntries === true
	                    ? sortMapEntriesByKey
	                    : null;
	    }
	    clone() {
	        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
	        copy.tags = this.tags.slice();
	        return copy;
	    }
	}

	Schema$1.Schema = Schema;
	return Schema$1;
}

var stringifyDocument = {};

var hasRequiredStringifyDocument;

function requireStringifyDocument () {
	if (hasRequiredStringifyDocument) return stringifyDocument;
	hasRequiredStringifyDocument = 1;

	var identity = requireIdentity();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyDocument$1(doc, options) {
	    const lines = [];
	    let hasDirectives = options.directives === true;
	    if (options.directives !== false && doc.directives) {
	        const dir = doc.directives.toString(doc);
	        if (dir) {
	            lines.push(dir);
	            hasDirectives = true;
	        }
	        else if (doc.directives.docStart)
	            hasDirectives = true;
	    }
	    if (hasDirectives)
	        lines.push('---');
	    const ctx = stringify.createStringifyContext(doc, options);
	    const { commentString } = ctx.options;
	    if (doc.commentBefore) {
	        if (lines.length !== 1)
	            lines.unshift('');
	        const cs = commentString(doc.commentBefore);
	        lines.unshift(stringifyComment.indentComment(cs, ''));
	    }
	    let chompKeep = false;
	    let contentComment = null;
	    if (doc.contents) {
	        if (identity.isNode(doc.contents)) {
	            if (doc.contents.spaceBefore && hasDirectives)
	                lines.push('');
	            if (doc.contents.commentBefore) {
	                const cs = commentString(doc.contents.commentBefore);
	                lines.push(stringifyComment.indentComment(cs, ''));
	            }
	            // top-level block scalars need to be indented if followed by a comment
	            ctx.forceBlockIndent = !!doc.comment;
	            contentComment = doc.contents.comment;
	        }
	        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
	        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
	        if (contentComment)
	            body += stringifyComment.lineComment(body, '', commentString(contentComment));
	        if ((body[0] === '|' || body[0] === '>') &&
	            lines[lines.length - 1] === '---') {
	            // Top-level block scalars with a preceding doc marker ought to use the
	            // same line for their header.
	            lines[lines.length - 1] = `--- ${body}`;
	        }
	        else
	            lines.push(body);
	    }
	    else {
	        lines.push(stringify.stringify(doc.contents, ctx));
	    }
	    if (doc.directives?.docEnd) {
	        if (doc.comment) {
	            const cs = commentString(doc.comment);
	            if (cs.includes('\n')) {
	                lines.push('...');
	                lines.push(stringifyComment.indentComment(cs, ''));
	            }
	            else {
	                lines.push(`... ${cs}`);
	            }
	        }
	        else {
	            lines.push('...');
	        }
	    }
	    else {
	        let dc = doc.comment;
	        if (dc && chompKeep)
	            dc = dc.replace(/^\n+/, '');
	        if (dc) {
	            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
	                lines.push('');
	            lines.push(stringifyComment.indentComment(commentString(dc), ''));
	        }
	    }
	    return lines.join('\n') + '\n';
	}

	stringifyDocument.stringifyDocument = stringifyDocument$1;
	return stringifyDocument;
}

var hasRequiredDocument;

function requireDocument () {
	if (hasRequiredDocument) return Document;
	hasRequiredDocument = 1;

	var Alias = requireAlias();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Pair = requirePair();
	var toJS = requireToJS();
	var Schema = requireSchema();
	var stringifyDocument = requireStringifyDocument();
	var anchors = requireAnchors();
	var applyReviver = requireApplyReviver();
	var createNode = requireCreateNode();
	var directives = requireDirectives();

	let Document$1 = class Document {
	    constructor(value, replacer, options) {
	        /** A comment before this Document */
	        this.commentBefore = null;
	        /** A comment immediately after this Document */
	        this.comment = null;
	        /** Errors encountered during parsing. */
	        this.errors = [];
	        /** Warnings encountered during parsing. */
	        this.warnings = [];
	        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
	        let _replacer = null;
	        if (typeof replacer === 'function' || Array.isArray(replacer)) {
	            _replacer = replacer;
	        }
	        else if (options === undefined && replacer) {
	            options = replacer;
	            replacer = undefined;
	        }
	        const opt = Object.assign({
	            intAsBigInt: false,
	            keepSourceTokens: false,
	            logLevel: 'warn',
	            prettyErrors: true,
	            strict: true,
	            stringKeys: false,
	            uniqueKeys: true,
	            version: '1.2'
	        }, options);
	        this.options = opt;
	        let { version } = opt;
	        if (options?._directives) {
	            this.directives = options._directives.atDocument();
	            if (this.directives.yaml.explicit)
	                version = this.directives.yaml.version;
	        }
	        else
	            this.directives = new directives.Directives({ version });
	        this.setSchema(version, options);
	        // @ts-expect-error We can't really know that this matches Contents.
	        this.contents =
	            value === undefined ? null : this.createNode(value, _replacer, options);
	    }
	    /**
	     * Create a deep copy of this Document and its contents.
	     *
	     * Custom Node values that inherit from `Object` still refer to their original instances.
	     */
	    clone() {
	        const copy = Object.create(Document.prototype, {
	            [identity.NODE_TYPE]: { value: identity.DOC }
	        });
	        copy.commentBefore = this.commentBefore;
	        copy.comment = this.comment;
	        copy.errors = this.errors.slice();
	        copy.warnings = this.warnings.slice();
	        copy.options = Object.assign({}, this.options);
	        if (this.directives)
	            copy.directives = this.directives.clone();
	        copy.schema = this.schema.clone();
	        // @ts-expect-error We can't really know that this matches Contents.
	        copy.contents = identity.isNode(this.contents)
	            ? this.contents.clone(copy.schema)
	            : this.contents;
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /** Adds a value to the document. */
	    add(value) {
	        if (assertCollection(this.contents))
	            this.contents.add(value);
	    }
	    /** Adds a value to the document. */
	    addIn(path, value) {
	        if (assertCollection(this.contents))
	            this.contents.addIn(path, value);
	    }
	    /**
	     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
	     *
	     * If `node` already has an anchor, `name` is ignored.
	     * Otherwise, the `node.anchor` value will be set to `name`,
	     * or if an anchor with that name is already present in the document,
	     * `name` will be used as a prefix for a new unique anchor.
	     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
	     */
	    createAlias(node, name) {
	        if (!node.anchor) {
	            const prev = anchors.anchorNames(this);
	            node.anchor =
	                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
	        }
	        return new Alias.Alias(node.anchor);
	    }
	    createNode(value, replacer, options) {
	        let _replacer = undefined;
	        if (typeof replacer === 'function') {
	            value = replacer.call({ '': value }, '', value);
	            _replacer = replacer;
	        }
	        else if (Array.isArray(replacer)) {
	            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
	            const asStr = replacer.filter(keyToStr).map(String);
	            if (asStr.length > 0)
	                replacer = replacer.concat(asStr);
	            _replacer = replacer;
	        }
	        else if (options === undefined && replacer) {
	            options = replacer;
	            replacer = undefined;
	        }
	        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
	        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
	        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	        anchorPrefix || 'a');
	        const ctx = {
	            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
	            keepUndefined: keepUndefined ?? false,
	            onAnchor,
	            onTagObj,
	            replacer: _replacer,
	            schema: this.schema,
	            sourceObjects
	        };
	        const node = createNode.createNode(value, tag, ctx);
	        if (flow && identity.isCollection(node))
	            node.flow = true;
	        setAnchors();
	        return node;
	    }
	    /**
	     * Convert a key and a value into a `Pair` using the current schema,
	     * recursively wrapping all values as `Scalar` or `Collection` nodes.
	     */
	    createPair(key, value, options = {}) {
	        const k = this.createNode(key, null, options);
	        const v = this.createNode(value, null, options);
	        return new Pair.Pair(k, v);
	    }
	    /**
	     * Removes a value from the document.
	     * @returns `true` if the item was found and removed.
	     */
	    delete(key) {
	        return assertCollection(this.contents) ? this.contents.delete(key) : false;
	    }
	    /**
	     * Removes a value from the document.
	     * @returns `true` if the item was found and removed.
	     */
	    deleteIn(path) {
	        if (Collection.isEmptyPath(path)) {
	            if (this.contents == null)
	                return false;
	            // @ts-expect-error Presumed impossible if Strict extends false
	            this.contents = null;
	            return true;
	        }
	        return assertCollection(this.contents)
	            ? this.contents.deleteIn(path)
	            : false;
	    }
	    /**
	     * Returns item at `key`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    get(key, keepScalar) {
	        return identity.isCollection(this.contents)
	            ? this.contents.get(key, keepScalar)
	            : undefined;
	    }
	    /**
	     * Returns item at `path`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    getIn(path, keepScalar) {
	        if (Collection.isEmptyPath(path))
	            return !keepScalar && identity.isScalar(this.contents)
	                ? this.contents.value
	                : this.contents;
	        return identity.isCollection(this.contents)
	            ? this.contents.getIn(path, keepScalar)
	            : undefined;
	    }
	    /**
	     * Checks if the document includes a value with the key `key`.
	     */
	    has(key) {
	        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
	    }
	    /**
	     * Checks if the document includes a value at `path`.
	     */
	    hasIn(path) {
	        if (Collection.isEmptyPath(path))
	            return this.contents !== undefined;
	        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
	    }
	    /**
	     * Sets a value in this document. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    set(key, value) {
	        if (this.contents == null) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = Collection.collectionFromPath(this.schema, [key], value);
	        }
	        else if (assertCollection(this.contents)) {
	            this.contents.set(key, value);
	        }
	    }
	    /**
	     * Sets a value in this document. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    setIn(path, value) {
	        if (Collection.isEmptyPath(path)) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = value;
	        }
	        else if (this.contents == null) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
	        }
	        else if (assertCollection(this.contents)) {
	            this.contents.setIn(path, value);
	        }
	    }
	    /**
	     * Change the YAML version and schema used by the document.
	     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
	     * It also requires the `schema` option to be given as a `Schema` instance value.
	     *
	     * Overrides all previously set schema options.
	     */
	    setSchema(version, options = {}) {
	        if (typeof version === 'number')
	            version = String(version);
	        let opt;
	        switch (version) {
	            case '1.1':
	                if (this.directives)
	                    this.directives.yaml.version = '1.1';
	                else
	                    this.directives = new directives.Directives({ version: '1.1' });
	                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
	                break;
	            case '1.2':
	            case 'next':
	                if (this.directives)
	                    this.directives.yaml.version = version;
	                else
	                    this.directives = new directives.Directives({ version });
	                opt = { resolveKnownTags: true, schema: 'core' };
	                break;
	            case null:
	                if (this.directives)
	                    delete this.directives;
	                opt = null;
	                break;
	            default: {
	                const sv = JSON.stringify(version);
	                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
	            }
	        }
	        // Not using `instanceof Schema` to allow for duck typing
	        if (options.schema instanceof Object)
	            this.schema = options.schema;
	        else if (opt)
	            this.schema = new Schema.Schema(Object.assign(opt, options));
	        else
	            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
	    }
	    // json & jsonArg are only used from toJSON()
	    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
	        const ctx = {
	            anchors: new Map(),
	            doc: this,
	            keep: !json,
	            mapAsMap: mapAsMap === true,
	            mapKeyWarned: false,
	            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
	        };
	        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
	        if (typeof onAnchor === 'function')
	            for (const { count, res } of ctx.anchors.values())
	                onAnchor(res, count);
	        return typeof reviver === 'function'
	            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
	            : res;
	    }
	    /**
	     * A JSON representation of the document `contents`.
	     *
	     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
	     *   property name.
	     */
	    toJSON(jsonArg, onAnchor) {
	        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
	    }
	    /** A YAML representation of the document. */
	    toString(options = {}) {
	        if (this.errors.length > 0)
	            throw new Error('Document with errors cannot be stringified');
	        if ('indent' in options &&
	            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
	            const s = JSON.stringify(options.indent);
	            throw new Error(`"indent" option must be a positive integer, not ${s}`);
	        }
	        return stringifyDocument.stringifyDocument(this, options);
	    }
	};
	function assertCollection(contents) {
	    if (identity.isCollection(contents))
	        return true;
	    throw new Error('Expected a YAML collection as document contents');
	}

	Document.Document = Document$1;
	return Document;
}

var errors$1 = {};

var hasRequiredErrors$1;

function requireErrors$1 () {
	if (hasRequiredErrors$1) return errors$1;
	hasRequiredErrors$1 = 1;

	class YAMLError extends Error {
	    constructor(name, pos, code, message) {
	        super();
	        this.name = name;
	        this.code = code;
	        this.message = message;
	        this.pos = pos;
	    }
	}
	class YAMLParseError extends YAMLError {
	    constructor(pos, code, message) {
	        super('YAMLParseError', pos, code, message);
	    }
	}
	class YAMLWarning extends YAMLError {
	    constructor(pos, code, message) {
	        super('YAMLWarning', pos, code, message);
	    }
	}
	const prettifyError = (src, lc) => (error) => {
	    if (error.pos[0] === -1)
	        return;
	    error.linePos = error.pos.map(pos => lc.linePos(pos));
	    const { line, col } = error.linePos[0];
	    error.message += ` at line ${line}, column ${col}`;
	    let ci = col - 1;
	    let lineStr = src
	        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
	        .replace(/[\n\r]+$/, '');
	    // Trim to max 80 chars, keeping col position near the middle
	    if (ci >= 60 && lineStr.length > 80) {
	        const trimStart = Math.min(ci - 39, lineStr.length - 79);
	        lineStr = '…' + lineStr.substring(trimStart);
	        ci -= trimStart - 1;
	    }
	    if (lineStr.length > 80)
	        lineStr = lineStr.substring(0, 79) + '…';
	    // Include previous line in context if pointing at line start
	    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
	        // Regexp won't match if start is trimmed
	        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
	        if (prev.length > 80)
	            prev = prev.substring(0, 79) + '…\n';
	        lineStr = prev + lineStr;
	    }
	    if (/[^ ]/.test(lineStr)) {
	        let count = 1;
	        const end = error.linePos[1];
	        if (end?.line === line && end.col > col) {
	            count = Math.max(1, Math.min(end.col - col, 80 - ci));
	        }
	        const pointer = ' '.repeat(ci) + '^'.repeat(count);
	        error.message += `:\n\n${lineStr}\n${pointer}\n`;
	    }
	};

	errors$1.YAMLError = YAMLError;
	errors$1.YAMLParseError = YAMLParseError;
	errors$1.YAMLWarning = YAMLWarning;
	errors$1.prettifyError = prettifyError;
	return errors$1;
}

var composeDoc = {};

var composeNode = {};

var composeCollection = {};

var resolveBlockMap = {};

var resolveProps = {};

var hasRequiredResolveProps;

function requireResolveProps () {
	if (hasRequiredResolveProps) return resolveProps;
	hasRequiredResolveProps = 1;

	function resolveProps$1(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
	    let spaceBefore = false;
	    let atNewline = startOnNewline;
	    let hasSpace = startOnNewline;
	    let comment = '';
	    let commentSep = '';
	    let hasNewline = false;
	    let reqSpace = false;
	    let tab = null;
	    let anchor = null;
	    let tag = null;
	    let newlineAfterProp = null;
	    let comma = null;
	    let found = null;
	    let start = null;
	    for (const token of tokens) {
	        if (reqSpace) {
	            if (token.type !== 'space' &&
	                token.type !== 'newline' &&
	                token.type !== 'comma')
	                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
	            reqSpace = false;
	        }
	        if (tab) {
	            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
	                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
	            }
	            tab = null;
	        }
	        switch (token.type) {
	            case 'space':
	                // At the doc level, tabs at line start may be parsed
	                // as leading white space rather than indentation.
	                // In a flow collection, only the parser handles indent.
	                if (!flow &&
	                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
	                    token.source.includes('\t')) {
	                    tab = token;
	                }
	                hasSpace = true;
	                break;
	            case 'comment': {
	                if (!hasSpace)
	                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
	                const cb = token.source.substring(1) || ' ';
	                if (!comment)
	                    comment = cb;
	                else
	                    comment += commentSep + cb;
	                commentSep = '';
	                atNewline = false;
	                break;
	            }
	            case 'newline':
	                if (atNewline) {
	                    if (comment)
	                        comment += token.source;
	                    else if (!found || indicator !== 'seq-item-ind')
	                        spaceBefore = true;
	                }
	                else
	                    commentSep += token.source;
	                atNewline = true;
	                hasNewline = true;
	                if (anchor || tag)
	                    newlineAfterProp = token;
	                hasSpace = true;
	                break;
	            case 'anchor':
	                if (anchor)
	                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
	                if (token.source.endsWith(':'))
	                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
	                anchor = token;
	                start ?? (start = token.offset);
	                atNewline = false;
	                hasSpace = false;
	                reqSpace = true;
	                break;
	            case 'tag': {
	                if (tag)
	                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
	                tag = token;
	                start ?? (start = token.offset);
	                atNewline = false;
	                hasSpace = false;
	                reqSpace = true;
	                break;
	            }
	            case indicator:
	                // Could here handle preceding comments differently
	                if (anchor || tag)
	                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
	                if (found)
	                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
	                found = token;
	                atNewline =
	                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
	                hasSpace = false;
	                break;
	            case 'comma':
	                if (flow) {
	                    if (comma)
	                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
	                    comma = token;
	                    atNewline = false;
	                    hasSpace = false;
	                    break;
	                }
	            // else fallthrough
	            default:
	                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
	                atNewline = false;
	                hasSpace = false;
	        }
	    }
	    const last = tokens[tokens.length - 1];
	    const end = last ? last.offset + last.source.length : offset;
	    if (reqSpace &&
	        next &&
	        next.type !== 'space' &&
	        next.type !== 'newline' &&
	        next.type !== 'comma' &&
	        (next.type !== 'scalar' || next.source !== '')) {
	        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
	    }
	    if (tab &&
	        ((atNewline && tab.indent <= parentIndent) ||
	            next?.type === 'block-map' ||
	            next?.type === 'block-seq'))
	        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
	    return {
	        comma,
	        found,
	        spaceBefore,
	        comment,
	        hasNewline,
	        anchor,
	        tag,
	        newlineAfterProp,
	        end,
	        start: start ?? end
	    };
	}

	resolveProps.resolveProps = resolveProps$1;
	return resolveProps;
}

var utilContainsNewline = {};

var hasRequiredUtilContainsNewline;

function requireUtilContainsNewline () {
	if (hasRequiredUtilContainsNewline) return utilContainsNewline;
	hasRequiredUtilContainsNewline = 1;

	function containsNewline(key) {
	    if (!key)
	        return null;
	    switch (key.type) {
	        case 'alias':
	        case 'scalar':
	        case 'double-quoted-scalar':
	        case 'single-quoted-scalar':
	            if (key.source.includes('\n'))
	                return true;
	            if (key.end)
	                for (const st of key.end)
	                    if (st.type === 'newline')
	                        return true;
	            return false;
	        case 'flow-collection':
	            for (const it of key.items) {
	                for (const st of it.start)
	                    if (st.type === 'newline')
	                        return true;
	                if (it.sep)
	                    for (const st of it.sep)
	                        if (st.type === 'newline')
	                            return true;
	                if (containsNewline(it.key) || containsNewline(it.value))
	                    return true;
	            }
	            return false;
	        default:
	            return true;
	    }
	}

	utilContainsNewline.containsNewline = containsNewline;
	return utilContainsNewline;
}

var utilFlowIndentCheck = {};

var hasRequiredUtilFlowIndentCheck;

function requireUtilFlowIndentCheck () {
	if (hasRequiredUtilFlowIndentCheck) return utilFlowIndentCheck;
	hasRequiredUtilFlowIndentCheck = 1;

	var utilContainsNewline = requireUtilContainsNewline();

	function flowIndentCheck(indent, fc, onError) {
	    if (fc?.type === 'flow-collection') {
	        const end = fc.end[0];
	        if (end.indent === indent &&
	            (end.source === ']' || end.source === '}') &&
	            utilContainsNewline.containsNewline(fc)) {
	            const msg = 'Flow end indicator should be more indented than parent';
	            onError(end, 'BAD_INDENT', msg, true);
	        }
	    }
	}

	utilFlowIndentCheck.flowIndentCheck = flowIndentCheck;
	return utilFlowIndentCheck;
}

var utilMapIncludes = {};

var hasRequiredUtilMapIncludes;

function requireUtilMapIncludes () {
	if (hasRequiredUtilMapIncludes) return utilMapIncludes;
	hasRequiredUtilMapIncludes = 1;

	var identity = requireIdentity();

	function mapIncludes(ctx, items, search) {
	    const { uniqueKeys } = ctx.options;
	    if (uniqueKeys === false)
	        return false;
	    const isEqual = typeof uniqueKeys === 'function'
	        ? uniqueKeys
	        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
	    return items.some(pair => isEqual(pair.key, search));
	}

	utilMapIncludes.mapIncludes = mapIncludes;
	return utilMapIncludes;
}

var hasRequiredResolveBlockMap;

function requireResolveBlockMap () {
	if (hasRequiredResolveBlockMap) return resolveBlockMap;
	hasRequiredResolveBlockMap = 1;

	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();
	var resolveProps = requireResolveProps();
	var utilContainsNewline = requireUtilContainsNewline();
	var utilFlowIndentCheck = requireUtilFlowIndentCheck();
	var utilMapIncludes = requireUtilMapIncludes();

	const startColMsg = 'All mapping items must start at the same column';
	function resolveBlockMap$1({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
	    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
	    const map = new NodeClass(ctx.schema);
	    if (ctx.atRoot)
	        ctx.atRoot = false;
	    let offset = bm.offset;
	    let commentEnd = null;
	    for (const collItem of bm.items) {
	        const { start, key, sep, value } = collItem;
	        // key properties
	        const keyProps = resolveProps.resolveProps(start, {
	            indicator: 'explicit-key-ind',
	            next: key ?? sep?.[0],
	            offset,
	            onError,
	            parentIndent: bm.indent,
	            startOnNewline: true
	        });
	        const implicitKey = !keyProps.found;
	        if (implicitKey) {
	            if (key) {
	                if (key.type === 'block-seq')
	                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
	                else if ('indent' in key && key.indent !== bm.indent)
	                    onError(offset, 'BAD_INDENT', startColMsg);
	            }
	            if (!keyProps.anchor && !keyProps.tag && !sep) {
	                commentEnd = keyProps.end;
	                if (keyProps.comment) {
	                    if (map.comment)
	                        map.comment += '\n' + keyProps.comment;
	                    else
	                        map.comment = keyProps.comment;
	                }
	                continue;
	            }
	            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
	                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
	            }
	        }
	        else if (keyProps.found?.indent !== bm.indent) {
	            onError(offset, 'BAD_INDENT', startColMsg);
	        }
	        // key value
	        ctx.atKey = true;
	        const keyStart = keyProps.end;
	        const keyNode = key
	            ? composeNode(ctx, key, keyProps, onError)
	            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
	        if (ctx.schema.compat)
	            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
	        ctx.atKey = false;
	        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
	            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
	        // value properties
	        const valueProps = resolveProps.resolveProps(sep ?? [], {
	            indicator: 'map-value-ind',
	            next: value,
	            offset: keyNode.range[2],
	            onError,
	            parentIndent: bm.indent,
	            startOnNewline: !key || key.type === 'block-scalar'
	        });
	        offset = valueProps.end;
	        if (valueProps.found) {
	            if (implicitKey) {
	                if (value?.type === 'block-map' && !valueProps.hasNewline)
	                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
	                if (ctx.options.strict &&
	                    keyProps.start < valueProps.found.offset - 1024)
	                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
	            }
	            // value value
	            const valueNode = value
	                ? composeNode(ctx, value, valueProps, onError)
	                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
	            if (ctx.schema.compat)
	                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
	            offset = valueNode.range[2];
	            const pair = new Pair.Pair(keyNode, valueNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            map.items.push(pair);
	        }
	        else {
	            // key with no value
	            if (implicitKey)
	                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
	            if (valueProps.comment) {
	                if (keyNode.comment)
	                    keyNode.comment += '\n' + valueProps.comment;
	                else
	                    keyNode.comment = valueProps.comment;
	            }
	            const pair = new Pair.Pair(keyNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            map.items.push(pair);
	        }
	    }
	    if (commentEnd && commentEnd < offset)
	        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
	    map.range = [bm.offset, offset, commentEnd ?? offset];
	    return map;
	}

	resolveBlockMap.resolveBlockMap = resolveBlockMap$1;
	return resolveBlockMap;
}

var resolveBlockSeq = {};

var hasRequiredResolveBlockSeq;

function requireResolveBlockSeq () {
	if (hasRequiredResolveBlockSeq) return resolveBlockSeq;
	hasRequiredResolveBlockSeq = 1;

	var YAMLSeq = requireYAMLSeq();
	var resolveProps = requireResolveProps();
	var utilFlowIndentCheck = requireUtilFlowIndentCheck();

	function resolveBlockSeq$1({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
	    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
	    const seq = new NodeClass(ctx.schema);
	    if (ctx.atRoot)
	        ctx.atRoot = false;
	    if (ctx.atKey)
	        ctx.atKey = false;
	    let offset = bs.offset;
	    let commentEnd = null;
	    for (const { start, value } of bs.items) {
	        const props = resolveProps.resolveProps(start, {
	            indicator: 'seq-item-ind',
	            next: value,
	            offset,
	            onError,
	            parentIndent: bs.indent,
	            startOnNewline: true
	        });
	        if (!props.found) {
	            if (props.anchor || props.tag || value) {
	                if (value?.type === 'block-seq')
	                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
	                else
	                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
	            }
	            else {
	                commentEnd = props.end;
	                if (props.comment)
	                    seq.comment = props.comment;
	                continue;
	            }
	        }
	        const node = value
	            ? composeNode(ctx, value, props, onError)
	            : composeEmptyNode(ctx, props.end, start, null, props, onError);
	        if (ctx.schema.compat)
	            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
	        offset = node.range[2];
	        seq.items.push(node);
	    }
	    seq.range = [bs.offset, offset, commentEnd ?? offset];
	    return seq;
	}

	resolveBlockSeq.resolveBlockSeq = resolveBlockSeq$1;
	return resolveBlockSeq;
}

var resolveFlowCollection = {};

var resolveEnd = {};

var hasRequiredResolveEnd;

function requireResolveEnd () {
	if (hasRequiredResolveEnd) return resolveEnd;
	hasRequiredResolveEnd = 1;

	function resolveEnd$1(end, offset, reqSpace, onError) {
	    let comment = '';
	    if (end) {
	        let hasSpace = false;
	        let sep = '';
	        for (const token of end) {
	            const { source, type } = token;
	            switch (type) {
	                case 'space':
	                    hasSpace = true;
	                    break;
	                case 'comment': {
	                    if (reqSpace && !hasSpace)
	                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
	                    const cb = source.substring(1) || ' ';
	                    if (!comment)
	                        comment = cb;
	                    else
	                        comment += sep + cb;
	                    sep = '';
	                    break;
	                }
	                case 'newline':
	                    if (comment)
	                        sep += source;
	                    hasSpace = true;
	                    break;
	                default:
	                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
	            }
	            offset += source.length;
	        }
	    }
	    return { comment, offset };
	}

	resolveEnd.resolveEnd = resolveEnd$1;
	return resolveEnd;
}

var hasRequiredResolveFlowCollection;

function requireResolveFlowCollection () {
	if (hasRequiredResolveFlowCollection) return resolveFlowCollection;
	hasRequiredResolveFlowCollection = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var resolveEnd = requireResolveEnd();
	var resolveProps = requireResolveProps();
	var utilContainsNewline = requireUtilContainsNewline();
	var utilMapIncludes = requireUtilMapIncludes();

	const blockMsg = 'Block collections are not allowed within flow collections';
	const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
	function resolveFlowCollection$1({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
	    const isMap = fc.start.source === '{';
	    const fcName = isMap ? 'flow map' : 'flow sequence';
	    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
	    const coll = new NodeClass(ctx.schema);
	    coll.flow = true;
	    const atRoot = ctx.atRoot;
	    if (atRoot)
	        ctx.atRoot = false;
	    if (ctx.atKey)
	        ctx.atKey = false;
	    let offset = fc.offset + fc.start.source.length;
	    for (let i = 0; i < fc.items.length; ++i) {
	        const collItem = fc.items[i];
	        const { start, key, sep, value } = collItem;
	        const props = resolveProps.resolveProps(start, {
	            flow: fcName,
	            indicator: 'explicit-key-ind',
	            next: key ?? sep?.[0],
	            offset,
	            onError,
	            parentIndent: fc.indent,
	            startOnNewline: false
	        });
	        if (!props.found) {
	            if (!props.anchor && !props.tag && !sep && !value) {
	                if (i === 0 && props.comma)
	                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
	                else if (i < fc.items.length - 1)
	                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
	                if (props.comment) {
	                    if (coll.comment)
	                        coll.comment += '\n' + props.comment;
	                    else
	                        coll.comment = props.comment;
	                }
	                offset = props.end;
	                continue;
	            }
	            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
	                onError(key, // checked by containsNewline()
	                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
	        }
	        if (i === 0) {
	            if (props.comma)
	                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
	        }
	        else {
	            if (!props.comma)
	                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
	            if (props.comment) {
	                let prevItemComment = '';
	                loop: for (const st of start) {
	                    switch (st.type) {
	                        case 'comma':
	                        case 'space':
	                            break;
	                        case 'comment':
	                            prevItemComment = st.source.substring(1);
	                            break loop;
	                        default:
	                            break loop;
	                    }
	                }
	                if (prevItemComment) {
	                    let prev = coll.items[coll.items.length - 1];
	                    if (identity.isPair(prev))
	                        prev = prev.value ?? prev.key;
	                    if (prev.comment)
	                        prev.comment += '\n' + prevItemComment;
	                    else
	                        prev.comment = prevItemComment;
	                    props.comment = props.comment.substring(prevItemComment.length + 1);
	                }
	            }
	        }
	        if (!isMap && !sep && !props.found) {
	            // item is a value in a seq
	            // → key & sep are empty, start does not include ? or :
	            const valueNode = value
	                ? composeNode(ctx, value, props, onError)
	                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
	            coll.items.push(valueNode);
	            offset = valueNode.range[2];
	            if (isBlock(value))
	                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
	        }
	        else {
	            // item is a key+value pair
	            // key value
	            ctx.atKey = true;
	            const keyStart = props.end;
	            const keyNode = key
	                ? composeNode(ctx, key, props, onError)
	                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
	            if (isBlock(key))
	                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
	            ctx.atKey = false;
	            // value properties
	            const valueProps = resolveProps.resolveProps(sep ?? [], {
	                flow: fcName,
	                indicator: 'map-value-ind',
	                next: value,
	                offset: keyNode.range[2],
	                onError,
	                parentIndent: fc.indent,
	                startOnNewline: false
	            });
	            if (valueProps.found) {
	                if (!isMap && !props.found && ctx.options.strict) {
	                    if (sep)
	                        for (const st of sep) {
	                            if (st === valueProps.found)
	                                break;
	                            if (st.type === 'newline') {
	                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
	                                break;
	                            }
	                        }
	                    if (props.start < valueProps.found.offset - 1024)
	                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
	                }
	            }
	            else if (value) {
	                if ('source' in value && value.source?.[0] === ':')
	                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
	                else
	                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
	            }
	            // value value
	            const valueNode = value
	                ? composeNode(ctx, value, valueProps, onError)
	                : valueProps.found
	                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
	                    : null;
	            if (valueNode) {
	                if (isBlock(value))
	                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
	            }
	            else if (valueProps.comment) {
	                if (keyNode.comment)
	                    keyNode.comment += '\n' + valueProps.comment;
	                else
	                    keyNode.comment = valueProps.comment;
	            }
	            const pair = new Pair.Pair(keyNode, valueNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            if (isMap) {
	                const map = coll;
	                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
	                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
	                map.items.push(pair);
	            }
	            else {
	                const map = new YAMLMap.YAMLMap(ctx.schema);
	                map.flow = true;
	                map.items.push(pair);
	                const endRange = (valueNode ?? keyNode).range;
	                map.range = [keyNode.range[0], endRange[1], endRange[2]];
	                coll.items.push(map);
	            }
	            offset = valueNode ? valueNode.range[2] : valueProps.end;
	        }
	    }
	    const expectedEnd = isMap ? '}' : ']';
	    const [ce, ...ee] = fc.end;
	    let cePos = offset;
	    if (ce?.source === expectedEnd)
	        cePos = ce.offset + ce.source.length;
	    else {
	        const name = fcName[0].toUpperCase() + fcName.substring(1);
	        const msg = atRoot
	            ? `${name} must end with a ${expectedEnd}`
	            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
	        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
	        if (ce && ce.source.length !== 1)
	            ee.unshift(ce);
	    }
	    if (ee.length > 0) {
	        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
	        if (end.comment) {
	            if (coll.comment)
	                coll.comment += '\n' + end.comment;
	            else
	                coll.comment = end.comment;
	        }
	        coll.range = [fc.offset, cePos, end.offset];
	    }
	    else {
	        coll.range = [fc.offset, cePos, cePos];
	    }
	    return coll;
	}

	resolveFlowCollection.resolveFlowCollection = resolveFlowCollection$1;
	return resolveFlowCollection;
}

var hasRequiredComposeCollection;

function requireComposeCollection () {
	if (hasRequiredComposeCollection) return composeCollection;
	hasRequiredComposeCollection = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var resolveBlockMap = requireResolveBlockMap();
	var resolveBlockSeq = requireResolveBlockSeq();
	var resolveFlowCollection = requireResolveFlowCollection();

	function resolveCollection(CN, ctx, token, onError, tagName, tag) {
	    const coll = token.type === 'block-map'
	        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
	        : token.type === 'block-seq'
	            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
	            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
	    const Coll = coll.constructor;
	    // If we got a tagName matching the class, or the tag name is '!',
	    // then use the tagName from the node class used to create it.
	    if (tagName === '!' || tagName === Coll.tagName) {
	        coll.tag = Coll.tagName;
	        return coll;
	    }
	    if (tagName)
	        coll.tag = tagName;
	    return coll;
	}
	function composeCollection$1(CN, ctx, token, props, onError) {
	    const tagToken = props.tag;
	    const tagName = !tagToken
	        ? null
	        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
	    if (token.type === 'block-seq') {
	        const { anchor, newlineAfterProp: nl } = props;
	        const lastProp = anchor && tagToken
	            ? anchor.offset > tagToken.offset
	                ? anchor
	                : tagToken
	            : (anchor ?? tagToken);
	        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
	            const message = 'Missing newline after block sequence props';
	            onError(lastProp, 'MISSING_CHAR', message);
	        }
	    }
	    const expType = token.type === 'block-map'
	        ? 'map'
	        : token.type === 'block-seq'
	            ? 'seq'
	            : token.start.source === '{'
	                ? 'map'
	                : 'seq';
	    // shortcut: check if it's a generic YAMLMap or YAMLSeq
	    // before jumping into the custom tag logic.
	    if (!tagToken ||
	        !tagName ||
	        tagName === '!' ||
	        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
	        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
	        return resolveCollection(CN, ctx, token, onError, tagName);
	    }
	    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
	    if (!tag) {
	        const kt = ctx.schema.knownTags[tagName];
	        if (kt?.collection === expType) {
	            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
	            tag = kt;
	        }
	        else {
	            if (kt) {
	                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
	            }
	            else {
	                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
	            }
	            return resolveCollection(CN, ctx, token, onError, tagName);
	        }
	    }
	    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
	    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
	    const node = identity.isNode(res)
	        ? res
	        : new Scalar.Scalar(res);
	    node.range = coll.range;
	    node.tag = tagName;
	    if (tag?.format)
	        node.format = tag.format;
	    return node;
	}

	composeCollection.composeCollection = composeCollection$1;
	return composeCollection;
}

var composeScalar = {};

var resolveBlockScalar = {};

var hasRequiredResolveBlockScalar;

function requireResolveBlockScalar () {
	if (hasRequiredResolveBlockScalar) return resolveBlockScalar;
	hasRequiredResolveBlockScalar = 1;

	var Scalar = requireScalar();

	function resolveBlockScalar$1(ctx, scalar, onError) {
	    const start = scalar.offset;
	    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
	    if (!header)
	        return { value: '', type: null, comment: '', range: [start, start, start] };
	    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
	    const lines = scalar.source ? splitLines(scalar.source) : [];
	    // determine the end of content & start of chomping
	    let chompStart = lines.length;
	    for (let i = lines.length - 1; i >= 0; --i) {
	        const content = lines[i][1];
	        if (content === '' || content === '\r')
	            chompStart = i;
	        else
	            break;
	    }
	    // shortcut for empty contents
	    if (chompStart === 0) {
	        const value = header.chomp === '+' && lines.length > 0
	            ? '\n'.repeat(Math.max(1, lines.length - 1))
	            : '';
	        let end = start + header.length;
	        if (scalar.source)
	            end += scalar.source.length;
	        return { value, type, comment: header.comment, range: [start, end, end] };
	    }
	    // find the indentation level to trim from start
	    let trimIndent = scalar.indent + header.indent;
	    let offset = scalar.offset + header.length;
	    let contentStart = 0;
	    for (let i = 0; i < chompStart; ++i) {
	        const [indent, content] = lines[i];
	        if (content === '' || content === '\r') {
	            if (header.indent === 0 && indent.length > trimIndent)
	                trimIndent = indent.length;
	        }
	        else {
	            if (indent.length < trimIndent) {
	                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
	                onError(offset + indent.length, 'MISSING_CHAR', message);
	            }
	            if (header.indent === 0)
	                trimIndent = indent.length;
	            contentStart = i;
	            if (trimIndent === 0 && !ctx.atRoot) {
	                const message = 'Block scalar values in collections must be indented';
	                onError(offset, 'BAD_INDENT', message);
	            }
	            break;
	        }
	        offset += indent.length + content.length + 1;
	    }
	    // include trailing more-indented empty lines in content
	    for (let i = lines.length - 1; i >= chompStart; --i) {
	        if (lines[i][0].length > trimIndent)
	            chompStart = i + 1;
	    }
	    let value = '';
	    let sep = '';
	    let prevMoreIndented = false;
	    // leading whitespace is kept intact
	    for (let i = 0; i < contentStart; ++i)
	        value += lines[i][0].slice(trimIndent) + '\n';
	    for (let i = contentStart; i < chompStart; ++i) {
	        let [indent, content] = lines[i];
	        offset += indent.length + content.length + 1;
	        const crlf = content[content.length - 1] === '\r';
	        if (crlf)
	            content = content.slice(0, -1);
	        /* istanbul ignore if already caught in lexer */
	        if (content && indent.length < trimIndent) {
	            const src = header.indent
	                ? 'explicit indentation indicator'
	                : 'first line';
	            const message = `Block scalar lines must not be less indented than their ${src}`;
	            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
	            indent = '';
	        }
	        if (type === Scalar.Scalar.BLOCK_LITERAL) {
	            value += sep + indent.slice(trimIndent) + content;
	            sep = '\n';
	        }
	        else if (indent.length > trimIndent || content[0] === '\t') {
	            // more-indented content within a folded block
	            if (sep === ' ')
	                sep = '\n';
	            else if (!prevMoreIndented && sep === '\n')
	                sep = '\n\n';
	            value += sep + indent.slice(trimIndent) + content;
	            sep = '\n';
	            prevMoreIndented = true;
	        }
	        else if (content === '') {
	            // empty line
	            if (sep === '\n')
	                value += '\n';
	            else
	                sep = '\n';
	        }
	        else {
	            value += sep + content;
	            sep = ' ';
	            prevMoreIndented = false;
	        }
	    }
	    switch (header.chomp) {
	        case '-':
	            break;
	        case '+':
	            for (let i = chompStart; i < lines.length; ++i)
	                value += '\n' + lines[i][0].slice(trimIndent);
	            if (value[value.length - 1] !== '\n')
	                value += '\n';
	            break;
	        default:
	            value += '\n';
	    }
	    const end = start + header.length + scalar.source.length;
	    return { value, type, comment: header.comment, range: [start, end, end] };
	}
	function parseBlockScalarHeader({ offset, props }, strict, onError) {
	    /* istanbul ignore if should not happen */
	    if (props[0].type !== 'block-scalar-header') {
	        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
	        return null;
	    }
	    const { source } = props[0];
	    const mode = source[0];
	    let indent = 0;
	    let chomp = '';
	    let error = -1;
	    for (let i = 1; i < source.length; ++i) {
	        const ch = source[i];
	        if (!chomp && (ch === '-' || ch === '+'))
	            chomp = ch;
	        else {
	            const n = Number(ch);
	            if (!indent && n)
	                indent = n;
	            else if (error === -1)
	                error = offset + i;
	        }
	    }
	    if (error !== -1)
	        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
	    let hasSpace = false;
	    let comment = '';
	    let length = source.length;
	    for (let i = 1; i < props.length; ++i) {
	        const token = props[i];
	        switch (token.type) {
	            case 'space':
	                hasSpace = true;
	            // fallthrough
	            case 'newline':
	                length += token.source.length;
	                break;
	            case 'comment':
	                if (strict && !hasSpace) {
	                    const message = 'Comments must be separated from other tokens by white space characters';
	                    onError(token, 'MISSING_CHAR', message);
	                }
	                length += token.source.length;
	                comment = token.source.substring(1);
	                break;
	            case 'error':
	                onError(token, 'UNEXPECTED_TOKEN', token.message);
	                length += token.source.length;
	                break;
	            /* istanbul ignore next should not happen */
	            default: {
	                const message = `Unexpected token in block scalar header: ${token.type}`;
	                onError(token, 'UNEXPECTED_TOKEN', message);
	                const ts = token.source;
	                if (ts && typeof ts === 'string')
	                    length += ts.length;
	            }
	        }
	    }
	    return { mode, indent, chomp, comment, length };
	}
	/** @returns Array of lines split up as `[indent, content]` */
	function splitLines(source) {
	    const split = source.split(/\n( *)/);
	    const first = split[0];
	    const m = first.match(/^( *)/);
	    const line0 = m?.[1]
	        ? [m[1], first.slice(m[1].length)]
	        : ['', first];
	    const lines = [line0];
	    for (let i = 1; i < split.length; i += 2)
	        lines.push([split[i], split[i + 1]]);
	    return lines;
	}

	resolveBlockScalar.resolveBlockScalar = resolveBlockScalar$1;
	return resolveBlockScalar;
}

var resolveFlowScalar = {};

var hasRequiredResolveFlowScalar;

function requireResolveFlowScalar () {
	if (hasRequiredResolveFlowScalar) return resolveFlowScalar;
	hasRequiredResolveFlowScalar = 1;

	var Scalar = requireScalar();
	var resolveEnd = requireResolveEnd();

	function resolveFlowScalar$1(scalar, strict, onError) {
	    const { offset, type, source, end } = scalar;
	    let _type;
	    let value;
	    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
	    switch (type) {
	        case 'scalar':
	            _type = Scalar.Scalar.PLAIN;
	            value = plainValue(source, _onError);
	            break;
	        case 'single-quoted-scalar':
	            _type = Scalar.Scalar.QUOTE_SINGLE;
	            value = singleQuotedValue(source, _onError);
	            break;
	        case 'double-quoted-scalar':
	            _type = Scalar.Scalar.QUOTE_DOUBLE;
	            value = doubleQuotedValue(source, _onError);
	            break;
	        /* istanbul ignore next should not happen */
	        default:
	            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
	            return {
	                value: '',
	                type: null,
	                comment: '',
	                range: [offset, offset + source.length, offset + source.length]
	            };
	    }
	    const valueEnd = offset + source.length;
	    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
	    return {
	        value,
	        type: _type,
	        comment: re.comment,
	        range: [offset, valueEnd, re.offset]
	    };
	}
	function plainValue(source, onError) {
	    let badChar = '';
	    switch (source[0]) {
	        /* istanbul ignore next should not happen */
	        case '\t':
	            badChar = 'a tab character';
	            break;
	        case ',':
	            badChar = 'flow indicator character ,';
	            break;
	        case '%':
	            badChar = 'directive indicator character %';
	            break;
	        case '|':
	        case '>': {
	            badChar = `block scalar indicator ${source[0]}`;
	            break;
	        }
	        case '@':
	        case '`': {
	            badChar = `reserved character ${source[0]}`;
	            break;
	        }
	    }
	    if (badChar)
	        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
	    return unfoldLines(source);
	}
	function singleQuotedValue(source, onError) {
	    if (source[source.length - 1] !== "'" || source.length === 1)
	        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
	    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
	}
	function unfoldLines(source) {
	    const line = /(.*?)\r?\n/sy;
	    let match = line.exec(source);
	    if (!match)
	        return source;
	    /**
	     * The negative lookbehinds in these RegExps are to
	     * prevent causing a polynomial search time in certain cases.
	     *
	     * The try-catch is for Safari < 16.4 and other old browsers:
	     * https://caniuse.com/js-regexp-lookbehind
	     */
	    let trimEnd, trimBoth;
	    try {
	        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
	        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
	    }
	    catch {
	        trimEnd = /[ \t]+$/;
	        trimBoth = /^[ \t]+|[ \t]+$/g;
	    }
	    let res = match[1].replace(trimEnd, '');
	    let sep = ' ';
	    let pos = line.lastIndex;
	    while ((match = line.exec(source))) {
	        const lm = match[1].replace(trimBoth, '');
	        if (lm === '') {
	            if (sep === '\n')
	                res += sep;
	            else
	                sep = '\n';
	        }
	        else {
	            res += sep + lm;
	            sep = ' ';
	        }
	        pos = line.lastIndex;
	    }
	    const last = /[ \t]*(.*)/sy;
	    last.lastIndex = pos;
	    match = last.exec(source);
	    return res + sep + (match?.[1] ?? '');
	}
	function doubleQuotedValue(source, onError) {
	    let res = '';
	    for (let i = 1; i < source.length - 1; ++i) {
	        const ch = source[i];
	        if (ch === '\r' && source[i + 1] === '\n')
	            continue;
	        if (ch === '\n') {
	            const { fold, offset } = foldNewline(source, i);
	            res += fold;
	            i = offset;
	        }
	        else if (ch === '\\') {
	            let next = source[++i];
	            const cc = escapeCodes[next];
	            if (cc)
	                res += cc;
	            else if (next === '\n') {
	                // skip escaped newlines, but still trim the following line
	                next = source[i + 1];
	                while (next === ' ' || next === '\t')
	                    next = source[++i + 1];
	            }
	            else if (next === '\r' && source[i + 1] === '\n') {
	                // skip escaped CRLF newlines, but still trim the following line
	                next = source[++i + 1];
	                while (next === ' ' || next === '\t')
	                    next = source[++i + 1];
	            }
	            else if (next === 'x' || next === 'u' || next === 'U') {
	                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
	                res += parseCharCode(source, i + 1, length, onError);
	                i += length;
	            }
	            else {
	                const raw = source.substr(i - 1, 2);
	                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
	                res += raw;
	            }
	        }
	        else if (ch === ' ' || ch === '\t') {
	            // trim trailing whitespace
	            const wsStart = i;
	            let next = source[i + 1];
	            while (next === ' ' || next === '\t')
	                next = source[++i + 1];
	            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
	                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
	        }
	        else {
	            res += ch;
	        }
	    }
	    if (source[source.length - 1] !== '"' || source.length === 1)
	        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
	    return res;
	}
	/**
	 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
	 * Presumes `source[offset] === '\n'`
	 */
	function foldNewline(source, offset) {
	    let fold = '';
	    let ch = source[offset + 1];
	    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
	        if (ch === '\r' && source[offset + 2] !== '\n')
	            break;
	        if (ch === '\n')
	            fold += '\n';
	        offset += 1;
	        ch = source[offset + 1];
	    }
	    if (!fold)
	        fold = ' ';
	    return { fold, offset };
	}
	const escapeCodes = {
	    '0': '\0', // null character
	    a: '\x07', // bell character
	    b: '\b', // backspace
	    e: '\x1b', // escape character
	    f: '\f', // form feed
	    n: '\n', // line feed
	    r: '\r', // carriage return
	    t: '\t', // horizontal tab
	    v: '\v', // vertical tab
	    N: '\u0085', // Unicode next line
	    _: '\u00a0', // Unicode non-breaking space
	    L: '\u2028', // Unicode line separator
	    P: '\u2029', // Unicode paragraph separator
	    ' ': ' ',
	    '"': '"',
	    '/': '/',
	    '\\': '\\',
	    '\t': '\t'
	};
	function parseCharCode(source, offset, length, onError) {
	    const cc = source.substr(offset, length);
	    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
	    const code = ok ? parseInt(cc, 16) : NaN;
	    try {
	        return String.fromCodePoint(code);
	    }
	    catch {
	        const raw = source.substr(offset - 2, length + 2);
	        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
	        return raw;
	    }
	}

	resolveFlowScalar.resolveFlowScalar = resolveFlowScalar$1;
	return resolveFlowScalar;
}

var hasRequiredComposeScalar;

function requireComposeScalar () {
	if (hasRequiredComposeScalar) return composeScalar;
	hasRequiredComposeScalar = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var resolveBlockScalar = requireResolveBlockScalar();
	var resolveFlowScalar = requireResolveFlowScalar();

	function composeScalar$1(ctx, token, tagToken, onError) {
	    const { value, type, comment, range } = token.type === 'block-scalar'
	        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
	        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
	    const tagName = tagToken
	        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
	        : null;
	    let tag;
	    if (ctx.options.stringKeys && ctx.atKey) {
	        tag = ctx.schema[identity.SCALAR];
	    }
	    else if (tagName)
	        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
	    else if (token.type === 'scalar')
	        tag = findScalarTagByTest(ctx, value, token, onError);
	    else
	        tag = ctx.schema[identity.SCALAR];
	    let scalar;
	    try {
	        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
	        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
	    }
	    catch (error) {
	        const msg = error instanceof Error ? error.message : String(error);
	        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
	        scalar = new Scalar.Scalar(value);
	    }
	    scalar.range = range;
	    scalar.source = value;
	    if (type)
	        scalar.type = type;
	    if (tagName)
	        scalar.tag = tagName;
	    if (tag.format)
	        scalar.format = tag.format;
	    if (comment)
	        scalar.comment = comment;
	    return scalar;
	}
	function findScalarTagByName(schema, value, tagName, tagToken, onError) {
	    if (tagName === '!')
	        return schema[identity.SCALAR]; // non-specific tag
	    const matchWithTest = [];
	    for (const tag of schema.tags) {
	        if (!tag.collection && tag.tag === tagName) {
	            if (tag.default && tag.test)
	                matchWithTest.push(tag);
	            else
	                return tag;
	        }
	    }
	    for (const tag of matchWithTest)
	        if (tag.test?.test(value))
	            return tag;
	    const kt = schema.knownTags[tagName];
	    if (kt && !kt.collection) {
	        // Ensure that the known tag is available for stringifying,
	        // but does not get used by default.
	        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
	        return kt;
	    }
	    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
	    return schema[identity.SCALAR];
	}
	function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
	    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
	        tag.test?.test(value)) || schema[identity.SCALAR];
	    if (schema.compat) {
	        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
	            schema[identity.SCALAR];
	        if (tag.tag !== compat.tag) {
	            const ts = directives.tagString(tag.tag);
	            const cs = directives.tagString(compat.tag);
	            const msg = `Value may be parsed as either ${ts} or ${cs}`;
	            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
	        }
	    }
	    return tag;
	}

	composeScalar.composeScalar = composeScalar$1;
	return composeScalar;
}

var utilEmptyScalarPosition = {};

var hasRequiredUtilEmptyScalarPosition;

function requireUtilEmptyScalarPosition () {
	if (hasRequiredUtilEmptyScalarPosition) return utilEmptyScalarPosition;
	hasRequiredUtilEmptyScalarPosition = 1;

	function emptyScalarPosition(offset, before, pos) {
	    if (before) {
	        pos ?? (pos = before.length);
	        for (let i = pos - 1; i >= 0; --i) {
	            let st = before[i];
	            switch (st.type) {
	                case 'space':
	                case 'comment':
	                case 'newline':
	                    offset -= st.source.length;
	                    continue;
	            }
	            // Technically, an empty scalar is immediately after the last non-empty
	            // node, but it's more useful to place it after any whitespace.
	            st = before[++i];
	            while (st?.type === 'space') {
	                offset += st.source.length;
	                st = before[++i];
	            }
	            break;
	        }
	    }
	    return offset;
	}

	utilEmptyScalarPosition.emptyScalarPosition = emptyScalarPosition;
	return utilEmptyScalarPosition;
}

var hasRequiredComposeNode;

function requireComposeNode () {
	if (hasRequiredComposeNode) return composeNode;
	hasRequiredComposeNode = 1;

	var Alias = requireAlias();
	var identity = requireIdentity();
	var composeCollection = requireComposeCollection();
	var composeScalar = requireComposeScalar();
	var resolveEnd = requireResolveEnd();
	var utilEmptyScalarPosition = requireUtilEmptyScalarPosition();

	const CN = { composeNode: composeNode$1, composeEmptyNode };
	function composeNode$1(ctx, token, props, onError) {
	    const atKey = ctx.atKey;
	    const { spaceBefore, comment, anchor, tag } = props;
	    let node;
	    let isSrcToken = true;
	    switch (token.type) {
	        case 'alias':
	            node = composeAlias(ctx, token, onError);
	            if (anchor || tag)
	                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
	            break;
	        case 'scalar':
	        case 'single-quoted-scalar':
	        case 'double-quoted-scalar':
	        case 'block-scalar':
	            node = composeScalar.composeScalar(ctx, token, tag, onError);
	            if (anchor)
	                node.anchor = anchor.source.substring(1);
	            break;
	        case 'block-map':
	        case 'block-seq':
	        case 'flow-collection':
	            try {
	                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
	                if (anchor)
	                    node.anchor = anchor.source.substring(1);
	            }
	            catch (error) {
	                // Almost certainly here due to a stack overflow
	                const message = error instanceof Error ? error.message : String(error);
	                onError(token, 'RESOURCE_EXHAUSTION', message);
	            }
	            break;
	        default: {
	            const message = token.type === 'error'
	                ? token.message
	                : `Unsupported token (type: ${token.type})`;
	            onError(token, 'UNEXPECTED_TOKEN', message);
	            isSrcToken = false;
	        }
	    }
	    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
	    if (anchor && node.anchor === '')
	        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
	    if (atKey &&
	        ctx.options.stringKeys &&
	        (!identity.isScalar(node) ||
	            typeof node.value !== 'string' ||
	            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
	        const msg = 'With stringKeys, all keys must be strings';
	        onError(tag ?? token, 'NON_STRING_KEY', msg);
	    }
	    if (spaceBefore)
	        node.spaceBefore = true;
	    if (comment) {
	        if (token.type === 'scalar' && token.source === '')
	            node.comment = comment;
	        else
	            node.commentBefore = comment;
	    }
	    // @ts-expect-error Type checking misses meaning of isSrcToken
	    if (ctx.options.keepSourceTokens && isSrcToken)
	        node.srcToken = token;
	    return node;
	}
	function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
	    const token = {
	        type: 'scalar',
	        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
	        indent: -1,
	        source: ''
	    };
	    const node = composeScalar.composeScalar(ctx, token, tag, onError);
	    if (anchor) {
	        node.anchor = anchor.source.substring(1);
	        if (node.anchor === '')
	            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
	    }
	    if (spaceBefore)
	        node.spaceBefore = true;
	    if (comment) {
	        node.comment = comment;
	        node.range[2] = end;
	    }
	    return node;
	}
	function composeAlias({ options }, { offset, source, end }, onError) {
	    const alias = new Alias.Alias(source.substring(1));
	    if (alias.source === '')
	        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
	    if (alias.source.endsWith(':'))
	        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
	    const valueEnd = offset + source.length;
	    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
	    alias.range = [offset, valueEnd, re.offset];
	    if (re.comment)
	        alias.comment = re.comment;
	    return alias;
	}

	composeNode.composeEmptyNode = composeEmptyNode;
	composeNode.composeNode = composeNode$1;
	return composeNode;
}

var hasRequiredComposeDoc;

function requireComposeDoc () {
	if (hasRequiredComposeDoc) return composeDoc;
	hasRequiredComposeDoc = 1;

	var Document = requireDocument();
	var composeNode = requireComposeNode();
	var resolveEnd = requireResolveEnd();
	var resolveProps = requireResolveProps();

	function composeDoc$1(options, directives, { offset, start, value, end }, onError) {
	    const opts = Object.assign({ _directives: directives }, options);
	    const doc = new Document.Document(undefined, opts);
	    const ctx = {
	        atKey: false,
	        atRoot: true,
	        directives: doc.directives,
	        options: doc.options,
	        schema: doc.schema
	    };
	    const props = resolveProps.resolveProps(start, {
	        indicator: 'doc-start',
	        next: value ?? end?.[0],
	        offset,
	        onError,
	        parentIndent: 0,
	        startOnNewline: true
	    });
	    if (props.found) {
	        doc.directives.docStart = true;
	        if (value &&
	            (value.type === 'block-map' || value.type === 'block-seq') &&
	            !props.hasNewline)
	            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
	    }
	    // @ts-expect-error If Contents is set, let's trust the user
	    doc.contents = value
	        ? composeNode.composeNode(ctx, value, props, onError)
	        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
	    const contentEnd = doc.contents.range[2];
	    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
	    if (re.comment)
	        doc.comment = re.comment;
	    doc.range = [offset, contentEnd, re.offset];
	    return doc;
	}

	composeDoc.composeDoc = composeDoc$1;
	return composeDoc;
}

var hasRequiredComposer;

function requireComposer () {
	if (hasRequiredComposer) return composer;
	hasRequiredComposer = 1;

	var node_process = require$$0;
	var directives = requireDirectives();
	var Document = requireDocument();
	var errors = requireErrors$1();
	var identity = requireIdentity();
	var composeDoc = requireComposeDoc();
	var resolveEnd = requireResolveEnd();

	function getErrorPos(src) {
	    if (typeof src === 'number')
	        return [src, src + 1];
	    if (Array.isArray(src))
	        return src.length === 2 ? src : [src[0], src[1]];
	    const { offset, source } = src;
	    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
	}
	function parsePrelude(prelude) {
	    let comment = '';
	    let atComment = false;
	    let afterEmptyLine = false;
	    for (let i = 0; i < prelude.length; ++i) {
	        const source = prelude[i];
	        switch (source[0]) {
	            case '#':
	                comment +=
	                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
	                        (source.substring(1) || ' ');
	                atComment = true;
	                afterEmptyLine = false;
	                break;
	            case '%':
	                if (prelude[i + 1]?.[0] !== '#')
	                    i += 1;
	                atComment = false;
	                break;
	            default:
	                // This may be wrong after doc-end, but in that case it doesn't matter
	                if (!atComment)
	                    afterEmptyLine = true;
	                atComment = false;
	        }
	    }
	    return { comment, afterEmptyLine };
	}
	/**
	 * Compose a stream of CST nodes into a stream of YAML Documents.
	 *
	 * ```ts
	 * import { Composer, Parser } from 'yaml'
	 *
	 * const src: string = ...
	 * const tokens = new Parser().parse(src)
	 * const docs = new Composer().compose(tokens)
	 * ```
	 */
	class Composer {
	    constructor(options = {}) {
	        this.doc = null;
	        this.atDirectives = false;
	        this.prelude = [];
	        this.errors = [];
	        this.warnings = [];
	        this.onError = (source, code, message, warning) => {
	            const pos = getErrorPos(source);
	            if (warning)
	                this.warnings.push(new errors.YAMLWarning(pos, code, message));
	            else
	                this.errors.push(new errors.YAMLParseError(pos, code, message));
	        };
	        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	        this.directives = new directives.Directives({ version: options.version || '1.2' });
	        this.options = options;
	    }
	    decorate(doc, afterDoc) {
	        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
	        //console.log({ dc: doc.comment, prelude, comment })
	        if (comment) {
	            const dc = doc.contents;
	            if (afterDoc) {
	                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
	            }
	            else if (afterEmptyLine || doc.directives.docStart || !dc) {
	                doc.commentBefore = comment;
	            }
	            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
	                let it = dc.items[0];
	                if (identity.isPair(it))
	                    it = it.key;
	                const cb = it.commentBefore;
	                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
	            }
	            else {
	                const cb = dc.commentBefore;
	                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
	            }
	        }
	        if (afterDoc) {
	            for (let i = 0; i < this.errors.length; ++i)
	                doc.errors.push(this.errors[i]);
	            for (let i = 0; i < this.warnings.length; ++i)
	                doc.warnings.push(this.warnings[i]);
	        }
	        else {
	            doc.errors = this.errors;
	            doc.warnings = this.warnings;
	        }
	        this.prelude = [];
	        this.errors = [];
	        this.warnings = [];
	    }
	    /**
	     * Current stream status information.
	     *
	     * Mostly useful at the end of input for an empty stream.
	     */
	    streamInfo() {
	        return {
	            comment: parsePrelude(this.prelude).comment,
	            directives: this.directives,
	            errors: this.errors,
	            warnings: this.warnings
	        };
	    }
	    /**
	     * Compose tokens into documents.
	     *
	     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
	     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
	     */
	    *compose(tokens, forceDoc = false, endOffset = -1) {
	        for (const token of tokens)
	            yield* this.next(token);
	        yield* this.end(forceDoc, endOffset);
	    }
	    /** Advance the composer by one CST token. */
	    *next(token) {
	        if (node_process.env.LOG_STREAM)
	            console.dir(token, { depth: null });
	        switch (token.type) {
	            case 'directive':
	                this.directives.add(token.source, (offset, message, warning) => {
	                    const pos = getErrorPos(token);
	                    pos[0] += offset;
	                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
	                });
	                this.prelude.push(token.source);
	                this.atDirectives = true;
	                break;
	            case 'document': {
	                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
	                if (this.atDirectives && !doc.directives.docStart)
	                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
	                this.decorate(doc, false);
	                if (this.doc)
	                    yield this.doc;
	                this.doc = doc;
	                this.atDirectives = false;
	                break;
	            }
	            case 'byte-order-mark':
	            case 'space':
	                break;
	            case 'comment':
	            case 'newline':
	                this.prelude.push(token.source);
	                break;
	            case 'error': {
	                const msg = token.source
	                    ? `${token.message}: ${JSON.stringify(token.source)}`
	                    : token.message;
	                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
	                if (this.atDirectives || !this.doc)
	                    this.errors.push(error);
	                else
	                    this.doc.errors.push(error);
	                break;
	            }
	            case 'doc-end': {
	                if (!this.doc) {
	                    const msg = 'Unexpected doc-end without preceding document';
	                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
	                    break;
	                }
	                this.doc.directives.docEnd = true;
	                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
	                this.decorate(this.doc, true);
	                if (end.comment) {
	                    const dc = this.doc.comment;
	                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
	                }
	                this.doc.range[2] = end.offset;
	                break;
	            }
	            default:
	                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
	        }
	    }
	    /**
	     * Call at end of input to yield any remaining document.
	     *
	     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
	     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
	     */
	    *end(forceDoc = false, endOffset = -1) {
	        if (this.doc) {
	            this.decorate(this.doc, true);
	            yield this.doc;
	            this.doc = null;
	        }
	        else if (forceDoc) {
	            const opts = Object.assign({ _directives: this.directives }, this.options);
	            const doc = new Document.Document(undefined, opts);
	            if (this.atDirectives)
	                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
	            doc.range = [0, endOffset, endOffset];
	            this.decorate(doc, false);
	            yield doc;
	        }
	    }
	}

	composer.Composer = Composer;
	return composer;
}

var cst = {};

var cstScalar = {};

var hasRequiredCstScalar;

function requireCstScalar () {
	if (hasRequiredCstScalar) return cstScalar;
	hasRequiredCstScalar = 1;

	var resolveBlockScalar = requireResolveBlockScalar();
	var resolveFlowScalar = requireResolveFlowScalar();
	var errors = requireErrors$1();
	var stringifyString = requireStringifyString();

	function resolveAsScalar(token, strict = true, onError) {
	    if (token) {
	        const _onError = (pos, code, message) => {
	            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
	            if (onError)
	                onError(offset, code, message);
	            else
	                throw new errors.YAMLParseError([offset, offset + 1], code, message);
	        };
	        switch (token.type) {
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
	            case 'block-scalar':
	                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
	        }
	    }
	    return null;
	}
	/**
	 * Create a new scalar token with `value`
	 *
	 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
	 * as this function does not support any schema operations and won't check for such conflicts.
	 *
	 * @param value The string representation of the value, which will have its content properly indented.
	 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
	 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
	 * @param context.indent The indent level of the token.
	 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
	 * @param context.offset The offset position of the token.
	 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
	 */
	function createScalarToken(value, context) {
	    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
	    const source = stringifyString.stringifyString({ type, value }, {
	        implicitKey,
	        indent: indent > 0 ? ' '.repeat(indent) : '',
	        inFlow,
	        options: { blockQuote: true, lineWidth: -1 }
	    });
	    const end = context.end ?? [
	        { type: 'newline', offset: -1, indent, source: '\n' }
	    ];
	    switch (source[0]) {
	        case '|':
	        case '>': {
	            const he = source.indexOf('\n');
	            const head = source.substring(0, he);
	            const body = source.substring(he + 1) + '\n';
	            const props = [
	                { type: 'block-scalar-header', offset, indent, source: head }
	            ];
	            if (!addEndtoBlockProps(props, end))
	                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
	            return { type: 'block-scalar', offset, indent, props, source: body };
	        }
	        case '"':
	            return { type: 'double-quoted-scalar', offset, indent, source, end };
	        case "'":
	            return { type: 'single-quoted-scalar', offset, indent, source, end };
	        default:
	            return { type: 'scalar', offset, indent, source, end };
	    }
	}
	/**
	 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
	 *
	 * Best efforts are made to retain any comments previously associated with the `token`,
	 * though all contents within a collection's `items` will be overwritten.
	 *
	 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
	 * as this function does not support any schema operations and won't check for such conflicts.
	 *
	 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
	 * @param value The string representation of the value, which will have its content properly indented.
	 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
	 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
	 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
	 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
	 */
	function setScalarValue(token, value, context = {}) {
	    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
	    let indent = 'indent' in token ? token.indent : null;
	    if (afterKey && typeof indent === 'number')
	        indent += 2;
	    if (!type)
	        switch (token.type) {
	            case 'single-quoted-scalar':
	                type = 'QUOTE_SINGLE';
	                break;
	            case 'double-quoted-scalar':
	                type = 'QUOTE_DOUBLE';
	                break;
	            case 'block-scalar': {
	                const header = token.props[0];
	                if (header.type !== 'block-scalar-header')
	                    throw new Error('Invalid block scalar header');
	                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
	                break;
	            }
	            default:
	                type = 'PLAIN';
	        }
	    const source = stringifyString.stringifyString({ type, value }, {
	        implicitKey: implicitKey || indent === null,
	        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
	        inFlow,
	        options: { blockQuote: true, lineWidth: -1 }
	    });
	    switch (source[0]) {
	        case '|':
	        case '>':
	            setBlockScalarValue(token, source);
	            break;
	        case '"':
	            setFlowScalarValue(token, source, 'double-quoted-scalar');
	            break;
	        case "'":
	            setFlowScalarValue(token, source, 'single-quoted-scalar');
	            break;
	        default:
	            setFlowScalarValue(token, source, 'scalar');
	    }
	}
	function setBlockScalarValue(token, source) {
	    const he = source.indexOf('\n');
	    const head = source.substring(0, he);
	    const body = source.substring(he + 1) + '\n';
	    if (token.type === 'block-scalar') {
	        const header = token.props[0];
	        if (header.type !== 'block-scalar-header')
	            throw new Error('Invalid block scalar header');
	        header.source = head;
	        token.source = body;
	    }
	    else {
	        const { offset } = token;
	        const indent = 'indent' in token ? token.indent : -1;
	        const props = [
	            { type: 'block-scalar-header', offset, indent, source: head }
	        ];
	        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
	            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
	        for (const key of Object.keys(token))
	            if (key !== 'type' && key !== 'offset')
	                delete token[key];
	        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
	    }
	}
	/** @returns `true` if last token is a newline */
	function addEndtoBlockProps(props, end) {
	    if (end)
	        for (const st of end)
	            switch (st.type) {
	                case 'space':
	                case 'comment':
	                    props.push(st);
	                    break;
	                case 'newline':
	                    props.push(st);
	                    return true;
	            }
	    return false;
	}
	function setFlowScalarValue(token, source, type) {
	    switch (token.type) {
	        case 'scalar':
	        case 'double-quoted-scalar':
	        case 'single-quoted-scalar':
	            token.type = type;
	            token.source = source;
	            break;
	        case 'block-scalar': {
	            const end = token.props.slice(1);
	            let oa = source.length;
	            if (token.props[0].type === 'block-scalar-header')
	                oa -= token.props[0].source.length;
	            for (const tok of end)
	                tok.offset += oa;
	            delete token.props;
	            Object.assign(token, { type, source, end });
	            break;
	        }
	        case 'block-map':
	        case 'block-seq': {
	            const offset = token.offset + source.length;
	            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
	            delete token.items;
	            Object.assign(token, { type, source, end: [nl] });
	            break;
	        }
	        default: {
	            const indent = 'indent' in token ? token.indent : -1;
	            const end = 'end' in token && Array.isArray(token.end)
	                ? token.end.filter(st => st.type === 'space' ||
	                    st.type === 'comment' ||
	                    st.type === 'newline')
	                : [];
	            for (const key of Object.keys(token))
	                if (key !== 'type' && key !== 'offset')
	                    delete token[key];
	            Object.assign(token, { type, indent, source, end });
	        }
	    }
	}

	cstScalar.createScalarToken = createScalarToken;
	cstScalar.resolveAsScalar = resolveAsScalar;
	cstScalar.setScalarValue = setScalarValue;
	return cstScalar;
}

var cstStringify = {};

var hasRequiredCstStringify;

function requireCstStringify () {
	if (hasRequiredCstStringify) return cstStringify;
	hasRequiredCstStringify = 1;

	/**
	 * Stringify a CST document, token, or collection item
	 *
	 * Fair warning: This applies no validation whatsoever, and
	 * simply concatenates the sources in their logical order.
	 */
	const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
	function stringifyToken(token) {
	    switch (token.type) {
	        case 'block-scalar': {
	            let res = '';
	            for (const tok of token.props)
	                res += stringifyToken(tok);
	            return res + token.source;
	        }
	        case 'block-map':
	        case 'block-seq': {
	            let res = '';
	            for (const item of token.items)
	                res += stringifyItem(item);
	            return res;
	        }
	        case 'flow-collection': {
	            let res = token.start.source;
	            for (const item of token.items)
	                res += stringifyItem(item);
	            for (const st of token.end)
	                res += st.source;
	            return res;
	        }
	        case 'document': {
	            let res = stringifyItem(token);
	            if (token.end)
	                for (const st of token.end)
	                    res += st.source;
	            return res;
	        }
	        default: {
	            let res = token.source;
	            if ('end' in token && token.end)
	                for (const st of token.end)
	                    res += st.source;
	            return res;
	        }
	    }
	}
	function stringifyItem({ start, key, sep, value }) {
	    let res = '';
	    for (const st of start)
	        res += st.source;
	    if (key)
	        res += stringifyToken(key);
	    if (sep)
	        for (const st of sep)
	            res += st.source;
	    if (value)
	        res += stringifyToken(value);
	    return res;
	}

	cstStringify.stringify = stringify;
	return cstStringify;
}

var cstVisit = {};

var hasRequiredCstVisit;

function requireCstVisit () {
	if (hasRequiredCstVisit) return cstVisit;
	hasRequiredCstVisit = 1;

	const BREAK = Symbol('break visit');
	const SKIP = Symbol('skip children');
	const REMOVE = Symbol('remove item');
	/**
	 * Apply a visitor to a CST document or item.
	 *
	 * Walks through the tree (depth-first) starting from the root, calling a
	 * `visitor` function with two arguments when entering each item:
	 *   - `item`: The current item, which included the following members:
	 *     - `start: SourceToken[]` – Source tokens before the key or value,
	 *       possibly including its anchor or tag.
	 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
	 *       the key before the `:` separator is empty.
	 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
	 *       which should include the `:` map value indicator if `value` is set.
	 *     - `value?: Token` – The value of a sequence item, or of a map pair.
	 *   - `path`: The steps from the root to the current node, as an array of
	 *     `['key' | 'value', number]` tuples.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this token, continue with
	 *      next sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
	 *   - `number`: Set the index of the next step. This is useful especially if
	 *     the index of the current token has changed.
	 *   - `function`: Define the next visitor for this item. After the original
	 *     visitor is called on item entry, next visitors are called after handling
	 *     a non-empty `key` and when exiting the item.
	 */
	function visit(cst, visitor) {
	    if ('type' in cst && cst.type === 'document')
	        cst = { start: cst.start, value: cst.value };
	    _visit(Object.freeze([]), cst, visitor);
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visit.BREAK = BREAK;
	/** Do not visit the children of the current item */
	visit.SKIP = SKIP;
	/** Remove the current item */
	visit.REMOVE = REMOVE;
	/** Find the item at `path` from `cst` as the root */
	visit.itemAtPath = (cst, path) => {
	    let item = cst;
	    for (const [field, index] of path) {
	        const tok = item?.[field];
	        if (tok && 'items' in tok) {
	            item = tok.items[index];
	        }
	        else
	            return undefined;
	    }
	    return item;
	};
	/**
	 * Get the immediate parent collection of the item at `path` from `cst` as the root.
	 *
	 * Throws an error if the collection is not found, which should never happen if the item itself exists.
	 */
	visit.parentCollection = (cst, path) => {
	    const parent = visit.itemAtPath(cst, path.slice(0, -1));
	    const field = path[path.length - 1][0];
	    const coll = parent?.[field];
	    if (coll && 'items' in coll)
	        return coll;
	    throw new Error('Parent collection not found');
	};
	function _visit(path, item, visitor) {
	    let ctrl = visitor(item, path);
	    if (typeof ctrl === 'symbol')
	        return ctrl;
	    for (const field of ['key', 'value']) {
	        const token = item[field];
	        if (token && 'items' in token) {
	            for (let i = 0; i < token.items.length; ++i) {
	                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    token.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	            if (typeof ctrl === 'function' && field === 'key')
	                ctrl = ctrl(item, path);
	        }
	    }
	    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
	}

	cstVisit.visit = visit;
	return cstVisit;
}

var hasRequiredCst;

function requireCst () {
	if (hasRequiredCst) return cst;
	hasRequiredCst = 1;

	var cstScalar = requireCstScalar();
	var cstStringify = requireCstStringify();
	var cstVisit = requireCstVisit();

	/** The byte order mark */
	const BOM = '\u{FEFF}';
	/** Start of doc-mode */
	const DOCUMENT = '\x02'; // C0: Start of Text
	/** Unexpected end of flow-mode */
	const FLOW_END = '\x18'; // C0: Cancel
	/** Next token is a scalar value */
	const SCALAR = '\x1f'; // C0: Unit Separator
	/** @returns `true` if `token` is a flow or block collection */
	const isCollection = (token) => !!token && 'items' in token;
	/** @returns `true` if `token` is a flow or block scalar; not an alias */
	const isScalar = (token) => !!token &&
	    (token.type === 'scalar' ||
	        token.type === 'single-quoted-scalar' ||
	        token.type === 'double-quoted-scalar' ||
	        token.type === 'block-scalar');
	/* istanbul ignore next */
	/** Get a printable representation of a lexer token */
	function prettyToken(token) {
	    switch (token) {
	        case BOM:
	            return '<BOM>';
	        case DOCUMENT:
	            return '<DOC>';
	        case FLOW_END:
	            return '<FLOW_END>';
	        case SCALAR:
	            return '<SCALAR>';
	        default:
	            return JSON.stringify(token);
	    }
	}
	/** Identify the type of a lexer token. May return `null` for unknown tokens. */
	function tokenType(source) {
	    switch (source) {
	        case BOM:
	            return 'byte-order-mark';
	        case DOCUMENT:
	            return 'doc-mode';
	        case FLOW_END:
	            return 'flow-error-end';
	        case SCALAR:
	            return 'scalar';
	        case '---':
	            return 'doc-start';
	        case '...':
	            return 'doc-end';
	        case '':
	        case '\n':
	        case '\r\n':
	            return 'newline';
	        case '-':
	            return 'seq-item-ind';
	        case '?':
	            return 'explicit-key-ind';
	        case ':':
	            return 'map-value-ind';
	        case '{':
	            return 'flow-map-start';
	        case '}':
	            return 'flow-map-end';
	        case '[':
	            return 'flow-seq-start';
	        case ']':
	            return 'flow-seq-end';
	        case ',':
	            return 'comma';
	    }
	    switch (source[0]) {
	        case ' ':
	        case '\t':
	            return 'space';
	        case '#':
	            return 'comment';
	        case '%':
	            return 'directive-line';
	        case '*':
	            return 'alias';
	        case '&':
	            return 'anchor';
	        case '!':
	            return 'tag';
	        case "'":
	            return 'single-quoted-scalar';
	        case '"':
	            return 'double-quoted-scalar';
	        case '|':
	        case '>':
	            return 'block-scalar-header';
	    }
	    return null;
	}

	cst.createScalarToken = cstScalar.createScalarToken;
	cst.resolveAsScalar = cstScalar.resolveAsScalar;
	cst.setScalarValue = cstScalar.setScalarValue;
	cst.stringify = cstStringify.stringify;
	cst.visit = cstVisit.visit;
	cst.BOM = BOM;
	cst.DOCUMENT = DOCUMENT;
	cst.FLOW_END = FLOW_END;
	cst.SCALAR = SCALAR;
	cst.isCollection = isCollection;
	cst.isScalar = isScalar;
	cst.prettyToken = prettyToken;
	cst.tokenType = tokenType;
	return cst;
}

var lexer = {};

var hasRequiredLexer;

function requireLexer () {
	if (hasRequiredLexer) return lexer;
	hasRequiredLexer = 1;

	var cst = requireCst();

	/*
	START -> stream

	stream
	  directive -> line-end -> stream
	  indent + line-end -> stream
	  [else] -> line-start

	line-end
	  comment -> line-end
	  newline -> .
	  input-end -> END

	line-start
	  doc-start -> doc
	  doc-end -> stream
	  [else] -> indent -> block-start

	block-start
	  seq-item-start -> block-start
	  explicit-key-start -> block-start
	  map-value-start -> block-start
	  [else] -> doc

	doc
	  line-end -> line-start
	  spaces -> doc
	  anchor -> doc
	  tag -> doc
	  flow-start -> flow -> doc
	  flow-end -> error -> doc
	  seq-item-start -> error -> doc
	  explicit-key-start -> error -> doc
	  map-value-start -> doc
	  alias -> doc
	  quote-start -> quoted-scalar -> doc
	  block-scalar-header -> line-end -> block-scalar(min) -> line-start
	  [else] -> plain-scalar(false, min) -> doc

	flow
	  line-end -> flow
	  spaces -> flow
	  anchor -> flow
	  tag -> flow
	  flow-start -> flow -> flow
	  flow-end -> .
	  seq-item-start -> error -> flow
	  explicit-key-start -> flow
	  map-value-start -> flow
	  alias -> flow
	  quote-start -> quoted-scalar -> flow
	  comma -> flow
	  [else] -> plain-scalar(true, 0) -> flow

	quoted-scalar
	  quote-end -> .
	  [else] -> quoted-scalar

	block-scalar(min)
	  newline + peek(indent < min) -> .
	  [else] -> block-scalar(min)

	plain-scalar(is-flow, min)
	  scalar-end(is-flow) -> .
	  peek(newline + (indent < min)) -> .
	  [else] -> plain-scalar(min)
	*/
	function isEmpty(ch) {
	    switch (ch) {
	        case undefined:
	        case ' ':
	        case '\n':
	        case '\r':
	        case '\t':
	            return true;
	        default:
	            return false;
	    }
	}
	const hexDigits = new Set('0123456789ABCDEFabcdef');
	const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
	const flowIndicatorChars = new Set(',[]{}');
	const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
	const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
	/**
	 * Splits an input string into lexical tokens, i.e. smaller strings that are
	 * easily identifiable by `tokens.tokenType()`.
	 *
	 * Lexing starts always in a "stream" context. Incomplete input may be buffered
	 * until a complete token can be emitted.
	 *
	 * In addition to slices of the original input, the following control characters
	 * may also be emitted:
	 *
	 * - `\x02` (Start of Text): A document starts with the next token
	 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
	 * - `\x1f` (Unit Separator): Next token is a scalar value
	 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
	 */
	class Lexer {
	    constructor() {
	        /**
	         * Flag indicating whether the end of the current buffer marks the end of
	         * all input
	         */
	        this.atEnd = false;
	        /**
	         * Explicit indent set in block scalar header, as an offset from the current
	         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
	         * explicitly set.
	         */
	        this.blockScalarIndent = -1;
	        /**
	         * Block scalars that include a + (keep) chomping indicator in their header
	         * include trailing empty lines, which are otherwise excluded from the
	         * scalar's contents.
	         */
	        this.blockScalarKeep = false;
	        /** Current input */
	        this.buffer = '';
	        /**
	         * Flag noting whether the map value indicator : can immediately follow this
	         * node within a flow context.
	         */
	        this.flowKey = false;
	        /** Count of surrounding flow collection levels. */
	        this.flowLevel = 0;
	        /**
	         * Minimum level of indentation required for next lines to be parsed as a
	         * part of the current scalar value.
	         */
	        this.indentNext = 0;
	        /** Indentation level of the current line. */
	        this.indentValue = 0;
	        /** Position of the next \n character. */
	        this.lineEndPos = null;
	        /** Stores the state of the lexer if reaching the end of incpomplete input */
	        this.next = null;
	        /** A pointer to `buffer`; the current position of the lexer. */
	        this.pos = 0;
	    }
	    /**
	     * Generate YAML tokens from the `source` string. If `incomplete`,
	     * a part of the last line may be left as a buffer for the next call.
	     *
	     * @returns A generator of lexical tokens
	     */
	    *lex(source, incomplete = false) {
	        if (source) {
	            if (typeof source !== 'string')
	                throw TypeError('source is not a string');
	            this.buffer = this.buffer ? this.buffer + source : source;
	            this.lineEndPos = null;
	        }
	        this.atEnd = !incomplete;
	        let next = this.next ?? 'stream';
	        while (next && (incomplete || this.hasChars(1)))
	            next = yield* this.parseNext(next);
	    }
	    atLineEnd() {
	        let i = this.pos;
	        let ch = this.buffer[i];
	        while (ch === ' ' || ch === '\t')
	            ch = this.buffer[++i];
	        if (!ch || ch === '#' || ch === '\n')
	            return true;
	        if (ch === '\r')
	            return this.buffer[i + 1] === '\n';
	        return false;
	    }
	    charAt(n) {
	        return this.buffer[this.pos + n];
	    }
	    continueScalar(offset) {
	        let ch = this.buffer[offset];
	        if (this.indentNext > 0) {
	            let indent = 0;
	            while (ch === ' ')
	                ch = this.buffer[++indent + offset];
	            if (ch === '\r') {
	                const next = this.buffer[indent + offset + 1];
	                if (next === '\n' || (!next && !this.atEnd))
	                    return offset + indent + 1;
	            }
	            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
	                ? offset + indent
	                : -1;
	        }
	        if (ch === '-' || ch === '.') {
	            const dt = this.buffer.substr(offset, 3);
	            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
	                return -1;
	        }
	        return offset;
	    }
	    getLine() {
	        let end = this.lineEndPos;
	        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
	            end = this.buffer.indexOf('\n', this.pos);
	            this.lineEndPos = end;
	        }
	        if (end === -1)
	            return this.atEnd ? this.buffer.substring(this.pos) : null;
	        if (this.buffer[end - 1] === '\r')
	            end -= 1;
	        return this.buffer.substring(this.pos, end);
	    }
	    hasChars(n) {
	        return this.pos + n <= this.buffer.length;
	    }
	    setNext(state) {
	        this.buffer = this.buffer.substring(this.pos);
	        this.pos = 0;
	        this.lineEndPos = null;
	        this.next = state;
	        return null;
	    }
	    peek(n) {
	        return this.buffer.substr(this.pos, n);
	    }
	    *parseNext(next) {
	        switch (next) {
	            case 'stream':
	                return yield* this.parseStream();
	            case 'line-start':
	                return yield* this.parseLineStart();
	            case 'block-start':
	                return yield* this.parseBlockStart();
	            case 'doc':
	                return yield* this.parseDocument();
	            case 'flow':
	                return yield* this.parseFlowCollection();
	            case 'quoted-scalar':
	                return yield* this.parseQuotedScalar();
	            case 'block-scalar':
	                return yield* this.parseBlockScalar();
	            case 'plain-scalar':
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseStream() {
	        let line = this.getLine();
	        if (line === null)
	            return this.setNext('stream');
	        if (line[0] === cst.BOM) {
	            yield* this.pushCount(1);
	            line = line.substring(1);
	        }
	        if (line[0] === '%') {
	            let dirEnd = line.length;
	            let cs = line.indexOf('#');
	            while (cs !== -1) {
	                const ch = line[cs - 1];
	                if (ch === ' ' || ch === '\t') {
	                    dirEnd = cs - 1;
	                    break;
	                }
	                else {
	                    cs = line.indexOf('#', cs + 1);
	                }
	            }
	            while (true) {
	                const ch = line[dirEnd - 1];
	                if (ch === ' ' || ch === '\t')
	                    dirEnd -= 1;
	                else
	                    break;
	            }
	            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
	            yield* this.pushCount(line.length - n); // possible comment
	            this.pushNewline();
	            return 'stream';
	        }
	        if (this.atLineEnd()) {
	            const sp = yield* this.pushSpaces(true);
	            yield* this.pushCount(line.length - sp);
	            yield* this.pushNewline();
	            return 'stream';
	        }
	        yield cst.DOCUMENT;
	        return yield* this.parseLineStart();
	    }
	    *parseLineStart() {
	        const ch = this.charAt(0);
	        if (!ch && !this.atEnd)
	            return this.setNext('line-start');
	        if (ch === '-' || ch === '.') {
	            if (!this.atEnd && !this.hasChars(4))
	                return this.setNext('line-start');
	            const s = this.peek(3);
	            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
	                yield* this.pushCount(3);
	                this.indentValue = 0;
	                this.indentNext = 0;
	                return s === '---' ? 'doc' : 'stream';
	            }
	        }
	        this.indentValue = yield* this.pushSpaces(false);
	        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
	            this.indentNext = this.indentValue;
	        return yield* this.parseBlockStart();
	    }
	    *parseBlockStart() {
	        const [ch0, ch1] = this.peek(2);
	        if (!ch1 && !this.atEnd)
	            return this.setNext('block-start');
	        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
	            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
	            this.indentNext = this.indentValue + 1;
	            this.indentValue += n;
	            return 'block-start';
	        }
	        return 'doc';
	    }
	    *parseDocument() {
	        yield* this.pushSpaces(true);
	        const line = this.getLine();
	        if (line === null)
	            return this.setNext('doc');
	        let n = yield* this.pushIndicators();
	        switch (line[n]) {
	            case '#':
	                yield* this.pushCount(line.length - n);
	            // fallthrough
	            case undefined:
	                yield* this.pushNewline();
	                return yield* this.parseLineStart();
	            case '{':
	            case '[':
	                yield* this.pushCount(1);
	                this.flowKey = false;
	                this.flowLevel = 1;
	                return 'flow';
	            case '}':
	            case ']':
	                // this is an error
	                yield* this.pushCount(1);
	                return 'doc';
	            case '*':
	                yield* this.pushUntil(isNotAnchorChar);
	                return 'doc';
	            case '"':
	            case "'":
	                return yield* this.parseQuotedScalar();
	            case '|':
	            case '>':
	                n += yield* this.parseBlockScalarHeader();
	                n += yield* this.pushSpaces(true);
	                yield* this.pushCount(line.length - n);
	                yield* this.pushNewline();
	                return yield* this.parseBlockScalar();
	            default:
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseFlowCollection() {
	        let nl, sp;
	        let indent = -1;
	        do {
	            nl = yield* this.pushNewline();
	            if (nl > 0) {
	                sp = yield* this.pushSpaces(false);
	                this.indentValue = indent = sp;
	            }
	            else {
	                sp = 0;
	            }
	            sp += yield* this.pushSpaces(true);
	        } while (nl + sp > 0);
	        const line = this.getLine();
	        if (line === null)
	            return this.setNext('flow');
	        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
	            (indent === 0 &&
	                (line.startsWith('---') || line.startsWith('...')) &&
	                isEmpty(line[3]))) {
	            // Allowing for the terminal ] or } at the same (rather than greater)
	            // indent level as the initial [ or { is technically invalid, but
	            // failing here would be surprising to users.
	            const atFlowEndMarker = indent === this.indentNext - 1 &&
	                this.flowLevel === 1 &&
	                (line[0] === ']' || line[0] === '}');
	            if (!atFlowEndMarker) {
	                // this is an error
	                this.flowLevel = 0;
	                yield cst.FLOW_END;
	                return yield* this.parseLineStart();
	            }
	        }
	        let n = 0;
	        while (line[n] === ',') {
	            n += yield* this.pushCount(1);
	            n += yield* this.pushSpaces(true);
	            this.flowKey = false;
	        }
	        n += yield* this.pushIndicators();
	        switch (line[n]) {
	            case undefined:
	                return 'flow';
	            case '#':
	                yield* this.pushCount(line.length - n);
	                return 'flow';
	            case '{':
	            case '[':
	                yield* this.pushCount(1);
	                this.flowKey = false;
	                this.flowLevel += 1;
	                return 'flow';
	            case '}':
	            case ']':
	                yield* this.pushCount(1);
	                this.flowKey = true;
	                this.flowLevel -= 1;
	                return this.flowLevel ? 'flow' : 'doc';
	            case '*':
	                yield* this.pushUntil(isNotAnchorChar);
	                return 'flow';
	            case '"':
	            case "'":
	                this.flowKey = true;
	                return yield* this.parseQuotedScalar();
	            case ':': {
	                const next = this.charAt(1);
	                if (this.flowKey || isEmpty(next) || next === ',') {
	                    this.flowKey = false;
	                    yield* this.pushCount(1);
	                    yield* this.pushSpaces(true);
	                    return 'flow';
	                }
	            }
	            // fallthrough
	            default:
	                this.flowKey = false;
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseQuotedScalar() {
	        const quote = this.charAt(0);
	        let end = this.buffer.indexOf(quote, this.pos + 1);
	        if (quote === "'") {
	            while (end !== -1 && this.buffer[end + 1] === "'")
	                end = this.buffer.indexOf("'", end + 2);
	        }
	        else {
	            // double-quote
	            while (end !== -1) {
	                let n = 0;
	                while (this.buffer[end - 1 - n] === '\\')
	                    n += 1;
	                if (n % 2 === 0)
	                    break;
	                end = this.buffer.indexOf('"', end + 1);
	            }
	        }
	        // Only looking for newlines within the quotes
	        const qb = this.buffer.substring(0, end);
	        let nl = qb.indexOf('\n', this.pos);
	        if (nl !== -1) {
	            while (nl !== -1) {
	                const cs = this.continueScalar(nl + 1);
	                if (cs === -1)
	                    break;
	                nl = qb.indexOf('\n', cs);
	            }
	            if (nl !== -1) {
	                // this is an error caused by an unexpected unindent
	                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
	            }
	        }
	        if (end === -1) {
	            if (!this.atEnd)
	                return this.setNext('quoted-scalar');
	            end = this.buffer.length;
	        }
	        yield* this.pushToIndex(end + 1, false);
	        return this.flowLevel ? 'flow' : 'doc';
	    }
	    *parseBlockScalarHeader() {
	        this.blockScalarIndent = -1;
	        this.blockScalarKeep = false;
	        let i = this.pos;
	        while (true) {
	            const ch = this.buffer[++i];
	            if (ch === '+')
	                this.blockScalarKeep = true;
	            else if (ch > '0' && ch <= '9')
	                this.blockScalarIndent = Number(ch) - 1;
	            else if (ch !== '-')
	                break;
	        }
	        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
	    }
	    *parseBlockScalar() {
	        let nl = this.pos - 1; // may be -1 if this.pos === 0
	        let indent = 0;
	        let ch;
	        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
	            switch (ch) {
	                case ' ':
	                    indent += 1;
	                    break;
	                case '\n':
	                    nl = i;
	                    indent = 0;
	                    break;
	                case '\r': {
	                    const next = this.buffer[i + 1];
	                    if (!next && !this.atEnd)
	                        return this.setNext('block-scalar');
	                    if (next === '\n')
	                        break;
	                } // fallthrough
	                default:
	                    break loop;
	            }
	        }
	        if (!ch && !this.atEnd)
	            return this.setNext('block-scalar');
	        if (indent >= this.indentNext) {
	            if (this.blockScalarIndent === -1)
	                this.indentNext = indent;
	            else {
	                this.indentNext =
	                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
	            }
	            do {
	                const cs = this.continueScalar(nl + 1);
	                if (cs === -1)
	                    break;
	                nl = this.buffer.indexOf('\n', cs);
	            } while (nl !== -1);
	            if (nl === -1) {
	                if (!this.atEnd)
	                    return this.setNext('block-scalar');
	                nl = this.buffer.length;
	            }
	        }
	        // Trailing insufficiently indented tabs are invalid.
	        // To catch that during parsing, we include them in the block scalar value.
	        let i = nl + 1;
	        ch = this.buffer[i];
	        while (ch === ' ')
	            ch = this.buffer[++i];
	        if (ch === '\t') {
	            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
	                ch = this.buffer[++i];
	            nl = i - 1;
	        }
	        else if (!this.blockScalarKeep) {
	            do {
	                let i = nl - 1;
	                let ch = this.buffer[i];
	                if (ch === '\r')
	                    ch = this.buffer[--i];
	                const lastChar = i; // Drop the line if last char not more indented
	                while (ch === ' ')
	                    ch = this.buffer[--i];
	                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
	                    nl = i;
	                else
	                    break;
	            } while (true);
	        }
	        yield cst.SCALAR;
	        yield* this.pushToIndex(nl + 1, true);
	        return yield* this.parseLineStart();
	    }
	    *parsePlainScalar() {
	        const inFlow = this.flowLevel > 0;
	        let end = this.pos - 1;
	        let i = this.pos - 1;
	        let ch;
	        while ((ch = this.buffer[++i])) {
	            if (ch === ':') {
	                const next = this.buffer[i + 1];
	                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
	                    break;
	                end = i;
	            }
	            else if (isEmpty(ch)) {
	                let next = this.buffer[i + 1];
	                if (ch === '\r') {
	                    if (next === '\n') {
	                        i += 1;
	                        ch = '\n';
	                        next = this.buffer[i + 1];
	                    }
	                    else
	                        end = i;
	                }
	                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
	                    break;
	                if (ch === '\n') {
	                    const cs = this.continueScalar(i + 1);
	                    if (cs === -1)
	                        break;
	                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
	                }
	            }
	            else {
	                if (inFlow && flowIndicatorChars.has(ch))
	                    break;
	                end = i;
	            }
	        }
	        if (!ch && !this.atEnd)
	            return this.setNext('plain-scalar');
	        yield cst.SCALAR;
	        yield* this.pushToIndex(end + 1, true);
	        return inFlow ? 'flow' : 'doc';
	    }
	    *pushCount(n) {
	        if (n > 0) {
	            yield this.buffer.substr(this.pos, n);
	            this.pos += n;
	            return n;
	        }
	        return 0;
	    }
	    *pushToIndex(i, allowEmpty) {
	        const s = this.buffer.slice(this.pos, i);
	        if (s) {
	            yield s;
	            this.pos += s.length;
	            return s.length;
	        }
	        else if (allowEmpty)
	            yield '';
	        return 0;
	    }
	    *pushIndicators() {
	        let n = 0;
	        loop: while (true) {
	            switch (this.charAt(0)) {
	                case '!':
	                    n += yield* this.pushTag();
	                    n += yield* this.pushSpaces(true);
	                    continue loop;
	                case '&':
	                    n += yield* this.pushUntil(isNotAnchorChar);
	                    n += yield* this.pushSpaces(true);
	                    continue loop;
	                case '-': // this is an error
	                case '?': // this is an error outside flow collections
	                case ':': {
	                    const inFlow = this.flowLevel > 0;
	                    const ch1 = this.charAt(1);
	                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
	                        if (!inFlow)
	                            this.indentNext = this.indentValue + 1;
	                        else if (this.flowKey)
	                            this.flowKey = false;
	                        n += yield* this.pushCount(1);
	                        n += yield* this.pushSpaces(true);
	                        continue loop;
	                    }
	                }
	            }
	            break loop;
	        }
	        return n;
	    }
	    *pushTag() {
	        if (this.charAt(1) === '<') {
	            let i = this.pos + 2;
	            let ch = this.buffer[i];
	            while (!isEmpty(ch) && ch !== '>')
	                ch = this.buffer[++i];
	            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
	        }
	        else {
	            let i = this.pos + 1;
	            let ch = this.buffer[i];
	            while (ch) {
	                if (tagChars.has(ch))
	                    ch = this.buffer[++i];
	                else if (ch === '%' &&
	                    hexDigits.has(this.buffer[i + 1]) &&
	                    hexDigits.has(this.buffer[i + 2])) {
	                    ch = this.buffer[(i += 3)];
	                }
	                else
	                    break;
	            }
	            return yield* this.pushToIndex(i, false);
	        }
	    }
	    *pushNewline() {
	        const ch = this.buffer[this.pos];
	        if (ch === '\n')
	            return yield* this.pushCount(1);
	        else if (ch === '\r' && this.charAt(1) === '\n')
	            return yield* this.pushCount(2);
	        else
	            return 0;
	    }
	    *pushSpaces(allowTabs) {
	        let i = this.pos - 1;
	        let ch;
	        do {
	            ch = this.buffer[++i];
	        } while (ch === ' ' || (allowTabs && ch === '\t'));
	        const n = i - this.pos;
	        if (n > 0) {
	            yield this.buffer.substr(this.pos, n);
	            this.pos = i;
	        }
	        return n;
	    }
	    *pushUntil(test) {
	        let i = this.pos;
	        let ch = this.buffer[i];
	        while (!test(ch))
	            ch = this.buffer[++i];
	        return yield* this.pushToIndex(i, false);
	    }
	}

	lexer.Lexer = Lexer;
	return lexer;
}

var lineCounter = {};

var hasRequiredLineCounter;

function requireLineCounter () {
	if (hasRequiredLineCounter) return lineCounter;
	hasRequiredLineCounter = 1;

	/**
	 * Tracks newlines during parsing in order to provide an efficient API for
	 * determining the one-indexed `{ line, col }` position for any offset
	 * within the input.
	 */
	class LineCounter {
	    constructor() {
	        this.lineStarts = [];
	        /**
	         * Should be called in ascending order. Otherwise, call
	         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
	         */
	        this.addNewLine = (offset) => this.lineStarts.push(offset);
	        /**
	         * Performs a binary search and returns the 1-indexed { line, col }
	         * position of `offset`. If `line === 0`, `addNewLine` has never been
	         * called or `offset` is before the first known newline.
	         */
	        this.linePos = (offset) => {
	            let low = 0;
	            let high = this.lineStarts.length;
	            while (low < high) {
	                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
	                if (this.lineStarts[mid] < offset)
	                    low = mid + 1;
	                else
	                    high = mid;
	            }
	            if (this.lineStarts[low] === offset)
	                return { line: low + 1, col: 1 };
	            if (low === 0)
	                return { line: 0, col: offset };
	            const start = this.lineStarts[low - 1];
	            return { line: low, col: offset - start + 1 };
	        };
	    }
	}

	lineCounter.LineCounter = LineCounter;
	return lineCounter;
}

var parser = {};

var hasRequiredParser;

function requireParser () {
	if (hasRequiredParser) return parser;
	hasRequiredParser = 1;

	var node_process = require$$0;
	var cst = requireCst();
	var lexer = requireLexer();

	function includesToken(list, type) {
	    for (let i = 0; i < list.length; ++i)
	        if (list[i].type === type)
	            return true;
	    return false;
	}
	function findNonEmptyIndex(list) {
	    for (let i = 0; i < list.length; ++i) {
	        switch (list[i].type) {
	            case 'space':
	            case 'comment':
	            case 'newline':
	                break;
	            default:
	                return i;
	        }
	    }
	    return -1;
	}
	function isFlowToken(token) {
	    switch (token?.type) {
	        case 'alias':
	        case 'scalar':
	        case 'single-quoted-scalar':
	        case 'double-quoted-scalar':
	        case 'flow-collection':
	            return true;
	        default:
	            return false;
	    }
	}
	function getPrevProps(parent) {
	    switch (parent.type) {
	        case 'document':
	            return parent.start;
	        case 'block-map': {
	            const it = parent.items[parent.items.length - 1];
	            return it.sep ?? it.start;
	        }
	        case 'block-seq':
	            return parent.items[parent.items.length - 1].start;
	        /* istanbul ignore next should not happen */
	        default:
	            return [];
	    }
	}
	/** Note: May modify input array */
	function getFirstKeyStartProps(prev) {
	    if (prev.length === 0)
	        return [];
	    let i = prev.length;
	    loop: while (--i >= 0) {
	        switch (prev[i].type) {
	            case 'doc-start':
	            case 'explicit-key-ind':
	            case 'map-value-ind':
	            case 'seq-item-ind':
	            case 'newline':
	                break loop;
	        }
	    }
	    while (prev[++i]?.type === 'space') {
	        /* loop */
	    }
	    return prev.splice(i, prev.length);
	}
	function arrayPushArray(target, source) {
	    // May exhaust call stack with large `source` array
	    if (source.length < 1e5)
	        Array.prototype.push.apply(target, source);
	    else
	        for (let i = 0; i < source.length; ++i)
	            target.push(source[i]);
	}
	function fixFlowSeqItems(fc) {
	    if (fc.start.type === 'flow-seq-start') {
	        for (const it of fc.items) {
	            if (it.sep &&
	                !it.value &&
	                !includesToken(it.start, 'explicit-key-ind') &&
	                !includesToken(it.sep, 'map-value-ind')) {
	                if (it.key)
	                    it.value = it.key;
	                delete it.key;
	                if (isFlowToken(it.value)) {
	                    if (it.value.end)
	                        arrayPushArray(it.value.end, it.sep);
	                    else
	                        it.value.end = it.sep;
	                }
	                else
	                    arrayPushArray(it.start, it.sep);
	                delete it.sep;
	            }
	        }
	    }
	}
	/**
	 * A YAML concrete syntax tree (CST) parser
	 *
	 * ```ts
	 * const src: string = ...
	 * for (const token of new Parser().parse(src)) {
	 *   // token: Token
	 * }
	 * ```
	 *
	 * To use the parser with a user-provided lexer:
	 *
	 * ```ts
	 * function* parse(source: string, lexer: Lexer) {
	 *   const parser = new Parser()
	 *   for (const lexeme of lexer.lex(source))
	 *     yield* parser.next(lexeme)
	 *   yield* parser.end()
	 * }
	 *
	 * const src: string = ...
	 * const lexer = new Lexer()
	 * for (const token of parse(src, lexer)) {
	 *   // token: Token
	 * }
	 * ```
	 */
	class Parser {
	    /**
	     * @param onNewLine - If defined, called separately with the start position of
	     *   each new line (in `parse()`, including the start of input).
	     */
	    constructor(onNewLine) {
	        /** If true, space and sequence indicators count as indentation */
	        this.atNewLine = true;
	        /** If true, next token is a scalar value */
	        this.atScalar = false;
	        /** Current indentation level */
	        this.indent = 0;
	        /** Current offset since the start of parsing */
	        this.offset = 0;
	        /** On the same line with a block map key */
	        this.onKeyLine = false;
	        /** Top indicates the node that's currently being built */
	        this.stack = [];
	        /** The source of the current token, set in parse() */
	        this.source = '';
	        /** The type of the current token, set in parse() */
	        this.type = '';
	        // Must be defined after `next()`
	        this.lexer = new lexer.Lexer();
	        this.onNewLine = onNewLine;
	    }
	    /**
	     * Parse `source` as a YAML stream.
	     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
	     *
	     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
	     *
	     * @returns A generator of tokens representing each directive, document, and other structure.
	     */
	    *parse(source, incomplete = false) {
	        if (this.onNewLine && this.offset === 0)
	            this.onNewLine(0);
	        for (const lexeme of this.lexer.lex(source, incomplete))
	            yield* this.next(lexeme);
	        if (!incomplete)
	            yield* this.end();
	    }
	    /**
	     * Advance the parser by the `source` of one lexical token.
	     */
	    *next(source) {
	        this.source = source;
	        if (node_process.env.LOG_TOKENS)
	            console.log('|', cst.prettyToken(source));
	        if (this.atScalar) {
	            this.atScalar = false;
	            yield* this.step();
	            this.offset += source.length;
	            return;
	        }
	        const type = cst.tokenType(source);
	        if (!type) {
	            const message = `Not a YAML token: ${source}`;
	            yield* this.pop({ type: 'error', offset: this.offset, message, source });
	            this.offset += source.length;
	        }
	        else if (type === 'scalar') {
	            this.atNewLine = false;
	            this.atScalar = true;
	            this.type = 'scalar';
	        }
	        else {
	            this.type = type;
	            yield* this.step();
	            switch (type) {
	                case 'newline':
	                    this.atNewLine = true;
	                    this.indent = 0;
	                    if (this.onNewLine)
	                        this.onNewLine(this.offset + source.length);
	                    break;
	                case 'space':
	                    if (this.atNewLine && source[0] === ' ')
	                        this.indent += source.length;
	                    break;
	                case 'explicit-key-ind':
	                case 'map-value-ind':
	                case 'seq-item-ind':
	                    if (this.atNewLine)
	                        this.indent += source.length;
	                    break;
	                case 'doc-mode':
	                case 'flow-error-end':
	                    return;
	                default:
	                    this.atNewLine = false;
	            }
	            this.offset += source.length;
	        }
	    }
	    /** Call at end of input to push out any remaining constructions */
	    *end() {
	        while (this.stack.length > 0)
	            yield* this.pop();
	    }
	    get sourceToken() {
	        const st = {
	            type: this.type,
	            offset: this.offset,
	            indent: this.indent,
	            source: this.source
	        };
	        return st;
	    }
	    *step() {
	        const top = this.peek(1);
	        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
	            while (this.stack.length > 0)
	                yield* this.pop();
	            this.stack.push({
	                type: 'doc-end',
	                offset: this.offset,
	                source: this.source
	            });
	            return;
	        }
	        if (!top)
	            return yield* this.stream();
	        switch (top.type) {
	            case 'document':
	                return yield* this.document(top);
	            case 'alias':
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return yield* this.scalar(top);
	            case 'block-scalar':
	                return yield* this.blockScalar(top);
	            case 'block-map':
	                return yield* this.blockMap(top);
	            case 'block-seq':
	                return yield* this.blockSequence(top);
	            case 'flow-collection':
	                return yield* this.flowCollection(top);
	            case 'doc-end':
	                return yield* this.documentEnd(top);
	        }
	        /* istanbul ignore next should not happen */
	        yield* this.pop();
	    }
	    peek(n) {
	        return this.stack[this.stack.length - n];
	    }
	    *pop(error) {
	        const token = error ?? this.stack.pop();
	        /* istanbul ignore if should not happen */
	        if (!token) {
	            const message = 'Tried to pop an empty stack';
	            yield { type: 'error', offset: this.offset, source: '', message };
	        }
	        else if (this.stack.length === 0) {
	            yield token;
	        }
	        else {
	            const top = this.peek(1);
	            if (token.type === 'block-scalar') {
	                // Block scalars use their parent rather than header indent
	                token.indent = 'indent' in top ? top.indent : 0;
	            }
	            else if (token.type === 'flow-collection' && top.type === 'document') {
	                // Ignore all indent for top-level flow collections
	                token.indent = 0;
	            }
	            if (token.type === 'flow-collection')
	                fixFlowSeqItems(token);
	            switch (top.type) {
	                case 'document':
	                    top.value = token;
	                    break;
	                case 'block-scalar':
	                    top.props.push(token); // error
	                    break;
	                case 'block-map': {
	                    const it = top.items[top.items.length - 1];
	                    if (it.value) {
	                        top.items.push({ start: [], key: token, sep: [] });
	                        this.onKeyLine = true;
	                        return;
	                    }
	                    else if (it.sep) {
	                        it.value = token;
	                    }
	                    else {
	                        Object.assign(it, { key: token, sep: [] });
	                        this.onKeyLine = !it.explicitKey;
	                        return;
	                    }
	                    break;
	                }
	                case 'block-seq': {
	                    const it = top.items[top.items.length - 1];
	                    if (it.value)
	                        top.items.push({ start: [], value: token });
	                    else
	                        it.value = token;
	                    break;
	                }
	                case 'flow-collection': {
	                    const it = top.items[top.items.length - 1];
	                    if (!it || it.value)
	                        top.items.push({ start: [], key: token, sep: [] });
	                    else if (it.sep)
	                        it.value = token;
	                    else
	                        Object.assign(it, { key: token, sep: [] });
	                    return;
	                }
	                /* istanbul ignore next should not happen */
	                default:
	                    yield* this.pop();
	                    yield* this.pop(token);
	            }
	            if ((top.type === 'document' ||
	                top.type === 'block-map' ||
	                top.type === 'block-seq') &&
	                (token.type === 'block-map' || token.type === 'block-seq')) {
	                const last = token.items[token.items.length - 1];
	                if (last &&
	                    !last.sep &&
	                    !last.value &&
	                    last.start.length > 0 &&
	                    findNonEmptyIndex(last.start) === -1 &&
	                    (token.indent === 0 ||
	                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
	                    if (top.type === 'document')
	                        top.end = last.start;
	                    else
	                        top.items.push({ start: last.start });
	                    token.items.splice(-1, 1);
	                }
	            }
	        }
	    }
	    *stream() {
	        switch (this.type) {
	            case 'directive-line':
	                yield { type: 'directive', offset: this.offset, source: this.source };
	                return;
	            case 'byte-order-mark':
	            case 'space':
	            case 'comment':
	            case 'newline':
	                yield this.sourceToken;
	                return;
	            case 'doc-mode':
	            case 'doc-start': {
	                const doc = {
	                    type: 'document',
	                    offset: this.offset,
	                    start: []
	                };
	                if (this.type === 'doc-start')
	                    doc.start.push(this.sourceToken);
	                this.stack.push(doc);
	                return;
	            }
	        }
	        yield {
	            type: 'error',
	            offset: this.offset,
	            message: `Unexpected ${this.type} token in YAML stream`,
	            source: this.source
	        };
	    }
	    *document(doc) {
	        if (doc.value)
	            return yield* this.lineEnd(doc);
	        switch (this.type) {
	            case 'doc-start': {
	                if (findNonEmptyIndex(doc.start) !== -1) {
	                    yield* this.pop();
	                    yield* this.step();
	                }
	                else
	                    doc.start.push(this.sourceToken);
	                return;
	            }
	            case 'anchor':
	            case 'tag':
	            case 'space':
	            case 'comment':
	            case 'newline':
	                doc.start.push(this.sourceToken);
	                return;
	        }
	        const bv = this.startBlockValue(doc);
	        if (bv)
	            this.stack.push(bv);
	        else {
	            yield {
	                type: 'error',
	                offset: this.offset,
	                message: `Unexpected ${this.type} token in YAML document`,
	                source: this.source
	            };
	        }
	    }
	    *scalar(scalar) {
	        if (this.type === 'map-value-ind') {
	            const prev = getPrevProps(this.peek(2));
	            const start = getFirstKeyStartProps(prev);
	            let sep;
	            if (scalar.end) {
	                sep = scalar.end;
	                sep.push(this.sourceToken);
	                delete scalar.end;
	            }
	            else
	                sep = [this.sourceToken];
	            const map = {
	                type: 'block-map',
	                offset: scalar.offset,
	                indent: scalar.indent,
	                items: [{ start, key: scalar, sep }]
	            };
	            this.onKeyLine = true;
	            this.stack[this.stack.length - 1] = map;
	        }
	        else
	            yield* this.lineEnd(scalar);
	    }
	    *blockScalar(scalar) {
	        switch (this.type) {
	            case 'space':
	            case 'comment':
	            case 'newline':
	                scalar.props.push(this.sourceToken);
	                return;
	            case 'scalar':
	                scalar.source = this.source;
	                // block-scalar source includes trailing newline
	                this.atNewLine = true;
	                this.indent = 0;
	                if (this.onNewLine) {
	                    let nl = this.source.indexOf('\n') + 1;
	                    while (nl !== 0) {
	                        this.onNewLine(this.offset + nl);
	                        nl = this.source.indexOf('\n', nl) + 1;
	                    }
	                }
	                yield* this.pop();
	                break;
	            /* istanbul ignore next should not happen */
	            default:
	                yield* this.pop();
	                yield* this.step();
	        }
	    }
	    *blockMap(map) {
	        const it = map.items[map.items.length - 1];
	        // it.sep is true-ish if pair already has key or : separator
	        switch (this.type) {
	            case 'newline':
	                this.onKeyLine = false;
	                if (it.value) {
	                    const end = 'end' in it.value ? it.value.end : undefined;
	                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
	                    if (last?.type === 'comment')
	                        end?.push(this.sourceToken);
	                    else
	                        map.items.push({ start: [this.sourceToken] });
	                }
	                else if (it.sep) {
	                    it.sep.push(this.sourceToken);
	                }
	                else {
	                    it.start.push(this.sourceToken);
	                }
	                return;
	            case 'space':
	            case 'comment':
	                if (it.value) {
	                    map.items.push({ start: [this.sourceToken] });
	                }
	                else if (it.sep) {
	                    it.sep.push(this.sourceToken);
	                }
	                else {
	                    if (this.atIndentedComment(it.start, map.indent)) {
	                        const prev = map.items[map.items.length - 2];
	                        const end = prev?.value?.end;
	                        if (Array.isArray(end)) {
	                            arrayPushArray(end, it.start);
	                            end.push(this.sourceToken);
	                            map.items.pop();
	                            return;
	                        }
	                    }
	                    it.start.push(this.sourceToken);
	                }
	                return;
	        }
	        if (this.indent >= map.indent) {
	            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
	            const atNextItem = atMapIndent &&
	                (it.sep || it.explicitKey) &&
	                this.type !== 'seq-item-ind';
	            // For empty nodes, assign newline-separated not indented empty tokens to following node
	            let start = [];
	            if (atNextItem && it.sep && !it.value) {
	                const nl = [];
	                for (let i = 0; i < it.sep.length; ++i) {
	                    const st = it.sep[i];
	                    switch (st.type) {
	                        case 'newline':
	                            nl.push(i);
	                            break;
	                        case 'space':
	                            break;
	                        case 'comment':
	                            if (st.indent > map.indent)
	                                nl.length = 0;
	                            break;
	                        default:
	                            nl.length = 0;
	                    }
	                }
	                if (nl.length >= 2)
	                    start = it.sep.splice(nl[1]);
	            }
	            switch (this.type) {
	                case 'anchor':
	                case 'tag':
	                    if (atNextItem || it.value) {
	                        start.push(this.sourceToken);
	                        map.items.push({ start });
	                        this.onKeyLine = true;
	                    }
	                    else if (it.sep) {
	                        it.sep.push(this.sourceToken);
	                    }
	                    else {
	                        it.start.push(this.sourceToken);
	                    }
	                    return;
	                case 'explicit-key-ind':
	                    if (!it.sep && !it.explicitKey) {
	                        it.start.push(this.sourceToken);
	                        it.explicitKey = true;
	                    }
	                    else if (atNextItem || it.value) {
	                        start.push(this.sourceToken);
	                        map.items.push({ start, explicitKey: true });
	                    }
	                    else {
	                        this.stack.push({
	                            type: 'block-map',
	                            offset: this.offset,
	                            indent: this.indent,
	                            items: [{ start: [this.sourceToken], explicitKey: true }]
	                        });
	                    }
	                    this.onKeyLine = true;
	                    return;
	                case 'map-value-ind':
	                    if (it.explicitKey) {
	                        if (!it.sep) {
	                            if (includesToken(it.start, 'newline')) {
	                                Object.assign(it, { key: null, sep: [this.sourceToken] });
	                            }
	                            else {
	                                const start = getFirstKeyStartProps(it.start);
	                                this.stack.push({
	                                    type: 'block-map',
	                                    offset: this.offset,
	                                    indent: this.indent,
	                                    items: [{ start, key: null, sep: [this.sourceToken] }]
	                                });
	                            }
	                        }
	                        else if (it.value) {
	                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
	                        }
	                        else if (includesToken(it.sep, 'map-value-ind')) {
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start, key: null, sep: [this.sourceToken] }]
	                            });
	                        }
	                        else if (isFlowToken(it.key) &&
	                            !includesToken(it.sep, 'newline')) {
	                            const start = getFirstKeyStartProps(it.start);
	                            const key = it.key;
	                            const sep = it.sep;
	                            sep.push(this.sourceToken);
	                            // @ts-expect-error type guard is wrong here
	                            delete it.key;
	                            // @ts-expect-error type guard is wrong here
	                            delete it.sep;
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start, key, sep }]
	                            });
	                        }
	                        else if (start.length > 0) {
	                            // Not actually at next item
	                            it.sep = it.sep.concat(start, this.sourceToken);
	                        }
	                        else {
	                            it.sep.push(this.sourceToken);
	                        }
	                    }
	                    else {
	                        if (!it.sep) {
	                            Object.assign(it, { key: null, sep: [this.sourceToken] });
	                        }
	                        else if (it.value || atNextItem) {
	                            map.items.push({ start, key: null, sep: [this.sourceToken] });
	                        }
	                        else if (includesToken(it.sep, 'map-value-ind')) {
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
	                            });
	                        }
	                        else {
	                            it.sep.push(this.sourceToken);
	                        }
	                    }
	                    this.onKeyLine = true;
	                    return;
	                case 'alias':
	                case 'scalar':
	                case 'single-quoted-scalar':
	                case 'double-quoted-scalar': {
	                    const fs = this.flowScalar(this.type);
	                    if (atNextItem || it.value) {
	                        map.items.push({ start, key: fs, sep: [] });
	                        this.onKeyLine = true;
	                    }
	                    else if (it.sep) {
	                        this.stack.push(fs);
	                    }
	                    else {
	                        Object.assign(it, { key: fs, sep: [] });
	                        this.onKeyLine = true;
	                    }
	                    return;
	                }
	                default: {
	                    const bv = this.startBlockValue(map);
	                    if (bv) {
	                        if (bv.type === 'block-seq') {
	                            if (!it.explicitKey &&
	                                it.sep &&
	                                !includesToken(it.sep, 'newline')) {
	                                yield* this.pop({
	                                    type: 'error',
	                                    offset: this.offset,
	                                    message: 'Unexpected block-seq-ind on same line with key',
	                                    source: this.source
	                                });
	                                return;
	                            }
	                        }
	                        else if (atMapIndent) {
	                            map.items.push({ start });
	                        }
	                        this.stack.push(bv);
	                        return;
	                    }
	                }
	            }
	        }
	        yield* this.pop();
	        yield* this.step();
	    }
	    *blockSequence(seq) {
	        const it = seq.items[seq.items.length - 1];
	        switch (this.type) {
	            case 'newline':
	                if (it.value) {
	                    const end = 'end' in it.value ? it.value.end : undefined;
	                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
	                    if (last?.type === 'comment')
	                        end?.push(this.sourceToken);
	                    else
	                        seq.items.push({ start: [this.sourceToken] });
	                }
	                else
	                    it.start.push(this.sourceToken);
	                return;
	            case 'space':
	            case 'comment':
	                if (it.value)
	                    seq.items.push({ start: [this.sourceToken] });
	                else {
	                    if (this.atIndentedComment(it.start, seq.indent)) {
	                        const prev = seq.items[seq.items.length - 2];
	                        const end = prev?.value?.end;
	                        if (Array.isArray(end)) {
	                            arrayPushArray(end, it.start);
	                            end.push(this.sourceToken);
	                            seq.items.pop();
	                            return;
	                        }
	                    }
	                    it.start.push(this.sourceToken);
	                }
	                return;
	            case 'anchor':
	            case 'tag':
	                if (it.value || this.indent <= seq.indent)
	                    break;
	                it.start.push(this.sourceToken);
	                return;
	            case 'seq-item-ind':
	                if (this.indent !== seq.indent)
	                    break;
	                if (it.value || includesToken(it.start, 'seq-item-ind'))
	                    seq.items.push({ start: [this.sourceToken] });
	                else
	                    it.start.push(this.sourceToken);
	                return;
	        }
	        if (this.indent > seq.indent) {
	            const bv = this.startBlockValue(seq);
	            if (bv) {
	                this.stack.push(bv);
	                return;
	            }
	        }
	        yield* this.pop();
	        yield* this.step();
	    }
	    *flowCollection(fc) {
	        const it = fc.items[fc.items.length - 1];
	        if (this.type === 'flow-error-end') {
	            let top;
	            do {
	                yield* this.pop();
	                top = this.peek(1);
	            } while (top?.type === 'flow-collection');
	        }
	        else if (fc.end.length === 0) {
	            switch (this.type) {
	                case 'comma':
	                case 'explicit-key-ind':
	                    if (!it || it.sep)
	                        fc.items.push({ start: [this.sourceToken] });
	                    else
	                        it.start.push(this.sourceToken);
	                    return;
	                case 'map-value-ind':
	                    if (!it || it.value)
	                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
	                    else if (it.sep)
	                        it.sep.push(this.sourceToken);
	                    else
	                        Object.assign(it, { key: null, sep: [this.sourceToken] });
	                    return;
	                case 'space':
	                case 'comment':
	                case 'newline':
	                case 'anchor':
	                case 'tag':
	                    if (!it || it.value)
	                        fc.items.push({ start: [this.sourceToken] });
	                    else if (it.sep)
	                        it.sep.push(this.sourceToken);
	                    else
	                        it.start.push(this.sourceToken);
	                    return;
	                case 'alias':
	                case 'scalar':
	                case 'single-quoted-scalar':
	                case 'double-quoted-scalar': {
	                    const fs = this.flowScalar(this.type);
	                    if (!it || it.value)
	                        fc.items.push({ start: [], key: fs, sep: [] });
	                    else if (it.sep)
	                        this.stack.push(fs);
	                    else
	                        Object.assign(it, { key: fs, sep: [] });
	                    return;
	                }
	                case 'flow-map-end':
	                case 'flow-seq-end':
	                    fc.end.push(this.sourceToken);
	                    return;
	            }
	            const bv = this.startBlockValue(fc);
	            /* istanbul ignore else should not happen */
	            if (bv)
	                this.stack.push(bv);
	            else {
	                yield* this.pop();
	                yield* this.step();
	            }
	        }
	        else {
	            const parent = this.peek(2);
	            if (parent.type === 'block-map' &&
	                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
	                    (this.type === 'newline' &&
	                        !parent.items[parent.items.length - 1].sep))) {
	                yield* this.pop();
	                yield* this.step();
	            }
	            else if (this.type === 'map-value-ind' &&
	                parent.type !== 'flow-collection') {
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                fixFlowSeqItems(fc);
	                const sep = fc.end.splice(1, fc.end.length);
	                sep.push(this.sourceToken);
	                const map = {
	                    type: 'block-map',
	                    offset: fc.offset,
	                    indent: fc.indent,
	                    items: [{ start, key: fc, sep }]
	                };
	                this.onKeyLine = true;
	                this.stack[this.stack.length - 1] = map;
	            }
	            else {
	                yield* this.lineEnd(fc);
	            }
	        }
	    }
	    flowScalar(type) {
	        if (this.onNewLine) {
	            let nl = this.source.indexOf('\n') + 1;
	            while (nl !== 0) {
	                this.onNewLine(this.offset + nl);
	                nl = this.source.indexOf('\n', nl) + 1;
	            }
	        }
	        return {
	            type,
	            offset: this.offset,
	            indent: this.indent,
	            source: this.source
	        };
	    }
	    startBlockValue(parent) {
	        switch (this.type) {
	            case 'alias':
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return this.flowScalar(this.type);
	            case 'block-scalar-header':
	                return {
	                    type: 'block-scalar',
	                    offset: this.offset,
	                    indent: this.indent,
	                    props: [this.sourceToken],
	                    source: ''
	                };
	            case 'flow-map-start':
	            case 'flow-seq-start':
	                return {
	                    type: 'flow-collection',
	                    offset: this.offset,
	                    indent: this.indent,
	                    start: this.sourceToken,
	                    items: [],
	                    end: []
	                };
	            case 'seq-item-ind':
	                return {
	                    type: 'block-seq',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start: [this.sourceToken] }]
	                };
	            case 'explicit-key-ind': {
	                this.onKeyLine = true;
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                start.push(this.sourceToken);
	                return {
	                    type: 'block-map',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start, explicitKey: true }]
	                };
	            }
	            case 'map-value-ind': {
	                this.onKeyLine = true;
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                return {
	                    type: 'block-map',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start, key: null, sep: [this.sourceToken] }]
	                };
	            }
	        }
	        return null;
	    }
	    atIndentedComment(start, indent) {
	        if (this.type !== 'comment')
	            return false;
	        if (this.indent <= indent)
	            return false;
	        return start.every(st => st.type === 'newline' || st.type === 'space');
	    }
	    *documentEnd(docEnd) {
	        if (this.type !== 'doc-mode') {
	            if (docEnd.end)
	                docEnd.end.push(this.sourceToken);
	            else
	                docEnd.end = [this.sourceToken];
	            if (this.type === 'newline')
	                yield* this.pop();
	        }
	    }
	    *lineEnd(token) {
	        switch (this.type) {
	            case 'comma':
	            case 'doc-start':
	            case 'doc-end':
	            case 'flow-seq-end':
	            case 'flow-map-end':
	            case 'map-value-ind':
	                yield* this.pop();
	                yield* this.step();
	                break;
	            case 'newline':
	                this.onKeyLine = false;
	            // fallthrough
	            case 'space':
	            case 'comment':
	            default:
	                // all other values are errors
	                if (token.end)
	                    token.end.push(this.sourceToken);
	                else
	                    token.end = [this.sourceToken];
	                if (this.type === 'newline')
	                    yield* this.pop();
	        }
	    }
	}

	parser.Parser = Parser;
	return parser;
}

var publicApi = {};

var hasRequiredPublicApi;

function requirePublicApi () {
	if (hasRequiredPublicApi) return publicApi;
	hasRequiredPublicApi = 1;

	var composer = requireComposer();
	var Document = requireDocument();
	var errors = requireErrors$1();
	var log = requireLog();
	var identity = requireIdentity();
	var lineCounter = requireLineCounter();
	var parser = requireParser();

	function parseOptions(options) {
	    const prettyErrors = options.prettyErrors !== false;
	    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
	    return { lineCounter: lineCounter$1, prettyErrors };
	}
	/**
	 * Parse the input as a stream of YAML documents.
	 *
	 * Documents should be separated from each other by `...` or `---` marker lines.
	 *
	 * @returns If an empty `docs` array is returned, it will be of type
	 *   EmptyStream and contain additional stream information. In
	 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
	 */
	function parseAllDocuments(source, options = {}) {
	    const { lineCounter, prettyErrors } = parseOptions(options);
	    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
	    const composer$1 = new composer.Composer(options);
	    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
	    if (prettyErrors && lineCounter)
	        for (const doc of docs) {
	            doc.errors.forEach(errors.prettifyError(source, lineCounter));
	            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
	        }
	    if (docs.length > 0)
	        return docs;
	    return Object.assign([], { empty: true }, composer$1.streamInfo());
	}
	/** Parse an input string into a single YAML.Document */
	function parseDocument(source, options = {}) {
	    const { lineCounter, prettyErrors } = parseOptions(options);
	    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
	    const composer$1 = new composer.Composer(options);
	    // `doc` is always set by compose.end(true) at the very latest
	    let doc = null;
	    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
	        if (!doc)
	            doc = _doc;
	        else if (doc.options.logLevel !== 'silent') {
	            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
	            break;
	        }
	    }
	    if (prettyErrors && lineCounter) {
	        doc.errors.forEach(errors.prettifyError(source, lineCounter));
	        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
	    }
	    return doc;
	}
	function parse(src, reviver, options) {
	    let _reviver = undefined;
	    if (typeof reviver === 'function') {
	        _reviver = reviver;
	    }
	    else if (options === undefined && reviver && typeof reviver === 'object') {
	        options = reviver;
	    }
	    const doc = parseDocument(src, options);
	    if (!doc)
	        return null;
	    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
	    if (doc.errors.length > 0) {
	        if (doc.options.logLevel !== 'silent')
	            throw doc.errors[0];
	        else
	            doc.errors = [];
	    }
	    return doc.toJS(Object.assign({ reviver: _reviver }, options));
	}
	function stringify(value, replacer, options) {
	    let _replacer = null;
	    if (typeof replacer === 'function' || Array.isArray(replacer)) {
	        _replacer = replacer;
	    }
	    else if (options === undefined && replacer) {
	        options = replacer;
	    }
	    if (typeof options === 'string')
	        options = options.length;
	    if (typeof options === 'number') {
	        const indent = Math.round(options);
	        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
	    }
	    if (value === undefined) {
	        const { keepUndefined } = options ?? replacer ?? {};
	        if (!keepUndefined)
	            return undefined;
	    }
	    if (identity.isDocument(value) && !_replacer)
	        return value.toString(options);
	    return new Document.Document(value, _replacer, options).toString(options);
	}

	publicApi.parse = parse;
	publicApi.parseAllDocuments = parseAllDocuments;
	publicApi.parseDocument = parseDocument;
	publicApi.stringify = stringify;
	return publicApi;
}

var hasRequiredDist;

function requireDist () {
	if (hasRequiredDist) return dist;
	hasRequiredDist = 1;

	var composer = requireComposer();
	var Document = requireDocument();
	var Schema = requireSchema();
	var errors = requireErrors$1();
	var Alias = requireAlias();
	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var cst = requireCst();
	var lexer = requireLexer();
	var lineCounter = requireLineCounter();
	var parser = requireParser();
	var publicApi = requirePublicApi();
	var visit = requireVisit();



	dist.Composer = composer.Composer;
	dist.Document = Document.Document;
	dist.Schema = Schema.Schema;
	dist.YAMLError = errors.YAMLError;
	dist.YAMLParseError = errors.YAMLParseError;
	dist.YAMLWarning = errors.YAMLWarning;
	dist.Alias = Alias.Alias;
	dist.isAlias = identity.isAlias;
	dist.isCollection = identity.isCollection;
	dist.isDocument = identity.isDocument;
	dist.isMap = identity.isMap;
	dist.isNode = identity.isNode;
	dist.isPair = identity.isPair;
	dist.isScalar = identity.isScalar;
	dist.isSeq = identity.isSeq;
	dist.Pair = Pair.Pair;
	dist.Scalar = Scalar.Scalar;
	dist.YAMLMap = YAMLMap.YAMLMap;
	dist.YAMLSeq = YAMLSeq.YAMLSeq;
	dist.CST = cst;
	dist.Lexer = lexer.Lexer;
	dist.LineCounter = lineCounter.LineCounter;
	dist.Parser = parser.Parser;
	dist.parse = publicApi.parse;
	dist.parseAllDocuments = publicApi.parseAllDocuments;
	dist.parseDocument = publicApi.parseDocument;
	dist.stringify = publicApi.stringify;
	dist.visit = visit.visit;
	dist.visitAsync = visit.visitAsync;
	return dist;
}

var distExports = requireDist();

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function getLineColFromPtr(string, ptr) {
    let lines = string.slice(0, ptr).split(/\r?\n/);
    return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
    let lines = string.split(/\r?\n/);
    let codeblock = '';
    let numberLen = (Math.log10(line + 1) | 0) + 1;
    for (let i = line - 1; i <= line + 1; i++) {
        let l = lines[i - 1];
        if (!l)
            continue;
        codeblock += i.toString().padEnd(numberLen, ' ');
        codeblock += ':  ';
        codeblock += l;
        codeblock += '\n';
        if (i === line) {
            codeblock += ' '.repeat(numberLen + column + 2);
            codeblock += '^\n';
        }
    }
    return codeblock;
}
class TomlError extends Error {
    line;
    column;
    codeblock;
    constructor(message, options) {
        const [line, column] = getLineColFromPtr(options.toml, options.ptr);
        const codeblock = makeCodeBlock(options.toml, line, column);
        super(`Invalid TOML document: ${message}\n\n${codeblock}`, options);
        this.line = line;
        this.column = column;
        this.codeblock = codeblock;
    }
    /** @internal */
    static x(message, ctx, ptr) {
        throw new TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function parseString(ctx) {
    let startPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p++);
    let first = c;
    let isLiteral = c === 0x27; /* ' */
    let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
    if (isMultiline) {
        // Trim initial newline
        if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 0xa /* \n */)
            ctx.p++;
        else if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)
            ctx.p += 2;
    }
    // For the record: it is not worth it to use a fast-path for literal strings using `indexOf`.
    // Doing a char-by-char iteration ends up dispatching less instructions, for the same wall-clock runtime.
    let parsed = '';
    let sliceStart = ctx.p;
    // states:
    //   0 - decoding
    //   1 - decoding escape
    //   2 - whitespace escape (no newline encountered yet, must fail on non-whitespace)
    //   3 - whitespace escape (newline encountered, allowed to transition back to normal decode)
    let state = 0;
    for (; ctx.p < ctx.s.length; ctx.p++) {
        c = ctx.s.charCodeAt(ctx.p);
        // Deal with newlines first, since that simplifies control character checking and handling across all states
        if (isMultiline && (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */))) {
            state = state && 3;
        }
        // Control characters are banned in TOML, so we throw an error if we encounter them
        else if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in strings', ctx);
        }
        // The string might terminate while we're parsing through a newline escape.
        // It must have encountered a newline; otherwise, it'll simply fail in another branch.
        else if ((!state || state === 3) && c === first && (!isMultiline || (ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first))) {
            if (isMultiline) {
                // If the string ends with 4-5 quotes, then the first 1-2 are part of the string
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
            }
            // If we're in a newline escape still, then there's nothing to add.
            if (!state) {
                // Avoid a useless concat operation if the string can be used as-is.
                let s = ctx.s.slice(sliceStart, ctx.p);
                parsed = parsed ? parsed + s : s;
            }
            ctx.p += isMultiline ? 3 : 1;
            return parsed;
        }
        // Baseline state; keep moving forward unless an escape sequence starts
        else if (!state) {
            if (!isLiteral && c === 0x5c /* \ */) {
                parsed += ctx.s.slice(sliceStart, (sliceStart = ctx.p));
                state = 1;
            }
        }
        else if (state === 1) {
            if (c === 0x78 /* x */ || c === 0x75 /* u */ || c === 0x55 /* U */) { // Unicode escape
                let errPtr = ctx.p++ - 1;
                let value = 0;
                let len = c === 0x78 /* x */ ? 2 : c === 0x75 /* u */ ? 4 : 8;
                for (let j = 0; j < len; j++, ctx.p++) {
                    let hex = ctx.s.charCodeAt(ctx.p);
                    let digit = 
                    /* 0-9 */ hex >= 0x30 && hex <= 0x39 ? hex - 0x30 :
                        /* A-F */ hex >= 0x41 && hex <= 0x46 ? hex - 0x41 + 10 :
                            /* a-f */ hex >= 0x61 && hex <= 0x66 ? hex - 0x61 + 10 : -1;
                    if (digit < 0)
                        TomlError.x('invalid non-hex character in unicode escape', ctx);
                    value = (value << 4) | digit;
                }
                // Because JS does bitwise on signed 32bit integers, all 0xfzzzzzzz values are actually seen as negative
                if (value < 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
                    TomlError.x('invalid unicode escape', ctx, errPtr);
                }
                parsed += String.fromCodePoint(value);
                sliceStart = ctx.p--;
                state = 0;
            }
            // Newline escape sequence. We only need to care about spaces and tabs; newlines are dealt with earlier
            else if (isMultiline && (c === 0x20 || c === 0x9 /* \t */)) {
                state = 2;
            }
            // Basic escape sequence
            else {
                if (c === 0x62 /* b */)
                    parsed += '\b';
                else if (c === 0x74 /* t */)
                    parsed += '\t';
                else if (c === 0x6e /* n */)
                    parsed += '\n';
                else if (c === 0x66 /* f */)
                    parsed += '\f';
                else if (c === 0x72 /* r */)
                    parsed += '\r';
                else if (c === 0x65 /* e */)
                    parsed += '\x1b';
                else if (c === 0x22 /* " */)
                    parsed += '"';
                else if (c === 0x5c /* \ */)
                    parsed += '\\';
                else
                    TomlError.x('unrecognised escape sequence', ctx);
                sliceStart = ctx.p + 1;
                state = 0;
            }
        }
        // Newline escape continuation: keep moving forward until the first non-whitespace char
        else if (c !== 0x20 && c !== 0x9 /* \t */) {
            if (state === 2)
                TomlError.x('invalid escape: only line-ending whitespace may be escaped', ctx, sliceStart);
            // State cannot be zero, or we'd have branched earlier already.
            // If it's a backslash, immediately transition to the escape state so it can be processed.
            state = !isLiteral && c === 0x5c /* \ */ ? 1 : 0;
            sliceStart = ctx.p;
        }
    }
    TomlError.x('unfinished string', ctx, startPtr);
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
class TomlDate extends Date {
    #hasDate = false;
    #hasTime = false;
    #offset = null;
    constructor(date, fasttype, unsafeDelim) {
        let hasDate = true;
        let hasTime = true;
        let offset = 'Z';
        let c;
        if (typeof date === 'string') {
            if (fasttype)
                prep: {
                    // Date-time
                    if (fasttype < 3) {
                        if (+date.slice(11, 13) > 23) {
                            date = '';
                            break prep;
                        }
                        // Local
                        if (fasttype === 2) {
                            offset = null;
                            date += 'Z';
                        }
                        // Offset; keep track of offset if not Z
                        else if ((c = date.charCodeAt(date.length - 1)) !== 0x5a /* Z */ && c !== 0x7a /* z */) {
                            offset = date.slice(date.length - 6);
                        }
                        if (unsafeDelim)
                            date = date.slice(0, 10) + 'T' + date.slice(11);
                    }
                    // Time
                    else if (fasttype === 4) {
                        date = +date.slice(0, 2) > 23 ? '' : `0000-01-01T${date}Z`;
                    }
                    hasDate = fasttype !== 4;
                    hasTime = fasttype !== 3;
                }
            else {
                let match = date.match(DATE_TIME_RE);
                if (match) {
                    if (!match[1]) {
                        hasDate = false;
                        date = `0000-01-01T${date}`;
                    }
                    hasTime = !!match[2];
                    // Make sure to use T instead of a space. Breaks in case of extreme values otherwise.
                    hasTime && date[10] === ' ' && (date = date.replace(' ', 'T'));
                    // Do not allow rollover hours.
                    if (match[2] && +match[2] > 23) {
                        date = '';
                    }
                    else {
                        offset = match[3] || null;
                        if (!offset && hasTime)
                            date += 'Z';
                    }
                }
                else {
                    date = '';
                }
            }
        }
        super(date);
        if (!isNaN(this.getTime())) {
            this.#hasDate = hasDate;
            this.#hasTime = hasTime;
            this.#offset = offset;
        }
    }
    isDateTime() {
        return this.#hasDate && this.#hasTime;
    }
    isLocal() {
        return !this.#hasDate || !this.#hasTime || !this.#offset;
    }
    isDate() {
        return this.#hasDate && !this.#hasTime;
    }
    isTime() {
        return this.#hasTime && !this.#hasDate;
    }
    isValid() {
        return this.#hasDate || this.#hasTime;
    }
    toISOString() {
        let iso = super.toISOString();
        // Local Date
        if (this.isDate())
            return iso.slice(0, 10);
        // Local Time
        if (this.isTime())
            return iso.slice(11, 23);
        // Local DateTime
        if (this.#offset === null)
            return iso.slice(0, -1);
        // Offset DateTime
        if (this.#offset === 'Z' || this.#offset === 'z')
            return iso;
        // This part is quite annoying: JS strips the original timezone from the ISO string representation
        // Instead of using a "modified" date and "Z", we restore the representation "as authored"
        let offset = (+(this.#offset.slice(1, 3)) * 60) + +(this.#offset.slice(4, 6));
        offset = this.#offset[0] === '-' ? offset : -offset;
        let offsetDate = new Date(this.getTime() - (offset * 60e3));
        return offsetDate.toISOString().slice(0, -1) + this.#offset;
    }
    static wrapAsOffsetDateTime(jsDate, offset = 'Z') {
        let date = new TomlDate(jsDate);
        date.#offset = offset;
        return date;
    }
    static wrapAsLocalDateTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#offset = null;
        return date;
    }
    static wrapAsLocalDate(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasTime = false;
        date.#offset = null;
        return date;
    }
    static wrapAsLocalTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasDate = false;
        date.#offset = null;
        return date;
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function isDigit(char, base = 10) {
    return base === 16
        ? (char > 0x2f && char < 0x3a) || (char > 0x40 && char < 0x47) || (char > 0x60 && char < 0x67)
        : (char > 0x2f && char < 0x30 + base);
}
function isEndOfValue(char, delim) {
    // Whitespace -- we're permissive on `\r` for performance; it'll be dealt with later anyway
    return char === 0x20 || char === 0x9 /* \t */ || char === 0xa /* \n */ || char === 0xd /* \r */ ||
        // Structure end or next value delimiter
        (delim && (char === delim || char === 0x2c /* , */)) ||
        // Comment
        char === 0x23; /* # */
}
/** @internal */
function extractValue(ctx, end) {
    let errPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p);
    // Structs
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
        ctx.d-- || TomlError.x('document contains excessively nested structures. aborting.', ctx);
        let value = c === 0x5b /* [ */
            ? parseArray(ctx)
            : parseInlineTable(ctx);
        ctx.d++;
        return value;
    }
    // Strings
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
        return parseString(ctx);
    }
    // Booleans
    // We can fast-path because the first character is enough to know the only possible value
    if (c === 0x74 /* t */) { // Only possible valid value is `true`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x72 || ctx.s.charCodeAt(++ctx.p) !== 0x75 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, true;
    }
    if (c === 0x66 /* f */) { // Only possible valid value is `false`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6c || ctx.s.charCodeAt(++ctx.p) !== 0x73 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, false;
    }
    if (c === 0x2b /* + */ || c === 0x2d /* - */) {
        return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 0x2c - c, end);
    }
    // Rough heuristic, but `parseDate` falls back to number parsing if it's a false positive.
    // e.g.: `a = 1\n-------------- = 1` would match this heuristic, but gracefully fallback to numbers.
    if (ctx.s.charCodeAt(ctx.p + 4) === 0x2d /* - */ && ctx.s.charCodeAt(ctx.p + 7) === 0x2d /* - */) {
        return parseDate(ctx, c, end);
    }
    // Same logic as above; `parseTime` falls back to number parsing if it's a false positive.
    if (ctx.s.charCodeAt(ctx.p + 2) === 0x3a /* : */) {
        return parseTime(ctx, c, end);
    }
    return parseNumber(ctx, ctx.p, c, 0, end);
}
// State:
// 0: init
// 1: integer
// 2: fractional dot
// 3: fractional
// 4: exponent letter
// 5: exponent
// 6: exponent sign
// 7: exponent with sign
// >9: underscore; see below
//     -> 12: was integer
//     -> 14: was fractional
//     -> 16: was exponent
// states 2-5, 14, 16 are ONLY permitted iif base === 10
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
    let c = startChr;
    let state = 0;
    let hasUnderscores = false;
    // (+/-)inf
    if (c === 0x69 /* i */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x6e || ctx.s.charCodeAt(++ctx.p) !== 0x66)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, (sign || 1) / 0;
    }
    // (+/-)nan
    if (c === 0x6e /* n */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6e)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, NaN;
    }
    // Leading zero
    // Only allowed cases: `0<EOV>`, `0.(...)`, `0e(...)`, `0x(...)`, `0b(...)`, `0o(...)`
    // FWIW, `0e(...)` is a stupid case, but it's not banned per-se so we have to parse it
    if (c === 0x30 /* 0 */) {
        if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
            return ctx.bi === true ? 0n : 0; // note: conveniently deals with `-0`
        if (!sign) {
            if (c === 0x78 /* x */)
                return parseIntegerBaseN(ctx, startPtr, 16, endChr);
            else if (c === 0x62 /* b */)
                return parseIntegerBaseN(ctx, startPtr, 2, endChr);
            else if (c === 0x6f /* o */)
                return parseIntegerBaseN(ctx, startPtr, 8, endChr);
        }
        if (c === 0x2e /* . */)
            state = 2;
        else if (c === 0x65 /* e */ || c === 0x45 /* E */)
            state = 4;
        else
            TomlError.x('illegal leading zero', ctx, startPtr);
    }
    // If the 1st char is not a digit by now, then it's not a valid TOML value at all
    else if (!isDigit(c))
        TomlError.x('invalid value', ctx, startPtr);
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (!state)
            state = 1; // Detects single-digit numbers we can use a fast parse path for
        // The way the states are numbered is not random: underscores are always permitted in odd-numbered states and
        // never permitted in even-numbered ones.
        if (c === 0x5f /* _ */) {
            if (!(state & 1))
                TomlError.x('illegal underscore', ctx);
            state += 11; // 11 is a marker that makes the state even and greater than 9; see the numbering + rationale above
            hasUnderscores = true;
        }
        // Transition to fractional part.
        else if (state === 1 && c === 0x2e /* . */)
            state = 2;
        // Transition to exponent part.
        else if ((state === 1 || state === 3) && (c === 0x65 /* e */ || c === 0x45 /* E */))
            state = 4;
        // + and - are permitted in state 4 only (handled before entering the function for state 0)
        else if (state === 4 && (c === 0x2b /* + */ || c === 0x2d /* - */)) {
            state = 6;
        }
        // All special cases have been handled; only digits are allowed here
        else if (!isDigit(c))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear state flags
        else if (state > 9)
            state -= 11;
        else if (!(state & 1))
            state++;
    }
    // Single-char number; we can fast-path these very easily.
    if (!state) {
        let val = (startChr - 0x30 /* 0 */) * (sign || 1);
        return ctx.bi === true ? BigInt(val) : val;
    }
    // Even-numbered states absolutely require a digit next; not even end of value is permitted
    if (!(state & 1))
        TomlError.x('unfinished numeric value', ctx, startPtr);
    let str = ctx.s.slice(startPtr, ctx.p);
    if (hasUnderscores)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return state > 1
        ? parseFloat(str)
        : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
    let c, underscore = 1;
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (c === 0x5f /* _ */) {
            if (underscore & 1)
                TomlError.x('illegal underscore', ctx);
            underscore = 3;
        }
        // We only need to check if the number is a valid digit, nothing else is permitted
        else if (!isDigit(c, base))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear underscore flag
        else if (underscore & 1)
            underscore--;
    }
    // Trailing underscore is not allowed
    if (underscore & 1)
        TomlError.x('unfinished numeric value', ctx);
    let str = ctx.s.slice(startPtr + 2, ctx.p);
    if (underscore)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
    if (ctx.bi !== true)
        int: {
            let val = parseInt(str, base);
            if (!Number.isSafeInteger(val)) {
                if (ctx.bi)
                    break int;
                TomlError.x('integer value cannot be represented losslessly', ctx, startPtr);
            }
            return val;
        }
    return base === 10 ? BigInt(str) : BigInt((base === 2 ? '0b' : base === 8 ? '0o' : '0x') + str);
}
function parseDate(ctx, c, endChr) {
    let startPtr = ctx.p++, unsafeSeparator;
    if (!isDigit(c) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++))) {
        return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
    }
    ctx.p += 5;
    if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
        TomlError.x('invalid date-time: date part is malformed', ctx, startPtr);
    if (ctx.p >= ctx.s.length || (((c = ctx.s.charCodeAt(ctx.p)) !== 0x20 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 0x54 /* T */ && c !== 0x74 /* t */)) {
        let t = ctx.s.slice(startPtr, ctx.p);
        return readDate(ctx, t, 3, false, startPtr);
    }
    if (ctx.s.charCodeAt(ctx.p += 3) !== 0x3a /* : */)
        TomlError.x('invalid date-time: time part is malformed', ctx, startPtr);
    if (ctx.s.charCodeAt(ctx.p += 3) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    if (c = ctx.s.charCodeAt(ctx.p)) {
        if (c === 0x5a /* Z */ || c === 0x7a /* z */) {
            let t = ctx.s.slice(startPtr, ++ctx.p);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, '[+00:00]');
        }
        if (c === 0x2b /* + */ || c === 0x2d /* - */) {
            // Temporal's ZonedDateTime is weird asf when it comes to dealing with traditional offsets...
            // It's 1.2x faster to allocate a new string to pass to ZDT than use Instant.toZonedDateTimeISO
            let t = ctx.s.slice(startPtr, ctx.p += 6);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, !ctx.ld && ('[' + ctx.s.slice(ctx.p - 6, ctx.p) + ']'));
        }
    }
    let t = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
    let start = ctx.p;
    if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
        return parseNumber(ctx, --ctx.p, c, 0, endChr);
    }
    if (ctx.s.charCodeAt(ctx.p += 4) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    let t = ctx.s.slice(start, ctx.p);
    return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
    if (ctx.ld) {
        let date = new TomlDate(str, type, unsafeDelim);
        if (!date.isValid())
            TomlError.x('invalid date', ctx, errPtr);
        return date;
    }
    try {
        if (temporalSuffix)
            str += temporalSuffix;
        switch (type) {
            case 1: return Temporal.ZonedDateTime.from(str);
            case 2: return Temporal.PlainDateTime.from(str);
            case 3: return Temporal.PlainDate.from(str);
            case 4: return Temporal.PlainTime.from(str);
        }
    }
    catch (e) {
        TomlError.x(e instanceof Error ? e.message : '' + e, ctx, errPtr);
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function skipComment(ctx) {
    for (; ctx.p < ctx.s.length; ctx.p++) {
        let c = ctx.s.charCodeAt(ctx.p);
        if (c === 0xa /* \n */)
            break;
        if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */) {
            ctx.p++;
            break;
        }
        if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in comments', ctx);
        }
    }
}
/** @internal */
function skipVoid(ctx, banNewLines, banComments) {
    let c;
    while (ctx.p < ctx.s.length) {
        while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 0x20 ||
            c === 0x9 /* \t */ ||
            (!banNewLines &&
                (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)))))
            ctx.p++;
        if (banComments || c !== 0x23 /* # */)
            break;
        skipComment(ctx);
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function parseKey(ctx, end = 0x3d /* = */) {
    // States:
    // 0: before first char
    // 1: parsing bare key
    // 2: after key component
    let startPtr;
    let state = 0;
    let parsed = [];
    let sliceStart;
    let c = ctx.s.charCodeAt(startPtr = ctx.p);
    do {
        // End of key
        if (c === end) {
            if (!state)
                TomlError.x('unexpected end of key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            return ctx.p++, parsed;
        }
        // Dotted key separator
        else if (c === 0x2e /* . */) {
            if (!state)
                TomlError.x('illegal empty bare key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            state = 0;
        }
        // Quoted key
        else if (!state && (c === 0x22 /* " */ || c === 0x27 /* ' */)) {
            if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
                TomlError.x('illegal quoted key: multiline strings are not allowed', ctx);
            parsed.push(parseString(ctx));
            state = 2;
            ctx.p--;
        }
        // Whitespace; no-op in state 0 and 2, end of bare key in state 1
        else if (c === 0x20 || c === 0x9 /* \t */) {
            if (state === 1) {
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
                state = 2;
            }
        }
        // If state is post-key, no character is allowed; otherwise ensure it's a bare-key component
        else if (state === 2 || (c < 0x30 && c !== 0x2d /* - */) || (c > 0x39 && c < 0x41) || (c > 0x5a && c < 0x61 && c !== 0x5f /* _ */) || c > 0x7a) {
            TomlError.x('illegal character in key', ctx);
        }
        // Illegal character
        else if (!state) {
            state = 1;
            sliceStart = ctx.p;
        }
    } while (c = ctx.s.charCodeAt(++ctx.p));
    TomlError.x('incomplete key-value: cannot find end of key', ctx, startPtr);
}
/** @internal */
function parseInlineTable(ctx) {
    let startPtr = ctx.p++;
    let res = Object.create(null);
    let seen = new Set();
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x7d /* } */) {
            ctx.p++;
            return res;
        }
        let k;
        let t = res;
        let hasOwn = false;
        let errPtr = ctx.p;
        let key = parseKey(ctx);
        for (let i = 0; i < key.length; i++) {
            if (i)
                t = hasOwn ? t[k] : (t[k] = Object.create(null));
            k = key[i];
            if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== 'object' || seen.has(t[k]))) {
                TomlError.x('trying to redefine an already defined value', ctx, errPtr);
            }
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor')) {
                t = ctx.uk !== 1 && TomlError.x('document contains an unsafe property', ctx, errPtr);
                break;
            }
            if (!hasOwn && unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
            }
        }
        if (hasOwn) {
            TomlError.x('trying to redefine an already defined value', ctx, errPtr);
        }
        skipVoid(ctx, true, true);
        let value = extractValue(ctx, 0x7d /* } */);
        if (t && typeof (t[k] = value) === 'object')
            seen.add(value);
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x7d /* } */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished table', ctx, startPtr);
}
/** @internal */
function parseArray(ctx) {
    let startPtr = ctx.p++;
    let res = [];
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x5d /* ] */) {
            ctx.p++;
            return res;
        }
        res.push(extractValue(ctx, 0x5d /* ] */));
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x5d /* ] */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished array', ctx, startPtr);
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function peekTable(ctx, key, table, meta, type) {
    let t = table;
    let m = meta;
    let k;
    let hasOwn = false;
    let state;
    for (let i = 0; i < key.length; i++) {
        if (i) {
            t = hasOwn ? t[k] : (t[k] = Object.create(null));
            m = (state = m[k]).c;
            if (type === 0 /* Type.DOTTED */ && (state.t === 1 /* Type.EXPLICIT */ || state.t === 2 /* Type.ARRAY */)) {
                return null;
            }
            if (state.t === 2 /* Type.ARRAY */) {
                let l = t.length - 1;
                t = t[l];
                m = m[l].c;
            }
        }
        k = key[i];
        if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 /* Type.DOTTED */ && m[k]?.d) {
            return null;
        }
        if (!hasOwn) {
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor'))
                return false;
            if (unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
                Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
            }
            m[k] = {
                t: i < key.length - 1 && type === 2 /* Type.ARRAY */
                    ? 3 /* Type.ARRAY_DOTTED */ : type,
                d: false,
                i: 0,
                c: Object.create(null),
            };
        }
    }
    state = m[k];
    if (state.t !== type && !(type === 1 /* Type.EXPLICIT */ && state.t === 3 /* Type.ARRAY_DOTTED */)) {
        // Bad key type!
        return null;
    }
    if (type === 2 /* Type.ARRAY */) {
        if (!state.d) {
            state.d = true;
            t[k] = [];
        }
        t[k].push(t = Object.create(null));
        state.c[state.i++] = (state = { t: 1 /* Type.EXPLICIT */, d: false, i: 0, c: Object.create(null) });
    }
    if (state.d) {
        // Redefining a table!
        return null;
    }
    state.d = true;
    if (type === 1 /* Type.EXPLICIT */) {
        t = hasOwn ? t[k] : (t[k] = Object.create(null));
    }
    else if (type === 0 /* Type.DOTTED */ && hasOwn) {
        return null;
    }
    return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
    if (peek === null || ctx.uk === 2)
        TomlError.x(peek === null
            ? 'trying to redefine an already defined table or value'
            : 'document contains an unsafe property', ctx, ptr);
}
function parse(toml, options = {}) {
    let ctx = {
        s: toml,
        p: 0,
        d: options.maxDepth ?? 1000,
        bi: options.integersAsBigInt ?? false,
        ld: options.useLegacyDate ?? true,
        uk: options.unsafeKeyBehaviour === 'throw' ? 2 : options.unsafeKeyBehaviour === 'drop' ? 1 : 0,
    };
    let res = Object.create(null);
    let meta = Object.create(null);
    let tmp;
    let skipping = false;
    let tbl = res;
    let m = meta;
    // BOM is allowed, skip.
    // JS is UTF-16, so we have to check for the UTF-16 BOM instead of the UTF-8 BOM sequence!
    if (toml.charCodeAt(0) === 0xfeff)
        ctx.p++;
    skipVoid(ctx);
    while (ctx.p < toml.length) {
        if (toml.charCodeAt(ctx.p) === 0x5b /* [ */) {
            let isTableArray = toml.charCodeAt(++ctx.p) === 0x5b; /* [ */
            tmp = ctx.p += +isTableArray;
            skipping = false;
            let k = parseKey(ctx, 0x5d /* ] */);
            if (isTableArray) {
                if (toml.charCodeAt(ctx.p) !== 0x5d /* ] */) {
                    TomlError.x('expected end of table array declaration', ctx);
                }
                ctx.p++;
            }
            let p = peekTable(ctx, k, res, meta, isTableArray ? 2 /* Type.ARRAY */ : 1 /* Type.EXPLICIT */);
            if (!p) {
                validateTablePeek(ctx, p, tmp);
                skipping = true;
            }
            else {
                m = p[2];
                tbl = p[1];
            }
        }
        else {
            tmp = ctx.p;
            let k = parseKey(ctx);
            let p = peekTable(ctx, k, tbl, m, 0 /* Type.DOTTED */);
            if (!p && !skipping)
                validateTablePeek(ctx, p, tmp);
            skipVoid(ctx, true, true);
            let v = extractValue(ctx, void 0);
            if (p && !skipping)
                p[1][p[0]] = v;
        }
        skipVoid(ctx, true);
        if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 0xa /* \n */ && (tmp !== 0xd /* \r */ || toml.charCodeAt(ctx.p + 1) !== 0xa /* \n */)) {
            TomlError.x('each key-value declaration must be followed by an end-of-line', ctx);
        }
        skipVoid(ctx);
    }
    return res;
}

/*! js-yaml 5.5.0 https://github.com/nodeca/js-yaml @license MIT */
//#region src/tag.ts
/**
* Returned by a scalar resolver when the source does not match its tag.
*
* @category Tags
*/
var NOT_RESOLVED = Symbol("NOT_RESOLVED");
/**
* Create a normalized scalar tag definition.
*
* @category Tags
*/
function defineScalarTag(tagName, options) {
	return {
		tagName,
		nodeKind: "scalar",
		implicit: options.implicit ?? false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		implicitFirstChars: options.implicitFirstChars ?? null,
		resolve: options.resolve,
		identify: options.identify,
		represent: options.represent ?? ((data) => String(data)),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized sequence tag definition.
*
* @category Tags
*/
function defineSequenceTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "sequence",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addItem: options.addItem,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized mapping tag definition.
*
* @category Tags
*/
function defineMappingTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "mapping",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addPair: options.addPair,
		has: options.has,
		keys: options.keys,
		get: options.get,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
//#endregion
//#region src/tag/scalar/str.ts
/** @category Tags */
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
	resolve: (source) => source,
	identify: (data) => typeof data === "string"
});
//#endregion
//#region src/tag/scalar/null_core.ts
var NULL_VALUES$1 = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES$1.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_json.ts
/** @category Tags */
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: ["n"],
	resolve: (source, isExplicit) => {
		if (source === "null" || isExplicit && source === "") return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_yaml11.ts
var NULL_VALUES = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/bool_core.ts
var TRUE_VALUES$2 = [
	"true",
	"True",
	"TRUE"
];
var FALSE_VALUES$2 = [
	"false",
	"False",
	"FALSE"
];
/** @category Tags */
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"t",
		"T",
		"f",
		"F"
	],
	resolve: (source) => {
		if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_json.ts
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
/** @category Tags */
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: ["t", "f"],
	resolve: (source) => {
		if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_yaml11.ts
var TRUE_VALUES = [
	"true",
	"True",
	"TRUE",
	"y",
	"Y",
	"yes",
	"Yes",
	"YES",
	"on",
	"On",
	"ON"
];
var FALSE_VALUES = [
	"false",
	"False",
	"FALSE",
	"n",
	"N",
	"no",
	"No",
	"NO",
	"off",
	"Off",
	"OFF"
];
/** @category Tags */
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"y",
		"Y",
		"n",
		"N",
		"t",
		"T",
		"f",
		"F",
		"o",
		"O"
	],
	resolve: (source) => {
		if (TRUE_VALUES.indexOf(source) !== -1) return true;
		if (FALSE_VALUES.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/int_core.ts
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$2(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger$2,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_json.ts
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$1(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlInteger$1,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_yaml11.ts
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
	let value = source.replace(/_/g, "");
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	if (value.includes(":")) {
		let result = 0;
		for (const part of value.split(":")) result = result * 60 + Number(part);
		return sign * result;
	}
	if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
	if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/float_core.ts
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
	if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase();
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	const result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat$2,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$2
});
//#endregion
//#region src/tag/scalar/float_json.ts
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
		let value = source.toLowerCase();
		const sign = value[0] === "-" ? -1 : 1;
		if ("+-".includes(value[0])) value = value.slice(1);
		if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
		if (value === ".nan") return NaN;
		const result = sign * parseFloat(value);
		return Number.isFinite(result) ? result : NOT_RESOLVED;
	}
	if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = Number(source);
	if (Number.isFinite(result)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlFloat$1,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$1
});
//#endregion
//#region src/tag/scalar/float_yaml11.ts
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
	if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase().replace(/_/g, "");
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	let result = 0;
	if (value.includes(":")) {
		for (const part of value.split(":")) result = result * 60 + Number(part);
		result *= sign;
	} else result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat
});
//#endregion
//#region src/tag/scalar/merge.ts
/**
* Enables merge keys in {@link CORE_SCHEMA} when added with
* {@link Schema.withTags}.
*
* @category Tags
*/
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
	implicit: true,
	implicitFirstChars: ["<"],
	resolve: (source, isExplicit) => {
		if (source === "<<" || isExplicit && source === "") return "<<";
		return NOT_RESOLVED;
	},
	identify: () => false
});
//#endregion
//#region src/tag/scalar/binary.ts
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
	const input = source.replace(/\s/g, "");
	if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
	const binary = atob(input);
	const result = new Uint8Array(binary.length);
	for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
	return result;
}
function representYamlBinary(object) {
	let binary = "";
	for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
	return btoa(binary);
}
/**
* The `!!binary` tag, represented as a `Uint8Array`.
*
* @category Tags
*/
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
	resolve: resolveYamlBinary,
	identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
	represent: representYamlBinary
});
//#endregion
//#region src/tag/scalar/timestamp.ts
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
	const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
	date.setUTCFullYear(year, month, day);
	return date;
}
function resolveYamlTimestamp(source) {
	let match = YAML_DATE_REGEXP.exec(source);
	if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
	if (match === null) return NOT_RESOLVED;
	const year = +match[1];
	const month = +match[2] - 1;
	const day = +match[3];
	if (!match[4]) {
		const date = makeUtcDate(year, month, day);
		if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
		return date;
	}
	const hour = +match[4];
	const minute = +match[5];
	const second = +match[6];
	let fraction = 0;
	if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
	if (match[7]) {
		let value = match[7].slice(0, 3);
		while (value.length < 3) value += "0";
		fraction = +value;
	}
	const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
	if (match[9]) {
		const offsetHour = +match[10];
		const offsetMinute = +(match[11] || 0);
		if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
		const offset = (offsetHour * 60 + offsetMinute) * 6e4;
		date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
	}
	return date;
}
/**
* The YAML 1.1 `!!timestamp` tag, represented as a JavaScript `Date`.
*
* @category Tags
*/
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
	implicit: true,
	implicitFirstChars: [..."0123456789"],
	resolve: resolveYamlTimestamp,
	identify: (object) => object instanceof Date,
	represent: (object) => object.toISOString()
});
//#endregion
//#region src/tag/sequence/seq.ts
/** @category Tags */
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
	create: () => [],
	addItem: (container, item) => {
		container.push(item);
	},
	identify: Array.isArray
});
//#endregion
//#region src/common/object.ts
function isPlainObject(data) {
	if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
	const prototype = Object.getPrototypeOf(data);
	return prototype === null || prototype === Object.prototype;
}
//#endregion
//#region src/tag/sequence/omap.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!omap
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   { one: 1 },
*   { two: 2 }
* ]
* ```
*
* @category Tags
*/
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
	create: () => ({
		list: [],
		seen: /* @__PURE__ */ new Set()
	}),
	addItem: (carrier, item) => {
		let key;
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve an ordered map item";
			key = item.keys().next().value;
		} else if (isPlainObject(item)) {
			const itemKeys = Object.keys(item);
			if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
			key = itemKeys[0];
		} else return "cannot resolve an ordered map item";
		if (carrier.seen.has(key)) return "duplicate key in ordered map";
		carrier.seen.add(key);
		carrier.list.push(item);
		return "";
	},
	finalize: (carrier) => carrier.list,
	identify: () => false
});
//#endregion
//#region src/tag/sequence/pairs.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!pairs
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   ['one', 1],
*   ['two', 2]
* ]
* ```
*
* @category Tags
*/
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
	create: () => [],
	addItem: (container, item) => {
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve a pairs item";
			container.push(item.entries().next().value);
			return "";
		}
		if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
		const object = item;
		const keys = Object.keys(object);
		if (keys.length !== 1) return "cannot resolve a pairs item";
		container.push([keys[0], object[keys[0]]]);
		return "";
	},
	identify: () => false
});
//#endregion
//#region src/tag/mapping/map.ts
/**
* This is the default mapping implementation. It uses `{}` objects and has only
* partial functionality due to language limitations. This choice was made
* because users expect to get JavaScript objects, and it was left unchanged to
* avoid too many breaking changes in the v5 release.
*
* Side effects:
*
* - `Object.hasOwn()` checks or `for...of` loops are required for safe use (to
*   avoid falling through to prototypes).
* - Only scalar string keys are supported properly.
* - Other scalar keys, such as `null` and numbers, are converted to strings.
*   This is historical behaviour, and it can cause side effects such as
*   problems with `!!merge`.
*
* Note that non-string scalar keys may be deprecated in future versions.
*
* Ideally, use {@link realMapTag} instead.
*
* @category Tags
*/
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
		const normalizedKey = String(key);
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		if (key !== null && typeof key === "object") return false;
		return Object.prototype.hasOwnProperty.call(container, String(key));
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/tag/mapping/set.ts
/**
* The YAML 1.1 `!!set` tag, represented as a JavaScript `Set`.
*
* @category Tags
*/
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
	create: () => /* @__PURE__ */ new Set(),
	identify: (data) => data instanceof Set,
	represent: (data) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of data) map.set(key, null);
		return map;
	},
	addPair: (container, key, value) => {
		if (value !== null) return "cannot resolve a set item";
		container.add(key);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: () => null
});
//#endregion
//#region src/schema.ts
function createTagDefinitionMap() {
	return {
		scalar: Object.create(null),
		sequence: Object.create(null),
		mapping: Object.create(null)
	};
}
function createTagDefinitionListMap() {
	return {
		scalar: [],
		sequence: [],
		mapping: []
	};
}
function compileTags(tags) {
	const result = [];
	for (const tag of tags) {
		let index = result.length;
		for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
			const previous = result[previousIndex];
			if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
				index = previousIndex;
				break;
			}
		}
		result[index] = tag;
	}
	return result;
}
/**
* Controls tag resolution when loading and type selection when dumping.
*
* @category Schemas
*/
var Schema = class Schema {
	tags;
	/** @internal */
	implicitScalarTags;
	/**
	* Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
	* the resolvers that may match that key, in schema order; a key absent from
	* the map uses
	* {@link Schema.implicitScalarAnyFirstChar}
	* (resolvers that declared no first-char constraint, so they apply to any
	* first character).
	*/
	implicitScalarByFirstChar;
	implicitScalarAnyFirstChar;
	/**
	* The default scalar tag (`!!str`), resolved once so the composer's fallback
	* for unresolved plain scalars avoids a keyed lookup per scalar.
	*
	* @internal
	*/
	defaultScalarTag;
	/**
	* The default container tags (`!!seq` / `!!map`), used by the dumper: when a
	* value is identified by its default tag, the tag is implicit and not
	* printed. Undefined if the schema does not define them (then such values
	* can't be dumped).
	*
	* @internal
	*/
	defaultSequenceTag;
	/** @internal */
	defaultMappingTag;
	exact;
	prefix;
	constructor(tags) {
		const compiledTags = compileTags(tags);
		const implicitScalarTags = [];
		const exact = createTagDefinitionMap();
		const prefix = createTagDefinitionListMap();
		for (const tag of compiledTags) {
			if (tag.nodeKind === "scalar" && tag.implicit) {
				if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
				implicitScalarTags.push(tag);
			}
			switch (tag.nodeKind) {
				case "scalar":
					if (tag.matchByTagPrefix) prefix.scalar.push(tag);
					else exact.scalar[tag.tagName] = tag;
					break;
				case "sequence":
					if (tag.matchByTagPrefix) prefix.sequence.push(tag);
					else exact.sequence[tag.tagName] = tag;
					break;
				case "mapping": if (tag.matchByTagPrefix) prefix.mapping.push(tag);
				else exact.mapping[tag.tagName] = tag;
			}
		}
		const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
		const keys = /* @__PURE__ */ new Set();
		for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
		const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
		for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
		const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
		if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
		this.tags = compiledTags;
		this.implicitScalarTags = implicitScalarTags;
		this.implicitScalarByFirstChar = implicitScalarByFirstChar;
		this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
		this.defaultScalarTag = defaultScalarTag;
		this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
		this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
		this.exact = exact;
		this.prefix = prefix;
	}
	/** @internal */
	lookupScalarTag(tagName) {
		const exactTag = this.exact.scalar[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupSequenceTag(tagName) {
		const exactTag = this.exact.sequence[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupMappingTag(tagName) {
		const exactTag = this.exact.mapping[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	resolveImplicitScalarTag(source) {
		const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
		for (const tag of candidates) {
			const value = tag.resolve(source, false, tag.tagName);
			if (value !== NOT_RESOLVED) return {
				value,
				tag
			};
		}
		const tag = this.defaultScalarTag;
		return {
			value: tag.resolve(source, false, tag.tagName),
			tag
		};
	}
	/**
	* Creates a new schema with the specified tags added. If a tag already
	* exists, it is replaced by the specified tag.
	*
	* @example
	*
	* ```javascript
	* import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
	*
	* const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
	* ```
	*/
	withTags(...tags) {
		let flatTags = [];
		for (const tag of tags) flatTags = flatTags.concat(tag);
		return new Schema([...this.tags, ...flatTags]);
	}
};
/**
* The YAML 1.2 Failsafe Schema: strings, sequences, and mappings.
*
* @category Schemas
*/
var FAILSAFE_SCHEMA = new Schema([
	strTag,
	seqTag,
	mapTag
]);
/**
* The YAML 1.2 JSON Schema. It uses JSON scalar forms while retaining YAML
* collection syntax.
*
* @category Schemas
*/
new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullJsonTag,
	boolJsonTag,
	intJsonTag,
	floatJsonTag
]);
/**
* The default schema for the loaders. Note, {@link CORE_SCHEMA} comes
* without the `!!merge` tag. You can easily enable it if needed.
*
* @example
* Enable {@link mergeTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Schemas
*/
var CORE_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullCoreTag,
	boolCoreTag,
	intCoreTag,
	floatCoreTag
]);
/**
* YAML 1.1-compatible schema.
*
* @category Schemas
*/
var YAML11_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullYaml11Tag,
	boolYaml11Tag,
	intYaml11Tag,
	floatYaml11Tag,
	timestampTag,
	mergeTag,
	binaryTag,
	omapTag,
	pairsTag,
	setTag
]);
/**
* The dumper schema for maximum compatibility. It combines all supported type
* variants from YAML 1.1 and YAML 1.2 so strings matching any of them are
* quoted. This makes the generated YAML more compatible with other parsers.
*
* The schema is based on YAML 1.1, but extends `!!int` and `!!float` to accept
* both YAML 1.1 and Core Schema forms, since Core Schema supports some forms
* that YAML 1.1 does not.
*
* @category Schemas
*/
YAML11_SCHEMA.withTags({
	...intYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = intYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
	}
}, {
	...floatYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
	}
});
//#endregion
//#region src/tag/mapping/real_map.ts
/**
* Recommended when non-string keys are actually needed. It uses native
* JavaScript `Map` objects, so keys keep their constructed types instead of
* being converted to strings.
*
* It is not the default to avoid widespread breaking changes in existing
* projects. `Map` has a different access API and does not pass deep equality
* checks against `{}`-based fixtures. Alongside the other changes in v5,
* making it the default was considered too disruptive.
*
* If these differences are acceptable for your project, we recommend using
* {@link realMapTag} to guarantee the absence of problems and side effects.
*
* @example
* Enable {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Tags
*/
defineMappingTag("tag:yaml.org,2002:map", {
	create: () => /* @__PURE__ */ new Map(),
	addPair: (container, key, value) => {
		container.set(key, value);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: (container, key) => container.get(key),
	identify: (data) => data instanceof Map || isPlainObject(data),
	represent: (data) => {
		if (data instanceof Map) return data;
		const map = /* @__PURE__ */ new Map();
		const obj = data;
		for (const key of Object.keys(obj)) map.set(key, obj[key]);
		return map;
	}
});
//#endregion
//#region src/tag/mapping/legacy_map.ts
function normalizeKey(key) {
	if (Array.isArray(key)) {
		const array = Array.prototype.slice.call(key);
		for (let index = 0; index < array.length; index++) {
			if (Array.isArray(array[index])) return null;
			if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
		}
		return String(array);
	}
	if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
	return String(key);
}
/**
* This implementation exists solely to reproduce v4 behavior exactly. Its use
* is strongly discouraged. If complex or non-string keys are needed, use
* {@link realMapTag} instead.
*
* @category Tags
*/
defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		const normalizedKey = normalizeKey(key);
		if (normalizedKey === null) return "nested arrays are not supported inside keys";
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		const normalizedKey = normalizeKey(key);
		return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/common/snippet.ts
var DEFAULT_SNIPPET_OPTIONS = {
	maxLength: 79,
	indent: 1,
	linesBefore: 3,
	linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
	let head = "";
	let tail = "";
	const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
	if (position - lineStart > maxHalfLength) {
		head = " ... ";
		lineStart = position - maxHalfLength + head.length;
	}
	if (lineEnd - position > maxHalfLength) {
		tail = " ...";
		lineEnd = position + maxHalfLength - tail.length;
	}
	return {
		str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
		pos: position - lineStart + head.length
	};
}
function padStart(string, max) {
	return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
	if (!mark.buffer) return null;
	const opts = {
		...DEFAULT_SNIPPET_OPTIONS,
		...options
	};
	const re = /\r?\n|\r|\0/g;
	const lineStarts = [0];
	const lineEnds = [];
	let match;
	let foundLineNo = -1;
	while (match = re.exec(mark.buffer)) {
		lineEnds.push(match.index);
		lineStarts.push(match.index + match[0].length);
		if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
	}
	if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
	let result = "";
	const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
	const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
	for (let i = 1; i <= opts.linesBefore; i++) {
		if (foundLineNo - i < 0) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
		result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line.str}\n${result}`;
	}
	const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
	result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}\n`;
	result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^\n`;
	for (let i = 1; i <= opts.linesAfter; i++) {
		if (foundLineNo + i >= lineEnds.length) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
		result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line.str}\n`;
	}
	return result.replace(/\n$/, "");
}
//#endregion
//#region src/common/exception.ts
function formatError(exception, compact) {
	let where = "";
	if (!exception.mark) return exception.reason;
	if (exception.mark.name) where += `in "${exception.mark.name}" `;
	where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
	if (!compact && exception.mark.snippet) where += `\n\n${exception.mark.snippet}`;
	return `${exception.reason} ${where}`;
}
/**
* A YAML error. Unlike an ordinary `Error`, it adds a source snippet showing
* the location of the problem to the error message, when available.
*
* @category Main
*/
var YAMLException = class YAMLException extends Error {
	reason;
	mark;
	/**
	* Optional `mark` contains source snippet data. Usually, use
	* {@link YAMLException.throwAt} instead of passing it directly.
	*/
	constructor(reason, mark) {
		super();
		this.name = "YAMLException";
		this.reason = reason;
		this.mark = mark;
		this.message = formatError(this, false);
		if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
	}
	/**
	* Returns the formatted error, omitting the source snippet in compact mode.
	*/
	toString(compact) {
		return `${this.name}: ${formatError(this, compact)}`;
	}
	/**
	* Builds a YAMLException with a source snippet and throws it. `source` is
	* the raw input text; `position` is an offset into it.
	*/
	static throwAt(source, position, message, filename = "") {
		let line = 0;
		let lineStart = 0;
		for (let index = 0; index < position; index++) {
			const ch = source.charCodeAt(index);
			if (ch === 10) {
				line++;
				lineStart = index + 1;
			} else if (ch === 13) {
				line++;
				if (source.charCodeAt(index + 1) === 10) index++;
				lineStart = index + 1;
			}
		}
		const mark = {
			name: filename,
			buffer: source,
			position,
			line,
			column: position - lineStart
		};
		mark.snippet = makeSnippet(mark);
		throw new YAMLException(message, mark);
	}
};
//#endregion
//#region src/parser/events.ts
/** @category Events */
var EVENT_ID = {
	DOCUMENT: 1,
	SEQUENCE: 2,
	MAPPING: 3,
	SCALAR: 4,
	ALIAS: 5,
	POP: 6
};
/** @category Nodes */
var SCALAR_STYLE = {
	PLAIN: 1,
	SINGLE_QUOTED: 2,
	DOUBLE_QUOTED: 3,
	LITERAL_BLOCK: 4,
	FOLDED_BLOCK: 5
};
/** @category Nodes */
var COLLECTION_STYLE = {
	BLOCK: 1,
	FLOW: 2
};
/** @category Nodes */
var CHOMPING_MODE = {
	CLIP: 1,
	STRIP: 2,
	KEEP: 3
};
//#endregion
//#region src/parser/parser_scalar.ts
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
	switch (c) {
		case 48: return "\0";
		case 97: return "\x07";
		case 98: return "\b";
		case 116: return "	";
		case 9: return "	";
		case 110: return "\n";
		case 118: return "\v";
		case 102: return "\f";
		case 114: return "\r";
		case 101: return "\x1B";
		case 32: return " ";
		case 34: return "\"";
		case 47: return "/";
		case 92: return "\\";
		case 78: return "";
		case 95: return "\xA0";
		case 76: return "\u2028";
		case 80: return "\u2029";
		default: return "";
	}
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
	simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
	simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
	if (c <= 65535) return String.fromCharCode(c);
	return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
	if (c >= 48 && c <= 57) return c - 48;
	return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	return 8;
}
function skipFoldedBreaks(input, position, end) {
	let breaks = 0;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10) {
			breaks++;
			position++;
		} else if (ch === 13) {
			breaks++;
			position++;
			if (input.charCodeAt(position) === 10) position++;
		} else if (ch === 32 || ch === 9) position++;
		else break;
	}
	return {
		position,
		breaks
	};
}
function foldedBreaks(count) {
	if (count === 1) return " ";
	return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 39) {
			result += input.slice(captureStart, position) + "'";
			position += 2;
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 92) {
			result += input.slice(captureStart, position);
			position++;
			const escaped = input.charCodeAt(position);
			if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
			else if (escaped < 256 && simpleEscapeCheck[escaped]) {
				result += simpleEscapeMap[escaped];
				position++;
			} else {
				let hexLength = escapedHexLen$1(escaped);
				let hexResult = 0;
				for (; hexLength > 0; hexLength--) {
					position++;
					const digit = fromHexCode$1(input.charCodeAt(position));
					hexResult = (hexResult << 4) + digit;
				}
				result += charFromCodepoint(hexResult);
				position++;
			}
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
	const textIndent = indent < 0 ? 0 : indent;
	const region = input.slice(start, end).replace(/\r\n?/g, "\n");
	const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
	let result = "";
	let didReadContent = false;
	let emptyLines = 0;
	let atMoreIndented = false;
	for (const line of lines) {
		let column = 0;
		while (column < textIndent && line.charCodeAt(column) === 32) column++;
		if (indent < 0 || column >= line.length) {
			emptyLines++;
			continue;
		}
		const content = line.slice(textIndent);
		const first = content.charCodeAt(0);
		if (folded) {
			if (first === 32 || first === 9) {
				atMoreIndented = true;
				result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
			} else if (atMoreIndented) {
				atMoreIndented = false;
				result += "\n".repeat(emptyLines + 1);
			} else if (emptyLines === 0) {
				if (didReadContent) result += " ";
			} else result += "\n".repeat(emptyLines);
		} else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
		result += content;
		didReadContent = true;
		emptyLines = 0;
	}
	if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
	else if (chomping !== CHOMPING_MODE.STRIP) {
		if (didReadContent) result += "\n";
	}
	return result;
}
/**
* Decodes the scalar referenced by event offsets in `input`.
*
* @category Events
*/
function getScalarValue(input, scalar) {
	if (scalar.valueStart === NO_RANGE$3) return "";
	const { valueStart, valueEnd } = scalar;
	if (scalar.fast) return input.slice(valueStart, valueEnd);
	switch (scalar.style) {
		case SCALAR_STYLE.SINGLE_QUOTED: return getSingleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.DOUBLE_QUOTED: return getDoubleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.LITERAL_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
		case SCALAR_STYLE.FOLDED_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
		default: return getPlainValue(input, valueStart, valueEnd);
	}
}
//#endregion
//#region src/common/tagname.ts
var DEFAULT_TAG_HANDLERS = Object.assign(Object.create(null), {
	"!": "!",
	"!!": "tag:yaml.org,2002:"
});
function tagPercentDecode(source) {
	let result = "";
	let index = 0;
	while (index < source.length) {
		if (source.charCodeAt(index) !== 37) {
			result += source[index++];
			continue;
		}
		let ch = parseInt(source.slice(index + 1, index + 3), 16);
		index += 3;
		if (ch >= 192) {
			let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
			ch &= (1 << 6 - remaining) - 1;
			while (remaining-- > 0) {
				ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
				index += 3;
			}
		}
		if (ch < 65536) result += String.fromCharCode(ch);
		else {
			ch -= 65536;
			result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
		}
	}
	return result;
}
function tagNameFull(rawTag, tagHandlers) {
	if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
	const handleEnd = rawTag.indexOf("!", 1);
	const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
	return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
//#endregion
//#region src/parser/constructor.ts
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
	filename: "",
	schema: CORE_SCHEMA,
	json: false,
	maxTotalMergeKeys: 1e4,
	maxAliases: -1
};
function eventPosition$1(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function throwError$1(state, message) {
	YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
	try {
		return tag.finalize(carrier);
	} catch (error) {
		if (error instanceof YAMLException) throw error;
		YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
	}
}
function constructScalar(state, event) {
	const source = getScalarValue(state.source, event);
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	const strTag = state.schema.defaultScalarTag;
	if (rawTag !== "") {
		if (rawTag === "!") return {
			value: source,
			tag: strTag
		};
		const tagName = tagNameFull(rawTag, state.tagHandlers);
		const scalarTag = state.schema.lookupScalarTag(tagName);
		if (scalarTag) {
			const result = scalarTag.resolve(source, true, tagName);
			if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			return {
				value: result,
				tag: scalarTag
			};
		}
		const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
		if (collectionTagDef) {
			if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			const carrier = collectionTagDef.create(tagName);
			return {
				value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
				tag: collectionTagDef
			};
		}
		throwError$1(state, `unknown scalar tag !<${tagName}>`);
	}
	if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
	return {
		value: strTag.resolve(source, false, strTag.tagName),
		tag: strTag
	};
}
function collectionTagName(state, event, defaultTagName) {
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
	return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
	state.totalMergeKeys++;
	if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
	chargeMergeWork(state);
	for (const sourceKey of sourceTag.keys(source)) {
		chargeMergeWork(state);
		if (frame.tag.has(frame.value, sourceKey)) continue;
		const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
		if (err) throwError$1(state, err);
		frame.overridable ??= /* @__PURE__ */ new Set();
		frame.overridable.add(sourceKey);
	}
}
function mergeSource(state, frame, source, sourceTag) {
	state.position = frame.keyPosition;
	if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
	else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
		if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
		for (const element of source) {
			const elementTag = state.nodeTags.get(element);
			if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
			mergeKeys(state, frame, element, elementTag);
		}
	} else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
	state.position = frame.keyPosition;
	if (frame.keyIsMerge) {
		mergeSource(state, frame, value, tag);
		return;
	}
	if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
	const err = frame.tag.addPair(frame.value, key, value);
	if (err) throwError$1(state, err);
	frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") {
		frame.value = value;
		frame.hasValue = true;
	} else if (frame.kind === "sequence") {
		if (isMappingTag(tag)) state.nodeTags.set(value, tag);
		const err = frame.tag.addItem(frame.value, value, frame.index++);
		if (err) throwError$1(state, err);
	} else if (frame.hasKey) {
		const key = frame.key;
		frame.key = void 0;
		frame.hasKey = false;
		addMappingValue(state, frame, key, value, tag);
	} else {
		frame.key = value;
		frame.keyPosition = state.position;
		frame.hasKey = true;
		frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
	}
}
function storeAnchor(state, event, value, tag, isValueFinal) {
	if (event.anchorStart !== NO_RANGE$2) {
		const anchor = {
			value,
			tag,
			isValueFinal
		};
		state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
		return anchor;
	}
	return null;
}
/**
* Constructs JavaScript documents directly from parser events, without an
* intermediate AST.
*
* @category Events
*/
function constructFromEvents(events, options) {
	const state = {
		...DEFAULT_CONSTRUCTOR_OPTIONS,
		...options,
		events,
		documents: [],
		eventIndex: 0,
		position: 0,
		frames: [],
		anchors: /* @__PURE__ */ new Map(),
		nodeTags: /* @__PURE__ */ new Map(),
		tagHandlers: Object.create(null),
		totalMergeKeys: 0,
		aliasCount: 0
	};
	while (state.eventIndex < state.events.length) {
		const event = state.events[state.eventIndex++];
		state.position = eventPosition$1(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT:
				state.anchors = /* @__PURE__ */ new Map();
				state.nodeTags = /* @__PURE__ */ new Map();
				state.aliasCount = 0;
				state.tagHandlers = Object.create(null);
				for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
				state.frames.push({
					kind: "document",
					position: state.position,
					value: void 0,
					hasValue: false
				});
				break;
			case EVENT_ID.SCALAR: {
				const { value, tag } = constructScalar(state, event);
				storeAnchor(state, event, value, tag, true);
				addValue(state, value, tag);
				break;
			}
			case EVENT_ID.SEQUENCE: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
				const tag = state.schema.lookupSequenceTag(tagName);
				if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "sequence",
					position: state.position,
					value,
					tag,
					anchor,
					index: 0
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
				const tag = state.schema.lookupMappingTag(tagName);
				if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "mapping",
					position: state.position,
					value,
					tag,
					anchor,
					key: void 0,
					keyPosition: state.position,
					hasKey: false,
					keyIsMerge: false,
					overridable: null
				});
				break;
			}
			case EVENT_ID.ALIAS: {
				if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
				const name = state.source.slice(event.anchorStart, event.anchorEnd);
				const anchor = state.anchors.get(name);
				if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
				if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
				addValue(state, anchor.value, anchor.tag);
				break;
			}
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.hasKey) {
					state.position = frame.keyPosition;
					throwError$1(state, "incomplete mapping pair in event stream");
				}
				if (frame.kind === "document") state.documents.push(frame.value);
				else {
					const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
					if (frame.anchor) {
						frame.anchor.value = value;
						frame.anchor.isValueFinal = true;
					}
					addValue(state, value, frame.tag);
				}
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/parser/parser.ts
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
	filename: "",
	maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
	state.events.push({
		type: EVENT_ID.DOCUMENT,
		explicitStart,
		explicitEnd,
		directives: state.directives
	});
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.SEQUENCE,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.MAPPING,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function insertFlowPairMappingEvent(state, snapshot) {
	state.events.splice(snapshot.eventsLength, 0, {
		type: EVENT_ID.MAPPING,
		start: snapshot.position,
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1,
		style: COLLECTION_STYLE.FLOW
	});
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
	state.events.push({
		type: EVENT_ID.SCALAR,
		valueStart,
		valueEnd,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style,
		chomping,
		indent,
		fast
	});
}
function addAliasEvent(state, anchorStart, anchorEnd) {
	state.events.push({
		type: EVENT_ID.ALIAS,
		anchorStart,
		anchorEnd
	});
}
function addPopEvent(state) {
	state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
	addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
	return {
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1
	};
}
function snapshotState(state) {
	return {
		position: state.position,
		line: state.line,
		lineStart: state.lineStart,
		lineIndent: state.lineIndent,
		firstTabInLine: state.firstTabInLine,
		eventsLength: state.events.length
	};
}
function restoreState(state, snapshot) {
	state.position = snapshot.position;
	state.line = snapshot.line;
	state.lineStart = snapshot.lineStart;
	state.lineIndent = snapshot.lineIndent;
	state.firstTabInLine = snapshot.firstTabInLine;
	state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
	YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
	return c === 10 || c === 13;
}
function isWhiteSpace(c) {
	return c === 9 || c === 32;
}
function isWsOrEol(c) {
	return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
	return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
	return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
	return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
	if (c >= 48 && c <= 57) return c - 48;
	const lc = c | 32;
	if (lc >= 97 && lc <= 102) return lc - 97 + 10;
	return -1;
}
function escapedHexLen(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	if (c === 85) return 8;
	return 0;
}
function isSimpleEscape(c) {
	return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
	if (state.input.charCodeAt(state.position) === 10) state.position++;
	else {
		state.position++;
		if (state.input.charCodeAt(state.position) === 10) state.position++;
	}
	state.line++;
	state.lineStart = state.position;
	state.lineIndent = 0;
	state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
	let lineBreaks = 0;
	let ch = state.input.charCodeAt(state.position);
	let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
	while (ch !== 0) {
		while (isWhiteSpace(ch)) {
			hasSeparation = true;
			if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
			ch = state.input.charCodeAt(++state.position);
		}
		if (allowComments && hasSeparation && ch === 35) do
			ch = state.input.charCodeAt(++state.position);
		while (!isEol(ch) && ch !== 0);
		if (!isEol(ch)) break;
		consumeLineBreak(state);
		lineBreaks++;
		hasSeparation = true;
		ch = state.input.charCodeAt(state.position);
		while (ch === 32) {
			state.lineIndent++;
			ch = state.input.charCodeAt(++state.position);
		}
	}
	return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
	const ch = state.input.charCodeAt(position);
	if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
		const following = state.input.charCodeAt(position + 3);
		return following === 0 || isWsOrEol(following);
	}
	return false;
}
function skipByteOrderMark(state) {
	if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
		state.position++;
		state.lineStart = state.position;
	}
}
function testDocumentBoundary(state) {
	if (state.position !== state.lineStart) return false;
	if (testDocumentSeparator(state)) return true;
	if (state.input.charCodeAt(state.position) !== 65279) return false;
	const snapshot = snapshotState(state);
	skipByteOrderMark(state);
	skipSeparationSpace(state, true);
	const ch = state.input.charCodeAt(state.position);
	const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
	restoreState(state, snapshot);
	return result;
}
function skipUntilLineEnd(state) {
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
	const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
	if (match !== null) {
		state.position = start + match.index + match[0].length - 1;
		throwError(state, "the stream contains non-printable characters");
	}
}
function readTagProperty(state, props, inFlow) {
	if (state.input.charCodeAt(state.position) !== 33) return false;
	if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
	const start = state.position;
	let isVerbatim = false;
	let isNamed = false;
	let tagHandle = "!";
	let ch = state.input.charCodeAt(++state.position);
	if (ch === 60) {
		isVerbatim = true;
		ch = state.input.charCodeAt(++state.position);
	} else if (ch === 33) {
		isNamed = true;
		tagHandle = "!!";
		ch = state.input.charCodeAt(++state.position);
	}
	let suffixStart = state.position;
	let tagName;
	if (isVerbatim) {
		while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
		if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
		tagName = state.input.slice(suffixStart, state.position);
		state.position++;
	} else {
		while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
			if (ch === 33) {
				if (!isNamed) {
					tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
					if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
					isNamed = true;
					suffixStart = state.position + 1;
				} else throwError(state, "tag suffix cannot contain exclamation marks");
			}
			ch = state.input.charCodeAt(++state.position);
		}
		tagName = state.input.slice(suffixStart, state.position);
		if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
	}
	if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
	if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
	props.tagStart = start;
	props.tagEnd = state.position;
	return true;
}
function readAnchorProperty(state, props) {
	if (state.input.charCodeAt(state.position) !== 38) return false;
	if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
	props.anchorStart = start;
	props.anchorEnd = state.position;
	return true;
}
function readAlias(state, props) {
	if (state.input.charCodeAt(state.position) !== 42) return false;
	if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
	addAliasEvent(state, start, state.position);
	return true;
}
function readFlowScalarBreak(state, nodeIndent) {
	skipSeparationSpace(state, false);
	if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 39) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 39) {
			if (state.input.charCodeAt(state.position + 1) === 39) {
				simple = false;
				state.position += 2;
				continue;
			}
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 34) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 34) {
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (ch === 92) {
			simple = false;
			const escaped = state.input.charCodeAt(++state.position);
			if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
			else if (isSimpleEscape(escaped)) state.position++;
			else {
				let hexLength = escapedHexLen(escaped);
				if (hexLength === 0) throwError(state, "unknown escape sequence");
				while (hexLength-- > 0) {
					state.position++;
					if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
				}
				state.position++;
			}
		} else if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	let chomping = CHOMPING_MODE.CLIP;
	let indent = -1;
	let detectedIndent = false;
	if (ch !== 124 && ch !== 62) return false;
	const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		const current = state.input.charCodeAt(state.position);
		const digit = fromDecimalCode(current);
		if (current === 43 || current === 45) {
			if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
			chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
			state.position++;
		} else if (digit >= 0) {
			if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
			if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
			indent = parentIndent + digit - 1;
			detectedIndent = true;
			state.position++;
		} else break;
	}
	let hadWhitespace = false;
	while (isWhiteSpace(state.input.charCodeAt(state.position))) {
		hadWhitespace = true;
		state.position++;
	}
	if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
	let contentIndent = detectedIndent ? indent : -1;
	let maxLeadingIndent = 0;
	const valueStart = state.position;
	let valueEnd = state.position;
	while (state.input.charCodeAt(state.position) !== 0) {
		const linePosition = state.position;
		let column = 0;
		while (state.input.charCodeAt(linePosition + column) === 32) column++;
		const first = state.input.charCodeAt(linePosition + column);
		if (first === 0) {
			if (contentIndent >= 0) {
				if (column > contentIndent) valueEnd = linePosition + column;
			} else if (column > 0) valueEnd = linePosition + column;
			break;
		}
		if (testDocumentBoundary(state)) break;
		if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
		if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
			if (first === 9 && column < parentIndent) {
				state.position = linePosition + column;
				throwError(state, "tab characters must not be used in indentation");
			}
			if (column >= parentIndent && column < maxLeadingIndent) {
				state.position = linePosition + column;
				throwError(state, "bad indentation of a mapping entry");
			}
		}
		if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
		const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
		if (first !== 0 && !isEol(first) && column < requiredIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		skipUntilLineEnd(state);
		valueEnd = state.position;
		if (isEol(state.input.charCodeAt(state.position))) {
			consumeLineBreak(state);
			valueEnd = state.position;
		}
	}
	checkPrintable(state, valueStart, valueEnd);
	addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
	return true;
}
function canStartPlainScalar(state, nodeContext) {
	const ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
	if (ch === 63 || ch === 45) {
		const following = state.input.charCodeAt(state.position + 1);
		if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
	}
	return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
	if (!canStartPlainScalar(state, nodeContext)) return false;
	const start = state.position;
	let end = state.position;
	let ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	let multiline = false;
	while (ch !== 0) {
		if (testDocumentBoundary(state)) break;
		if (ch === 58) {
			const following = state.input.charCodeAt(state.position + 1);
			if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
		} else if (ch === 35) {
			if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
		} else if (inFlow && isFlowIndicator(ch)) break;
		else if (isEol(ch)) {
			const savedPosition = state.position;
			const savedLine = state.line;
			const savedLineStart = state.lineStart;
			const savedLineIndent = state.lineIndent;
			skipSeparationSpace(state, false);
			if (state.lineIndent >= nodeIndent) {
				multiline = true;
				ch = state.input.charCodeAt(state.position);
				continue;
			}
			state.position = savedPosition;
			state.line = savedLine;
			state.lineStart = savedLineStart;
			state.lineIndent = savedLineIndent;
			break;
		}
		if (!isWhiteSpace(ch)) end = state.position + 1;
		ch = state.input.charCodeAt(++state.position);
	}
	if (end === start) return false;
	checkPrintable(state, start, end);
	addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
	return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
	const startLine = state.line;
	skipSeparationSpace(state, true);
	if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	const isMapping = ch === 123;
	const start = state.position;
	let readNext = true;
	if (ch !== 91 && ch !== 123) return false;
	const terminator = isMapping ? 125 : 93;
	if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		skipFlowSeparationSpace(state, nodeIndent);
		let ch = state.input.charCodeAt(state.position);
		if (ch === terminator) {
			state.position++;
			addPopEvent(state);
			return true;
		} else if (!readNext) throwError(state, "missed comma between flow collection entries");
		else if (ch === 44) throwError(state, "expected the node content, but found ','");
		let isPair = false;
		let isExplicitPair = false;
		if (ch === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
			isPair = isExplicitPair = true;
			state.position += 1;
			skipFlowSeparationSpace(state, nodeIndent);
		}
		const entryLine = state.line;
		const entryStart = snapshotState(state);
		const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
		skipFlowSeparationSpace(state, nodeIndent);
		ch = state.input.charCodeAt(state.position);
		if ((isMapping || isExplicitPair || state.line === entryLine) && ch === 58) {
			isPair = true;
			state.position++;
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) {
				insertFlowPairMappingEvent(state, entryStart);
				if (!keyWasRead) addEmptyScalarEvent(state);
			} else if (!keyWasRead) addEmptyScalarEvent(state);
			if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) addPopEvent(state);
		} else if (isMapping && isPair) {
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
		} else if (isMapping) addEmptyScalarEvent(state);
		else if (isPair) {
			insertFlowPairMappingEvent(state, entryStart);
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
			addPopEvent(state);
		}
		ch = state.input.charCodeAt(state.position);
		if (ch === 44) {
			readNext = true;
			state.position++;
		} else readNext = false;
	}
	throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
	if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
	addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
	while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
		if (state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const entryLine = state.line;
		state.position++;
		const hadBreak = skipSeparationSpace(state, true) > 0;
		if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
		if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
		else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
		skipSeparationSpace(state, true);
		if (state.lineIndent < nodeIndent || state.position >= state.length) break;
		if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
		if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
	}
	addPopEvent(state);
	return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
	let atExplicitKey = false;
	let detected = false;
	let mappingOpened = false;
	let pendingExplicitKey = false;
	if (state.firstTabInLine !== -1) return false;
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0) {
		if (!atExplicitKey && state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const following = state.input.charCodeAt(state.position + 1);
		const entryLine = state.line;
		if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
			if (!mappingOpened) {
				addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
				mappingOpened = true;
			}
			if (ch === 63) {
				if (atExplicitKey) addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = true;
			} else if (atExplicitKey) atExplicitKey = false;
			else {
				addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = false;
			}
			state.position += 1;
			pendingExplicitKey = true;
		} else {
			if (atExplicitKey) {
				addEmptyScalarEvent(state);
				atExplicitKey = false;
			}
			const beforeKey = snapshotState(state);
			if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
			if (state.line === entryLine) {
				ch = state.input.charCodeAt(state.position);
				while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
				if (ch === 58) {
					ch = state.input.charCodeAt(++state.position);
					if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
					if (!mappingOpened) {
						state.events.splice(beforeKey.eventsLength, 0, {
							type: EVENT_ID.MAPPING,
							start: beforeKey.position,
							anchorStart: props.anchorStart,
							anchorEnd: props.anchorEnd,
							tagStart: props.tagStart,
							tagEnd: props.tagEnd,
							style: COLLECTION_STYLE.BLOCK
						});
						mappingOpened = true;
					}
					detected = true;
					atExplicitKey = false;
					pendingExplicitKey = false;
				} else if (detected) throwError(state, "expected ':' after a mapping key");
				else {
					if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
						restoreState(state, beforeKey);
						return false;
					}
					return true;
				}
			} else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
			else {
				if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
					restoreState(state, beforeKey);
					return false;
				}
				return true;
			}
		}
		if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
		if (!atExplicitKey) {
			if (pendingExplicitKey) {
				addEmptyScalarEvent(state);
				pendingExplicitKey = false;
			}
		}
		skipSeparationSpace(state, true);
		ch = state.input.charCodeAt(state.position);
		if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
		else if (state.lineIndent < nodeIndent) break;
	}
	if (!detected) return false;
	if (atExplicitKey) addEmptyScalarEvent(state);
	if (mappingOpened) addPopEvent(state);
	return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
	if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
	state.depth++;
	let indentStatus = 1;
	let atNewLine = false;
	let hasContent = false;
	let propertyStart = null;
	const props = emptyProperties();
	let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
	let allowBlockCollections = allowBlockScalars;
	const allowBlockStyles = allowBlockScalars;
	if (allowToSeek && skipSeparationSpace(state, true)) {
		atNewLine = true;
		if (state.lineIndent > parentIndent) indentStatus = 1;
		else if (state.lineIndent === parentIndent) indentStatus = 0;
		else indentStatus = -1;
	}
	if (indentStatus === 1) while (true) {
		const ch = state.input.charCodeAt(state.position);
		const propertyState = snapshotState(state);
		if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
		if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
			const fallbackState = snapshotState(state);
			const flowIndent = parentIndent + 1;
			if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
				state.depth--;
				return true;
			}
			restoreState(state, fallbackState);
		}
		if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
		if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
		if (propertyStart === null) propertyStart = propertyState;
		if (skipSeparationSpace(state, true)) {
			atNewLine = true;
			allowBlockCollections = allowBlockStyles;
			if (state.lineIndent > parentIndent) indentStatus = 1;
			else if (state.lineIndent === parentIndent) indentStatus = 0;
			else indentStatus = -1;
		} else allowBlockCollections = false;
	}
	if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
	if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
		const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
		const blockIndent = state.position - state.lineStart;
		if (indentStatus === 1) {
			if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
			else {
				const ch = state.input.charCodeAt(state.position);
				if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
					const fallbackState = snapshotState(state);
					const propertyIndent = propertyStart.position - propertyStart.lineStart;
					restoreState(state, propertyStart);
					if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
					else restoreState(state, fallbackState);
				}
				if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
			}
		} else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
	}
	allowBlockScalars = allowBlockScalars && !hasContent;
	if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
		addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
		hasContent = true;
	}
	state.depth--;
	return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
	if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
	state.position++;
	const nameStart = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
	const name = state.input.slice(nameStart, state.position);
	const args = [];
	if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
	while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
		while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
		if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
		const start = state.position;
		while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
		args.push(state.input.slice(start, state.position));
	}
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	if (name === "YAML") {
		if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
		if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
		const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
		if (match === null) throwError(state, "ill-formed argument of the YAML directive");
		if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
		state.directives.push({
			kind: "yaml",
			version: args[0]
		});
	} else if (name === "TAG") {
		if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
		const [handle, prefix] = args;
		if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
		if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
		if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
		state.tagHandlers[handle] = prefix;
		state.directives.push({
			kind: "tag",
			handle,
			prefix
		});
	}
	return true;
}
function readDocument(state) {
	state.directives = [];
	state.tagHandlers = Object.create(null);
	let hasDirectives = false;
	skipSeparationSpace(state, true);
	while (readDirective(state)) {
		hasDirectives = true;
		skipSeparationSpace(state, true);
	}
	let explicitStart = false;
	let explicitEnd = false;
	let allowCompact = true;
	if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
		explicitStart = true;
		const markerLine = state.line;
		state.position += 3;
		skipSeparationSpace(state, true);
		allowCompact = state.line > markerLine;
	} else if (hasDirectives) throwError(state, "directives end mark is expected");
	const documentEventIndex = state.events.length;
	if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
		state.position += 3;
		skipSeparationSpace(state, true);
		return;
	}
	addDocumentEvent(state, explicitStart, false);
	if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
	skipSeparationSpace(state, true);
	if (state.position === state.lineStart && testDocumentSeparator(state)) {
		explicitEnd = state.input.charCodeAt(state.position) === 46;
		if (explicitEnd) {
			const markerLine = state.line;
			state.position += 3;
			skipSeparationSpace(state, true);
			if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
		}
	}
	const documentEvent = state.events[documentEventIndex];
	if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
	addPopEvent(state);
	if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
/**
* Parses YAML into a flat event stream referencing source text by offsets.
*
* @category Events
*/
function parseEvents(input, options) {
	const length = input.length;
	const state = {
		...DEFAULT_PARSER_OPTIONS,
		...options,
		input: `${input}\0`,
		length,
		position: 0,
		line: 0,
		lineStart: 0,
		lineIndent: 0,
		firstTabInLine: -1,
		depth: 0,
		directives: [],
		tagHandlers: Object.create(null),
		events: []
	};
	const nullpos = input.indexOf("\0");
	if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
	while (state.position < state.length) {
		skipByteOrderMark(state);
		skipSeparationSpace(state, true);
		if (state.position >= state.length) break;
		const documentStart = state.position;
		readDocument(state);
		if (state.position === documentStart)
 /* c8 ignore next */
		throwError(state, "can not read a document");
	}
	return state.events;
}
//#endregion
//#region src/ast/styler_defaults.ts
function hasBit(mask, bit) {
	return (mask & 1 << bit) !== 0;
}
/**
* Default scalar styling rules in application order.
* See [Scalar styling](../../docs/scalar_styling.md) for usage details.
*
* @category AST
*/
var DEFAULT_SCALAR_STYLE_RULES = {
	applyQuoteFlowKeysOption,
	doubleQuoteForInvisibles,
	doubleQuoteWhitespaceOnly,
	applyForceQuotesOption,
	tryLongOrMultilineAsBlock,
	quoteInvalidPlain,
	fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
	if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
	return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
	if (!layout.presenterOptions.quoteFlowKeys) return;
	if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
	layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
	if (!layout.presenterOptions.forceQuotes) return;
	if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
	if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
	layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
	if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
	const value = layout.node.value;
	const multiline = value.indexOf("\n") !== -1;
	if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
		if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
		return;
	}
	const w = layout.presenterOptions.lineWidth;
	if (w === -1) {
		if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
		return;
	}
	const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	let position = 0;
	let shouldFold = false;
	while (position <= value.length) {
		let lineEnd = value.length;
		const nextLineBreak = value.indexOf("\n", position);
		if (nextLineBreak !== -1) lineEnd = nextLineBreak;
		const line = value.slice(position, lineEnd);
		if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
		if (nextLineBreak === -1) break;
		position = nextLineBreak + 1;
	}
	if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
	else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
	if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
({
	scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name))});
/** @deprecated Use `SCALAR_STYLE.PLAIN` instead. @internal */
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
/** @deprecated Use `SCALAR_STYLE.DOUBLE_QUOTED` instead. @internal */
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
/** @deprecated Use `COLLECTION_STYLE.FLOW` instead. @internal */
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;

/**
 * A strict JSON scanner that only locates problems. `JSON.parse` gives the values, but its messages do
 * not always carry a position (e.g. "Unexpected end of JSON input") and it silently keeps the last of
 * duplicate keys — which would let two formats of one config "agree" while the file says two things.
 */
const MAX_DEPTH = 512;
/** Returns the first syntax error and every duplicate key, with byte offsets into `text`. */
function scanJson(text) {
    const duplicates = [];
    let pos = 0;
    const fail = (message, at = pos) => {
        throw Object.assign(new Error(message), { offset: at });
    };
    const skipWhitespace = () => {
        while (pos < text.length && ' \t\n\r'.includes(text[pos]))
            pos++;
    };
    const describe = (at) => at >= text.length ? 'end of input' : `${JSON.stringify(text[at])}`;
    const scanString = () => {
        const start = pos;
        pos++; // opening quote
        let out = '';
        while (pos < text.length) {
            const ch = text[pos];
            if (ch === '"') {
                pos++;
                return out;
            }
            if (ch === '\\') {
                const esc = text[pos + 1];
                if (esc === 'u') {
                    if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6)))
                        fail('invalid \\u escape in string');
                    out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
                    pos += 6;
                    continue;
                }
                if (esc === undefined || !'"\\/bfnrt'.includes(esc))
                    fail('invalid escape in string', pos);
                out += esc;
                pos += 2;
                continue;
            }
            if (ch < ' ')
                fail('control character (e.g. a raw newline) inside a string');
            out += ch;
            pos++;
        }
        return fail('unterminated string', start);
    };
    const scanNumber = () => {
        const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
        if (!match || match[0] === '' || match[0] === '-')
            fail(`unexpected ${describe(pos)}`);
        pos += match[0].length;
    };
    const scanValue = (depth) => {
        if (depth > MAX_DEPTH)
            fail(`nesting deeper than ${MAX_DEPTH} levels`);
        skipWhitespace();
        const ch = text[pos];
        if (ch === '{')
            return scanObject(depth);
        if (ch === '[')
            return scanArray(depth);
        if (ch === '"') {
            scanString();
            return;
        }
        if (ch === '-' || (ch >= '0' && ch <= '9'))
            return scanNumber();
        for (const word of ['true', 'false', 'null']) {
            if (text.startsWith(word, pos)) {
                pos += word.length;
                return;
            }
        }
        fail(`unexpected ${describe(pos)}, expected a value`);
    };
    const scanObject = (depth) => {
        pos++;
        const keys = new Set();
        skipWhitespace();
        if (text[pos] === '}') {
            pos++;
            return;
        }
        for (;;) {
            skipWhitespace();
            if (text[pos] !== '"')
                fail(`unexpected ${describe(pos)}, expected a "quoted" key`);
            const keyAt = pos;
            const key = scanString();
            if (keys.has(key))
                duplicates.push({ message: `duplicate key "${key}"`, offset: keyAt });
            keys.add(key);
            skipWhitespace();
            if (text[pos] !== ':')
                fail(`unexpected ${describe(pos)}, expected ':' after key "${key}"`);
            pos++;
            scanValue(depth + 1);
            skipWhitespace();
            if (text[pos] === ',') {
                const comma = pos++;
                skipWhitespace();
                if (text[pos] === '}')
                    fail('trailing comma before }', comma);
                continue;
            }
            if (text[pos] === '}') {
                pos++;
                return;
            }
            fail(`unexpected ${describe(pos)}, expected ',' or '}'`);
        }
    };
    const scanArray = (depth) => {
        pos++;
        skipWhitespace();
        if (text[pos] === ']') {
            pos++;
            return;
        }
        for (;;) {
            scanValue(depth + 1);
            skipWhitespace();
            if (text[pos] === ',') {
                const comma = pos++;
                skipWhitespace();
                if (text[pos] === ']')
                    fail('trailing comma before ]', comma);
                continue;
            }
            if (text[pos] === ']') {
                pos++;
                return;
            }
            fail(`unexpected ${describe(pos)}, expected ',' or ']'`);
        }
    };
    try {
        scanValue(0);
        skipWhitespace();
        if (pos < text.length)
            fail(`unexpected ${describe(pos)} after the end of the JSON value`);
        return { duplicates };
    }
    catch (error) {
        const { message, offset } = error;
        return { syntax: { message, offset }, duplicates };
    }
}
/** 1-based line and column of a character offset. */
function lineColumnAt(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text[i] === '\n') {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}

/**
 * A fast first reading of plain YAML: js-yaml's event parser and constructor (YAML 1.2, core schema),
 * about three times faster than `yaml` on a cold start, where a preflight spends its time. It answers
 * only for text inside a plain subset where the two parsers were shown to agree on every document's
 * value and on whether it is valid at all (the differential test in __tests__/fast-yaml.test.ts, and
 * millions of mutated bundles before it); anything else — a tag, an anchor, a directive, a tab, an
 * escape beyond \" \\ \/ \n \r \t, a key that is not plainly a string, a number too big for a double, a
 * flow collection that does not end on its own line, an error — gets undefined, and `yaml` reads it with
 * the exact messages and positions the findings quote.
 */
/** Text characters the subset leaves to `yaml`: tabs, a byte-order mark, a carriage return alone. */
const UNUSUAL_CHARACTER = /[\t\ufeff]|\r(?!\n)/;
/** A document marker other than a bare `---` at the start of a line (`...`, an indented one, content after it). */
const UNUSUAL_MARKER = /^(?:[ ]*\.\.\.|[ ]+---)(?:[ \r\n]|$)|^---[ ]+[^ \r\n#]/m;
/** A plain key that the core schema might read as other than a string (a number, null, a boolean, empty). */
const STRING_KEY = /^[A-Za-z_$/]/;
const NOT_A_STRING = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/** What the core schema reads as a number: such a scalar is left to `yaml` when a double cannot hold it. */
const NUMBER = /^(?:[-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
/** Double-quoted escapes both parsers read alike. */
const UNUSUAL_ESCAPE = /\\[^"\\/nrt]/;
const bigNumber = (source) => NUMBER.test(source) && (source.length > 15 || !Number.isFinite(Number(source)));
/**
 * Where the flow collection opening at `start` closes on its own line (quotes skipped), or -1 when it
 * does not close there.
 */
function flowEnd(text, start) {
    let depth = 0;
    let quote;
    for (let i = start; i < text.length; i++) {
        const c = text[i];
        if (c === '\n' || c === '\r')
            return -1;
        if (quote) {
            if (quote === "'" && c === "'" && text[i + 1] === "'")
                i++;
            else if (quote === '"' && c === '\\')
                i++;
            else if (c === quote)
                quote = undefined;
            continue;
        }
        // A quote opens a scalar only where one can start: after an indicator or a space.
        if ((c === '"' || c === "'") && /[[{,:\s]/.test(text[i - 1]))
            quote = c;
        else if (c === '[' || c === '{')
            depth++;
        else if (c === ']' || c === '}') {
            if (--depth === 0)
                return i;
        }
    }
    return -1;
}
/** A flow collection in block context must end its line (a comment may follow). */
function flowEndsLine(text, start) {
    const end = flowEnd(text, start);
    if (end < 0)
        return false;
    const rest = /^[^\r\n]*/.exec(text.slice(end + 1))[0];
    return /^(?:[ ]+#.*)?[ ]*$/.test(rest);
}
/** The documents of `text` when it is inside the plain subset, else undefined (read it with `yaml`). */
function fastYaml(text) {
    if (UNUSUAL_CHARACTER.test(text) || UNUSUAL_MARKER.test(text))
        return undefined;
    let events;
    try {
        events = parseEvents(text, {});
    }
    catch {
        return undefined;
    }
    const starts = [];
    let awaitingContent = false;
    // Per open collection: for a mapping, whether its next node is a key; null for a sequence. Flow
    // collections inside a flow collection are checked with it, as one.
    const open = [];
    for (const event of events) {
        if (event.type === EVENT_ID.DOCUMENT) {
            if (event.directives.length > 0)
                return undefined;
            starts.push(-1);
            awaitingContent = true;
            continue;
        }
        if (event.type === EVENT_ID.POP) {
            open.pop();
            continue;
        }
        if (event.type === EVENT_ID.ALIAS || event.tagStart !== -1 || event.anchorStart !== -1)
            return undefined;
        const start = event.type === EVENT_ID.SCALAR ? event.valueStart : event.start;
        if (awaitingContent) {
            // A document that is one block scalar: `yaml` places it at its header, js-yaml at its text.
            if (event.type === EVENT_ID.SCALAR && event.style > SCALAR_STYLE_DOUBLE_QUOTED)
                return undefined;
            starts[starts.length - 1] = start;
            awaitingContent = false;
        }
        if (event.type === EVENT_ID.SCALAR) {
            const source = text.slice(event.valueStart, event.valueEnd);
            if (event.style === SCALAR_STYLE_PLAIN && bigNumber(source))
                return undefined;
            if (event.style === SCALAR_STYLE_DOUBLE_QUOTED && UNUSUAL_ESCAPE.test(source))
                return undefined;
        }
        const parent = open[open.length - 1];
        if (parent && parent.key !== null) {
            if (parent.key) {
                if (event.type !== EVENT_ID.SCALAR)
                    return undefined;
                const source = text.slice(event.valueStart, event.valueEnd);
                if (/[\r\n]/.test(source))
                    return undefined;
                if (event.style === SCALAR_STYLE_PLAIN && (!STRING_KEY.test(source) || NOT_A_STRING.test(source)))
                    return undefined;
            }
            parent.key = !parent.key;
        }
        if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
            const flow = event.style === COLLECTION_STYLE_FLOW;
            if (flow && !parent?.flow && !flowEndsLine(text, start))
                return undefined;
            open.push({ key: event.type === EVENT_ID.MAPPING ? true : null, flow: flow || parent?.flow === true });
        }
    }
    let values;
    try {
        values = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: 0 });
    }
    catch {
        return undefined;
    }
    const documents = [];
    values.forEach((value, index) => {
        if (value === null || value === undefined)
            return;
        const start = starts[index] ?? -1;
        documents.push({ index, line: start >= 0 ? lineColumnAt(text, start).line : 1, value });
    });
    return documents;
}

/**
 * Maps a key path (as the checks see a parsed value) back to a line and column in the bundle file, so a
 * finding can point at `namespace:` itself rather than at the start of the document. Each format has its
 * own small locator; all of them are linear scans and none of them throws.
 */
/**
 * Returns a function that locates a key path within document `docIndex` (0-based; YAML multi-document
 * files; always 0 for JSON/TOML) of `text`.
 * The text is parsed lazily, once, on the first call (never at creation), and never throws: on unparsable
 * text it returns undefined.
 * For a map entry the position is that of its KEY (e.g. the `n` of `namespace: x`); for an array element,
 * the start of the element (for YAML block sequences the element's node, i.e. after "- ").
 */
function createLocator(format, text) {
    const build = { yaml: yamlLocator, json: jsonLocator, toml: tomlLocator }[format];
    let locate;
    return (path, docIndex = 0) => {
        try {
            locate ??= build(text);
            return locate(path, docIndex);
        }
        catch {
            // Defensive: a locator is a nicety for annotations and must never fail a run.
            return undefined;
        }
    };
}
/** A LineCounter filled by hand, for the formats that do not go through the yaml parser. */
function countLines(text) {
    const counter = new distExports.LineCounter();
    counter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        counter.addNewLine(i + 1);
    return counter;
}
/**
 * The walk all three formats share: from the document root, `step` finds a segment's child (with the
 * offset to report); where it finds none, the deepest offset reached is reported as inexact.
 */
function follow(counter, root, path, step) {
    let node = root;
    let exact = true;
    for (const segment of path) {
        const next = step(node, segment);
        if (!next) {
            exact = false;
            break;
        }
        node = next;
    }
    const { line, col } = counter.linePos(node.at);
    return { line, column: col, exact };
}
/** A numeric array index from a path segment; -1 when it is not one. */
const indexOf = (segment) => typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
/** The value of a quoted JSON string (TOML basic strings share most escapes); undefined if invalid. */
function unquote(raw) {
    try {
        return JSON.parse(raw);
    }
    catch {
        return undefined;
    }
}
// ---------------------------------------------------------------------------------------------- YAML
function yamlLocator(text) {
    const counter = new distExports.LineCounter();
    const parsed = distExports.parseAllDocuments(text, { uniqueKeys: true, strict: true, lineCounter: counter });
    // An empty file gives an EmptyStream; the index of a document counts empty documents too, like parse.ts.
    const docs = Array.isArray(parsed) ? parsed : [];
    return (path, docIndex) => {
        const doc = docs[docIndex];
        // A document with errors is not checked (parse.ts skips it), so there is nothing to point into.
        if (!doc || doc.errors.length > 0)
            return undefined;
        const root = { at: doc.contents?.range?.[0] ?? 0, node: doc.contents };
        return follow(counter, root, path, ({ node }, segment) => {
            if (distExports.isAlias(node))
                node = node.resolve(doc);
            if (distExports.isMap(node)) {
                const pair = node.items.find(item => distExports.isPair(item) && distExports.isScalar(item.key) && String(item.key.value) === String(segment));
                return pair && located(pair.key, pair.value);
            }
            if (!distExports.isSeq(node))
                return undefined;
            const item = node.items[indexOf(segment)];
            return located(item, item);
        });
    };
}
/** The step result for a YAML node: reported at `where`'s start, continuing into `node`. */
function located(where, node) {
    const at = where?.range?.[0];
    return at === undefined ? undefined : { at, node };
}
// ---------------------------------------------------------------------------------------------- JSON
/**
 * Follows the path through the text without building values, and stops as soon as the path is found:
 * nothing after it needs to be valid. Skipped values are only bracket-matched, not validated (scanJson
 * reports syntax errors); on anything unexpected the deepest position reached so far is returned.
 */
function jsonLocator(text) {
    const counter = countLines(text);
    return (path, docIndex) => {
        let pos = 0;
        const skipSpace = () => {
            while (pos < text.length && ' \t\n\r'.includes(text[pos]))
                pos++;
        };
        const readString = () => {
            const start = pos++;
            while (pos < text.length && text[pos] !== '"')
                pos += text[pos] === '\\' ? 2 : 1;
            return pos++ < text.length ? unquote(text.slice(start, pos)) : undefined;
        };
        // Moves to the ',' or closer that ends the current value, at its own nesting level (or to the end).
        const skipValue = () => {
            for (let depth = 0; pos < text.length;) {
                const ch = text[pos];
                if (ch === '"')
                    readString();
                else if (depth === 0 && ',}]'.includes(ch))
                    return;
                else {
                    depth += ch === '{' || ch === '[' ? 1 : ch === '}' || ch === ']' ? -1 : 0;
                    pos++;
                }
            }
        };
        // With pos on '{': leaves pos on the value of the first member named `key`, returns the key's offset.
        const findMember = (key) => {
            for (;;) {
                pos++; // past '{' or ','
                skipSpace();
                const at = pos;
                if (text[pos] !== '"')
                    return undefined;
                const name = readString();
                skipSpace();
                if (text[pos++] !== ':')
                    return undefined;
                skipSpace();
                if (name === key)
                    return at;
                skipValue();
                if (text[pos] !== ',')
                    return undefined;
            }
        };
        // With pos on '[': leaves pos on element `index`, returns its offset.
        const findElement = (index) => {
            for (let i = 0;; i++) {
                pos++; // past '[' or ','
                skipSpace();
                if (pos >= text.length || text[pos] === ']' || index < 0)
                    return undefined;
                if (i === index)
                    return pos;
                skipValue();
                if (text[pos] !== ',')
                    return undefined;
            }
        };
        skipSpace();
        if (docIndex !== 0 || !/^(["{[\-\d]|true|false|null)/.test(text.slice(pos, pos + 5)))
            return undefined;
        return follow(counter, { at: pos }, path, (_, segment) => {
            const ch = text[pos];
            const at = ch === '{' ? findMember(String(segment)) : ch === '[' ? findElement(indexOf(segment)) : undefined;
            return at === undefined ? undefined : { at };
        });
    };
}
/** The node for `name` under `parent`, created on first sight; the first occurrence keeps its offset. */
function child(parent, name, at) {
    let node = parent.kids.get(name);
    if (!node)
        parent.kids.set(name, (node = { at, kids: new Map() }));
    return node;
}
const MAX_TOML_DEPTH = 100;
const BARE_KEY = /[A-Za-z0-9_-]+/y;
/**
 * One pass over the text that indexes every key offset; it understands headers, dotted and quoted keys,
 * and reads values token by token, so lines inside multi-line strings and arrays are never taken for keys.
 * On anything it does not understand it stops, keeping what was indexed before: a wrong position would be
 * worse than the parent's. Linear: every character is consumed once.
 */
function indexToml(text) {
    const root = { at: 0, kids: new Map() };
    let pos = 0;
    const stop = () => {
        throw new Error('stop');
    };
    const skipBlank = (newlines) => {
        for (;;) {
            const ch = text[pos];
            if (ch === ' ' || ch === '\t' || (newlines && (ch === '\n' || ch === '\r')))
                pos++;
            else if (ch === '#')
                while (pos < text.length && text[pos] !== '\n')
                    pos++;
            else
                return;
        }
    };
    const readKey = () => {
        const keys = [];
        for (;;) {
            skipBlank(false);
            const at = pos;
            const ch = text[pos];
            if (ch === '"' || ch === "'") {
                // A TOML-only escape (such as \U0001F600) keeps its raw spelling.
                const raw = text.slice(pos, skipString());
                keys.push({ name: (ch === '"' && unquote(raw)) || raw.slice(1, -1), at });
            }
            else {
                BARE_KEY.lastIndex = pos;
                const bare = BARE_KEY.exec(text)?.[0] ?? stop();
                keys.push({ name: bare, at });
                pos += bare.length;
            }
            skipBlank(false);
            if (text[pos] !== '.')
                return keys;
            pos++;
        }
    };
    // Skips a string starting at pos (any of the four kinds) and returns the offset after it.
    const skipString = () => {
        const quote = text[pos];
        const triple = text.startsWith(quote.repeat(3), pos);
        for (pos += triple ? 3 : 1;;) {
            if (pos >= text.length || (!triple && text[pos] === '\n'))
                stop();
            if (quote === '"' && text[pos] === '\\')
                pos += 2;
            else if (text[pos] !== quote)
                pos++;
            else {
                // Up to two quotes may precede a closing """: `""""` ends with a quote in the content.
                let run = 1;
                while (triple && run < 5 && text[pos + run] === quote)
                    run++;
                pos += run;
                if (!triple || run >= 3)
                    return pos;
            }
        }
    };
    const walk = (base, keys) => keys.reduce((node, key) => {
        const next = child(node, key.name, key.at);
        // `[a.b]` after `[[a]]` means a table inside the latest element of a.
        return next.count === undefined ? next : (next.kids.get(String(next.count - 1)) ?? next);
    }, base);
    const readValue = (node, depth) => {
        if (depth > MAX_TOML_DEPTH)
            stop();
        const ch = text[pos];
        if (ch === '"' || ch === "'")
            skipString();
        else if (ch === '[' || ch === '{') {
            const close = ch === '[' ? ']' : '}';
            pos++;
            for (let i = 0;; i++) {
                skipBlank(true); // newlines inside inline tables are TOML 1.1, harmless to accept
                if (text[pos] === close)
                    break;
                if (ch === '[')
                    readValue(child(node, String(i), pos), depth + 1);
                else
                    readKeyValue(node, depth + 1);
                skipBlank(true);
                if (text[pos] === ',')
                    pos++;
                else if (text[pos] !== close)
                    stop();
            }
            pos++;
        }
        else {
            // Numbers, booleans and dates (which may contain a space) run up to a separator.
            const start = pos;
            while (pos < text.length && !',]}#\r\n'.includes(text[pos]))
                pos++;
            if (pos === start)
                stop();
        }
    };
    const readKeyValue = (table, depth) => {
        const node = walk(table, readKey());
        if (text[pos++] !== '=')
            stop();
        skipBlank(false);
        readValue(node, depth);
    };
    const readHeader = () => {
        const start = pos;
        const array = text.startsWith('[[', pos);
        pos += array ? 2 : 1;
        const keys = readKey();
        if (!text.startsWith(array ? ']]' : ']', pos))
            stop();
        pos += array ? 2 : 1;
        if (!array)
            return walk(root, keys);
        const last = keys.pop();
        const list = child(walk(root, keys), last.name, last.at);
        list.count = (list.count ?? 0) + 1;
        return child(list, String(list.count - 1), start);
    };
    try {
        let table = root;
        for (;;) {
            skipBlank(true);
            if (pos >= text.length)
                break;
            if (text[pos] === '[')
                table = readHeader();
            else
                readKeyValue(table, 0);
            skipBlank(false);
            if (pos < text.length && text[pos] !== '\n' && text[pos] !== '\r')
                stop();
        }
    }
    catch {
        // Stopped on something unexpected: keep the index built so far.
    }
    return root;
}
function tomlLocator(text) {
    const counter = countLines(text);
    const root = indexToml(text);
    return (path, docIndex) => docIndex === 0
        ? follow(counter, root, path, (node, segment) => node.kids.get(String(segment)))
        : undefined;
}

/**
 * Parses bundle files (YAML multi-document, JSON, TOML) into plain values, with every problem located
 * by file, line and column. Parsing never throws: problems are returned as findings.
 */
/** A position for a finding at `path`: the node's own line and column, else its document's start. */
function positionOf(parsed, path, doc = { index: 0, line: 1 }) {
    const found = parsed.locate(path, doc.index);
    return found
        ? { file: parsed.file, line: found.line, column: found.column }
        : { file: parsed.file, line: doc.line };
}
/** YAML aliases may expand to at most this many nodes per document (a "billion laughs" bound). */
const MAX_YAML_ALIAS_COUNT = 100;
/** The format a file name implies, or undefined for files we do not parse. */
function formatOf(file) {
    const lower = file.toLowerCase();
    if (lower.endsWith('.yaml') || lower.endsWith('.yml'))
        return 'yaml';
    if (lower.endsWith('.json'))
        return 'json';
    if (lower.endsWith('.toml'))
        return 'toml';
    return undefined;
}
/** A parse result with nothing in it yet; `text` is kept only by the locator, for positions. */
function emptyParse(file, format, text) {
    const locate = text === undefined ? () => undefined : createLocator(format, text);
    return { file, format, documents: [], errors: [], warnings: [], locate };
}
function firstLine(message) {
    return message
        .split('\n')[0]
        .replace(/ at line \d+, column \d+:?$/, '')
        .trim();
}
function parseYaml(file, text) {
    const result = emptyParse(file, 'yaml', text);
    // Plain YAML (nearly every bundle) is read by the fast parser; the rest, errors included, by `yaml`.
    const fast = fastYaml(text);
    if (fast) {
        result.documents.push(...fast);
        return result;
    }
    const toFinding = (problem, severity) => {
        const pos = problem.linePos?.[0];
        return {
            severity,
            file,
            line: pos?.line,
            column: pos?.col,
            message: `${firstLine(problem.message)} (${problem.code})`
        };
    };
    const docs = distExports.parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true, strict: true });
    // An empty file parses to an EmptyStream: no documents and no errors.
    const list = Array.isArray(docs) ? docs : [];
    list.forEach((doc, index) => {
        result.errors.push(...doc.errors.map(e => toFinding(e, 'error')));
        result.warnings.push(...doc.warnings.map(w => toFinding(w, 'warning')));
        if (doc.errors.length > 0)
            return;
        const line = doc.contents?.range ? lineColumnAt(text, doc.contents.range[0]).line : 1;
        try {
            const value = doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
            if (value !== null && value !== undefined)
                result.documents.push({ index, line, value });
        }
        catch (error) {
            // toJS throws on excessive alias expansion (resource exhaustion) and on unresolved aliases.
            result.errors.push({
                severity: 'error',
                file,
                line,
                column: 1,
                message: `document ${index + 1}: ${firstLine(error instanceof Error ? error.message : String(error))}`
            });
        }
    });
    return result;
}
function parseJson(file, text) {
    const result = emptyParse(file, 'json', text);
    const { syntax, duplicates } = scanJson(text);
    const locate = (message, offset) => ({
        severity: 'error',
        file,
        ...lineColumnAt(text, offset),
        message
    });
    if (syntax) {
        result.errors.push(locate(`invalid JSON: ${syntax.message}`, syntax.offset));
        return result;
    }
    result.errors.push(...duplicates.map(d => locate(d.message, d.offset)));
    if (result.errors.length === 0)
        result.documents.push({ index: 0, line: 1, value: JSON.parse(text) });
    return result;
}
function parseTomlFile(file, text) {
    const result = emptyParse(file, 'toml', text);
    try {
        result.documents.push({ index: 0, line: 1, value: parse(text) });
    }
    catch (error) {
        if (error instanceof TomlError) {
            result.errors.push({
                severity: 'error',
                file,
                line: error.line,
                column: error.column,
                message: `invalid TOML: ${firstLine(error.message).replace(/^Invalid TOML document: /, '')}`
            });
        }
        else {
            result.errors.push({
                severity: 'error',
                file,
                line: 1,
                column: 1,
                message: `invalid TOML: ${String(error)}`
            });
        }
    }
    return result;
}
/** Parses `text` (already decoded, BOM removed) as the format its file name implies. */
function parseText(file, text, format) {
    switch (format) {
        case 'yaml':
            return parseYaml(file, text);
        case 'json':
            return parseJson(file, text);
        case 'toml':
            return parseTomlFile(file, text);
    }
}

/**
 * A bundle whose files have been located on disk. Files are read and parsed lazily and at most once,
 * so checks running concurrently share one parse of each file.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });
class Bundle {
    source;
    root;
    files;
    ownedDir;
    parsedFiles = new Map();
    texts = new Map();
    /**
     * @param source where the bundle came from (for reports)
     * @param root the folder holding the bundle's files (after descending into a single top-level folder)
     * @param files paths relative to `root`, `/`-separated, sorted
     * @param ownedDir a temp dir this bundle created and removes on `cleanup()`
     */
    constructor(source, root, files, ownedDir) {
        this.source = source;
        this.root = root;
        this.files = files;
        this.ownedDir = ownedDir;
    }
    has(file) {
        return this.files.includes(file);
    }
    /** Absolute path of a bundle file. */
    pathOf(file) {
        return path.join(this.root, ...file.split('/'));
    }
    /** A file's text, decoded as UTF-8 (BOM removed). Throws when it is not valid UTF-8. */
    text(file) {
        const cached = this.texts.get(file);
        if (cached !== undefined)
            return cached;
        const text = utf8.decode(fs.readFileSync(this.pathOf(file))).replace(/^\uFEFF/, '');
        this.texts.set(file, text);
        return text;
    }
    /**
     * Parses a YAML/JSON/TOML file once and caches the result. Undecodable text (not UTF-8) is reported
     * as an error finding, like a syntax error.
     */
    parsed(file) {
        const cached = this.parsedFiles.get(file);
        if (cached)
            return cached;
        const format = formatOf(file);
        if (!format)
            throw new Error(`internal: ${file} is not a YAML, JSON or TOML file`);
        let result;
        try {
            result = parseText(file, this.text(file), format);
        }
        catch (error) {
            const finding = {
                severity: 'error',
                file,
                line: 1,
                column: 1,
                message: error.code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
                    ? 'file is not valid UTF-8 text'
                    : `cannot read file: ${error instanceof Error ? error.message : String(error)}`
            };
            result = { ...emptyParse(file, format), errors: [finding] };
        }
        this.parsedFiles.set(file, result);
        return result;
    }
    /** Removes the temp dir this bundle extracted into (a no-op for directory bundles). */
    cleanup() {
        if (this.ownedDir)
            fs.rmSync(this.ownedDir, { recursive: true, force: true });
    }
}

var util = {exports: {}};

var constants;
var hasRequiredConstants;

function requireConstants () {
	if (hasRequiredConstants) return constants;
	hasRequiredConstants = 1;
	constants = {
	    /* The local file header */
	    LOCHDR           : 30, // LOC header size
	    LOCSIG           : 0x04034b50, // "PK\003\004"
	    LOCVER           : 4,	// version needed to extract
	    LOCFLG           : 6, // general purpose bit flag
	    LOCHOW           : 8, // compression method
	    LOCTIM           : 10, // modification time (2 bytes time, 2 bytes date)
	    LOCCRC           : 14, // uncompressed file crc-32 value
	    LOCSIZ           : 18, // compressed size
	    LOCLEN           : 22, // uncompressed size
	    LOCNAM           : 26, // filename length
	    LOCEXT           : 28, // extra field length

	    /* The Data descriptor */
	    EXTSIG           : 0x08074b50, // "PK\007\008"
	    EXTHDR           : 16, // EXT header size
	    EXTCRC           : 4, // uncompressed file crc-32 value
	    EXTSIZ           : 8, // compressed size
	    EXTLEN           : 12, // uncompressed size

	    /* The central directory file header */
	    CENHDR           : 46, // CEN header size
	    CENSIG           : 0x02014b50, // "PK\001\002"
	    CENVEM           : 4, // version made by
	    CENVER           : 6, // version needed to extract
	    CENFLG           : 8, // encrypt, decrypt flags
	    CENHOW           : 10, // compression method
	    CENTIM           : 12, // modification time (2 bytes time, 2 bytes date)
	    CENCRC           : 16, // uncompressed file crc-32 value
	    CENSIZ           : 20, // compressed size
	    CENLEN           : 24, // uncompressed size
	    CENNAM           : 28, // filename length
	    CENEXT           : 30, // extra field length
	    CENCOM           : 32, // file comment length
	    CENDSK           : 34, // volume number start
	    CENATT           : 36, // internal file attributes
	    CENATX           : 38, // external file attributes (host system dependent)
	    CENOFF           : 42, // LOC header offset

	    /* The entries in the end of central directory */
	    ENDHDR           : 22, // END header size
	    ENDSIG           : 0x06054b50, // "PK\005\006"
	    ENDSUB           : 8, // number of entries on this disk
	    ENDTOT           : 10, // total number of entries
	    ENDSIZ           : 12, // central directory size in bytes
	    ENDOFF           : 16, // offset of first CEN header
	    ENDCOM           : 20, // zip file comment length

	    END64HDR         : 20, // zip64 END header size
	    END64SIG         : 0x07064b50, // zip64 Locator signature, "PK\006\007"
	    END64START       : 4, // number of the disk with the start of the zip64
	    END64OFF         : 8, // relative offset of the zip64 end of central directory
	    END64NUMDISKS    : 16, // total number of disks

	    ZIP64SIG         : 0x06064b50, // zip64 signature, "PK\006\006"
	    ZIP64HDR         : 56, // zip64 record minimum size
	    ZIP64LEAD        : 12, // leading bytes at the start of the record, not counted by the value stored in ZIP64SIZE
	    ZIP64SIZE        : 4, // zip64 size of the central directory record
	    ZIP64VEM         : 12, // zip64 version made by
	    ZIP64VER         : 14, // zip64 version needed to extract
	    ZIP64DSK         : 16, // zip64 number of this disk
	    ZIP64DSKDIR      : 20, // number of the disk with the start of the record directory
	    ZIP64SUB         : 24, // number of entries on this disk
	    ZIP64TOT         : 32, // total number of entries
	    ZIP64SIZB        : 40, // zip64 central directory size in bytes
	    ZIP64OFF         : 48, // offset of start of central directory with respect to the starting disk number
	    ZIP64EXTRA       : 56, // extensible data sector

	    /* Compression methods */
	    STORED           : 0, // no compression
	    SHRUNK           : 1, // shrunk
	    REDUCED1         : 2, // reduced with compression factor 1
	    REDUCED2         : 3, // reduced with compression factor 2
	    REDUCED3         : 4, // reduced with compression factor 3
	    REDUCED4         : 5, // reduced with compression factor 4
	    IMPLODED         : 6, // imploded
	    // 7 reserved for Tokenizing compression algorithm
	    DEFLATED         : 8, // deflated
	    ENHANCED_DEFLATED: 9, // enhanced deflated
	    PKWARE           : 10,// PKWare DCL imploded
	    // 11 reserved by PKWARE
	    BZIP2            : 12, //  compressed using BZIP2
	    // 13 reserved by PKWARE
	    LZMA             : 14, // LZMA
	    // 15-17 reserved by PKWARE
	    IBM_TERSE        : 18, // compressed using IBM TERSE
	    IBM_LZ77         : 19, // IBM LZ77 z
	    AES_ENCRYPT      : 99, // WinZIP AES encryption method

	    /* General purpose bit flag */
	    // values can obtained with expression 2**bitnr
	    FLG_ENC          : 1,    // Bit 0: encrypted file
	    FLG_COMP1        : 2,    // Bit 1, compression option
	    FLG_COMP2        : 4,    // Bit 2, compression option
	    FLG_DESC         : 8,    // Bit 3, data descriptor
	    FLG_ENH          : 16,   // Bit 4, enhanced deflating
	    FLG_PATCH        : 32,   // Bit 5, indicates that the file is compressed patched data.
	    FLG_STR          : 64,   // Bit 6, strong encryption (patented)
	                             // Bits 7-10: Currently unused.
	    FLG_EFS          : 2048, // Bit 11: Language encoding flag (EFS)
	                             // Bit 12: Reserved by PKWARE for enhanced compression.
	                             // Bit 13: encrypted the Central Directory (patented).
	                             // Bits 14-15: Reserved by PKWARE.
	    FLG_MSK          : 4096, // mask header values

	    /* Load type */
	    FILE             : 2,
	    BUFFER           : 1,
	    NONE             : 0,

	    /* 4.5 Extensible data fields */
	    EF_ID            : 0,
	    EF_SIZE          : 2,

	    /* Header IDs */
	    ID_ZIP64         : 0x0001,
	    ID_AVINFO        : 0x0007,
	    ID_PFS           : 0x0008,
	    ID_OS2           : 0x0009,
	    ID_NTFS          : 0x000a,
	    ID_OPENVMS       : 0x000c,
	    ID_UNIX          : 0x000d,
	    ID_FORK          : 0x000e,
	    ID_PATCH         : 0x000f,
	    ID_X509_PKCS7    : 0x0014,
	    ID_X509_CERTID_F : 0x0015,
	    ID_X509_CERTID_C : 0x0016,
	    ID_STRONGENC     : 0x0017,
	    ID_RECORD_MGT    : 0x0018,
	    ID_X509_PKCS7_RL : 0x0019,
	    ID_IBM1          : 0x0065,
	    ID_IBM2          : 0x0066,
	    ID_POSZIP        : 0x4690,

	    EF_ZIP64_OR_32   : 0xffffffff,
	    EF_ZIP64_OR_16   : 0xffff,
	    EF_ZIP64_SUNCOMP : 0,
	    EF_ZIP64_SCOMP   : 8,
	    EF_ZIP64_RHO     : 16,
	    EF_ZIP64_DSN     : 24
	};
	return constants;
}

var errors = {};

var hasRequiredErrors;

function requireErrors () {
	if (hasRequiredErrors) return errors;
	hasRequiredErrors = 1;
	(function (exports) {
		const errors = {
		    /* Header error messages */
		    INVALID_LOC: "Invalid LOC header (bad signature)",
		    INVALID_CEN: "Invalid CEN header (bad signature)",
		    INVALID_END: "Invalid END header (bad signature)",

		    /* Descriptor */
		    DESCRIPTOR_NOT_EXIST: "No descriptor present",
		    DESCRIPTOR_UNKNOWN: "Unknown descriptor format",
		    DESCRIPTOR_FAULTY: "Descriptor data is malformed",

		    /* ZipEntry error messages*/
		    NO_DATA: "Nothing to decompress",
		    BAD_CRC: "CRC32 checksum failed {0}",
		    MAX_OUTPUT_EXCEEDED: "Decompressed data exceeds the declared uncompressed size",
		    FILE_IN_THE_WAY: "There is a file in the way: {0}",
		    UNKNOWN_METHOD: "Invalid/unsupported compression method",

		    /* Inflater error messages */
		    AVAIL_DATA: "inflate::Available inflate data did not terminate",
		    INVALID_DISTANCE: "inflate::Invalid literal/length or distance code in fixed or dynamic block",
		    TO_MANY_CODES: "inflate::Dynamic block code description: too many length or distance codes",
		    INVALID_REPEAT_LEN: "inflate::Dynamic block code description: repeat more than specified lengths",
		    INVALID_REPEAT_FIRST: "inflate::Dynamic block code description: repeat lengths with no first length",
		    INCOMPLETE_CODES: "inflate::Dynamic block code description: code lengths codes incomplete",
		    INVALID_DYN_DISTANCE: "inflate::Dynamic block code description: invalid distance code lengths",
		    INVALID_CODES_LEN: "inflate::Dynamic block code description: invalid literal/length code lengths",
		    INVALID_STORE_BLOCK: "inflate::Stored block length did not match one's complement",
		    INVALID_BLOCK_TYPE: "inflate::Invalid block type (type == 3)",

		    /* ADM-ZIP error messages */
		    CANT_EXTRACT_FILE: "Could not extract the file",
		    CANT_OVERRIDE: "Target file already exists",
		    DISK_ENTRY_TOO_LARGE: "Number of disk entries is too large",
		    NO_ZIP: "No zip file was loaded",
		    NO_ENTRY: "Entry doesn't exist",
		    DUPLICATE_ENTRY: "Duplicate entry name {0}",
		    DIRECTORY_CONTENT_ERROR: "A directory cannot have content",
		    FILE_NOT_FOUND: 'File not found: "{0}"',
		    NOT_IMPLEMENTED: "Not implemented",
		    INVALID_FILENAME: "Invalid filename",
		    INVALID_FORMAT: "Invalid or unsupported zip format. No END header found",
		    ZIP64_VALUE_TOO_LARGE: "Zip64 value exceeds the maximum safe integer",
		    INVALID_PASS_PARAM: "Incompatible password parameter",
		    WRONG_PASSWORD: "Wrong Password",

		    /* ADM-ZIP */
		    COMMENT_TOO_LONG: "Comment is too long", // Comment can be max 65535 bytes long (NOTE: some non-US characters may take more space)
		    EXTRA_FIELD_PARSE_ERROR: "Extra field parsing error"
		};

		// template
		function E(message) {
		    return function (...args) {
		        if (args.length) { // Allow {0} .. {9} arguments in error message, based on argument number
		            message = message.replace(/\{(\d)\}/g, (_, n) => args[n] || '');
		        }

		        return new Error('ADM-ZIP: ' + message);
		    };
		}

		// Init errors with template
		for (const msg of Object.keys(errors)) {
		    exports[msg] = E(errors[msg]);
		} 
	} (errors));
	return errors;
}

var utils;
var hasRequiredUtils;

function requireUtils () {
	if (hasRequiredUtils) return utils;
	hasRequiredUtils = 1;
	const fsystem = fs$1;
	const pth = path$1;
	const Constants = requireConstants();
	const Errors = requireErrors();
	const isWin = typeof process === "object" && "win32" === process.platform;

	const is_Obj = (obj) => typeof obj === "object" && obj !== null;

	// generate CRC32 lookup table
	const crcTable = new Uint32Array(256).map((t, c) => {
	    for (let k = 0; k < 8; k++) {
	        if ((c & 1) !== 0) {
	            c = 0xedb88320 ^ (c >>> 1);
	        } else {
	            c >>>= 1;
	        }
	    }
	    return c >>> 0;
	});

	// UTILS functions

	function Utils(opts) {
	    this.sep = pth.sep;
	    this.fs = fsystem;

	    if (is_Obj(opts)) {
	        // custom filesystem
	        if (is_Obj(opts.fs) && typeof opts.fs.statSync === "function") {
	            this.fs = opts.fs;
	        }
	    }
	}

	utils = Utils;

	// INSTANTIABLE functions

	Utils.prototype.makeDir = function (/*String*/ folder) {
	    const self = this;

	    // Sync - make directories tree
	    function mkdirSync(/*String*/ fpath) {
	        let resolvedPath = fpath.split(self.sep)[0];
	        fpath.split(self.sep).forEach(function (name) {
	            if (!name || name.substr(-1, 1) === ":") return;
	            resolvedPath += self.sep + name;
	            var stat;
	            try {
	                stat = self.fs.statSync(resolvedPath);
	            } catch (e) {
	                if (e.message && e.message.startsWith('ENOENT')) {
	                    self.fs.mkdirSync(resolvedPath);
	                } else {
	                    throw e;
	                }
	            }
	            if (stat && stat.isFile()) throw Errors.FILE_IN_THE_WAY(`"${resolvedPath}"`);
	        });
	    }

	    mkdirSync(folder);
	};

	Utils.prototype.writeFileTo = function (/*String*/ path, /*Buffer*/ content, /*Boolean*/ overwrite, /*Number*/ attr) {
	    const self = this;
	    if (self.fs.existsSync(path)) {
	        if (!overwrite) return false; // cannot overwrite

	        var stat = self.fs.statSync(path);
	        if (stat.isDirectory()) {
	            return false;
	        }
	    }
	    var folder = pth.dirname(path);
	    if (!self.fs.existsSync(folder)) {
	        self.makeDir(folder);
	    }

	    var fd;
	    try {
	        fd = self.fs.openSync(path, "w", 0o666); // 0666
	    } catch (e) {
	        self.fs.chmodSync(path, 0o666);
	        fd = self.fs.openSync(path, "w", 0o666);
	    }
	    if (fd) {
	        try {
	            self.fs.writeSync(fd, content, 0, content.length, 0);
	        } finally {
	            self.fs.closeSync(fd);
	        }
	    }
	    self.fs.chmodSync(path, attr || 0o666);
	    return true;
	};

	Utils.prototype.writeFileToAsync = function (/*String*/ path, /*Buffer*/ content, /*Boolean*/ overwrite, /*Number*/ attr, /*Function*/ callback) {
	    if (typeof attr === "function") {
	        callback = attr;
	        attr = undefined;
	    }

	    const self = this;

	    self.fs.exists(path, function (exist) {
	        if (exist && !overwrite) return callback(false);

	        self.fs.stat(path, function (err, stat) {
	            if (exist && stat && stat.isDirectory()) {
	                return callback(false);
	            }

	            var folder = pth.dirname(path);
	            self.fs.exists(folder, function (exists) {
	                if (!exists) {
	                    // makeDir is synchronous and can throw (e.g. EACCES); report failure
	                    // rather than letting it escape this callback as an uncaught exception
	                    try {
	                        self.makeDir(folder);
	                    } catch (e) {
	                        return callback(false);
	                    }
	                }

	                // write the content to an open descriptor, then apply the attributes
	                const writeToFd = function (fd) {
	                    self.fs.write(fd, content, 0, content.length, 0, function (writeErr) {
	                        self.fs.close(fd, function () {
	                            // surface write failures instead of silently reporting success (issue #402)
	                            if (writeErr) return callback(false);
	                            self.fs.chmod(path, attr || 0o666, function () {
	                                callback(true);
	                            });
	                        });
	                    });
	                };

	                self.fs.open(path, "w", 0o666, function (err, fd) {
	                    if (err) {
	                        // the target may exist but be read-only: make it writable and retry once
	                        self.fs.chmod(path, 0o666, function () {
	                            self.fs.open(path, "w", 0o666, function (retryErr, fd) {
	                                // Previously the retry error was ignored and an undefined fd was
	                                // passed to fs.write, throwing an uncaught ERR_INVALID_ARG_TYPE that
	                                // crashed the process (issues #470, #459, #402). Report failure instead.
	                                if (retryErr || !fd) return callback(false);
	                                writeToFd(fd);
	                            });
	                        });
	                    } else if (fd) {
	                        writeToFd(fd);
	                    } else {
	                        callback(false);
	                    }
	                });
	            });
	        });
	    });
	};

	// Guard extraction against writing through a symlink that already exists inside
	// the target directory. sanitize() only proves the textual path stays under the
	// root; it cannot see that a component on disk is a symlink pointing elsewhere,
	// so open()/mkdir() would follow it and write outside the root. Walk every path
	// component strictly below root and reject any that is a symlink. Components at
	// or above root are the caller's own choice and are left untouched, so a root
	// that itself lives under a symlink (e.g. /tmp on macOS) still extracts.
	Utils.prototype.assertPathSafe = function (/*String*/ root, /*String*/ target) {
	    const self = this;
	    if (typeof self.fs.lstatSync !== "function") return;

	    const resolvedRoot = pth.resolve(root);
	    const resolvedTarget = pth.resolve(target);
	    if (resolvedTarget === resolvedRoot) return;

	    const rel = pth.relative(resolvedRoot, resolvedTarget);
	    // Not under root: sanitize() is responsible for that case; nothing to walk.
	    if (!rel || rel === ".." || rel.startsWith(".." + pth.sep) || pth.isAbsolute(rel)) return;

	    let cur = resolvedRoot;
	    for (const part of rel.split(pth.sep)) {
	        if (!part || part === ".") continue;
	        cur = pth.join(cur, part);
	        let stat;
	        try {
	            stat = self.fs.lstatSync(cur);
	        } catch (e) {
	            break; // component does not exist yet: nothing below it can be a symlink
	        }
	        if (stat.isSymbolicLink()) throw Errors.FILE_IN_THE_WAY(`"${cur}"`);
	    }
	};

	Utils.prototype.findFiles = function (/*String*/ path) {
	    const self = this;
	    const canLstat = typeof self.fs.lstatSync === "function";
	    const rootReal = self.fs.realpathSync(path);

	    // A symlink whose target lies outside the folder being archived must not be
	    // followed: statSync would dereference it and copy the target's contents into
	    // the archive, disclosing files outside the root (GHSA-wx42-xcp7-pgr4). Allow
	    // symlinks that resolve to a location inside the root, reject any that escape.
	    function escapesRoot(/*String*/ p) {
	        if (!canLstat) return false;
	        if (!self.fs.lstatSync(p).isSymbolicLink()) return false;
	        let real;
	        try {
	            real = self.fs.realpathSync(p);
	        } catch (e) {
	            return true; // dangling or unresolvable symlink: do not follow
	        }
	        return !(real === rootReal || real.startsWith(rootReal + pth.sep));
	    }

	    function findSync(/*String*/ dir, /*RegExp*/ pattern, /*Boolean*/ recursive, /*Set*/ visited) {
	        let files = [];
	        self.fs.readdirSync(dir).forEach(function (file) {
	            const path = pth.join(dir, file);

	            if (escapesRoot(path)) return;

	            const stat = self.fs.statSync(path);

	            {
	                files.push(pth.normalize(path) + (stat.isDirectory() ? self.sep : ""));
	            }

	            if (stat.isDirectory() && recursive) {
	                // Descend by resolved real path and skip directories we have already
	                // visited. This stops a symlink that points back to an ancestor from
	                // recursing forever until the path fails with ELOOP / ENAMETOOLONG
	                // (issue #541).
	                const realDir = self.fs.realpathSync(path);
	                if (!visited.has(realDir)) {
	                    visited.add(realDir);
	                    files = files.concat(findSync(path, pattern, recursive, visited));
	                }
	            }
	        });
	        return files;
	    }

	    return findSync(path, undefined, true, new Set([rootReal]));
	};

	/**
	 * Callback for showing if everything was done.
	 *
	 * @callback filelistCallback
	 * @param {Error} err - Error object
	 * @param {string[]} list - was request fully completed
	 */

	/**
	 *
	 * @param {string} dir
	 * @param {filelistCallback} cb
	 */
	Utils.prototype.findFilesAsync = function (dir, cb) {
	    const self = this;
	    const results = [];
	    let finished = false;
	    const finish = function (err) {
	        if (finished) return;
	        finished = true;
	        cb(err, err ? undefined : results);
	    };

	    const canLstat = typeof self.fs.lstat === "function";
	    let rootReal = null;

	    // Reject a symlink whose target escapes the root being archived, so its
	    // contents are not dereferenced and copied into the archive
	    // (GHSA-wx42-xcp7-pgr4). A symlink resolving to a location inside the root is
	    // allowed; a dangling or escaping one is skipped. Calls back (err, escapes).
	    const escapesRoot = function (file, cb) {
	        if (!canLstat) return cb(null, false);
	        self.fs.lstat(file, function (err, lst) {
	            if (err) return cb(err);
	            if (!lst || !lst.isSymbolicLink()) return cb(null, false);
	            self.fs.realpath(file, function (err, real) {
	                if (err) return cb(null, true); // dangling: do not follow
	                cb(null, !(real === rootReal || real.startsWith(rootReal + pth.sep)));
	            });
	        });
	    };

	    // Descend by resolved real path and skip directories already visited, so a
	    // symlink pointing back to an ancestor cannot recurse forever (issue #541).
	    const walk = function (dir, visited, done) {
	        self.fs.readdir(dir, function (err, list) {
	            if (err) return done(err);
	            let pending = list.length;
	            if (!pending) return done();
	            list.forEach(function (name) {
	                const file = pth.join(dir, name);
	                escapesRoot(file, function (err, escapes) {
	                    if (err) return done(err);
	                    if (escapes) {
	                        if (!--pending) done();
	                        return;
	                    }
	                    self.fs.stat(file, function (err, stat) {
	                        if (err) return done(err);
	                        if (!stat) {
	                            if (!--pending) done();
	                            return;
	                        }
	                        results.push(pth.normalize(file) + (stat.isDirectory() ? self.sep : ""));
	                        if (!stat.isDirectory()) {
	                            if (!--pending) done();
	                            return;
	                        }
	                        self.fs.realpath(file, function (err, realDir) {
	                            if (err) return done(err);
	                            if (visited.has(realDir)) {
	                                if (!--pending) done();
	                                return;
	                            }
	                            visited.add(realDir);
	                            walk(file, visited, function (err) {
	                                if (err) return done(err);
	                                if (!--pending) done();
	                            });
	                        });
	                    });
	                });
	            });
	        });
	    };

	    self.fs.realpath(dir, function (err, realDir) {
	        if (err) return finish(err);
	        rootReal = realDir;
	        walk(dir, new Set([realDir]), finish);
	    });
	};

	Utils.prototype.getAttributes = function () {};

	Utils.prototype.setAttributes = function () {};

	// STATIC functions

	// crc32 single update (it is part of crc32)
	Utils.crc32update = function (crc, byte) {
	    return crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	};

	Utils.crc32 = function (buf) {
	    if (typeof buf === "string") {
	        buf = Buffer.from(buf, "utf8");
	    }

	    let len = buf.length;
	    let crc = -1;
	    for (let off = 0; off < len; ) crc = Utils.crc32update(crc, buf[off++]);
	    // xor and cast as uint32 number
	    return ~crc >>> 0;
	};

	Utils.methodToString = function (/*Number*/ method) {
	    switch (method) {
	        case Constants.STORED:
	            return "STORED (" + method + ")";
	        case Constants.DEFLATED:
	            return "DEFLATED (" + method + ")";
	        default:
	            return "UNSUPPORTED (" + method + ")";
	    }
	};

	/**
	 * removes ".." style path elements
	 * @param {string} path - fixable path
	 * @returns string - fixed filepath
	 */
	Utils.canonical = function (/*string*/ path) {
	    if (!path) return "";
	    // trick normalize think path is absolute
	    const safeSuffix = pth.posix.normalize("/" + path.split("\\").join("/"));
	    return pth.join(".", safeSuffix);
	};

	/**
	 * fix file names in achive
	 * @param {string} path - fixable path
	 * @returns string - fixed filepath
	 */

	Utils.zipnamefix = function (path) {
	    if (!path) return "";
	    // trick normalize think path is absolute
	    const safeSuffix = pth.posix.normalize("/" + path.split("\\").join("/"));
	    return pth.posix.join(".", safeSuffix);
	};

	/**
	 *
	 * @param {Array} arr
	 * @param {function} callback
	 * @returns
	 */
	Utils.findLast = function (arr, callback) {
	    if (!Array.isArray(arr)) throw new TypeError("arr is not array");

	    const len = arr.length >>> 0;
	    for (let i = len - 1; i >= 0; i--) {
	        if (callback(arr[i], i, arr)) {
	            return arr[i];
	        }
	    }
	    return void 0;
	};

	// make absolute paths taking prefix as root folder
	Utils.sanitize = function (/*string*/ prefix, /*string*/ name) {
	    prefix = pth.resolve(pth.normalize(prefix));
	    var parts = name.split("/");
	    for (var i = 0, l = parts.length; i < l; i++) {
	        var path = pth.normalize(pth.join(prefix, parts.slice(i, l).join(pth.sep)));
	        if (path === prefix || path.startsWith(prefix + pth.sep)) {
	            return path;
	        }
	    }
	    return pth.normalize(pth.join(prefix, pth.basename(name)));
	};

	// converts buffer, Uint8Array, string types to buffer
	Utils.toBuffer = function toBuffer(/*buffer, Uint8Array, string*/ input, /* function */ encoder) {
	    if (Buffer.isBuffer(input)) {
	        return input;
	    } else if (input instanceof Uint8Array) {
	        return Buffer.from(input);
	    } else {
	        // expect string all other values are invalid and return empty buffer
	        return typeof input === "string" ? encoder(input) : Buffer.alloc(0);
	    }
	};

	Utils.readBigUInt64LE = function (/*Buffer*/ buffer, /*int*/ index) {
	    const lo = buffer.readUInt32LE(index);
	    const hi = buffer.readUInt32LE(index + 4);
	    const value = hi * 0x100000000 + lo;
	    // The result is a JS number, so values above 2^53 - 1 cannot be represented
	    // exactly. These are zip64 sizes/offsets/counts used as buffer indices; a
	    // silently rounded value would misparse the archive. Reject instead.
	    if (value > Number.MAX_SAFE_INTEGER) {
	        throw Errors.ZIP64_VALUE_TOO_LARGE();
	    }
	    return value;
	};

	Utils.writeBigUInt64LE = function (/*Buffer*/ buffer, /*Number*/ value, /*int*/ index) {
	    const lo = value >>> 0;
	    const hi = Math.floor(value / 0x100000000) >>> 0;
	    buffer.writeUInt32LE(lo, index);
	    buffer.writeUInt32LE(hi, index + 4);
	};

	Utils.fromDOS2Date = function (val) {
	    return new Date(((val >> 25) & 0x7f) + 1980, Math.max(((val >> 21) & 0x0f) - 1, 0), Math.max((val >> 16) & 0x1f, 1), (val >> 11) & 0x1f, (val >> 5) & 0x3f, (val & 0x1f) << 1);
	};

	Utils.fromDate2DOS = function (val) {
	    let date = 0;
	    let time = 0;
	    if (val.getFullYear() > 1979) {
	        date = (((val.getFullYear() - 1980) & 0x7f) << 9) | ((val.getMonth() + 1) << 5) | val.getDate();
	        time = (val.getHours() << 11) | (val.getMinutes() << 5) | (val.getSeconds() >> 1);
	    }
	    return (date << 16) | time;
	};

	Utils.isWin = isWin; // Do we have windows system
	Utils.crcTable = crcTable;
	return utils;
}

var fattr;
var hasRequiredFattr;

function requireFattr () {
	if (hasRequiredFattr) return fattr;
	hasRequiredFattr = 1;
	const pth = path$1;

	fattr = function (/*String*/ path, /*Utils object*/ { fs }) {
	    var _path = path || "",
	        _obj = newAttr(),
	        _stat = null;

	    function newAttr() {
	        return {
	            directory: false,
	            readonly: false,
	            hidden: false,
	            executable: false,
	            mtime: 0,
	            atime: 0
	        };
	    }

	    if (_path && fs.existsSync(_path)) {
	        _stat = fs.statSync(_path);
	        _obj.directory = _stat.isDirectory();
	        _obj.mtime = _stat.mtime;
	        _obj.atime = _stat.atime;
	        _obj.executable = (0o111 & _stat.mode) !== 0; // file is executable who ever har right not just owner
	        _obj.readonly = (0o200 & _stat.mode) === 0; // readonly if owner has no write right
	        _obj.hidden = pth.basename(_path)[0] === ".";
	    } else {
	        console.warn("Invalid path: " + _path);
	    }

	    return {
	        get directory() {
	            return _obj.directory;
	        },

	        get readOnly() {
	            return _obj.readonly;
	        },

	        get hidden() {
	            return _obj.hidden;
	        },

	        get mtime() {
	            return _obj.mtime;
	        },

	        get atime() {
	            return _obj.atime;
	        },

	        get executable() {
	            return _obj.executable;
	        },

	        decodeAttributes: function () {},

	        encodeAttributes: function () {},

	        toJSON: function () {
	            return {
	                path: _path,
	                isDirectory: _obj.directory,
	                isReadOnly: _obj.readonly,
	                isHidden: _obj.hidden,
	                isExecutable: _obj.executable,
	                mTime: _obj.mtime,
	                aTime: _obj.atime
	            };
	        },

	        toString: function () {
	            return JSON.stringify(this.toJSON(), null, "\t");
	        }
	    };
	};
	return fattr;
}

var decoder;
var hasRequiredDecoder;

function requireDecoder () {
	if (hasRequiredDecoder) return decoder;
	hasRequiredDecoder = 1;
	decoder = {
	    efs: true,
	    encode: (data) => Buffer.from(data, "utf8"),
	    decode: (data) => data.toString("utf8")
	};
	return decoder;
}

var hasRequiredUtil;

function requireUtil () {
	if (hasRequiredUtil) return util.exports;
	hasRequiredUtil = 1;
	util.exports = requireUtils();
	util.exports.Constants = requireConstants();
	util.exports.Errors = requireErrors();
	util.exports.FileAttr = requireFattr();
	util.exports.decoder = requireDecoder();
	return util.exports;
}

var headers = {};

var entryHeader;
var hasRequiredEntryHeader;

function requireEntryHeader () {
	if (hasRequiredEntryHeader) return entryHeader;
	hasRequiredEntryHeader = 1;
	var Utils = requireUtil(),
	    Constants = Utils.Constants;

	/* The central directory file header */
	entryHeader = function () {
	    var _verMade = 20, // v2.0
	        _version = 10, // v1.0
	        _flags = 0,
	        _method = 0,
	        _time = 0,
	        _crc = 0,
	        _compressedSize = 0,
	        _size = 0,
	        _fnameLen = 0,
	        _extraLen = 0,
	        _comLen = 0,
	        _diskStart = 0,
	        _inattr = 0,
	        _attr = 0,
	        _offset = 0;

	    _verMade |= Utils.isWin ? 0x0a00 : 0x0300;

	    // Set EFS flag since filename and comment fields are all by default encoded using UTF-8.
	    // Without it file names may be corrupted for other apps when file names use unicode chars
	    _flags |= Constants.FLG_EFS;

	    const _localHeader = {
	        extraLen: 0
	    };

	    // casting
	    const uint32 = (val) => Math.max(0, val) >>> 0;
	    const uint8 = (val) => Math.max(0, val) & 0xff;

	    _time = Utils.fromDate2DOS(new Date());

	    return {
	        get made() {
	            return _verMade;
	        },
	        set made(val) {
	            _verMade = val;
	        },

	        get version() {
	            return _version;
	        },
	        set version(val) {
	            _version = val;
	        },

	        get flags() {
	            return _flags;
	        },
	        set flags(val) {
	            _flags = val;
	        },

	        get flags_efs() {
	            return (_flags & Constants.FLG_EFS) > 0;
	        },
	        set flags_efs(val) {
	            if (val) {
	                _flags |= Constants.FLG_EFS;
	            } else {
	                _flags &= ~Constants.FLG_EFS;
	            }
	        },

	        get flags_desc() {
	            return (_flags & Constants.FLG_DESC) > 0;
	        },
	        set flags_desc(val) {
	            if (val) {
	                _flags |= Constants.FLG_DESC;
	            } else {
	                _flags &= ~Constants.FLG_DESC;
	            }
	        },

	        get method() {
	            return _method;
	        },
	        set method(val) {
	            switch (val) {
	                case Constants.STORED:
	                    this.version = 10;
	                    break;
	                case Constants.DEFLATED:
	                default:
	                    this.version = 20;
	            }
	            _method = val;
	        },

	        get time() {
	            return Utils.fromDOS2Date(this.timeval);
	        },
	        set time(val) {
	            val = new Date(val);
	            this.timeval = Utils.fromDate2DOS(val);
	        },

	        get timeval() {
	            return _time;
	        },
	        set timeval(val) {
	            _time = uint32(val);
	        },

	        get timeHighByte() {
	            return uint8(_time >>> 8);
	        },
	        get crc() {
	            return _crc;
	        },
	        set crc(val) {
	            _crc = uint32(val);
	        },

	        get compressedSize() {
	            return _compressedSize;
	        },
	        set compressedSize(val) {
	            _compressedSize = uint32(val);
	        },

	        get size() {
	            return _size;
	        },
	        set size(val) {
	            _size = uint32(val);
	        },

	        get fileNameLength() {
	            return _fnameLen;
	        },
	        set fileNameLength(val) {
	            _fnameLen = val;
	        },

	        get extraLength() {
	            return _extraLen;
	        },
	        set extraLength(val) {
	            _extraLen = val;
	        },

	        get extraLocalLength() {
	            return _localHeader.extraLen;
	        },
	        set extraLocalLength(val) {
	            _localHeader.extraLen = val;
	        },

	        get commentLength() {
	            return _comLen;
	        },
	        set commentLength(val) {
	            _comLen = val;
	        },

	        get diskNumStart() {
	            return _diskStart;
	        },
	        set diskNumStart(val) {
	            _diskStart = uint32(val);
	        },

	        get inAttr() {
	            return _inattr;
	        },
	        set inAttr(val) {
	            _inattr = uint32(val);
	        },

	        get attr() {
	            return _attr;
	        },
	        set attr(val) {
	            _attr = uint32(val);
	        },

	        // get Unix file permissions
	        get fileAttr() {
	            // Mask to the 9 rwxrwxrwx bits only. The setuid (0o4000), setgid
	            // (0o2000) and sticky (0o1000) bits are attacker-controlled archive
	            // metadata; preserving them on extraction (keepOriginalPermission)
	            // lets a crafted zip plant a setuid-root binary when extracting as
	            // root, a local privilege escalation (GHSA-679w-jf3m-wh39).
	            return ((_attr || 0) >> 16) & 0o777;
	        },

	        get offset() {
	            return _offset;
	        },
	        set offset(val) {
	            _offset = uint32(val);
	        },

	        get encrypted() {
	            return (_flags & Constants.FLG_ENC) === Constants.FLG_ENC;
	        },

	        get centralHeaderSize() {
	            return Constants.CENHDR + _fnameLen + _extraLen + _comLen;
	        },

	        get realDataOffset() {
	            return _offset + Constants.LOCHDR + _localHeader.fnameLen + _localHeader.extraLen;
	        },

	        get localHeader() {
	            return _localHeader;
	        },

	        loadLocalHeaderFromBinary: function (/*Buffer*/ input) {
	            // The LOC offset comes from the central directory and is attacker
	            // controlled. Reject one that would read past the end of the buffer,
	            // otherwise readUInt32LE below throws a raw RangeError instead of a
	            // clean INVALID_LOC (and escapes the async error path).
	            if (_offset < 0 || _offset + Constants.LOCHDR > input.length) {
	                throw Utils.Errors.INVALID_LOC();
	            }
	            var data = input.slice(_offset, _offset + Constants.LOCHDR);
	            // 30 bytes and should start with "PK\003\004"
	            if (data.readUInt32LE(0) !== Constants.LOCSIG) {
	                throw Utils.Errors.INVALID_LOC();
	            }

	            // version needed to extract
	            _localHeader.version = data.readUInt16LE(Constants.LOCVER);
	            // general purpose bit flag
	            _localHeader.flags = data.readUInt16LE(Constants.LOCFLG);
	            // desc flag
	            _localHeader.flags_desc = (_localHeader.flags & Constants.FLG_DESC) > 0;
	            // compression method
	            _localHeader.method = data.readUInt16LE(Constants.LOCHOW);
	            // modification time (2 bytes time, 2 bytes date)
	            _localHeader.time = data.readUInt32LE(Constants.LOCTIM);
	            // uncompressed file crc-32 valu
	            _localHeader.crc = data.readUInt32LE(Constants.LOCCRC);
	            // compressed size
	            _localHeader.compressedSize = data.readUInt32LE(Constants.LOCSIZ);
	            // uncompressed size
	            _localHeader.size = data.readUInt32LE(Constants.LOCLEN);
	            // filename length
	            _localHeader.fnameLen = data.readUInt16LE(Constants.LOCNAM);
	            // extra field length
	            _localHeader.extraLen = data.readUInt16LE(Constants.LOCEXT);

	            // read extra data
	            const extraStart = _offset + Constants.LOCHDR + _localHeader.fnameLen;
	            const extraEnd = extraStart + _localHeader.extraLen;
	            return input.slice(extraStart, extraEnd);
	        },

	        loadFromBinary: function (/*Buffer*/ data) {
	            // data should be 46 bytes and start with "PK 01 02"
	            if (data.length !== Constants.CENHDR || data.readUInt32LE(0) !== Constants.CENSIG) {
	                throw Utils.Errors.INVALID_CEN();
	            }
	            // version made by
	            _verMade = data.readUInt16LE(Constants.CENVEM);
	            // version needed to extract
	            _version = data.readUInt16LE(Constants.CENVER);
	            // encrypt, decrypt flags
	            _flags = data.readUInt16LE(Constants.CENFLG);
	            // compression method
	            _method = data.readUInt16LE(Constants.CENHOW);
	            // modification time (2 bytes time, 2 bytes date)
	            _time = data.readUInt32LE(Constants.CENTIM);
	            // uncompressed file crc-32 value
	            _crc = data.readUInt32LE(Constants.CENCRC);
	            // compressed size
	            _compressedSize = data.readUInt32LE(Constants.CENSIZ);
	            // uncompressed size
	            _size = data.readUInt32LE(Constants.CENLEN);
	            // filename length
	            _fnameLen = data.readUInt16LE(Constants.CENNAM);
	            // extra field length
	            _extraLen = data.readUInt16LE(Constants.CENEXT);
	            // file comment length
	            _comLen = data.readUInt16LE(Constants.CENCOM);
	            // volume number start
	            _diskStart = data.readUInt16LE(Constants.CENDSK);
	            // internal file attributes
	            _inattr = data.readUInt16LE(Constants.CENATT);
	            // external file attributes
	            _attr = data.readUInt32LE(Constants.CENATX);
	            // LOC header offset
	            _offset = data.readUInt32LE(Constants.CENOFF);
	        },

	        localHeaderToBinary: function () {
	            // LOC header size (30 bytes)
	            var data = Buffer.alloc(Constants.LOCHDR);
	            // "PK\003\004"
	            data.writeUInt32LE(Constants.LOCSIG, 0);
	            // version needed to extract
	            data.writeUInt16LE(_version, Constants.LOCVER);
	            // general purpose bit flag
	            // clear bit 3 (data descriptor): we always write the real crc-32
	            // and sizes into this local header, so no trailing descriptor is
	            // emitted. Leaving the flag set would make the output unreadable
	            // (see issue #555).
	            data.writeUInt16LE(_flags & ~Constants.FLG_DESC, Constants.LOCFLG);
	            // compression method
	            data.writeUInt16LE(_method, Constants.LOCHOW);
	            // modification time (2 bytes time, 2 bytes date)
	            data.writeUInt32LE(_time, Constants.LOCTIM);
	            // uncompressed file crc-32 value
	            data.writeUInt32LE(_crc, Constants.LOCCRC);
	            // compressed size
	            data.writeUInt32LE(_compressedSize, Constants.LOCSIZ);
	            // uncompressed size
	            data.writeUInt32LE(_size, Constants.LOCLEN);
	            // filename length
	            data.writeUInt16LE(_fnameLen, Constants.LOCNAM);
	            // extra field length
	            data.writeUInt16LE(_localHeader.extraLen, Constants.LOCEXT);
	            return data;
	        },

	        centralHeaderToBinary: function () {
	            // CEN header size (46 bytes)
	            var data = Buffer.alloc(Constants.CENHDR + _fnameLen + _extraLen + _comLen);
	            // "PK\001\002"
	            data.writeUInt32LE(Constants.CENSIG, 0);
	            // version made by
	            data.writeUInt16LE(_verMade, Constants.CENVEM);
	            // version needed to extract
	            data.writeUInt16LE(_version, Constants.CENVER);
	            // encrypt, decrypt flags
	            // clear bit 3 (data descriptor) to match the local header we emit
	            // (real crc/sizes are written, no descriptor follows the data) — issue #555
	            data.writeUInt16LE(_flags & ~Constants.FLG_DESC, Constants.CENFLG);
	            // compression method
	            data.writeUInt16LE(_method, Constants.CENHOW);
	            // modification time (2 bytes time, 2 bytes date)
	            data.writeUInt32LE(_time, Constants.CENTIM);
	            // uncompressed file crc-32 value
	            data.writeUInt32LE(_crc, Constants.CENCRC);
	            // compressed size
	            data.writeUInt32LE(_compressedSize, Constants.CENSIZ);
	            // uncompressed size
	            data.writeUInt32LE(_size, Constants.CENLEN);
	            // filename length
	            data.writeUInt16LE(_fnameLen, Constants.CENNAM);
	            // extra field length
	            data.writeUInt16LE(_extraLen, Constants.CENEXT);
	            // file comment length
	            data.writeUInt16LE(_comLen, Constants.CENCOM);
	            // volume number start
	            data.writeUInt16LE(_diskStart, Constants.CENDSK);
	            // internal file attributes
	            data.writeUInt16LE(_inattr, Constants.CENATT);
	            // external file attributes
	            data.writeUInt32LE(_attr, Constants.CENATX);
	            // LOC header offset
	            data.writeUInt32LE(_offset, Constants.CENOFF);
	            return data;
	        },

	        toJSON: function () {
	            const bytes = function (nr) {
	                return nr + " bytes";
	            };

	            return {
	                made: _verMade,
	                version: _version,
	                flags: _flags,
	                method: Utils.methodToString(_method),
	                time: this.time,
	                crc: "0x" + _crc.toString(16).toUpperCase(),
	                compressedSize: bytes(_compressedSize),
	                size: bytes(_size),
	                fileNameLength: bytes(_fnameLen),
	                extraLength: bytes(_extraLen),
	                commentLength: bytes(_comLen),
	                diskNumStart: _diskStart,
	                inAttr: _inattr,
	                attr: _attr,
	                offset: _offset,
	                centralHeaderSize: bytes(Constants.CENHDR + _fnameLen + _extraLen + _comLen)
	            };
	        },

	        toString: function () {
	            return JSON.stringify(this.toJSON(), null, "\t");
	        }
	    };
	};
	return entryHeader;
}

var mainHeader;
var hasRequiredMainHeader;

function requireMainHeader () {
	if (hasRequiredMainHeader) return mainHeader;
	hasRequiredMainHeader = 1;
	var Utils = requireUtil(),
	    Constants = Utils.Constants;

	/* The entries in the end of central directory */
	mainHeader = function () {
	    var _volumeEntries = 0,
	        _totalEntries = 0,
	        _size = 0,
	        _offset = 0,
	        _commentLength = 0;

	    const needsZip64 = () => _volumeEntries > Constants.EF_ZIP64_OR_16 || _totalEntries > Constants.EF_ZIP64_OR_16 || _size > Constants.EF_ZIP64_OR_32 || _offset > Constants.EF_ZIP64_OR_32;

	    return {
	        get diskEntries() {
	            return _volumeEntries;
	        },
	        set diskEntries(/*Number*/ val) {
	            _volumeEntries = _totalEntries = val;
	        },

	        get totalEntries() {
	            return _totalEntries;
	        },
	        set totalEntries(/*Number*/ val) {
	            _totalEntries = _volumeEntries = val;
	        },

	        get size() {
	            return _size;
	        },
	        set size(/*Number*/ val) {
	            _size = val;
	        },

	        get offset() {
	            return _offset;
	        },
	        set offset(/*Number*/ val) {
	            _offset = val;
	        },

	        get commentLength() {
	            return _commentLength;
	        },
	        set commentLength(/*Number*/ val) {
	            _commentLength = val;
	        },

	        get mainHeaderSize() {
	            return (needsZip64() ? Constants.ZIP64HDR + Constants.END64HDR : 0) + Constants.ENDHDR + _commentLength;
	        },

	        loadFromBinary: function (/*Buffer*/ data) {
	            // data should be 22 bytes and start with "PK 05 06"
	            // or be 56+ bytes and start with "PK 06 06" for Zip64
	            if (
	                (data.length !== Constants.ENDHDR || data.readUInt32LE(0) !== Constants.ENDSIG) &&
	                (data.length < Constants.ZIP64HDR || data.readUInt32LE(0) !== Constants.ZIP64SIG)
	            ) {
	                throw Utils.Errors.INVALID_END();
	            }

	            if (data.readUInt32LE(0) === Constants.ENDSIG) {
	                // number of entries on this volume
	                _volumeEntries = data.readUInt16LE(Constants.ENDSUB);
	                // total number of entries
	                _totalEntries = data.readUInt16LE(Constants.ENDTOT);
	                // central directory size in bytes
	                _size = data.readUInt32LE(Constants.ENDSIZ);
	                // offset of first CEN header
	                _offset = data.readUInt32LE(Constants.ENDOFF);
	                // zip file comment length
	                _commentLength = data.readUInt16LE(Constants.ENDCOM);
	            } else {
	                // number of entries on this volume
	                _volumeEntries = Utils.readBigUInt64LE(data, Constants.ZIP64SUB);
	                // total number of entries
	                _totalEntries = Utils.readBigUInt64LE(data, Constants.ZIP64TOT);
	                // central directory size in bytes
	                _size = Utils.readBigUInt64LE(data, Constants.ZIP64SIZB);
	                // offset of first CEN header
	                _offset = Utils.readBigUInt64LE(data, Constants.ZIP64OFF);

	                _commentLength = 0;
	            }
	        },

	        toBinary: function () {
	            if (!needsZip64()) {
	                var b = Buffer.alloc(Constants.ENDHDR + _commentLength);
	                // "PK 05 06" signature
	                b.writeUInt32LE(Constants.ENDSIG, 0);
	                b.writeUInt32LE(0, 4);
	                // number of entries on this volume
	                b.writeUInt16LE(_volumeEntries, Constants.ENDSUB);
	                // total number of entries
	                b.writeUInt16LE(_totalEntries, Constants.ENDTOT);
	                // central directory size in bytes
	                b.writeUInt32LE(_size, Constants.ENDSIZ);
	                // offset of first CEN header
	                b.writeUInt32LE(_offset, Constants.ENDOFF);
	                // zip file comment length
	                b.writeUInt16LE(_commentLength, Constants.ENDCOM);
	                // fill comment memory with spaces so no garbage is left there
	                b.fill(" ", Constants.ENDHDR);

	                return b;
	            }

	            var b = Buffer.alloc(this.mainHeaderSize);
	            let offset = 0;

	            // Zip64 end of central directory record.
	            b.writeUInt32LE(Constants.ZIP64SIG, offset);
	            Utils.writeBigUInt64LE(b, Constants.ZIP64HDR - Constants.ZIP64LEAD, offset + Constants.ZIP64SIZE);
	            b.writeUInt16LE(45, offset + Constants.ZIP64VEM);
	            b.writeUInt16LE(45, offset + Constants.ZIP64VER);
	            b.writeUInt32LE(0, offset + Constants.ZIP64DSK);
	            b.writeUInt32LE(0, offset + Constants.ZIP64DSKDIR);
	            Utils.writeBigUInt64LE(b, _volumeEntries, offset + Constants.ZIP64SUB);
	            Utils.writeBigUInt64LE(b, _totalEntries, offset + Constants.ZIP64TOT);
	            Utils.writeBigUInt64LE(b, _size, offset + Constants.ZIP64SIZB);
	            Utils.writeBigUInt64LE(b, _offset, offset + Constants.ZIP64OFF);

	            const zip64EndOffset = _offset + _size;
	            offset += Constants.ZIP64HDR;

	            // Zip64 end of central directory locator.
	            b.writeUInt32LE(Constants.END64SIG, offset);
	            b.writeUInt32LE(0, offset + Constants.END64START);
	            Utils.writeBigUInt64LE(b, zip64EndOffset, offset + Constants.END64OFF);
	            b.writeUInt32LE(1, offset + Constants.END64NUMDISKS);
	            offset += Constants.END64HDR;

	            // "PK 05 06" signature
	            b.writeUInt32LE(Constants.ENDSIG, offset);
	            b.writeUInt32LE(0, offset + 4);
	            // number of entries on this volume
	            b.writeUInt16LE(Math.min(_volumeEntries, Constants.EF_ZIP64_OR_16), offset + Constants.ENDSUB);
	            // total number of entries
	            b.writeUInt16LE(Math.min(_totalEntries, Constants.EF_ZIP64_OR_16), offset + Constants.ENDTOT);
	            // central directory size in bytes
	            b.writeUInt32LE(Math.min(_size, Constants.EF_ZIP64_OR_32), offset + Constants.ENDSIZ);
	            // offset of first CEN header
	            b.writeUInt32LE(Math.min(_offset, Constants.EF_ZIP64_OR_32), offset + Constants.ENDOFF);
	            // zip file comment length
	            b.writeUInt16LE(_commentLength, offset + Constants.ENDCOM);
	            // fill comment memory with spaces so no garbage is left there
	            b.fill(" ", offset + Constants.ENDHDR);

	            return b;
	        },

	        toJSON: function () {
	            // creates 0x0000 style output
	            const offset = function (nr, len) {
	                let offs = nr.toString(16).toUpperCase();
	                while (offs.length < len) offs = "0" + offs;
	                return "0x" + offs;
	            };

	            return {
	                diskEntries: _volumeEntries,
	                totalEntries: _totalEntries,
	                size: _size + " bytes",
	                offset: offset(_offset, 4),
	                commentLength: _commentLength
	            };
	        },

	        toString: function () {
	            return JSON.stringify(this.toJSON(), null, "\t");
	        }
	    };
	};
	// Misspelled
	return mainHeader;
}

var hasRequiredHeaders;

function requireHeaders () {
	if (hasRequiredHeaders) return headers;
	hasRequiredHeaders = 1;
	headers.EntryHeader = requireEntryHeader();
	headers.MainHeader = requireMainHeader();
	return headers;
}

var methods = {};

var deflater;
var hasRequiredDeflater;

function requireDeflater () {
	if (hasRequiredDeflater) return deflater;
	hasRequiredDeflater = 1;
	deflater = function (/*Buffer*/ inbuf) {
	    var zlib = require$$0$2;

	    var opts = { chunkSize: (parseInt(inbuf.length / 1024) + 1) * 1024 };

	    return {
	        deflate: function () {
	            return zlib.deflateRawSync(inbuf, opts);
	        },

	        deflateAsync: function (/*Function*/ callback) {
	            var tmp = zlib.createDeflateRaw(opts),
	                parts = [],
	                total = 0;
	            tmp.on("data", function (data) {
	                parts.push(data);
	                total += data.length;
	            });
	            tmp.on("end", function () {
	                var buf = Buffer.alloc(total),
	                    written = 0;
	                buf.fill(0);
	                for (var i = 0; i < parts.length; i++) {
	                    var part = parts[i];
	                    part.copy(buf, written);
	                    written += part.length;
	                }
	                callback && callback(buf);
	            });
	            tmp.end(inbuf);
	        }
	    };
	};
	return deflater;
}

var inflater;
var hasRequiredInflater;

function requireInflater () {
	if (hasRequiredInflater) return inflater;
	hasRequiredInflater = 1;
	const version = +(process?.versions?.node ?? "").split(".")[0] || 0;
	const Errors = requireErrors();

	inflater = function (/*Buffer*/ inbuf, /*number*/ expectedLength) {
	    var zlib = require$$0$2;
	    // Cap decompression output at the entry's declared uncompressed size to bound
	    // decompression bombs (CVE-2026-39244). A declared size of 0 must not disable
	    // the cap: a genuinely empty entry inflates to 0 bytes, so a 1-byte floor
	    // still lets it through while stopping a bomb that lies about its size
	    // (GHSA-rcw4-f5rp-g42v). zlib requires maxOutputLength >= 1.
	    const maxOutputLength = expectedLength > 0 ? expectedLength : 1;
	    const option = version >= 15 ? { maxOutputLength } : {};

	    return {
	        inflate: function () {
	            return zlib.inflateRawSync(inbuf, option);
	        },

	        inflateAsync: function (/*Function*/ callback) {
	            var tmp = zlib.createInflateRaw(option),
	                parts = [],
	                total = 0,
	                done = false;
	            const fail = function (err) {
	                if (done) return;
	                done = true;
	                tmp.destroy();
	                callback && callback(Buffer.alloc(0), err);
	            };
	            // Route stream errors (e.g. Z_DATA_ERROR on malformed input) through the
	            // callback. Without an "error" listener zlib re-throws the event as an
	            // uncaught exception on a later tick, crashing the host process instead
	            // of failing the call (GHSA-8238-w5pm-2374).
	            tmp.on("error", function (err) {
	                fail(err);
	            });
	            tmp.on("data", function (data) {
	                if (done) return;
	                total += data.length;
	                // The streaming API ignores maxOutputLength, so enforce the cap by
	                // hand; otherwise the async path decompresses without limit while the
	                // sync path is capped (GHSA-v429-h5qx-84wm, GHSA-c6fg-446q-cg94).
	                if (total > maxOutputLength) {
	                    return fail(Errors.MAX_OUTPUT_EXCEEDED());
	                }
	                parts.push(data);
	            });
	            tmp.on("end", function () {
	                if (done) return;
	                done = true;
	                var buf = Buffer.alloc(total),
	                    written = 0;
	                buf.fill(0);
	                for (var i = 0; i < parts.length; i++) {
	                    var part = parts[i];
	                    part.copy(buf, written);
	                    written += part.length;
	                }
	                callback && callback(buf);
	            });
	            tmp.end(inbuf);
	        }
	    };
	};
	return inflater;
}

var zipcrypto;
var hasRequiredZipcrypto;

function requireZipcrypto () {
	if (hasRequiredZipcrypto) return zipcrypto;
	hasRequiredZipcrypto = 1;

	// node crypt, we use it for generate salt
	// eslint-disable-next-line node/no-unsupported-features/node-builtins
	const { randomFillSync } = crypto;
	const Errors = requireErrors();

	// generate CRC32 lookup table
	const crctable = new Uint32Array(256).map((t, crc) => {
	    for (let j = 0; j < 8; j++) {
	        if (0 !== (crc & 1)) {
	            crc = (crc >>> 1) ^ 0xedb88320;
	        } else {
	            crc >>>= 1;
	        }
	    }
	    return crc >>> 0;
	});

	// C-style uInt32 Multiply (discards higher bits, when JS multiply discards lower bits)
	const uMul = (a, b) => Math.imul(a, b) >>> 0;

	// crc32 byte single update (actually same function is part of utils.crc32 function :) )
	const crc32update = (pCrc32, bval) => {
	    return crctable[(pCrc32 ^ bval) & 0xff] ^ (pCrc32 >>> 8);
	};

	// function for generating salt for encrytion header
	const genSalt = () => {
	    if ("function" === typeof randomFillSync) {
	        return randomFillSync(Buffer.alloc(12));
	    } else {
	        // fallback if function is not defined
	        return genSalt.node();
	    }
	};

	// salt generation with node random function (mainly as fallback)
	genSalt.node = () => {
	    const salt = Buffer.alloc(12);
	    const len = salt.length;
	    for (let i = 0; i < len; i++) salt[i] = (Math.random() * 256) & 0xff;
	    return salt;
	};

	// general config
	const config = {
	    genSalt
	};

	// Class Initkeys handles same basic ops with keys
	function Initkeys(pw) {
	    const pass = Buffer.isBuffer(pw) ? pw : Buffer.from(pw);
	    this.keys = new Uint32Array([0x12345678, 0x23456789, 0x34567890]);
	    for (let i = 0; i < pass.length; i++) {
	        this.updateKeys(pass[i]);
	    }
	}

	Initkeys.prototype.updateKeys = function (byteValue) {
	    const keys = this.keys;
	    keys[0] = crc32update(keys[0], byteValue);
	    keys[1] += keys[0] & 0xff;
	    keys[1] = uMul(keys[1], 134775813) + 1;
	    keys[2] = crc32update(keys[2], keys[1] >>> 24);
	    return byteValue;
	};

	Initkeys.prototype.next = function () {
	    const k = (this.keys[2] | 2) >>> 0; // key
	    return (uMul(k, k ^ 1) >> 8) & 0xff; // decode
	};

	function make_decrypter(/*Buffer*/ pwd) {
	    // 1. Stage initialize key
	    const keys = new Initkeys(pwd);

	    // return decrypter function
	    return function (/*Buffer*/ data) {
	        // result - we create new Buffer for results
	        const result = Buffer.alloc(data.length);
	        let pos = 0;
	        // process input data
	        for (let c of data) {
	            //c ^= keys.next();
	            //result[pos++] = c; // decode & Save Value
	            result[pos++] = keys.updateKeys(c ^ keys.next()); // update keys with decoded byte
	        }
	        return result;
	    };
	}

	function make_encrypter(/*Buffer*/ pwd) {
	    // 1. Stage initialize key
	    const keys = new Initkeys(pwd);

	    // return encrypting function, result and pos is here so we dont have to merge buffers later
	    return function (/*Buffer*/ data, /*Buffer*/ result, /* Number */ pos = 0) {
	        // result - we create new Buffer for results
	        if (!result) result = Buffer.alloc(data.length);
	        // process input data
	        for (let c of data) {
	            const k = keys.next(); // save key byte
	            result[pos++] = c ^ k; // save val
	            keys.updateKeys(c); // update keys with decoded byte
	        }
	        return result;
	    };
	}

	function decrypt(/*Buffer*/ data, /*Object*/ header, /*String, Buffer*/ pwd) {
	    if (!data || !Buffer.isBuffer(data) || data.length < 12) {
	        return Buffer.alloc(0);
	    }

	    // 1. We Initialize and generate decrypting function
	    const decrypter = make_decrypter(pwd);

	    // 2. decrypt salt what is always 12 bytes and is a part of file content
	    const salt = decrypter(data.slice(0, 12));

	    // if bit 3 (0x08) of the general-purpose flags field is set, check salt[11] with the high byte of the header time
	    // 2 byte data block (as per Info-Zip spec), otherwise check with the high byte of the header entry
	    const verifyByte = (header.flags & 0x8) === 0x8 ? header.timeHighByte : header.crc >>> 24;

	    //3. does password meet expectations
	    if (salt[11] !== verifyByte) {
	        throw Errors.WRONG_PASSWORD();
	    }

	    // 4. decode content
	    return decrypter(data.slice(12));
	}

	// lets add way to populate salt, NOT RECOMMENDED for production but maybe useful for testing general functionality
	function _salter(data) {
	    if (Buffer.isBuffer(data) && data.length >= 12) {
	        // be aware - currently salting buffer data is modified
	        config.genSalt = function () {
	            return data.slice(0, 12);
	        };
	    } else if (data === "node") {
	        // test salt generation with node random function
	        config.genSalt = genSalt.node;
	    } else {
	        // if value is not acceptable config gets reset.
	        config.genSalt = genSalt;
	    }
	}

	function encrypt(/*Buffer*/ data, /*Object*/ header, /*String, Buffer*/ pwd, /*Boolean*/ oldlike = false) {
	    // 1. test data if data is not Buffer we make buffer from it
	    if (data == null) data = Buffer.alloc(0);
	    // if data is not buffer be make buffer from it
	    if (!Buffer.isBuffer(data)) data = Buffer.from(data.toString());

	    // 2. We Initialize and generate encrypting function
	    const encrypter = make_encrypter(pwd);

	    // 3. generate salt (12-bytes of random data)
	    const salt = config.genSalt();
	    salt[11] = (header.crc >>> 24) & 0xff;

	    // old implementations (before PKZip 2.04g) used two byte check
	    if (oldlike) salt[10] = (header.crc >>> 16) & 0xff;

	    // 4. create output
	    const result = Buffer.alloc(data.length + 12);
	    encrypter(salt, result);

	    // finally encode content
	    return encrypter(data, result, 12);
	}

	zipcrypto = { decrypt, encrypt, _salter };
	return zipcrypto;
}

var hasRequiredMethods;

function requireMethods () {
	if (hasRequiredMethods) return methods;
	hasRequiredMethods = 1;
	methods.Deflater = requireDeflater();
	methods.Inflater = requireInflater();
	methods.ZipCrypto = requireZipcrypto();
	return methods;
}

var zipEntry;
var hasRequiredZipEntry;

function requireZipEntry () {
	if (hasRequiredZipEntry) return zipEntry;
	hasRequiredZipEntry = 1;
	var Utils = requireUtil(),
	    Headers = requireHeaders(),
	    Constants = Utils.Constants,
	    Methods = requireMethods();

	zipEntry = function (/** object */ options, /*Buffer*/ input) {
	    var _centralHeader = new Headers.EntryHeader(),
	        _entryName = Buffer.alloc(0),
	        _comment = Buffer.alloc(0),
	        _isDirectory = false,
	        uncompressedData = null,
	        _extra = Buffer.alloc(0),
	        _extralocal = Buffer.alloc(0),
	        _efs = true;

	    // assign options
	    const opts = options;

	    const decoder = typeof opts.decoder === "object" ? opts.decoder : Utils.decoder;
	    _efs = decoder.hasOwnProperty("efs") ? decoder.efs : false;

	    function getCompressedDataFromZip() {
	        //if (!input || !Buffer.isBuffer(input)) {
	        if (!input || !(input instanceof Uint8Array)) {
	            return Buffer.alloc(0);
	        }
	        _extralocal = _centralHeader.loadLocalHeaderFromBinary(input);
	        const dataOffset = _centralHeader.realDataOffset;
	        const dataEnd = dataOffset + _centralHeader.compressedSize;
	        // The offsets and sizes come from attacker-controlled headers. Require the
	        // declared compressed extent to be fully present rather than letting slice()
	        // silently clamp to a short buffer (which only surfaces later as a CRC
	        // failure). Fail loudly with a header error instead (GHSA-wwrv-q5gf-5843).
	        if (dataOffset < 0 || dataEnd < dataOffset || dataEnd > input.length) {
	            throw Utils.Errors.INVALID_LOC();
	        }
	        return input.slice(dataOffset, dataEnd);
	    }

	    function crc32OK(data) {
	        // When bit 3 (0x08) of the general-purpose flags is set, the crc-32 and
	        // sizes were unknown when the local file header was written, so that
	        // header carries placeholder zeros and the real values are repeated in a
	        // data descriptor after the compressed data. adm-zip always parses the
	        // central directory, whose header holds the authoritative crc-32 and
	        // sizes, so we validate the payload against that value.
	        //
	        // Earlier versions instead located and parsed the trailing descriptor and
	        // threw when it was absent or in an unexpected shape. Many valid archives
	        // set the descriptor flag but write the real crc/sizes into the local and
	        // central headers without emitting a descriptor (or write one we did not
	        // recognise), so that strict handling rejected readable zips
	        // (issues #533, #548, #554). Trusting the central-directory crc keeps the
	        // integrity check while accepting those archives.
	        const expectedCrc = _centralHeader.flags_desc || _centralHeader.localHeader.flags_desc ? _centralHeader.crc : _centralHeader.localHeader.crc;

	        return Utils.crc32(data) === expectedCrc;
	    }

	    function decompress(/*Boolean*/ async, /*Function*/ callback, /*String, Buffer*/ pass) {
	        if (typeof callback === "undefined" && typeof async === "string") {
	            pass = async;
	            async = void 0;
	        }
	        if (_isDirectory) {
	            if (async && callback) {
	                callback(Buffer.alloc(0), Utils.Errors.DIRECTORY_CONTENT_ERROR()); //si added error.
	            }
	            return Buffer.alloc(0);
	        }

	        var compressedData;
	        try {
	            compressedData = getCompressedDataFromZip();

	            if (compressedData.length === 0) {
	                // File is empty, nothing to decompress.
	                if (async && callback) callback(compressedData);
	                return compressedData;
	            }

	            if (_centralHeader.encrypted) {
	                if ("string" !== typeof pass && !Buffer.isBuffer(pass)) {
	                    throw Utils.Errors.INVALID_PASS_PARAM();
	                }
	                compressedData = Methods.ZipCrypto.decrypt(compressedData, _centralHeader, pass);
	            }
	        } catch (err) {
	            // These synchronous parse/setup steps run before any callback fires.
	            // In async mode a malformed local header (e.g. a bad LOC offset) would
	            // otherwise throw out of getDataAsync and bypass the callback error
	            // channel, crashing the caller. Route it through the callback instead.
	            if (async && callback) {
	                callback(Buffer.alloc(0), err);
	                return Buffer.alloc(0);
	            }
	            throw err;
	        }

	        var data;

	        switch (_centralHeader.method) {
	            case Utils.Constants.STORED:
	                // STORED entries are not compressed, so the uncompressed output is
	                // exactly the bytes present in the archive. Allocate from the real
	                // data length rather than the attacker-declared central-directory
	                // size, otherwise a tiny archive can declare a huge size and force a
	                // multi-gigabyte allocation before any validation (CVE-2026-39244).
	                data = Buffer.alloc(compressedData.length);
	                compressedData.copy(data);
	                if (!crc32OK(data)) {
	                    if (async && callback) callback(data, Utils.Errors.BAD_CRC()); //si added error
	                    throw Utils.Errors.BAD_CRC();
	                } else {
	                    //si added otherwise did not seem to return data.
	                    if (async && callback) callback(data);
	                    return data;
	                }
	            case Utils.Constants.DEFLATED:
	                // Do not pre-allocate the declared uncompressed size. The inflater
	                // grows its output buffer as zlib emits data and caps the total at
	                // the declared size (maxOutputLength), so a bogus size can no longer
	                // trigger an eager allocation before the data is read (CVE-2026-39244).
	                var inflater = new Methods.Inflater(compressedData, _centralHeader.size);
	                if (!async) {
	                    data = inflater.inflate();
	                    if (!crc32OK(data)) {
	                        throw Utils.Errors.BAD_CRC(`"${decoder.decode(_entryName)}"`);
	                    }
	                    return data;
	                } else {
	                    inflater.inflateAsync(function (result, err) {
	                        if (!callback) return;
	                        if (err) {
	                            // surface inflater/stream failures instead of validating
	                            // the empty placeholder buffer against the CRC
	                            callback(Buffer.alloc(0), err);
	                        } else if (!crc32OK(result)) {
	                            callback(result, Utils.Errors.BAD_CRC()); //si added error
	                        } else {
	                            callback(result);
	                        }
	                    });
	                }
	                break;
	            default:
	                if (async && callback) callback(Buffer.alloc(0), Utils.Errors.UNKNOWN_METHOD());
	                throw Utils.Errors.UNKNOWN_METHOD();
	        }
	    }

	    function compress(/*Boolean*/ async, /*Function*/ callback) {
	        if ((!uncompressedData || !uncompressedData.length) && Buffer.isBuffer(input)) {
	            // no data set or the data wasn't changed to require recompression
	            if (async && callback) callback(getCompressedDataFromZip());
	            return getCompressedDataFromZip();
	        }

	        if (uncompressedData.length && !_isDirectory) {
	            var compressedData;
	            // Local file header
	            switch (_centralHeader.method) {
	                case Utils.Constants.STORED:
	                    _centralHeader.compressedSize = _centralHeader.size;

	                    compressedData = Buffer.alloc(uncompressedData.length);
	                    uncompressedData.copy(compressedData);

	                    if (async && callback) callback(compressedData);
	                    return compressedData;
	                default:
	                case Utils.Constants.DEFLATED:
	                    var deflater = new Methods.Deflater(uncompressedData);
	                    if (!async) {
	                        var deflated = deflater.deflate();
	                        _centralHeader.compressedSize = deflated.length;
	                        return deflated;
	                    } else {
	                        deflater.deflateAsync(function (data) {
	                            compressedData = Buffer.alloc(data.length);
	                            _centralHeader.compressedSize = data.length;
	                            data.copy(compressedData);
	                            callback && callback(compressedData);
	                        });
	                    }
	                    deflater = null;
	                    break;
	            }
	        } else if (async && callback) {
	            callback(Buffer.alloc(0));
	        } else {
	            return Buffer.alloc(0);
	        }
	    }

	    function readUInt64LE(buffer, offset) {
	        return Utils.readBigUInt64LE(buffer, offset);
	    }

	    function parseExtra(data) {
	        try {
	            var offset = 0;
	            var signature, size, part;
	            while (offset + 4 < data.length) {
	                signature = data.readUInt16LE(offset);
	                offset += 2;
	                size = data.readUInt16LE(offset);
	                offset += 2;
	                part = data.slice(offset, offset + size);
	                offset += size;
	                if (Constants.ID_ZIP64 === signature) {
	                    parseZip64ExtendedInformation(part);
	                }
	            }
	        } catch (error) {
	            throw Utils.Errors.EXTRA_FIELD_PARSE_ERROR();
	        }
	    }

	    //Override header field values with values from the ZIP64 extra field
	    function parseZip64ExtendedInformation(data) {
	        var size, compressedSize, offset, diskNumStart;

	        if (data.length >= Constants.EF_ZIP64_SCOMP) {
	            size = readUInt64LE(data, Constants.EF_ZIP64_SUNCOMP);
	            if (_centralHeader.size === Constants.EF_ZIP64_OR_32) {
	                _centralHeader.size = size;
	            }
	        }
	        if (data.length >= Constants.EF_ZIP64_RHO) {
	            compressedSize = readUInt64LE(data, Constants.EF_ZIP64_SCOMP);
	            if (_centralHeader.compressedSize === Constants.EF_ZIP64_OR_32) {
	                _centralHeader.compressedSize = compressedSize;
	            }
	        }
	        if (data.length >= Constants.EF_ZIP64_DSN) {
	            offset = readUInt64LE(data, Constants.EF_ZIP64_RHO);
	            if (_centralHeader.offset === Constants.EF_ZIP64_OR_32) {
	                _centralHeader.offset = offset;
	            }
	        }
	        if (data.length >= Constants.EF_ZIP64_DSN + 4) {
	            diskNumStart = data.readUInt32LE(Constants.EF_ZIP64_DSN);
	            if (_centralHeader.diskNumStart === Constants.EF_ZIP64_OR_16) {
	                _centralHeader.diskNumStart = diskNumStart;
	            }
	        }
	    }

	    return {
	        get entryName() {
	            return decoder.decode(_entryName);
	        },
	        get rawEntryName() {
	            return _entryName;
	        },
	        set entryName(val) {
	            _entryName = Utils.toBuffer(val, decoder.encode);
	            var lastChar = _entryName[_entryName.length - 1];
	            _isDirectory = lastChar === 47 || lastChar === 92;
	            _centralHeader.fileNameLength = _entryName.length;
	        },

	        get efs() {
	            if (typeof _efs === "function") {
	                return _efs(this.entryName);
	            } else {
	                return _efs;
	            }
	        },

	        get extra() {
	            return _extra;
	        },
	        set extra(val) {
	            _extra = val;
	            _centralHeader.extraLength = val.length;
	            parseExtra(val);
	        },

	        get comment() {
	            return decoder.decode(_comment);
	        },
	        set comment(val) {
	            _comment = Utils.toBuffer(val, decoder.encode);
	            _centralHeader.commentLength = _comment.length;
	            if (_comment.length > 0xffff) throw Utils.Errors.COMMENT_TOO_LONG();
	        },

	        get name() {
	            const n = decoder.decode(_entryName);
	            // For directories the name is the last path segment; drop the trailing
	            // separator first so "a/b/c/" yields "c" and not "" (issue #466).
	            return _isDirectory
	                ? n
	                      .replace(/[/\\]$/, "")
	                      .split("/")
	                      .pop()
	                : n.split("/").pop();
	        },
	        get isDirectory() {
	            return _isDirectory;
	        },

	        getCompressedData: function () {
	            return compress(false, null);
	        },

	        getCompressedDataAsync: function (/*Function*/ callback) {
	            compress(true, callback);
	        },

	        setData: function (value) {
	            uncompressedData = Utils.toBuffer(value, Utils.decoder.encode);
	            if (!_isDirectory && uncompressedData.length) {
	                _centralHeader.size = uncompressedData.length;
	                _centralHeader.method = Utils.Constants.DEFLATED;
	                _centralHeader.crc = Utils.crc32(value);
	                _centralHeader.changed = true;
	            } else {
	                // folders and blank files should be stored
	                _centralHeader.method = Utils.Constants.STORED;
	            }
	        },

	        getData: function (pass) {
	            if (_centralHeader.changed) {
	                return uncompressedData;
	            } else {
	                return decompress(false, null, pass);
	            }
	        },

	        getDataAsync: function (/*Function*/ callback, pass) {
	            if (_centralHeader.changed) {
	                callback(uncompressedData);
	            } else {
	                decompress(true, callback, pass);
	            }
	        },

	        set attr(attr) {
	            _centralHeader.attr = attr;
	        },
	        get attr() {
	            return _centralHeader.attr;
	        },

	        set header(/*Buffer*/ data) {
	            _centralHeader.loadFromBinary(data);
	        },

	        get header() {
	            return _centralHeader;
	        },

	        packCentralHeader: function () {
	            _centralHeader.flags_efs = this.efs;
	            _centralHeader.extraLength = _extra.length;
	            // 1. create header (buffer)
	            var header = _centralHeader.centralHeaderToBinary();
	            var addpos = Utils.Constants.CENHDR;
	            // 2. add file name
	            _entryName.copy(header, addpos);
	            addpos += _entryName.length;
	            // 3. add extra data
	            _extra.copy(header, addpos);
	            addpos += _centralHeader.extraLength;
	            // 4. add file comment
	            _comment.copy(header, addpos);
	            return header;
	        },

	        packLocalHeader: function () {
	            let addpos = 0;
	            _centralHeader.flags_efs = this.efs;
	            _centralHeader.extraLocalLength = _extralocal.length;
	            // 1. construct local header Buffer
	            const localHeaderBuf = _centralHeader.localHeaderToBinary();
	            // 2. localHeader - crate header buffer
	            const localHeader = Buffer.alloc(localHeaderBuf.length + _entryName.length + _centralHeader.extraLocalLength);
	            // 2.1 add localheader
	            localHeaderBuf.copy(localHeader, addpos);
	            addpos += localHeaderBuf.length;
	            // 2.2 add file name
	            _entryName.copy(localHeader, addpos);
	            addpos += _entryName.length;
	            // 2.3 add extra field
	            _extralocal.copy(localHeader, addpos);
	            addpos += _extralocal.length;

	            return localHeader;
	        },

	        toJSON: function () {
	            const bytes = function (nr) {
	                return "<" + ((nr && nr.length + " bytes buffer") || "null") + ">";
	            };

	            return {
	                entryName: this.entryName,
	                name: this.name,
	                comment: this.comment,
	                isDirectory: this.isDirectory,
	                header: _centralHeader.toJSON(),
	                compressedData: bytes(input),
	                data: bytes(uncompressedData)
	            };
	        },

	        toString: function () {
	            return JSON.stringify(this.toJSON(), null, "\t");
	        }
	    };
	};
	return zipEntry;
}

var zipFile;
var hasRequiredZipFile;

function requireZipFile () {
	if (hasRequiredZipFile) return zipFile;
	hasRequiredZipFile = 1;
	const ZipEntry = requireZipEntry();
	const Headers = requireHeaders();
	const Utils = requireUtil();

	zipFile = function (/*Buffer|null*/ inBuffer, /** object */ options) {
	    var entryList = [],
	        // prototype-less: entry names come from untrusted input, so keys like
	        // "__proto__" or "constructor" must be plain data, not touch the prototype
	        // chain (which otherwise crashes addFile and hides such entries)
	        entryTable = Object.create(null),
	        _comment = Buffer.alloc(0),
	        mainHeader = new Headers.MainHeader(),
	        loadedEntries = false;
	    const temporary = new Set();

	    // assign options
	    const opts = options;

	    const { noSort, decoder } = opts;

	    if (inBuffer) {
	        // is a memory buffer
	        readMainHeader(opts.readEntries);
	    } else {
	        // none. is a new file
	        loadedEntries = true;
	    }

	    function makeTemporaryFolders() {
	        const foldersList = new Set();

	        // Make list of all folders in file
	        for (const elem of Object.keys(entryTable)) {
	            const elements = elem.split("/");
	            elements.pop(); // filename
	            if (!elements.length) continue; // no folders
	            for (let i = 0; i < elements.length; i++) {
	                const sub = elements.slice(0, i + 1).join("/") + "/";
	                foldersList.add(sub);
	            }
	        }

	        // create missing folders as temporary
	        for (const elem of foldersList) {
	            if (!(elem in entryTable)) {
	                const tempfolder = new ZipEntry(opts);
	                tempfolder.entryName = elem;
	                tempfolder.attr = 0x10;
	                tempfolder.temporary = true;
	                entryList.push(tempfolder);
	                entryTable[tempfolder.entryName] = tempfolder;
	                temporary.add(tempfolder);
	            }
	        }
	    }

	    function readEntries() {
	        loadedEntries = true;
	        entryTable = Object.create(null);
	        if (mainHeader.diskEntries > (inBuffer.length - mainHeader.offset) / Utils.Constants.CENHDR) {
	            throw Utils.Errors.DISK_ENTRY_TOO_LARGE();
	        }
	        entryList = new Array(mainHeader.diskEntries); // total number of entries
	        var index = mainHeader.offset; // offset of first CEN header
	        for (var i = 0; i < entryList.length; i++) {
	            var tmp = index,
	                entry = new ZipEntry(opts, inBuffer);
	            entry.header = inBuffer.slice(tmp, (tmp += Utils.Constants.CENHDR));

	            entry.entryName = inBuffer.slice(tmp, (tmp += entry.header.fileNameLength));

	            if (entry.header.extraLength) {
	                entry.extra = inBuffer.slice(tmp, (tmp += entry.header.extraLength));
	            }

	            if (entry.header.commentLength) entry.comment = inBuffer.slice(tmp, tmp + entry.header.commentLength);

	            index += entry.header.centralHeaderSize;

	            // Reject archives that declare the same entry name twice. adm-zip keeps
	            // every entry in entryList but only the last in entryTable, so getEntry()
	            // (table) and extractAllTo() (list) could resolve one name to different
	            // content: an app that validates entry bytes via getEntry() before
	            // extracting could approve one file while a different one lands on disk
	            // (GHSA-p634-w6r4-rjp2). Fail closed on the ambiguity.
	            if (entry.entryName in entryTable) {
	                throw Utils.Errors.DUPLICATE_ENTRY(`"${entry.entryName}"`);
	            }

	            entryList[i] = entry;
	            entryTable[entry.entryName] = entry;
	        }
	        temporary.clear();
	        makeTemporaryFolders();
	    }

	    function readMainHeader(/*Boolean*/ readNow) {
	        var i = inBuffer.length - Utils.Constants.ENDHDR, // END header size
	            max = Math.max(0, i - 0xffff), // 0xFFFF is the max zip file comment length
	            n = max,
	            endStart = inBuffer.length,
	            endOffset = -1, // Start offset of the END header
	            commentEnd = 0;

	        // option to search header form entire file
	        const trailingSpace = typeof opts.trailingSpace === "boolean" ? opts.trailingSpace : false;
	        if (trailingSpace) max = 0;

	        for (i; i >= n; i--) {
	            if (inBuffer[i] !== 0x50) continue; // quick check that the byte is 'P'
	            if (inBuffer.readUInt32LE(i) === Utils.Constants.ENDSIG) {
	                // "PK\005\006"
	                endOffset = i;
	                commentEnd = i;
	                endStart = i + Utils.Constants.ENDHDR;
	                // We already found a regular signature, let's look just a bit further to check if there's any zip64 signature
	                n = i - Utils.Constants.END64HDR;
	                continue;
	            }

	            if (inBuffer.readUInt32LE(i) === Utils.Constants.END64SIG) {
	                // Found a zip64 signature, let's continue reading the whole zip64 record
	                n = max;
	                continue;
	            }

	            if (inBuffer.readUInt32LE(i) === Utils.Constants.ZIP64SIG) {
	                // Found the zip64 record, let's determine it's size
	                endOffset = i;
	                endStart = i + Utils.readBigUInt64LE(inBuffer, i + Utils.Constants.ZIP64SIZE) + Utils.Constants.ZIP64LEAD;
	                break;
	            }
	        }

	        if (endOffset == -1) throw Utils.Errors.INVALID_FORMAT();

	        mainHeader.loadFromBinary(inBuffer.slice(endOffset, endStart));
	        if (mainHeader.commentLength) {
	            _comment = inBuffer.slice(commentEnd + Utils.Constants.ENDHDR);
	        }
	        if (readNow) readEntries();
	    }

	    function sortEntries() {
	        if (entryList.length > 1 && !noSort) {
	            // Decode + lowercase each name once rather than on every comparison:
	            // the entryName getter re-decodes the underlying buffer on each access,
	            // so the previous inline comparator did O(n log n) redundant decoding.
	            // Ordering is unchanged (same localeCompare on the same keys).
	            entryList = entryList
	                .map((entry) => ({ entry, key: entry.entryName.toLowerCase() }))
	                .sort((a, b) => a.key.localeCompare(b.key))
	                .map((pair) => pair.entry);
	        }
	    }

	    return {
	        /**
	         * Returns an array of ZipEntry objects existent in the current opened archive
	         * @return Array
	         */
	        get entries() {
	            if (!loadedEntries) {
	                readEntries();
	            }
	            return entryList.filter((e) => !temporary.has(e));
	        },

	        /**
	         * Archive comment
	         * @return {String}
	         */
	        get comment() {
	            return decoder.decode(_comment);
	        },
	        set comment(val) {
	            _comment = Utils.toBuffer(val, decoder.encode);
	            mainHeader.commentLength = _comment.length;
	        },

	        getEntryCount: function () {
	            if (!loadedEntries) {
	                return mainHeader.diskEntries;
	            }

	            return entryList.length;
	        },

	        forEach: function (callback) {
	            this.entries.forEach(callback);
	        },

	        /**
	         * Returns a reference to the entry with the given name or null if entry is inexistent
	         *
	         * @param entryName
	         * @return ZipEntry
	         */
	        getEntry: function (/*String*/ entryName) {
	            if (!loadedEntries) {
	                readEntries();
	            }
	            return entryTable[entryName] || null;
	        },

	        /**
	         * Adds the given entry to the entry list
	         *
	         * @param entry
	         */
	        setEntry: function (/*ZipEntry*/ entry) {
	            if (!loadedEntries) {
	                readEntries();
	            }
	            entryList.push(entry);
	            entryTable[entry.entryName] = entry;
	            mainHeader.totalEntries = entryList.length;
	        },

	        /**
	         * Removes the file with the given name from the entry list.
	         *
	         * If the entry is a directory, then all nested files and directories will be removed
	         * @param entryName
	         * @returns {void}
	         */
	        deleteFile: function (/*String*/ entryName, withsubfolders = true) {
	            if (!loadedEntries) {
	                readEntries();
	            }
	            const entry = entryTable[entryName];
	            const list = this.getEntryChildren(entry, withsubfolders).map((child) => child.entryName);

	            list.forEach(this.deleteEntry);
	        },

	        /**
	         * Removes the entry with the given name from the entry list.
	         *
	         * @param {string} entryName
	         * @returns {void}
	         */
	        deleteEntry: function (/*String*/ entryName) {
	            if (!loadedEntries) {
	                readEntries();
	            }
	            const entry = entryTable[entryName];
	            const index = entryList.indexOf(entry);
	            if (index >= 0) {
	                entryList.splice(index, 1);
	                delete entryTable[entryName];
	                mainHeader.totalEntries = entryList.length;
	            }
	        },

	        /**
	         *  Iterates and returns all nested files and directories of the given entry
	         *
	         * @param entry
	         * @return Array
	         */
	        getEntryChildren: function (/*ZipEntry*/ entry, subfolders = true) {
	            if (!loadedEntries) {
	                readEntries();
	            }
	            if (typeof entry === "object") {
	                if (entry.isDirectory && subfolders) {
	                    const list = [];
	                    const name = entry.entryName;

	                    for (const zipEntry of entryList) {
	                        if (zipEntry.entryName.startsWith(name)) {
	                            list.push(zipEntry);
	                        }
	                    }
	                    return list;
	                } else {
	                    return [entry];
	                }
	            }
	            return [];
	        },

	        /**
	         *  How many child elements entry has
	         *
	         * @param {ZipEntry} entry
	         * @return {integer}
	         */
	        getChildCount: function (entry) {
	            if (entry && entry.isDirectory) {
	                const list = this.getEntryChildren(entry);
	                return list.includes(entry) ? list.length - 1 : list.length;
	            }
	            return 0;
	        },

	        /**
	         * Returns the zip file
	         *
	         * @return Buffer
	         */
	        compressToBuffer: function () {
	            if (!loadedEntries) {
	                readEntries();
	            }
	            sortEntries();

	            const dataBlock = [];
	            const headerBlocks = [];
	            let totalSize = 0;
	            let dindex = 0;

	            mainHeader.size = 0;
	            mainHeader.offset = 0;
	            let totalEntries = 0;

	            for (const entry of this.entries) {
	                // compress data and set local and entry header accordingly. Reason why is called first
	                const compressedData = entry.getCompressedData();
	                entry.header.offset = dindex;

	                // 1. construct local header
	                const localHeader = entry.packLocalHeader();

	                // 2. offsets
	                const dataLength = localHeader.length + compressedData.length;
	                dindex += dataLength;

	                // 3. store values in sequence
	                dataBlock.push(localHeader);
	                dataBlock.push(compressedData);

	                // 4. construct central header
	                const centralHeader = entry.packCentralHeader();
	                headerBlocks.push(centralHeader);
	                // 5. update main header
	                mainHeader.size += centralHeader.length;
	                totalSize += dataLength + centralHeader.length;
	                totalEntries++;
	            }

	            totalSize += mainHeader.mainHeaderSize; // also includes zip file comment length
	            // point to end of data and beginning of central directory first record
	            mainHeader.offset = dindex;
	            mainHeader.totalEntries = totalEntries;

	            dindex = 0;
	            const outBuffer = Buffer.alloc(totalSize);
	            // write data blocks
	            for (const content of dataBlock) {
	                content.copy(outBuffer, dindex);
	                dindex += content.length;
	            }

	            // write central directory entries
	            for (const content of headerBlocks) {
	                content.copy(outBuffer, dindex);
	                dindex += content.length;
	            }

	            // write main header
	            const mh = mainHeader.toBinary();
	            if (_comment) {
	                _comment.copy(mh, mh.length - _comment.length); // add zip file comment
	            }
	            mh.copy(outBuffer, dindex);

	            // Since we update entry and main header offsets,
	            // they are no longer valid and we have to reset content
	            // (Issue 64)

	            inBuffer = outBuffer;
	            loadedEntries = false;

	            return outBuffer;
	        },

	        toAsyncBuffer: function (/*Function*/ onSuccess, /*Function*/ onFail, /*Function*/ onItemStart, /*Function*/ onItemEnd) {
	            try {
	                if (!loadedEntries) {
	                    readEntries();
	                }
	                sortEntries();

	                const dataBlock = [];
	                const centralHeaders = [];
	                let totalSize = 0;
	                let dindex = 0;
	                let totalEntries = 0;

	                mainHeader.size = 0;
	                mainHeader.offset = 0;

	                const compress2Buffer = function (entryLists) {
	                    if (entryLists.length > 0) {
	                        const entry = entryLists.shift();
	                        const name = entry.entryName + entry.extra.toString();
	                        if (onItemStart) onItemStart(name);
	                        entry.getCompressedDataAsync(function (compressedData) {
	                            if (onItemEnd) onItemEnd(name);
	                            entry.header.offset = dindex;

	                            // 1. construct local header
	                            const localHeader = entry.packLocalHeader();

	                            // 2. offsets
	                            const dataLength = localHeader.length + compressedData.length;
	                            dindex += dataLength;

	                            // 3. store values in sequence
	                            dataBlock.push(localHeader);
	                            dataBlock.push(compressedData);

	                            // central header
	                            const centalHeader = entry.packCentralHeader();
	                            centralHeaders.push(centalHeader);
	                            mainHeader.size += centalHeader.length;
	                            totalSize += dataLength + centalHeader.length;
	                            totalEntries++;

	                            compress2Buffer(entryLists);
	                        });
	                    } else {
	                        totalSize += mainHeader.mainHeaderSize; // also includes zip file comment length
	                        // point to end of data and beginning of central directory first record
	                        mainHeader.offset = dindex;
	                        mainHeader.totalEntries = totalEntries;

	                        dindex = 0;
	                        const outBuffer = Buffer.alloc(totalSize);
	                        dataBlock.forEach(function (content) {
	                            content.copy(outBuffer, dindex); // write data blocks
	                            dindex += content.length;
	                        });
	                        centralHeaders.forEach(function (content) {
	                            content.copy(outBuffer, dindex); // write central directory entries
	                            dindex += content.length;
	                        });

	                        const mh = mainHeader.toBinary();
	                        if (_comment) {
	                            _comment.copy(mh, mh.length - _comment.length); // add zip file comment
	                        }

	                        mh.copy(outBuffer, dindex); // write main header

	                        // Since we update entry and main header offsets, they are no
	                        // longer valid and we have to reset content using our new buffer
	                        // (Issue 64)

	                        inBuffer = outBuffer;
	                        loadedEntries = false;

	                        onSuccess(outBuffer);
	                    }
	                };

	                compress2Buffer(Array.from(this.entries));
	            } catch (e) {
	                onFail(e);
	            }
	        }
	    };
	};
	return zipFile;
}

var admZip;
var hasRequiredAdmZip;

function requireAdmZip () {
	if (hasRequiredAdmZip) return admZip;
	hasRequiredAdmZip = 1;
	const Utils = requireUtil();
	const pth = path$1;
	const ZipEntry = requireZipEntry();
	const ZipFile = requireZipFile();

	const get_Bool = (...val) => Utils.findLast(val, (c) => typeof c === "boolean");
	const get_Str = (...val) => Utils.findLast(val, (c) => typeof c === "string");
	const get_Fun = (...val) => Utils.findLast(val, (c) => typeof c === "function");

	const defaultOptions = {
	    // option "noSort" : if true it disables files sorting
	    noSort: false,
	    // read entries during load (initial loading may be slower)
	    readEntries: false,
	    // default method is none
	    method: Utils.Constants.NONE,
	    // file system
	    fs: null
	};

	admZip = function (/**String*/ input, /** object */ options) {
	    let inBuffer = null;

	    // create object based default options, allowing them to be overwritten
	    const opts = Object.assign(Object.create(null), defaultOptions);

	    // test input variable
	    if (input && "object" === typeof input) {
	        // if value is not buffer we accept it to be object with options
	        if (!(input instanceof Uint8Array)) {
	            Object.assign(opts, input);
	            input = opts.input ? opts.input : undefined;
	            if (opts.input) delete opts.input;
	        }

	        // if input is buffer
	        if (Buffer.isBuffer(input)) {
	            inBuffer = input;
	            opts.method = Utils.Constants.BUFFER;
	            input = undefined;
	        }
	    }

	    // assign options
	    Object.assign(opts, options);

	    // instanciate utils filesystem
	    const filetools = new Utils(opts);

	    // Restore the archived permissions on extracted directories. This has to run
	    // after a directory's contents are written: applying a restrictive mode
	    // (e.g. 0o500) up front would stop us writing the files it contains. Applying
	    // the deepest paths first keeps parent directories traversable while their
	    // children are updated (issue #530).
	    const applyDirAttributes = (dirEntries) => {
	        dirEntries
	            .filter((d) => d.attr)
	            .sort((a, b) => b.path.length - a.path.length)
	            .forEach((d) => filetools.fs.chmodSync(d.path, d.attr));
	    };

	    if (typeof opts.decoder !== "object" || typeof opts.decoder.encode !== "function" || typeof opts.decoder.decode !== "function") {
	        opts.decoder = Utils.decoder;
	    }

	    // if input is file name we retrieve its content
	    if (input && "string" === typeof input) {
	        // load zip file
	        if (filetools.fs.existsSync(input)) {
	            opts.method = Utils.Constants.FILE;
	            opts.filename = input;
	            inBuffer = filetools.fs.readFileSync(input);
	        } else {
	            throw Utils.Errors.INVALID_FILENAME();
	        }
	    }

	    // create variable
	    const _zip = new ZipFile(inBuffer, opts);

	    const { canonical, sanitize, zipnamefix } = Utils;

	    function getEntry(/**Object*/ entry) {
	        if (entry && _zip) {
	            var item;
	            // If entry was given as a file name
	            if (typeof entry === "string") item = _zip.getEntry(pth.posix.normalize(entry));
	            // if entry was given as a ZipEntry object
	            if (typeof entry === "object" && typeof entry.entryName !== "undefined" && typeof entry.header !== "undefined") item = _zip.getEntry(entry.entryName);

	            if (item) {
	                return item;
	            }
	        }
	        return null;
	    }

	    function fixPath(zipPath) {
	        const { join, normalize, sep } = pth.posix;
	        // convert windows file separators and normalize
	        return join(pth.isAbsolute(zipPath) ? "/": '.',  normalize(sep + zipPath.split("\\").join(sep) + sep));
	    }

	    function filenameFilter(filterfn) {
	        if (filterfn instanceof RegExp) {
	            // if filter is RegExp wrap it
	            return (function (rx) {
	                return function (filename) {
	                    return rx.test(filename);
	                };
	            })(filterfn);
	        } else if ("function" !== typeof filterfn) {
	            // if filter is not function we will replace it
	            return () => true;
	        }
	        return filterfn;
	    }

	    // keep last character on folders
	    const relativePath = (local, entry) => {
	        let lastChar = entry.slice(-1);
	        lastChar = lastChar === filetools.sep ? filetools.sep : "";
	        return pth.relative(local, entry) + lastChar;
	    };

	    return {
	        /**
	         * Extracts the given entry from the archive and returns the content as a Buffer object
	         * @param {ZipEntry|string} entry ZipEntry object or String with the full path of the entry
	         * @param {Buffer|string} [pass] - password
	         * @return Buffer or Null in case of error
	         */
	        readFile: function (entry, pass) {
	            var item = getEntry(entry);
	            return (item && item.getData(pass)) || null;
	        },

	        /**
	         * Returns how many child elements has on entry (directories) on files it is always 0
	         * @param {ZipEntry|string} entry ZipEntry object or String with the full path of the entry
	         * @returns {integer}
	         */
	        childCount: function (entry) {
	            const item = getEntry(entry);
	            if (item) {
	                return _zip.getChildCount(item);
	            }
	        },

	        /**
	         * Asynchronous readFile
	         * @param {ZipEntry|string} entry ZipEntry object or String with the full path of the entry
	         * @param {callback} callback
	         *
	         * @return Buffer or Null in case of error
	         */
	        readFileAsync: function (entry, callback) {
	            var item = getEntry(entry);
	            if (item) {
	                item.getDataAsync(callback);
	            } else {
	                callback(null, "getEntry failed for:" + entry);
	            }
	        },

	        /**
	         * Extracts the given entry from the archive and returns the content as plain text in the given encoding
	         * @param {ZipEntry|string} entry - ZipEntry object or String with the full path of the entry
	         * @param {string} encoding - Optional. If no encoding is specified utf8 is used
	         *
	         * @return String
	         */
	        readAsText: function (entry, encoding) {
	            var item = getEntry(entry);
	            if (item) {
	                var data = item.getData();
	                if (data && data.length) {
	                    return data.toString(encoding || "utf8");
	                }
	            }
	            return "";
	        },

	        /**
	         * Asynchronous readAsText
	         * @param {ZipEntry|string} entry ZipEntry object or String with the full path of the entry
	         * @param {callback} callback
	         * @param {string} [encoding] - Optional. If no encoding is specified utf8 is used
	         *
	         * @return String
	         */
	        readAsTextAsync: function (entry, callback, encoding) {
	            var item = getEntry(entry);
	            if (item) {
	                item.getDataAsync(function (data, err) {
	                    if (err) {
	                        callback(data, err);
	                        return;
	                    }

	                    if (data && data.length) {
	                        callback(data.toString(encoding || "utf8"));
	                    } else {
	                        callback("");
	                    }
	                });
	            } else {
	                callback("");
	            }
	        },

	        /**
	         * Remove the entry from the file or the entry and all it's nested directories and files if the given entry is a directory
	         *
	         * @param {ZipEntry|string} entry
	         * @param {boolean} withsubfolders
	         * @returns {void}
	         */
	        deleteFile: function (entry, withsubfolders = true) {
	            // @TODO: test deleteFile
	            var item = getEntry(entry);
	            if (item) {
	                _zip.deleteFile(item.entryName, withsubfolders);
	            }
	        },

	        /**
	         * Remove the entry from the file or directory without affecting any nested entries
	         *
	         * @param {ZipEntry|string} entry
	         * @returns {void}
	         */
	        deleteEntry: function (entry) {
	            // @TODO: test deleteEntry
	            var item = getEntry(entry);
	            if (item) {
	                _zip.deleteEntry(item.entryName);
	            }
	        },

	        /**
	         * Adds a comment to the zip. The zip must be rewritten after adding the comment.
	         *
	         * @param {string} comment
	         */
	        addZipComment: function (comment) {
	            // @TODO: test addZipComment
	            _zip.comment = comment;
	        },

	        /**
	         * Returns the zip comment
	         *
	         * @return String
	         */
	        getZipComment: function () {
	            return _zip.comment || "";
	        },

	        /**
	         * Adds a comment to a specified zipEntry. The zip must be rewritten after adding the comment
	         * The comment cannot exceed 65535 characters in length
	         *
	         * @param {ZipEntry} entry
	         * @param {string} comment
	         */
	        addZipEntryComment: function (entry, comment) {
	            var item = getEntry(entry);
	            if (item) {
	                item.comment = comment;
	            }
	        },

	        /**
	         * Returns the comment of the specified entry
	         *
	         * @param {ZipEntry} entry
	         * @return String
	         */
	        getZipEntryComment: function (entry) {
	            var item = getEntry(entry);
	            if (item) {
	                return item.comment || "";
	            }
	            return "";
	        },

	        /**
	         * Updates the content of an existing entry inside the archive. The zip must be rewritten after updating the content
	         *
	         * @param {ZipEntry} entry
	         * @param {Buffer} content
	         */
	        updateFile: function (entry, content) {
	            var item = getEntry(entry);
	            if (item) {
	                item.setData(content);
	            }
	        },

	        /**
	         * Adds a file from the disk to the archive
	         *
	         * @param {string} localPath File to add to zip
	         * @param {string} [zipPath] Optional path inside the zip
	         * @param {string} [zipName] Optional name for the file
	         * @param {string} [comment] Optional file comment
	         */
	        addLocalFile: function (localPath, zipPath, zipName, comment) {
	            if (filetools.fs.existsSync(localPath)) {
	                // fix ZipPath
	                zipPath = zipPath ? fixPath(zipPath) : "";

	                // p - local file name
	                const p = pth.win32.basename(pth.win32.normalize(localPath));

	                // add file name into zippath
	                zipPath += zipName ? zipName : p;

	                // read file attributes
	                const _attr = filetools.fs.statSync(localPath);

	                // get file content
	                const data = _attr.isFile() ? filetools.fs.readFileSync(localPath) : Buffer.alloc(0);

	                // if folder
	                if (_attr.isDirectory()) zipPath += filetools.sep;

	                // add file into zip file
	                this.addFile(zipPath, data, comment, _attr);
	            } else {
	                throw Utils.Errors.FILE_NOT_FOUND(localPath);
	            }
	        },

	        /**
	         * Callback for showing if everything was done.
	         *
	         * @callback doneCallback
	         * @param {Error} err - Error object
	         * @param {boolean} done - was request fully completed
	         */

	        /**
	         * Adds a file from the disk to the archive
	         *
	         * @param {(object|string)} options - options object, if it is string it us used as localPath.
	         * @param {string} options.localPath - Local path to the file.
	         * @param {string} [options.comment] - Optional file comment.
	         * @param {string} [options.zipPath] - Optional path inside the zip
	         * @param {string} [options.zipName] - Optional name for the file
	         * @param {doneCallback} callback - The callback that handles the response.
	         */
	        addLocalFileAsync: function (options, callback) {
	            options = typeof options === "object" ? options : { localPath: options };
	            const localPath = pth.resolve(options.localPath);
	            const { comment } = options;
	            let { zipPath, zipName } = options;
	            const self = this;

	            filetools.fs.stat(localPath, function (err, stats) {
	                if (err) return callback(err, false);
	                // fix ZipPath
	                zipPath = zipPath ? fixPath(zipPath) : "";
	                // p - local file name
	                const p = pth.win32.basename(pth.win32.normalize(localPath));
	                // add file name into zippath
	                zipPath += zipName ? zipName : p;

	                if (stats.isFile()) {
	                    filetools.fs.readFile(localPath, function (err, data) {
	                        if (err) return callback(err, false);
	                        self.addFile(zipPath, data, comment, stats);
	                        return setImmediate(callback, undefined, true);
	                    });
	                } else if (stats.isDirectory()) {
	                    zipPath += filetools.sep;
	                    self.addFile(zipPath, Buffer.alloc(0), comment, stats);
	                    return setImmediate(callback, undefined, true);
	                }
	            });
	        },

	        /**
	         * Adds a local directory and all its nested files and directories to the archive
	         *
	         * @param {string} localPath - local path to the folder
	         * @param {string} [zipPath] - optional path inside zip
	         * @param {(RegExp|function)} [filter] - optional RegExp or Function if files match will be included.
	         */
	        addLocalFolder: function (localPath, zipPath, filter) {
	            // Prepare filter
	            filter = filenameFilter(filter);

	            // fix ZipPath
	            zipPath = zipPath ? fixPath(zipPath) : "";

	            // normalize the path first
	            localPath = pth.normalize(localPath);

	            if (filetools.fs.existsSync(localPath)) {
	                const items = filetools.findFiles(localPath);
	                const self = this;

	                if (items.length) {
	                    for (const filepath of items) {
	                        const p = pth.join(zipPath, relativePath(localPath, filepath));
	                        if (filter(p)) {
	                            self.addLocalFile(filepath, pth.dirname(p));
	                        }
	                    }
	                }
	            } else {
	                throw Utils.Errors.FILE_NOT_FOUND(localPath);
	            }
	        },

	        /**
	         * Asynchronous addLocalFolder
	         * @param {string} localPath
	         * @param {callback} callback
	         * @param {string} [zipPath] optional path inside zip
	         * @param {RegExp|function} [filter] optional RegExp or Function if files match will
	         *               be included.
	         */
	        addLocalFolderAsync: function (localPath, callback, zipPath, filter) {
	            // Prepare filter
	            filter = filenameFilter(filter);

	            // fix ZipPath
	            zipPath = zipPath ? fixPath(zipPath) : "";

	            // normalize the path first
	            localPath = pth.normalize(localPath);

	            var self = this;
	            filetools.fs.open(localPath, "r", function (err) {
	                if (err && err.code === "ENOENT") {
	                    callback(undefined, Utils.Errors.FILE_NOT_FOUND(localPath));
	                } else if (err) {
	                    callback(undefined, err);
	                } else {
	                    var items = filetools.findFiles(localPath);
	                    var i = -1;

	                    var next = function () {
	                        i += 1;
	                        if (i < items.length) {
	                            var filepath = items[i];
	                            var p = relativePath(localPath, filepath).split("\\").join("/"); //windows fix
	                            p = p
	                                .normalize("NFD")
	                                .replace(/[\u0300-\u036f]/g, "")
	                                .replace(/[^\x20-\x7E]/g, ""); // accent fix
	                            if (filter(p)) {
	                                filetools.fs.stat(filepath, function (er0, stats) {
	                                    if (er0) callback(undefined, er0);
	                                    if (stats.isFile()) {
	                                        filetools.fs.readFile(filepath, function (er1, data) {
	                                            if (er1) {
	                                                callback(undefined, er1);
	                                            } else {
	                                                self.addFile(zipPath + p, data, "", stats);
	                                                next();
	                                            }
	                                        });
	                                    } else {
	                                        self.addFile(zipPath + p + "/", Buffer.alloc(0), "", stats);
	                                        next();
	                                    }
	                                });
	                            } else {
	                                process.nextTick(() => {
	                                    next();
	                                });
	                            }
	                        } else {
	                            callback(true, undefined);
	                        }
	                    };

	                    next();
	                }
	            });
	        },

	        /**
	         * Adds a local directory and all its nested files and directories to the archive
	         *
	         * @param {object | string} options - options object, if it is string it us used as localPath.
	         * @param {string} options.localPath - Local path to the folder.
	         * @param {string} [options.zipPath] - optional path inside zip.
	         * @param {RegExp|function} [options.filter] - optional RegExp or Function if files match will be included.
	         * @param {function|string} [options.namefix] - optional function to help fix filename
	         * @param {doneCallback} callback - The callback that handles the response.
	         *
	         */
	        addLocalFolderAsync2: function (options, callback) {
	            const self = this;
	            options = typeof options === "object" ? options : { localPath: options };
	            // Resolve the local filesystem path with the platform resolver. Do NOT
	            // run it through fixPath: that normalizes ZIP-internal paths to POSIX
	            // and prepends "/", which turns a Windows path like C:\dir into
	            // \C:\dir, so readdir finds nothing and the archive comes out empty.
	            const localPath = pth.resolve(options.localPath);
	            let { zipPath, filter, namefix } = options;

	            if (filter instanceof RegExp) {
	                filter = (function (rx) {
	                    return function (filename) {
	                        return rx.test(filename);
	                    };
	                })(filter);
	            } else if ("function" !== typeof filter) {
	                filter = function () {
	                    return true;
	                };
	            }

	            // fix ZipPath
	            zipPath = zipPath ? fixPath(zipPath) : "";

	            // Check Namefix function
	            if (namefix === "latin1") {
	                namefix = (str) =>
	                    str
	                        .normalize("NFD")
	                        .replace(/[\u0300-\u036f]/g, "")
	                        .replace(/[^\x20-\x7E]/g, ""); // accent fix (latin1 characers only)
	            }

	            if (typeof namefix !== "function") namefix = (str) => str;

	            // internal, create relative path + fix the name
	            const relPathFix = (entry) => pth.join(zipPath, namefix(relativePath(localPath, entry)));
	            const fileNameFix = (entry) => pth.win32.basename(pth.win32.normalize(namefix(entry)));

	            filetools.fs.open(localPath, "r", function (err) {
	                if (err && err.code === "ENOENT") {
	                    // callback is (err, done); errors belong in the first argument,
	                    // otherwise addLocalFolderPromise treats the error as "done" and
	                    // resolves instead of rejecting.
	                    callback(Utils.Errors.FILE_NOT_FOUND(localPath), false);
	                } else if (err) {
	                    callback(err, false);
	                } else {
	                    filetools.findFilesAsync(localPath, function (err, fileEntries) {
	                        if (err) return callback(err, false);
	                        fileEntries = fileEntries.filter((dir) => filter(relPathFix(dir)));
	                        // Nothing to add (empty folder or everything filtered out) is a
	                        // success, not an error. Report done and stop, otherwise the
	                        // reduce below runs and the callback fires a second time -- and
	                        // signalling done=false left addLocalFolderPromise hanging.
	                        if (!fileEntries.length) return callback(undefined, true);

	                        setImmediate(
	                            fileEntries.reverse().reduce(function (next, entry) {
	                                return function (err, done) {
	                                    if (err || done === false) return setImmediate(next, err, false);

	                                    self.addLocalFileAsync(
	                                        {
	                                            localPath: entry,
	                                            zipPath: pth.dirname(relPathFix(entry)),
	                                            zipName: fileNameFix(entry)
	                                        },
	                                        next
	                                    );
	                                };
	                            }, callback)
	                        );
	                    });
	                }
	            });
	        },

	        /**
	         * Adds a local directory and all its nested files and directories to the archive
	         *
	         * @param {string} localPath - path where files will be extracted
	         * @param {object} props - optional properties
	         * @param {string} [props.zipPath] - optional path inside zip
	         * @param {RegExp|function} [props.filter] - optional RegExp or Function if files match will be included.
	         * @param {function|string} [props.namefix] - optional function to help fix filename
	         */
	        addLocalFolderPromise: function (localPath, props) {
	            return new Promise((resolve, reject) => {
	                this.addLocalFolderAsync2(Object.assign({ localPath }, props), (err, done) => {
	                    if (err) return reject(err);
	                    if (done) resolve(this);
	                });
	            });
	        },

	        /**
	         * Allows you to create a entry (file or directory) in the zip file.
	         * If you want to create a directory the entryName must end in / and a null buffer should be provided.
	         * Comment and attributes are optional
	         *
	         * @param {string} entryName
	         * @param {Buffer | string} content - file content as buffer or utf8 coded string
	         * @param {string} [comment] - file comment
	         * @param {number | object} [attr] - number as unix file permissions, object as filesystem Stats object
	         */
	        addFile: function (entryName, content, comment, attr) {
	            entryName = zipnamefix(entryName);
	            let entry = getEntry(entryName);
	            const update = entry != null;

	            // prepare new entry
	            if (!update) {
	                entry = new ZipEntry(opts);
	                entry.entryName = entryName;
	            }
	            entry.comment = comment || "";

	            const isStat = "object" === typeof attr && attr instanceof filetools.fs.Stats;

	            // last modification time from file stats
	            if (isStat) {
	                entry.header.time = attr.mtime;
	            }

	            // Set file attribute
	            var fileattr = entry.isDirectory ? 0x10 : 0; // (MS-DOS directory flag)

	            // extended attributes field for Unix
	            // set file type either S_IFDIR / S_IFREG
	            let unix = entry.isDirectory ? 0x4000 : 0x8000;

	            if (isStat) {
	                // File attributes from file stats
	                unix |= 0xfff & attr.mode;
	            } else if ("number" === typeof attr) {
	                // attr from given attr values
	                unix |= 0xfff & attr;
	            } else {
	                // Default values:
	                unix |= entry.isDirectory ? 0o755 : 0o644; // permissions (drwxr-xr-x) or (-r-wr--r--)
	            }

	            fileattr = (fileattr | (unix << 16)) >>> 0; // add attributes

	            entry.attr = fileattr;

	            entry.setData(content);
	            if (!update) _zip.setEntry(entry);

	            return entry;
	        },

	        /**
	         * Returns an array of ZipEntry objects representing the files and folders inside the archive
	         *
	         * @param {string} [password]
	         * @returns Array
	         */
	        getEntries: function (password) {
	            _zip.password = password;
	            return _zip ? _zip.entries : [];
	        },

	        /**
	         * Returns a ZipEntry object representing the file or folder specified by ``name``.
	         *
	         * @param {string} name
	         * @return ZipEntry
	         */
	        getEntry: function (/**String*/ name) {
	            return getEntry(name);
	        },

	        getEntryCount: function () {
	            return _zip.getEntryCount();
	        },

	        forEach: function (callback) {
	            return _zip.forEach(callback);
	        },

	        /**
	         * Extracts the given entry to the given targetPath
	         * If the entry is a directory inside the archive, the entire directory and it's subdirectories will be extracted
	         *
	         * @param {string|ZipEntry} entry - ZipEntry object or String with the full path of the entry
	         * @param {string} targetPath - Target folder where to write the file
	         * @param {boolean} [maintainEntryPath=true] - If maintainEntryPath is true and the entry is inside a folder, the entry folder will be created in targetPath as well. Default is TRUE
	         * @param {boolean} [overwrite=false] - If the file already exists at the target path, the file will be overwriten if this is true.
	         * @param {boolean} [keepOriginalPermission=false] - The file will be set as the permission from the entry if this is true.
	         * @param {string} [outFileName] - String If set will override the filename of the extracted file (Only works if the entry is a file)
	         *
	         * @return Boolean
	         */
	        extractEntryTo: function (entry, targetPath, maintainEntryPath, overwrite, keepOriginalPermission, outFileName) {
	            overwrite = get_Bool(false, overwrite);
	            keepOriginalPermission = get_Bool(false, keepOriginalPermission);
	            maintainEntryPath = get_Bool(true, maintainEntryPath);
	            outFileName = get_Str(keepOriginalPermission, outFileName);

	            var item = getEntry(entry);
	            if (!item) {
	                throw Utils.Errors.NO_ENTRY();
	            }

	            var entryName = canonical(item.entryName);

	            var target = sanitize(targetPath, outFileName && !item.isDirectory ? canonical(outFileName) : maintainEntryPath ? entryName : pth.basename(entryName));

	            if (item.isDirectory) {
	                var children = _zip.getEntryChildren(item);
	                children.forEach(function (child) {
	                    if (child.isDirectory) return;
	                    var content = child.getData();
	                    if (!content) {
	                        throw Utils.Errors.CANT_EXTRACT_FILE();
	                    }
	                    // When not maintaining the full entry path, keep each child's path
	                    // relative to the extracted directory (drop the directory's own
	                    // prefix) instead of flattening every file to its basename, which
	                    // collapsed subdirectories together (issue #306).
	                    var name = canonical(maintainEntryPath ? child.entryName : child.entryName.substring(item.entryName.length));
	                    var childName = sanitize(targetPath, name);
	                    // reject writing through a pre-existing symlink inside the target
	                    filetools.assertPathSafe(targetPath, childName);
	                    // The reverse operation for attr depend on method addFile()
	                    const fileAttr = keepOriginalPermission ? child.header.fileAttr : undefined;
	                    filetools.writeFileTo(childName, content, overwrite, fileAttr);
	                });
	                return true;
	            }

	            var content = item.getData(_zip.password);
	            if (!content) throw Utils.Errors.CANT_EXTRACT_FILE();

	            // reject writing through a pre-existing symlink inside the target
	            filetools.assertPathSafe(targetPath, target);

	            if (filetools.fs.existsSync(target) && !overwrite) {
	                throw Utils.Errors.CANT_OVERRIDE();
	            }
	            // The reverse operation for attr depend on method addFile()
	            const fileAttr = keepOriginalPermission ? entry.header.fileAttr : undefined;
	            filetools.writeFileTo(target, content, overwrite, fileAttr);

	            return true;
	        },

	        /**
	         * Test the archive
	         * @param {string} [pass]
	         */
	        test: function (pass) {
	            if (!_zip) {
	                return false;
	            }

	            for (var entry of _zip.entries) {
	                try {
	                    if (entry.isDirectory) {
	                        continue;
	                    }
	                    // was `_zip.entries[entry]` (indexing the array with an entry
	                    // object -> undefined -> threw -> test() always returned false)
	                    var content = entry.getData(pass);
	                    if (!content) {
	                        return false;
	                    }
	                } catch (err) {
	                    return false;
	                }
	            }
	            return true;
	        },

	        /**
	         * Extracts the entire archive to the given location
	         *
	         * @param {string} targetPath Target location
	         * @param {boolean} [overwrite=false] If the file already exists at the target path, the file will be overwriten if this is true.
	         *                  Default is FALSE
	         * @param {boolean} [keepOriginalPermission=false] The file will be set as the permission from the entry if this is true.
	         *                  Default is FALSE
	         * @param {string|Buffer} [pass] password
	         */
	        extractAllTo: function (targetPath, overwrite, keepOriginalPermission, pass) {
	            keepOriginalPermission = get_Bool(false, keepOriginalPermission);
	            pass = get_Str(keepOriginalPermission, pass);
	            overwrite = get_Bool(false, overwrite);
	            if (!_zip) throw Utils.Errors.NO_ZIP();

	            const dirEntries = [];
	            _zip.entries.forEach(function (entry) {
	                var entryName = sanitize(targetPath, canonical(entry.entryName));
	                // reject writing through a pre-existing symlink inside the target
	                filetools.assertPathSafe(targetPath, entryName);
	                if (entry.isDirectory) {
	                    filetools.makeDir(entryName);
	                    // defer restoring the directory permission until its files are written
	                    if (keepOriginalPermission) dirEntries.push({ path: entryName, attr: entry.header.fileAttr });
	                    return;
	                }
	                var content = entry.getData(pass);
	                if (!content) {
	                    throw Utils.Errors.CANT_EXTRACT_FILE();
	                }
	                // The reverse operation for attr depend on method addFile()
	                const fileAttr = keepOriginalPermission ? entry.header.fileAttr : undefined;
	                filetools.writeFileTo(entryName, content, overwrite, fileAttr);
	                try {
	                    // best-effort: an invalid date in the archive or a filesystem that
	                    // rejects utimes must not fail extraction of already-written content (issue #379)
	                    filetools.fs.utimesSync(entryName, entry.header.time, entry.header.time);
	                } catch (err) {
	                    /* ignore timestamp failures */
	                }
	            });

	            applyDirAttributes(dirEntries);
	        },

	        /**
	         * Asynchronous extractAllTo
	         *
	         * @param {string} targetPath Target location
	         * @param {boolean} [overwrite=false] If the file already exists at the target path, the file will be overwriten if this is true.
	         *                  Default is FALSE
	         * @param {boolean} [keepOriginalPermission=false] The file will be set as the permission from the entry if this is true.
	         *                  Default is FALSE
	         * @param {function} callback The callback will be executed when all entries are extracted successfully or any error is thrown.
	         */
	        extractAllToAsync: function (targetPath, overwrite, keepOriginalPermission, callback) {
	            callback = get_Fun(overwrite, keepOriginalPermission, callback);
	            keepOriginalPermission = get_Bool(false, keepOriginalPermission);
	            overwrite = get_Bool(false, overwrite);
	            if (!callback) {
	                return new Promise((resolve, reject) => {
	                    this.extractAllToAsync(targetPath, overwrite, keepOriginalPermission, function (err) {
	                        if (err) {
	                            reject(err);
	                        } else {
	                            resolve(this);
	                        }
	                    });
	                });
	            }
	            if (!_zip) {
	                callback(Utils.Errors.NO_ZIP());
	                return;
	            }

	            targetPath = pth.resolve(targetPath);
	            // convert entryName to
	            const getPath = (entry) => sanitize(targetPath, pth.normalize(canonical(entry.entryName)));
	            const getError = (msg, file) => new Error(msg + ': "' + file + '"');

	            // separate directories from files
	            const dirEntries = [];
	            const fileEntries = [];
	            _zip.entries.forEach((e) => {
	                if (e.isDirectory) {
	                    dirEntries.push(e);
	                } else {
	                    fileEntries.push(e);
	                }
	            });

	            // Create directory entries first synchronously
	            // this prevents race condition and assures folders are there before writing files
	            const deferredDirAttr = [];
	            for (const entry of dirEntries) {
	                const dirPath = getPath(entry);
	                // The reverse operation for attr depend on method addFile()
	                const dirAttr = keepOriginalPermission ? entry.header.fileAttr : undefined;
	                try {
	                    // reject writing through a pre-existing symlink inside the target
	                    filetools.assertPathSafe(targetPath, dirPath);
	                    filetools.makeDir(dirPath);
	                } catch (er) {
	                    callback(getError("Unable to create folder", dirPath));
	                    continue;
	                }
	                // defer restoring the directory permission until its files are written:
	                // a restrictive mode applied now would block writing them
	                if (dirAttr) deferredDirAttr.push({ path: dirPath, attr: dirAttr });
	                try {
	                    // in unix timestamp will change if files are later added to folder, but still.
	                    // best-effort: a utimes failure must not abort extraction (issue #379)
	                    filetools.fs.utimesSync(dirPath, entry.header.time, entry.header.time);
	                } catch (er) {
	                    /* ignore timestamp failures */
	                }
	            }

	            // restore directory permissions once every file has been extracted
	            const done = (err) => {
	                if (!err) {
	                    try {
	                        applyDirAttributes(deferredDirAttr);
	                    } catch (er) {
	                        return callback(getError("Unable to set folder permissions", er.path || ""));
	                    }
	                }
	                callback(err);
	            };

	            fileEntries.reverse().reduce(function (next, entry) {
	                return function (err) {
	                    if (err) {
	                        next(err);
	                    } else {
	                        const entryName = pth.normalize(canonical(entry.entryName));
	                        const filePath = sanitize(targetPath, entryName);
	                        try {
	                            // reject writing through a pre-existing symlink inside the target
	                            filetools.assertPathSafe(targetPath, filePath);
	                        } catch (er) {
	                            return next(er);
	                        }
	                        entry.getDataAsync(function (content, err_1) {
	                            if (err_1) {
	                                next(err_1);
	                            } else if (!content) {
	                                next(Utils.Errors.CANT_EXTRACT_FILE());
	                            } else {
	                                // The reverse operation for attr depend on method addFile()
	                                const fileAttr = keepOriginalPermission ? entry.header.fileAttr : undefined;
	                                filetools.writeFileToAsync(filePath, content, overwrite, fileAttr, function (succ) {
	                                    if (!succ) {
	                                        return next(getError("Unable to write file", filePath));
	                                    }
	                                    filetools.fs.utimes(filePath, entry.header.time, entry.header.time, function () {
	                                        // best-effort: a utimes failure must not abort extraction
	                                        // of already-written content (issue #379)
	                                        next();
	                                    });
	                                });
	                            }
	                        });
	                    }
	                };
	            }, done)();
	        },

	        /**
	         * Writes the newly created zip file to disk at the specified location or if a zip was opened and no ``targetFileName`` is provided, it will overwrite the opened zip
	         *
	         * @param {string} targetFileName
	         * @param {function} callback
	         */
	        writeZip: function (targetFileName, callback) {
	            if (arguments.length === 1) {
	                if (typeof targetFileName === "function") {
	                    callback = targetFileName;
	                    targetFileName = "";
	                }
	            }

	            if (!targetFileName && opts.filename) {
	                targetFileName = opts.filename;
	            }
	            if (!targetFileName) return;

	            var zipData = _zip.compressToBuffer();
	            if (zipData) {
	                var ok = filetools.writeFileTo(targetFileName, zipData, true);
	                if (typeof callback === "function") callback(!ok ? new Error("failed") : null, "");
	            }
	        },

	        /**
	         *
	         * @param {string} targetFileName
	         * @param {object} [props]
	         * @param {boolean} [props.overwrite=true] If the file already exists at the target path, the file will be overwriten if this is true.
	         * @param {boolean} [props.perm] The file will be set as the permission from the entry if this is true.

	         * @returns {Promise<void>}
	         */
	        writeZipPromise: function (/**String*/ targetFileName, /* object */ props) {
	            const { overwrite, perm } = Object.assign({ overwrite: true }, props);

	            return new Promise((resolve, reject) => {
	                // find file name
	                if (!targetFileName && opts.filename) targetFileName = opts.filename;
	                if (!targetFileName) reject("ADM-ZIP: ZIP File Name Missing");

	                this.toBufferPromise().then((zipData) => {
	                    const ret = (done) => (done ? resolve(done) : reject("ADM-ZIP: Wasn't able to write zip file"));
	                    filetools.writeFileToAsync(targetFileName, zipData, overwrite, perm, ret);
	                }, reject);
	            });
	        },

	        /**
	         * @returns {Promise<Buffer>} A promise to the Buffer.
	         */
	        toBufferPromise: function () {
	            return new Promise((resolve, reject) => {
	                _zip.toAsyncBuffer(resolve, reject);
	            });
	        },

	        /**
	         * Returns the content of the entire zip file as a Buffer object
	         *
	         * @prop {function} [onSuccess]
	         * @prop {function} [onFail]
	         * @prop {function} [onItemStart]
	         * @prop {function} [onItemEnd]
	         * @returns {Buffer}
	         */
	        toBuffer: function (onSuccess, onFail, onItemStart, onItemEnd) {
	            if (typeof onSuccess === "function") {
	                _zip.toAsyncBuffer(onSuccess, onFail, onItemStart, onItemEnd);
	                return null;
	            }
	            return _zip.compressToBuffer();
	        }
	    };
	};
	return admZip;
}

var admZipExports = requireAdmZip();
var AdmZip = /*@__PURE__*/getDefaultExportFromCjs(admZipExports);

const MiB = 1024 * 1024;
/** Generous for a bundle of manifests and configs (the example is ~40 KB), tight for a bomb. */
const DEFAULT_BUNDLE_LIMITS = Object.freeze({
    maxArchiveBytes: 256 * MiB,
    maxEntries: 1000,
    maxTotalBytes: 256 * MiB,
    maxCompressionRatio: 250,
    ratioMinBytes: 1 * MiB
});

/**
 * Extracts a zip into a fresh temporary directory, refusing anything that could write outside it or
 * exhaust the machine. Every entry is validated from the central directory BEFORE anything is written,
 * so a refused archive leaves nothing behind; sizes are enforced while inflating too, because headers lie.
 */
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
/**
 * Splits an entry name into safe path segments, or says why it is unsafe.
 * Backslashes count as separators: archives made on Windows use them, and so do attacks.
 */
function entryPathSegments(name) {
    if (name.includes('\0'))
        return { problem: 'contains a NUL byte' };
    if (/^[/\\]/.test(name) || /^[A-Za-z]:/.test(name))
        return { problem: 'is an absolute path' };
    const segments = name.split(/[/\\]+/).filter(part => part !== '' && part !== '.');
    if (segments.includes('..'))
        return { problem: 'contains a ".." segment (zip-slip)' };
    if (segments.length === 0)
        return { problem: 'has an empty name' };
    return { segments };
}
function readEntries(zip) {
    try {
        return zip.getEntries();
    }
    catch (error) {
        // adm-zip reads the central directory lazily; it throws here on duplicate names and bad headers.
        throw new version.BundleError(`refusing zip: ${version.describeError(error).replace(/^ADM-ZIP: /, '')}. Nothing was extracted.`, {
            cause: error
        });
    }
}
function plan(zip, limits) {
    const entries = readEntries(zip);
    if (entries.length > limits.maxEntries) {
        throw new version.BundleError(`zip has ${entries.length} entries; the limit is ${limits.maxEntries}. A deployment bundle holds a few dozen files: check that the right archive was given.`);
    }
    const seen = new Set();
    let declaredTotal = 0;
    const planned = [];
    for (const entry of entries) {
        const name = entry.entryName;
        const parsed = entryPathSegments(name);
        if ('problem' in parsed) {
            throw new version.BundleError(`refusing zip entry "${name}": it ${parsed.problem}. Nothing was extracted.`, {
                entry: name
            });
        }
        const fileType = (entry.header.attr >>> 16) & S_IFMT;
        if (fileType === S_IFLNK) {
            throw new version.BundleError(`refusing zip entry "${name}": it is a symbolic link. Bundles must hold regular files only. Nothing was extracted.`, { entry: name });
        }
        if (fileType !== 0 && fileType !== S_IFREG && fileType !== S_IFDIR) {
            throw new version.BundleError(`refusing zip entry "${name}": it is not a regular file or folder.`, {
                entry: name
            });
        }
        if (entry.header.encrypted) {
            throw new version.BundleError(`refusing zip entry "${name}": it is encrypted.`, { entry: name });
        }
        const key = parsed.segments.join('/');
        if (seen.has(key)) {
            throw new version.BundleError(`refusing zip: entry "${name}" appears more than once.`, { entry: name });
        }
        seen.add(key);
        const isDirectory = entry.isDirectory || fileType === S_IFDIR;
        if (!isDirectory) {
            const method = entry.header.method;
            if (method !== METHOD_STORED && method !== METHOD_DEFLATED) {
                throw new version.BundleError(`refusing zip entry "${name}": compression method ${method} is not supported (use deflate).`, {
                    entry: name
                });
            }
            const size = entry.header.size;
            const compressed = Math.max(entry.header.compressedSize, 1);
            declaredTotal += size;
            if (declaredTotal > limits.maxTotalBytes) {
                throw new version.BundleError(`refusing zip: total uncompressed size exceeds ${limits.maxTotalBytes} bytes at entry "${name}" (zip bomb?).`, { entry: name });
            }
            if (size >= limits.ratioMinBytes && size / compressed > limits.maxCompressionRatio) {
                throw new version.BundleError(`refusing zip entry "${name}": compression ratio ${Math.round(size / compressed)}:1 exceeds ${limits.maxCompressionRatio}:1 (zip bomb?).`, { entry: name });
            }
        }
        planned.push({ entry, segments: parsed.segments, isDirectory });
    }
    return planned;
}
/** Inflates one entry, trusting neither its declared size nor its data: size and CRC are checked. */
function inflateEntry(entry, limits, remaining) {
    const name = entry.entryName;
    const declared = entry.header.size;
    if (declared > remaining) {
        throw new version.BundleError(`refusing zip: total uncompressed size exceeds ${limits.maxTotalBytes} bytes.`, {
            entry: name
        });
    }
    const raw = entry.getCompressedData();
    let data;
    if (entry.header.method === METHOD_STORED) {
        data = raw;
    }
    else {
        try {
            // One byte more than declared, so that a lying header is detected instead of trusted.
            data = zlib.inflateRawSync(raw, { maxOutputLength: declared + 1 });
        }
        catch (error) {
            throw new version.BundleError(`zip entry "${name}" is corrupt or larger than its header says (${version.describeError(error)}).`, {
                entry: name,
                cause: error
            });
        }
    }
    if (data.length !== declared) {
        throw new version.BundleError(`zip entry "${name}" holds ${data.length} bytes but its header says ${declared}.`, {
            entry: name
        });
    }
    if (zlib.crc32(data) >>> 0 !== entry.header.crc >>> 0) {
        throw new version.BundleError(`zip entry "${name}" failed its CRC check: the archive is corrupt.`, {
            entry: name
        });
    }
    return data;
}
/**
 * Extracts `zipPath` into a new directory under `parentDir` (default: the OS temp dir).
 * Throws `BundleError` naming the offending entry; on any error the new directory is removed.
 */
function extractZipSafely(zipPath, limits = DEFAULT_BUNDLE_LIMITS, parentDir = os.tmpdir()) {
    const size = fs.statSync(zipPath).size;
    if (size > limits.maxArchiveBytes) {
        throw new version.BundleError(`zip "${zipPath}" is ${size} bytes; the limit is ${limits.maxArchiveBytes}.`);
    }
    let zip;
    try {
        zip = new AdmZip(fs.readFileSync(zipPath));
    }
    catch (error) {
        throw new version.BundleError(`"${zipPath}" is not a readable zip archive (${version.describeError(error)}).`, {
            cause: error,
            hint: 'Pass the deployment-artifacts .zip as produced by CI, or a directory holding its files.'
        });
    }
    const planned = plan(zip, limits);
    const dir = fs.mkdtempSync(path.join(parentDir, 'vapora-bundle-'));
    const files = [];
    try {
        let remaining = limits.maxTotalBytes;
        for (const item of planned) {
            const target = path.join(dir, ...item.segments);
            // Belt and braces: the segments were validated, but the final path must still be inside `dir`.
            if (!target.startsWith(dir + path.sep)) {
                throw new version.BundleError(`refusing zip entry "${item.entry.entryName}": it resolves outside the bundle.`, {
                    entry: item.entry.entryName
                });
            }
            if (item.isDirectory) {
                fs.mkdirSync(target, { recursive: true });
                continue;
            }
            const data = inflateEntry(item.entry, limits, remaining);
            remaining -= data.length;
            fs.mkdirSync(path.join(dir, ...item.segments.slice(0, -1)), { recursive: true });
            // 'wx' never overwrites and never follows an existing link.
            fs.writeFileSync(target, data, { flag: 'wx', mode: 0o644 });
            files.push(item.segments.join('/'));
        }
    }
    catch (error) {
        fs.rmSync(dir, { recursive: true, force: true });
        if (error instanceof version.BundleError)
            throw error;
        throw new version.BundleError(`could not extract "${zipPath}": ${version.describeError(error)}`, { cause: error });
    }
    return { dir, files };
}

/**
 * Turns a user-given path (a .zip or a directory) into a `Bundle`: safe extraction for zips, a bounded
 * walk for directories, and the "files may sit under one top-level folder" rule.
 */
/** Files that archivers and desktops add and nobody means to ship. */
const JUNK = /(^|\/)(__MACOSX\/.*|\.DS_Store|Thumbs\.db|desktop\.ini)$/;
/** Lists regular files under `dir` (relative, `/`-separated), refusing symlinks and enforcing limits. */
function walkDirectory(dir, limits) {
    const files = [];
    let totalBytes = 0;
    const visit = (current) => {
        for (const dirent of fs.readdirSync(current, { withFileTypes: true })) {
            const full = path.join(current, dirent.name);
            const rel = path.relative(dir, full).split(path.sep).join('/');
            const stat = fs.lstatSync(full);
            if (stat.isSymbolicLink()) {
                throw new version.BundleError(`bundle file "${rel}" is a symbolic link; bundles must hold regular files only.`, {
                    entry: rel,
                    hint: 'Replace the link with the file it points to.'
                });
            }
            if (stat.isDirectory()) {
                visit(full);
                continue;
            }
            if (!stat.isFile())
                throw new version.BundleError(`bundle entry "${rel}" is not a regular file.`, { entry: rel });
            files.push(rel);
            totalBytes += stat.size;
            if (files.length > limits.maxEntries) {
                throw new version.BundleError(`bundle directory holds more than ${limits.maxEntries} files; is "${dir}" really the deployment bundle?`);
            }
            if (totalBytes > limits.maxTotalBytes) {
                throw new version.BundleError(`bundle directory holds more than ${limits.maxTotalBytes} bytes.`, {
                    entry: rel
                });
            }
        }
    };
    visit(dir);
    return files;
}
/**
 * Where the bundle's files start: the top level, or the single top-level folder when the archive wraps
 * everything in one (as `zip -r deployment-artifacts.zip deployment-artifacts/` does).
 */
function findRoot(files, expected) {
    const useful = files.filter(f => !JUNK.test(f));
    const topLevelFiles = useful.filter(f => !f.includes('/'));
    const folders = new Set(useful.filter(f => f.includes('/')).map(f => f.split('/')[0]));
    const expectedAtTop = topLevelFiles.some(f => expected.includes(f));
    if (!expectedAtTop && topLevelFiles.length === 0 && folders.size === 1) {
        const [folder] = folders;
        const prefix = `${folder}/`;
        return { prefix, files: useful.map(f => f.slice(prefix.length)).sort() };
    }
    return { prefix: '', files: useful.sort() };
}
/**
 * Opens the bundle at `path`. Zips are extracted into a fresh directory under `workDir`.
 * Throws `BundleError` with an actionable message for anything unreadable or unsafe.
 */
function acquireBundle(path$1, expected, limits, workDir = os.tmpdir()) {
    let isDirectory;
    try {
        isDirectory = fs.statSync(path$1).isDirectory();
    }
    catch (error) {
        throw new version.BundleError(`bundle path "${path$1}" does not exist or cannot be read.`, {
            cause: error,
            hint: 'Pass the deployment-artifacts .zip or the directory it was extracted to.'
        });
    }
    if (isDirectory) {
        const { prefix, files } = findRoot(walkDirectory(path$1, limits), expected);
        const root = prefix ? path.join(path$1, prefix) : path$1;
        return new Bundle({ kind: 'directory', path: path$1, root, files }, root, files);
    }
    const extracted = extractZipSafely(path$1, limits, workDir);
    const { prefix, files } = findRoot(extracted.files, expected);
    const root = prefix ? path.join(extracted.dir, prefix) : extracted.dir;
    if (files.length === 1 && files[0].toLowerCase().endsWith('.zip') && !expected.includes(files[0])) {
        // A zip holding only a zip: what GitHub serves when the build uploaded deployment-artifacts.zip
        // itself as the artifact. Unpack the inner one (once, with the same limits) into the same temp dir.
        const inner = extractZipSafely(path.join(root, files[0]), limits, extracted.dir);
        const nested = findRoot(inner.files, expected);
        const innerRoot = nested.prefix ? path.join(inner.dir, nested.prefix) : inner.dir;
        return new Bundle({ kind: 'zip', path: path$1, root: innerRoot, files: nested.files }, innerRoot, nested.files, extracted.dir);
    }
    return new Bundle({ kind: 'zip', path: path$1, root, files }, root, files, extracted.dir);
}

/** Runs `work` over `items` with at most `limit` in flight, keeping results in input order. */
async function mapLimited(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
/**
 * Lets the event loop turn once (its I/O phase included), so that sockets connect and answers are read
 * between pieces of synchronous work instead of after all of them.
 */
const yieldToEventLoop = () => new Promise(resolve => setImmediate(resolve));

/**
 * Typed check data. A check that leaves data for others (the engine's rollback kit, the baseline, the
 * reports, verify mode) declares its type and a key in its own file; readers use the key, never a check id
 * and a cast of their own.
 */
function dataKey(id) {
    return { id };
}
/** The data the check `key` names left among `results`, typed, or undefined when it left none. */
function readData(results, key) {
    // The one cast of check data: the key's declaration beside the check ties the id to its type.
    return results.find(r => r.id === key.id)?.data;
}

const CHECKLIST = [
    {
        key: 't-24h',
        title: '24 Hours Before Deployment',
        groups: [
            {
                title: 'Communication & Scheduling',
                items: [
                    { key: 'schedule-deployment', text: 'Schedule deployment with team (record in calendar/ticket)' },
                    {
                        key: 'announce-schedule',
                        text: 'Post in #deployments channel: "Deployment scheduled for [DATE TIME UTC]"'
                    },
                    { key: 'identify-on-call', text: 'Identify on-call engineer for deployment period' },
                    { key: 'brief-on-call', text: 'Brief on-call on deployment plan and rollback procedure' },
                    {
                        key: 'notify-affected-teams',
                        text: 'Ensure affected teams (support, product, etc.) are notified'
                    },
                    {
                        key: 'no-conflicting-changes',
                        text: 'Verify no other critical infrastructure changes scheduled same time window'
                    }
                ]
            },
            {
                title: 'Change Documentation',
                items: [
                    {
                        key: 'tracking-issue',
                        text: 'Create GitHub issue or ticket tracking the deployment',
                        checks: ['tracking-issue']
                    },
                    {
                        key: 'document-what-changes',
                        text: "Document: what's changing (configs, manifests, versions)",
                        checks: ['what-changes']
                    },
                    { key: 'document-why', text: 'Document: why (bug fix, feature, performance, security)' },
                    {
                        key: 'document-rollback-plan',
                        text: 'Document: rollback plan (revision number or previous config)',
                        checks: ['rollout-history', 'configmap-backup']
                    },
                    {
                        key: 'document-success-criteria',
                        text: 'Document: success criteria (what indicates successful deployment)'
                    },
                    { key: 'document-duration', text: 'Document: estimated duration (usually 5-15 minutes)' }
                ]
            },
            {
                title: 'Code Review & Validation',
                items: [
                    {
                        key: 'changes-merged-reviewed',
                        text: 'All provisioning changes merged and code reviewed',
                        checks: ['git-history']
                    },
                    { key: 'main-has-latest', text: 'Confirm main branch has latest changes', checks: ['git-main'] },
                    {
                        key: 'validate-config-locally',
                        text: 'Run validation locally: `nu scripts/validate-config.nu --mode enterprise`',
                        checks: ['bundle-syntax', 'config-modes']
                    },
                    {
                        key: 'all-modes-validate',
                        text: 'Verify all 3 modes validate without errors or critical warnings',
                        checks: ['config-modes']
                    },
                    {
                        key: 'git-log-unexpected',
                        text: 'Check git log for unexpected commits',
                        checks: ['git-history']
                    },
                    {
                        key: 'review-artifact-generation',
                        text: 'Review artifact generation: ensure configs are correct',
                        checks: ['manifests', 'compose', 'config-modes']
                    }
                ]
            }
        ]
    },
    {
        key: 't-4h',
        title: '4 Hours Before Deployment',
        groups: [
            {
                title: 'Staging Environment',
                area: 'Environment Verification',
                items: [
                    {
                        key: 'staging-cluster-access',
                        text: 'Access staging Kubernetes cluster: `kubectl cluster-info`',
                        checks: ['cluster-access']
                    },
                    {
                        key: 'staging-nodes-ready',
                        text: 'Verify cluster is healthy: `kubectl get nodes` (all Ready)',
                        checks: ['nodes-ready']
                    },
                    {
                        key: 'staging-namespace-exists',
                        text: 'Check namespace exists: `kubectl get namespace vapora`',
                        checks: ['namespace-exists']
                    },
                    {
                        key: 'staging-deployments',
                        text: 'Verify current deployments: `kubectl get deployments -n vapora`',
                        checks: ['deployments-available']
                    },
                    {
                        key: 'staging-configmap-current',
                        text: 'Check ConfigMap is up to date: `kubectl get configmap -n vapora -o yaml | head -20`',
                        checks: ['configmap-backup']
                    }
                ]
            },
            {
                title: 'Production Environment (if applicable)',
                area: 'Environment Verification',
                optional: true,
                items: [
                    {
                        key: 'production-cluster-access',
                        text: 'Access production Kubernetes cluster: `kubectl cluster-info`',
                        checks: ['cluster-access']
                    },
                    {
                        key: 'production-nodes-ready',
                        text: 'Verify all nodes healthy: `kubectl get nodes` (all Ready)',
                        checks: ['nodes-ready']
                    },
                    {
                        key: 'production-capacity',
                        text: 'Check current resource usage: `kubectl top nodes` (not near capacity)',
                        checks: ['node-capacity']
                    },
                    {
                        key: 'production-deployments',
                        text: 'Verify current deployments: `kubectl get deployments -n vapora`',
                        checks: ['deployments-available']
                    },
                    {
                        key: 'production-pods-running',
                        text: 'Check pod status: `kubectl get pods -n vapora` (all Running)',
                        checks: ['pods-running']
                    },
                    {
                        key: 'production-recent-events',
                        text: "Verify recent events: `kubectl get events -n vapora --sort-by='.lastTimestamp' | tail -10`",
                        checks: ['recent-events']
                    }
                ]
            },
            {
                title: 'Health Baseline',
                items: [
                    {
                        key: 'record-baseline-metrics',
                        text: 'Record current metrics before deployment (CPU, memory, latency p50/p95/p99, error rate, queue depth)',
                        checks: ['baseline']
                    },
                    {
                        key: 'services-responsive',
                        text: 'Verify services are responsive: `/health` (with the token) and `/api/projects`',
                        checks: ['health-endpoint', 'api-endpoints']
                    },
                    {
                        key: 'logs-recent-errors',
                        text: 'Check logs for recent errors: `kubectl logs deployment/vapora-backend -n vapora --tail=50` (and `vapora-agents`)'
                    }
                ]
            },
            {
                title: 'Infrastructure Check',
                items: [
                    { key: 'storage-capacity', text: 'Verify storage is not near capacity: `df -h /var/lib/vapora`' },
                    {
                        key: 'database-health',
                        text: 'Check database health: `kubectl exec -n vapora <pod> -- surreal info`'
                    },
                    { key: 'backups-recent', text: 'Verify backups are recent (within 24 hours)' },
                    {
                        key: 'tls-certificate-expiry',
                        text: 'Check SSL certificate expiration: `openssl s_client -connect api.vapora.com:443 -showcerts`',
                        checks: ['tls-expiry']
                    }
                ]
            }
        ]
    },
    {
        key: 't-2h',
        title: '2 Hours Before Deployment',
        groups: [
            {
                title: 'Artifact Preparation',
                items: [
                    {
                        key: 'trigger-ci-validation',
                        text: 'Trigger validation in CI/CD pipeline',
                        checks: ['artifact-download']
                    },
                    {
                        key: 'artifact-generation-complete',
                        text: 'Wait for artifact generation to complete',
                        checks: ['artifact-download']
                    },
                    {
                        key: 'download-artifacts',
                        text: 'Download artifacts from pipeline: `deployment-artifacts.zip`',
                        checks: ['artifact-download', 'bundle-unpack']
                    },
                    {
                        key: 'verify-artifact-contents',
                        text: 'Verify artifact contents: `configmap.yaml`, `deployment.yaml`, `docker-compose.yml`, `vapora-{solo,multiuser,enterprise}.{toml,yaml,json}`',
                        checks: ['bundle-unpack', 'bundle-files']
                    },
                    {
                        key: 'validate-manifest-syntax',
                        text: 'Validate manifest syntax (`configmap.yaml`, `deployment.yaml`)',
                        checks: ['bundle-syntax', 'manifests']
                    }
                ]
            },
            {
                title: 'Test in Staging',
                items: [
                    {
                        key: 'server-dry-run',
                        text: 'Perform dry-run deployment to staging cluster: `kubectl apply --dry-run=server -n vapora`',
                        checks: ['dry-run']
                    },
                    {
                        key: 'review-dry-run-output',
                        text: 'Review dry-run output for any warnings or errors',
                        checks: ['dry-run']
                    },
                    {
                        key: 'staging-deployment-verified',
                        text: 'If test deployment available, do actual staging deployment and verify',
                        optional: true
                    },
                    {
                        key: 'staging-health-endpoints',
                        text: 'Test health endpoints on staging',
                        checks: ['health-endpoint']
                    },
                    {
                        key: 'staging-smoke-tests',
                        text: 'Run smoke tests against staging (if available)',
                        optional: true
                    }
                ]
            },
            {
                title: 'Rollback Plan Verification',
                items: [
                    {
                        key: 'record-revisions',
                        text: 'Document current deployment revisions: `kubectl rollout history` (record the highest revision)',
                        checks: ['rollout-history']
                    },
                    {
                        key: 'configmap-backup',
                        text: 'Create backup of current ConfigMap: `kubectl get configmap -n vapora vapora-config -o yaml`',
                        checks: ['configmap-backup']
                    },
                    {
                        key: 'test-rollback-staging',
                        text: 'Test rollback procedure on staging (if safe)',
                        optional: true
                    },
                    {
                        key: 'rollback-command-documented',
                        text: 'Confirm rollback command is documented in ticket/issue',
                        checks: ['rollout-history', 'tracking-issue']
                    }
                ]
            }
        ]
    },
    {
        key: 't-1h',
        title: '1 Hour Before Deployment',
        groups: [
            {
                title: 'Final Checks',
                items: [
                    {
                        key: 'prerequisites-met',
                        text: 'Confirm all prerequisites met: code merged to main, artifacts generated and validated, staging deployment tested, rollback plan documented, team notified'
                    }
                ]
            },
            {
                title: 'Communication Setup',
                items: [
                    {
                        key: 'status-page-maintenance',
                        text: 'Set status page to "Maintenance Mode" (if public)',
                        optional: true
                    },
                    { key: 'join-deployments-channel', text: 'Join #deployments Slack channel' },
                    {
                        key: 'prepare-start-message',
                        text: 'Prepare message: "🚀 Deployment starting now. Will update every 2 minutes."'
                    },
                    { key: 'on-call-monitoring', text: 'Have on-call engineer monitoring' },
                    { key: 'dashboards-accessible', text: 'Verify monitoring/alerting dashboards are accessible' }
                ]
            },
            {
                title: 'Access Verification',
                items: [
                    {
                        key: 'kubeconfig-valid',
                        text: 'Verify kubeconfig is valid and up to date: `kubectl cluster-info`, `kubectl get nodes`',
                        checks: ['cluster-access']
                    },
                    {
                        key: 'kubectl-version-skew',
                        text: 'Verify kubectl version compatibility: `kubectl version` (within 1 minor version of the server)',
                        checks: ['kubectl-version']
                    },
                    {
                        key: 'write-access',
                        text: 'Test write access to cluster: `kubectl auth can-i create deployments --namespace=vapora`',
                        checks: ['permissions']
                    },
                    {
                        key: 'docker-access',
                        text: 'Verify docker/docker-compose access (if Docker deployment)',
                        optional: true
                    },
                    {
                        key: 'slack-webhook',
                        text: 'Verify Slack webhook is working (test send message)',
                        checks: ['slack-webhook']
                    }
                ]
            }
        ]
    },
    {
        key: 't-15m',
        title: '15 Minutes Before Deployment',
        groups: [
            {
                title: 'Final Go/No-Go Decision — proceed if',
                items: [
                    { key: 'go-all-items-completed', text: 'All checklist items above completed' },
                    {
                        key: 'go-no-critical-issues',
                        text: 'No critical issues found during testing',
                        checks: ['decision']
                    },
                    { key: 'go-staging-successful', text: 'Staging deployment successful' },
                    { key: 'go-team-ready', text: 'Team ready and monitoring' },
                    { key: 'go-rollback-clear', text: 'Rollback plan clear and tested' },
                    { key: 'go-maintenance-window', text: 'Within designated maintenance window' }
                ]
            },
            {
                title: 'Final Notifications',
                items: [
                    { key: 'announce-start', text: 'Post to #deployments: "🚀 Deployment starting in 5 minutes"' },
                    {
                        key: 'alert-on-call',
                        text: 'Alert on-call engineer: "Ready to start - confirm you\'re monitoring"'
                    },
                    { key: 'rollback-plan-visible', text: 'Have rollback plan visible and accessible' },
                    { key: 'monitoring-dashboard-open', text: 'Open monitoring dashboard showing current metrics' }
                ]
            },
            {
                title: 'Terminal Setup',
                items: [
                    {
                        key: 'terminal-kubeconfig',
                        text: 'Open terminal with kubeconfig configured (verify connected to the right cluster)'
                    },
                    {
                        key: 'terminal-logs',
                        text: 'Open second terminal for tailing logs: `kubectl logs -f deployment/vapora-backend -n vapora`'
                    },
                    {
                        key: 'rollback-commands-ready',
                        text: 'Have rollback commands ready: `kubectl rollout undo` for `vapora-backend`, `vapora-agents`, `vapora-llm-router`',
                        checks: ['rollout-history']
                    },
                    {
                        key: 'metrics-watch-ready',
                        text: 'Prepare metrics check script: `watch kubectl top pods -n vapora`, `watch kubectl get pods -n vapora`'
                    }
                ]
            }
        ]
    },
    {
        key: 'success',
        phase: 'verify',
        title: 'Success Criteria Verification',
        groups: [
            {
                title: 'What "success" looks like for this deployment',
                items: [
                    {
                        key: 'success-images-updated',
                        text: 'All three deployments have updated image IDs',
                        checks: ['verify-images']
                    },
                    {
                        key: 'success-pods-ready',
                        text: 'All pods reach "Ready" state within 5 minutes',
                        checks: ['verify-pods-ready']
                    },
                    {
                        key: 'success-no-restarts',
                        text: 'No pod restarts: `kubectl get pods -n vapora --watch` (restart counts not increasing)',
                        checks: ['verify-restarts', 'verify-events']
                    },
                    { key: 'success-no-error-logs', text: 'No error logs in first 2 minutes' },
                    { key: 'success-health-200', text: 'Health endpoints respond (200 OK)', checks: ['verify-health'] },
                    {
                        key: 'success-api-respond',
                        text: 'API endpoints respond to test requests',
                        checks: ['verify-api']
                    },
                    {
                        key: 'success-normal-usage',
                        text: 'Metrics show normal resource usage',
                        checks: ['verify-metrics']
                    },
                    { key: 'success-no-alerts', text: 'No alerts triggered' },
                    { key: 'success-no-user-impact', text: 'Support team reports no user impact' }
                ]
            }
        ]
    },
    {
        key: 'post',
        phase: 'verify',
        title: 'Post-Deployment Documentation',
        groups: [
            {
                title: 'After deployment completes, record',
                items: [
                    { key: 'post-start-time', text: 'Deployment start time (UTC)', checks: ['verify-record'] },
                    { key: 'post-end-time', text: 'Deployment end time (UTC)', checks: ['verify-record'] },
                    { key: 'post-duration', text: 'Total duration', checks: ['verify-record'] },
                    { key: 'post-issues', text: 'Any issues encountered and resolution' },
                    {
                        key: 'post-rollback',
                        text: 'Rollback performed (Y/N)',
                        checks: ['verify-record', 'verify-rollback']
                    },
                    {
                        key: 'post-metrics',
                        text: 'Metrics before/after (CPU, memory, latency, errors)',
                        checks: ['verify-record']
                    },
                    { key: 'post-team', text: 'Team members involved' },
                    { key: 'post-lessons', text: 'Blockers or lessons learned' }
                ]
            }
        ]
    }
];
/** An item's text without Markdown: for messages, logs and the terminal. */
function plainItemText(text) {
    return text.replace(/`([^`]*)`/g, '$1');
}
/** All items in document order, with their full ids. */
function checklistItems() {
    return CHECKLIST.flatMap(section => section.groups.flatMap(group => group.items.map(item => ({
        ...item,
        id: `${section.key}.${item.key}`,
        section: section.title,
        group: group.title,
        automated: (item.checks?.length ?? 0) > 0,
        optional: item.optional ?? group.optional ?? false,
        phase: section.phase ?? 'preflight'
    }))));
}
/**
 * Where a result reports in a run's summary: under a checklist item (by key) or a whole section (by key),
 * as "Section › Group", the group's `area` standing for it when it has one, and the section's title alone
 * when it has one group. Throws for a key the checklist does not have: a misspelled home fails at load.
 */
function reportSectionOf(home) {
    for (const section of CHECKLIST) {
        if (section.key === home)
            return section.title;
        for (const group of section.groups) {
            if (group.items.some(item => item.key === home)) {
                return section.groups.length > 1 ? `${section.title} › ${group.area ?? group.title}` : section.title;
            }
        }
    }
    throw new Error(`the checklist has no item or section with the key "${home}"`);
}
/** The keys of the items that name a check (or result) id, in document order. */
function itemsNaming(id) {
    return CHECKLIST.flatMap(s => s.groups.flatMap(g => g.items.filter(i => i.checks?.includes(id)))).map(i => i.key);
}

/** Whether `error` is what a cluster reader throws. */
function isClusterError(error) {
    return error instanceof Error && ('unreachable' in error || 'status' in error);
}
/** Whether a list kind has no namespace (its `ListQuery.namespace` is ignored). */
const isClusterScoped = (kind) => kind === 'nodes' || kind === 'namespaces';
/** How a list is named in messages and in `ListRead.list`. */
function listLabel(query) {
    const where = isClusterScoped(query.kind)
        ? ''
        : query.namespace
            ? ` in ${query.namespace}`
            : ' in every namespace';
    return `${query.kind}${where}${query.fieldSelector ? ` (${query.fieldSelector})` : ''}`;
}
/**
 * A check placed by the checklist model: its home item must name it, and its section is that item's.
 * One place (the model) says where a check belongs; a misplaced check fails when its module loads.
 */
function defineCheck(definition) {
    const naming = itemsNaming(definition.id);
    if (!naming.includes(definition.item)) {
        throw new Error(`check ${definition.id}: its item "${definition.item}" does not name it in the checklist model` +
            (naming.length > 0 ? ` (the items that do: ${naming.join(', ')})` : ' (no item does: add it to one)'));
    }
    return { ...definition, section: reportSectionOf(definition.item) };
}

/** True for a plain mapping (not null, not an array): the shape of a YAML/JSON object. */
const isMap = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads Kubernetes objects out of parsed manifest files, reporting documents that are not objects. */
/** Built-in cluster-scoped kinds a deployment bundle might carry. */
const CLUSTER_SCOPED = new Set([
    'Namespace',
    'ClusterRole',
    'ClusterRoleBinding',
    'CustomResourceDefinition',
    'PersistentVolume',
    'StorageClass',
    'PriorityClass',
    'IngressClass',
    'MutatingWebhookConfiguration',
    'ValidatingWebhookConfiguration'
]);
/**
 * Every object in the file's documents (a `kind: List` contributes its items). Documents missing
 * apiVersion, kind or metadata.name become error findings instead of objects.
 */
function kubeObjectsIn(parsed) {
    const objects = [];
    const problems = [];
    const visit = (value, doc, path, label) => {
        const problem = (text, at = []) => {
            problems.push({
                severity: 'error',
                ...positionOf(parsed, [...path, ...at], doc),
                message: `${label}: ${text}`,
                label,
                problem: text
            });
        };
        if (!isMap(value))
            return problem('is not a Kubernetes object (expected a mapping)');
        const { apiVersion, kind, metadata } = value;
        if (kind === 'List' && Array.isArray(value.items)) {
            value.items.forEach((item, i) => visit(item, doc, [...path, 'items', i], `${label} item ${i + 1}`));
            return;
        }
        const missing = [
            typeof apiVersion === 'string' && apiVersion ? undefined : 'apiVersion',
            typeof kind === 'string' && kind ? undefined : 'kind',
            isMap(metadata) && typeof metadata.name === 'string' && metadata.name ? undefined : 'metadata.name'
        ].filter(Boolean);
        if (missing.length > 0) {
            // generateName cannot go through a server-side apply (it needs a name): say why, not just "missing".
            const generated = isMap(metadata) && typeof metadata.generateName === 'string' && !metadata.name;
            return problem(generated
                ? 'uses metadata.generateName; a server-side apply needs metadata.name (kubectl apply refuses it too)'
                : `missing ${missing.join(', ')}`, generated ? ['metadata', 'generateName'] : []);
        }
        const meta = metadata;
        const namespace = meta.namespace;
        if (namespace !== undefined && typeof namespace !== 'string')
            return problem('metadata.namespace is not a string', ['metadata', 'namespace']);
        objects.push({
            apiVersion: apiVersion,
            kind: kind,
            name: meta.name,
            namespace: namespace === '' ? undefined : namespace,
            clusterScoped: CLUSTER_SCOPED.has(kind),
            file: parsed.file,
            line: doc.line,
            index: doc.index,
            path,
            raw: value
        });
    };
    for (const doc of parsed.documents)
        visit(doc.value, doc, [], `document ${doc.index + 1}`);
    return { objects, problems };
}

/** What the cluster checks share: getting a usable session, the bundle's manifests, error wording. */
/** Pods that are done with their node: their requests no longer hold its resources. */
const NOT_FINISHED = 'status.phase!=Succeeded,status.phase!=Failed';
/**
 * The server-side filters the checks list with (field selectors the API server supports), one place each:
 * the server then sends only what a check reads.
 */
const SELECT = {
    /** Warning events: Normal ones are most of a namespace's events and no check reads them. */
    warningEvents: 'type=Warning',
    /** Pods but the completed ones (Jobs), which pods-running does not judge. */
    podsNotSucceeded: 'status.phase!=Succeeded',
    /** Pods that hold a node's resources: bound to one and not finished (as `kubectl describe node` counts). */
    podsOnNodes: `spec.nodeName!=,${NOT_FINISHED}`,
    /** The same on one node (a node name has no comma or equals sign to escape). */
    podsOnNode: (node) => `spec.nodeName=${node},${NOT_FINISHED}`
};
/** An API error as one line: the server's message, with who/what when the server said so. */
function explainApiError(error) {
    if (isClusterError(error)) {
        if (error.unreachable || error.status === undefined)
            return error.message;
        return `${error.message} (HTTP ${error.status}${error.kubeStatus?.reason ? ` ${error.kubeStatus.reason}` : ''})`;
    }
    return version.describeError(error);
}
/**
 * The session when the cluster is configured and answered `/version`; otherwise the outcome the check
 * should report (a blocking skip: the cluster was not verified). `cluster-access` reports the cause once.
 */
async function usableCluster(ctx) {
    if (!ctx.cluster) {
        // cluster-access reports the cause (and how to fix it) once; this check only says it did not run.
        return {
            outcome: {
                status: 'skip',
                skipReason: 'not-configured',
                blockedBy: 'cluster-access',
                message: `not run: ${ctx.clusterProblem ?? 'no cluster configured'}`
            }
        };
    }
    try {
        await ctx.cluster.version();
        return { session: ctx.cluster };
    }
    catch {
        return {
            outcome: {
                status: 'skip',
                skipReason: 'prerequisite-failed',
                blockedBy: 'cluster-access',
                message: 'not run: the cluster could not be used (see cluster-access)'
            }
        };
    }
}
/**
 * Every Kubernetes object in configmap.yaml and deployment.yaml that parsed, in file order, with the
 * files that did not parse and the documents left out for not being usable objects.
 */
function manifestDocs(ctx) {
    const docs = [];
    const unreadable = [];
    const leftOut = [];
    for (const file of [version.CONFIGMAP_FILE, version.DEPLOYMENT_FILE]) {
        if (!ctx.bundle?.has(file))
            continue;
        const parsed = ctx.bundle.parsed(file);
        if (parsed.errors.length > 0) {
            unreadable.push(file);
            continue;
        }
        const { objects, problems } = kubeObjectsIn(parsed);
        for (const obj of objects)
            docs.push({ file, line: obj.line, doc: obj.raw });
        for (const p of problems)
            leftOut.push({ file, line: p.line, label: p.label, why: p.problem });
    }
    return { docs, unreadable, leftOut };
}
const objectLabel = (doc) => `${doc.kind}/${doc.metadata?.name}`;

const CLUSTER_ACCESS_DATA = dataKey('cluster-access');
/** "kubectl cluster-info": the API server answers, and which version it runs. */
const clusterAccessCheck = defineCheck({
    id: 'cluster-access',
    title: 'Access the Kubernetes cluster (kubectl cluster-info)',
    item: 'kubeconfig-valid',
    needs: ['cluster'],
    async run(ctx) {
        if (!ctx.cluster) {
            return {
                status: 'skip',
                skipReason: 'not-configured',
                message: ctx.clusterProblem ?? 'no cluster configured',
                hint: 'Pass a kubeconfig (action input kubeconfig, CLI --kubeconfig or KUBECONFIG), or run offline to gate on the bundle only.'
            };
        }
        try {
            const version = await ctx.cluster.version();
            return {
                status: 'pass',
                message: `API server ${ctx.cluster.server} answers (Kubernetes ${version.gitVersion})`,
                data: { server: ctx.cluster.server, version: version.gitVersion }
            };
        }
        catch (error) {
            return {
                status: 'error',
                message: `cannot use the cluster from ${ctx.cluster.origin}: ${explainApiError(error)}`,
                hint: 'Check that the kubeconfig points at the right server, that its credentials are current, and that this runner can reach it.'
            };
        }
    }
});

const SERVER_METADATA = [
    'managedFields',
    'resourceVersion',
    'uid',
    'creationTimestamp',
    'generation',
    'selfLink'
];
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
function cleanObject(object) {
    const { status: _status, ...rest } = object;
    const metadata = { ...(object.metadata ?? {}) };
    for (const field of SERVER_METADATA)
        delete metadata[field];
    if (metadata.annotations) {
        const { [LAST_APPLIED]: _lastApplied, ...annotations } = metadata.annotations;
        if (Object.keys(annotations).length > 0)
            metadata.annotations = annotations;
        else
            delete metadata.annotations;
    }
    return { ...rest, metadata };
}

const CONFIGMAP_BACKUP_DATA = dataKey('configmap-backup');
const configMapBackupCheck = defineCheck({
    id: 'configmap-backup',
    title: 'Create backup of current ConfigMap',
    item: 'configmap-backup',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const { namespace, configMap } = ctx.options;
        try {
            const live = await cluster.session.configMap(namespace, configMap);
            if (!live) {
                return {
                    status: 'warn',
                    message: `ConfigMap ${configMap} does not exist in ${namespace} yet (first deploy): nothing to back up`
                };
            }
            const dir = ctx.options.artifactsDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vapora-preflight-'));
            fs.mkdirSync(dir, { recursive: true });
            const path$1 = path.join(dir, `${configMap}-backup.yaml`);
            fs.writeFileSync(path$1, distExports.stringify(cleanObject(live)), { mode: 0o600 });
            const keys = Object.keys((live.data ?? {})).length;
            return {
                status: 'pass',
                message: `ConfigMap ${configMap} (${keys} keys) backed up to ${path$1}`,
                details: [`restore with: kubectl apply -f ${path$1}`],
                data: { path: path$1, keys }
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot back up ConfigMap ${configMap}: ${explainApiError(error)}` };
        }
    }
});

const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
function images(podTemplate) {
    const containers = podTemplate?.spec?.containers ?? [];
    return containers.map(c => c.image ?? '(none)');
}
/** Builds the history of `deployment` from the namespace's ReplicaSets. */
function rolloutHistory(deployment, replicaSets) {
    const name = deployment.metadata.name;
    const namespace = deployment.metadata.namespace;
    const uid = deployment.metadata?.uid;
    const owned = replicaSets.filter(rs => (rs.metadata?.ownerReferences ?? []).some(ref => ref.controller === true && ref.uid === uid));
    const revisions = owned
        .map(rs => ({
        revision: Number(rs.metadata?.annotations?.[REVISION_ANNOTATION]),
        replicaSet: rs.metadata.name,
        images: images(rs.spec?.template),
        changeCause: rs.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION],
        createdAt: rs.metadata?.creationTimestamp
    }))
        .filter(r => Number.isInteger(r.revision) && r.revision > 0)
        .sort((a, b) => a.revision - b.revision);
    const current = Number(deployment.metadata?.annotations?.[REVISION_ANNOTATION]);
    const highestRevision = revisions.at(-1)?.revision;
    return {
        deployment: name,
        namespace,
        revisions,
        currentRevision: Number.isInteger(current) && current > 0 ? current : undefined,
        highestRevision,
        undoCommand: highestRevision === undefined
            ? undefined
            : `kubectl rollout undo deployment/${name} -n ${namespace} --to-revision=${highestRevision}`
    };
}

const ROLLOUT_HISTORY_DATA = dataKey('rollout-history');
const rolloutHistoryCheck = defineCheck({
    id: 'rollout-history',
    title: 'Document current deployment revisions (kubectl rollout history)',
    item: 'record-revisions',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const { session } = cluster;
        const namespace = ctx.options.namespace;
        try {
            const [deployments, replicaSets] = await Promise.all([
                session.deployments(namespace),
                session.replicaSets(namespace)
            ]);
            const histories = [];
            const absent = [];
            for (const name of ctx.options.deployments) {
                const deployment = deployments.find(d => d.metadata?.name === name);
                if (!deployment)
                    absent.push(name);
                else
                    histories.push(rolloutHistory(deployment, replicaSets));
            }
            const revisions = Object.fromEntries(histories.filter(h => h.highestRevision !== undefined).map(h => [h.deployment, h.highestRevision]));
            const details = histories.flatMap(h => [
                `${h.deployment}: revision ${h.highestRevision ?? '(none)'}${h.currentRevision !== undefined && h.currentRevision !== h.highestRevision ? ` (running revision ${h.currentRevision})` : ''}`,
                ...h.revisions.map(r => `  ${r.revision}: ${r.images.join(', ')}${r.changeCause ? ` — ${r.changeCause}` : ''}`),
                ...(h.undoCommand ? [`  rollback: ${h.undoCommand}`] : [])
            ]);
            for (const name of absent)
                details.push(`${name}: not deployed yet (first deploy: nothing to roll back to)`);
            const data = {
                revisions,
                histories,
                undoCommands: histories.flatMap(h => (h.undoCommand ? [h.undoCommand] : []))
            };
            const summary = histories.map(h => `${h.deployment} rev ${h.highestRevision ?? '-'}`).join(', ');
            if (histories.length === 0) {
                return {
                    status: 'warn',
                    message: `no deployment exists yet in ${namespace}: first deploy, nothing to roll back to`,
                    details,
                    data
                };
            }
            const noHistory = histories.filter(h => h.highestRevision === undefined).map(h => h.deployment);
            if (absent.length || noHistory.length) {
                return {
                    status: 'warn',
                    message: `${summary}${absent.length ? `; not deployed yet: ${absent.join(', ')}` : ''}${noHistory.length ? `; no revisions recorded: ${noHistory.join(', ')}` : ''}`,
                    details,
                    data
                };
            }
            return { status: 'pass', message: summary, details, data };
        }
        catch (error) {
            return { status: 'error', message: `cannot read rollout history: ${explainApiError(error)}` };
        }
    }
});

/** The commit deployed: the user's, else the bundle's build run's, else this run's. */
function changeTarget(spec, origin, openReader) {
    if (!spec)
        return undefined;
    if (!spec.token) {
        return {
            problem: 'github-token is empty: the commits and pull requests cannot be read. Keep its default (${{ github.token }}) with `permissions: contents: read, pull-requests: read`, or set check-changes: false.'
        };
    }
    const built = origin?.headSha
        ? {
            repository: origin.repository,
            commit: origin.headSha,
            source: `the run that built the bundle (${origin.runUrl})`
        }
        : undefined;
    const chosen = spec.commit
        ? { repository: spec.repository, commit: spec.commit, source: 'the commit input' }
        : (built ??
            (spec.runCommit
                ? { repository: spec.repository, commit: spec.runCommit, source: "this run's commit (GITHUB_SHA)" }
                : undefined));
    // Outside Actions (GITHUB_SHA unset) with no commit given: nothing names the deployed code.
    if (!chosen)
        return undefined;
    let reader;
    return {
        ...chosen,
        spec,
        // Opened on first use: a run whose change checks do not get that far never loads the GitHub client.
        reader: () => (reader ??= openReader(spec, chosen.repository))
    };
}
/** Why the change checks do not apply when there is no target. */
const NO_TARGET = 'no commit to check (check-changes is off, or no --commit and --repository outside GitHub Actions)';
const short = (sha) => sha.slice(0, 7);
/** A failure of the change history's reader as an `error` outcome naming the permission to grant. */
function changeProblem(reader, error, doing, needs) {
    return { status: 'error', ...reader.explain(error, doing, needs) };
}

/** Suggests the likely intended file for a missing one (case or .yml/.yaml mix-ups). */
function nearMiss(missing, present) {
    const canonical = (name) => name.toLowerCase().replace(/\.yml$/, '.yaml');
    return present.find(file => file !== missing && canonical(file) === canonical(missing));
}
const MISSING_HINT = 'Check the CI job that builds deployment-artifacts, or adjust expected-files if the contract changed.';
/** The expected-files contract: every expected file present; extra files are reported, not blocking. */
const bundleFilesCheck = defineCheck({
    id: 'bundle-files',
    title: 'Verify artifact contents',
    item: 'verify-artifact-contents',
    needs: ['bundle'],
    async run({ options, bundle }) {
        const files = bundle.files;
        const missing = options.expectedFiles.filter(file => !files.includes(file));
        const extra = files.filter(file => !options.expectedFiles.includes(file));
        if (missing.length > 0) {
            return {
                status: 'fail',
                message: `missing ${missing.length} of ${options.expectedFiles.length} expected files: ${missing.join(', ')}`,
                details: missing.map(file => {
                    const similar = nearMiss(file, files);
                    return similar ? `${file}: missing (found "${similar}" — names are exact)` : `${file}: missing`;
                }),
                // A missing file has no line to point at: the annotation names the file itself.
                findings: missing.map(file => {
                    const similar = nearMiss(file, files);
                    return {
                        severity: 'error',
                        file,
                        line: 1,
                        column: 1,
                        message: `expected file ${file} is missing from the bundle${similar ? ` (found "${similar}": names are exact)` : ''}`,
                        hint: similar ? `Rename ${similar} to ${file} in the job that builds the bundle.` : MISSING_HINT
                    };
                }),
                hint: MISSING_HINT,
                data: { missing, extra }
            };
        }
        if (extra.length > 0) {
            return {
                status: 'warn',
                message: `all ${options.expectedFiles.length} expected files present; ${extra.length} unexpected: ${extra.join(', ')}`,
                details: extra.map(file => `${file}: not in expected-files`),
                hint: 'Unexpected files are not deployed by this gate; remove them from the bundle or add them to expected-files.',
                data: { missing, extra }
            };
        }
        return {
            status: 'pass',
            message: `all ${options.expectedFiles.length} expected files present`,
            data: { missing, extra }
        };
    }
});

/** `file:line:col` of a finding, as far as it is known (editors and terminals link this form). */
function where(finding) {
    return [finding.file, finding.line, finding.column].filter(part => part !== undefined).join(':');
}

/** Every YAML, JSON and TOML file in the bundle parses, with each error located by file, line and column. */
const bundleSyntaxCheck = defineCheck({
    id: 'bundle-syntax',
    title: 'Validate manifest and config syntax (YAML, JSON, TOML)',
    item: 'validate-manifest-syntax',
    needs: ['bundle'],
    async run({ bundle }) {
        const parseable = bundle.files.filter(file => formatOf(file) !== undefined);
        if (parseable.length === 0) {
            return { status: 'fail', message: 'the bundle holds no YAML, JSON or TOML file to validate' };
        }
        const parsed = [];
        for (const file of parseable) {
            parsed.push(bundle.parsed(file));
            // The cluster checks' answers are read between files, not after all of them.
            await yieldToEventLoop();
        }
        const errors = parsed.flatMap(p => p.errors);
        const warnings = parsed.flatMap(p => p.warnings);
        const badFiles = parsed.filter(p => p.errors.length > 0).map(p => p.file);
        const findings = [...errors, ...warnings];
        if (errors.length > 0) {
            return {
                status: 'fail',
                message: `${errors.length === 1 ? '1 syntax error' : `${errors.length} syntax errors`} in ${badFiles.join(', ')}: ${where(errors[0])} ${errors[0].message}${errors.length > 1 ? ' …' : ''}`,
                details: findings.map(f => `${where(f)} ${f.severity}: ${f.message}`),
                findings,
                hint: 'Fix the file in the generator (or its template) and rebuild the bundle; every position above is 1-based.'
            };
        }
        if (warnings.length > 0) {
            return {
                status: 'warn',
                message: `${parseable.length} files parse; ${warnings.length} warning(s)`,
                details: warnings.map(f => `${where(f)} warning: ${f.message}`),
                findings
            };
        }
        return { status: 'pass', message: `${parseable.length} YAML/JSON/TOML files parse without errors` };
    }
});

/** What `kubectl rollout status` would still be waiting for, or undefined when the rollout is complete. */
function rolloutInProgress(d) {
    const want = d.spec?.replicas ?? 1;
    const s = d.status ?? {};
    const updated = s.updatedReplicas ?? 0;
    const progressing = (s.conditions ?? []).find((c) => c.type === 'Progressing');
    if ((s.observedGeneration ?? 0) < (d.metadata?.generation ?? 0))
        return 'the controller has not seen the latest spec yet';
    if (progressing?.reason === 'ProgressDeadlineExceeded')
        return `stalled (${progressing.message ?? 'progress deadline exceeded'})`;
    if (updated < want)
        return `${updated} of ${want} new replicas updated`;
    if ((s.replicas ?? 0) > updated)
        return `${(s.replicas ?? 0) - updated} old replicas pending termination`;
    if ((s.availableReplicas ?? 0) < updated)
        return `${s.availableReplicas ?? 0} of ${updated} updated replicas available`;
    return undefined;
}
/**
 * "kubectl get deployments -n vapora": each expected Deployment exists, is Available, and is not in the
 * middle of a rollout (deploying over one replaces a rollout whose outcome nobody has seen yet).
 */
const deploymentsAvailableCheck = defineCheck({
    id: 'deployments-available',
    title: 'Verify current deployments are available',
    item: 'staging-deployments',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const namespace = ctx.options.namespace;
        try {
            const deployments = await cluster.session.deployments(namespace);
            const details = [];
            const unavailable = [];
            const rollingOut = [];
            const absent = [];
            for (const name of ctx.options.deployments) {
                const d = deployments.find(x => x.metadata?.name === name);
                if (!d) {
                    absent.push(name);
                    details.push(`${name}: not deployed yet`);
                    continue;
                }
                const want = d.spec?.replicas ?? 1;
                const available = d.status?.availableReplicas ?? 0;
                const condition = (d.status?.conditions ?? []).find((c) => c.type === 'Available');
                const line = `${name}: ${available}/${want} available${condition ? ` (Available=${condition.status}${condition.reason ? `, ${condition.reason}` : ''})` : ''}`;
                details.push(line);
                if (available < want || condition?.status === 'False')
                    unavailable.push(line);
                const rollout = rolloutInProgress(d);
                if (rollout) {
                    rollingOut.push(`${name}: ${rollout}`);
                    details.push(`${name}: rollout in progress: ${rollout}`);
                }
            }
            if (unavailable.length || rollingOut.length) {
                const said = [
                    ...(unavailable.length ? [`not available: ${unavailable.join('; ')}`] : []),
                    ...(rollingOut.length ? [`a rollout is in progress: ${rollingOut.join('; ')}`] : [])
                ];
                return {
                    status: 'fail',
                    message: said.join('; '),
                    details,
                    hint: rollingOut.length
                        ? `Let the rollout finish (kubectl rollout status deployment/${rollingOut[0].split(':')[0]} -n ${namespace}) or roll it back first: deploying over it replaces a rollout whose outcome is not known yet.`
                        : 'Deploying over an unhealthy Deployment hides the cause: fix or roll back the current state first.'
                };
            }
            if (absent.length === ctx.options.deployments.length) {
                return {
                    status: 'warn',
                    message: `none of the deployments exists yet in ${namespace} (first deploy)`,
                    details
                };
            }
            if (absent.length)
                return { status: 'warn', message: `available; not deployed yet: ${absent.join(', ')}`, details };
            return {
                status: 'pass',
                message: `all ${ctx.options.deployments.length} deployments available`,
                details
            };
        }
        catch (error) {
            return {
                status: 'error',
                message: `cannot list deployments in ${namespace}: ${explainApiError(error)}`
            };
        }
    }
});

/**
 * "kubectl apply --dry-run=server": every document of configmap.yaml and deployment.yaml goes through a
 * server-side apply with dryRun=All and strict field validation. Unknown fields, wrong types, immutable
 * field changes and admission rejections come back with the server's own message; warnings are kept.
 * The result says what was sent: a namespace set to the target, and every document left out, with why.
 */
const dryRunCheck = defineCheck({
    id: 'dry-run',
    title: 'Perform dry-run deployment (server-side, strict field validation)',
    item: 'server-dry-run',
    needs: ['cluster', 'bundle'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const { session } = cluster;
        const { docs, unreadable, leftOut } = manifestDocs(ctx);
        const notSent = [
            ...unreadable.map(file => `${file}: not sent: it does not parse (see bundle-syntax)`),
            ...leftOut.map(d => `${d.file}:${d.line} ${d.label}: not sent: ${d.why} (see manifests)`)
        ];
        if (docs.length === 0) {
            return unreadable.length > 0 && leftOut.length === 0
                ? {
                    status: 'skip',
                    skipReason: 'prerequisite-failed',
                    blockedBy: 'bundle-syntax',
                    message: `not run: ${unreadable.join(', ')} did not parse`,
                    details: notSent
                }
                : { status: 'fail', message: 'no manifest to dry-run', details: notSent };
        }
        const namespace = ctx.options.namespace;
        const createdByBundle = docs.some(d => d.doc.kind === 'Namespace' && d.doc.metadata?.name === namespace);
        const namespaceRead = session.namespace(namespace);
        // Unless the bundle creates the namespace, every document is sent whatever the namespace read says:
        // the dry-runs go out beside that read, not after it (the answers are shared through the session).
        const early = createdByBundle
            ? undefined
            : docs.map(({ doc }) => {
                const outcome = session.dryRunApply(doc, namespace);
                outcome.catch(() => undefined); // read below, after the namespace
                return outcome;
            });
        let namespaceExists;
        try {
            namespaceExists = (await namespaceRead) !== undefined;
        }
        catch (error) {
            return { status: 'error', message: `cannot read namespace ${namespace}: ${explainApiError(error)}` };
        }
        const findings = [];
        const details = [];
        let failed = 0;
        let warned = 0;
        let accepted = 0;
        let rewritten = 0;
        let namespaceAdded = 0;
        let heldBack = 0;
        await Promise.all(docs.map(async ({ file, line, doc }, i) => {
            const label = objectLabel(doc);
            try {
                if (!namespaceExists && createdByBundle && (await livesInNamespace(session, doc))) {
                    // The server would refuse it for want of the namespace the same apply creates: nothing to learn.
                    heldBack++;
                    details[i] =
                        `${file}:${line} ${label}: not sent — namespace ${namespace} does not exist yet (this bundle creates it)`;
                    return;
                }
                const outcome = await (early?.[i] ?? session.dryRunApply(doc, namespace));
                const set = outcome.namespaceSet;
                const sentAs = set
                    ? set.from
                        ? ` (sent with metadata.namespace rewritten from "${set.from}" to "${set.to}")`
                        : ` (sent with metadata.namespace set to "${set.to}")`
                    : '';
                if (set?.from)
                    rewritten++;
                else if (set)
                    namespaceAdded++;
                if (outcome.ok) {
                    accepted++;
                    const willCreate = doc.kind === 'Namespace' && !namespaceExists ? ' (will be created)' : '';
                    details[i] =
                        `${file}:${line} ${label}: accepted${willCreate}${sentAs}${outcome.warnings.length ? `; server warnings: ${outcome.warnings.join(' | ')}` : ''}`;
                    if (outcome.warnings.length) {
                        warned++;
                        for (const warning of outcome.warnings)
                            findings.push({ severity: 'warning', file, line, message: `${label}: ${warning}` });
                    }
                    return;
                }
                failed++;
                if (!outcome.sent) {
                    details[i] = `${file}:${line} ${label}: not sent: ${outcome.message}`;
                    findings.push({
                        severity: 'error',
                        file,
                        line,
                        message: `${label}: not sent: ${outcome.message}`,
                        hint: 'Use an apiVersion the server serves (kubectl api-resources lists them), or install the CRD first.'
                    });
                    return;
                }
                details[i] =
                    `${file}:${line} ${label}: REJECTED (HTTP ${outcome.status}${outcome.reason ? ` ${outcome.reason}` : ''})${sentAs}: ${outcome.message}`;
                findings.push({
                    severity: 'error',
                    file,
                    line,
                    message: `${label}: server rejected the dry-run: ${outcome.message}`
                });
            }
            catch (error) {
                failed++;
                details[i] = `${file}:${line} ${label}: not checked: ${explainApiError(error)}`;
                findings.push({
                    severity: 'error',
                    file,
                    line,
                    message: `${label}: dry-run failed: ${explainApiError(error)}`
                });
            }
        }));
        details.push(...notSent);
        const total = docs.length + leftOut.length;
        // What went to the server (or was tried: a kind it does not serve, a request it did not answer).
        const sent = docs.length - heldBack;
        const sentLine = `${sent} of ${total} documents sent`;
        const heldBackNote = heldBack > 0
            ? `; ${heldBack} held back until namespace ${namespace} exists (this bundle creates it)`
            : '';
        const leftOutNote = notSent.length > 0 ? `; ${notSent.length} not sent (${notSent[0]})` : '';
        const rewriteNote = rewritten > 0 ? `; ${rewritten} with metadata.namespace rewritten to ${namespace}` : '';
        if (failed > 0) {
            const errors = findings.filter(f => f.severity === 'error');
            return {
                status: 'fail',
                message: `${failed} of ${sent} objects rejected or not sent: ${errors[0]?.message ?? details.at(-1)}${heldBackNote}`,
                details,
                findings,
                hint: 'The messages above are the API server’s own. Fix the manifest (unknown fields and immutable fields such as spec.selector are common causes).'
            };
        }
        if (unreadable.length > 0) {
            // What was sent passed, but a whole file was not sent: not verified, so it blocks (fail closed),
            // and its cause is the syntax error.
            return {
                status: 'fail',
                blockedBy: 'bundle-syntax',
                message: `${unreadable.join(', ')} not sent (does not parse); ${sentLine}, ${accepted} accepted${heldBackNote}`,
                details,
                findings
            };
        }
        if (warned > 0 || heldBack > 0 || notSent.length > 0 || rewritten > 0) {
            return {
                status: 'warn',
                message: `${sentLine}, ${accepted} accepted${warned ? `; ${warned} with server warnings` : ''}${heldBackNote}${rewriteNote}${leftOutNote}`,
                details,
                findings
            };
        }
        return {
            status: 'pass',
            message: `all ${docs.length} objects accepted by the server (dry-run, strict validation)${namespaceAdded ? `; metadata.namespace set to ${namespace} on the ${namespaceAdded} that had none` : ''}`,
            details
        };
    }
});
/**
 * Whether the document's kind is namespaced, as discovery says: a cluster-scoped object (a Namespace, a
 * ClusterRole) does not wait for the namespace. A kind the server does not serve is sent, and reported so.
 */
async function livesInNamespace(session, doc) {
    const resource = await session.resourceFor(doc.apiVersion ?? '', doc.kind ?? '');
    return resource?.namespaced === true;
}

function minorOf(version) {
    const match = /^v?(\d+)\.(\d+)/.exec(version);
    return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}
/** "Verify kubectl version compatibility": the client within one minor version of the server. */
const kubectlVersionCheck = defineCheck({
    id: 'kubectl-version',
    title: 'Verify kubectl version compatibility (within 1 minor version)',
    item: 'kubectl-version-skew',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const client = ctx.options.kubectlVersion ?? (await ctx.localKubectl?.());
        if (!client) {
            return {
                status: 'skip',
                skipReason: 'not-applicable',
                message: 'no kubectl on PATH and no kubectl-version given: skew not checked',
                hint: 'Set kubectl-version to the kubectl your deploy job uses.'
            };
        }
        const server = (await cluster.session.version()).gitVersion;
        const c = minorOf(client);
        const s = minorOf(server);
        if (!c || !s)
            return { status: 'error', message: `cannot compare versions "${client}" and "${server}"` };
        const skew = c.minor - s.minor;
        const source = ctx.options.kubectlVersion ? 'kubectl-version' : 'kubectl on PATH';
        if (c.major !== s.major || Math.abs(skew) > 1) {
            return {
                status: 'fail',
                message: `kubectl ${client} (${source}) is ${Math.abs(skew)} minor versions ${skew > 0 ? 'newer' : 'older'} than the server ${server}; supported skew is ±1`,
                hint: `Use kubectl v${s.major}.${s.minor}.x (±1 minor) in the deploy job.`,
                data: { client, server }
            };
        }
        return {
            status: 'pass',
            message: `kubectl ${client} (${source}) vs server ${server}: within ±1 minor`,
            data: { client, server }
        };
    }
});

/** "kubectl get namespace vapora": the target namespace exists (or this bundle creates it). */
const namespaceExistsCheck = defineCheck({
    id: 'namespace-exists',
    title: 'Check namespace exists',
    item: 'staging-namespace-exists',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const namespace = ctx.options.namespace;
        try {
            const found = await cluster.session.namespace(namespace);
            if (found) {
                const phase = found.status?.phase;
                if (phase === 'Terminating')
                    return { status: 'fail', message: `namespace ${namespace} is being deleted (Terminating)` };
                return { status: 'pass', message: `namespace ${namespace} exists (${phase ?? 'Active'})` };
            }
            const created = manifestDocs(ctx).docs.some(d => d.doc.kind === 'Namespace' && d.doc.metadata?.name === namespace);
            if (created)
                return {
                    status: 'warn',
                    message: `namespace ${namespace} does not exist yet; this bundle creates it`
                };
            return {
                status: 'fail',
                message: `namespace ${namespace} does not exist`,
                hint: `Create it (kubectl create namespace ${namespace}) or set the namespace input to the right one.`
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot read namespace ${namespace}: ${explainApiError(error)}` };
        }
    }
});

/** Kubernetes quantities: CPU in cores (`250m`, `2`), memory in bytes (`512Mi`, `1G`). */
function parseQuantity(text) {
    if (text === undefined)
        return 0;
    if (typeof text === 'number')
        return text;
    const match = /^([0-9.]+)([a-zA-Z]*)$/.exec(text.trim());
    if (!match)
        return 0;
    const value = Number(match[1]);
    const factor = {
        '': 1,
        n: 1e-9,
        u: 1e-6,
        m: 1e-3,
        k: 1e3,
        M: 1e6,
        G: 1e9,
        T: 1e12,
        P: 1e15,
        Ki: 2 ** 10,
        Mi: 2 ** 20,
        Gi: 2 ** 30,
        Ti: 2 ** 40,
        Pi: 2 ** 50
    };
    return value * (factor[match[2]] ?? 1);
}
/** Adds a pod's container requests to its node's total. */
function addRequests(totals, pod) {
    const node = pod.spec?.nodeName;
    if (!node)
        return totals;
    const total = totals.get(node) ?? { cpu: 0, memory: 0 };
    for (const c of pod.spec?.containers ?? []) {
        total.cpu += parseQuantity(c.resources?.requests?.cpu);
        total.memory += parseQuantity(c.resources?.requests?.memory);
    }
    return totals.set(node, total);
}
/** Up to this many nodes without metrics are counted by a list of their own pods each, not of every pod. */
const PER_NODE_LISTS = 5;
/**
 * Namespaces whose pods are read at once when every pod is counted. Each list costs the API server only
 * its namespace's share of its cache, where one list of every pod costs it the whole cache per page:
 * measured at 50,000 pods in 51 namespaces, 2–3 s for the lists two at a time against 5–6 s for one list.
 */
const NAMESPACES_AT_ONCE = 2;
const noRequests = () => new Map();
/** Adds the totals of one list to those of others (the lists hold different pods). */
function addTotals(into, from) {
    for (const [node, usage] of from) {
        const total = into.get(node) ?? { cpu: 0, memory: 0 };
        total.cpu += usage.cpu;
        total.memory += usage.memory;
        into.set(node, total);
    }
    return into;
}
/** Many lists reported as one read: what they cost together. */
function readOfAll(list, lists) {
    const sum = (key) => lists.reduce((n, { read }) => n + read[key], 0);
    return { list, pages: sum('pages'), items: sum('items'), restarts: sum('restarts') };
}
/**
 * The requests of the pods that hold a node's resources (bound to it, not finished) on every node: read
 * namespace by namespace, a few at a time, summed page by page. A reader allowed to list pods everywhere
 * but not namespaces reads one list of every pod instead. Only the totals are kept.
 */
async function requestsOnEveryNode(session) {
    const pods = (namespace) => session.fold({ kind: 'pods', namespace, fieldSelector: SELECT.podsOnNodes, only: 'requests' }, noRequests, addRequests);
    let namespaces;
    try {
        namespaces = await session.fold({ kind: 'namespaces' }, () => [], (names, namespace) => (names.push(namespace.metadata.name), names));
    }
    catch (error) {
        if (!isClusterError(error) || error.status !== 403)
            throw error;
        const all = await pods();
        return { totals: all.value, reads: [all.read] };
    }
    const lists = await mapLimited(namespaces.value, NAMESPACES_AT_ONCE, namespace => pods(namespace));
    return {
        totals: lists.reduce((totals, list) => addTotals(totals, list.value), noRequests()),
        reads: [
            namespaces.read,
            lists.length === 1
                ? lists[0].read
                : readOfAll(`pods in each of ${lists.length} namespaces (${SELECT.podsOnNodes})`, lists)
        ]
    };
}
/**
 * The requests of the pods bound to each node: of `only` those nodes when they are few, each by a list of
 * its own pods, else of every node (`requestsOnEveryNode`).
 */
async function requestsByNode(session, only) {
    if (!only || only.length > PER_NODE_LISTS)
        return requestsOnEveryNode(session);
    const lists = await Promise.all(only.map(node => session.fold({ kind: 'pods', fieldSelector: SELECT.podsOnNode(node), only: 'requests' }, noRequests, addRequests)));
    return {
        totals: new Map(lists.flatMap(list => [...list.value])),
        reads: lists.map(list => list.read)
    };
}
const NODE_CAPACITY_DATA = dataKey('node-capacity');
const nodeCapacityCheck = defineCheck({
    id: 'node-capacity',
    title: 'Check current resource usage (not near capacity)',
    item: 'production-capacity',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const { session } = cluster;
        const threshold = ctx.options.capacityThreshold;
        try {
            // Of each Node only its name and allocatable are kept while the nodes are read.
            const [listed, metrics] = await Promise.all([
                session.fold({ kind: 'nodes' }, () => [], (all, node) => {
                    all.push({
                        name: node.metadata.name,
                        cpu: parseQuantity(node.status?.allocatable?.cpu),
                        memory: parseQuantity(node.status?.allocatable?.memory)
                    });
                    return all;
                }),
                session.nodeMetrics()
            ]);
            const nodes = listed.value;
            const reads = [listed.read];
            const usage = new Map();
            const source = metrics ? 'metrics.k8s.io usage' : 'requests (metrics-server is absent)';
            if (metrics) {
                for (const m of metrics) {
                    usage.set(m.metadata.name, {
                        cpu: parseQuantity(m.usage?.cpu),
                        memory: parseQuantity(m.usage?.memory)
                    });
                }
            }
            const noMetrics = metrics ? nodes.map(n => n.name).filter(name => !usage.has(name)) : [];
            const byRequests = new Set(noMetrics);
            if (!metrics || noMetrics.length > 0) {
                const requests = await requestsByNode(session, metrics ? noMetrics : undefined);
                reads.push(...requests.reads);
                for (const name of metrics ? noMetrics : nodes.map(n => n.name))
                    usage.set(name, requests.totals.get(name) ?? { cpu: 0, memory: 0 });
            }
            const details = [];
            const over = [];
            const perNode = [];
            for (const { name, cpu, memory } of nodes) {
                const used = usage.get(name) ?? { cpu: 0, memory: 0 };
                const cpuPct = cpu ? (100 * used.cpu) / cpu : 0;
                const memPct = memory ? (100 * used.memory) / memory : 0;
                const line = `${name}: CPU ${cpuPct.toFixed(0)}%, memory ${memPct.toFixed(0)}% of allocatable${byRequests.has(name) ? ' (by requests: metrics-server has no usage for it)' : ''}`;
                details.push(line);
                perNode.push({ name, cpuPct: Math.round(cpuPct), memoryPct: Math.round(memPct) });
                if (cpuPct > threshold || memPct > threshold)
                    over.push(line);
            }
            const data = {
                source,
                threshold,
                nodes: perNode,
                ...(noMetrics.length > 0 ? { noMetrics } : {}),
                reads
            };
            if (over.length) {
                return {
                    status: 'fail',
                    message: `near capacity (over ${threshold}%, ${source}): ${over.join('; ')}`,
                    details,
                    data,
                    hint: 'Free or add capacity first: a rolling update needs room for the surge pods.'
                };
            }
            if (!metrics) {
                return {
                    status: 'warn',
                    message: `under ${threshold}% on all ${nodes.length} nodes by requests; metrics-server is absent, so real usage is unknown`,
                    details,
                    data
                };
            }
            if (noMetrics.length > 0) {
                return {
                    status: 'warn',
                    message: `under ${threshold}% on all ${nodes.length} nodes; metrics-server has no usage for ${noMetrics.join(', ')} (not scraped yet, or its kubelet unreachable), counted by requests`,
                    details,
                    data
                };
            }
            return {
                status: 'pass',
                message: `all ${nodes.length} nodes under ${threshold}% (${source})`,
                details,
                data
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot read node capacity: ${explainApiError(error)}` };
        }
    }
});

const PRESSURE = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'];
/** "kubectl get nodes (all Ready)": every node Ready, pressure conditions named, cordons noted. */
const nodesReadyCheck = defineCheck({
    id: 'nodes-ready',
    title: 'Verify cluster is healthy: all nodes Ready',
    item: 'staging-nodes-ready',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        try {
            // Folded page by page: what is kept is the count and the nodes to name, never the Node objects.
            const { value, read } = await cluster.session.fold({ kind: 'nodes' }, () => ({ count: 0, problems: [], warnings: [] }), (seen, node) => {
                seen.count++;
                const name = node.metadata?.name;
                const conditions = node.status?.conditions ?? [];
                const ready = conditions.find(c => c.type === 'Ready');
                if (ready?.status !== 'True') {
                    seen.problems.push(`${name} is NotReady${ready?.reason ? ` (${ready.reason}${ready.message ? `: ${ready.message}` : ''})` : ' (no Ready condition)'}`);
                }
                for (const c of conditions.filter(c => PRESSURE.includes(c.type) && c.status === 'True')) {
                    seen.problems.push(`${name} has ${c.type}${c.message ? ` (${c.message})` : ''}`);
                }
                if (node.spec?.unschedulable)
                    seen.warnings.push(`${name} is cordoned (unschedulable)`);
                return seen;
            });
            const { count, problems, warnings } = value;
            const data = { reads: [read] };
            if (count === 0)
                return { status: 'fail', message: 'the cluster has no nodes: nothing could run the pods', data };
            const details = [...problems, ...warnings];
            if (problems.length) {
                return {
                    status: 'fail',
                    message: problems.join('; '),
                    details,
                    data,
                    hint: 'Wait for the nodes to recover, or drain and replace them, before deploying.'
                };
            }
            if (warnings.length)
                return { status: 'warn', message: `${count} nodes Ready; ${warnings.join('; ')}`, details, data };
            return { status: 'pass', message: `all ${count} nodes Ready, no pressure conditions`, data };
        }
        catch (error) {
            return { status: 'error', message: `cannot list nodes: ${explainApiError(error)}` };
        }
    }
});

/** Splits `apps/v1` into group and version (`v1` → core group ''). */
function splitApiVersion(apiVersion) {
    const slash = apiVersion.indexOf('/');
    return slash < 0
        ? { group: '', version: apiVersion }
        : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

const APPLY_VERBS = ['get', 'create', 'patch', 'update'];
/**
 * "kubectl auth can-i": a SelfSubjectAccessReview for every verb and resource the deploy needs, derived from
 * the bundle's kinds (apply = get/create/patch/update), plus `patch deployments` for `kubectl rollout undo`.
 */
const permissionsCheck = defineCheck({
    id: 'permissions',
    title: 'Test write access to the cluster (kubectl auth can-i)',
    item: 'write-access',
    needs: ['cluster', 'bundle'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const { session } = cluster;
        const namespace = ctx.options.namespace;
        const needs = new Map();
        const add = (need) => needs.set(`${need.verb} ${need.group}/${need.resource} ${need.namespace ?? ''}`, need);
        const unknownKinds = [];
        const { docs } = manifestDocs(ctx);
        let resources;
        try {
            // Every API group the bundle uses is asked at once (discovery is read once per group and run).
            resources = await Promise.all(docs.map(({ doc }) => session.resourceFor(doc.apiVersion, doc.kind)));
        }
        catch (error) {
            // The server could not say what it serves: nothing is known about the permissions, none is denied.
            return { status: 'error', message: `cannot ask the server what it serves: ${explainApiError(error)}` };
        }
        for (const [index, { doc }] of docs.entries()) {
            const resource = resources[index];
            if (!resource) {
                unknownKinds.push(`${doc.kind} (${doc.apiVersion})`);
                continue;
            }
            const { group } = splitApiVersion(doc.apiVersion);
            for (const verb of APPLY_VERBS) {
                add({
                    verb,
                    group,
                    resource: resource.name,
                    namespace: resource.namespaced ? namespace : undefined,
                    why: `apply ${doc.kind}`
                });
            }
        }
        add({ verb: 'patch', group: 'apps', resource: 'deployments', namespace, why: 'kubectl rollout undo' });
        const checked = await Promise.all([...needs.values()].map(async (need) => {
            try {
                const answer = await session.canI(need);
                return { need, allowed: answer.allowed };
            }
            catch (error) {
                return { need, allowed: false, error: explainApiError(error) };
            }
        }));
        const label = (n) => `${n.verb} ${n.resource}${n.group ? `.${n.group}` : ''}${n.namespace ? ` in namespace ${n.namespace}` : ' (cluster-wide)'}`;
        const unasked = checked.filter(c => c.error);
        const missing = checked.filter(c => !c.allowed && !c.error);
        const details = checked.map(c => `${c.error ? '?  ' : c.allowed ? 'yes' : 'NO '}  ${label(c.need)} — for ${c.need.why}${c.error ? ` (not answered: ${c.error})` : ''}`);
        if (unknownKinds.length)
            details.push(`not checked (the server does not serve them): ${unknownKinds.join(', ')}`);
        if (unasked.length > 0) {
            // An unanswered question is not a "no": say the server did not answer, not that a verb is denied.
            return {
                status: 'error',
                message: `could not ask the server about ${unasked.length} of ${checked.length} permissions: ${unasked[0].error}${missing.length ? `; denied: ${missing.map(m => label(m.need)).join('; ')}` : ''}`,
                details
            };
        }
        if (missing.length > 0) {
            return {
                status: 'fail',
                message: `the deploy identity cannot: ${missing.map(m => label(m.need)).join('; ')}`,
                details,
                hint: 'Grant these verbs to the deploy identity (a Role/RoleBinding in the namespace), or use the right kubeconfig.',
                data: { missing: missing.map(m => label(m.need)) }
            };
        }
        return {
            status: 'pass',
            message: `all ${checked.length} permissions the deploy and a rollback need are granted`,
            details
        };
    }
});

const PODS_RUNNING_DATA = dataKey('pods-running');
/** Adds one pod to the tally. */
function judge(tally, pod, since) {
    const name = pod.metadata?.name;
    // The server leaves completed pods out (SELECT.podsNotSucceeded); a reader that did not is not trusted.
    if (pod.status?.phase === 'Succeeded')
        return tally;
    tally.pods++;
    const statuses = pod.status?.containerStatuses ?? [];
    const podRestarts = statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0);
    tally.restarts += podRestarts;
    if (name)
        tally.restartsByPod[name] = podRestarts;
    const ready = (pod.status?.conditions ?? []).find((c) => c.type === 'Ready')?.status === 'True';
    tally.details.push(`${name}: ${pod.status?.phase ?? 'Unknown'}, ${ready ? 'Ready' : 'not Ready'}, ${podRestarts} restarts`);
    if (pod.status?.phase !== 'Running')
        tally.problems.push(`${name} is ${pod.status?.phase ?? 'Unknown'}`);
    else if (!ready)
        tally.problems.push(`${name} is not Ready`);
    for (const s of statuses) {
        const waiting = s.state?.waiting?.reason;
        if (waiting === 'CrashLoopBackOff' || waiting === 'ImagePullBackOff' || waiting === 'ErrImagePull') {
            tally.problems.push(`${name}/${s.name} is in ${waiting} (${s.restartCount ?? 0} restarts)`);
            continue;
        }
        const finished = Date.parse(s.lastState?.terminated?.finishedAt ?? '');
        if ((s.restartCount ?? 0) > 0 && finished >= since) {
            tally.problems.push(`${name}/${s.name} restarted ${s.restartCount} times, last at ${s.lastState.terminated.finishedAt} (${s.lastState?.terminated?.reason ?? 'exited'}): restarts are rising`);
        }
    }
    return tally;
}
const podsRunningCheck = defineCheck({
    id: 'pods-running',
    title: 'Check pod status: all Running and Ready, no rising restarts',
    item: 'production-pods-running',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const namespace = ctx.options.namespace;
        const since = Date.now() - ctx.options.eventsWindowMs;
        try {
            const { value: tally, read } = await cluster.session.fold({ kind: 'pods', namespace, fieldSelector: SELECT.podsNotSucceeded }, () => ({ pods: 0, restarts: 0, restartsByPod: {}, problems: [], details: [] }), (tally, pod) => judge(tally, pod, since));
            const { pods, restarts, restartsByPod, problems, details } = tally;
            if (pods === 0) {
                const data = { reads: [read] };
                return {
                    status: 'pass',
                    message: `no running pods in ${namespace} yet (completed ones are not judged)`,
                    data
                };
            }
            const data = { restarts, restartsByPod, reads: [read] };
            if (problems.length) {
                return {
                    status: 'fail',
                    message: [...new Set(problems)].join('; '),
                    details,
                    data,
                    hint: 'Check the pod logs and events (kubectl describe pod); a crashing workload should be fixed or rolled back before deploying over it.'
                };
            }
            return {
                status: 'pass',
                message: `${pods} pods Running and Ready (${restarts} restarts in total, none recent)`,
                details,
                data
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot list pods in ${namespace}: ${explainApiError(error)}` };
        }
    }
});

function lastSeen(event) {
    return Date.parse(event.series?.lastObservedTime ??
        event.lastTimestamp ??
        event.eventTime ??
        event.metadata?.creationTimestamp ??
        '');
}
/** "Verify recent events": Warning events in the window, grouped by reason and object. Reported, not blocking. */
const recentEventsCheck = defineCheck({
    id: 'recent-events',
    title: 'Verify recent events (no Warning events in the window)',
    item: 'production-recent-events',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const namespace = ctx.options.namespace;
        const since = Date.now() - ctx.options.eventsWindowMs;
        try {
            // Only the groups it reports are kept while the events are read: one entry per reason and object.
            const { value: grouped, read } = await cluster.session.fold({ kind: 'events', namespace, fieldSelector: SELECT.warningEvents }, () => new Map(), (groups, object) => {
                const e = object;
                if (lastSeen(e) < since)
                    return groups;
                const key = `${e.reason ?? 'Unknown'} ${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`;
                const entry = groups.get(key) ?? { count: 0, message: e.message };
                entry.count += e.series?.count ?? e.count ?? 1;
                return groups.set(key, entry);
            });
            const minutes = Math.round(ctx.options.eventsWindowMs / 60_000);
            const reads = [read];
            if (grouped.size === 0) {
                return {
                    status: 'pass',
                    message: `no Warning events in ${namespace} in the last ${minutes} min`,
                    data: { reads }
                };
            }
            const details = [...grouped].map(([key, v]) => `${key} ×${v.count}${v.message ? `: ${v.message}` : ''}`);
            return {
                status: 'warn',
                message: `${grouped.size} kinds of Warning events in the last ${minutes} min: ${[...grouped.keys()].slice(0, 3).join(', ')}${grouped.size > 3 ? ', …' : ''}`,
                details,
                data: { warnings: details, reads }
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot list events in ${namespace}: ${explainApiError(error)}` };
        }
    }
});

const containersOf = (obj) => obj?.spec?.template?.spec?.containers ?? [];
function envValue(e) {
    return e.valueFrom !== undefined ? `from ${JSON.stringify(e.valueFrom)}` : (e.value ?? '');
}
/**
 * What a reviewer needs from a Deployment change: replicas, images, env. Env values are not shown: they
 * end up in the job summary and the tracking issue, and a value such as DATABASE_URL may hold a password.
 */
function deploymentChanges(live, next) {
    const changes = [];
    if (live.spec?.replicas !== next.spec?.replicas)
        changes.push(`replicas ${live.spec?.replicas} → ${next.spec?.replicas}`);
    const before = new Map(containersOf(live).map(c => [c.name, c]));
    for (const container of containersOf(next)) {
        const old = before.get(container.name);
        if (!old) {
            changes.push(`container ${container.name} added (${container.image})`);
            continue;
        }
        before.delete(container.name);
        if (old.image !== container.image)
            changes.push(`${container.name} image ${old.image} → ${container.image}`);
        const oldEnv = new Map((old.env ?? []).map(e => [e.name, envValue(e)]));
        for (const e of container.env ?? []) {
            const value = envValue(e);
            if (!oldEnv.has(e.name))
                changes.push(`${container.name} env ${e.name} added`);
            else if (oldEnv.get(e.name) !== value) {
                changes.push(`${container.name} env ${e.name} changed`);
            }
            oldEnv.delete(e.name);
        }
        for (const name of oldEnv.keys())
            changes.push(`${container.name} env ${name} removed`);
    }
    for (const name of before.keys())
        changes.push(`container ${name} removed`);
    return changes;
}
/** ConfigMap keys added, removed or changed (values are not shown: they may be sensitive). */
function configMapChanges(live, next) {
    const a = (live.data ?? {});
    const b = (next.data ?? {});
    const changes = [];
    for (const key of Object.keys(b)) {
        if (!(key in a))
            changes.push(`key ${key} added`);
        else if (a[key] !== b[key])
            changes.push(`key ${key} changed`);
    }
    for (const key of Object.keys(a))
        if (!(key in b))
            changes.push(`key ${key} removed`);
    return changes;
}
/**
 * The outcome when objects could not be read: an error (fail closed), never "new object" nor a warning,
 * since nothing is known of what the deploy changes in them. The first cause is named, and how to fix it.
 */
function notReadOutcome(notRead, afterServerGone, total, computed) {
    const isServerGone = (error) => isClusterError(error) && error.unreachable === true;
    // A server gone is the root cause of every read after it; otherwise the first failure is named.
    const first = notRead.find(({ error }) => isServerGone(error)) ?? notRead[0];
    const serverGone = isServerGone(first.error);
    const denied = notRead.some(({ error }) => isClusterError(error) && error.status === 403);
    const details = [
        ...computed.details,
        ...notRead.map(({ label, error }) => `${label}: not read: ${explainApiError(error)}`)
    ];
    if (afterServerGone.length)
        details.push(`not read (the server stopped answering): ${afterServerGone.join(', ')}`);
    // A server gone is the cause whatever the object; a denial or a server error is about one object.
    const cause = `${serverGone ? '' : `${first.label}: `}${explainApiError(first.error)}`;
    return {
        status: 'error',
        message: `${notRead.length + afterServerGone.length} of ${total} objects not compared with the cluster: ${cause}`,
        details,
        data: { changes: computed.changes },
        hint: serverGone
            ? 'Check that the API server is up and that this runner can reach it, then run the preflight again.'
            : denied
                ? 'Grant the deploy identity get on these objects (a Role/RoleBinding in the namespace), or use the right kubeconfig.'
                : 'The message above is the API server’s own: run the preflight again once the server answers these reads.'
    };
}
const WHAT_CHANGES_DATA = dataKey('what-changes');
/** "Document: what's changing": per object, live vs the server's dry-run result, as a reviewer reads it. */
const whatChangesCheck = defineCheck({
    id: 'what-changes',
    title: "Document: what's changing (configs, manifests, versions)",
    item: 'document-what-changes',
    needs: ['cluster', 'bundle'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const { session } = cluster;
        const namespace = ctx.options.namespace;
        const changes = {};
        const notComputed = [];
        const notRead = [];
        let afterServerGone = [];
        const { docs } = manifestDocs(ctx);
        // Every object is asked at once (the dry-runs are the dry-run check's, shared through the session);
        // the answers are then read in the bundle's order, as before.
        const answers = await Promise.all(docs.map(async ({ doc }) => {
            // The live object is asked beside the dry-run, not after it (the two answers are independent),
            // and read only when there is a dry-run result to compare it with; a failed read is then ignored.
            const reading = session.live(doc, namespace);
            reading.catch(() => undefined);
            try {
                const outcome = await session.dryRunApply(doc, namespace);
                // A live object that cannot be read (403, 500, a server gone) throws: it is never taken for one
                // that does not exist yet.
                const live = outcome.ok && outcome.result ? await reading : undefined;
                return { outcome, live };
            }
            catch (error) {
                return { error };
            }
        }));
        for (const [index, { doc }] of docs.entries()) {
            const label = objectLabel(doc);
            const answer = answers[index];
            if ('error' in answer) {
                const { error } = answer;
                notRead.push({ label, error });
                if (isClusterError(error) && error.unreachable) {
                    // A server that did not answer for this object did not for the next: one cause, named once.
                    afterServerGone = docs.slice(index + 1).map(d => objectLabel(d.doc));
                    break;
                }
                continue;
            }
            const { outcome, live } = answer;
            if (!outcome.ok || !outcome.result) {
                notComputed.push(label);
                continue;
            }
            if (!live) {
                changes[label] = ['new object (will be created)'];
                continue;
            }
            const list = doc.kind === 'Deployment'
                ? deploymentChanges(live, outcome.result)
                : doc.kind === 'ConfigMap'
                    ? configMapChanges(live, outcome.result)
                    : JSON.stringify(live.spec) !== JSON.stringify(outcome.result.spec)
                        ? ['spec changes']
                        : [];
            changes[label] = list.length ? list : ['no change'];
        }
        const details = Object.entries(changes).map(([label, list]) => `${label}: ${list.join('; ')}`);
        if (notComputed.length)
            details.push(`not computed (dry-run failed): ${notComputed.join(', ')}`);
        if (notRead.length)
            return notReadOutcome(notRead, afterServerGone, docs.length, { details, changes });
        const changed = Object.values(changes).filter(list => list[0] !== 'no change').length;
        return {
            status: notComputed.length ? 'warn' : 'pass',
            message: `${changed} of ${Object.keys(changes).length + notComputed.length} objects change${notComputed.length ? `; ${notComputed.length} not computed` : ''}`,
            details,
            data: { changes }
        };
    }
});

const NO_IMAGE_HINT = 'Give every service an `image:` (or a `build:` context).';
/** docker-compose.yml: a non-empty `services` map whose every service names an image, a build or a base. */
const composeCheck = defineCheck({
    id: 'compose',
    title: 'docker-compose.yml defines runnable services',
    item: 'review-artifact-generation',
    needs: ['bundle'],
    notApplicable({ options, bundle }) {
        return options.expectedFiles.includes(version.COMPOSE_FILE) || bundle?.has(version.COMPOSE_FILE)
            ? undefined
            : `the bundle has no ${version.COMPOSE_FILE}`;
    },
    async run({ bundle }) {
        if (!bundle.has(version.COMPOSE_FILE)) {
            return {
                status: 'skip',
                skipReason: 'prerequisite-failed',
                blockedBy: 'bundle-files',
                message: `not run: ${version.COMPOSE_FILE} is missing`
            };
        }
        const parsed = bundle.parsed(version.COMPOSE_FILE);
        if (parsed.errors.length > 0) {
            return {
                status: 'skip',
                skipReason: 'prerequisite-failed',
                blockedBy: 'bundle-syntax',
                message: `not run: ${version.COMPOSE_FILE} does not parse`
            };
        }
        const doc = parsed.documents[0];
        const services = isMap(doc?.value) ? doc.value.services : undefined;
        if (!isMap(services) || Object.keys(services).length === 0) {
            const at = positionOf(parsed, services === undefined ? [] : ['services'], doc);
            return {
                status: 'fail',
                message: `${version.COMPOSE_FILE} has no "services" map`,
                findings: [{ severity: 'error', ...at, message: 'no top-level "services" map' }],
                hint: 'A compose file needs `services:` with at least one service.'
            };
        }
        const findings = [];
        for (const [name, service] of Object.entries(services)) {
            // Positions parse the file a second time: only a finding asks for one.
            const at = () => positionOf(parsed, ['services', name], doc);
            if (!isMap(service)) {
                findings.push({ severity: 'error', ...at(), message: `service "${name}" is not a mapping` });
                continue;
            }
            const image = service.image;
            const hasImage = typeof image === 'string' && image.trim() !== '';
            const hasBuild = typeof service.build === 'string' || isMap(service.build);
            if (!hasImage && !hasBuild && service.extends === undefined) {
                findings.push({
                    severity: 'error',
                    ...at(),
                    message: `service "${name}" has neither "image" nor "build"`,
                    hint: NO_IMAGE_HINT
                });
            }
            else if (hasImage && /:latest$/.test(image)) {
                findings.push({
                    severity: 'warning',
                    ...positionOf(parsed, ['services', name, 'image'], doc),
                    message: `service "${name}" uses ${image}: pin a version`,
                    hint: 'Pin the image to a version tag or digest, so that the deploy is reproducible.'
                });
            }
        }
        const errors = findings.filter(f => f.severity === 'error');
        const details = findings.map(f => `${where(f)} ${f.severity}: ${f.message}`);
        const count = Object.keys(services).length;
        if (errors.length > 0) {
            return {
                status: 'fail',
                message: errors.map(f => f.message).join('; '),
                details,
                findings,
                hint: NO_IMAGE_HINT
            };
        }
        if (findings.length > 0)
            return { status: 'warn', message: `${count} services; ${findings[0].message}`, details, findings };
        return {
            status: 'pass',
            message: `${count} services, each with an image or build (${Object.keys(services).join(', ')})`
        };
    }
});

/**
 * Compares the same configuration written in several formats. Values are first brought to a common
 * model: TOML has no null, so null/absent are the same; TOML dates become their ISO text; numbers compare
 * by value (TOML 8001 and JSON 8001.0 are the same number).
 */
function normalise$1(value) {
    if (value === null || value === undefined)
        return null;
    if (value instanceof Date)
        return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
    if (typeof value === 'bigint')
        return Number(value);
    if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string')
        return value;
    if (Array.isArray(value))
        return value.map(normalise$1);
    if (typeof value === 'object') {
        const out = {};
        for (const key of Object.keys(value).sort()) {
            const item = normalise$1(value[key]);
            if (item !== null)
                out[key] = item;
        }
        return out;
    }
    return String(value);
}
/** Renders a key path the way people write it: `llm_router.providers[1].model`, `labels["a.b"]`. */
function formatPath(path) {
    return path
        .map((part, i) => {
        if (typeof part === 'number')
            return `[${part}]`;
        if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(part))
            return i === 0 ? part : `.${part}`;
        return `[${JSON.stringify(part)}]`;
    })
        .join('');
}
const kindOf = (value) => value === undefined ? 'absent' : Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
/**
 * Key paths at which `a` and `b` differ (a missing key counts). Arrays compare element by element,
 * because order matters to the application (e.g. a fallback chain).
 */
function diffPaths(a, b, path = [], out = []) {
    const ka = kindOf(a);
    const kb = kindOf(b);
    if (ka !== kb) {
        out.push(path);
    }
    else if (ka === 'array') {
        const xa = a;
        const xb = b;
        for (let i = 0; i < Math.max(xa.length, xb.length); i++)
            diffPaths(xa[i], xb[i], [...path, i], out);
    }
    else if (ka === 'object') {
        const oa = a;
        const ob = b;
        for (const key of [...new Set([...Object.keys(oa), ...Object.keys(ob)])].sort()) {
            diffPaths(oa[key], ob[key], [...path, key], out);
        }
    }
    else if (!Object.is(a, b)) {
        out.push(path);
    }
    return out;
}
/** The value at a path, or undefined. */
function valueAt(value, path) {
    let current = value;
    for (const part of path) {
        if (current === null || current === undefined || typeof current !== 'object')
            return undefined;
        current = current[part];
    }
    return current;
}
/** Key names whose values must never be printed (they may hold credentials). */
const SECRET_KEY = /(pass(word|wd)?|secret|token|api[-_]?key|private[-_]?key|credential|auth[-_]?key)/i;
/** A short, safe rendering of a value for a diff line: secrets redacted, long values cut. */
function showValue(path, value) {
    if (value === undefined)
        return '(absent)';
    if (path.some(part => typeof part === 'string' && SECRET_KEY.test(part)))
        return '(redacted)';
    // A URL may carry credentials (postgres://user:password@host) under an innocent key such as `url`.
    const text = JSON.stringify(value).replace(/(\w+:\/\/)[^/@\s"]+@/g, '$1***@');
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const NOT_CONFIG = new Set([version.CONFIGMAP_FILE, version.DEPLOYMENT_FILE, version.COMPOSE_FILE]);
const FORMAT_ORDER = ['toml', 'yaml', 'json'];
const MAX_PATHS_SHOWN = 25;
const HINT = 'The TOML, YAML and JSON of a mode must be generated from one source; regenerate the bundle.';
/** Groups config files by name without extension: `vapora-solo` → its .toml/.yaml/.json files. */
function modeGroups(files) {
    const groups = new Map();
    for (const file of files) {
        if (NOT_CONFIG.has(file) || !formatOf(file))
            continue;
        const stem = file.replace(/\.(toml|ya?ml|json)$/i, '');
        groups.set(stem, [...(groups.get(stem) ?? []), file]);
    }
    for (const [stem, members] of groups)
        if (members.length < 2)
            groups.delete(stem);
    return groups;
}
function byFormatOrder(a, b) {
    return FORMAT_ORDER.indexOf(formatOf(a)) - FORMAT_ORDER.indexOf(formatOf(b));
}
/** The members whose value at `path` differs from a majority of the others (none when there is no majority). */
function outliers(members, path) {
    const groups = new Map();
    for (const m of members) {
        const key = JSON.stringify(valueAt(m.value, path) ?? null);
        groups.set(key, [...(groups.get(key) ?? []), m]);
    }
    const largest = Math.max(...[...groups.values()].map(g => g.length));
    if (largest * 2 <= members.length)
        return [];
    return members.filter(m => groups.get(JSON.stringify(valueAt(m.value, path) ?? null)).length < largest);
}
function compareMode(stem, bundle, files) {
    const members = files.map(file => ({
        file,
        format: formatOf(file),
        value: normalise$1(bundle.parsed(file).documents[0]?.value)
    }));
    const byPath = new Map();
    for (const other of members.slice(1)) {
        for (const path of diffPaths(members[0].value, other.value))
            byPath.set(formatPath(path), path);
    }
    if (byPath.size === 0)
        return undefined;
    const paths = [...byPath.values()];
    const oddOnes = paths.map(path => outliers(members, path));
    const single = oddOnes.every(o => o.length === 1 && o[0].format === oddOnes[0][0]?.format);
    const odd = single ? oddOnes[0][0].format : undefined;
    const details = [
        odd
            ? `${stem}: the ${odd} differs from the ${members
                .filter(m => m.format !== odd)
                .map(m => m.format)
                .join(' and ')} at ${paths.length} key path(s)`
            : `${stem}: ${members.map(m => m.format).join(', ')} differ at ${paths.length} key path(s)`
    ];
    const findings = [];
    paths.slice(0, MAX_PATHS_SHOWN).forEach((path, i) => {
        const shown = formatPath(path) || '(document root)';
        const values = members.map(m => {
            const at = bundle.parsed(m.file).locate(path);
            const line = at?.exact ? ` (line ${at.line})` : at ? ' (absent)' : '';
            return `${m.format}=${showValue(path, valueAt(m.value, path))}${at?.exact ? line : ''}`;
        });
        details.push(`  ${shown}: ${values.join(', ')}`);
        // Annotate where the fix goes: the format that disagrees, or every format when there is no majority.
        const blamed = oddOnes[i].length > 0 ? oddOnes[i] : members;
        for (const m of blamed) {
            const at = bundle.parsed(m.file).locate(path);
            const others = members
                .filter(o => o !== m)
                .map(o => `${o.format} ${showValue(path, valueAt(o.value, path))}`);
            findings.push({
                severity: 'error',
                file: m.file,
                line: at?.line ?? 1,
                column: at?.column ?? 1,
                message: `${stem}: ${shown} is ${showValue(path, valueAt(m.value, path))} here but ${others.join(', ')}`,
                hint: HINT
            });
        }
    });
    if (paths.length > MAX_PATHS_SHOWN)
        details.push(`  … and ${paths.length - MAX_PATHS_SHOWN} more`);
    return { stem, paths, odd, details, findings };
}
/**
 * "All 3 modes validate": for each mode, the TOML, YAML and JSON files must describe the same data.
 * Any difference is a blocking failure listing the differing key paths and (redacted) values, naming the
 * format that disagrees with the other two and pointing at its line.
 */
const configModesCheck = defineCheck({
    id: 'config-modes',
    title: 'Verify all 3 modes validate (TOML = YAML = JSON for each mode)',
    item: 'all-modes-validate',
    needs: ['bundle'],
    notApplicable({ options }) {
        return modeGroups(options.expectedFiles).size === 0
            ? 'expected-files lists no config written in several formats'
            : undefined;
    },
    async run({ options, bundle }) {
        const expected = modeGroups(options.expectedFiles);
        const present = modeGroups(bundle.files);
        const stems = [...new Set([...expected.keys(), ...present.keys()])].sort();
        const details = [];
        const drifts = [];
        const uncompared = [];
        for (const stem of stems) {
            const files = (present.get(stem) ?? []).sort(byFormatOrder);
            const missing = (expected.get(stem) ?? []).filter(f => !bundle.has(f));
            const unparsed = files.filter(f => bundle.parsed(f).errors.length > 0);
            if (missing.length > 0 || unparsed.length > 0 || files.length < 2) {
                const why = [...missing.map(f => `${f} missing`), ...unparsed.map(f => `${f} does not parse`)];
                const text = why.join(', ') || 'fewer than two formats present';
                uncompared.push({ stem, why: text, blockedBy: missing.length > 0 ? 'bundle-files' : 'bundle-syntax' });
                details.push(`${stem}: cannot compare: ${text}`);
                continue;
            }
            const drift = compareMode(stem, bundle, files);
            if (drift) {
                drifts.push(drift);
                details.push(...drift.details);
            }
            else {
                details.push(`${stem}: ${files.map(f => formatOf(f)).join(' = ')} ✓`);
            }
        }
        const cannot = uncompared.map(u => `cannot compare ${u.stem}: ${u.why}`);
        if (drifts.length === 0 && uncompared.length > 0) {
            // Only files that are missing or do not parse: those checks said so; this one did not get to run.
            return {
                status: 'skip',
                skipReason: 'prerequisite-failed',
                blockedBy: uncompared[0].blockedBy,
                message: `not run: ${cannot.join('; ')}`,
                details
            };
        }
        if (drifts.length > 0) {
            const summary = drifts
                .map(d => {
                const paths = d.paths.map(p => formatPath(p) || '(document root)');
                const shown = `${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', …' : ''}`;
                return d.odd ? `${d.stem}: the ${d.odd} differs at ${shown}` : `${d.stem} differs at ${shown}`;
            })
                .join('; ');
            return {
                status: 'fail',
                message: `formats disagree: ${[summary, ...cannot].join('; ')}`,
                details,
                findings: drifts.flatMap(d => d.findings),
                hint: HINT,
                data: { differing: Object.fromEntries(drifts.map(d => [d.stem, d.paths.map(p => formatPath(p))])) }
            };
        }
        return {
            status: 'pass',
            message: `${stems.length} modes agree across formats (${stems.join(', ')})`,
            details
        };
    }
});

/**
 * kubectl reads manifests as YAML 1.1 (sigs.k8s.io/yaml on go-yaml v2), where unquoted yes/no/on/off/y/n
 * are booleans; YAML 1.2 (what we parse with) reads them as strings. The same manifest can therefore say
 * `ENABLED: "yes"` to us and `ENABLED: true` to the server. This finds every such value.
 */
const isContainer = (value) => typeof value === 'object' && value !== null;
function walk(a, b, path, out) {
    if (typeof a === 'string' && typeof b === 'boolean')
        return out(path, a, b);
    if (!isContainer(a) || !isContainer(b))
        return;
    for (const key of Object.keys(a)) {
        const index = Array.isArray(a) ? Number(key) : key;
        walk(a[key], b[key], [...path, index], out);
    }
}
/**
 * A word YAML 1.1 reads as a boolean and 1.2 does not, where a plain scalar can stand: a key (before `:`)
 * or a value (after `:`, `-`, `?`, `[`, `,`, `{` or at a line's start, with its anchor or tag), up to the
 * end of the scalar. Text without one cannot read differently, so it is not parsed a second time; the
 * test is loose (a word in a comment or a quoted string passes it too): it only spares the second parse.
 */
const YAML11_ONLY_BOOLEAN = /(?:^|[:?\-[,{])[ \t]*(?:[&!]\S*[ \t]+)*(?:[yYnN]|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)[ \t]*(?:$|[:#,\]}\r])/m;
function yaml11Booleans(text, documents) {
    const readings = [];
    if (!YAML11_ONLY_BOOLEAN.test(text))
        return readings;
    // Timestamps are left out of the 1.1 schema: go-yaml v2 keeps them as strings for untyped fields.
    const legacy = distExports.parseAllDocuments(text, {
        version: '1.1',
        customTags: tags => tags.filter(tag => typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:timestamp')
    });
    if (!Array.isArray(legacy))
        return readings;
    for (const doc of documents) {
        const old = legacy[doc.index];
        if (!old || old.errors.length > 0)
            continue;
        let value;
        try {
            value = old.toJS({ maxAliasCount: 100 });
        }
        catch {
            continue;
        }
        walk(doc.value, value, [], (path, text, kubectlValue) => readings.push({ index: doc.index, path, text, kubectlValue }));
    }
    return readings;
}

const MANIFEST_FILES = [version.CONFIGMAP_FILE, version.DEPLOYMENT_FILE];
const MANIFEST_HINT = 'Fix the manifest generator; names and namespace come from the namespace/deployments/configmap options.';
/** API versions the server no longer serves (removed in Kubernetes 1.16). */
const REMOVED_DEPLOYMENT_APIS = new Set(['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2']);
function checkDeployment(obj, problem, warn) {
    if (REMOVED_DEPLOYMENT_APIS.has(obj.apiVersion)) {
        problem(`uses apiVersion ${obj.apiVersion}, which the server no longer serves: use apps/v1`, [
            'apiVersion'
        ]);
    }
    const spec = isMap(obj.raw.spec) ? obj.raw.spec : undefined;
    const template = spec && isMap(spec.template) ? spec.template : undefined;
    const matchLabels = spec && isMap(spec.selector) && isMap(spec.selector.matchLabels) ? spec.selector.matchLabels : {};
    const templateLabels = template && isMap(template.metadata) && isMap(template.metadata.labels) ? template.metadata.labels : {};
    if (!spec || !isMap(spec.selector))
        problem('has no spec.selector', ['spec', 'selector']);
    for (const [key, value] of Object.entries(matchLabels)) {
        if (templateLabels[key] !== value) {
            problem(`spec.selector.matchLabels ${key}=${String(value)} is not among spec.template.metadata.labels`, ['spec', 'selector', 'matchLabels', key], 'The selector must match the pod template labels; note that a Deployment selector cannot change once created.');
        }
    }
    const podSpec = template && isMap(template.spec) ? template.spec : undefined;
    const containers = podSpec && Array.isArray(podSpec.containers) ? podSpec.containers : [];
    const containersPath = ['spec', 'template', 'spec', 'containers'];
    if (containers.length === 0)
        problem('has no containers in spec.template.spec.containers', containersPath);
    const names = new Set();
    containers.forEach((container, i) => {
        const at = [...containersPath, i];
        if (!isMap(container))
            return problem(`container #${i + 1} is not a mapping`, at);
        const name = typeof container.name === 'string' ? container.name : '';
        if (!name)
            problem(`container #${i + 1} has no name`, at);
        if (names.has(name))
            problem(`container name "${name}" is used twice`, [...at, 'name']);
        names.add(name);
        const image = container.image;
        if (typeof image !== 'string' || image.trim() === '')
            return problem(`container "${name}" has no image`, [...at, 'image']);
        const lastSegment = image.split('/').pop() ?? '';
        if (!image.includes('@') && (!lastSegment.includes(':') || lastSegment.endsWith(':latest'))) {
            warn(`container "${name}" image ${image} is not pinned to a version: a rollback could not restore it`, [...at, 'image'], 'Pin the image to a version tag or a digest (image@sha256:…).');
        }
    });
}
function checkConfigMap(obj, problem) {
    for (const field of ['data', 'binaryData']) {
        const data = obj.raw[field];
        if (data === undefined || data === null)
            continue;
        if (!isMap(data)) {
            problem(`${field} must be a mapping of keys to strings`, [field]);
            continue;
        }
        for (const [key, value] of Object.entries(data)) {
            if (typeof value !== 'string') {
                problem(`${field}.${key} is a ${Array.isArray(value) ? 'list' : typeof value}; ConfigMap values must be strings (quote it)`, [field, key]);
            }
            else if (field === 'binaryData' && !/^[A-Za-z0-9+/]*={0,2}$/.test(value.replace(/\s/g, ''))) {
                problem(`binaryData.${key} is not base64`, [field, key]);
            }
        }
    }
}
/**
 * Manifest sanity, offline: every document is a Kubernetes object with apiVersion, kind and
 * metadata.name; the expected Deployments and ConfigMap are there; namespaces agree with the target;
 * and the mistakes the server would reject (selector not matching the template, non-string ConfigMap
 * values) are caught before any cluster is involved.
 */
const manifestsCheck = defineCheck({
    id: 'manifests',
    title: 'Manifests are sane (objects, names, namespaces)',
    item: 'validate-manifest-syntax',
    needs: ['bundle'],
    notApplicable({ options, bundle }) {
        const relevant = MANIFEST_FILES.filter(f => options.expectedFiles.includes(f) || bundle?.has(f));
        return relevant.length === 0 ? 'the bundle has no configmap.yaml or deployment.yaml' : undefined;
    },
    async run({ options, bundle }) {
        const findings = [];
        const unreadable = [];
        const objects = [];
        const parsedFiles = new Map();
        for (const file of MANIFEST_FILES) {
            if (!bundle.has(file)) {
                if (options.expectedFiles.includes(file))
                    unreadable.push({ file, why: 'missing' });
                continue;
            }
            const parsed = bundle.parsed(file);
            if (parsed.errors.length > 0) {
                unreadable.push({ file, why: 'syntax errors' });
                continue;
            }
            parsedFiles.set(file, parsed);
            const { objects: found, problems } = kubeObjectsIn(parsed);
            objects.push(...found);
            findings.push(...problems.map(({ severity, file, line, column, message }) => ({
                severity,
                file,
                line,
                column,
                message
            })));
            for (const reading of yaml11Booleans(bundle.text(file), parsed.documents)) {
                const doc = parsed.documents.find(d => d.index === reading.index);
                const kind = doc?.value?.kind;
                // A ConfigMap value that kubectl turns into a boolean is rejected by the server; elsewhere it is
                // a silent change of meaning that deserves a look.
                const inConfigMapData = kind === 'ConfigMap' && (reading.path[0] === 'data' || reading.path[0] === 'binaryData');
                findings.push({
                    severity: inConfigMapData ? 'error' : 'warning',
                    ...positionOf(parsed, reading.path, doc),
                    message: `document ${reading.index + 1}: ${formatPath(reading.path)}: ${reading.text} is the string "${reading.text}" in YAML 1.2 but the boolean ${reading.kubectlValue} to kubectl (YAML 1.1)`,
                    hint: `Quote it ("${reading.text}") so that kubectl and the server read the same value.`
                });
            }
        }
        const seen = new Map();
        for (const obj of objects) {
            const parsed = parsedFiles.get(obj.file);
            const add = (severity) => (message, path = [], hint) => {
                findings.push({
                    severity,
                    ...positionOf(parsed, [...obj.path, ...path], obj),
                    message: `${obj.kind} ${obj.name}: ${message}`,
                    hint
                });
            };
            const problem = add('error');
            const warn = add('warning');
            if (obj.namespace !== undefined && obj.namespace !== options.namespace && !obj.clusterScoped) {
                problem(`metadata.namespace is "${obj.namespace}" but the target namespace is "${options.namespace}"`, ['metadata', 'namespace'], `Set metadata.namespace to ${options.namespace} (or leave it out), or set the namespace input to the namespace you deploy to.`);
            }
            if (obj.kind === 'Namespace' && obj.name !== options.namespace) {
                problem(`the bundle creates namespace "${obj.name}" but the target namespace is "${options.namespace}"`, ['metadata', 'name']);
            }
            const identity = `${obj.apiVersion.split('/')[0]}/${obj.kind}/${obj.namespace ?? options.namespace}/${obj.name}`;
            const first = seen.get(identity);
            if (first)
                problem(`defined twice (first at ${first.file}:${first.line})`, ['metadata', 'name']);
            seen.set(identity, obj);
            if (obj.kind === 'Deployment')
                checkDeployment(obj, problem, warn);
            if (obj.kind === 'ConfigMap')
                checkConfigMap(obj, problem);
        }
        // A missing object has no node to point at: the annotation goes on the file, naming the object.
        const missingObject = (file, kind, name) => ({
            severity: 'error',
            file,
            line: 1,
            column: 1,
            message: `${kind} ${name} is not in ${file}`,
            hint: `Add the ${kind} ${name} to ${file}, or set the ${kind === 'Deployment' ? 'deployments' : 'configmap'} input to the names the bundle uses.`
        });
        const inFile = (file, kind) => new Set(objects.filter(o => o.file === file && o.kind === kind).map(o => o.name));
        if (parsedFiles.has(version.DEPLOYMENT_FILE)) {
            const deployments = inFile(version.DEPLOYMENT_FILE, 'Deployment');
            for (const name of options.deployments.filter(n => !deployments.has(n))) {
                findings.push(missingObject(version.DEPLOYMENT_FILE, 'Deployment', name));
            }
        }
        if (parsedFiles.has(version.CONFIGMAP_FILE) && !inFile(version.CONFIGMAP_FILE, 'ConfigMap').has(options.configMap)) {
            findings.push(missingObject(version.CONFIGMAP_FILE, 'ConfigMap', options.configMap));
        }
        const errors = findings.filter(f => f.severity === 'error');
        const details = findings.map(f => `${where(f)} ${f.severity}: ${f.message}`);
        if (unreadable.length > 0) {
            const list = unreadable.map(u => `${u.file} (${u.why})`).join(', ');
            // Nothing else wrong: the check did not run because of the file's own problem, reported elsewhere.
            if (errors.length === 0) {
                return {
                    status: 'skip',
                    skipReason: 'prerequisite-failed',
                    blockedBy: unreadable[0].why === 'missing' ? 'bundle-files' : 'bundle-syntax',
                    message: `not checked: ${list}`,
                    details,
                    findings
                };
            }
            return {
                status: 'fail',
                message: `${errors.length} manifest problem(s): ${errors[0].message}${errors.length > 1 ? ' …' : ''}; not checked: ${list}`,
                details,
                findings,
                hint: MANIFEST_HINT
            };
        }
        const summary = `${objects.length} objects (${[...new Set(objects.map(o => o.kind))].join(', ')})`;
        if (errors.length > 0) {
            return {
                status: 'fail',
                message: `${errors.length} manifest problem(s): ${errors[0].message}${errors.length > 1 ? ' …' : ''}`,
                details,
                findings,
                hint: MANIFEST_HINT
            };
        }
        if (findings.length > 0) {
            return {
                status: 'warn',
                message: `${summary}; ${findings.length} warning(s): ${findings[0].message}`,
                details,
                findings
            };
        }
        return {
            status: 'pass',
            message: `${summary} in namespace ${options.namespace}; all expected objects present`
        };
    }
});

/**
 * Probes an HTTP(S) endpoint a few times and measures each answer. A probe is an answer only when its
 * status line, headers and whole body arrive within the probe timeout (as the kubelet's HTTP probe, whose
 * client timeout covers reading the body); all the probes of one endpoint share one budget, and a probe
 * the budget has no time left for is not sent. Redirects are never followed (a bearer token must not
 * travel to wherever a Location points), bodies are read and discarded, and error messages name the URL
 * without its query or credentials, never the token.
 */
/**
 * How much of a body is read before the answer counts as complete. A health endpoint with a huge body is
 * not hung, and an API list of a few hundred KiB is still read whole, so its latency is the real one; the
 * kubelet reads 10 KiB and treats more as a non-fatal truncation, the same idea.
 */
const MAX_BODY_BYTES = 1024 * 1024;
/** The URL as safe to show: no user info, no query string (either may carry a secret). */
function displayUrl(url) {
    return `${url.protocol}//${url.host}${url.pathname}`;
}
/** A duration as people read it in a message: `0.031 s`, `2.5 s`, `30 s`. */
function formatSeconds(ms) {
    const s = ms / 1000;
    return `${Number(s.toFixed(s >= 10 ? 1 : s >= 1 ? 2 : 3))} s`;
}
const round = (ms) => Math.round(ms * 10) / 10;
/**
 * One probe, given up after `limitMs` (`within` says which bound that is, for the message). A fresh
 * connection each time, as the kubelet's prober: every probe measures the same thing, and no socket
 * outlives the probe.
 */
function probeOnce(url, token, limitMs, within) {
    const client = url.protocol === 'https:' ? https : http;
    const started = require$$5.performance.now();
    const elapsed = () => round(require$$5.performance.now() - started);
    return new Promise(resolve => {
        let status;
        let done = false;
        const finish = (sample) => {
            if (done)
                return;
            done = true;
            clearTimeout(deadline);
            request.destroy();
            resolve(sample);
        };
        const cutOff = (cause) => status === undefined
            ? { complete: false, ms: elapsed(), error: cause }
            : {
                status,
                complete: false,
                ms: elapsed(),
                error: `answer cut off (status ${status} received, body incomplete: ${cause})`
            };
        const request = client.get(url, {
            agent: false,
            headers: {
                'user-agent': 'vapora-preflight',
                accept: 'application/json, */*',
                ...(token ? { authorization: `Bearer ${token}` } : {})
            }
        }, response => {
            status = response.statusCode;
            let bytes = 0;
            response.on('data', (chunk) => {
                bytes += chunk.length;
                if (bytes >= MAX_BODY_BYTES)
                    finish({ status, complete: true, ms: elapsed() });
            });
            response.on('end', () => finish({ status, complete: true, ms: elapsed() }));
            response.on('error', error => finish(cutOff(error.message)));
            // A body cut off mid-way can end in 'close' without 'end' or 'error'.
            response.on('close', () => finish(cutOff('connection closed')));
        });
        // One deadline for the whole probe: a socket timeout only measures silence, and a server trickling
        // its body a byte at a time would never trip it.
        const deadline = setTimeout(() => {
            const got = status === undefined ? 'no status received' : `status ${status} received, body unfinished`;
            finish({ status, complete: false, ms: elapsed(), error: `no complete answer ${within} (${got})` });
        }, limitMs);
        // Node's network errors carry the host and port, never the request headers.
        request.on('error', error => finish(cutOff(error.message)));
    });
}
/**
 * Probes `url` `count` times, one after the other (latency is what is measured, not throughput), each
 * probe within `timeoutMs` and all of them within `budgetMs`: a probe gets the time the budget has left
 * when that is less than its timeout, and once the budget is spent the remaining probes are not sent.
 */
async function probe(url, options) {
    const started = require$$5.performance.now();
    const budget = formatSeconds(options.budgetMs);
    const samples = [];
    for (let i = 0; i < options.count; i++) {
        // Whole ms, rounded up: the first probe of a budget equal to the timeout gets the whole timeout.
        const left = Math.ceil(options.budgetMs - (require$$5.performance.now() - started));
        if (left <= 0) {
            const error = `not sent: the endpoint's ${budget} budget was spent`;
            samples.push({ complete: false, ms: 0, error, notSent: true });
        }
        else if (left < options.timeoutMs) {
            const within = `within the ${formatSeconds(left)} left of the endpoint's ${budget} budget`;
            samples.push(await probeOnce(url, options.token, left, within));
        }
        else {
            const within = `within ${formatSeconds(options.timeoutMs)}`;
            samples.push(await probeOnce(url, options.token, options.timeoutMs, within));
        }
    }
    return { samples, spentMs: round(require$$5.performance.now() - started) };
}
/** The p-th percentile (nearest rank) of `values`. */
function percentile(values, p) {
    if (values.length === 0)
        return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
function problemOf(sample, expected) {
    if (!sample.complete)
        return sample.error;
    if (sample.status === expected)
        return undefined;
    const redirect = sample.status >= 300 && sample.status < 400 ? ' (redirect, not followed)' : '';
    return `HTTP ${sample.status}${redirect}`;
}
function summarise(url, run, expected, bounds) {
    const { samples } = run;
    const statuses = {};
    const problems = new Map();
    let notSent = 0;
    for (const s of samples) {
        if (s.notSent)
            notSent++;
        const key = s.complete ? String(s.status) : s.notSent ? 'not sent' : 'no complete answer';
        statuses[key] = (statuses[key] ?? 0) + 1;
        const problem = problemOf(s, expected);
        if (problem)
            problems.set(problem, (problems.get(problem) ?? 0) + 1);
    }
    const answered = samples.filter(s => s.complete).map(s => s.ms);
    const ok = samples.filter(s => s.complete && s.status === expected).length;
    return {
        url: displayUrl(url),
        ok,
        count: samples.length,
        p50Ms: percentile(answered, 50),
        p95Ms: percentile(answered, 95),
        p99Ms: percentile(answered, 99),
        errors: samples.length - ok,
        statuses,
        // In the order they first happened: a hang comes before the probes it left no time for.
        problems: [...problems].map(([problem, probes]) => ({ problem, probes })),
        notSent,
        spentMs: run.spentMs,
        budgetMs: bounds.budgetMs,
        probeTimeoutMs: bounds.probeTimeoutMs
    };
}

/** What the health and API checks share: probe each URL, judge status and latency, describe it. */
/** `2 HTTP 503; 1 no complete answer within 10 s (…)`: each problem with how many probes had it. */
function problemList(s) {
    return s.problems.map(p => `${p.probes} ${p.problem}`).join('; ');
}
/** The endpoint checks, preflight and verify mode alike: the baseline reads them all. */
const ENDPOINTS_DATA = ['health-endpoint', 'api-endpoints', 'verify-health', 'verify-api'].map(id => dataKey(id));
function describe(s) {
    const latency = Number.isNaN(s.p50Ms) ? 'no complete answer' : `p50 ${s.p50Ms} ms, p95 ${s.p95Ms} ms`;
    const spent = `in ${formatSeconds(s.spentMs)} of its ${formatSeconds(s.budgetMs)} budget`;
    return `${s.url}: ${s.ok}/${s.count} OK ${spent}, ${latency}`;
}
/** How to fix what failed, the most specific cause first. */
function hintFor(failing) {
    const statuses = failing.flatMap(s => Object.keys(s.statuses));
    const hints = [];
    if (statuses.includes('401') || statuses.includes('403'))
        hints.push('The endpoint refused the credentials: check health-token.');
    if (statuses.includes('no complete answer')) {
        const timeout = formatSeconds(failing[0].probeTimeoutMs);
        hints.push(`A probe counts only when its status and whole body arrive within probe-timeout (${timeout}): check the service is not hung or overloaded; raise probe-timeout only if it is slow by design.`);
    }
    if (failing.some(s => s.notSent > 0)) {
        const budget = formatSeconds(failing[0].budgetMs);
        hints.push(`The probes used up endpoint-budget (${budget}) before all were sent: fix what makes them slow, or raise endpoint-budget (or lower probe-count).`);
    }
    return hints.length > 0
        ? hints.join(' ')
        : 'Check the service is up and the URL is right; a redirect is reported, not followed.';
}
/**
 * Probes every URL `probeCount` times (one URL after another, so the latency measured is the service's,
 * not ours), each probe within `probeTimeoutMs` and each URL's probes within `endpointBudgetMs`. Blocks
 * when any probe did not answer 200 in time (or was not sent), or when a p95 is over the latency threshold.
 */
async function checkEndpoints(urls, options, what) {
    const bounds = { probeTimeoutMs: options.probeTimeoutMs, budgetMs: options.endpointBudgetMs };
    const summaries = [];
    for (const url of urls) {
        const run = await probe(url, {
            token: options.healthToken,
            timeoutMs: bounds.probeTimeoutMs,
            budgetMs: bounds.budgetMs,
            count: options.probeCount
        });
        summaries.push(summarise(url, run, 200, bounds));
    }
    const failing = summaries.filter(s => s.errors > 0);
    const slow = options.latencyThresholdMs === undefined
        ? []
        : summaries.filter(s => !Number.isNaN(s.p95Ms) && s.p95Ms > options.latencyThresholdMs);
    const details = summaries.map(describe);
    const data = { endpoints: summaries };
    if (failing.length > 0) {
        const failed = failing.reduce((n, s) => n + s.errors, 0);
        const probes = summaries.reduce((n, s) => n + s.count, 0);
        const where = failing.map(s => `${s.url} (${problemList(s)})`).join(', ');
        return {
            status: 'fail',
            message: `${what}: ${failed} of ${probes} probes failed at ${where}`,
            details,
            data,
            hint: hintFor(failing)
        };
    }
    if (slow.length > 0) {
        return {
            status: 'fail',
            message: `${what}: p95 latency over ${options.latencyThresholdMs} ms at ${slow.map(s => `${s.url} (${s.p95Ms} ms)`).join(', ')}`,
            details,
            data
        };
    }
    return { status: 'pass', message: `${what}: ${details.join('; ')}`, details, data };
}

/** "Verify health endpoints respond (200 OK)", probed `probe-count` times with p50/p95 latency. */
const healthEndpointCheck = defineCheck({
    id: 'health-endpoint',
    title: 'Verify health endpoints respond (200 OK)',
    item: 'services-responsive',
    needs: ['network'],
    notApplicable: ctx => (ctx.options.healthUrl ? undefined : 'no health-url given'),
    run: ctx => checkEndpoints([ctx.options.healthUrl], ctx.options, 'health endpoint')
});

/** "API endpoints respond to test requests": each of `api-urls`, expected 200. */
const apiEndpointsCheck = defineCheck({
    id: 'api-endpoints',
    title: 'Verify API endpoints respond to test requests',
    item: 'services-responsive',
    needs: ['network'],
    notApplicable: ctx => (ctx.options.apiUrls.length > 0 ? undefined : 'no api-urls given'),
    run: ctx => checkEndpoints(ctx.options.apiUrls, ctx.options, `${ctx.options.apiUrls.length} API endpoint(s)`)
});

/**
 * "Check certificate expiry": a live TLS handshake with SNI, then the leaf certificate's subject, issuer,
 * host match (SAN) and days left. Expired, wrong host or fewer days than `cert-min-days` block; a chain
 * the runner does not trust is reported as a warning (a private CA is common for internal endpoints).
 */
const DAY_MS = 86_400_000;
function handshake(host, port, timeoutMs, extraCa) {
    return new Promise((resolve, reject) => {
        // rejectUnauthorized: false so that an untrusted chain still shows us the certificate; trust is
        // judged below from socket.authorized.
        const socket = tls.connect({
            host,
            port,
            servername: host,
            rejectUnauthorized: false,
            timeout: timeoutMs,
            ...(extraCa ? { ca: [...tls.rootCertificates, extraCa] } : {})
        });
        socket.once('secureConnect', () => {
            const cert = socket.getPeerCertificate(false);
            const chainError = socket.authorized
                ? undefined
                : String(socket.authorizationError ?? 'untrusted chain');
            socket.end();
            if (!cert || Object.keys(cert).length === 0)
                reject(new Error('the server sent no certificate'));
            else
                resolve({ cert, chainError });
        });
        socket.once('timeout', () => socket.destroy(new Error(`no TLS handshake within ${timeoutMs} ms`)));
        socket.once('error', reject);
    });
}
const name = (entity) => {
    const value = entity ? (entity.CN ?? entity.O) : undefined;
    return value === undefined ? '?' : [value].flat().join(', ');
};
const tlsExpiryCheck = defineCheck({
    id: 'tls-expiry',
    title: 'Check certificate expiry',
    item: 'tls-certificate-expiry',
    needs: ['network'],
    notApplicable: ctx => (ctx.options.tlsEndpoint ? undefined : 'no tls-endpoint given'),
    async run(ctx) {
        const { host, port } = ctx.options.tlsEndpoint;
        const where = `${host}:${port}`;
        let result;
        try {
            result = await handshake(host, port, ctx.options.requestTimeoutMs, ctx.options.tlsCa);
        }
        catch (error) {
            return {
                status: 'fail',
                message: `${where}: no TLS handshake (${error.message})`,
                hint: 'Check tls-endpoint (host:port) and that the port speaks TLS.'
            };
        }
        const { cert, chainError } = result;
        const expires = Date.parse(cert.valid_to);
        const days = Math.floor((expires - Date.now()) / DAY_MS);
        const identity = tls.checkServerIdentity(host, cert);
        const details = [
            `subject: ${name(cert.subject)}`,
            `issuer: ${name(cert.issuer)}`,
            `names: ${cert.subjectaltname ?? '(no subjectAltName)'}`,
            `valid ${cert.valid_from} → ${cert.valid_to} (${days} days left)`,
            ...(chainError ? [`chain: ${chainError}`] : [])
        ];
        const data = {
            host,
            port,
            daysLeft: days,
            validTo: new Date(expires).toISOString(),
            issuer: name(cert.issuer)
        };
        const problems = [];
        if (expires <= Date.now())
            problems.push(`the certificate expired on ${new Date(expires).toISOString()}`);
        else if (days < ctx.options.certMinDays)
            problems.push(`the certificate expires in ${days} days (< cert-min-days ${ctx.options.certMinDays})`);
        if (identity)
            problems.push(`it is not valid for ${host} (${identity.message})`);
        if (problems.length > 0) {
            return {
                status: 'fail',
                message: `${where}: ${problems.join('; ')}`,
                details,
                data,
                hint: 'Renew or fix the certificate before deploying (cert-manager: kubectl get certificate -A).'
            };
        }
        if (chainError) {
            return {
                status: 'warn',
                message: `${where}: valid for ${host}, ${days} days left, but the chain is not trusted here (${chainError})`,
                details,
                data,
                hint: 'For a private CA, pass its certificate as tls-ca; otherwise the server is missing intermediates.'
            };
        }
        return {
            status: 'pass',
            message: `${where}: valid for ${host}, ${days} days left (issuer ${name(cert.issuer)})`,
            details,
            data
        };
    }
});

/**
 * "Confirm main branch has latest changes": the deployed commit is the head of the default branch, or a
 * tag on it (an older release, deliberately). A commit behind the head without a tag, or one that never
 * reached the default branch, blocks.
 */
const GIT_MAIN_DATA = dataKey('git-main');
/** The tag named by the run's ref when the run is for that very commit; else undefined. */
function refTag(target) {
    const tag = /^refs\/tags\/(.+)$/.exec(target.spec.ref ?? '')?.[1];
    return tag && target.commit === target.spec.runCommit ? tag : undefined;
}
const gitMainCheck = defineCheck({
    id: 'git-main',
    title: 'Confirm main branch has latest changes',
    item: 'main-has-latest',
    needs: ['github'],
    notApplicable: ctx => (ctx.changes ? undefined : NO_TARGET),
    async run(ctx) {
        const target = ctx.changes;
        if ('problem' in target)
            return { status: 'error', message: target.problem };
        const reader = await target.reader();
        const sha = short(target.commit);
        let branch = 'the default branch';
        try {
            branch = await reader.defaultBranch();
            const compared = await reader.compare(branch, target.commit, 0);
            const data = {
                repository: target.repository,
                commit: target.commit,
                defaultBranch: branch,
                status: compared.status
            };
            if (compared.status === 'identical') {
                return { status: 'pass', message: `${sha} is the head of ${branch} (${target.source})`, data };
            }
            if (compared.status === 'behind') {
                const tags = refTag(target) ? [refTag(target)] : await reader.tagsAt(target.commit);
                if (tags.length > 0) {
                    return {
                        status: 'pass',
                        message: `${sha} is tag ${tags.join(', ')} on ${branch} (${branch} has ${compared.behindBy} newer commit(s))`,
                        data: { ...data, tags }
                    };
                }
                return {
                    status: 'fail',
                    message: `${sha} is ${compared.behindBy} commit(s) behind the head of ${branch}: ${branch} has changes this deploy lacks (${target.source})`,
                    hint: `Deploy the head of ${branch} (re-run the bundle build on it), or tag ${sha} if deploying an older release is intended.`,
                    data
                };
            }
            return {
                status: 'fail',
                message: `${sha} is not on ${branch}: ${compared.aheadBy} commit(s) of it were never merged into ${branch} (${target.source})`,
                hint: `Merge the change into ${branch} through a pull request, build the bundle from ${branch}, then deploy that.`,
                data
            };
        }
        catch (error) {
            if (error.status === 404) {
                return {
                    status: 'fail',
                    message: `commit ${sha} is not in ${target.repository} (or ${branch} is not found): nothing proves what is deployed was ever pushed`,
                    hint: `Check the commit input and the repository; ${target.source} gave ${target.commit}.`
                };
            }
            return changeProblem(reader, error, `comparing ${sha} with ${branch} of ${target.repository}`, 'contents: read');
        }
    }
});

/**
 * "Check git log for unexpected commits" and "All provisioning changes merged and code reviewed": every
 * commit since the last preflight that reached go for this environment (recorded in the tracking issue)
 * must have reached the default branch through a merged pull request with an approving review. The seed
 * says to reschedule on "unexpected changes in code/configs", so a flagged commit blocks by default; a
 * policy can make it a warning.
 */
/** More commits than this since the last go are not verified one by one (and block: review them by hand). */
const MAX_COMMITS = 250;
const GIT_HISTORY_DATA = dataKey('git-history');
function flagOf(provenance) {
    if (provenance.kind === 'reviewed')
        return undefined;
    if (provenance.kind === 'direct')
        return 'not from a merged pull request (pushed directly?)';
    return `PR #${provenance.pull.number} ${provenance.pull.problem ?? 'not approved'}`;
}
const line = (c) => `${short(c.sha)} ${c.title} — ${c.author}${c.pull ? ` · #${c.pull.number}` : ''}${c.flag ? ` ⚠️ ${c.flag}` : ''}`;
const gitHistoryCheck = defineCheck({
    id: 'git-history',
    title: 'Check git log for unexpected commits',
    item: 'changes-merged-reviewed',
    needs: ['github'],
    notApplicable: ctx => {
        if (!ctx.changes)
            return NO_TARGET;
        if ('problem' in ctx.changes)
            return undefined;
        const spec = ctx.changes.spec;
        if (spec.lastGoProblem)
            return undefined;
        if (!spec.lastGo) {
            return `${spec.noRecordReason ?? 'no earlier go is recorded in the tracking issue'}; commits are listed from the next run on, against this run's commit`;
        }
        if (spec.lastGo.repository.toLowerCase() !== ctx.changes.repository.toLowerCase()) {
            return `the last go deployed ${spec.lastGo.repository}, this run deploys ${ctx.changes.repository}: no history in common`;
        }
        return undefined;
    },
    async run(ctx) {
        const target = ctx.changes;
        if ('problem' in target)
            return { status: 'error', message: target.problem };
        if (target.spec.lastGoProblem) {
            return {
                status: 'error',
                message: `could not read the last go from the tracking issue: ${target.spec.lastGoProblem}`,
                hint: 'Give the job `permissions: issues: read` (write for the tracking issue itself).'
            };
        }
        const lastGo = target.spec.lastGo;
        const base = { repository: target.repository, base: lastGo.sha, head: target.commit, lastGoAt: lastGo.at };
        const since = `the last go (${short(lastGo.sha)}${lastGo.at ? `, ${lastGo.at}` : ''})`;
        if (lastGo.sha === target.commit) {
            return {
                status: 'pass',
                message: `no new commits since ${since}`,
                data: { ...base, commits: [], total: 0 }
            };
        }
        const reader = await target.reader();
        let compared;
        let branch;
        try {
            branch = await reader.defaultBranch();
            compared = await reader.compare(lastGo.sha, target.commit, MAX_COMMITS);
        }
        catch (error) {
            if (error.status === 404) {
                return {
                    status: 'fail',
                    message: `${short(lastGo.sha)} (the last go) or ${short(target.commit)} is not in ${target.repository}: the history was rewritten, or the record is wrong`,
                    hint: 'Compare the two commits by hand; if the history is as intended, close the tracking issue so the next run starts a fresh record.'
                };
            }
            return changeProblem(reader, error, `comparing ${short(lastGo.sha)}...${short(target.commit)} in ${target.repository}`, 'contents: read');
        }
        if (compared.status === 'identical') {
            return {
                status: 'pass',
                message: `no new commits since ${since}`,
                data: { ...base, commits: [], total: 0 }
            };
        }
        if (compared.status === 'behind') {
            return {
                status: 'warn',
                message: `${short(target.commit)} is ${compared.behindBy} commit(s) older than ${since}: this deploys older code (a rollback?)`,
                data: { ...base, commits: [], total: 0, behindBy: compared.behindBy }
            };
        }
        let commits;
        try {
            commits = await mapLimited(compared.commits, 8, async (c) => {
                const provenance = await reader.provenance(c.sha, branch);
                return {
                    ...c,
                    pull: provenance.kind === 'direct'
                        ? undefined
                        : { number: provenance.pull.number, url: provenance.pull.url },
                    flag: flagOf(provenance)
                };
            });
        }
        catch (error) {
            return changeProblem(reader, error, `reading the pull requests of the commits since ${since}`, 'pull-requests: read');
        }
        const flagged = commits.filter(c => c.flag);
        const data = { ...base, commits, total: compared.aheadBy, status: compared.status };
        const details = commits.map(line);
        const problems = [];
        if (compared.status === 'diverged') {
            problems.push(`${short(lastGo.sha)} (the last go) is not an ancestor of ${short(target.commit)}: ${compared.behindBy} commit(s) deployed then are gone (history rewritten, or a branch other than ${branch})`);
        }
        if (flagged.length > 0) {
            problems.push(`${flagged.length} of ${commits.length} commit(s) since ${since} did not arrive through a merged, approved pull request: ${flagged
                .slice(0, 3)
                .map(c => `${short(c.sha)} "${c.title}" (${c.flag})`)
                .join(', ')}${flagged.length > 3 ? ', …' : ''}`);
        }
        if (!compared.complete) {
            problems.push(`${compared.aheadBy} commits since ${since}: only the first ${commits.length} were verified`);
        }
        if (problems.length > 0) {
            return {
                status: 'fail',
                message: problems.join('; '),
                details,
                hint: 'Look at each flagged commit: revert what was not intended, or have its change reviewed. When it is accepted, a policy can make git-history a warning for this run.',
                data
            };
        }
        const pulls = [...new Set(commits.map(c => c.pull.number))].sort((a, b) => a - b);
        return {
            status: 'pass',
            message: `${commits.length} commit(s) since ${since}, all through merged, approved pull requests (${pulls.map(n => `#${n}`).join(', ')})`,
            details,
            data
        };
    }
});

/** Every check, in report order. `bundle-unpack` is reported by the engine itself, before these. */
const ALL_CHECKS = [
    bundleFilesCheck,
    bundleSyntaxCheck,
    manifestsCheck,
    configModesCheck,
    composeCheck,
    clusterAccessCheck,
    kubectlVersionCheck,
    permissionsCheck,
    nodesReadyCheck,
    namespaceExistsCheck,
    deploymentsAvailableCheck,
    podsRunningCheck,
    recentEventsCheck,
    nodeCapacityCheck,
    dryRunCheck,
    whatChangesCheck,
    rolloutHistoryCheck,
    configMapBackupCheck,
    healthEndpointCheck,
    apiEndpointsCheck,
    tlsExpiryCheck,
    gitMainCheck,
    gitHistoryCheck
];

/**
 * The results a run reports that no check file declares: what the engine does itself (download, unpack,
 * baseline, losing the API server), what verify mode adds (metrics, the record), the steps after the checks
 * (tracking issue, kit upload, manual gate, Slack, sign-off) and the two ways a run cannot start. Their id,
 * title and section live here once, the section derived from the checklist model like a check's.
 */
/**
 * A result placed in the checklist: `home` is an item key (which must name the id when any item does) or a
 * section key; absent, the result belongs to no section (the run itself: inputs, a crash).
 */
function defineResult(spec) {
    if (spec.home === undefined)
        return { id: spec.id, title: spec.title, section: '' };
    const section = reportSectionOf(spec.home);
    const naming = itemsNaming(spec.id);
    if (naming.length > 0 && !naming.includes(spec.home)) {
        throw new Error(`result ${spec.id}: its home "${spec.home}" does not name it (the items that do: ${naming.join(', ')})`);
    }
    return { id: spec.id, title: spec.title, section };
}
const ARTIFACT_DOWNLOAD = defineResult({
    id: 'artifact-download',
    title: 'Download the deployment-artifacts bundle and verify its digest',
    home: 'download-artifacts'
});
const BUNDLE_UNPACK = defineResult({
    id: 'bundle-unpack',
    title: 'Download artifacts and unpack them safely',
    home: 'verify-artifact-contents'
});
/** The API server answered at the start and stopped during the run: one cause, not a dozen. */
const API_SERVER = defineResult({
    id: 'api-server',
    title: 'The API server keeps answering during the run',
    home: 'kubeconfig-valid'
});
const BASELINE = defineResult({
    id: 'baseline',
    title: 'Record current metrics before deployment',
    home: 'record-baseline-metrics'
});
/** The verdict itself verifies "No critical issues found during testing". */
const DECISION = defineResult({
    id: 'decision',
    title: 'Go/no-go decision',
    home: 'go-no-critical-issues'
});
const TRACKING_ISSUE = defineResult({
    id: 'tracking-issue',
    title: 'Create GitHub issue or ticket tracking the deployment',
    home: 'tracking-issue'
});
const ROLLBACK_KIT_UPLOAD = defineResult({
    id: 'rollback-kit-upload',
    title: 'Keep the rollback kit (report and ConfigMap backup) as an artifact',
    home: 'configmap-backup'
});
const MANUAL_ITEMS = defineResult({
    id: 'manual-items',
    title: 'Every required manual item of the tracking issue is ticked',
    home: 'go-all-items-completed'
});
const SLACK_WEBHOOK = defineResult({
    id: 'slack-webhook',
    title: 'Verify Slack webhook is working (test send message)',
    home: 'slack-webhook'
});
const VERIFY_METRICS = defineResult({
    id: 'verify-metrics',
    title: 'Metrics show normal resource usage',
    home: 'success-normal-usage'
});
const VERIFY_RECORD = defineResult({
    id: 'verify-record',
    title: 'Record the deployment (start, end, duration, rollback, metrics)',
    home: 'post-start-time'
});
/** Verify mode's tracking-issue step: the record and the sign-off, not the preflight's issue. */
const SIGN_OFF = defineResult({
    id: 'sign-off',
    title: 'Record the deployment and sign-off in the tracking issue',
    home: 'post'
});
/** A run whose inputs (or policy file) are invalid: nothing was checked. */
const INPUTS = defineResult({ id: 'inputs', title: 'Read and validate the inputs' });
/** A run that crashed, or whose code failed to load. */
const ACTION = defineResult({ id: 'action', title: 'Run the action' });

/** Skips that do not block: the check was declared out of scope, or has nothing to look at. */
const HARMLESS_SKIPS = new Set(['offline', 'not-applicable']);
/** Whether one result keeps the decision at no-go. */
function isBlocking(result) {
    switch (result.status) {
        case 'pass':
        case 'warn':
            return false;
        case 'fail':
        case 'error':
            return true;
        case 'skip':
            return !(result.skipReason && HARMLESS_SKIPS.has(result.skipReason));
    }
}
/**
 * The root cause of a blocking result: follow `blockedBy` while it names another blocking result. A
 * `blockedBy` that names no result of the run is a missing prerequisite (e.g. `preflight-record`); one
 * that names a result that does not block (a policy made it a warning) leaves this result its own cause.
 */
function rootOf(result, byId) {
    let current = result;
    const seen = new Set();
    while (current.blockedBy && !seen.has(current.id)) {
        seen.add(current.id);
        const next = byId.get(current.blockedBy);
        if (!next)
            return current.blockedBy;
        if (!next.blocking)
            return current.id;
        current = next;
    }
    return current.id;
}
/** Groups the blocking results by root cause, in report order. */
function rootCauses(results) {
    const byId = new Map(results.map(r => [r.id, r]));
    const causes = new Map();
    for (const result of results.filter(r => r.blocking)) {
        const root = rootOf(result, byId);
        const rootResult = byId.get(root);
        let cause = causes.get(root);
        if (!cause) {
            const source = rootResult ?? result;
            cause = {
                check: root,
                prerequisite: rootResult === undefined,
                // A missing prerequisite speaks through the first check it stopped ("not run: no record …").
                message: rootResult ? source.message : source.message.replace(/^not run: /, ''),
                hint: source.hint,
                blocks: []
            };
            causes.set(root, cause);
        }
        if (result.id !== root)
            cause.blocks.push(result.id);
    }
    return [...causes.values()];
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** "…; 12 more checks blocked by it" — a root cause counts what it kept from running. */
function causeMessage(cause) {
    const blocked = cause.blocks.length;
    if (blocked === 0)
        return cause.message;
    return `${cause.message}; ${plural(blocked, cause.prerequisite ? 'check' : 'more check')} blocked by it`;
}
function countStatuses(results) {
    const counts = { pass: 0, warn: 0, fail: 0, skip: 0, error: 0 };
    for (const result of results)
        counts[result.status]++;
    return counts;
}
/** Decides from results whose `blocking` flags were set with `isBlocking`. */
function decide(results, options) {
    const blocking = results.filter(r => r.blocking);
    const ran = results.filter(r => r.status !== 'skip');
    const causes = rootCauses(results);
    const reasons = causes.map(cause => ({ check: cause.check, message: causeMessage(cause) }));
    if (ran.length === 0)
        reasons.push({ check: null, message: 'no check ran, so nothing was verified' });
    const decision = blocking.length === 0 && ran.length > 0 ? 'go' : 'no-go';
    return {
        decision,
        failedChecks: blocking.map(r => r.id),
        warnings: results.filter(r => r.status === 'warn').map(r => ({ check: r.id, message: r.message })),
        reasons,
        rootCauses: causes,
        counts: countStatuses(results),
        scope: options.offline ? 'bundle-only' : 'full'
    };
}

/**
 * "Record current metrics before deployment": the numbers the post-deploy comparison needs, gathered
 * from the checks that measured them (endpoint latency and errors, pod restarts, node usage).
 */
function collectBaseline(results, latencyThresholdMs) {
    const endpoints = ENDPOINTS_DATA.flatMap(key => readData(results, key)?.endpoints ?? []);
    const pods = readData(results, PODS_RUNNING_DATA);
    const nodes = readData(results, NODE_CAPACITY_DATA);
    const baseline = {
        endpoints: endpoints.map(e => ({
            url: e.url,
            p50Ms: e.p50Ms,
            p95Ms: e.p95Ms,
            p99Ms: e.p99Ms,
            errors: e.errors,
            probes: e.count
        })),
        podRestarts: pods?.restartsByPod,
        nodes: nodes?.nodes,
        nodeUsageSource: nodes?.source,
        latencyThresholdMs
    };
    const empty = baseline.endpoints.length === 0 && !baseline.podRestarts && !baseline.nodes;
    return empty ? undefined : baseline;
}
/** The `baseline` result: recorded, or nothing to record (offline, or no endpoints and no cluster). */
function baselineOutcome(baseline) {
    if (!baseline) {
        return {
            status: 'skip',
            skipReason: 'not-applicable',
            message: 'not applicable: nothing measured (no endpoint probed, no cluster read)'
        };
    }
    const parts = [
        baseline.endpoints.length ? `${baseline.endpoints.length} endpoint(s)` : '',
        baseline.podRestarts ? `restarts of ${Object.keys(baseline.podRestarts).length} pod(s)` : '',
        baseline.nodes ? `usage of ${baseline.nodes.length} node(s)` : ''
    ].filter(Boolean);
    return { status: 'pass', message: `recorded ${parts.join(', ')}` };
}

/** Parses durations like 90s, 30m, 1h, 2h30m, 1d. */
function parseDuration(text) {
    const units = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
    const parts = [...text.trim().matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
    if (parts.length === 0 || parts.map(p => p[0]).join('') !== text.trim())
        return undefined;
    return parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]], 0);
}

/**
 * The policy file (`policy` input): a team's own go/no-go rules on top of the default one. It can make a
 * check blocking, a warning or off, limit a check to some environments, and set thresholds:
 *
 * ```yaml
 * checks:
 *   recent-events: blocking          # a Warning event now blocks
 *   node-capacity: warning           # reported, never blocks
 *   tls-expiry: { severity: blocking, environments: [production] }   # off elsewhere
 * thresholds:
 *   cert-min-days: 30
 *   capacity-threshold: 90%
 *   latency-threshold-ms: 800
 *   probe-timeout: 5s                # per probe: status and whole body
 *   endpoint-budget: 20s             # per endpoint: all its probes
 * ```
 *
 * An invalid file is an input error naming the file, line and column: the run is then no-go, never
 * quietly run with the default policy.
 */
const SEVERITIES = ['blocking', 'warning', 'off'];
const THRESHOLDS = {
    'cert-min-days': 'certMinDays',
    'capacity-threshold': 'capacityThreshold',
    'latency-threshold-ms': 'latencyThresholdMs',
    'probe-count': 'probeCount',
    'events-window': 'eventsWindow',
    'probe-timeout': 'probeTimeout',
    'endpoint-budget': 'endpointBudget'
};
const DURATIONS = new Set([
    'eventsWindow',
    'probeTimeout',
    'endpointBudget'
]);
const isDuration = (field) => DURATIONS.has(field);
/** Reads and validates the policy at `path`. `knownChecks` are the ids a rule may name. */
function loadPolicy(path, knownChecks, knownItems = []) {
    let text;
    try {
        text = fs.readFileSync(path, 'utf8');
    }
    catch (error) {
        throw new version.UsageError(`policy: cannot read "${path}" (${version.describeError(error)}); the path is relative to the workspace.`);
    }
    const lines = new distExports.LineCounter();
    const doc = distExports.parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const at = (node) => {
        const offset = node?.range?.[0] ?? 0;
        const { line, col } = lines.linePos(offset);
        return `${path}:${line}:${col}`;
    };
    const fail = (node, message) => {
        throw new version.UsageError(`policy ${at(node)}: ${message}`);
    };
    if (doc.errors.length > 0) {
        const error = doc.errors[0];
        const { line, col } = lines.linePos(error.pos[0]);
        throw new version.UsageError(`policy ${path}:${line}:${col}: not valid YAML (${error.message.split('\n')[0]}).`);
    }
    const policy = { path, checks: new Map(), optionalItems: new Set(), thresholds: {} };
    const root = doc.contents;
    if (root === null)
        return policy;
    if (!distExports.isMap(root))
        return fail(root, 'expected a map with `checks:` and/or `thresholds:`.');
    for (const pair of root.items) {
        const key = distExports.isScalar(pair.key) ? String(pair.key.value) : '';
        const value = pair.value;
        if (key === 'version')
            continue;
        if (key === 'checks') {
            if (!distExports.isMap(value))
                fail(value, '`checks:` must map check ids to blocking, warning or off.');
            for (const rule of value.items) {
                const id = distExports.isScalar(rule.key) ? String(rule.key.value) : '';
                if (!knownChecks.includes(id)) {
                    fail(rule.key, `unknown check "${id}"; known: ${knownChecks.join(', ')}.`);
                }
                policy.checks.set(id, parseRule(rule.value, at, fail));
            }
        }
        else if (key === 'optional-items') {
            if (!distExports.isSeq(value))
                fail(value, '`optional-items:` must be a list of checklist item keys, e.g. [t-1h.status-page-maintenance].');
            for (const item of value.items) {
                const id = distExports.isScalar(item) ? String(item.value) : '';
                if (!knownItems.includes(id))
                    fail(item, `unknown checklist item "${id}"; item keys look like t-1h.status-page-maintenance (see the issue's HTML comments).`);
                policy.optionalItems.add(id);
            }
        }
        else if (key === 'thresholds') {
            if (!distExports.isMap(value))
                fail(value, '`thresholds:` must be a map, e.g. cert-min-days: 30.');
            for (const item of value.items) {
                const name = distExports.isScalar(item.key) ? String(item.key.value) : '';
                const field = THRESHOLDS[name];
                if (!field)
                    fail(item.key, `unknown threshold "${name}"; known: ${Object.keys(THRESHOLDS).join(', ')}.`);
                const raw = distExports.isScalar(item.value) ? item.value.value : undefined;
                if (typeof raw !== 'number' && typeof raw !== 'string')
                    fail(item.value, `${name} must be a number.`);
                if (field === 'capacityThreshold')
                    policy.thresholds[field] = String(raw);
                else if (isDuration(field)) {
                    const ms = parseDuration(String(raw));
                    if (ms === undefined || ms <= 0)
                        fail(item.value, `${name} must be a positive duration, e.g. 30s or 5m (got ${String(raw)}).`);
                    policy.thresholds[field] = String(raw);
                }
                else {
                    const n = Number(raw);
                    if (!Number.isFinite(n) || n <= 0)
                        fail(item.value, `${name} must be a positive number (got ${String(raw)}).`);
                    policy.thresholds[field] = n;
                }
            }
        }
        else {
            fail(pair.key, `unknown key "${key}"; a policy has checks:, thresholds: and optional-items:.`);
        }
    }
    return policy;
}
function parseRule(node, at, fail) {
    const severityOf = (value) => {
        const raw = distExports.isScalar(value) ? String(value.value) : '';
        if (!SEVERITIES.includes(raw))
            fail(value, `"${raw}" is not a severity; use blocking, warning or off.`);
        return raw;
    };
    if (distExports.isScalar(node))
        return { severity: severityOf(node), where: at(node) };
    if (!distExports.isMap(node))
        return fail(node, 'a rule is blocking, warning, off, or { severity, environments }.');
    let severity = 'blocking';
    let environments;
    for (const pair of node.items) {
        const key = distExports.isScalar(pair.key) ? String(pair.key.value) : '';
        if (key === 'severity')
            severity = severityOf(pair.value);
        else if (key === 'environments') {
            if (!distExports.isSeq(pair.value))
                fail(pair.value, 'environments must be a list, e.g. [production].');
            environments = pair.value.items.map(item => String(distExports.isScalar(item) ? item.value : ''));
        }
        else
            fail(pair.key, `unknown rule key "${key}"; use severity and environments.`);
    }
    return { severity, environments, where: at(node) };
}
/** The rule in force for `checkId` in `environment`: a rule limited to other environments means off. */
function ruleFor(policy, checkId, environment) {
    const rule = policy?.checks.get(checkId);
    if (!rule)
        return undefined;
    if (rule.environments && !rule.environments.includes(environment)) {
        return { severity: 'off', where: `${rule.where} (only in ${rule.environments.join(', ')})` };
    }
    return rule;
}

function resultsFor(item, report) {
    const byId = new Map(report.results.map(r => [r.id, r]));
    return (item.checks ?? []).flatMap(id => {
        if (id === DECISION.id) {
            const go = report.decision === 'go';
            const decision = {
                ...DECISION,
                status: go ? 'pass' : 'fail',
                blocking: !go,
                message: go ? 'no blocking issue found' : `no-go: ${report.failedChecks.join(', ')}`,
                durationMs: 0
            };
            return [decision];
        }
        const result = byId.get(id);
        return result ? [result] : [];
    });
}
/** The messages of some results, each once, joined. */
const notesOf = (results) => [...new Set(results.map(r => r.message))].join('; ');
function itemStatus(item, report) {
    const status = derive(item, report);
    const ownPhase = item.phase === (report.mode ?? 'preflight');
    return { ...status, forPeople: status.state === 'manual' || (status.state === 'not-run' && ownPhase) };
}
function derive(item, report) {
    if (!item.automated)
        return { item, state: 'manual', ticked: false };
    const results = resultsFor(item, report);
    // No result at all: nothing in this run's setup checks it (no tracking issue from the CLI, no Slack
    // webhook…), so for now it is a person's item like any manual one; or it belongs to the other phase.
    if (results.length === 0)
        return { item, state: 'not-run', ticked: false };
    const failed = results.filter(r => r.status === 'fail' || r.status === 'error');
    if (failed.length > 0) {
        // A failure of its own says more than one caused elsewhere: "blocked by" only when all are that.
        const own = failed.filter(r => !r.blockedBy);
        return {
            item,
            state: 'failed',
            ticked: false,
            note: notesOf(own.length > 0 ? own : failed),
            blockedBy: own.length > 0 ? undefined : failed[0].blockedBy
        };
    }
    const skipped = results.filter(r => r.status === 'skip');
    if (skipped.length > 0) {
        return {
            item,
            state: 'skipped',
            ticked: false,
            note: notesOf(skipped),
            skipReason: skipped[0].skipReason,
            blockedBy: skipped.find(r => r.blockedBy)?.blockedBy
        };
    }
    const warned = results.filter(r => r.status === 'warn');
    if (warned.length > 0)
        return { item, state: 'warning', ticked: true, tickedBy: 'preflight', note: notesOf(warned) };
    return { item, state: 'passed', ticked: true, tickedBy: 'preflight', note: notesOf(results) };
}
/** This run's item states with the ticks people made before (read from the tracking issue). */
function mergeTicks(current, previous) {
    const overridden = [];
    let keptByPeople = 0;
    const statuses = current.map((status) => {
        const before = previous.get(status.item.id);
        const byPerson = before?.ticked === true && !before.byPreflight;
        if (status.state === 'failed') {
            if (byPerson)
                overridden.push({ id: status.item.id, text: status.item.text, reason: status.note ?? 'failed' });
            return status;
        }
        if (status.ticked)
            return status;
        // Manual items, and automated ones this run did not verify (not run, skipped): a person's tick stands.
        if (byPerson && (status.state === 'manual' || status.state === 'not-run' || status.state === 'skipped')) {
            keptByPeople++;
            return { ...status, ticked: true, tickedBy: 'person' };
        }
        return status;
    });
    return { statuses, overridden, keptByPeople };
}
/** Every checklist item, in document order, with its state for this report (and people's known ticks). */
function checklistStatus(report) {
    const statuses = checklistItems().map(item => itemStatus(item, report));
    const byPeople = (report.checklist?.items ?? []).filter(i => i.tickedBy === 'person');
    if (byPeople.length === 0)
        return statuses;
    const previous = new Map(byPeople.map(i => [i.id, { ticked: true, byPreflight: false }]));
    return mergeTicks(statuses, previous).statuses;
}
/** Whether only a person can tick the item in this run's setup (manual, or automated but not checked). */
const isPeoplesItem = (status) => status.forPeople;
/** The checklist as the report records it, with the counts over the run's own phase. */
function checklistState(statuses, mode) {
    const items = statuses.map(s => ({
        id: s.item.id,
        text: s.item.text,
        section: s.item.section,
        group: s.item.group,
        phase: s.item.phase,
        automated: s.item.automated,
        optional: s.item.optional,
        state: s.state,
        ticked: s.ticked,
        tickedBy: s.tickedBy === 'preflight' ? 'tool' : s.tickedBy
    }));
    const own = statuses.filter(s => s.item.phase === mode);
    const count = (test) => own.filter(test).length;
    return {
        items,
        counts: {
            items: own.length,
            ticked: count(s => s.ticked),
            tickedByTool: count(s => s.ticked && s.tickedBy === 'preflight'),
            tickedByPeople: count(s => s.ticked && s.tickedBy === 'person'),
            notTickedByTool: count(s => !s.ticked && !isPeoplesItem(s)),
            leftForPeople: count(s => !s.ticked && isPeoplesItem(s))
        }
    };
}

/**
 * The shared vocabulary of the engine: what a check returns, and what a run reports (the check itself
 * and the readers it sees the world through are in check.ts).
 * Nothing here does I/O.
 */
/** The JSON report's version: 2 has `reasons`/`warnings` as `{check, message}`, `rootCauses`, `blockedBy`. */
const REPORT_VERSION = 2;

/**
 * The engine: acquire the bundle, run the checks (concurrently, each behind its own error boundary),
 * let the policy decide, and return the report. No I/O beyond reading the bundle; no process exit.
 */
// GitHub is not out of scope offline: like the download and the tracking issue, the change checks still run.
const OUT_OF_SCOPE_OFFLINE = new Set(['cluster', 'network']);
/** Turns a check's outcome into a result: identity, the policy's blocking verdict, position, timing. */
function finish(check, outcome, durationMs) {
    const located = outcome.findings?.find(f => f.file);
    return {
        id: check.id,
        title: check.title,
        section: check.section,
        ...outcome,
        blocking: isBlocking(outcome),
        file: located?.file,
        line: located?.line,
        column: located?.column,
        durationMs: Math.round(durationMs * 10) / 10
    };
}
/** A policy rule's severity applied to a check's outcome: a failure that only warns, or a warning that blocks. */
function applyRule(outcome, rule) {
    if (rule?.severity === 'warning' && (outcome.status === 'fail' || outcome.status === 'error')) {
        return { ...outcome, status: 'warn', message: `${outcome.message} — a warning by policy (${rule.where})` };
    }
    if (rule?.severity === 'blocking' && outcome.status === 'warn') {
        return { ...outcome, status: 'fail', message: `${outcome.message} — blocking by policy (${rule.where})` };
    }
    return outcome;
}
/** An outcome as a policy rule has it: off (not applicable), or its severity applied. */
function withPolicy(rule, outcome) {
    if (rule?.severity === 'off')
        return offByPolicy(rule);
    return applyRule(outcome, rule);
}
function offByPolicy(rule) {
    return {
        status: 'skip',
        skipReason: 'not-applicable',
        message: `not applicable: off by policy (${rule.where})`
    };
}
/** Runs one check, turning a throw into an `error` result: a broken check never crashes the run. */
async function runOne(check, ctx) {
    const started = require$$5.performance.now();
    const outcome = await (async () => {
        if (ctx.options.offline && check.needs.some(need => OUT_OF_SCOPE_OFFLINE.has(need))) {
            return { status: 'skip', skipReason: 'offline', message: 'out of scope: offline run' };
        }
        if (check.needs.includes('bundle') && !ctx.bundle) {
            return {
                status: 'skip',
                skipReason: 'prerequisite-failed',
                blockedBy: 'bundle-unpack',
                message: 'not run: the bundle could not be read'
            };
        }
        const notApplicable = check.notApplicable?.(ctx);
        if (notApplicable)
            return { status: 'skip', skipReason: 'not-applicable', message: `not applicable: ${notApplicable}` };
        const rule = ruleFor(ctx.options.policy, check.id, ctx.options.environment);
        if (rule?.severity === 'off')
            return offByPolicy(rule);
        try {
            return applyRule(await check.run(ctx), rule);
        }
        catch (error) {
            return {
                status: 'error',
                message: `check failed unexpectedly: ${version.describeError(error)}`,
                hint: 'This is a bug in the check; please report it with the bundle that triggered it.'
            };
        }
    })();
    return finish(check, outcome, require$$5.performance.now() - started);
}
/**
 * The API server answered at the start (cluster-access) and stopped answering during the run: that is one
 * cause, not a dozen. Its own result leads; the cluster checks that ended after it failed, and block, say
 * they were blocked by it (still blocking: nothing they were asked to verify was verified).
 */
function attributeLostServer(lost, results, checks, endedAt) {
    const needsCluster = new Set(checks.filter(c => c.needs.includes('cluster')).map(c => c.id));
    const blamed = results.map(r => r.blocking && !r.blockedBy && needsCluster.has(r.id) && (endedAt.get(r.id) ?? 0) >= lost.at
        ? { ...r, blockedBy: API_SERVER.id }
        : r);
    const cause = finish(API_SERVER, {
        status: 'error',
        message: `the API server stopped answering during the run: ${lost.message}`,
        hint: 'It answered at the start (cluster-access): check its health and the network between this runner and it, then re-run the job.'
    }, 0);
    return [...blamed, cause];
}
/**
 * @actions/artifact has its own clients and retries (a stalled blob download can take 15 minutes to give
 * up): bound it from outside, failing closed.
 */
async function withDeadline(work, ms, message) {
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
        timer.unref();
    });
    try {
        return await Promise.race([work, deadline]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** Downloads the artifact (only when asked to), bounded from outside by `downloadTimeoutMs`. */
async function fetchArtifact(options, sources) {
    if (!options.artifact)
        return undefined;
    const started = require$$5.performance.now();
    try {
        if (!sources.fetchBundle)
            throw new Error('no artifact download is wired into this run');
        const download = await withDeadline(sources.fetchBundle(options), options.downloadTimeoutMs, `the artifact download did not finish within ${Math.round(options.downloadTimeoutMs / 1000)} s`);
        const result = finish(ARTIFACT_DOWNLOAD, download.outcome, require$$5.performance.now() - started);
        return download.zipPath ? { result, zipPath: download.zipPath, origin: download.origin } : { result };
    }
    catch (error) {
        const outcome = {
            status: 'error',
            message: `could not download the artifact: ${version.describeError(error)}`
        };
        return { result: finish(ARTIFACT_DOWNLOAD, outcome, require$$5.performance.now() - started) };
    }
}
function openBundle(options, fetched) {
    const started = require$$5.performance.now();
    const path = fetched ? fetched.zipPath : options.bundlePath;
    if (!path) {
        const outcome = {
            status: 'skip',
            skipReason: 'prerequisite-failed',
            blockedBy: 'artifact-download',
            message: 'not run: the artifact could not be downloaded'
        };
        return { result: finish(BUNDLE_UNPACK, outcome, 0) };
    }
    try {
        const bundle = acquireBundle(path, options.expectedFiles, options.limits, options.workDir);
        const how = bundle.source.kind === 'zip' ? 'unpacked safely from zip' : 'read from directory';
        const outcome = { status: 'pass', message: `${bundle.files.length} files ${how}` };
        return { bundle, result: finish(BUNDLE_UNPACK, outcome, require$$5.performance.now() - started) };
    }
    catch (error) {
        const outcome = error instanceof version.BundleError
            ? {
                status: 'fail',
                message: error.message,
                hint: error.hint,
                details: error.entry ? [`offending entry: ${error.entry}`] : undefined
            }
            : { status: 'error', message: `could not open the bundle: ${version.describeError(error)}` };
        return { result: finish(BUNDLE_UNPACK, outcome, require$$5.performance.now() - started) };
    }
}
/**
 * Runs the checks on resolved options with the given sources and returns the report. Never throws for
 * what goes wrong with the bundle, the cluster or a check: each is a result, and the decision is then no-go.
 */
async function runChecks(options, sources, hooks = {}) {
    const startedAt = new Date();
    const t0 = require$$5.performance.now();
    const fetched = await fetchArtifact(options, sources);
    if (fetched)
        hooks.onResult?.(fetched.result);
    const opened = openBundle(options, fetched);
    hooks.onResult?.(opened.result);
    const bundleMs = require$$5.performance.now() - t0;
    const ctx = {
        options,
        bundle: opened.bundle,
        changes: changeTarget(options.changes, fetched?.origin, (spec, repository) => sources.openChanges
            ? sources.openChanges(spec, repository)
            : Promise.reject(new Error('no change history reader is wired into this run'))),
        localKubectl: sources.localKubectl
    };
    let connection;
    try {
        if (!options.offline) {
            connection = sources.openCluster
                ? await sources.openCluster(options, hooks.onSecrets)
                : { ok: false, reason: 'not-configured', message: 'no cluster is wired into this run' };
            if (connection.ok) {
                hooks.onSecrets?.(connection.secrets);
                ctx.cluster = connection.reader;
            }
            else {
                ctx.clusterProblem = connection.message;
            }
        }
        const checks = hooks.checks ?? ALL_CHECKS;
        const endedAt = new Map();
        // The cluster checks start first and their requests go out before any other check's synchronous work
        // (parsing the bundle's files): the server answers while that runs, and each of the others waits for
        // one turn of the event loop, so that answers and TLS handshakes are read between them.
        const isClusterCheck = (check) => check.needs.includes('cluster');
        const order = checks.map((_, index) => index);
        const schedule = [
            ...order.filter(i => isClusterCheck(checks[i])),
            ...order.filter(i => !isClusterCheck(checks[i]))
        ];
        let turn = Promise.resolve();
        const ran = new Array(checks.length);
        await mapLimited(schedule, hooks.concurrency ?? schedule.length, async (index) => {
            const check = checks[index];
            if (!isClusterCheck(check) && ctx.cluster) {
                turn = turn.then(yieldToEventLoop);
                await turn;
            }
            hooks.onStart?.(check);
            const result = await runOne(check, ctx);
            endedAt.set(result.id, Date.now());
            hooks.onResult?.(result);
            ran[index] = result;
        });
        const lost = connection?.ok ? connection.lost() : undefined;
        const results = lost ? attributeLostServer(lost, ran, checks, endedAt) : ran;
        if (lost)
            hooks.onResult?.(results.at(-1));
        const baseline = collectBaseline(results, options.latencyThresholdMs);
        const baselineResult = hooks.baselineResult === false
            ? []
            : [
                finish(BASELINE, withPolicy(ruleFor(options.policy, 'baseline', options.environment), baselineOutcome(baseline)), 0)
            ];
        baselineResult.forEach(r => hooks.onResult?.(r));
        const all = [...(fetched ? [fetched.result] : []), opened.result, ...results, ...baselineResult];
        const verdict = decide(all, options);
        const totalMs = require$$5.performance.now() - t0;
        const mode = hooks.mode ?? 'preflight';
        return {
            version: REPORT_VERSION,
            tool: { name: version.TOOL_NAME, version: version.TOOL_VERSION },
            mode,
            ...verdict,
            checklist: checklistState(checklistStatus({ ...verdict, results: all, mode }), mode),
            startedAt: startedAt.toISOString(),
            finishedAt: new Date().toISOString(),
            durationMs: Math.round(totalMs),
            namespace: options.namespace,
            cluster: ctx.cluster ? { server: ctx.cluster.server, version: versionOf(all) } : undefined,
            rollback: rollbackKit(all),
            baseline,
            bundle: opened.bundle
                ? {
                    kind: opened.bundle.source.kind,
                    path: fetched?.origin?.url ?? options.bundlePath,
                    origin: fetched?.origin,
                    // A zip's root is a temp dir that is gone after the run: only a directory's root means anything.
                    root: opened.bundle.source.kind === 'directory' ? opened.bundle.root : undefined,
                    files: [...opened.bundle.files]
                }
                : {
                    kind: fetched || options.bundlePath.toLowerCase().endsWith('.zip') ? 'zip' : 'directory',
                    path: fetched?.origin?.url ?? options.bundlePath ?? '',
                    origin: fetched?.origin
                },
            policy: options.policy
                ? { path: options.policy.path, optionalItems: [...options.policy.optionalItems] }
                : undefined,
            results: all,
            timings: {
                totalMs: Math.round(totalMs),
                bundleMs: Math.round(bundleMs),
                checksMs: Math.round(totalMs - bundleMs)
            }
        };
    }
    finally {
        opened.bundle?.cleanup();
        if (fetched?.zipPath)
            fs.rmSync(path.dirname(fetched.zipPath), { recursive: true, force: true });
        if (connection?.ok)
            connection.close();
    }
}
function versionOf(results) {
    return readData(results, CLUSTER_ACCESS_DATA)?.version;
}
/** Gathers the rollback kit from the rollout-history and configmap-backup results. */
function rollbackKit(results) {
    const history = readData(results, ROLLOUT_HISTORY_DATA);
    const backup = readData(results, CONFIGMAP_BACKUP_DATA);
    if (!history && !backup)
        return undefined;
    return {
        revisions: history?.revisions ?? {},
        undoCommands: history?.undoCommands ?? [],
        configMapBackupPath: backup?.path
    };
}
/**
 * Adds results produced after the run (the tracking issue, the kit upload) and decides again: a step the
 * adapter was asked to do and could not do blocks like any check. Replaces results with the same id.
 */
function amendReport(report, extra) {
    const ids = new Set(extra.map(r => r.id));
    const results = [...report.results.filter(r => !ids.has(r.id)), ...extra];
    const verdict = decide(results, { offline: report.scope === 'bundle-only' });
    // People's ticks already known (from the tracking issue) are kept; the tool's own are derived again.
    const statuses = checklistStatus({ ...verdict, results, mode: report.mode, checklist: report.checklist });
    const amended = { ...report, ...verdict, results, checklist: checklistState(statuses, report.mode) };
    // A verify report is verified exactly when it is go: a step that fails after the checks un-verifies it.
    if ('verification' in report) {
        const verification = report.verification;
        return { ...amended, verification: { ...verification, verified: verdict.decision === 'go' } };
    }
    return amended;
}
/**
 * The report of a run that could not start (an invalid input or policy file, a crash before the checks): one
 * blocking result, so that the decision, reason, failed checks, report and summary all still say why.
 */
function reportOfFailure(failure, context = {}) {
    const mode = context.mode ?? 'preflight';
    const now = new Date();
    const started = context.startedAt ?? now;
    const result = finish(failure.result, { status: 'error', message: failure.message, hint: failure.hint }, 0);
    const verdict = decide([result], { offline: false });
    const durationMs = Math.max(0, now.getTime() - started.getTime());
    return {
        version: REPORT_VERSION,
        tool: { name: version.TOOL_NAME, version: version.TOOL_VERSION },
        mode,
        ...verdict,
        checklist: checklistState(checklistStatus({ ...verdict, results: [result], mode }), mode),
        startedAt: started.toISOString(),
        finishedAt: now.toISOString(),
        durationMs,
        namespace: context.namespace ?? version.DEFAULT_NAMESPACE,
        results: [result],
        timings: { totalMs: durationMs, bundleMs: 0, checksMs: 0 }
    };
}
/** The report with the checklist as merged with the tracking issue (people's ticks included). */
function withChecklist(report, statuses) {
    return { ...report, checklist: checklistState(statuses, report.mode) };
}

/**
 * The list syntax shared by action inputs and CLI flags: items separated by newlines or commas,
 * with shell-style braces expanding (`vapora-{solo,enterprise}.{toml,json}` → 4 names).
 */
/** Splits on newlines and on commas outside braces; trims; drops empty items and `#` comments. */
function splitList(raw) {
    const items = [];
    let depth = 0;
    let current = '';
    for (const ch of raw) {
        if (ch === '{')
            depth++;
        if (ch === '}')
            depth = Math.max(0, depth - 1);
        if (ch === '\n' || (ch === ',' && depth === 0)) {
            items.push(current);
            current = '';
            continue;
        }
        current += ch;
    }
    items.push(current);
    return items.map(item => item.replace(/#.*$/, '').trim()).filter(item => item !== '');
}
/** Expands the first `{a,b}` group recursively. Unbalanced braces are left as written. */
function expandBraces(pattern) {
    const open = pattern.indexOf('{');
    if (open < 0)
        return [pattern];
    let depth = 0;
    for (let i = open; i < pattern.length; i++) {
        if (pattern[i] === '{')
            depth++;
        if (pattern[i] === '}' && --depth === 0) {
            const inner = pattern.slice(open + 1, i);
            const alternatives = splitTopLevelCommas(inner);
            const head = pattern.slice(0, open);
            const tail = pattern.slice(i + 1);
            return alternatives.flatMap(alt => expandBraces(head + alt + tail));
        }
    }
    return [pattern];
}
function splitTopLevelCommas(inner) {
    const parts = [];
    let depth = 0;
    let current = '';
    for (const ch of inner) {
        if (ch === '{')
            depth++;
        if (ch === '}')
            depth--;
        if (ch === ',' && depth === 0) {
            parts.push(current);
            current = '';
            continue;
        }
        current += ch;
    }
    parts.push(current);
    return parts.map(p => p.trim());
}
/** `splitList` then `expandBraces` on each item, duplicates removed, order kept. */
function parsePatternList(raw) {
    return [...new Set(splitList(raw).flatMap(expandBraces))];
}

/**
 * The typed options of a preflight run and the one place they are validated. The action (inputs.ts),
 * the CLI (cli.ts) and library callers all build a `PreflightInput` and call `resolveOptions`.
 */
/** The `PreflightInput` field an option fills as it is, if any. */
function fieldOf(key) {
    const spec = version.OPTIONS[key];
    return 'field' in spec ? spec.field : undefined;
}
// Kubernetes name rules (k8s.io/apimachinery validation): namespaces are DNS-1123 labels,
// Deployments and ConfigMaps DNS-1123 subdomains.
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
function checkName(option, value, rule) {
    const max = rule === 'label' ? 63 : 253;
    const pattern = rule === 'label' ? DNS1123_LABEL : DNS1123_SUBDOMAIN;
    if (!pattern.test(value) || value.length > max) {
        throw new version.UsageError(`${option}: "${value}" is not a valid Kubernetes name (lower-case letters, digits and '-'${rule === 'subdomain' ? " or '.'" : ''}, at most ${max} characters, starting and ending with a letter or digit).`);
    }
    return value;
}
function asList(value, fallback, expand) {
    if (value === undefined)
        return [...fallback];
    const raw = Array.isArray(value) ? value.join('\n') : value;
    const items = expand ? parsePatternList(raw) : [...new Set(splitList(raw))];
    return items.length > 0 ? items : [...fallback];
}
function checkRelativePath(option, file) {
    if (path.isAbsolute(file) || /^[A-Za-z]:/.test(file) || file.split(/[/\\]/).includes('..')) {
        throw new version.UsageError(`${option}: "${file}" must be a path relative to the bundle root, without "..".`);
    }
    if (/[{}]/.test(file)) {
        throw new version.UsageError(`${option}: "${file}" has an unbalanced brace; write e.g. vapora-{solo,enterprise}.toml.`);
    }
    return file.replace(/\\/g, '/').replace(/^\.\//, '');
}
function checkLimits(limits) {
    const merged = { ...DEFAULT_BUNDLE_LIMITS, ...limits };
    for (const [key, value] of Object.entries(merged)) {
        if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
            throw new version.UsageError(`limits.${key}: must be a positive number (got ${String(value)}).`);
        }
    }
    return merged;
}
function checkArtifact(spec) {
    const name = spec.name?.trim();
    if (!name || /[\\/":<>|*?\r\n]/.test(name)) {
        throw new version.UsageError(`artifact-name: "${spec.name ?? ''}" is not an artifact name; use the name given to actions/upload-artifact, e.g. deployment-artifacts.`);
    }
    if (spec.runId !== undefined && (!Number.isSafeInteger(spec.runId) || spec.runId <= 0)) {
        throw new version.UsageError(`run-id: "${spec.runId}" is not a workflow run id; use the number in the run URL (…/actions/runs/<run-id>).`);
    }
    if (spec.repository !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(spec.repository)) {
        throw new version.UsageError(`repository: "${spec.repository}" is not owner/name, e.g. vapora/app.`);
    }
    return { ...spec, name };
}
function httpUrl(option, raw, base) {
    let url;
    try {
        url = new URL(raw, base);
    }
    catch {
        throw new version.UsageError(`${option}: "${raw}" is not a URL${base ? '' : ' (a relative path needs health-url to resolve against)'}; write e.g. http://vapora-backend.vapora:8001/health.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new version.UsageError(`${option}: "${raw}" must be an http:// or https:// URL.`);
    }
    if (url.username || url.password) {
        throw new version.UsageError(`${option}: put credentials in health-token, not in the URL (they would be logged).`);
    }
    return url;
}
function positiveNumber(option, raw, fallback, example) {
    if (raw === undefined || String(raw).trim() === '')
        return fallback;
    const value = Number(String(raw).trim());
    if (!Number.isFinite(value) || value <= 0)
        throw new version.UsageError(`${option}: "${raw}" must be a positive number, e.g. ${example}.`);
    return value;
}
// `probe-timeout` defaults to the kubelet's `timeoutSeconds`; `endpoint-budget` bounds a hung endpoint's
// cost (not `probe-count` × `probe-timeout`).
const DEFAULT_PROBE_TIMEOUT = version.OPTIONS.probeTimeout.default;
const DEFAULT_ENDPOINT_BUDGET = version.OPTIONS.endpointBudget.default;
const MAX_PROBE_TIMEOUT = { ms: 120_000, text: '2m' };
const MAX_ENDPOINT_BUDGET = { ms: 3_600_000, text: '1h' };
/** A positive duration up to `max`; `from` says where a value set in the policy file came from. */
function boundedDuration(option, raw, fallback, max, from, examples) {
    const ms = parseDuration(raw?.trim() || fallback);
    if (ms === undefined || ms <= 0 || ms > max.ms) {
        throw new version.UsageError(`${option}: "${raw}"${from} is not a positive duration up to ${max.text}; write e.g. ${examples}.`);
    }
    return ms;
}
/** The probe bounds: each probe within `probe-timeout`, each endpoint's probes within `endpoint-budget`. */
function probeBounds(input, policy) {
    const from = (set) => (set === undefined ? '' : ` (policy ${policy.path})`);
    const timeoutFrom = from(policy?.thresholds.probeTimeout);
    const budgetFrom = from(policy?.thresholds.endpointBudget);
    const probeTimeoutMs = boundedDuration('probe-timeout', input.probeTimeout, DEFAULT_PROBE_TIMEOUT, MAX_PROBE_TIMEOUT, timeoutFrom, '10s or 1500ms');
    const endpointBudgetMs = boundedDuration('endpoint-budget', input.endpointBudget, DEFAULT_ENDPOINT_BUDGET, MAX_ENDPOINT_BUDGET, budgetFrom, '30s or 2m');
    if (probeTimeoutMs > endpointBudgetMs) {
        const timeout = input.probeTimeout?.trim() || DEFAULT_PROBE_TIMEOUT;
        const budget = input.endpointBudget?.trim() || DEFAULT_ENDPOINT_BUDGET;
        throw new version.UsageError(`probe-timeout: ${timeout}${timeoutFrom} is longer than endpoint-budget ${budget}${budgetFrom}, which all the probes of an endpoint share. Lower probe-timeout to at most ${budget}, or raise endpoint-budget to at least ${timeout}.`);
    }
    return { probeTimeoutMs, endpointBudgetMs };
}
function endpointOptions(input, policy) {
    const healthUrl = input.healthUrl?.trim() ? httpUrl('health-url', input.healthUrl.trim()) : undefined;
    const apiUrls = asList(input.apiUrls, [], false).map(raw => httpUrl('api-urls', raw, healthUrl));
    const probeCount = positiveNumber('probe-count', input.probeCount, Number(version.OPTIONS.probeCount.default), '5');
    if (!Number.isInteger(probeCount) || probeCount > 100)
        throw new version.UsageError(`probe-count: "${input.probeCount}" must be a whole number from 1 to 100.`);
    return {
        healthUrl,
        healthToken: input.healthToken?.trim() || undefined,
        apiUrls,
        tlsEndpoint: tlsEndpoint(input.tlsEndpoint),
        tlsCa: tlsCa(input.tlsCa),
        certMinDays: positiveNumber('cert-min-days', input.certMinDays, Number(version.OPTIONS.certMinDays.default), '14'),
        probeCount,
        ...probeBounds(input, policy),
        latencyThresholdMs: positiveNumber('latency-threshold-ms', input.latencyThresholdMs, undefined, '500')
    };
}
function tlsCa(raw) {
    if (!raw?.trim())
        return undefined;
    if (!raw.includes('-----BEGIN CERTIFICATE-----')) {
        throw new version.UsageError('tls-ca: not a PEM certificate; pass the CA certificate itself (-----BEGIN CERTIFICATE----- …).');
    }
    return raw.trim();
}
function tlsEndpoint(raw) {
    const text = raw
        ?.trim()
        .replace(/^https:\/\//, '')
        .replace(/\/.*$/, '');
    if (!text)
        return undefined;
    const match = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(text);
    const port = Number(match?.[2] ?? 443);
    if (!match || port < 1 || port > 65535) {
        throw new version.UsageError(`tls-endpoint: "${raw}" is not host:port; write e.g. vapora.example.com:443.`);
    }
    return { host: match[1].replace(/^\[|\]$/g, ''), port };
}
function verifyOptions(input) {
    if (!input)
        return undefined;
    const readyTimeoutMs = parseDuration(input.readyTimeout?.trim() || version.OPTIONS.readyTimeout.default);
    if (readyTimeoutMs === undefined || readyTimeoutMs <= 0 || readyTimeoutMs > 3_600_000) {
        throw new version.UsageError(`ready-timeout: "${input.readyTimeout}" is not a duration up to 1h; write e.g. 5m or 90s.`);
    }
    const latencyFactor = positiveNumber('latency-factor', input.latencyFactor, Number(version.OPTIONS.latencyFactor.default), '2');
    let deployStartedAt;
    if (input.deployStartedAt?.trim()) {
        deployStartedAt = new Date(input.deployStartedAt.trim());
        if (Number.isNaN(deployStartedAt.getTime())) {
            throw new version.UsageError(`deploy-started-at: "${input.deployStartedAt}" is not a time; write ISO 8601, e.g. 2026-11-28T14:05:00Z.`);
        }
    }
    else if (input.record) {
        deployStartedAt = new Date(input.record.finishedAt);
    }
    return {
        record: input.record,
        recordProblem: input.recordProblem,
        readyTimeoutMs,
        latencyFactor,
        deployStartedAt
    };
}
const FULL_SHA = /^[0-9a-f]{40}$/;
function checkChanges(spec) {
    if (!spec)
        return undefined;
    if (!/^[\w.-]+\/[\w.-]+$/.test(spec.repository)) {
        throw new version.UsageError(`repository: "${spec.repository}" is not owner/name, e.g. vapora/app.`);
    }
    const commit = spec.commit?.trim().toLowerCase() || undefined;
    if (commit && !FULL_SHA.test(commit)) {
        throw new version.UsageError(`commit: "${spec.commit}" is not a full commit sha (40 hex digits); pass e.g. \${{ github.sha }} or the output of git rev-parse HEAD.`);
    }
    const runCommit = spec.runCommit && FULL_SHA.test(spec.runCommit) ? spec.runCommit : undefined;
    return { ...spec, commit, runCommit };
}
// The key lives in an HTML comment and in label filters: no '>' (would end the comment), no newline.
const ISSUE_KEY = /^[A-Za-z0-9][A-Za-z0-9 ._/:@-]{0,99}$/;
function checkEnvironment(raw) {
    const environment = raw?.trim() || version.OPTIONS.environment.default;
    if (/[\r\n]/.test(environment) || environment.length > 255) {
        throw new version.UsageError(`${version.OPTIONS.environment.name}: must be one line of at most 255 characters.`);
    }
    return environment;
}
function slackWebhook(raw) {
    if (!raw?.trim())
        return undefined;
    let url;
    try {
        url = new URL(raw.trim());
    }
    catch {
        url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
        // The value is a secret: say what is wrong without repeating it.
        throw new version.UsageError(`${version.OPTIONS.slackWebhookUrl.name}: not a URL; pass the incoming webhook, e.g. https://hooks.slack.com/services/….`);
    }
    return raw.trim();
}
function issueNumber(raw) {
    if (!raw?.trim())
        return undefined;
    const value = Number(raw.trim().replace(/^#/, ''));
    if (!Number.isSafeInteger(value) || value <= 0) {
        throw new version.UsageError(`${version.OPTIONS.issueNumber.name}: "${raw}" is not a positive whole number; give the number of an open issue, e.g. 42.`);
    }
    return value;
}
/** Validates and completes the steps' settings. Throws `UsageError` with a message that says how to fix it. */
function resolveStepSettings(input) {
    const environment = checkEnvironment(input.environment);
    const issueKey = input.issueKey?.trim() || environment;
    if (!ISSUE_KEY.test(issueKey)) {
        throw new version.UsageError(`${version.OPTIONS.issueKey.name}: "${issueKey}" cannot identify an issue (it defaults to the environment). Use letters, digits, spaces and . _ / : @ - (at most 100 characters), e.g. staging or prod-eu.`);
    }
    const issueLabels = splitList(input.issueLabels?.trim() || version.OPTIONS.issueLabels.default);
    for (const label of issueLabels) {
        if (label.length > 50)
            throw new version.UsageError(`${version.OPTIONS.issueLabels.name}: "${label}" is longer than GitHub's 50 characters.`);
    }
    if (issueLabels.length === 0) {
        throw new version.UsageError(`${version.OPTIONS.issueLabels.name}: empty. The tracking issue is found by its labels; give at least one, e.g. ${version.OPTIONS.issueLabels.default}.`);
    }
    return {
        token: input.token?.trim() || undefined,
        trackingIssue: input.trackingIssue ?? false,
        environment,
        issueLabels,
        issueNumber: issueNumber(input.issueNumber),
        issueKey,
        uploadRollbackKit: input.uploadRollbackKit ?? false,
        requireManual: input.requireManual ?? false,
        slackWebhookUrl: slackWebhook(input.slackWebhookUrl),
        closeOnSuccess: input.closeOnSuccess ?? false
    };
}
/** Results of the preflight's items that a policy may not change (see below). */
const NOT_POLICY_MATTERS = new Set([BUNDLE_UNPACK, ARTIFACT_DOWNLOAD, TRACKING_ISSUE, SLACK_WEBHOOK, DECISION].map(r => r.id));
/**
 * Ids a policy may name: the checks the preflight's items name (a test holds them to the registry), and
 * `baseline` (the engine records it after them; only `off` changes it, since it never fails). The bundle download and unpack, the tracking issue and the kit upload are not
 * policy matters: without a bundle nothing is verified, and the GitHub steps have their own inputs.
 */
const POLICY_IDS = [
    ...new Set(checklistItems()
        .filter(item => item.phase === 'preflight')
        .flatMap(item => item.checks ?? [])
        .filter(id => !NOT_POLICY_MATTERS.has(id)))
].sort();
/** Validates and completes `input`. Throws `UsageError` with a message that says how to fix it. */
function resolveOptions(given) {
    const policy = given.policy?.trim()
        ? loadPolicy(given.policy.trim(), POLICY_IDS, checklistItems().map(item => item.id))
        : undefined;
    const thresholds = Object.fromEntries(Object.entries(policy?.thresholds ?? {}).filter(([, value]) => value !== undefined));
    const input = { ...given, ...thresholds };
    const bundlePath = typeof input.bundlePath === 'string' ? input.bundlePath.trim() : '';
    if (bundlePath === '' && !input.artifact) {
        throw new version.UsageError('bundle: no bundle given. Pass the path of the deployment-artifacts .zip or of a directory holding its files, or the artifact to download.');
    }
    const artifact = bundlePath === '' ? checkArtifact(input.artifact) : undefined;
    const namespace = checkName('namespace', (input.namespace ?? '').trim() || version.OPTIONS.namespace.default, 'label');
    const deployments = asList(input.deployments, splitList(version.OPTIONS.deployments.default), false).map(name => checkName('deployments', name, 'subdomain'));
    const configMap = checkName('configmap', (input.configMap ?? '').trim() || version.OPTIONS.configMap.default, 'subdomain');
    const expectedFiles = asList(input.expectedFiles, parsePatternList(version.OPTIONS.expectedFiles.default), true).map(file => checkRelativePath('expected-files', file));
    const eventsWindowMs = parseDuration(input.eventsWindow?.trim() || version.OPTIONS.eventsWindow.default);
    if (eventsWindowMs === undefined || eventsWindowMs <= 0) {
        throw new version.UsageError(`events-window: "${input.eventsWindow}" is not a duration; write e.g. 1h, 30m or 90s.`);
    }
    const threshold = Number(String(input.capacityThreshold ?? version.OPTIONS.capacityThreshold.default)
        .trim()
        .replace(/%$/, ''));
    if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 100) {
        throw new version.UsageError(`capacity-threshold: "${input.capacityThreshold}" must be a percentage between 1 and 100, e.g. 85%.`);
    }
    const kubectlVersion = input.kubectlVersion?.trim() || undefined;
    if (kubectlVersion && !/^v?\d+\.\d+(\.\d+)?([-+].*)?$/.test(kubectlVersion)) {
        throw new version.UsageError(`kubectl-version: "${kubectlVersion}" is not a version; write e.g. v1.35.2.`);
    }
    const kubeconfig = input.kubeconfig?.trim()
        ? { kind: 'content', content: input.kubeconfig }
        : input.kubeconfigPath?.trim()
            ? { kind: 'path', path: input.kubeconfigPath.trim() }
            : { kind: 'default' };
    const timeout = input.requestTimeoutMs ?? 10_000;
    if (!Number.isFinite(timeout) || timeout <= 0)
        throw new version.UsageError('requestTimeoutMs: must be a positive number.');
    const execTimeout = input.execTimeoutMs ?? 30_000;
    if (!Number.isFinite(execTimeout) || execTimeout <= 0)
        throw new version.UsageError('execTimeoutMs: must be a positive number of milliseconds, e.g. 30000.');
    return {
        kubeconfig,
        context: input.context?.trim() || undefined,
        kubectlVersion,
        eventsWindowMs,
        capacityThreshold: threshold,
        artifactsDir: input.artifactsDir?.trim() || undefined,
        requestTimeoutMs: timeout,
        execTimeoutMs: execTimeout,
        downloadTimeoutMs: input.downloadTimeoutMs ?? 300_000,
        ...endpointOptions(input, policy),
        policy,
        environment: checkEnvironment(input.environment),
        changes: checkChanges(input.changes),
        verify: verifyOptions(input.verify),
        bundlePath,
        artifact,
        expectedFiles,
        namespace,
        deployments,
        configMap,
        offline: input.offline ?? false,
        limits: checkLimits(input.limits),
        workDir: input.workDir ?? os.tmpdir()
    };
}

/** The prerequisite (no check of its own) that the comparisons need: what the preflight recorded. */
const PREFLIGHT_RECORD = 'preflight-record';
function bundleDeployments(ctx) {
    return manifestDocs(ctx)
        .docs.filter(d => d.doc.kind === 'Deployment' && d.doc.metadata?.name)
        .map(({ doc }) => ({
        name: doc.metadata.name,
        images: Object.fromEntries((doc.spec?.template?.spec?.containers ?? []).map(c => [
            c.name ?? '',
            c.image ?? ''
        ]))
    }));
}
const liveDeployments = (cluster, ctx) => cluster.fresh('deployments', ctx.options.namespace);
const liveReplicaSets = (cluster, ctx) => cluster.fresh('replicasets', ctx.options.namespace);
const livePods = (cluster, ctx) => cluster.fresh('pods', ctx.options.namespace);
/** The ReplicaSet a Deployment runs now: owned by it, with the Deployment's own revision. */
function currentReplicaSet(deployment, replicaSets) {
    const revision = deployment.metadata?.annotations?.[REVISION_ANNOTATION];
    return replicaSets.find(rs => (rs.metadata?.ownerReferences ?? []).some(o => o.controller && o.uid === deployment.metadata?.uid) &&
        rs.metadata?.annotations?.[REVISION_ANNOTATION] === revision);
}
/** Pods owned by a ReplicaSet. */
function podsOf(replicaSet, pods) {
    return pods.filter(p => (p.metadata?.ownerReferences ?? []).some(o => o.controller && o.uid === replicaSet.metadata?.uid));
}
const isReady = (pod) => (pod.status?.conditions ?? []).some(c => c.type === 'Ready' && c.status === 'True');
/** The record a comparison needs, or the outcome saying it is missing (which blocks: not verified). */
function needRecord(ctx) {
    if (ctx.options.verify?.record)
        return undefined;
    return {
        status: 'skip',
        skipReason: 'prerequisite-failed',
        blockedBy: PREFLIGHT_RECORD,
        message: `not run: ${ctx.options.verify?.recordProblem ?? 'no preflight record to compare with'}`,
        hint: 'Run the preflight (mode: preflight, tracking-issue: true) before the deploy: it records the baseline in the tracking issue.'
    };
}

const verifyEventsCheck = defineCheck({
    id: 'verify-events',
    title: 'No Warning events since the deploy started',
    item: 'success-no-restarts',
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const since = ctx.options.verify?.deployStartedAt;
        if (!since) {
            return {
                status: 'skip',
                skipReason: 'prerequisite-failed',
                blockedBy: PREFLIGHT_RECORD,
                message: 'not run: the deploy start is unknown (no preflight record, no deploy-started-at)',
                hint: 'Set deploy-started-at, or run the preflight with the tracking issue before the deploy.'
            };
        }
        try {
            // Folded: only the lines it reports are kept, never the namespace's events.
            const { value: lines, read } = await cluster.session.fold({ kind: 'events', namespace: ctx.options.namespace, fieldSelector: SELECT.warningEvents }, () => [], (found, object) => {
                const e = object;
                if (lastSeen(e) < since.getTime())
                    return found;
                const count = e.series?.count ?? e.count ?? 1;
                found.push(`${e.reason ?? '?'} on ${e.involvedObject?.kind ?? '?'}/${e.involvedObject?.name ?? '?'}${count > 1 ? ` ×${count}` : ''}: ${(e.message ?? '').slice(0, 200)}`);
                return found;
            });
            const data = { reads: [read] };
            if (lines.length > 0) {
                return {
                    status: 'fail',
                    message: `${lines.length} Warning event(s) since the deploy started (${since.toISOString()}): ${lines.slice(0, 3).join('; ')}${lines.length > 3 ? '; …' : ''}`,
                    details: lines,
                    data,
                    hint: 'Read them with kubectl get events -n <namespace> --field-selector type=Warning; fix the cause or roll back.'
                };
            }
            return {
                status: 'pass',
                message: `no Warning event since the deploy started (${since.toISOString()})`,
                data
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot read events: ${explainApiError(error)}` };
        }
    }
});

const verifyHealthCheck = defineCheck({
    ...healthEndpointCheck,
    id: 'verify-health',
    title: 'Health endpoints respond (200 OK)',
    item: 'success-health-200'
});
const verifyApiCheck = defineCheck({
    ...apiEndpointsCheck,
    id: 'verify-api',
    title: 'API endpoints respond to test requests',
    item: 'success-api-respond'
});
/**
 * Jitter allowance added to `factor × before`: a 2 ms baseline must not fail at 5 ms. Latency that
 * matters to users is well above it.
 */
const LATENCY_SLACK_MS = 25;
/** p99 after vs before for each endpoint measured both times; more errors than before also fail. */
function compareWithBaseline(before, after, factor) {
    if (!before || before.endpoints.length === 0) {
        return {
            status: 'skip',
            skipReason: 'not-applicable',
            message: 'not applicable: the preflight measured no endpoint to compare with'
        };
    }
    const lines = [];
    const problems = [];
    for (const b of before.endpoints) {
        const a = after?.endpoints.find(e => e.url === b.url);
        if (!a) {
            problems.push(`${b.url} was not probed after the deploy`);
            continue;
        }
        const was = b.p99Ms ?? b.p95Ms;
        const allowed = Math.round(was * factor + LATENCY_SLACK_MS);
        lines.push(`${a.url}: p99 ${was} → ${a.p99Ms ?? a.p95Ms} ms (allowed ${allowed} ms), errors ${b.errors}/${b.probes} → ${a.errors}/${a.probes}`);
        if ((a.p99Ms ?? a.p95Ms) > allowed)
            problems.push(`${a.url} p99 ${a.p99Ms ?? a.p95Ms} ms is over ${factor}× the baseline ${was} ms`);
        if (a.errors / Math.max(1, a.probes) > b.errors / Math.max(1, b.probes))
            problems.push(`${a.url} errors rose: ${b.errors}/${b.probes} → ${a.errors}/${a.probes}`);
    }
    if (problems.length > 0) {
        return {
            status: 'fail',
            message: `worse than before the deploy: ${problems.join('; ')}`,
            details: lines,
            hint: 'Compare dashboards; the seed says roll back on more than 10% error increase. latency-factor sets the allowed factor.'
        };
    }
    return { status: 'pass', message: `latency and errors within ${factor}× the baseline`, details: lines };
}

/** Registries report `docker.io/library/x:1` for `x:1`: compare without the implied prefixes. */
const normalise = (image) => image.replace(/^docker\.io\/(library\/)?/, '');
const verifyImagesCheck = defineCheck({
    id: 'verify-images',
    title: 'All deployments have updated image IDs',
    item: 'success-images-updated',
    needs: ['bundle', 'cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const client = cluster.session;
        try {
            const [deployments, replicaSets, pods] = await Promise.all([
                liveDeployments(client, ctx),
                liveReplicaSets(client, ctx),
                livePods(client, ctx)
            ]);
            const problems = [];
            const details = [];
            const imageIds = {};
            for (const wanted of bundleDeployments(ctx)) {
                const live = deployments.find(d => d.metadata?.name === wanted.name);
                if (!live) {
                    problems.push(`${wanted.name} does not exist in ${ctx.options.namespace}`);
                    continue;
                }
                const template = live.spec?.template?.spec?.containers ?? [];
                for (const [container, image] of Object.entries(wanted.images)) {
                    const running = template.find(c => c.name === container)?.image;
                    if (running !== image)
                        problems.push(`${wanted.name}/${container} runs ${running ?? '(no such container)'}, the bundle has ${image}`);
                }
                const rs = currentReplicaSet(live, replicaSets);
                const rsPods = rs ? podsOf(rs, pods) : [];
                if (rsPods.length === 0 && (live.spec?.replicas ?? 1) > 0)
                    problems.push(`${wanted.name} has no pods of its current template`);
                for (const pod of rsPods) {
                    const statuses = (pod.status?.containerStatuses ?? []);
                    if (statuses.length === 0)
                        problems.push(`${pod.metadata?.name} has not started (no container status)`);
                    for (const status of statuses) {
                        const image = wanted.images[status.name];
                        if (!image)
                            continue;
                        if (!status.imageID)
                            problems.push(`${pod.metadata?.name}/${status.name} has no image ID yet (not started)`);
                        else if (normalise(status.image ?? '') !== normalise(image))
                            problems.push(`${pod.metadata?.name}/${status.name} reports image ${status.image}, not ${image}`);
                        else
                            (imageIds[wanted.name] ??= []).push(status.imageID);
                    }
                }
                details.push(`${wanted.name}: ${Object.values(wanted.images).join(', ')} in ${rsPods.length} pod(s) of ${rs?.metadata?.name ?? '(no current ReplicaSet)'}`);
            }
            if (problems.length > 0) {
                return {
                    status: 'fail',
                    message: `not running the bundle's images: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}`,
                    details: [...details, ...problems],
                    hint: 'Apply deployment.yaml from this bundle (an image left at the old tag means the deploy missed that Deployment), then verify again.'
                };
            }
            return {
                status: 'pass',
                message: `every Deployment runs the bundle's images (${Object.keys(imageIds).length} with image IDs reported)`,
                details,
                data: { imageIds }
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot read the Deployments: ${explainApiError(error)}` };
        }
    }
});

/**
 * "All pods reach Ready within 5 minutes": watches the namespace's Deployments (a watch, not a polling
 * loop) until every Deployment of the bundle has rolled out completely — the controller saw the latest
 * spec, every replica is updated, ready and available, and no old replica is left — or `ready-timeout`
 * passes. The moment it happened is the deploy's end time.
 */
function rolledOut(d) {
    if (!d)
        return false;
    const want = d.spec?.replicas ?? 1;
    const s = d.status ?? {};
    return ((s.observedGeneration ?? 0) >= d.metadata?.generation &&
        (s.updatedReplicas ?? 0) === want &&
        (s.readyReplicas ?? 0) === want &&
        (s.availableReplicas ?? 0) === want &&
        (s.replicas ?? 0) === want);
}
function progress(d, name) {
    if (!d)
        return `${name}: not found`;
    const s = d.status ?? {};
    return `${name}: ${s.readyReplicas ?? 0}/${d.spec?.replicas ?? 1} ready, ${s.updatedReplicas ?? 0} updated, ${s.replicas ?? 0} total`;
}
const seconds = (ms) => `${Math.round(ms / 100) / 10} s`;
const VERIFY_PODS_READY_DATA = dataKey('verify-pods-ready');
const verifyPodsReadyCheck = defineCheck({
    id: 'verify-pods-ready',
    title: 'All pods reach "Ready" state within the ready timeout',
    item: 'success-pods-ready',
    needs: ['bundle', 'cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const wanted = bundleDeployments(ctx).map(d => d.name);
        if (wanted.length === 0)
            return { status: 'fail', message: 'the bundle has no Deployment to verify' };
        const timeoutMs = ctx.options.verify?.readyTimeoutMs ?? 300_000;
        const started = Date.now();
        const byName = (objects) => new Map(objects.map(o => [o.metadata?.name ?? '', o]));
        try {
            const watched = await cluster.session.watchDeployments(ctx.options.namespace, objects => {
                const live = byName(objects);
                return wanted.every(name => rolledOut(live.get(name)));
            }, started + timeoutMs);
            const readyAt = new Date();
            const live = byName(watched.objects);
            const details = wanted.map(name => progress(live.get(name), name));
            if (watched.done) {
                return {
                    status: 'pass',
                    message: `${wanted.length} Deployment(s) rolled out, every pod Ready (${seconds(Date.now() - started)} after the verify started)`,
                    details,
                    data: { readyAt: readyAt.toISOString() }
                };
            }
            const notReady = (await livePods(cluster.session, ctx))
                .filter(p => !isReady(p))
                .map(p => `${p.metadata?.name} (${p.status?.phase ?? 'Unknown'})`);
            const late = wanted.filter(name => !rolledOut(live.get(name)));
            return {
                status: 'fail',
                message: `not Ready within ${seconds(timeoutMs)}: ${late.map(name => progress(live.get(name), name)).join('; ')}`,
                details: [...details, ...(notReady.length > 0 ? [`pods not Ready: ${notReady.join(', ')}`] : [])],
                hint: 'Look at the pods (kubectl describe pod, kubectl logs): CrashLoopBackOff means config or image trouble, Pending means no capacity. Roll back with the commands from the preflight kit if it does not recover.'
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot watch the Deployments: ${explainApiError(error)}` };
        }
    }
});

/**
 * "No pod restarts (restart counts not increasing)": every pod of the namespace against the restart
 * count the preflight recorded (a pod created by the deploy started from 0).
 */
const VERIFY_RESTARTS_DATA = dataKey('verify-restarts');
const verifyRestartsCheck = defineCheck({
    id: 'verify-restarts',
    title: 'No pod restarts (restart counts not increasing)',
    item: 'success-no-restarts',
    needs: ['cluster'],
    async run(ctx) {
        const missing = needRecord(ctx);
        if (missing)
            return missing;
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const before = ctx.options.verify.record.baseline?.podRestarts ?? {};
        try {
            const now = {};
            const rising = [];
            for (const pod of await livePods(cluster.session, ctx)) {
                const name = pod.metadata?.name ?? '';
                if (pod.status?.phase === 'Succeeded')
                    continue;
                const count = (pod.status?.containerStatuses ?? []).reduce((sum, s) => sum + (s.restartCount ?? 0), 0);
                now[name] = count;
                const was = before[name] ?? 0;
                if (count > was)
                    rising.push(`${name}: ${was} → ${count}`);
            }
            const total = Object.values(now).reduce((a, b) => a + b, 0);
            if (rising.length > 0) {
                return {
                    status: 'fail',
                    message: `restarts rose since the preflight: ${rising.join(', ')}`,
                    details: rising,
                    hint: 'A restarting pod after a deploy usually means a config or image problem: read its logs (kubectl logs --previous) and roll back if it keeps restarting.',
                    data: { podRestarts: now, total }
                };
            }
            return {
                status: 'pass',
                message: `no restart count rose (${Object.keys(now).length} pod(s), ${total} restart(s) in total)`,
                data: { podRestarts: now, total }
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot read the pods: ${explainApiError(error)}` };
        }
    }
});

/**
 * Whether a Deployment was rolled back after the deploy: it runs a template that was already live before
 * the preflight (one of the ReplicaSets recorded then) although a newer revision was rolled out since.
 * `kubectl rollout undo` gives the old ReplicaSet a new, higher revision number, so the template, not
 * the number, tells. A Deployment whose highest revision did not move was not deployed at all (the image
 * check names it).
 */
const VERIFY_ROLLBACK_DATA = dataKey('verify-rollback');
const verifyRollbackCheck = defineCheck({
    id: 'verify-rollback',
    title: 'No rollback performed',
    item: 'post-rollback',
    needs: ['bundle', 'cluster'],
    async run(ctx) {
        const missing = needRecord(ctx);
        if (missing)
            return missing;
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const record = ctx.options.verify.record;
        try {
            const client = cluster.session;
            const [deployments, replicaSets] = await Promise.all([
                liveDeployments(client, ctx),
                liveReplicaSets(client, ctx)
            ]);
            const rolledBack = [];
            const revisions = {};
            for (const { name } of bundleDeployments(ctx)) {
                const live = deployments.find(d => d.metadata?.name === name);
                if (!live)
                    continue;
                const revision = Number(live.metadata?.annotations?.[REVISION_ANNOTATION]);
                revisions[name] = revision;
                const before = record.revisions[name];
                const current = currentReplicaSet(live, replicaSets)?.metadata?.name;
                const oldTemplates = record.replicaSets[name] ?? [];
                if (before !== undefined && revision > before && current && oldTemplates.includes(current)) {
                    rolledBack.push(`${name}: revision ${revision} runs ReplicaSet ${current}, a template live before the deploy (preflight highest revision ${before})`);
                }
            }
            if (rolledBack.length > 0) {
                return {
                    status: 'fail',
                    message: `rollback detected: ${rolledBack.join('; ')}`,
                    details: rolledBack,
                    data: { rollbackDetected: true, revisions }
                };
            }
            return {
                status: 'pass',
                message: 'no Deployment went back to a template from before the deploy',
                data: { rollbackDetected: false, revisions }
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot read the rollout state: ${explainApiError(error)}` };
        }
    }
});

/**
 * Verify mode, after the deploy: the seed's "Success Criteria Verification" as checks on the live
 * cluster and endpoints, compared with what the preflight recorded, plus the post-deployment record
 * (start, end, duration, rollback, metrics before/after). Same engine, other checks: the bundle is read
 * and verified the same way, and the report has the same shape with a `verification` section.
 */
/**
 * In this order, one at a time: the rollout is waited for first, so the images, restarts and endpoints
 * are read once it is over.
 */
const VERIFY_CHECKS = [
    // First, so that a cluster the run cannot use is reported once, as the cause of what it blocks.
    clusterAccessCheck,
    verifyPodsReadyCheck,
    verifyImagesCheck,
    verifyRollbackCheck,
    verifyRestartsCheck,
    verifyEventsCheck,
    verifyHealthCheck,
    verifyApiCheck
];
/**
 * Verify mode on resolved options (with `verify` set) and the run's sources: the success criteria, then
 * the post-deployment record. Throws `UsageError` for an offline run (it would verify a deploy unseen).
 */
async function runVerifyChecks(options, sources, hooks = {}) {
    if (options.offline) {
        // Offline, every cluster check is out of scope and would not block: a deploy "verified" unseen.
        throw new version.UsageError('offline: verify mode checks the live cluster; remove offline: true (and pass a kubeconfig).');
    }
    const verify = options.verify;
    if (!verify)
        throw new version.UsageError('verify: the options are not those of verify mode (no verify settings).');
    const report = await runChecks(options, sources, {
        ...hooks,
        checks: hooks.checks ?? VERIFY_CHECKS,
        concurrency: 1,
        baselineResult: false,
        mode: 'verify'
    });
    const metrics = finish(VERIFY_METRICS, compareWithBaseline(verify.record?.baseline, report.baseline, verify.latencyFactor), 0);
    hooks.onResult?.(metrics);
    const amended = amendReport(report, [metrics]);
    const readyAt = readData(amended.results, VERIFY_PODS_READY_DATA)?.readyAt;
    const endedAt = readyAt ?? amended.finishedAt;
    const startedAt = verify.deployStartedAt?.toISOString();
    const durationMs = startedAt ? Math.max(0, Date.parse(endedAt) - Date.parse(startedAt)) : undefined;
    const rollbackDetected = readData(amended.results, VERIFY_ROLLBACK_DATA)?.rollbackDetected === true;
    // The post-deployment record's items are ticked when the numbers are known (they are in the issue).
    const record = finish(VERIFY_RECORD, startedAt
        ? {
            status: 'pass',
            message: `start ${startedAt}, end ${endedAt}, ${Math.round(durationMs / 1000)} s, rollback ${rollbackDetected ? 'yes' : 'no'}`
        }
        : {
            status: 'skip',
            skipReason: 'not-applicable',
            message: 'not applicable: the deploy start is unknown (no preflight record, no deploy-started-at)'
        }, 0);
    hooks.onResult?.(record);
    const recorded = amendReport(amended, [record]);
    return {
        ...recorded,
        verification: {
            verified: recorded.decision === 'go',
            rollbackDetected,
            startedAt,
            endedAt,
            durationMs,
            before: verify.record?.baseline,
            after: report.baseline,
            podRestarts: readData(amended.results, VERIFY_RESTARTS_DATA)?.total,
            undoCommands: verify.record?.undoCommands ?? [],
            preflightRunUrl: verify.record?.runUrl
        }
    };
}

/**
 * The composition root of the library: options resolved once, then the engine run with the real sources —
 * the bundle downloaded from GitHub when it is an artifact, the cluster opened through kube/, the change
 * history read from GitHub. The adapters (action, CLI) and library callers all come through here; the
 * engine itself (src/core/) imports none of them. Heavy clients load only when a run needs them.
 */
/** The real sources: GitHub and Kubernetes, each loaded on first use. */
const PRODUCTION_SOURCES = {
    async fetchBundle(options) {
        const { downloadArtifactBundle } = await Promise.resolve().then(function () { return require('./artifact-qqDgO8Gx.js'); });
        const download = await downloadArtifactBundle(options.artifact, options.workDir);
        return download.ok
            ? { outcome: download.outcome, zipPath: download.zipPath, origin: download.origin }
            : { outcome: download.outcome };
    },
    async openCluster(options, onSecrets) {
        const { openCluster } = await Promise.resolve().then(function () { return require('./session-DkqCnjKK.js'); });
        return openCluster(options.kubeconfig, options.context, {
            timeoutMs: options.requestTimeoutMs,
            execTimeoutMs: options.execTimeoutMs,
            // A credential an exec plugin refreshes mid-run is masked like the first one.
            onSecrets
        });
    },
    async openChanges(spec, repository) {
        const { ChangeReader } = await Promise.resolve().then(function () { return require('./changes-BUBkPbDd.js'); });
        return new ChangeReader({ token: spec.token, apiUrl: spec.apiUrl, repository });
    },
    async localKubectl() {
        const { kubectlClientVersion } = await Promise.resolve().then(function () { return require('./kubectl-D466YR1Y.js'); });
        return kubectlClientVersion();
    }
};
/**
 * Runs a preflight and returns its report. Throws only `UsageError` (invalid options); everything that
 * goes wrong with the bundle or a check is a result in the report, and the decision is then `no-go`.
 */
async function runPreflight(input, hooks = {}) {
    return runChecks(resolveOptions(input), PRODUCTION_SOURCES, hooks);
}
/** Verify mode (after the deploy): the success criteria and the post-deployment record. */
async function runVerify(input, hooks = {}) {
    return runVerifyChecks(resolveOptions({ ...input, verify: input.verify ?? {} }), PRODUCTION_SOURCES, hooks);
}

var preflight = /*#__PURE__*/Object.freeze({
	__proto__: null,
	PRODUCTION_SOURCES: PRODUCTION_SOURCES,
	runPreflight: runPreflight,
	runVerify: runVerify
});

/** The workflow run's context, read once from the runner's environment variables. */
function positiveInt(value) {
    const n = Number(value);
    return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
function readRunContext(env = process.env) {
    const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const repository = env.GITHUB_REPOSITORY || undefined;
    const runId = positiveInt(env.GITHUB_RUN_ID);
    const runAttempt = positiveInt(env.GITHUB_RUN_ATTEMPT);
    const runUrl = repository && runId
        ? `${serverUrl}/${repository}/actions/runs/${runId}${runAttempt && runAttempt > 1 ? `/attempts/${runAttempt}` : ''}`
        : undefined;
    return {
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        serverUrl,
        repository,
        runId,
        runAttempt,
        runUrl,
        sha: env.GITHUB_SHA || undefined,
        ref: env.GITHUB_REF || undefined,
        hasActionsRuntime: Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL)
    };
}

/** Sections whose manual items must be done before deploying. */
const BEFORE_DEPLOY_SECTIONS = new Set(['t-24h', 't-4h', 't-2h', 't-1h', 't-15m']);
/** The required manual items nobody has ticked yet, in checklist order. */
function untickedManualItems(statuses, optionalIds = new Set()) {
    return statuses.filter(s => s.state === 'manual' &&
        !s.ticked &&
        !s.item.optional &&
        !optionalIds.has(s.item.id) &&
        BEFORE_DEPLOY_SECTIONS.has(s.item.id.split('.')[0]));
}

/**
 * The manual-item gate: with `require-manual`, no-go until people ticked every required manual item of
 * the tracking issue (read as this run merged it). Re-running the job after ticking turns it go.
 */
/** The gate's result from the issue's items (none: there is no tracking issue for this run). */
function manualItemsResult(report, issue) {
    if (!issue.statuses) {
        return finish(MANUAL_ITEMS, {
            status: 'fail',
            blockedBy: TRACKING_ISSUE.id,
            message: 'require-manual needs the tracking issue, and there is none for this run',
            hint: 'Keep tracking-issue on (and its permissions), or turn require-manual off.'
        }, 0);
    }
    const optional = new Set(report.policy?.optionalItems ?? []);
    const unticked = untickedManualItems([...issue.statuses], optional);
    const outcome = unticked.length === 0
        ? { status: 'pass', message: 'every required manual item is ticked' }
        : {
            status: 'fail',
            message: `${unticked.length} required manual item(s) not ticked yet in ${issue.url ?? 'the tracking issue'}: ${unticked
                .slice(0, 5)
                .map(s => `"${plainItemText(s.item.text)}"`)
                .join(', ')}${unticked.length > 5 ? ', …' : ''}`,
            details: unticked.map(s => `${s.item.id}: ${plainItemText(s.item.text)}`),
            hint: 'Tick them in the tracking issue as they are done, then re-run this job. Items that do not apply to you can be listed under optional-items in the policy file.',
            data: { unticked: unticked.map(s => s.item.id) }
        };
    return finish(MANUAL_ITEMS, outcome, 0);
}
const manualGateStep = {
    spec: MANUAL_ITEMS,
    async run(report, context, facts) {
        if (!context.settings.requireManual)
            return undefined;
        return { result: manualItemsResult(report, facts.issue) };
    }
};

/**
 * The steps after the checks (tracking issue, manual-item gate, rollback kit, Slack, verify's sign-off),
 * behind one interface, shared by the action and the CLI. A step the user asked for becomes a result like
 * a check's, so that one that failed blocks like any check; `runSteps` amends the report with it, through
 * one function, `amendReport`. No @actions/core here: the adapters log and mask.
 */
/** Runs `work` and makes its outcome the step's result, timed. */
async function timed(spec, work) {
    const started = require$$5.performance.now();
    const outcome = await work();
    return finish(spec, outcome, require$$5.performance.now() - started);
}
/** The one way a step changes the report: its result (decided again), then people's ticks. */
function amendWithStep(report, outcome) {
    const amended = amendReport(report, [outcome.result]);
    return outcome.statuses ? withChecklist(amended, outcome.statuses) : amended;
}
/**
 * Runs the steps in order, each seeing the report as the ones before it left it. `onResult` hears each
 * step's result (the adapters log it).
 */
async function runSteps(report, steps, context, onResult = () => undefined) {
    let facts = { issue: {} };
    for (const step of steps) {
        const outcome = await step.run(report, context, facts);
        if (!outcome)
            continue;
        onResult(outcome.result);
        report = amendWithStep(report, outcome);
        facts = { ...facts, ...outcome.facts, issue: { ...facts.issue, ...outcome.facts?.issue } };
    }
    return { report, facts };
}

/** Keeps the rollback kit (the report and the ConfigMap backup) as an artifact of the Actions run. */
const KIT_UPLOAD_DATA = dataKey(ROLLBACK_KIT_UPLOAD.id);
const rollbackKitStep = {
    spec: ROLLBACK_KIT_UPLOAD,
    async run(report, context) {
        const { settings, run } = context;
        if (!settings.uploadRollbackKit)
            return undefined;
        const result = await timed(ROLLBACK_KIT_UPLOAD, async () => {
            if (!run.hasActionsRuntime) {
                return {
                    status: 'skip',
                    skipReason: 'not-applicable',
                    message: 'not applicable: no Actions runtime (ACTIONS_RUNTIME_TOKEN) to upload to'
                };
            }
            // The kit holds the report as it stands now: every result but this upload's own.
            const reportPath = context.writeReport(report);
            const backup = report.rollback?.configMapBackupPath;
            const files = [reportPath, ...(backup && fs.existsSync(backup) ? [backup] : [])];
            const { kitArtifactName, uploadRollbackKit } = await Promise.resolve().then(function () { return require('./upload-Dq5DSZri.js'); });
            const upload = await uploadRollbackKit(kitArtifactName(settings.issueKey), files);
            return upload.ok
                ? {
                    status: 'pass',
                    message: upload.message,
                    data: { artifactId: upload.artifactId, name: upload.name }
                }
                : {
                    // Not blocking: the deploy is no less safe, and the revisions and undo commands are in the
                    // summary and the issue. But the backup file now lives only in this job, as the warning says.
                    status: 'warn',
                    message: `rollback kit not kept: ${upload.message}`,
                    hint: 'The ConfigMap backup exists only in this job (output configmap-backup-path): copy it before the job ends, or re-run.'
                };
        });
        const id = readData([result], KIT_UPLOAD_DATA)?.artifactId;
        const kitUrl = id && run.runUrl ? `${run.runUrl.replace(/\/attempts\/\d+$/, '')}/artifacts/${id}` : undefined;
        return { result, facts: { kitUrl } };
    }
};

/** The issue this run may read and write: a repository, a token, and the tracking issue asked for. */
function issueTarget$1(context) {
    const { settings, run } = context;
    if (!settings.trackingIssue || !run.repository || !settings.token)
        return undefined;
    return {
        token: settings.token,
        apiUrl: run.apiUrl,
        repository: run.repository,
        key: settings.issueKey,
        labels: settings.issueLabels,
        issueNumber: settings.issueNumber,
        runUrl: run.runUrl,
        runMarker: context.runMarker ? `${context.runMarker}/verify` : undefined
    };
}
/** The preflight's record, from the tracking issue; or why there is none (the checks that need it say so). */
async function preflightRecordFromIssue(context) {
    const target = issueTarget$1(context);
    if (!target) {
        return {
            problem: 'no tracking issue to read the preflight record from (tracking-issue off, no repository or no token)'
        };
    }
    const { readPreflightRecord } = await Promise.resolve().then(function () { return require('./verify-issue-CjXxwRlK.js'); });
    return readPreflightRecord(target);
}
const signOffStep = {
    spec: SIGN_OFF,
    async run(report, context) {
        const target = issueTarget$1(context);
        if (!target)
            return undefined;
        let url;
        const result = await timed(SIGN_OFF, async () => {
            const { recordVerification } = await Promise.resolve().then(function () { return require('./verify-issue-CjXxwRlK.js'); });
            const outcome = await recordVerification(report, {
                ...target,
                closeOnSuccess: context.settings.closeOnSuccess,
                actor: context.actor
            });
            url = outcome.url;
            return outcome.ok
                ? { status: 'pass', message: outcome.message }
                : { status: 'fail', message: outcome.message };
        });
        return { result, facts: { issue: { url } } };
    }
};

/** Posts the final decision to Slack when a webhook is given; a failure warns (the gate stands). */
const slackStep = {
    spec: SLACK_WEBHOOK,
    async run(report, context, facts) {
        const { settings, run } = context;
        if (!settings.slackWebhookUrl)
            return undefined;
        const webhook = settings.slackWebhookUrl;
        const result = await timed(SLACK_WEBHOOK, async () => {
            const { postToSlack, slackText } = await Promise.resolve().then(function () { return require('./slack-Km5g2Y28.js'); });
            const posted = await postToSlack(webhook, slackText(report, settings.environment, { runUrl: run.runUrl, issueUrl: facts.issue.url }));
            return posted.ok
                ? { status: 'pass', message: posted.message }
                : {
                    status: 'warn',
                    message: posted.message,
                    hint: 'Check the Slack webhook (an incoming webhook of the #deployments channel).'
                };
        });
        return { result };
    }
};

/**
 * The tracking issue: the checklist as checkboxes, created or updated after the checks (people's ticks
 * kept), and read before them for the last go the change checks compare with. Its body shows this step
 * as done: it is, if anyone can read it.
 */
/** Where the tracking issue is, when this run may write it: a repository and a token. */
function issueTarget(context) {
    const { settings, run } = context;
    return {
        apiUrl: run.apiUrl,
        repository: run.repository,
        key: settings.issueKey,
        labels: settings.issueLabels,
        issueNumber: settings.issueNumber
    };
}
const trackingIssueStep = {
    spec: TRACKING_ISSUE,
    async run(report, context) {
        const { settings, run } = context;
        if (!settings.trackingIssue)
            return undefined;
        let facts = {};
        let statuses;
        const result = await timed(TRACKING_ISSUE, async () => {
            if (!run.repository) {
                // Not in a GitHub Actions job and no --repository: there is no repository to write to.
                return {
                    status: 'skip',
                    skipReason: 'not-applicable',
                    message: 'not applicable: no GitHub repository (GITHUB_REPOSITORY is not set) to track the deployment in'
                };
            }
            if (!settings.token) {
                return {
                    status: 'fail',
                    message: 'github-token: empty, so the tracking issue cannot be written.',
                    hint: 'Keep github-token at its default (${{ github.token }}) with `permissions: issues: write` (the CLI: set GITHUB_TOKEN), or turn tracking-issue off.'
                };
            }
            const provisional = finish(TRACKING_ISSUE, { status: 'pass', message: 'tracked in this issue' }, 0);
            const { updateTrackingIssue } = await Promise.resolve().then(function () { return require('./tracking-issue-CkaJpFTE.js'); }).then(function (n) { return n.trackingIssue; });
            const outcome = await updateTrackingIssue(amendReport(report, [provisional]), {
                ...issueTarget(context),
                repository: run.repository,
                token: settings.token,
                environment: settings.environment,
                runUrl: run.runUrl,
                runMarker: context.runMarker,
                reportWithTicks: settings.requireManual
                    ? ticks => amendReport(report, [manualItemsResult(report, { statuses: ticks })])
                    : undefined,
                fullReportUrl: run.runUrl
            });
            const { number, url } = outcome;
            facts = { issue: { number, url, overridden: outcome.rendered?.merged.overridden ?? [] } };
            if (outcome.ok) {
                statuses = outcome.rendered?.merged.statuses;
                facts.issue.statuses = statuses;
            }
            if (outcome.ok && outcome.commentProblem) {
                return {
                    status: 'warn',
                    message: `${outcome.message}: ${outcome.url}; but the run's comment was not added: ${outcome.commentProblem}`,
                    data: { number, url }
                };
            }
            return outcome.ok
                ? { status: 'pass', message: `${outcome.message}: ${outcome.url}`, data: { number, url } }
                : { status: 'fail', message: outcome.message, hint: outcome.hint };
        });
        return { result, statuses, facts };
    }
};
/**
 * The change checks compare with the last go, which the tracking issue records: read it before the
 * checks run (only when the issue is kept and the change checks apply).
 */
async function withLastGo(changes, context) {
    if (!changes?.token || !context.settings.trackingIssue || !context.run.repository)
        return changes;
    const { findLastGo } = await Promise.resolve().then(function () { return require('./tracking-issue-CkaJpFTE.js'); }).then(function (n) { return n.trackingIssue; });
    const found = await findLastGo({
        ...issueTarget(context),
        repository: context.run.repository,
        token: changes.token
    });
    return { ...changes, lastGo: found.lastGo, lastGoProblem: found.problem };
}

/** The steps after the checks, in the order they run; the action and the CLI run the same lists. */
/**
 * The preflight's: the issue first (the gate reads people's ticks from it), then the kit, which then holds
 * the final report but for its own upload, then Slack, which can link the issue.
 */
const PREFLIGHT_STEPS = [
    trackingIssueStep,
    manualGateStep,
    rollbackKitStep,
    slackStep
];
/** Verify mode's: the record and the sign-off in the tracking issue. */
const VERIFY_STEPS = [signOffStep];

const MARK = (result) => result.blocking ? '✗' : result.status === 'warn' ? '!' : result.status === 'pass' ? '✓' : '-';
/** `✓ bundle-files  all 12 expected files present (151 ms)` — the mark says the status. */
function progressLine(result) {
    const blocks = result.blocking ? ' [blocks]' : '';
    const message = result.message.replace(/\s+/g, ' ').trim();
    return `${MARK(result)} ${result.id.padEnd(22)}${blocks} ${message} (${Math.round(result.durationMs)} ms)`;
}
const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/**
 * One status line on a terminal, rewritten in place ("⠹ 9 done · running dry-run, node-capacity"), and
 * cleared before the report is printed. Bounded: it never writes more than the terminal's width.
 */
class LiveProgress {
    stream;
    running = new Set();
    done = 0;
    blocking = 0;
    frame = 0;
    timer;
    constructor(stream) {
        this.stream = stream;
        this.timer = setInterval(() => this.draw(), 100);
        this.timer.unref();
    }
    started(id) {
        this.running.add(id);
        this.draw();
    }
    finished(result) {
        this.running.delete(result.id);
        this.done++;
        if (result.blocking)
            this.blocking++;
        this.draw();
    }
    stop() {
        clearInterval(this.timer);
        this.stream.write('\r\x1b[2K');
    }
    draw() {
        this.frame = (this.frame + 1) % FRAMES.length;
        const blocking = this.blocking > 0 ? ` · ${this.blocking} blocking` : '';
        const running = this.running.size > 0 ? ` · running ${[...this.running].join(', ')}` : '';
        const text = `${FRAMES[this.frame]} checking: ${this.done} done${blocking}${running}`;
        const width = Math.max(20, (this.stream.columns ?? 80) - 1);
        this.stream.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    }
}

const orNull = (value) => (value === undefined ? null : value);
function finding(f) {
    return {
        severity: f.severity,
        message: f.message,
        file: orNull(f.file),
        line: orNull(f.line),
        column: orNull(f.column),
        hint: orNull(f.hint)
    };
}
function result(r) {
    return {
        id: r.id,
        title: r.title,
        section: r.section,
        status: r.status,
        blocking: r.blocking,
        blockedBy: orNull(r.blockedBy),
        skipReason: orNull(r.skipReason),
        message: r.message,
        details: orNull(r.details),
        findings: r.findings ? r.findings.map(finding) : null,
        hint: orNull(r.hint),
        file: orNull(r.file),
        line: orNull(r.line),
        column: orNull(r.column),
        durationMs: r.durationMs,
        data: orNull(r.data)
    };
}
function bundle(b) {
    const o = b.origin;
    return {
        kind: b.kind,
        path: b.path,
        origin: o
            ? {
                name: o.name,
                artifactId: o.artifactId,
                repository: o.repository,
                runId: o.runId,
                url: o.url,
                runUrl: o.runUrl,
                sizeBytes: orNull(o.sizeBytes),
                digest: orNull(o.digest),
                headSha: orNull(o.headSha)
            }
            : null,
        root: orNull(b.root),
        files: orNull(b.files)
    };
}
function baseline(b) {
    return {
        endpoints: b.endpoints.map(e => ({ ...e, p99Ms: orNull(e.p99Ms) })),
        podRestarts: orNull(b.podRestarts),
        nodes: orNull(b.nodes),
        nodeUsageSource: orNull(b.nodeUsageSource),
        latencyThresholdMs: orNull(b.latencyThresholdMs)
    };
}
/** Verify mode's record, every key present. */
function verification(v) {
    return {
        verified: v.verified,
        rollbackDetected: v.rollbackDetected,
        startedAt: orNull(v.startedAt),
        endedAt: v.endedAt,
        durationMs: orNull(v.durationMs),
        before: v.before ? baseline(v.before) : null,
        after: v.after ? baseline(v.after) : null,
        podRestarts: orNull(v.podRestarts),
        undoCommands: v.undoCommands,
        preflightRunUrl: orNull(v.preflightRunUrl)
    };
}
/** The JSON object of a report, keys in a fixed order (see the schema). */
function reportJson(report) {
    return {
        version: report.version,
        tool: report.tool,
        mode: report.mode,
        decision: report.decision,
        scope: report.scope,
        reasons: report.reasons,
        rootCauses: report.rootCauses.map(c => ({ ...c, hint: orNull(c.hint) })),
        failedChecks: report.failedChecks,
        warnings: report.warnings,
        counts: report.counts,
        startedAt: report.startedAt,
        finishedAt: report.finishedAt,
        durationMs: report.durationMs,
        namespace: report.namespace,
        bundle: report.bundle ? bundle(report.bundle) : null,
        cluster: report.cluster
            ? { server: report.cluster.server, version: orNull(report.cluster.version) }
            : null,
        rollback: report.rollback
            ? {
                revisions: report.rollback.revisions,
                undoCommands: report.rollback.undoCommands,
                configMapBackupPath: orNull(report.rollback.configMapBackupPath)
            }
            : null,
        baseline: report.baseline ? baseline(report.baseline) : null,
        policy: orNull(report.policy),
        results: report.results.map(result),
        checklist: {
            items: report.checklist.items.map(i => ({ ...i, tickedBy: orNull(i.tickedBy) })),
            counts: report.checklist.counts
        },
        timings: report.timings,
        verification: report.verification ? verification(report.verification) : null
    };
}
function renderJson(report) {
    return `${JSON.stringify(reportJson(report), null, 2)}\n`;
}
/** Nulls back to absent, as the `Report` type has them. */
function withoutNulls(value) {
    if (Array.isArray(value))
        return value.map(withoutNulls);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value)
            .filter(([, v]) => v !== null)
            .map(([k, v]) => [k, withoutNulls(v)]));
    }
    return value;
}
/** Reads a JSON report written by `renderJson` (version 2, or 1 from earlier releases). Throws on anything else. */
function readJsonReport(text) {
    const parsed = JSON.parse(text);
    if ((parsed?.version !== 1 && parsed?.version !== 2) || !Array.isArray(parsed.results)) {
        throw new Error('not a preflight JSON report (version 1 or 2)');
    }
    return withoutNulls(parsed);
}

/**
 * Text from a bundle (file names, keys, messages quoting values) ends up in Markdown that GitHub renders
 * and that later runs parse. Escaping keeps it from injecting HTML, fake item markers, code spans or table
 * cells. Our own wording (hints, checklist items) may hold `code spans`: `prose` keeps those.
 */
/** One line: every line break GitHub honours (a lone CR too) and other control characters become spaces. */
function flatten(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\s\x00-\x1f\x7f\u2028\u2029]+/g, ' ').trim();
}
function escapeText(text) {
    return (text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        // No links or code spans of its own, and no @mentions or #references that would notify people or
        // cross-link.
        .replace(/[[\]`]/g, '\\$&')
        .replace(/([@#])(?=[\w-])/g, '$1\u2060'));
}
/** Untrusted text as inline Markdown: it can never start a line, so it cannot fake a heading or a box. */
function inline(text, max = 300) {
    const flat = flatten(text);
    return escapeText(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}
/** `inline`, plus `|` escaped for table cells. */
function cell(text, max = 200) {
    return inline(text, max).replace(/\|/g, '\\|');
}
/** Any text as a code span: shown literally, whatever backticks it holds (the fence is longer). */
function code(text) {
    const flat = flatten(text);
    const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map(m => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
}
/** `code` for a table cell: a `|` would end the cell even inside a code span. */
function codeCell(text) {
    return code(text).replace(/\|/g, '\\|');
}
/** Our own wording (hints, checklist items): its `code spans` stay code, everything else is `inline`. */
function prose(text) {
    return flatten(text)
        .split(/(`[^`]+`)/)
        .map(part => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? part : escapeText(part)))
        .join('');
}
/**
 * Joins Markdown blocks with one blank line between them. An HTML block (`</details>`, a comment) runs
 * to the next blank line and swallows whatever follows it: every block must end at a blank line.
 */
function blocks(...parts) {
    return parts
        .filter((part) => typeof part === 'string')
        .map(part => part.replace(/^\n+|\s+$/g, ''))
        .filter(part => part !== '')
        .join('\n\n');
}

/**
 * Renders the checklist as GitHub task-list Markdown. Every item carries its stable key in an HTML
 * comment (`<!-- vapora-preflight:item=KEY -->`) so a later run can find it and merge people's ticks.
 * Items this tool checks are marked 🤖, items only people can tick 👤; the items of the other phase
 * (after the deploy, in a preflight) are folded away.
 */
const ITEM_MARKER_PREFIX = 'vapora-preflight:item=';
/** Marks a tick this tool made (so a later run can tell it from a person's tick). */
const TICKED_BY_PREFLIGHT = 'ticked-by=preflight';
const TOOL_MARK = '🤖';
const PEOPLE_MARK = '👤';
/** Why an item is in the state it is, shown once after its text. */
function note(status) {
    const text = status.note ? inline(status.note, 240) : '';
    switch (status.state) {
        case 'passed':
            return text ? ` — ✅ ${text}` : '';
        case 'warning':
            return ` — ⚠️ ${text}`;
        case 'failed':
            return status.blockedBy ? ` — ⛔ not checked: blocked by ${code(status.blockedBy)}` : ` — ❌ ${text}`;
        // Why a check was skipped is said once, in the results; here a short label is enough.
        case 'skipped':
            if (status.skipReason === 'offline')
                return ' — ⏭️ out of scope (offline run)';
            if (status.blockedBy)
                return ` — ⛔ not checked: blocked by ${code(status.blockedBy)}`;
            if (status.skipReason === 'not-applicable')
                return ' — ⏭️ not applicable (see the results)';
            return ` — ⏭️ ${text}`;
        case 'manual':
        case 'not-run':
            return '';
    }
}
function renderItem(status) {
    const box = status.ticked ? '[x]' : '[ ]';
    const mark = isPeoplesItem(status) ? PEOPLE_MARK : TOOL_MARK;
    const optional = status.item.optional ? ' _(if applicable)_' : '';
    const person = status.ticked && status.tickedBy === 'person' && status.item.automated ? ' _(ticked by hand)_' : '';
    const who = status.ticked && status.tickedBy === 'preflight' ? ` ${TICKED_BY_PREFLIGHT}` : '';
    return `- ${box} ${mark} ${prose(status.item.text)}${optional}${person}${note(status)} <!-- ${ITEM_MARKER_PREFIX}${status.item.id}${who} -->`;
}
/** "12 of 58 done before the deploy: 🤖 10 by this tool, 👤 2 by people · 30 left for people". */
function checklistHeadline(state, mode) {
    const c = state.counts;
    const when = mode === 'verify' ? 'after the deploy' : 'before the deploy';
    const open = c.notTickedByTool > 0 ? ` · ${c.notTickedByTool} automated not ticked (see why on each)` : '';
    return `**${c.ticked} of ${c.items} done ${when}** (${TOOL_MARK} ${c.tickedByTool} by this tool, ${PEOPLE_MARK} ${c.tickedByPeople} by people) · **${c.leftForPeople} left for people**${open}`;
}
const LEGEND = `${TOOL_MARK} checked by this tool on every run · ${PEOPLE_MARK} for people to tick (ticks in the tracking issue are kept)`;
function renderSections(statuses, phase) {
    const parts = [];
    for (const section of CHECKLIST.filter(s => (s.phase ?? 'preflight') === phase)) {
        // Under the report's "### Checklist": sections one level down, groups below them.
        parts.push(`#### ${section.title}`);
        for (const group of section.groups) {
            const items = group.items
                .map(item => statuses.get(`${section.key}.${item.key}`))
                .filter((s) => s !== undefined)
                .map(renderItem);
            parts.push(`##### ${group.title}`, items.join('\n'));
        }
    }
    return blocks(...parts);
}
/**
 * The whole checklist under the seed's headings: the run's own phase open, the other phase folded in a
 * `<details>` (its items are still there, with their markers, so ticks in it are merged like the others).
 */
function renderChecklist(statuses, options = {}) {
    const mode = options.mode ?? 'preflight';
    const byId = new Map(statuses.map(s => [s.item.id, s]));
    const other = mode === 'preflight' ? 'verify' : 'preflight';
    const otherCount = statuses.filter(s => s.item.phase === other).length;
    const fold = other === 'verify'
        ? `After the deploy: success criteria and post-deployment record (${otherCount} items, checked by <code>mode: verify</code>)`
        : `Before the deploy: the preflight checklist (${otherCount} items)`;
    return blocks(options.state ? checklistHeadline(options.state, mode) : undefined, LEGEND, renderSections(byId, mode), otherCount > 0 ? `<details><summary>${fold}</summary>` : undefined, otherCount > 0 ? renderSections(byId, other) : undefined, otherCount > 0 ? '</details>' : undefined);
}

/**
 * A p99 by nearest rank is the slowest probe until there are 100: below that it would only repeat the
 * maximum under another name, so it is shown as "—".
 */
const MIN_PROBES_FOR_P99 = 100;
/** A latency as a person should read it: ms, or "—" when no probe was answered (NaN) or none was made. */
function msText(ms) {
    return ms === undefined || !Number.isFinite(ms) ? '—' : `${ms} ms`;
}
/** The p99 as a person should read it: a number of ms, or "—" when the probes are too few for one. */
function p99Text(endpoint) {
    return endpoint.probes >= MIN_PROBES_FOR_P99 ? msText(endpoint.p99Ms) : '—';
}
function renderBaseline(baseline) {
    const lines = ['### Baseline before deploy', ''];
    if (baseline.endpoints.length > 0) {
        const threshold = baseline.latencyThresholdMs;
        const over = (e) => threshold !== undefined && e.p95Ms > threshold;
        lines.push(threshold !== undefined
            ? `Latency threshold: p95 ≤ ${threshold} ms (\`latency-threshold-ms\`); rows over it are marked ⚠️.`
            : 'No latency threshold set (`latency-threshold-ms`): latency is measured, not judged.', '', '| Endpoint | p50 | p95 | p99 | Errors |', '|---|---|---|---|---|', ...baseline.endpoints.map(e => `| ${over(e) ? '⚠️ ' : ''}${codeCell(e.url)} | ${msText(e.p50Ms)} | ${over(e) ? `**${e.p95Ms} ms**` : msText(e.p95Ms)} | ${p99Text(e)} | ${e.errors}/${e.probes} |`), '');
        if (baseline.endpoints.some(e => e.probes < MIN_PROBES_FOR_P99)) {
            lines.push(`p99 needs at least ${MIN_PROBES_FOR_P99} probes (\`probe-count\`); with fewer it is "—".`, '');
        }
    }
    if (baseline.podRestarts) {
        const total = Object.values(baseline.podRestarts).reduce((a, b) => a + b, 0);
        lines.push(`Pod restarts: ${total} in total across ${Object.keys(baseline.podRestarts).length} pods.`, '');
    }
    if (baseline.nodes) {
        lines.push(`Node usage (${inline(baseline.nodeUsageSource ?? '')}): ${baseline.nodes
            .map(n => `${code(n.name)} CPU ${n.cpuPct}%, memory ${n.memoryPct}%`)
            .join('; ')}`, '');
    }
    return lines.join('\n');
}

/**
 * The tracking issue's record of the last go (a hidden marker the next run reads) and its list of the
 * commits since then (from the git-history result), flagged commits marked.
 */
const LAST_GO = /<!-- vapora-preflight:last-go sha=([0-9a-f]{40}) repo=([\w.-]+\/[\w.-]+)(?: at=(\S+))?(?: run=(\S+))? -->/;
/**
 * The last go recorded in a tracking issue's body, if any. With `keyMarker`, only this tool's part of the
 * body counts (from the key marker on): a marker pasted in people's text above it is not the record.
 */
function readLastGo(body, keyMarker) {
    const start = keyMarker ? body.indexOf(keyMarker) : 0;
    if (start < 0)
        return undefined;
    const match = LAST_GO.exec(body.slice(start));
    if (!match)
        return undefined;
    return { sha: match[1], repository: match[2], at: match[3], runUrl: match[4] };
}
/** This run when it reached go and knows its commit, else the record already in the body. */
function nextLastGo(report, previousBody, runUrl, keyMarker) {
    // git-main knows the commit whenever it compared; git-history too (git-main may be off by policy).
    const main = readData(report.results, GIT_MAIN_DATA);
    const history = readData(report.results, GIT_HISTORY_DATA);
    const commit = main?.commit ?? history?.head;
    const repository = main?.repository ?? history?.repository;
    if (report.decision === 'go' && commit && repository) {
        return { sha: commit, repository, at: report.finishedAt, runUrl };
    }
    return previousBody ? readLastGo(previousBody, keyMarker) : undefined;
}
/** The hidden marker and a visible line; empty when there is no record. */
function renderLastGo(lastGo) {
    if (!lastGo)
        return '';
    // Only characters the marker's pattern accepts: a URL or date with a space or '>' is left out.
    const safe = (value) => value && /^[^\s>]+$/.test(value) ? value : undefined;
    const at = safe(lastGo.at);
    const run = safe(lastGo.runUrl);
    const marker = `<!-- vapora-preflight:last-go sha=${lastGo.sha} repo=${lastGo.repository}${at ? ` at=${at}` : ''}${run ? ` run=${run}` : ''} -->`;
    const visible = `Last go: \`${lastGo.sha.slice(0, 7)}\` of ${inline(lastGo.repository)}${at ? ` at ${at}` : ''}${run ? ` ([run](${run}))` : ''} — the next run lists the commits since.`;
    return `${marker}\n${visible}\n`;
}
/** How many commits the issue lists (the JSON report has them all). */
const LISTED = 50;
function renderCommitsSince(report) {
    const history = readData(report.results, GIT_HISTORY_DATA);
    const commits = history?.commits ?? [];
    if (!history || commits.length === 0)
        return '';
    const base = history.base.slice(0, 7);
    const flagged = commits.filter(c => c.flag);
    // Flagged commits first, so a long list never hides one.
    const shown = [...flagged, ...commits.filter(c => !c.flag)].slice(0, LISTED);
    const lines = shown.map(c => {
        const pull = c.pull ? ` · [#${c.pull.number}](${c.pull.url})` : '';
        const flag = c.flag ? ` — ⚠️ **${inline(c.flag)}**` : '';
        return `- [\`${c.sha.slice(0, 7)}\`](${c.url}) ${inline(c.title, 120)} — ${inline(c.author)}${pull}${flag}`;
    });
    const total = history.total || commits.length;
    const more = total > shown.length ? [`- … and ${total - shown.length} more (see the run's report)`] : [];
    return [
        `### Commits since the last go (\`${base}\`)`,
        '',
        `${commits.length - flagged.length} through merged, approved pull requests${flagged.length > 0 ? `, **${flagged.length} flagged**` : ''}.`,
        '',
        ...lines,
        ...more,
        ''
    ].join('\n');
}

function foldResults(report) {
    const causeOf = new Map();
    for (const cause of report.rootCauses)
        for (const id of cause.blocks)
            causeOf.set(id, cause.check);
    const folded = { shown: [], blocked: [], offline: [], notApplicable: [] };
    for (const result of report.results) {
        const cause = causeOf.get(result.id);
        if (cause) {
            const group = folded.blocked.find(b => b.cause === cause);
            if (group)
                group.checks.push(result.id);
            else
                folded.blocked.push({ cause, checks: [result.id] });
        }
        else if (result.status === 'skip' && result.skipReason === 'offline') {
            folded.offline.push(result.id);
        }
        else if (result.status === 'skip' && result.skipReason === 'not-applicable') {
            const why = result.message.replace(/^not applicable: /, '');
            const group = folded.notApplicable.find(g => g.why === why);
            if (group)
                group.checks.push(result.id);
            else
                folded.notApplicable.push({ why, checks: [result.id] });
        }
        else {
            folded.shown.push(result);
        }
    }
    return folded;
}

/**
 * The human report as GitHub Markdown (the job summary, the CLI's `--format markdown`): the decision and
 * its root causes first, then the results (what did not run folded into counted lines), the kit, the
 * details and the checklist. Every block ends at a blank line (see `blocks`): GitHub's engine lets an HTML
 * block such as `</details>` swallow whatever follows it up to the next one.
 */
const STATUS_ICON = {
    pass: '✅ pass',
    warn: '⚠️ warn',
    fail: '❌ fail',
    skip: '⏭️ skip',
    error: '💥 error'
};
/** How many located problems a root cause lists before "… N more". */
const FINDINGS_SHOWN = 5;
/** How many detail lines a check shows (the JSON report has them all). */
const DETAILS_SHOWN = 60;
function renderResultsTable(results) {
    const rows = results.map(r => `| \`${r.id}\` | ${STATUS_ICON[r.status]}${r.blocking ? ' · **blocks**' : ''} | ${cell(r.message)} | ${Math.round(r.durationMs)} ms |`);
    return ['| Check | Status | Result | Time |', '|---|---|---|--:|', ...rows].join('\n');
}
const ids = (list) => list.map(code).join(', ');
/** The counted lines for what the table leaves out: blocked by a root cause, out of scope, not applicable. */
function renderFolded(folded) {
    const lines = folded.blocked.map(b => `- ⛔ **Not run because of ${code(b.cause)}** (${b.checks.length}, each blocks): ${ids(b.checks)}`);
    if (folded.offline.length > 0) {
        lines.push(`- ⏭️ **Out of scope in this offline run** (${folded.offline.length}): ${ids(folded.offline)}`);
    }
    if (folded.notApplicable.length > 0) {
        const count = folded.notApplicable.reduce((n, g) => n + g.checks.length, 0);
        const groups = folded.notApplicable.map(g => `${ids(g.checks)} (${inline(g.why, 160)})`);
        lines.push(`- ⏭️ **Not applicable** (${count}): ${groups.join('; ')}`);
    }
    return lines.join('\n');
}
/** Detail lines as a list; a line indented by two spaces belongs to the line above it (one level). */
function detailList(details, max = DETAILS_SHOWN) {
    const lines = details.slice(0, max).map(d => (/^\s{2,}\S/.test(d) ? `  - ${inline(d)}` : `- ${inline(d)}`));
    if (details.length > max)
        lines.push(`- … ${details.length - max} more (in the JSON report)`);
    return lines.join('\n');
}
function renderDetails(results) {
    const interesting = results.filter(r => (r.details?.length ?? 0) > 0 || (r.hint && r.status !== 'pass'));
    return blocks(...interesting.map(r => blocks(`<details${r.blocking ? ' open' : ''}><summary><code>${r.id}</code> — ${STATUS_ICON[r.status]}</summary>`, detailList(r.details ?? []), r.hint && r.status !== 'pass' ? `**How to fix:** ${prose(r.hint)}` : undefined, '</details>')));
}
/** Revisions to return to, the exact undo commands and the ConfigMap backup: what a rollback needs. */
function renderRollbackKit(kit) {
    const revisions = Object.entries(kit.revisions);
    return blocks('### Rollback kit', revisions.length > 0
        ? [
            '| Deployment | Revision now |',
            '|---|---|',
            ...revisions.map(([name, rev]) => `| \`${name}\` | ${rev} |`)
        ].join('\n')
        : 'No deployment has a revision yet (first deploy): nothing to roll back to.', kit.undoCommands.length > 0 ? ['```sh', ...kit.undoCommands, '```'].join('\n') : undefined, kit.configMapBackupPath
        ? `ConfigMap backup: ${code(kit.configMapBackupPath)} (restore with \`kubectl apply -f\` on it).`
        : undefined);
}
function renderHeadline(report) {
    return report.decision === 'go' ? '🟢 GO' : '🔴 NO-GO';
}
/** Where the bundle came from: a link to the artifact when it was downloaded. */
function renderSource(report) {
    const bundle = report.bundle;
    if (!bundle)
        return 'no bundle';
    const origin = bundle.origin;
    if (!bundle.files) {
        return origin ? `artifact ${code(origin.name)} (not opened)` : `bundle ${code(bundle.path)} (not opened)`;
    }
    const files = `, ${bundle.files.length} files`;
    if (origin) {
        return `artifact [${code(origin.name)} #${origin.artifactId}](${origin.url}) from [run ${origin.runId}](${origin.runUrl}) of ${code(origin.repository)}${files}`;
    }
    return `bundle ${code(bundle.path)} (${bundle.kind}${files})`;
}
/** One root cause: what failed, where (the first located problems), what it blocked, how to fix it. */
function renderCause(cause, report) {
    const result = report.results.find(r => r.id === cause.check);
    const errors = (result?.findings ?? []).filter(f => f.severity === 'error' && f.file);
    const sub = [
        ...errors.slice(0, FINDINGS_SHOWN).map(f => `  - ${code(where(f))} ${inline(f.message)}`),
        ...(errors.length > FINDINGS_SHOWN ? [`  - … ${errors.length - FINDINGS_SHOWN} more (see details)`] : []),
        ...(cause.blocks.length > 0
            ? [`  - ⛔ ${cause.prerequisite ? 'keeps from running' : 'also blocks'}: ${ids(cause.blocks)}`]
            : []),
        ...(cause.hint ? [`  - **How to fix:** ${prose(cause.hint)}`] : [])
    ];
    const what = cause.prerequisite ? `${code(cause.check)} (a missing prerequisite)` : code(cause.check);
    return [`- **${what}** — ${inline(cause.message, 400)}`, ...sub].join('\n');
}
/** "Why no-go": each root cause once, with what it blocked. Empty on go. */
function renderWhy(report) {
    if (report.decision !== 'no-go')
        return '';
    const other = report.reasons.filter(r => r.check === null).map(r => `- ${inline(r.message)}`);
    const title = report.rootCauses.length > 1 ? `### Why no-go: ${report.rootCauses.length} root causes` : '### Why no-go';
    return blocks(title, [...report.rootCauses.map(c => renderCause(c, report)), ...other].join('\n'));
}
function renderWarnings(report) {
    if (report.warnings.length === 0)
        return '';
    return blocks('### Warnings (not blocking)', report.warnings.map(w => `- ${code(w.check ?? '')}: ${inline(w.message)}`).join('\n'));
}
/** What the dry-run says will change, object by object (env values are never shown). */
function renderChanges(report) {
    const changes = report.results.some(r => r.id === 'what-changes' && r.status !== 'skip')
        ? readData(report.results, WHAT_CHANGES_DATA)?.changes
        : undefined;
    if (!changes || Object.keys(changes).length === 0)
        return '';
    return blocks("### What's changing", Object.entries(changes)
        .map(([object, list]) => `- ${code(object)}: ${inline(list.join('; '), 600)}`)
        .join('\n'));
}
/** The results table (what ran and what blocks on its own) and the counted lines for the rest. */
function renderResults(report) {
    const folded = foldResults(report);
    return blocks('### Results', renderResultsTable(folded.shown), renderFolded(folded));
}
/** Per-check details: all of them on no-go, only those that did not pass on go; never the folded ones. */
function renderReportDetails(report) {
    const shown = foldResults(report).shown;
    const blocking = report.results.some(r => r.blocking);
    return renderDetails(blocking ? shown : shown.filter(r => r.status !== 'pass'));
}
const OFFLINE_NOTE = [
    '> [!NOTE]',
    '> Offline run: cluster and network checks were not run. **This decision covers the bundle only.**'
].join('\n');
function renderScopeNote(report) {
    return report.scope === 'bundle-only' ? OFFLINE_NOTE : '';
}
/** The checklist section: counts, legend, the run's own phase, the other phase folded. */
function renderChecklistSection(report) {
    return blocks('### Checklist', renderChecklist(checklistStatus(report), { mode: report.mode, state: report.checklist }));
}
function renderTitle(report) {
    const what = report.mode === 'verify' ? 'Vapora deployment verification' : 'Vapora pre-deployment preflight';
    return `## ${renderHeadline(report)} — ${what}`;
}
/** The full Markdown report (the CLI's Markdown output and the job summary). */
function renderMarkdown(report) {
    return blocks(renderTitle(report), `Namespace \`${report.namespace}\` · ${renderSource(report)} · ${(report.durationMs / 1000).toFixed(2)} s · ${report.tool.name} ${report.tool.version} · ${report.finishedAt}`, renderScopeNote(report), renderWhy(report), renderWarnings(report), renderResults(report), renderChanges(report), renderCommitsSince(report), report.rollback ? renderRollbackKit(report.rollback) : undefined, report.baseline ? renderBaseline(report.baseline) : undefined, renderReportDetails(report), renderChecklistSection(report));
}

exports.ACTION = ACTION;
exports.CHECKLIST = CHECKLIST;
exports.INPUTS = INPUTS;
exports.ITEM_MARKER_PREFIX = ITEM_MARKER_PREFIX;
exports.LiveProgress = LiveProgress;
exports.PREFLIGHT_STEPS = PREFLIGHT_STEPS;
exports.ROLLOUT_HISTORY_DATA = ROLLOUT_HISTORY_DATA;
exports.TICKED_BY_PREFLIGHT = TICKED_BY_PREFLIGHT;
exports.VERIFY_STEPS = VERIFY_STEPS;
exports.blocks = blocks;
exports.checklistItems = checklistItems;
exports.checklistState = checklistState;
exports.checklistStatus = checklistStatus;
exports.code = code;
exports.codeCell = codeCell;
exports.commonjsGlobal = commonjsGlobal;
exports.distExports = distExports;
exports.fieldOf = fieldOf;
exports.foldResults = foldResults;
exports.getAugmentedNamespace = getAugmentedNamespace;
exports.getDefaultExportFromCjs = getDefaultExportFromCjs;
exports.inline = inline;
exports.isClusterScoped = isClusterScoped;
exports.itemStatus = itemStatus;
exports.listLabel = listLabel;
exports.mergeTicks = mergeTicks;
exports.msText = msText;
exports.nextLastGo = nextLastGo;
exports.p99Text = p99Text;
exports.plainItemText = plainItemText;
exports.preflight = preflight;
exports.preflightRecordFromIssue = preflightRecordFromIssue;
exports.progressLine = progressLine;
exports.prose = prose;
exports.readData = readData;
exports.readJsonReport = readJsonReport;
exports.readLastGo = readLastGo;
exports.readRunContext = readRunContext;
exports.renderBaseline = renderBaseline;
exports.renderChanges = renderChanges;
exports.renderChecklist = renderChecklist;
exports.renderCommitsSince = renderCommitsSince;
exports.renderHeadline = renderHeadline;
exports.renderItem = renderItem;
exports.renderJson = renderJson;
exports.renderLastGo = renderLastGo;
exports.renderMarkdown = renderMarkdown;
exports.renderReportDetails = renderReportDetails;
exports.renderResults = renderResults;
exports.renderRollbackKit = renderRollbackKit;
exports.renderScopeNote = renderScopeNote;
exports.renderSource = renderSource;
exports.renderWarnings = renderWarnings;
exports.renderWhy = renderWhy;
exports.reportOfFailure = reportOfFailure;
exports.resolveStepSettings = resolveStepSettings;
exports.runPreflight = runPreflight;
exports.runSteps = runSteps;
exports.where = where;
exports.withLastGo = withLastGo;
