import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  ConfigError,
  EnergyBudgetError,
  EnvironmentError,
  InputError,
  __commonJS,
  __require,
  __toESM
} from "./chunk-EIO3BANV.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node2) => !!node2 && typeof node2 === "object" && node2[NODE_TYPE] === ALIAS;
    var isDocument = (node2) => !!node2 && typeof node2 === "object" && node2[NODE_TYPE] === DOC;
    var isMap2 = (node2) => !!node2 && typeof node2 === "object" && node2[NODE_TYPE] === MAP;
    var isPair = (node2) => !!node2 && typeof node2 === "object" && node2[NODE_TYPE] === PAIR;
    var isScalar2 = (node2) => !!node2 && typeof node2 === "object" && node2[NODE_TYPE] === SCALAR;
    var isSeq2 = (node2) => !!node2 && typeof node2 === "object" && node2[NODE_TYPE] === SEQ;
    function isCollection(node2) {
      if (node2 && typeof node2 === "object")
        switch (node2[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node2) {
      if (node2 && typeof node2 === "object")
        switch (node2[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node2) => (isScalar2(node2) || isCollection(node2)) && !!node2.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node2, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity2.isDocument(node2)) {
        const cd = visit_(null, node2.contents, visitor_, Object.freeze([node2]));
        if (cd === REMOVE)
          node2.contents = null;
      } else
        visit_(null, node2, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node2, visitor, path2) {
      const ctrl = callVisitor(key, node2, visitor, path2);
      if (identity2.isNode(ctrl) || identity2.isPair(ctrl)) {
        replaceNode(key, path2, ctrl);
        return visit_(key, ctrl, visitor, path2);
      }
      if (typeof ctrl !== "symbol") {
        if (identity2.isCollection(node2)) {
          path2 = Object.freeze(path2.concat(node2));
          for (let i = 0; i < node2.items.length; ++i) {
            const ci = visit_(i, node2.items[i], visitor, path2);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node2.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity2.isPair(node2)) {
          path2 = Object.freeze(path2.concat(node2));
          const ck = visit_("key", node2.key, visitor, path2);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node2.key = null;
          const cv = visit_("value", node2.value, visitor, path2);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node2.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node2, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity2.isDocument(node2)) {
        const cd = await visitAsync_(null, node2.contents, visitor_, Object.freeze([node2]));
        if (cd === REMOVE)
          node2.contents = null;
      } else
        await visitAsync_(null, node2, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node2, visitor, path2) {
      const ctrl = await callVisitor(key, node2, visitor, path2);
      if (identity2.isNode(ctrl) || identity2.isPair(ctrl)) {
        replaceNode(key, path2, ctrl);
        return visitAsync_(key, ctrl, visitor, path2);
      }
      if (typeof ctrl !== "symbol") {
        if (identity2.isCollection(node2)) {
          path2 = Object.freeze(path2.concat(node2));
          for (let i = 0; i < node2.items.length; ++i) {
            const ci = await visitAsync_(i, node2.items[i], visitor, path2);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node2.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity2.isPair(node2)) {
          path2 = Object.freeze(path2.concat(node2));
          const ck = await visitAsync_("key", node2.key, visitor, path2);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node2.key = null;
          const cv = await visitAsync_("value", node2.value, visitor, path2);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node2.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
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
    function callVisitor(key, node2, visitor, path2) {
      if (typeof visitor === "function")
        return visitor(key, node2, path2);
      if (identity2.isMap(node2))
        return visitor.Map?.(key, node2, path2);
      if (identity2.isSeq(node2))
        return visitor.Seq?.(key, node2, path2);
      if (identity2.isPair(node2))
        return visitor.Pair?.(key, node2, path2);
      if (identity2.isScalar(node2))
        return visitor.Scalar?.(key, node2, path2);
      if (identity2.isAlias(node2))
        return visitor.Alias?.(key, node2, path2);
      return void 0;
    }
    function replaceNode(key, path2, node2) {
      const parent = path2[path2.length - 1];
      if (identity2.isCollection(parent)) {
        parent.items[key] = node2;
      } else if (identity2.isPair(parent)) {
        if (key === "key")
          parent.key = node2;
        else
          parent.value = node2;
      } else if (identity2.isDocument(parent)) {
        parent.contents = node2;
      } else {
        const pt = identity2.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
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
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
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
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
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
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity2.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node2) => {
            if (identity2.isNode(node2) && node2.tag)
              tags[node2.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node2) {
          if (node2.anchor)
            anchors.add(node2.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
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
            if (typeof ref === "object" && ref.anchor && (identity2.isScalar(ref.node) || identity2.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity2.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity2 = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity2.NODE_TYPE, { value: type });
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
        if (!identity2.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity2 = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity2.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node2) => {
              if (identity2.isAlias(node2) || identity2.hasAnchor(node2))
                nodes.push(node2);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node2 of nodes) {
          if (node2 === this)
            break;
          if (node2.anchor === this.source)
            found = node2;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
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
    function getAliasCount(doc, node2, anchors2) {
      if (identity2.isAlias(node2)) {
        const source = node2.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity2.isCollection(node2)) {
        let count2 = 0;
        for (const item of node2.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count2)
            count2 = c;
        }
        return count2;
      } else if (identity2.isPair(node2)) {
        const kc = getAliasCount(doc, node2.key, anchors2);
        const vc = getAliasCount(doc, node2.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity2.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity2.isDocument(value))
        value = value.contents;
      if (identity2.isNode(value))
        return value;
      if (identity2.isPair(value)) {
        const map = ctx.schema[identity2.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node3 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node3;
          return node3;
        }
        tagObj = value instanceof Map ? schema[identity2.MAP] : Symbol.iterator in Object(value) ? schema[identity2.SEQ] : schema[identity2.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node2 = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node2.tag = tagName;
      else if (!tagObj.default)
        node2.tag = tagObj.tag;
      if (ref)
        ref.node = node2;
      return node2;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity2 = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path2, value) {
      let v = value;
      for (let i = path2.length - 1; i >= 0; --i) {
        const k = path2[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path2) => path2 == null || typeof path2 === "object" && !!path2[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
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
        copy.items = copy.items.map((it) => identity2.isNode(it) || identity2.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path2, value) {
        if (isEmptyPath(path2))
          this.add(value);
        else {
          const [key, ...rest] = path2;
          const node2 = this.get(key, true);
          if (identity2.isCollection(node2))
            node2.addIn(rest, value);
          else if (node2 === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path2) {
        const [key, ...rest] = path2;
        if (rest.length === 0)
          return this.delete(key);
        const node2 = this.get(key, true);
        if (identity2.isCollection(node2))
          return node2.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path2, keepScalar) {
        const [key, ...rest] = path2;
        const node2 = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity2.isScalar(node2) ? node2.value : node2;
        else
          return identity2.isCollection(node2) ? node2.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node2) => {
          if (!identity2.isPair(node2))
            return false;
          const n = node2.value;
          return n == null || allowScalar && identity2.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path2) {
        const [key, ...rest] = path2;
        if (rest.length === 0)
          return this.has(key);
        const node2 = this.get(key, true);
        return identity2.isCollection(node2) ? node2.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path2, value) {
        const [key, ...rest] = path2;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node2 = this.get(key, true);
          if (identity2.isCollection(node2))
            node2.setIn(rest, value);
          else if (node2 === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
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
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
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
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
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
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
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
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
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
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity2 = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity2.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node2, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity2.isScalar(node2) || identity2.isCollection(node2)) && node2.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node2.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity2.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity2.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node2 = identity2.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node2));
      const props = stringifyProps(node2, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node2, ctx, onComment, onChompKeep) : identity2.isScalar(node2) ? stringifyString.stringifyString(node2, ctx, onComment, onChompKeep) : node2.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity2.isScalar(node2) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity2.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity2.isCollection(key) || !identity2.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity2.isCollection(key) || (identity2.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity2.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity2.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity2.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity2.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity2.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity2.isSeq(source))
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
      if (!identity2.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity2.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log3 = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity2 = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity2.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
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
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity2.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node2 of ctx.anchors.keys())
          strCtx.anchors.add(node2.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log3.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity2 = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity2.NODE_TYPE, { value: identity2.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity2.isNode(key))
          key = key.clone(schema);
        if (identity2.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity2.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity2.isPair(item)) {
          const ik = identity2.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
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
        if (identity2.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity2.isPair(item)) {
          const ik = identity2.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity2.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
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
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity2 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity2.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity2.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity2.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity2.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add2 = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add2(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add2(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
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
        if (identity2.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity2.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
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
        const node2 = it?.value;
        return (!keepScalar && identity2.isScalar(node2) ? node2.value : node2) ?? void 0;
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
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
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
          if (!identity2.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity2.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity2.SEQ, schema);
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
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity2.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
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
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity2.isScalar(prev) && Scalar.isScalarValue(value))
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
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
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
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity2.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity2.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node2) {
        const num = Number(node2.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node2);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node2 = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node2.minFractionDigits = str.length - dot - 1;
        return node2;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node2, radix, prefix) {
      const { value } = node2;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node2);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node2) => intStringify(node2, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node2) => intStringify(node2, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
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
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity2.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity2.isPair(item))
            continue;
          else if (identity2.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity2.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity2.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity2.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node2) {
        const num = Number(node2.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node2);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node2 = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node2.minFractionDigits = f.length;
        }
        return node2;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
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
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node2, radix, prefix) {
      const { value } = node2;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node2);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node2) => intStringify(node2, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node2) => intStringify(node2, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node2) => intStringify(node2, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity2.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
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
        return !keepPair && identity2.isPair(pair) ? identity2.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
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
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity2.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node2) {
      let { value } = node2;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node2);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
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
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
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
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity2.MAP, { value: map.map });
        Object.defineProperty(this, identity2.SCALAR, { value: string.string });
        Object.defineProperty(this, identity2.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity2.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity2 = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity2.NODE_TYPE, { value: identity2.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity2.NODE_TYPE]: { value: identity2.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity2.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
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
      addIn(path2, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path2, value);
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
      createAlias(node2, name) {
        if (!node2.anchor) {
          const prev = anchors.anchorNames(this);
          node2.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node2.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node2 = createNode.createNode(value, tag, ctx);
        if (flow && identity2.isCollection(node2))
          node2.flow = true;
        setAnchors();
        return node2;
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
      deleteIn(path2) {
        if (Collection.isEmptyPath(path2)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path2) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity2.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path2, keepScalar) {
        if (Collection.isEmptyPath(path2))
          return !keepScalar && identity2.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity2.isCollection(this.contents) ? this.contents.getIn(path2, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity2.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path2) {
        if (Collection.isEmptyPath(path2))
          return this.contents !== void 0;
        return identity2.isCollection(this.contents) ? this.contents.hasIn(path2) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path2, value) {
        if (Collection.isEmptyPath(path2)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path2), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path2, value);
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
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
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
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
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
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity2.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count2 = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count2 = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count2);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
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
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
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
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity2.isScalar(a) && identity2.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep2, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep2) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep2 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep2, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
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
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
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
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node2 = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node2.range[2];
        seq.items.push(node2);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep2 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep2 + cb;
              sep2 = "";
              break;
            }
            case "newline":
              if (comment)
                sep2 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
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
        const { start, key, sep: sep2, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep2 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity2.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep2 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep2, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep2 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep2)
                for (const st of sep2) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
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
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node2 = identity2.isNode(res) ? res : new Scalar.Scalar(res);
      node2.range = coll.range;
      node2.tag = tagName;
      if (tag?.format)
        node2.format = tag.format;
      return node2;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep2 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep2 === " ")
            sep2 = "\n";
          else if (!prevMoreIndented && sep2 === "\n")
            sep2 = "\n\n";
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep2 === "\n")
            value += "\n";
          else
            sep2 = "\n";
        } else {
          value += sep2 + content;
          sep2 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
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
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
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
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep2 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep2 === "\n")
            res += sep2;
          else
            sep2 = "\n";
        } else {
          res += sep2 + lm;
          sep2 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep2 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity2.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity2.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity2.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
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
      if (tagName === "!")
        return schema[identity2.SCALAR];
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
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity2.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity2.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity2.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity2 = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node2;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node2 = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node2 = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node2.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node2 = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node2.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node2 ?? (node2 = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node2.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity2.isScalar(node2) || typeof node2.value !== "string" || node2.tag && node2.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node2.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node2.comment = comment;
        else
          node2.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node2.srcToken = token;
      return node2;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node2 = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node2.anchor = anchor.source.substring(1);
        if (node2.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node2.spaceBefore = true;
      if (comment) {
        node2.comment = comment;
        node2.range[2] = end;
      }
      return node2;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity2 = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
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
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity2.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity2.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
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
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
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
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep2, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep2)
        for (const st of sep2)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path2) => {
      let item = cst;
      for (const [field, index] of path2) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path2) => {
      const parent = visit.itemAtPath(cst, path2.slice(0, -1));
      const field = path2[path2.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path2, item, visitor) {
      let ctrl = visitor(item, path2);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path2.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path2);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path2) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
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
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
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
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
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
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
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
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote2 = this.charAt(0);
        let end = this.buffer.indexOf(quote2, this.pos + 1);
        if (quote2 === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
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
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
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
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
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
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
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
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
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
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
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
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
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
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
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
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
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
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep2;
          if (scalar.end) {
            sep2 = scalar.end;
            sep2.push(this.sourceToken);
            delete scalar.end;
          } else
            sep2 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep2 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
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
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
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
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
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
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep2 = it.sep;
                  sep2.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep2 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
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
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
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
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
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
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep2 = fc.end.splice(1, fc.end.length);
            sep2.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep2 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
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
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log3 = require_log();
    var identity2 = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log3.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity2.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity2 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity2.isAlias;
    exports.isCollection = identity2.isCollection;
    exports.isDocument = identity2.isDocument;
    exports.isMap = identity2.isMap;
    exports.isNode = identity2.isNode;
    exports.isPair = identity2.isPair;
    exports.isScalar = identity2.isScalar;
    exports.isSeq = identity2.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// node_modules/protobufjs/src/util/aspromise.js
var require_aspromise = __commonJS({
  "node_modules/protobufjs/src/util/aspromise.js"(exports, module) {
    "use strict";
    module.exports = asPromise;
    function asPromise(fn, ctx) {
      var params = new Array(arguments.length - 1), offset = 0, index = 2, pending = true;
      while (index < arguments.length)
        params[offset++] = arguments[index++];
      return new Promise(function executor(resolve6, reject) {
        params[offset] = function callback(err) {
          if (pending) {
            pending = false;
            if (err)
              reject(err);
            else {
              var params2 = new Array(arguments.length - 1), offset2 = 0;
              while (offset2 < params2.length)
                params2[offset2++] = arguments[offset2];
              resolve6.apply(null, params2);
            }
          }
        };
        try {
          fn.apply(ctx || null, params);
        } catch (err) {
          if (pending) {
            pending = false;
            reject(err);
          }
        }
      });
    }
  }
});

// node_modules/protobufjs/src/util/base64.js
var require_base64 = __commonJS({
  "node_modules/protobufjs/src/util/base64.js"(exports) {
    "use strict";
    var base64 = exports;
    base64.length = function length(string) {
      var p = string.length;
      if (!p)
        return 0;
      while (p > 0 && string.charAt(p - 1) === "=")
        --p;
      return Math.floor(p * 3 / 4);
    };
    var b64 = new Array(64);
    var s64 = new Array(123);
    for (i = 0; i < 64; )
      s64[b64[i] = i < 26 ? i + 65 : i < 52 ? i + 71 : i < 62 ? i - 4 : i - 59 | 43] = i++;
    var i;
    s64[45] = 62;
    s64[95] = 63;
    base64.encode = function encode(buffer, start, end) {
      var parts = null, chunk = [];
      var i2 = 0, j = 0, t;
      while (start < end) {
        var b = buffer[start++];
        switch (j) {
          case 0:
            chunk[i2++] = b64[b >> 2];
            t = (b & 3) << 4;
            j = 1;
            break;
          case 1:
            chunk[i2++] = b64[t | b >> 4];
            t = (b & 15) << 2;
            j = 2;
            break;
          case 2:
            chunk[i2++] = b64[t | b >> 6];
            chunk[i2++] = b64[b & 63];
            j = 0;
            break;
        }
        if (i2 > 8191) {
          (parts || (parts = [])).push(String.fromCharCode.apply(String, chunk));
          i2 = 0;
        }
      }
      if (j) {
        chunk[i2++] = b64[t];
        chunk[i2++] = 61;
        if (j === 1)
          chunk[i2++] = 61;
      }
      if (parts) {
        if (i2)
          parts.push(String.fromCharCode.apply(String, chunk.slice(0, i2)));
        return parts.join("");
      }
      return String.fromCharCode.apply(String, chunk.slice(0, i2));
    };
    var invalidEncoding = "invalid encoding";
    base64.decode = function decode2(string, buffer, offset) {
      var start = offset;
      var j = 0, t;
      for (var i2 = 0; i2 < string.length; ) {
        var c = string.charCodeAt(i2++);
        if (c === 61 && j > 1)
          break;
        if ((c = s64[c]) === void 0)
          throw Error(invalidEncoding);
        switch (j) {
          case 0:
            t = c;
            j = 1;
            break;
          case 1:
            buffer[offset++] = t << 2 | (c & 48) >> 4;
            t = c;
            j = 2;
            break;
          case 2:
            buffer[offset++] = (t & 15) << 4 | (c & 60) >> 2;
            t = c;
            j = 3;
            break;
          case 3:
            buffer[offset++] = (t & 3) << 6 | c;
            j = 0;
            break;
        }
      }
      if (j === 1)
        throw Error(invalidEncoding);
      return offset - start;
    };
    var base64Re = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
    var base64UrlRe = /[-_]/;
    var base64UrlNoPaddingRe = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}(?:==)?|[A-Za-z0-9_-]{3}=?)?$/;
    base64.test = function test(string) {
      return base64Re.test(string) || base64UrlRe.test(string) && base64UrlNoPaddingRe.test(string);
    };
  }
});

// node_modules/protobufjs/src/util/eventemitter.js
var require_eventemitter = __commonJS({
  "node_modules/protobufjs/src/util/eventemitter.js"(exports, module) {
    "use strict";
    module.exports = EventEmitter;
    function EventEmitter() {
      this._listeners = /* @__PURE__ */ Object.create(null);
    }
    EventEmitter.prototype.on = function on(evt, fn, ctx) {
      (this._listeners[evt] || (this._listeners[evt] = [])).push({
        fn,
        ctx: ctx || this
      });
      return this;
    };
    EventEmitter.prototype.off = function off(evt, fn) {
      if (evt === void 0)
        this._listeners = /* @__PURE__ */ Object.create(null);
      else {
        if (fn === void 0)
          this._listeners[evt] = [];
        else {
          var listeners = this._listeners[evt];
          if (!listeners)
            return this;
          for (var i = 0; i < listeners.length; )
            if (listeners[i].fn === fn)
              listeners.splice(i, 1);
            else
              ++i;
        }
      }
      return this;
    };
    EventEmitter.prototype.emit = function emit(evt) {
      var listeners = this._listeners[evt];
      if (listeners) {
        var args = [], i = 1;
        for (; i < arguments.length; )
          args.push(arguments[i++]);
        for (i = 0; i < listeners.length; )
          listeners[i].fn.apply(listeners[i++].ctx, args);
      }
      return this;
    };
  }
});

// node_modules/protobufjs/src/util/float.js
var require_float3 = __commonJS({
  "node_modules/protobufjs/src/util/float.js"(exports, module) {
    "use strict";
    module.exports = factory(factory);
    function factory(exports2) {
      if (typeof Float32Array !== "undefined") (function() {
        var f322 = new Float32Array([-0]), f8b = new Uint8Array(f322.buffer), le = f8b[3] === 128;
        function writeFloat_f32_cpy(val, buf, pos) {
          f322[0] = val;
          buf[pos] = f8b[0];
          buf[pos + 1] = f8b[1];
          buf[pos + 2] = f8b[2];
          buf[pos + 3] = f8b[3];
        }
        function writeFloat_f32_rev(val, buf, pos) {
          f322[0] = val;
          buf[pos] = f8b[3];
          buf[pos + 1] = f8b[2];
          buf[pos + 2] = f8b[1];
          buf[pos + 3] = f8b[0];
        }
        exports2.writeFloatLE = le ? writeFloat_f32_cpy : writeFloat_f32_rev;
        exports2.writeFloatBE = le ? writeFloat_f32_rev : writeFloat_f32_cpy;
        function readFloat_f32_cpy(buf, pos) {
          f8b[0] = buf[pos];
          f8b[1] = buf[pos + 1];
          f8b[2] = buf[pos + 2];
          f8b[3] = buf[pos + 3];
          return f322[0];
        }
        function readFloat_f32_rev(buf, pos) {
          f8b[3] = buf[pos];
          f8b[2] = buf[pos + 1];
          f8b[1] = buf[pos + 2];
          f8b[0] = buf[pos + 3];
          return f322[0];
        }
        exports2.readFloatLE = le ? readFloat_f32_cpy : readFloat_f32_rev;
        exports2.readFloatBE = le ? readFloat_f32_rev : readFloat_f32_cpy;
      })();
      else (function() {
        function writeFloat_ieee754(writeUint, val, buf, pos) {
          var sign = val < 0 ? 1 : 0;
          if (sign)
            val = -val;
          if (val === 0)
            writeUint(1 / val > 0 ? (
              /* positive */
              0
            ) : (
              /* negative 0 */
              2147483648
            ), buf, pos);
          else if (isNaN(val))
            writeUint(2143289344, buf, pos);
          else if (val > 34028234663852886e22)
            writeUint((sign << 31 | 2139095040) >>> 0, buf, pos);
          else if (val < 11754943508222875e-54)
            writeUint((sign << 31 | Math.round(val / 1401298464324817e-60)) >>> 0, buf, pos);
          else {
            var exponent = Math.floor(Math.log(val) / Math.LN2), mantissa = Math.round(val * Math.pow(2, -exponent) * 8388608) & 8388607;
            writeUint((sign << 31 | exponent + 127 << 23 | mantissa) >>> 0, buf, pos);
          }
        }
        exports2.writeFloatLE = writeFloat_ieee754.bind(null, writeUintLE);
        exports2.writeFloatBE = writeFloat_ieee754.bind(null, writeUintBE);
        function readFloat_ieee754(readUint, buf, pos) {
          var uint = readUint(buf, pos), sign = (uint >> 31) * 2 + 1, exponent = uint >>> 23 & 255, mantissa = uint & 8388607;
          return exponent === 255 ? mantissa ? NaN : sign * Infinity : exponent === 0 ? sign * 1401298464324817e-60 * mantissa : sign * Math.pow(2, exponent - 150) * (mantissa + 8388608);
        }
        exports2.readFloatLE = readFloat_ieee754.bind(null, readUintLE);
        exports2.readFloatBE = readFloat_ieee754.bind(null, readUintBE);
      })();
      if (typeof Float64Array !== "undefined") (function() {
        var f64 = new Float64Array([-0]), f8b = new Uint8Array(f64.buffer), le = f8b[7] === 128;
        function writeDouble_f64_cpy(val, buf, pos) {
          f64[0] = val;
          buf[pos] = f8b[0];
          buf[pos + 1] = f8b[1];
          buf[pos + 2] = f8b[2];
          buf[pos + 3] = f8b[3];
          buf[pos + 4] = f8b[4];
          buf[pos + 5] = f8b[5];
          buf[pos + 6] = f8b[6];
          buf[pos + 7] = f8b[7];
        }
        function writeDouble_f64_rev(val, buf, pos) {
          f64[0] = val;
          buf[pos] = f8b[7];
          buf[pos + 1] = f8b[6];
          buf[pos + 2] = f8b[5];
          buf[pos + 3] = f8b[4];
          buf[pos + 4] = f8b[3];
          buf[pos + 5] = f8b[2];
          buf[pos + 6] = f8b[1];
          buf[pos + 7] = f8b[0];
        }
        exports2.writeDoubleLE = le ? writeDouble_f64_cpy : writeDouble_f64_rev;
        exports2.writeDoubleBE = le ? writeDouble_f64_rev : writeDouble_f64_cpy;
        function readDouble_f64_cpy(buf, pos) {
          f8b[0] = buf[pos];
          f8b[1] = buf[pos + 1];
          f8b[2] = buf[pos + 2];
          f8b[3] = buf[pos + 3];
          f8b[4] = buf[pos + 4];
          f8b[5] = buf[pos + 5];
          f8b[6] = buf[pos + 6];
          f8b[7] = buf[pos + 7];
          return f64[0];
        }
        function readDouble_f64_rev(buf, pos) {
          f8b[7] = buf[pos];
          f8b[6] = buf[pos + 1];
          f8b[5] = buf[pos + 2];
          f8b[4] = buf[pos + 3];
          f8b[3] = buf[pos + 4];
          f8b[2] = buf[pos + 5];
          f8b[1] = buf[pos + 6];
          f8b[0] = buf[pos + 7];
          return f64[0];
        }
        exports2.readDoubleLE = le ? readDouble_f64_cpy : readDouble_f64_rev;
        exports2.readDoubleBE = le ? readDouble_f64_rev : readDouble_f64_cpy;
      })();
      else (function() {
        function writeDouble_ieee754(writeUint, off0, off1, val, buf, pos) {
          var sign = val < 0 ? 1 : 0;
          if (sign)
            val = -val;
          if (val === 0) {
            writeUint(0, buf, pos + off0);
            writeUint(1 / val > 0 ? (
              /* positive */
              0
            ) : (
              /* negative 0 */
              2147483648
            ), buf, pos + off1);
          } else if (isNaN(val)) {
            writeUint(0, buf, pos + off0);
            writeUint(2146959360, buf, pos + off1);
          } else if (val > 17976931348623157e292) {
            writeUint(0, buf, pos + off0);
            writeUint((sign << 31 | 2146435072) >>> 0, buf, pos + off1);
          } else {
            var mantissa;
            if (val < 22250738585072014e-324) {
              mantissa = val / 5e-324;
              writeUint(mantissa >>> 0, buf, pos + off0);
              writeUint((sign << 31 | mantissa / 4294967296) >>> 0, buf, pos + off1);
            } else {
              var exponent = Math.floor(Math.log(val) / Math.LN2);
              if (exponent === 1024)
                exponent = 1023;
              mantissa = val * Math.pow(2, -exponent);
              writeUint(mantissa * 4503599627370496 >>> 0, buf, pos + off0);
              writeUint((sign << 31 | exponent + 1023 << 20 | mantissa * 1048576 & 1048575) >>> 0, buf, pos + off1);
            }
          }
        }
        exports2.writeDoubleLE = writeDouble_ieee754.bind(null, writeUintLE, 0, 4);
        exports2.writeDoubleBE = writeDouble_ieee754.bind(null, writeUintBE, 4, 0);
        function readDouble_ieee754(readUint, off0, off1, buf, pos) {
          var lo = readUint(buf, pos + off0), hi = readUint(buf, pos + off1);
          var sign = (hi >> 31) * 2 + 1, exponent = hi >>> 20 & 2047, mantissa = 4294967296 * (hi & 1048575) + lo;
          return exponent === 2047 ? mantissa ? NaN : sign * Infinity : exponent === 0 ? sign * 5e-324 * mantissa : sign * Math.pow(2, exponent - 1075) * (mantissa + 4503599627370496);
        }
        exports2.readDoubleLE = readDouble_ieee754.bind(null, readUintLE, 0, 4);
        exports2.readDoubleBE = readDouble_ieee754.bind(null, readUintBE, 4, 0);
      })();
      return exports2;
    }
    function writeUintLE(val, buf, pos) {
      buf[pos] = val & 255;
      buf[pos + 1] = val >>> 8 & 255;
      buf[pos + 2] = val >>> 16 & 255;
      buf[pos + 3] = val >>> 24;
    }
    function writeUintBE(val, buf, pos) {
      buf[pos] = val >>> 24;
      buf[pos + 1] = val >>> 16 & 255;
      buf[pos + 2] = val >>> 8 & 255;
      buf[pos + 3] = val & 255;
    }
    function readUintLE(buf, pos) {
      return (buf[pos] | buf[pos + 1] << 8 | buf[pos + 2] << 16 | buf[pos + 3] << 24) >>> 0;
    }
    function readUintBE(buf, pos) {
      return (buf[pos] << 24 | buf[pos + 1] << 16 | buf[pos + 2] << 8 | buf[pos + 3]) >>> 0;
    }
  }
});

// node_modules/protobufjs/src/util/utf8.js
var require_utf8 = __commonJS({
  "node_modules/protobufjs/src/util/utf8.js"(exports) {
    "use strict";
    var utf8 = exports;
    var looseDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
    var strictDecoder;
    var TEXT_DECODER_MIN_LENGTH = 64;
    try {
      strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    } catch (err) {
      strictDecoder = looseDecoder;
    }
    utf8.length = function utf8_length(string) {
      var len = 0, c = 0;
      for (var i = 0; i < string.length; ++i) {
        c = string.charCodeAt(i);
        if (c < 128)
          len += 1;
        else if (c < 2048)
          len += 2;
        else if ((c & 64512) === 55296 && (string.charCodeAt(i + 1) & 64512) === 56320) {
          ++i;
          len += 4;
        } else
          len += 3;
      }
      return len;
    };
    function utf8_read_decoder(decoder, buffer, start, end) {
      var source = start === 0 && end === buffer.length ? buffer : buffer.subarray(start, end);
      return decoder.decode(source);
    }
    utf8.read = function utf8_read_loose(buffer, start, end) {
      if (end - start < 1)
        return "";
      if (end - start >= TEXT_DECODER_MIN_LENGTH)
        return utf8_read_decoder(looseDecoder, buffer, start, end);
      var str = "", i = start, c1, c2, c3, c4, c5, c6, c7, c8;
      for (; i + 7 < end; i += 8) {
        c1 = buffer[i];
        c2 = buffer[i + 1];
        c3 = buffer[i + 2];
        c4 = buffer[i + 3];
        c5 = buffer[i + 4];
        c6 = buffer[i + 5];
        c7 = buffer[i + 6];
        c8 = buffer[i + 7];
        if ((c1 | c2 | c3 | c4 | c5 | c6 | c7 | c8) & 128)
          return str + utf8_read_decoder(looseDecoder, buffer, i, end);
        str += String.fromCharCode(c1, c2, c3, c4, c5, c6, c7, c8);
      }
      for (; i < end; ++i) {
        c1 = buffer[i];
        if (c1 & 128)
          return str + utf8_read_decoder(looseDecoder, buffer, i, end);
        str += String.fromCharCode(c1);
      }
      return str;
    };
    utf8.readStrict = function utf8_read_strict(buffer, start, end) {
      if (end - start < 1)
        return "";
      if (end - start >= TEXT_DECODER_MIN_LENGTH)
        return utf8_read_decoder(strictDecoder, buffer, start, end);
      var str = "", i = start, c1, c2, c3, c4, c5, c6, c7, c8;
      for (; i + 7 < end; i += 8) {
        c1 = buffer[i];
        c2 = buffer[i + 1];
        c3 = buffer[i + 2];
        c4 = buffer[i + 3];
        c5 = buffer[i + 4];
        c6 = buffer[i + 5];
        c7 = buffer[i + 6];
        c8 = buffer[i + 7];
        if ((c1 | c2 | c3 | c4 | c5 | c6 | c7 | c8) & 128)
          return str + utf8_read_decoder(strictDecoder, buffer, i, end);
        str += String.fromCharCode(c1, c2, c3, c4, c5, c6, c7, c8);
      }
      for (; i < end; ++i) {
        c1 = buffer[i];
        if (c1 & 128)
          return str + utf8_read_decoder(strictDecoder, buffer, i, end);
        str += String.fromCharCode(c1);
      }
      return str;
    };
    utf8.write = function utf8_write(string, buffer, offset) {
      var start = offset, c1, c2;
      for (var i = 0; i < string.length; ++i) {
        c1 = string.charCodeAt(i);
        if (c1 < 128) {
          buffer[offset++] = c1;
        } else if (c1 < 2048) {
          buffer[offset++] = c1 >> 6 | 192;
          buffer[offset++] = c1 & 63 | 128;
        } else if ((c1 & 64512) === 55296 && ((c2 = string.charCodeAt(i + 1)) & 64512) === 56320) {
          c1 = 65536 + ((c1 & 1023) << 10) + (c2 & 1023);
          ++i;
          buffer[offset++] = c1 >> 18 | 240;
          buffer[offset++] = c1 >> 12 & 63 | 128;
          buffer[offset++] = c1 >> 6 & 63 | 128;
          buffer[offset++] = c1 & 63 | 128;
        } else {
          buffer[offset++] = c1 >> 12 | 224;
          buffer[offset++] = c1 >> 6 & 63 | 128;
          buffer[offset++] = c1 & 63 | 128;
        }
      }
      return offset - start;
    };
  }
});

// node_modules/protobufjs/src/util/pool.js
var require_pool = __commonJS({
  "node_modules/protobufjs/src/util/pool.js"(exports, module) {
    "use strict";
    module.exports = pool;
    function pool(alloc, slice, size) {
      var SIZE = size || 8192;
      var MAX = SIZE >>> 1;
      var slab = null;
      var offset = SIZE;
      return function pool_alloc(size2) {
        if (size2 < 1 || size2 > MAX)
          return alloc(size2);
        if (offset + size2 > SIZE) {
          slab = alloc(SIZE);
          offset = 0;
        }
        var buf = slice.call(slab, offset, offset += size2);
        if (offset & 7)
          offset = (offset | 7) + 1;
        return buf;
      };
    }
  }
});

// node_modules/protobufjs/src/util/longbits.js
var require_longbits = __commonJS({
  "node_modules/protobufjs/src/util/longbits.js"(exports, module) {
    "use strict";
    module.exports = LongBits;
    var Long;
    function LongBits(lo, hi) {
      this.lo = lo >>> 0;
      this.hi = hi >>> 0;
    }
    var zero = LongBits.zero = new LongBits(0, 0);
    zero.toNumber = function() {
      return 0;
    };
    zero.zzEncode = zero.zzDecode = function() {
      return this;
    };
    zero.length = function() {
      return 1;
    };
    var zeroHash = LongBits.zeroHash = "\0\0\0\0\0\0\0\0";
    LongBits.fromNumber = function fromNumber(value) {
      if (value === 0)
        return zero;
      var sign = value < 0;
      if (sign)
        value = -value;
      var lo = value >>> 0, hi = (value - lo) / 4294967296 >>> 0;
      if (sign) {
        hi = ~hi >>> 0;
        lo = ~lo >>> 0;
        if (++lo > 4294967295) {
          lo = 0;
          if (++hi > 4294967295)
            hi = 0;
        }
      }
      return new LongBits(lo, hi);
    };
    LongBits.from = function from(value) {
      if (typeof value === "number")
        return LongBits.fromNumber(value);
      if (typeof value === "string" || value instanceof String) {
        if (Long)
          value = Long.fromString(value);
        else
          return LongBits.fromNumber(parseInt(value, 10));
      }
      return value.low || value.high ? new LongBits(value.low >>> 0, value.high >>> 0) : zero;
    };
    LongBits.prototype.toNumber = function toNumber(unsigned) {
      if (!unsigned && this.hi >>> 31) {
        var lo = ~this.lo + 1 >>> 0, hi = ~this.hi >>> 0;
        if (!lo)
          hi = hi + 1 >>> 0;
        return -(lo + hi * 4294967296);
      }
      return this.lo + this.hi * 4294967296;
    };
    LongBits.prototype.toLong = function toLong(unsigned) {
      return Long ? new Long(this.lo | 0, this.hi | 0, Boolean(unsigned)) : { low: this.lo | 0, high: this.hi | 0, unsigned: Boolean(unsigned) };
    };
    var charCodeAt = String.prototype.charCodeAt;
    LongBits.fromHash = function fromHash(hash) {
      if (hash === zeroHash)
        return zero;
      return new LongBits(
        (charCodeAt.call(hash, 0) | charCodeAt.call(hash, 1) << 8 | charCodeAt.call(hash, 2) << 16 | charCodeAt.call(hash, 3) << 24) >>> 0,
        (charCodeAt.call(hash, 4) | charCodeAt.call(hash, 5) << 8 | charCodeAt.call(hash, 6) << 16 | charCodeAt.call(hash, 7) << 24) >>> 0
      );
    };
    LongBits.prototype.toHash = function toHash() {
      return String.fromCharCode(
        this.lo & 255,
        this.lo >>> 8 & 255,
        this.lo >>> 16 & 255,
        this.lo >>> 24,
        this.hi & 255,
        this.hi >>> 8 & 255,
        this.hi >>> 16 & 255,
        this.hi >>> 24
      );
    };
    LongBits.prototype.zzEncode = function zzEncode() {
      var mask = this.hi >> 31;
      this.hi = ((this.hi << 1 | this.lo >>> 31) ^ mask) >>> 0;
      this.lo = (this.lo << 1 ^ mask) >>> 0;
      return this;
    };
    LongBits.prototype.zzDecode = function zzDecode() {
      var mask = -(this.lo & 1);
      this.lo = ((this.lo >>> 1 | this.hi << 31) ^ mask) >>> 0;
      this.hi = (this.hi >>> 1 ^ mask) >>> 0;
      return this;
    };
    LongBits.prototype.length = function length() {
      var part0 = this.lo, part1 = (this.lo >>> 28 | this.hi << 4) >>> 0, part2 = this.hi >>> 24;
      return part2 === 0 ? part1 === 0 ? part0 < 16384 ? part0 < 128 ? 1 : 2 : part0 < 2097152 ? 3 : 4 : part1 < 16384 ? part1 < 128 ? 5 : 6 : part1 < 2097152 ? 7 : 8 : part2 < 128 ? 9 : 10;
    };
    LongBits._configure = function(Long_) {
      Long = Long_;
    };
  }
});

// node_modules/long/umd/index.js
var require_umd = __commonJS({
  "node_modules/long/umd/index.js"(exports, module) {
    (function(global2, factory) {
      function preferDefault(exports2) {
        return exports2.default || exports2;
      }
      if (typeof define === "function" && define.amd) {
        define([], function() {
          var exports2 = {};
          factory(exports2);
          return preferDefault(exports2);
        });
      } else if (typeof exports === "object") {
        factory(exports);
        if (typeof module === "object") module.exports = preferDefault(exports);
      } else {
        (function() {
          var exports2 = {};
          factory(exports2);
          global2.Long = preferDefault(exports2);
        })();
      }
    })(
      typeof globalThis !== "undefined" ? globalThis : typeof self !== "undefined" ? self : exports,
      function(_exports) {
        "use strict";
        Object.defineProperty(_exports, "__esModule", {
          value: true
        });
        _exports.default = void 0;
        var wasm = null;
        try {
          wasm = new WebAssembly.Instance(
            new WebAssembly.Module(
              new Uint8Array([
                // \0asm
                0,
                97,
                115,
                109,
                // version 1
                1,
                0,
                0,
                0,
                // section "type"
                1,
                13,
                2,
                // 0, () => i32
                96,
                0,
                1,
                127,
                // 1, (i32, i32, i32, i32) => i32
                96,
                4,
                127,
                127,
                127,
                127,
                1,
                127,
                // section "function"
                3,
                7,
                6,
                // 0, type 0
                0,
                // 1, type 1
                1,
                // 2, type 1
                1,
                // 3, type 1
                1,
                // 4, type 1
                1,
                // 5, type 1
                1,
                // section "global"
                6,
                6,
                1,
                // 0, "high", mutable i32
                127,
                1,
                65,
                0,
                11,
                // section "export"
                7,
                50,
                6,
                // 0, "mul"
                3,
                109,
                117,
                108,
                0,
                1,
                // 1, "div_s"
                5,
                100,
                105,
                118,
                95,
                115,
                0,
                2,
                // 2, "div_u"
                5,
                100,
                105,
                118,
                95,
                117,
                0,
                3,
                // 3, "rem_s"
                5,
                114,
                101,
                109,
                95,
                115,
                0,
                4,
                // 4, "rem_u"
                5,
                114,
                101,
                109,
                95,
                117,
                0,
                5,
                // 5, "get_high"
                8,
                103,
                101,
                116,
                95,
                104,
                105,
                103,
                104,
                0,
                0,
                // section "code"
                10,
                191,
                1,
                6,
                // 0, "get_high"
                4,
                0,
                35,
                0,
                11,
                // 1, "mul"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                126,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 2, "div_s"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                127,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 3, "div_u"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                128,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 4, "rem_s"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                129,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 5, "rem_u"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                130,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11
              ])
            ),
            {}
          ).exports;
        } catch {
        }
        function Long(low, high, unsigned) {
          this.low = low | 0;
          this.high = high | 0;
          this.unsigned = !!unsigned;
        }
        Long.prototype.__isLong__;
        Object.defineProperty(Long.prototype, "__isLong__", {
          value: true
        });
        function isLong(obj) {
          return (obj && obj["__isLong__"]) === true;
        }
        function ctz32(value) {
          var c = Math.clz32(value & -value);
          return value ? 31 - c : c;
        }
        Long.isLong = isLong;
        var INT_CACHE = {};
        var UINT_CACHE = {};
        function fromInt(value, unsigned) {
          var obj, cachedObj, cache;
          if (unsigned) {
            value >>>= 0;
            if (cache = 0 <= value && value < 256) {
              cachedObj = UINT_CACHE[value];
              if (cachedObj) return cachedObj;
            }
            obj = fromBits(value, 0, true);
            if (cache) UINT_CACHE[value] = obj;
            return obj;
          } else {
            value |= 0;
            if (cache = -128 <= value && value < 128) {
              cachedObj = INT_CACHE[value];
              if (cachedObj) return cachedObj;
            }
            obj = fromBits(value, value < 0 ? -1 : 0, false);
            if (cache) INT_CACHE[value] = obj;
            return obj;
          }
        }
        Long.fromInt = fromInt;
        function fromNumber(value, unsigned) {
          if (isNaN(value)) return unsigned ? UZERO : ZERO;
          if (unsigned) {
            if (value < 0) return UZERO;
            if (value >= TWO_PWR_64_DBL) return MAX_UNSIGNED_VALUE;
          } else {
            if (value <= -TWO_PWR_63_DBL) return MIN_VALUE;
            if (value + 1 >= TWO_PWR_63_DBL) return MAX_VALUE;
          }
          if (value < 0) return fromNumber(-value, unsigned).neg();
          return fromBits(
            value % TWO_PWR_32_DBL | 0,
            value / TWO_PWR_32_DBL | 0,
            unsigned
          );
        }
        Long.fromNumber = fromNumber;
        function fromBits(lowBits, highBits, unsigned) {
          return new Long(lowBits, highBits, unsigned);
        }
        Long.fromBits = fromBits;
        var pow_dbl = Math.pow;
        function fromString(str, unsigned, radix) {
          if (str.length === 0) throw Error("empty string");
          if (typeof unsigned === "number") {
            radix = unsigned;
            unsigned = false;
          } else {
            unsigned = !!unsigned;
          }
          if (str === "NaN" || str === "Infinity" || str === "+Infinity" || str === "-Infinity")
            return unsigned ? UZERO : ZERO;
          radix = radix || 10;
          if (radix < 2 || 36 < radix) throw RangeError("radix");
          var p;
          if ((p = str.indexOf("-")) > 0) throw Error("interior hyphen");
          else if (p === 0) {
            return fromString(str.substring(1), unsigned, radix).neg();
          }
          var radixToPower = fromNumber(pow_dbl(radix, 8));
          var result = ZERO;
          for (var i = 0; i < str.length; i += 8) {
            var size = Math.min(8, str.length - i), value = parseInt(str.substring(i, i + size), radix);
            if (size < 8) {
              var power = fromNumber(pow_dbl(radix, size));
              result = result.mul(power).add(fromNumber(value));
            } else {
              result = result.mul(radixToPower);
              result = result.add(fromNumber(value));
            }
          }
          result.unsigned = unsigned;
          return result;
        }
        Long.fromString = fromString;
        function fromValue(val, unsigned) {
          if (typeof val === "number") return fromNumber(val, unsigned);
          if (typeof val === "string") return fromString(val, unsigned);
          return fromBits(
            val.low,
            val.high,
            typeof unsigned === "boolean" ? unsigned : val.unsigned
          );
        }
        Long.fromValue = fromValue;
        var TWO_PWR_16_DBL = 1 << 16;
        var TWO_PWR_24_DBL = 1 << 24;
        var TWO_PWR_32_DBL = TWO_PWR_16_DBL * TWO_PWR_16_DBL;
        var TWO_PWR_64_DBL = TWO_PWR_32_DBL * TWO_PWR_32_DBL;
        var TWO_PWR_63_DBL = TWO_PWR_64_DBL / 2;
        var TWO_PWR_24 = fromInt(TWO_PWR_24_DBL);
        var ZERO = fromInt(0);
        Long.ZERO = ZERO;
        var UZERO = fromInt(0, true);
        Long.UZERO = UZERO;
        var ONE = fromInt(1);
        Long.ONE = ONE;
        var UONE = fromInt(1, true);
        Long.UONE = UONE;
        var NEG_ONE = fromInt(-1);
        Long.NEG_ONE = NEG_ONE;
        var MAX_VALUE = fromBits(4294967295 | 0, 2147483647 | 0, false);
        Long.MAX_VALUE = MAX_VALUE;
        var MAX_UNSIGNED_VALUE = fromBits(4294967295 | 0, 4294967295 | 0, true);
        Long.MAX_UNSIGNED_VALUE = MAX_UNSIGNED_VALUE;
        var MIN_VALUE = fromBits(0, 2147483648 | 0, false);
        Long.MIN_VALUE = MIN_VALUE;
        var LongPrototype = Long.prototype;
        LongPrototype.toInt = function toInt() {
          return this.unsigned ? this.low >>> 0 : this.low;
        };
        LongPrototype.toNumber = function toNumber() {
          if (this.unsigned)
            return (this.high >>> 0) * TWO_PWR_32_DBL + (this.low >>> 0);
          return this.high * TWO_PWR_32_DBL + (this.low >>> 0);
        };
        LongPrototype.toString = function toString(radix) {
          radix = radix || 10;
          if (radix < 2 || 36 < radix) throw RangeError("radix");
          if (this.isZero()) return "0";
          if (this.isNegative()) {
            if (this.eq(MIN_VALUE)) {
              var radixLong = fromNumber(radix), div2 = this.div(radixLong), rem1 = div2.mul(radixLong).sub(this);
              return div2.toString(radix) + rem1.toInt().toString(radix);
            } else return "-" + this.neg().toString(radix);
          }
          var radixToPower = fromNumber(pow_dbl(radix, 6), this.unsigned), rem = this;
          var result = "";
          while (true) {
            var remDiv = rem.div(radixToPower), intval = rem.sub(remDiv.mul(radixToPower)).toInt() >>> 0, digits = intval.toString(radix);
            rem = remDiv;
            if (rem.isZero()) return digits + result;
            else {
              while (digits.length < 6) digits = "0" + digits;
              result = "" + digits + result;
            }
          }
        };
        LongPrototype.getHighBits = function getHighBits() {
          return this.high;
        };
        LongPrototype.getHighBitsUnsigned = function getHighBitsUnsigned() {
          return this.high >>> 0;
        };
        LongPrototype.getLowBits = function getLowBits() {
          return this.low;
        };
        LongPrototype.getLowBitsUnsigned = function getLowBitsUnsigned() {
          return this.low >>> 0;
        };
        LongPrototype.getNumBitsAbs = function getNumBitsAbs() {
          if (this.isNegative())
            return this.eq(MIN_VALUE) ? 64 : this.neg().getNumBitsAbs();
          var val = this.high != 0 ? this.high : this.low;
          for (var bit = 31; bit > 0; bit--) if ((val & 1 << bit) != 0) break;
          return this.high != 0 ? bit + 33 : bit + 1;
        };
        LongPrototype.isSafeInteger = function isSafeInteger() {
          var top11Bits = this.high >> 21;
          if (!top11Bits) return true;
          if (this.unsigned) return false;
          return top11Bits === -1 && !(this.low === 0 && this.high === -2097152);
        };
        LongPrototype.isZero = function isZero() {
          return this.high === 0 && this.low === 0;
        };
        LongPrototype.eqz = LongPrototype.isZero;
        LongPrototype.isNegative = function isNegative() {
          return !this.unsigned && this.high < 0;
        };
        LongPrototype.isPositive = function isPositive() {
          return this.unsigned || this.high >= 0;
        };
        LongPrototype.isOdd = function isOdd() {
          return (this.low & 1) === 1;
        };
        LongPrototype.isEven = function isEven() {
          return (this.low & 1) === 0;
        };
        LongPrototype.equals = function equals(other) {
          if (!isLong(other)) other = fromValue(other);
          if (this.unsigned !== other.unsigned && this.high >>> 31 === 1 && other.high >>> 31 === 1)
            return false;
          return this.high === other.high && this.low === other.low;
        };
        LongPrototype.eq = LongPrototype.equals;
        LongPrototype.notEquals = function notEquals(other) {
          return !this.eq(
            /* validates */
            other
          );
        };
        LongPrototype.neq = LongPrototype.notEquals;
        LongPrototype.ne = LongPrototype.notEquals;
        LongPrototype.lessThan = function lessThan(other) {
          return this.comp(
            /* validates */
            other
          ) < 0;
        };
        LongPrototype.lt = LongPrototype.lessThan;
        LongPrototype.lessThanOrEqual = function lessThanOrEqual(other) {
          return this.comp(
            /* validates */
            other
          ) <= 0;
        };
        LongPrototype.lte = LongPrototype.lessThanOrEqual;
        LongPrototype.le = LongPrototype.lessThanOrEqual;
        LongPrototype.greaterThan = function greaterThan(other) {
          return this.comp(
            /* validates */
            other
          ) > 0;
        };
        LongPrototype.gt = LongPrototype.greaterThan;
        LongPrototype.greaterThanOrEqual = function greaterThanOrEqual(other) {
          return this.comp(
            /* validates */
            other
          ) >= 0;
        };
        LongPrototype.gte = LongPrototype.greaterThanOrEqual;
        LongPrototype.ge = LongPrototype.greaterThanOrEqual;
        LongPrototype.compare = function compare(other) {
          if (!isLong(other)) other = fromValue(other);
          if (this.eq(other)) return 0;
          var thisNeg = this.isNegative(), otherNeg = other.isNegative();
          if (thisNeg && !otherNeg) return -1;
          if (!thisNeg && otherNeg) return 1;
          if (!this.unsigned) return this.sub(other).isNegative() ? -1 : 1;
          return other.high >>> 0 > this.high >>> 0 || other.high === this.high && other.low >>> 0 > this.low >>> 0 ? -1 : 1;
        };
        LongPrototype.comp = LongPrototype.compare;
        LongPrototype.negate = function negate() {
          if (!this.unsigned && this.eq(MIN_VALUE)) return MIN_VALUE;
          return this.not().add(ONE);
        };
        LongPrototype.neg = LongPrototype.negate;
        LongPrototype.add = function add2(addend) {
          if (!isLong(addend)) addend = fromValue(addend);
          var a48 = this.high >>> 16;
          var a32 = this.high & 65535;
          var a16 = this.low >>> 16;
          var a00 = this.low & 65535;
          var b48 = addend.high >>> 16;
          var b32 = addend.high & 65535;
          var b16 = addend.low >>> 16;
          var b00 = addend.low & 65535;
          var c48 = 0, c32 = 0, c16 = 0, c00 = 0;
          c00 += a00 + b00;
          c16 += c00 >>> 16;
          c00 &= 65535;
          c16 += a16 + b16;
          c32 += c16 >>> 16;
          c16 &= 65535;
          c32 += a32 + b32;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c48 += a48 + b48;
          c48 &= 65535;
          return fromBits(c16 << 16 | c00, c48 << 16 | c32, this.unsigned);
        };
        LongPrototype.subtract = function subtract(subtrahend) {
          if (!isLong(subtrahend)) subtrahend = fromValue(subtrahend);
          return this.add(subtrahend.neg());
        };
        LongPrototype.sub = LongPrototype.subtract;
        LongPrototype.multiply = function multiply(multiplier) {
          if (this.isZero()) return this;
          if (!isLong(multiplier)) multiplier = fromValue(multiplier);
          if (wasm) {
            var low = wasm["mul"](
              this.low,
              this.high,
              multiplier.low,
              multiplier.high
            );
            return fromBits(low, wasm["get_high"](), this.unsigned);
          }
          if (multiplier.isZero()) return this.unsigned ? UZERO : ZERO;
          if (this.eq(MIN_VALUE)) return multiplier.isOdd() ? MIN_VALUE : ZERO;
          if (multiplier.eq(MIN_VALUE)) return this.isOdd() ? MIN_VALUE : ZERO;
          if (this.isNegative()) {
            if (multiplier.isNegative()) return this.neg().mul(multiplier.neg());
            else return this.neg().mul(multiplier).neg();
          } else if (multiplier.isNegative())
            return this.mul(multiplier.neg()).neg();
          if (this.lt(TWO_PWR_24) && multiplier.lt(TWO_PWR_24))
            return fromNumber(
              this.toNumber() * multiplier.toNumber(),
              this.unsigned
            );
          var a48 = this.high >>> 16;
          var a32 = this.high & 65535;
          var a16 = this.low >>> 16;
          var a00 = this.low & 65535;
          var b48 = multiplier.high >>> 16;
          var b32 = multiplier.high & 65535;
          var b16 = multiplier.low >>> 16;
          var b00 = multiplier.low & 65535;
          var c48 = 0, c32 = 0, c16 = 0, c00 = 0;
          c00 += a00 * b00;
          c16 += c00 >>> 16;
          c00 &= 65535;
          c16 += a16 * b00;
          c32 += c16 >>> 16;
          c16 &= 65535;
          c16 += a00 * b16;
          c32 += c16 >>> 16;
          c16 &= 65535;
          c32 += a32 * b00;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c32 += a16 * b16;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c32 += a00 * b32;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c48 += a48 * b00 + a32 * b16 + a16 * b32 + a00 * b48;
          c48 &= 65535;
          return fromBits(c16 << 16 | c00, c48 << 16 | c32, this.unsigned);
        };
        LongPrototype.mul = LongPrototype.multiply;
        LongPrototype.divide = function divide(divisor) {
          if (!isLong(divisor)) divisor = fromValue(divisor);
          if (divisor.isZero()) throw Error("division by zero");
          if (wasm) {
            if (!this.unsigned && this.high === -2147483648 && divisor.low === -1 && divisor.high === -1) {
              return this;
            }
            var low = (this.unsigned ? wasm["div_u"] : wasm["div_s"])(
              this.low,
              this.high,
              divisor.low,
              divisor.high
            );
            return fromBits(low, wasm["get_high"](), this.unsigned);
          }
          if (this.isZero()) return this.unsigned ? UZERO : ZERO;
          var approx, rem, res;
          if (!this.unsigned) {
            if (this.eq(MIN_VALUE)) {
              if (divisor.eq(ONE) || divisor.eq(NEG_ONE))
                return MIN_VALUE;
              else if (divisor.eq(MIN_VALUE)) return ONE;
              else {
                var halfThis = this.shr(1);
                approx = halfThis.div(divisor).shl(1);
                if (approx.eq(ZERO)) {
                  return divisor.isNegative() ? ONE : NEG_ONE;
                } else {
                  rem = this.sub(divisor.mul(approx));
                  res = approx.add(rem.div(divisor));
                  return res;
                }
              }
            } else if (divisor.eq(MIN_VALUE)) return this.unsigned ? UZERO : ZERO;
            if (this.isNegative()) {
              if (divisor.isNegative()) return this.neg().div(divisor.neg());
              return this.neg().div(divisor).neg();
            } else if (divisor.isNegative()) return this.div(divisor.neg()).neg();
            res = ZERO;
          } else {
            if (!divisor.unsigned) divisor = divisor.toUnsigned();
            if (divisor.gt(this)) return UZERO;
            if (divisor.gt(this.shru(1)))
              return UONE;
            res = UZERO;
          }
          rem = this;
          while (rem.gte(divisor)) {
            approx = Math.max(1, Math.floor(rem.toNumber() / divisor.toNumber()));
            var log22 = Math.ceil(Math.log(approx) / Math.LN2), delta = log22 <= 48 ? 1 : pow_dbl(2, log22 - 48), approxRes = fromNumber(approx), approxRem = approxRes.mul(divisor);
            while (approxRem.isNegative() || approxRem.gt(rem)) {
              approx -= delta;
              approxRes = fromNumber(approx, this.unsigned);
              approxRem = approxRes.mul(divisor);
            }
            if (approxRes.isZero()) approxRes = ONE;
            res = res.add(approxRes);
            rem = rem.sub(approxRem);
          }
          return res;
        };
        LongPrototype.div = LongPrototype.divide;
        LongPrototype.modulo = function modulo(divisor) {
          if (!isLong(divisor)) divisor = fromValue(divisor);
          if (wasm) {
            var low = (this.unsigned ? wasm["rem_u"] : wasm["rem_s"])(
              this.low,
              this.high,
              divisor.low,
              divisor.high
            );
            return fromBits(low, wasm["get_high"](), this.unsigned);
          }
          return this.sub(this.div(divisor).mul(divisor));
        };
        LongPrototype.mod = LongPrototype.modulo;
        LongPrototype.rem = LongPrototype.modulo;
        LongPrototype.not = function not() {
          return fromBits(~this.low, ~this.high, this.unsigned);
        };
        LongPrototype.countLeadingZeros = function countLeadingZeros() {
          return this.high ? Math.clz32(this.high) : Math.clz32(this.low) + 32;
        };
        LongPrototype.clz = LongPrototype.countLeadingZeros;
        LongPrototype.countTrailingZeros = function countTrailingZeros() {
          return this.low ? ctz32(this.low) : ctz32(this.high) + 32;
        };
        LongPrototype.ctz = LongPrototype.countTrailingZeros;
        LongPrototype.and = function and(other) {
          if (!isLong(other)) other = fromValue(other);
          return fromBits(
            this.low & other.low,
            this.high & other.high,
            this.unsigned
          );
        };
        LongPrototype.or = function or(other) {
          if (!isLong(other)) other = fromValue(other);
          return fromBits(
            this.low | other.low,
            this.high | other.high,
            this.unsigned
          );
        };
        LongPrototype.xor = function xor(other) {
          if (!isLong(other)) other = fromValue(other);
          return fromBits(
            this.low ^ other.low,
            this.high ^ other.high,
            this.unsigned
          );
        };
        LongPrototype.shiftLeft = function shiftLeft(numBits) {
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          else if (numBits < 32)
            return fromBits(
              this.low << numBits,
              this.high << numBits | this.low >>> 32 - numBits,
              this.unsigned
            );
          else return fromBits(0, this.low << numBits - 32, this.unsigned);
        };
        LongPrototype.shl = LongPrototype.shiftLeft;
        LongPrototype.shiftRight = function shiftRight(numBits) {
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          else if (numBits < 32)
            return fromBits(
              this.low >>> numBits | this.high << 32 - numBits,
              this.high >> numBits,
              this.unsigned
            );
          else
            return fromBits(
              this.high >> numBits - 32,
              this.high >= 0 ? 0 : -1,
              this.unsigned
            );
        };
        LongPrototype.shr = LongPrototype.shiftRight;
        LongPrototype.shiftRightUnsigned = function shiftRightUnsigned(numBits) {
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          if (numBits < 32)
            return fromBits(
              this.low >>> numBits | this.high << 32 - numBits,
              this.high >>> numBits,
              this.unsigned
            );
          if (numBits === 32) return fromBits(this.high, 0, this.unsigned);
          return fromBits(this.high >>> numBits - 32, 0, this.unsigned);
        };
        LongPrototype.shru = LongPrototype.shiftRightUnsigned;
        LongPrototype.shr_u = LongPrototype.shiftRightUnsigned;
        LongPrototype.rotateLeft = function rotateLeft(numBits) {
          var b;
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          if (numBits === 32) return fromBits(this.high, this.low, this.unsigned);
          if (numBits < 32) {
            b = 32 - numBits;
            return fromBits(
              this.low << numBits | this.high >>> b,
              this.high << numBits | this.low >>> b,
              this.unsigned
            );
          }
          numBits -= 32;
          b = 32 - numBits;
          return fromBits(
            this.high << numBits | this.low >>> b,
            this.low << numBits | this.high >>> b,
            this.unsigned
          );
        };
        LongPrototype.rotl = LongPrototype.rotateLeft;
        LongPrototype.rotateRight = function rotateRight(numBits) {
          var b;
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          if (numBits === 32) return fromBits(this.high, this.low, this.unsigned);
          if (numBits < 32) {
            b = 32 - numBits;
            return fromBits(
              this.high << b | this.low >>> numBits,
              this.low << b | this.high >>> numBits,
              this.unsigned
            );
          }
          numBits -= 32;
          b = 32 - numBits;
          return fromBits(
            this.low << b | this.high >>> numBits,
            this.high << b | this.low >>> numBits,
            this.unsigned
          );
        };
        LongPrototype.rotr = LongPrototype.rotateRight;
        LongPrototype.toSigned = function toSigned() {
          if (!this.unsigned) return this;
          return fromBits(this.low, this.high, false);
        };
        LongPrototype.toUnsigned = function toUnsigned() {
          if (this.unsigned) return this;
          return fromBits(this.low, this.high, true);
        };
        LongPrototype.toBytes = function toBytes(le) {
          return le ? this.toBytesLE() : this.toBytesBE();
        };
        LongPrototype.toBytesLE = function toBytesLE() {
          var hi = this.high, lo = this.low;
          return [
            lo & 255,
            lo >>> 8 & 255,
            lo >>> 16 & 255,
            lo >>> 24,
            hi & 255,
            hi >>> 8 & 255,
            hi >>> 16 & 255,
            hi >>> 24
          ];
        };
        LongPrototype.toBytesBE = function toBytesBE() {
          var hi = this.high, lo = this.low;
          return [
            hi >>> 24,
            hi >>> 16 & 255,
            hi >>> 8 & 255,
            hi & 255,
            lo >>> 24,
            lo >>> 16 & 255,
            lo >>> 8 & 255,
            lo & 255
          ];
        };
        Long.fromBytes = function fromBytes(bytes, unsigned, le) {
          return le ? Long.fromBytesLE(bytes, unsigned) : Long.fromBytesBE(bytes, unsigned);
        };
        Long.fromBytesLE = function fromBytesLE(bytes, unsigned) {
          return new Long(
            bytes[0] | bytes[1] << 8 | bytes[2] << 16 | bytes[3] << 24,
            bytes[4] | bytes[5] << 8 | bytes[6] << 16 | bytes[7] << 24,
            unsigned
          );
        };
        Long.fromBytesBE = function fromBytesBE(bytes, unsigned) {
          return new Long(
            bytes[4] << 24 | bytes[5] << 16 | bytes[6] << 8 | bytes[7],
            bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3],
            unsigned
          );
        };
        if (typeof BigInt === "function") {
          Long.fromBigInt = function fromBigInt(value, unsigned) {
            var lowBits = Number(BigInt.asIntN(32, value));
            var highBits = Number(BigInt.asIntN(32, value >> BigInt(32)));
            return fromBits(lowBits, highBits, unsigned);
          };
          Long.fromValue = function fromValueWithBigInt(value, unsigned) {
            if (typeof value === "bigint") return Long.fromBigInt(value, unsigned);
            return fromValue(value, unsigned);
          };
          LongPrototype.toBigInt = function toBigInt() {
            var lowBigInt = BigInt(this.low >>> 0);
            var highBigInt = BigInt(this.unsigned ? this.high >>> 0 : this.high);
            return highBigInt << BigInt(32) | lowBigInt;
          };
        }
        var _default = _exports.default = Long;
      }
    );
  }
});

// node_modules/protobufjs/src/util/minimal.js
var require_minimal = __commonJS({
  "node_modules/protobufjs/src/util/minimal.js"(exports) {
    "use strict";
    var util = exports;
    util.asPromise = require_aspromise();
    util.base64 = require_base64();
    util.EventEmitter = require_eventemitter();
    util.float = require_float3();
    util.utf8 = require_utf8();
    util.pool = require_pool();
    util.LongBits = require_longbits();
    function isUnsafeProperty(key) {
      return key === "__proto__" || key === "prototype" || key === "constructor";
    }
    util.isUnsafeProperty = isUnsafeProperty;
    util.isNode = Boolean(typeof global !== "undefined" && global && global.process && global.process.versions && global.process.versions.node);
    util.global = util.isNode && global || typeof window !== "undefined" && window || typeof self !== "undefined" && self || typeof globalThis !== "undefined" && globalThis || exports;
    util.emptyArray = Object.freeze ? Object.freeze([]) : (
      /* istanbul ignore next */
      []
    );
    util.emptyObject = Object.freeze ? Object.freeze({}) : (
      /* istanbul ignore next */
      {}
    );
    util.isInteger = Number.isInteger || /* istanbul ignore next */
    function isInteger(value) {
      return typeof value === "number" && isFinite(value) && Math.floor(value) === value;
    };
    util.isString = function isString(value) {
      return typeof value === "string" || value instanceof String;
    };
    util.isObject = function isObject(value) {
      return value && typeof value === "object";
    };
    util.isset = /**
     * Checks if a property on a message is considered to be present.
     * @param {Object} obj Plain object or message instance
     * @param {string} prop Property name
     * @returns {boolean} `true` if considered to be present, otherwise `false`
     */
    util.isSet = function isSet(obj, prop) {
      var value = obj[prop];
      if (value != null && Object.hasOwnProperty.call(obj, prop))
        return typeof value !== "object" || (Array.isArray(value) ? value.length : Object.keys(value).length) > 0;
      return false;
    };
    util.Buffer = (function() {
      try {
        var Buffer2 = util.global.Buffer;
        return Buffer2.prototype.utf8Write || util.isNode ? Buffer2 : (
          /* istanbul ignore next */
          null
        );
      } catch (e) {
        return null;
      }
    })();
    util.newBuffer = function newBuffer(sizeOrArray) {
      var Buffer2 = util.Buffer;
      return typeof sizeOrArray === "number" ? Buffer2 ? Buffer2.allocUnsafe(sizeOrArray) : new Uint8Array(sizeOrArray) : Buffer2 ? Buffer2.from(sizeOrArray) : new Uint8Array(sizeOrArray);
    };
    util.rawField = function rawField(id, wireType, data) {
      var out2 = [], tag = id << 3 | wireType;
      tag >>>= 0;
      while (tag > 127) {
        out2.push(tag & 127 | 128);
        tag >>>= 7;
      }
      out2.push(tag);
      for (var i = 0; i < data.length; ++i)
        out2.push(data[i]);
      return util.newBuffer(out2);
    };
    util.Array = Uint8Array;
    util.Long = /* istanbul ignore next */
    util.global.dcodeIO && /* istanbul ignore next */
    util.global.dcodeIO.Long || /* istanbul ignore next */
    util.global.Long || (function() {
      try {
        var Long = require_umd();
        return Long && Long.isLong ? Long : null;
      } catch (e) {
        return null;
      }
    })();
    util.key2Re = /^(?:true|false|0|1)$/;
    util.key32Re = /^-?(?:0|[1-9][0-9]*)$/;
    util.key64Re = /^(?:[\x00-\xff]{8}|-?(?:0|[1-9][0-9]*))$/;
    util.longToHash = function longToHash(value) {
      return value ? util.LongBits.from(value).toHash() : util.LongBits.zeroHash;
    };
    util.longFromHash = function longFromHash(hash, unsigned) {
      var bits = util.LongBits.fromHash(hash);
      if (util.Long)
        return util.Long.fromBits(bits.lo, bits.hi, unsigned);
      return bits.toNumber(Boolean(unsigned));
    };
    util.longFromKey = function longFromKey(key, unsigned) {
      return util.key64Re.test(key) && !util.key32Re.test(key) ? util.longFromHash(key, unsigned) : key;
    };
    util.boolFromKey = function boolFromKey(key) {
      return key === "true" || key === "1";
    };
    function merge(dst) {
      var ifNotSet = typeof arguments[arguments.length - 1] === "boolean", limit = ifNotSet ? arguments.length - 1 : arguments.length;
      ifNotSet = ifNotSet && arguments[arguments.length - 1];
      for (var a = 1; a < limit; ++a) {
        var src = arguments[a];
        if (!src)
          continue;
        for (var keys = Object.keys(src), i = 0; i < keys.length; ++i)
          if (!isUnsafeProperty(keys[i]) && (!ifNotSet || !Object.prototype.hasOwnProperty.call(dst, keys[i]) || dst[keys[i]] === void 0))
            dst[keys[i]] = src[keys[i]];
      }
      return dst;
    }
    util.merge = merge;
    util.nestingLimit = 32;
    util.recursionLimit = 100;
    util.makeProp = function makeProp(obj, key, enumerable) {
      if (Object.prototype.hasOwnProperty.call(obj, key))
        return;
      Object.defineProperty(obj, key, {
        enumerable: enumerable === void 0 ? true : enumerable,
        configurable: true,
        writable: true
      });
    };
    util.lcFirst = function lcFirst(str) {
      return str.charAt(0).toLowerCase() + str.substring(1);
    };
    function newError(name) {
      function CustomError(message, properties) {
        if (!(this instanceof CustomError))
          return new CustomError(message, properties);
        Object.defineProperty(this, "message", { get: function() {
          return message;
        } });
        if (Error.captureStackTrace)
          Error.captureStackTrace(this, CustomError);
        else
          Object.defineProperty(this, "stack", { value: new Error().stack || "" });
        if (properties)
          merge(this, properties);
      }
      CustomError.prototype = Object.create(Error.prototype, {
        constructor: {
          value: CustomError,
          writable: true,
          enumerable: false,
          configurable: true
        },
        name: {
          get: function get() {
            return name;
          },
          set: void 0,
          enumerable: false,
          // configurable: false would accurately preserve the behavior of
          // the original, but I'm guessing that was not intentional.
          // For an actual error subclass, this property would
          // be configurable.
          configurable: true
        },
        toString: {
          value: function value() {
            return this.name + ": " + this.message;
          },
          writable: true,
          enumerable: false,
          configurable: true
        }
      });
      return CustomError;
    }
    util.newError = newError;
    util.ProtocolError = newError("ProtocolError");
    util.oneOfGetter = function getOneOf(fieldNames) {
      var fieldMap = {};
      for (var i = 0; i < fieldNames.length; ++i)
        fieldMap[fieldNames[i]] = 1;
      return function() {
        for (var keys = Object.keys(this), i2 = keys.length - 1; i2 > -1; --i2)
          if (fieldMap[keys[i2]] === 1 && this[keys[i2]] !== void 0 && this[keys[i2]] !== null)
            return keys[i2];
      };
    };
    util.oneOfSetter = function setOneOf(fieldNames) {
      return function(name) {
        for (var i = 0; i < fieldNames.length; ++i)
          if (fieldNames[i] !== name)
            delete this[fieldNames[i]];
      };
    };
    util.toJSONOptions = {
      longs: String,
      enums: String,
      bytes: String,
      json: true
    };
  }
});

// node_modules/protobufjs/src/writer.js
var require_writer = __commonJS({
  "node_modules/protobufjs/src/writer.js"(exports, module) {
    "use strict";
    module.exports = Writer;
    var util = require_minimal();
    var BufferWriter;
    var LongBits = util.LongBits;
    var base64 = util.base64;
    var utf8 = util.utf8;
    function Writer() {
      this.pos = 0;
      this.buf = this.constructor.alloc(Writer.initialBufferSize);
      this.view = null;
      this.states = null;
    }
    Writer.initialBufferSize = 128;
    Object.defineProperty(Writer.prototype, "len", {
      configurable: true,
      enumerable: true,
      get: function get_len() {
        return this.pos;
      }
    });
    var create = function create2() {
      return util.Buffer ? function create_buffer_setup() {
        return (Writer.create = function create_buffer() {
          return new BufferWriter();
        })();
      } : function create_array() {
        return new Writer();
      };
    };
    Writer.create = create();
    Writer.alloc = function alloc(size) {
      return new Uint8Array(size);
    };
    Writer.alloc = util.pool(Writer.alloc, Uint8Array.prototype.subarray);
    function sizeVarint32(value) {
      return value < 128 ? 1 : value < 16384 ? 2 : value < 2097152 ? 3 : value < 268435456 ? 4 : 5;
    }
    Writer.prototype._reserve = function _reserve(n) {
      var need = this.pos + n;
      if (need > this.buf.length) {
        var size = this.buf.length << 1;
        if (size < need)
          size = need;
        var buf = this.constructor.alloc(size);
        buf.set(this.buf.subarray(0, this.pos), 0);
        this.buf = buf;
        this.view = null;
      }
    };
    function writeStringAscii(val, buf, pos) {
      for (var i = 0; i < val.length; )
        buf[pos++] = val.charCodeAt(i++);
    }
    function writeVarint32(val, buf, pos) {
      while (val > 127) {
        buf[pos++] = val & 127 | 128;
        val >>>= 7;
      }
      buf[pos] = val;
      return pos + 1;
    }
    Writer.prototype.uint32 = function write_uint32(value) {
      value = value >>> 0;
      this._reserve(5);
      var pos = this.pos;
      this.pos = writeVarint32(value, this.buf, pos);
      return this;
    };
    Writer.prototype.int32 = function write_int32(value) {
      if ((value |= 0) < 0) {
        this._reserve(10);
        writeVarint64(LongBits.fromNumber(value), this.buf, this.pos);
        this.pos += 10;
        return this;
      }
      return this.uint32(value);
    };
    Writer.prototype.sint32 = function write_sint32(value) {
      return this.uint32((value << 1 ^ value >> 31) >>> 0);
    };
    function writeVarint64(val, buf, pos) {
      var lo = val.lo, hi = val.hi;
      while (hi) {
        buf[pos++] = lo & 127 | 128;
        lo = (lo >>> 7 | hi << 25) >>> 0;
        hi >>>= 7;
      }
      while (lo > 127) {
        buf[pos++] = lo & 127 | 128;
        lo = lo >>> 7;
      }
      buf[pos] = lo;
      return pos + 1;
    }
    Writer.prototype.uint64 = function write_uint64(value) {
      var bits = LongBits.from(value);
      this._reserve(10);
      var pos = this.pos;
      this.pos = writeVarint64(bits, this.buf, pos);
      return this;
    };
    Writer.prototype.int64 = Writer.prototype.uint64;
    Writer.prototype.sint64 = function write_sint64(value) {
      var bits = LongBits.from(value).zzEncode();
      this._reserve(10);
      var pos = this.pos;
      this.pos = writeVarint64(bits, this.buf, pos);
      return this;
    };
    Writer.prototype.bool = function write_bool(value) {
      this._reserve(1);
      this.buf[this.pos++] = value ? 1 : 0;
      return this;
    };
    function writeFixed32(val, buf, pos) {
      buf[pos] = val & 255;
      buf[pos + 1] = val >>> 8 & 255;
      buf[pos + 2] = val >>> 16 & 255;
      buf[pos + 3] = val >>> 24;
    }
    Writer.prototype.fixed32 = function write_fixed32(value) {
      this._reserve(4);
      writeFixed32(value >>> 0, this.buf, this.pos);
      this.pos += 4;
      return this;
    };
    Writer.prototype.sfixed32 = Writer.prototype.fixed32;
    Writer.prototype.fixed64 = function write_fixed64(value) {
      var bits = LongBits.from(value);
      this._reserve(8);
      writeFixed32(bits.lo, this.buf, this.pos);
      writeFixed32(bits.hi, this.buf, this.pos + 4);
      this.pos += 8;
      return this;
    };
    Writer.prototype.sfixed64 = Writer.prototype.fixed64;
    Writer.prototype.float = function write_float(value) {
      this._reserve(4);
      util.float.writeFloatLE(value, this.buf, this.pos);
      this.pos += 4;
      return this;
    };
    Writer.prototype.double = function write_double(value) {
      this._reserve(8);
      util.float.writeDoubleLE(value, this.buf, this.pos);
      this.pos += 8;
      return this;
    };
    Writer.prototype.bytes = function write_bytes(value) {
      var len = value.length >>> 0;
      if (!len) {
        this._reserve(1);
        this.buf[this.pos++] = 0;
        return this;
      }
      if (util.isString(value)) {
        var buf = Writer.alloc(len = base64.length(value));
        base64.decode(value, buf, 0);
        value = buf;
      }
      this.uint32(len);
      this._reserve(len);
      this.buf.set(value, this.pos);
      this.pos += len;
      return this;
    };
    Writer.prototype.raw = function write_raw(value) {
      var len = value.length >>> 0;
      if (!len)
        return this;
      this._reserve(len);
      this.buf.set(value, this.pos);
      this.pos += len;
      return this;
    };
    Writer.prototype._delim = function _delim(pos, len) {
      var n = sizeVarint32(len);
      if (n > 1)
        this.buf.copyWithin(pos + n, pos + 1, pos + 1 + len);
      writeVarint32(len, this.buf, pos);
      this.pos = pos + n + len;
      return this;
    };
    Writer.prototype.string = function write_string(value) {
      var n = value.length;
      if (!n) {
        this._reserve(1);
        this.buf[this.pos++] = 0;
        return this;
      }
      if (n < 128) {
        this._reserve(n * 3 + 5);
        var lenPos = this.pos;
        return this._delim(lenPos, utf8.write(value, this.buf, lenPos + 1));
      }
      var len = utf8.length(value);
      this.uint32(len);
      this._reserve(len);
      if (len === value.length)
        writeStringAscii(value, this.buf, this.pos);
      else
        utf8.write(value, this.buf, this.pos);
      this.pos += len;
      return this;
    };
    Writer.prototype.uint32s = function write_uint32s(value) {
      var n = value.length;
      this._reserve(n * 5 + 5);
      var buf = this.buf, lenPos = this.pos, p = lenPos + 1;
      for (var i = 0; i < n; ++i)
        p = writeVarint32(value[i] >>> 0, buf, p);
      return this._delim(lenPos, p - lenPos - 1);
    };
    Writer.prototype.int32s = function write_int32s(value) {
      var n = value.length;
      this._reserve(n * 10 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1, val;
      for (var i = 0; i < n; ++i) {
        if ((val = value[i] | 0) < 0) {
          pos = writeVarint64(LongBits.fromNumber(val), buf, pos);
        } else {
          pos = writeVarint32(val, buf, pos);
        }
      }
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.sint32s = function write_sint32s(value) {
      var n = value.length;
      this._reserve(n * 5 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1;
      for (var i = 0; i < n; ++i)
        pos = writeVarint32((value[i] << 1 ^ value[i] >> 31) >>> 0, buf, pos);
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.uint64s = function write_uint64s(value) {
      var n = value.length;
      this._reserve(n * 10 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1;
      for (var i = 0; i < n; ++i) {
        pos = writeVarint64(LongBits.from(value[i]), buf, pos);
      }
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.int64s = Writer.prototype.uint64s;
    Writer.prototype.sint64s = function write_sint64s(value) {
      var n = value.length;
      this._reserve(n * 10 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1;
      for (var i = 0; i < n; ++i) {
        pos = writeVarint64(LongBits.from(value[i]).zzEncode(), buf, pos);
      }
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.bools = function write_bools(value) {
      var n = value.length;
      this.uint32(n);
      this._reserve(n);
      var buf = this.buf, p = this.pos;
      for (var i = 0; i < n; ++i)
        buf[p++] = value[i] ? 1 : 0;
      this.pos += n;
      return this;
    };
    var VIEW_THRESHOLD_FLOAT = 16;
    var VIEW_THRESHOLD_INT = 128;
    function getLazyView(writer, count2, threshold) {
      var view = writer.view;
      if (view || count2 < threshold)
        return view;
      var buf = writer.buf;
      return writer.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    Writer.prototype.fixed32s = function write_fixed32s(value) {
      var n = value.length, bytes = n * 4;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, dv = getLazyView(this, n, VIEW_THRESHOLD_INT);
      if (dv)
        for (i = 0; i < n; ++i) {
          dv.setUint32(p, value[i] >>> 0, true);
          p += 4;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          writeFixed32(value[i] >>> 0, buf, p);
          p += 4;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.sfixed32s = Writer.prototype.fixed32s;
    Writer.prototype.fixed64s = function write_fixed64s(value) {
      var n = value.length, bytes = n * 8;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, bits, dv = getLazyView(this, n, VIEW_THRESHOLD_INT);
      if (dv)
        for (i = 0; i < n; ++i) {
          bits = LongBits.from(value[i]);
          dv.setUint32(p, bits.lo, true);
          dv.setUint32(p + 4, bits.hi, true);
          p += 8;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          bits = LongBits.from(value[i]);
          writeFixed32(bits.lo, buf, p);
          writeFixed32(bits.hi, buf, p + 4);
          p += 8;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.sfixed64s = Writer.prototype.fixed64s;
    Writer.prototype.floats = function write_floats(value) {
      var n = value.length, bytes = n * 4;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, dv = getLazyView(this, n, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (i = 0; i < n; ++i) {
          dv.setFloat32(p, value[i], true);
          p += 4;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          util.float.writeFloatLE(value[i], buf, p);
          p += 4;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.doubles = function write_doubles(value) {
      var n = value.length, bytes = n * 8;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, dv = getLazyView(this, n, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (i = 0; i < n; ++i) {
          dv.setFloat64(p, value[i], true);
          p += 8;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          util.float.writeDoubleLE(value[i], buf, p);
          p += 8;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.fork = function fork() {
      this._reserve(1);
      (this.states || (this.states = [])).push(this.pos);
      this.pos += 1;
      return this;
    };
    Writer.prototype.reset = function reset() {
      var states = this.states;
      if (states && states.length) {
        this.pos = states.pop();
      } else {
        this.pos = 0;
      }
      return this;
    };
    Writer.prototype.ldelim = function ldelim() {
      var states = this.states, len, vlen;
      if (states && states.length) {
        var lenPos = states.pop();
        len = this.pos - lenPos - 1;
        vlen = sizeVarint32(len);
        if (vlen > 1) {
          this._reserve(vlen - 1);
          this.buf.copyWithin(lenPos + vlen, lenPos + 1, lenPos + 1 + len);
          this.pos += vlen - 1;
          writeVarint32(len, this.buf, lenPos);
        } else {
          this.buf[lenPos] = len;
        }
      } else {
        len = this.pos;
        vlen = sizeVarint32(len);
        this._reserve(vlen);
        this.buf.copyWithin(vlen, 0, len);
        writeVarint32(len, this.buf, 0);
        this.pos += vlen;
      }
      return this;
    };
    Writer.prototype.finish = function finish(shared) {
      if (shared)
        return this.buf.subarray(0, this.pos);
      var buf = this.constructor.alloc(this.pos);
      buf.set(this.buf.subarray(0, this.pos), 0);
      return buf;
    };
    Writer.prototype.finishInto = function finishInto(buf, offset) {
      if (offset === void 0)
        offset = 0;
      buf.set(this.buf.subarray(0, this.pos), offset);
      return buf;
    };
    Writer._configure = function(BufferWriter_) {
      BufferWriter = BufferWriter_;
      Writer.create = create();
      BufferWriter._configure();
    };
  }
});

// node_modules/protobufjs/src/writer_buffer.js
var require_writer_buffer = __commonJS({
  "node_modules/protobufjs/src/writer_buffer.js"(exports, module) {
    "use strict";
    module.exports = BufferWriter;
    var Writer = require_writer();
    BufferWriter.prototype = Object.create(Writer.prototype, {
      constructor: {
        value: BufferWriter,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    var util = require_minimal();
    function BufferWriter() {
      Writer.call(this);
    }
    var writeStringBuffer;
    BufferWriter._configure = function() {
      BufferWriter.alloc = util.Buffer && util.Buffer.allocUnsafe;
      writeStringBuffer = util.Buffer && util.Buffer.prototype.utf8Write ? function writeStringBuffer_utf8Write(val, buf, pos) {
        return buf.utf8Write(val, pos);
      } : function writeStringBuffer_write(val, buf, pos) {
        return buf.write(val, pos);
      };
    };
    BufferWriter.prototype.bytes = function write_bytes_buffer(value) {
      if (util.isString(value))
        value = util.Buffer.from(value, "base64");
      var len = value.length >>> 0;
      this.uint32(len);
      if (len) {
        this._reserve(len);
        this.buf.set(value, this.pos);
        this.pos += len;
      }
      return this;
    };
    BufferWriter.prototype.string = function write_string_buffer(value) {
      var n = value.length;
      if (!n) {
        this._reserve(1);
        this.buf[this.pos++] = 0;
        return this;
      }
      if (n < 128) {
        this._reserve(n * 3 + 5);
        var pos = this.pos, buf = this.buf;
        return this._delim(
          pos,
          n < 40 ? util.utf8.write(value, buf, pos + 1) : writeStringBuffer(value, buf, pos + 1)
        );
      }
      var len = util.Buffer.byteLength(value);
      this.uint32(len);
      this._reserve(len);
      writeStringBuffer(value, this.buf, this.pos);
      this.pos += len;
      return this;
    };
    BufferWriter._configure();
  }
});

// node_modules/protobufjs/src/reader.js
var require_reader = __commonJS({
  "node_modules/protobufjs/src/reader.js"(exports, module) {
    "use strict";
    module.exports = Reader;
    var util = require_minimal();
    var BufferReader;
    var LongBits = util.LongBits;
    var utf8 = util.utf8;
    function indexOutOfRange(reader, writeLength) {
      return RangeError("index out of range: " + reader.pos + " + " + (writeLength || 1) + " > " + reader.len);
    }
    function Reader(buffer) {
      this.buf = buffer;
      this.pos = 0;
      this.len = buffer.length;
      this.view = null;
      this.discardUnknown = Reader.discardUnknown;
    }
    function create_array(buffer) {
      if (Array.isArray(buffer))
        buffer = new Uint8Array(buffer);
      if (buffer instanceof Uint8Array)
        return new Reader(buffer);
      throw Error("illegal buffer");
    }
    var create = function create2() {
      return util.Buffer ? function create_buffer_setup(buffer) {
        return (Reader.create = function create_buffer(buffer2) {
          return util.Buffer.isBuffer(buffer2) ? new BufferReader(buffer2) : create_array(buffer2);
        })(buffer);
      } : create_array;
    };
    Reader.create = create();
    Reader.prototype.raw = function read_raw(start, end) {
      return this.buf.subarray(start, end);
    };
    function readVarint32NearEnd(reader) {
      var value = 0;
      for (var i = 0; i < 4; ++i) {
        if (reader.pos >= reader.len)
          throw indexOutOfRange(reader);
        var b = reader.buf[reader.pos++];
        value = (value | (b & 127) << i * 7) >>> 0;
        if (b < 128)
          return value;
      }
      throw indexOutOfRange(reader);
    }
    Reader.prototype.uint32 = function read_uint32() {
      if (this.len - this.pos < 5) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        if (this.buf[this.pos] >= 128)
          return readVarint32NearEnd(this);
      }
      var buf = this.buf, pos = this.pos, value = (buf[pos] & 127) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 7) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 14) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 21) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 15) << 28) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      for (var i = 0; i < 5; ++i) {
        if (pos >= this.len) {
          this.pos = pos;
          throw indexOutOfRange(this);
        }
        if (buf[pos++] < 128) {
          this.pos = pos;
          return value;
        }
      }
      this.pos = pos;
      throw Error("invalid varint encoding");
    };
    Reader.prototype.tag = function read_tag() {
      if (this.len - this.pos < 5) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        if (this.buf[this.pos] >= 128)
          return readVarint32NearEnd(this);
      }
      var buf = this.buf, pos = this.pos, value = (buf[pos] & 127) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 7) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 14) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 21) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 15) << 28) >>> 0;
      if (buf[pos] < 128 && (buf[pos] & 112) === 0) {
        this.pos = pos + 1;
        return value;
      }
      this.pos = pos + 1;
      throw Error("invalid tag encoding");
    };
    Reader.prototype.size = function read_size() {
      if (this.len - this.pos < 5) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        if (this.buf[this.pos] >= 128)
          return readVarint32NearEnd(this);
      }
      var buf = this.buf, pos = this.pos, value = (buf[pos] & 127) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 7) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 14) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 21) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      this.pos = pos + 1;
      if (buf[pos] > 7)
        throw Error("invalid length encoding");
      return (value | buf[pos] << 28) >>> 0;
    };
    Reader.prototype.int32 = function read_int32() {
      return this.uint32() | 0;
    };
    Reader.prototype.sint32 = function read_sint32() {
      var value = this.uint32();
      return value >>> 1 ^ -(value & 1) | 0;
    };
    function readLongVarint() {
      var bits = new LongBits(0, 0);
      var i = 0;
      if (this.len - this.pos > 4) {
        for (; i < 4; ++i) {
          bits.lo = (bits.lo | (this.buf[this.pos] & 127) << i * 7) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
        bits.lo = (bits.lo | (this.buf[this.pos] & 127) << 28) >>> 0;
        bits.hi = (bits.hi | (this.buf[this.pos] & 127) >> 4) >>> 0;
        if (this.buf[this.pos++] < 128)
          return bits;
        i = 0;
      } else {
        for (; i < 4; ++i) {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
          bits.lo = (bits.lo | (this.buf[this.pos] & 127) << i * 7) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
        throw indexOutOfRange(this);
      }
      if (this.len - this.pos > 4) {
        for (; i < 5; ++i) {
          bits.hi = (bits.hi | (this.buf[this.pos] & 127) << i * 7 + 3) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
      } else {
        for (; i < 5; ++i) {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
          bits.hi = (bits.hi | (this.buf[this.pos] & 127) << i * 7 + 3) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
      }
      throw Error("invalid varint encoding");
    }
    Reader.prototype.bool = function read_bool() {
      var value = false, b;
      for (var i = 0; i < 10; ++i) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        b = this.buf[this.pos++];
        if (b & 127)
          value = true;
        if (b < 128)
          return value;
      }
      throw Error("invalid varint encoding");
    };
    function readFixed32_end(buf, end) {
      return (buf[end - 4] | buf[end - 3] << 8 | buf[end - 2] << 16 | buf[end - 1] << 24) >>> 0;
    }
    Reader.prototype.fixed32 = function read_fixed32() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      return readFixed32_end(this.buf, this.pos += 4);
    };
    Reader.prototype.sfixed32 = function read_sfixed32() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      return readFixed32_end(this.buf, this.pos += 4) | 0;
    };
    function readFixed64() {
      if (this.pos + 8 > this.len)
        throw indexOutOfRange(this, 8);
      return new LongBits(readFixed32_end(this.buf, this.pos += 4), readFixed32_end(this.buf, this.pos += 4));
    }
    Reader.prototype.float = function read_float() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      var value = util.float.readFloatLE(this.buf, this.pos);
      this.pos += 4;
      return value;
    };
    Reader.prototype.double = function read_double() {
      if (this.pos + 8 > this.len)
        throw indexOutOfRange(this, 4);
      var value = util.float.readDoubleLE(this.buf, this.pos);
      this.pos += 8;
      return value;
    };
    Reader.prototype.uint32s = function read_uint32s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len, buf = this.buf, pos = this.pos, value;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (pos < end) {
        value = buf[pos++];
        if (value < 128)
          array.push(value);
        else {
          this.pos = pos - 1;
          array.push(this.uint32());
          pos = this.pos;
        }
      }
      this.pos = pos;
      if (pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.int32s = function read_int32s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len, buf = this.buf, pos = this.pos, value;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (pos < end) {
        value = buf[pos++];
        if (value < 128)
          array.push(value);
        else {
          this.pos = pos - 1;
          array.push(this.int32());
          pos = this.pos;
        }
      }
      this.pos = pos;
      if (pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.sint32s = function read_sint32s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.sint32());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.bools = function read_bools(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len, buf = this.buf, pos = this.pos, value;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (pos < end) {
        value = buf[pos++];
        if (value < 128)
          array.push(value !== 0);
        else {
          this.pos = pos - 1;
          array.push(this.bool());
          pos = this.pos;
        }
      }
      this.pos = pos;
      if (pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    var VIEW_THRESHOLD_FLOAT = 8;
    var VIEW_THRESHOLD_INT = 128;
    function getLazyView(reader, count2, threshold) {
      var view = reader.view;
      if (view || count2 < threshold)
        return view;
      var buf = reader.buf;
      return reader.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    Reader.prototype.fixed32s = function read_fixed32s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count2 = len >>> 2, i = array.length, pos = this.pos;
      array.length = i + count2;
      var dv = getLazyView(this, count2, VIEW_THRESHOLD_INT);
      if (dv)
        for (var k = 0; k < count2; ++k, pos += 4) array[i++] = dv.getUint32(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count2; ++j, pos += 4) array[i++] = readFixed32_end(buf, pos + 4);
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 4);
      return array;
    };
    Reader.prototype.sfixed32s = function read_sfixed32s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count2 = len >>> 2, i = array.length, pos = this.pos;
      array.length = i + count2;
      var dv = getLazyView(this, count2, VIEW_THRESHOLD_INT);
      if (dv)
        for (var k = 0; k < count2; ++k, pos += 4) array[i++] = dv.getInt32(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count2; ++j, pos += 4) array[i++] = readFixed32_end(buf, pos + 4) | 0;
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 4);
      return array;
    };
    Reader.prototype.floats = function read_floats(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count2 = len >>> 2, i = array.length, pos = this.pos;
      array.length = i + count2;
      var dv = getLazyView(this, count2, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (var k = 0; k < count2; ++k, pos += 4) array[i++] = dv.getFloat32(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count2; ++j, pos += 4) array[i++] = util.float.readFloatLE(buf, pos);
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 4);
      return array;
    };
    Reader.prototype.doubles = function read_doubles(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count2 = len >>> 3, i = array.length, pos = this.pos;
      array.length = i + count2;
      var dv = getLazyView(this, count2, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (var k = 0; k < count2; ++k, pos += 8) array[i++] = dv.getFloat64(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count2; ++j, pos += 8) array[i++] = util.float.readDoubleLE(buf, pos);
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 8);
      return array;
    };
    Reader.prototype.uint64s = function read_uint64s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.uint64());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.int64s = function read_int64s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.int64());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.sint64s = function read_sint64s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.sint64());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.fixed64s = function read_fixed64s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len, i = array.length;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count2 = len >>> 3;
      array.length = i + count2;
      for (var j = 0; j < count2; ++j)
        array[i++] = this.fixed64();
      if (this.pos !== end) throw indexOutOfRange(this, 8);
      return array;
    };
    Reader.prototype.sfixed64s = function read_sfixed64s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len, i = array.length;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count2 = len >>> 3;
      array.length = i + count2;
      for (var j = 0; j < count2; ++j)
        array[i++] = this.sfixed64();
      if (this.pos !== end) throw indexOutOfRange(this, 8);
      return array;
    };
    Reader.prototype.bytes = function read_bytes() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return this.raw(start, end);
    };
    Reader.prototype.string = function read_string() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return utf8.read(this.buf, start, end);
    };
    Reader.prototype.stringVerify = function read_string_verify() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return utf8.readStrict(this.buf, start, end);
    };
    Reader.prototype.skip = function skip(length) {
      if (typeof length === "number") {
        if (this.pos + length > this.len)
          throw indexOutOfRange(this, length);
        this.pos += length;
      } else {
        do {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
        } while (this.buf[this.pos++] & 128);
      }
      return this;
    };
    Reader.recursionLimit = util.recursionLimit;
    Reader.discardUnknown = true;
    Reader.prototype.skipType = function(wireType, depth, fieldNumber) {
      if (depth === void 0) depth = 0;
      if (depth > Reader.recursionLimit)
        throw Error("max depth exceeded");
      if (fieldNumber === 0)
        throw Error("illegal tag: field number 0");
      switch (wireType) {
        case 0:
          this.skip();
          break;
        case 1:
          this.skip(8);
          break;
        case 2:
          this.skip(this.size());
          break;
        case 3:
          while (true) {
            var tag = this.tag();
            var nestedField = tag >>> 3;
            wireType = tag & 7;
            if (!nestedField)
              throw Error("illegal tag: field number 0");
            if (wireType === 4) {
              if (fieldNumber !== void 0 && nestedField !== fieldNumber)
                throw Error("invalid end group tag");
              break;
            }
            this.skipType(wireType, depth + 1, nestedField);
          }
          break;
        case 5:
          this.skip(4);
          break;
        /* istanbul ignore next */
        default:
          throw Error("invalid wire type " + wireType + " at offset " + this.pos);
      }
      return this;
    };
    Reader._configure = function(BufferReader_) {
      BufferReader = BufferReader_;
      Reader.create = create();
      BufferReader._configure();
      var fn = util.Long ? "toLong" : (
        /* istanbul ignore next */
        "toNumber"
      );
      util.merge(Reader.prototype, {
        int64: function read_int64() {
          return readLongVarint.call(this)[fn](false);
        },
        uint64: function read_uint64() {
          return readLongVarint.call(this)[fn](true);
        },
        sint64: function read_sint64() {
          return readLongVarint.call(this).zzDecode()[fn](false);
        },
        fixed64: function read_fixed64() {
          return readFixed64.call(this)[fn](true);
        },
        sfixed64: function read_sfixed64() {
          return readFixed64.call(this)[fn](false);
        }
      });
    };
  }
});

// node_modules/protobufjs/src/reader_buffer.js
var require_reader_buffer = __commonJS({
  "node_modules/protobufjs/src/reader_buffer.js"(exports, module) {
    "use strict";
    module.exports = BufferReader;
    var Reader = require_reader();
    BufferReader.prototype = Object.create(Reader.prototype, {
      constructor: {
        value: BufferReader,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    var util = require_minimal();
    function BufferReader(buffer) {
      Reader.call(this, buffer);
    }
    BufferReader._configure = function() {
      if (util.Buffer)
        BufferReader.prototype._slice = util.Buffer.prototype.slice;
    };
    BufferReader.prototype.raw = function read_raw_buffer(start, end) {
      return this._slice.call(this.buf, start, end);
    };
    BufferReader.prototype.string = function read_string_buffer() {
      var len = this.size(), start = this.pos, end = this.pos + len;
      if (end > this.len)
        throw RangeError("index out of range: " + this.pos + " + " + len + " > " + this.len);
      this.pos = end;
      return this.buf.utf8Slice ? this.buf.utf8Slice(start, end) : this.buf.toString("utf-8", start, end);
    };
    BufferReader._configure();
  }
});

// node_modules/protobufjs/src/rpc/service.js
var require_service = __commonJS({
  "node_modules/protobufjs/src/rpc/service.js"(exports, module) {
    "use strict";
    module.exports = Service;
    var util = require_minimal();
    Service.prototype = Object.create(util.EventEmitter.prototype, {
      constructor: {
        value: Service,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    function Service(rpcImpl, requestDelimited, responseDelimited) {
      if (typeof rpcImpl !== "function")
        throw TypeError("rpcImpl must be a function");
      util.EventEmitter.call(this);
      this.rpcImpl = rpcImpl;
      this.requestDelimited = Boolean(requestDelimited);
      this.responseDelimited = Boolean(responseDelimited);
    }
    Service.prototype.rpcCall = function rpcCall(method, requestCtor, responseCtor, request, callback) {
      if (!request)
        throw TypeError("request must be specified");
      var self2 = this;
      if (!callback)
        return util.asPromise(rpcCall, self2, method, requestCtor, responseCtor, request);
      if (!self2.rpcImpl) {
        setTimeout(function() {
          callback(Error("already ended"));
        }, 0);
        return void 0;
      }
      try {
        return self2.rpcImpl(
          method,
          requestCtor[self2.requestDelimited ? "encodeDelimited" : "encode"](request).finish(),
          function rpcCallback(err, response) {
            if (err) {
              self2.emit("error", err, method);
              return callback(err);
            }
            if (response === null) {
              self2.end(
                /* endedByRPC */
                true
              );
              return void 0;
            }
            if (!(response instanceof responseCtor)) {
              try {
                response = responseCtor[self2.responseDelimited ? "decodeDelimited" : "decode"](response);
              } catch (err2) {
                self2.emit("error", err2, method);
                return callback(err2);
              }
            }
            self2.emit("data", response, method);
            return callback(null, response);
          }
        );
      } catch (err) {
        self2.emit("error", err, method);
        setTimeout(function() {
          callback(err);
        }, 0);
        return void 0;
      }
    };
    Service.prototype.end = function end(endedByRPC) {
      if (this.rpcImpl) {
        if (!endedByRPC)
          this.rpcImpl(null, null, null);
        this.rpcImpl = null;
        this.emit("end").off();
      }
      return this;
    };
  }
});

// node_modules/protobufjs/src/rpc.js
var require_rpc = __commonJS({
  "node_modules/protobufjs/src/rpc.js"(exports) {
    "use strict";
    var rpc = exports;
    rpc.Service = require_service();
  }
});

// node_modules/protobufjs/src/roots.js
var require_roots = __commonJS({
  "node_modules/protobufjs/src/roots.js"(exports, module) {
    "use strict";
    module.exports = /* @__PURE__ */ Object.create(null);
  }
});

// node_modules/protobufjs/src/index-minimal.js
var require_index_minimal = __commonJS({
  "node_modules/protobufjs/src/index-minimal.js"(exports) {
    "use strict";
    exports.build = "minimal";
    exports.Writer = require_writer();
    exports.BufferWriter = require_writer_buffer();
    exports.Reader = require_reader();
    exports.BufferReader = require_reader_buffer();
    exports.util = require_minimal();
    exports.rpc = require_rpc();
    exports.roots = require_roots();
    exports.configure = configure;
    function configure() {
      exports.util.LongBits._configure(exports.util.Long);
      exports.Writer._configure(exports.BufferWriter);
      exports.Reader._configure(exports.BufferReader);
    }
    configure();
  }
});

// node_modules/protobufjs/src/util/patterns.js
var require_patterns = __commonJS({
  "node_modules/protobufjs/src/util/patterns.js"(exports) {
    "use strict";
    var patterns = exports;
    patterns.numberRe = /^(?![eE])[0-9]*(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?$/;
    patterns.typeRefRe = /^(?:\.?[a-zA-Z_][a-zA-Z_0-9]*)(?:\.[a-zA-Z_][a-zA-Z_0-9]*)*$/;
    patterns.reservedRe = /^(?:do|if|in|for|let|new|try|var|case|else|enum|eval|false|null|this|true|void|with|break|catch|class|const|super|throw|while|yield|delete|export|import|public|return|static|switch|typeof|default|extends|finally|package|private|continue|debugger|function|arguments|interface|protected|implements|instanceof)$/;
  }
});

// node_modules/protobufjs/src/util/codegen.js
var require_codegen = __commonJS({
  "node_modules/protobufjs/src/util/codegen.js"(exports, module) {
    "use strict";
    module.exports = codegen;
    var patterns = require_patterns();
    var reservedRe = patterns.reservedRe;
    function codegen(functionParams, functionName) {
      if (typeof functionParams === "string") {
        functionName = functionParams;
        functionParams = void 0;
      }
      var body = [];
      function Codegen(formatStringOrScope) {
        if (typeof formatStringOrScope !== "string") {
          var source = toString();
          if (codegen.verbose)
            console.log("codegen: " + source);
          source = "return " + source;
          if (formatStringOrScope) {
            var scopeKeys = Object.keys(formatStringOrScope), scopeParams = new Array(scopeKeys.length + 1), scopeValues = new Array(scopeKeys.length), scopeOffset = 0;
            while (scopeOffset < scopeKeys.length) {
              scopeParams[scopeOffset] = scopeKeys[scopeOffset];
              scopeValues[scopeOffset] = formatStringOrScope[scopeKeys[scopeOffset++]];
            }
            scopeParams[scopeOffset] = source;
            return Function.apply(null, scopeParams).apply(null, scopeValues);
          }
          return Function(source)();
        }
        var formatParams = new Array(arguments.length - 1), formatOffset = 0;
        while (formatOffset < formatParams.length)
          formatParams[formatOffset] = arguments[++formatOffset];
        formatOffset = 0;
        formatStringOrScope = formatStringOrScope.replace(/%([%dfijs])/g, function replace($0, $1) {
          var value = formatParams[formatOffset++];
          switch ($1) {
            case "d":
            case "f":
              value = Number(value);
              return Object.is(value, -0) ? "-0" : String(value);
            case "i":
              return String(Math.floor(value));
            case "j":
              return JSON.stringify(value);
            case "s":
              return String(value);
          }
          return "%";
        });
        if (formatOffset !== formatParams.length)
          throw Error("parameter count mismatch");
        body.push(formatStringOrScope);
        return Codegen;
      }
      function toString(functionNameOverride) {
        return "function " + safeFunctionName(functionNameOverride || functionName) + "(" + (functionParams && functionParams.join(",") || "") + "){\n  " + body.join("\n  ") + "\n}";
      }
      Object.defineProperty(Codegen, "toString", {
        value: toString,
        writable: true,
        enumerable: true,
        configurable: true
      });
      return Codegen;
    }
    codegen.verbose = false;
    function safeFunctionName(name) {
      if (!name)
        return "";
      name = String(name).replace(/[^\w$]/g, "");
      if (!name)
        return "";
      if (/^\d/.test(name))
        name = "_" + name;
      return reservedRe.test(name) ? name + "_" : name;
    }
  }
});

// node_modules/protobufjs/src/util/fs.js
var require_fs = __commonJS({
  "node_modules/protobufjs/src/util/fs.js"(exports, module) {
    "use strict";
    var fs = null;
    try {
      fs = __require(
        /* webpackIgnore: true */
        "fs"
      );
      if (!fs || !fs.readFile || !fs.readFileSync)
        fs = null;
    } catch (e) {
    }
    module.exports = fs;
  }
});

// node_modules/protobufjs/src/util/fetch.js
var require_fetch = __commonJS({
  "node_modules/protobufjs/src/util/fetch.js"(exports, module) {
    "use strict";
    module.exports = fetch;
    var asPromise = require_aspromise();
    var fs = require_fs();
    function fetch(filename, options, callback) {
      if (typeof options === "function") {
        callback = options;
        options = {};
      } else if (!options)
        options = {};
      if (!callback)
        return asPromise(fetch, this, filename, options);
      if (!options.xhr && fs && fs.readFile)
        return fs.readFile(filename, function fetchReadFileCallback(err, contents) {
          return err && typeof XMLHttpRequest !== "undefined" ? fetch.xhr(filename, options, callback) : err ? callback(err) : callback(null, options.binary ? contents : contents.toString("utf8"));
        });
      return fetch.xhr(filename, options, callback);
    }
    fetch.xhr = function fetch_xhr(filename, options, callback) {
      var xhr = new XMLHttpRequest();
      xhr.onreadystatechange = function fetchOnReadyStateChange() {
        if (xhr.readyState !== 4)
          return void 0;
        if (xhr.status !== 0 && xhr.status !== 200)
          return callback(Error("status " + xhr.status));
        if (options.binary) {
          var buffer = xhr.response;
          if (!buffer) {
            buffer = [];
            for (var i = 0; i < xhr.responseText.length; ++i)
              buffer.push(xhr.responseText.charCodeAt(i) & 255);
          }
          return callback(null, typeof Uint8Array !== "undefined" ? new Uint8Array(buffer) : buffer);
        }
        return callback(null, xhr.responseText);
      };
      if (options.binary) {
        if ("overrideMimeType" in xhr)
          xhr.overrideMimeType("text/plain; charset=x-user-defined");
        xhr.responseType = "arraybuffer";
      }
      xhr.open("GET", filename);
      xhr.send();
    };
  }
});

// node_modules/protobufjs/src/util/path.js
var require_path = __commonJS({
  "node_modules/protobufjs/src/util/path.js"(exports) {
    "use strict";
    var path2 = exports;
    var urlRe = /^[a-zA-Z][a-zA-Z0-9+.-]+:\/\//;
    function normalizeUrl(path3) {
      if (typeof URL === "undefined" || !urlRe.test(path3))
        return null;
      try {
        return new URL(path3).href;
      } catch (e) {
        return null;
      }
    }
    function resolveUrl(originPath, includePath) {
      if (typeof URL === "undefined" || !urlRe.test(originPath) || urlRe.test(includePath))
        return null;
      try {
        return new URL(includePath, originPath).href;
      } catch (e) {
        return null;
      }
    }
    var isAbsolute3 = (
      /**
       * Tests if the specified path is absolute.
       * @param {string} path Path to test
       * @returns {boolean} `true` if path is absolute
       */
      path2.isAbsolute = function isAbsolute4(path3) {
        return /^(?:\/|\w+:|\\\\\w+)/.test(path3);
      }
    );
    var normalize = (
      /**
       * Normalizes the specified path.
       * @param {string} path Path to normalize
       * @returns {string} Normalized path
       */
      path2.normalize = function normalize2(path3) {
        var normalizedUrl = normalizeUrl(path3);
        if (normalizedUrl)
          return normalizedUrl;
        var firstTwoCharacters = path3.substring(0, 2);
        var uncPrefix = "";
        if (firstTwoCharacters === "\\\\") {
          uncPrefix = firstTwoCharacters;
          path3 = path3.substring(2);
        }
        path3 = path3.replace(/\\/g, "/").replace(/\/{2,}/g, "/");
        var parts = path3.split("/"), absolute = isAbsolute3(path3), prefix = "";
        if (absolute)
          prefix = parts.shift() + "/";
        for (var i = 0; i < parts.length; ) {
          if (parts[i] === "..") {
            if (i > 0 && parts[i - 1] !== "..")
              parts.splice(--i, 2);
            else if (absolute)
              parts.splice(i, 1);
            else
              ++i;
          } else if (parts[i] === ".")
            parts.splice(i, 1);
          else
            ++i;
        }
        return uncPrefix + prefix + parts.join("/");
      }
    );
    path2.resolve = function resolve6(originPath, includePath, alreadyNormalized) {
      var resolvedUrl = resolveUrl(originPath, includePath);
      if (resolvedUrl)
        return resolvedUrl;
      if (!alreadyNormalized)
        includePath = normalize(includePath);
      if (isAbsolute3(includePath))
        return includePath;
      if (!alreadyNormalized)
        originPath = normalize(originPath);
      return (originPath = originPath.replace(/(?:\/|^)[^/]+$/, "")).length ? normalize(originPath + "/" + includePath) : includePath;
    };
  }
});

// node_modules/protobufjs/src/namespace.js
var require_namespace = __commonJS({
  "node_modules/protobufjs/src/namespace.js"(exports, module) {
    "use strict";
    module.exports = Namespace;
    var ReflectionObject = require_object();
    Namespace.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: Namespace,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Namespace.className = "Namespace";
    var Field = require_field();
    var util = require_util();
    var OneOf = require_oneof();
    var Type;
    var Service;
    var Enum;
    Namespace.fromJSON = function fromJSON(name, json, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.recursionLimit)
        throw Error("max depth exceeded");
      return new Namespace(name, json.options).addJSON(json.nested, depth);
    };
    function arrayToJSON(array, toJSONOptions) {
      if (!(array && array.length))
        return void 0;
      var obj = {};
      for (var i = 0; i < array.length; ++i)
        obj[array[i].name] = array[i].toJSON(toJSONOptions);
      return obj;
    }
    Namespace.arrayToJSON = arrayToJSON;
    Namespace.isReservedId = function isReservedId(reserved, id) {
      if (reserved) {
        for (var i = 0; i < reserved.length; ++i)
          if (typeof reserved[i] !== "string" && reserved[i][0] <= id && reserved[i][1] >= id)
            return true;
      }
      return false;
    };
    Namespace.isReservedName = function isReservedName(reserved, name) {
      if (reserved) {
        for (var i = 0; i < reserved.length; ++i)
          if (reserved[i] === name)
            return true;
      }
      return false;
    };
    function Namespace(name, options) {
      ReflectionObject.call(this, name, options);
      this.nested = void 0;
      this._nestedArray = null;
      this._lookupCache = /* @__PURE__ */ Object.create(null);
      this._needsRecursiveFeatureResolution = true;
      this._needsRecursiveResolve = true;
    }
    function clearCache(namespace) {
      namespace._nestedArray = null;
      namespace._lookupCache = /* @__PURE__ */ Object.create(null);
      var parent = namespace;
      while (parent = parent.parent) {
        parent._lookupCache = /* @__PURE__ */ Object.create(null);
      }
      return namespace;
    }
    Object.defineProperty(Namespace.prototype, "nestedArray", {
      get: function() {
        return this._nestedArray || (this._nestedArray = util.toArray(this.nested));
      }
    });
    Namespace.prototype.toJSON = function toJSON(toJSONOptions) {
      return util.toObject([
        "options",
        this.options,
        "nested",
        arrayToJSON(this.nestedArray, toJSONOptions)
      ]);
    };
    Namespace.prototype.addJSON = function addJSON(nestedJson, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.recursionLimit)
        throw Error("max depth exceeded");
      var ns = this;
      if (nestedJson) {
        for (var names = Object.keys(nestedJson), i = 0, nested; i < names.length; ++i) {
          nested = nestedJson[names[i]];
          ns.add(
            // most to least likely
            (nested.fields !== void 0 ? Type.fromJSON : nested.values !== void 0 ? Enum.fromJSON : nested.methods !== void 0 ? Service.fromJSON : nested.id !== void 0 ? Field.fromJSON : Namespace.fromJSON)(names[i], nested, depth + 1)
          );
        }
      }
      return this;
    };
    Namespace.prototype.get = function get(name) {
      return this.nested && Object.prototype.hasOwnProperty.call(this.nested, name) ? this.nested[name] : null;
    };
    Namespace.prototype.getEnum = function getEnum(name) {
      if (this.nested && Object.prototype.hasOwnProperty.call(this.nested, name) && this.nested[name] instanceof Enum)
        return this.nested[name].values;
      throw Error("no such enum: " + name);
    };
    Namespace.prototype.add = function add2(object) {
      if (!(object instanceof Field && object.extend !== void 0 || object instanceof Type || object instanceof OneOf || object instanceof Enum || object instanceof Service || object instanceof Namespace))
        throw TypeError("object must be a valid nested object");
      if (object.name === "__proto__")
        return this;
      if (!this.nested)
        this.nested = {};
      else {
        var prev = this.get(object.name);
        if (prev) {
          if (prev instanceof Namespace && object instanceof Namespace && !(prev instanceof Type || prev instanceof Service)) {
            var nested = prev.nestedArray;
            for (var i = 0; i < nested.length; ++i)
              object.add(nested[i]);
            this.remove(prev);
            if (!this.nested)
              this.nested = {};
            object.setOptions(prev.options, true);
          } else
            throw Error("duplicate name '" + object.name + "' in " + this);
        }
      }
      this.nested[object.name] = object;
      if (!(this instanceof Type || this instanceof Service || this instanceof Enum || this instanceof Field)) {
        if (!object._edition) {
          object._edition = object._defaultEdition;
        }
      }
      this._needsRecursiveFeatureResolution = true;
      this._needsRecursiveResolve = true;
      var parent = this;
      while (parent = parent.parent) {
        parent._needsRecursiveFeatureResolution = true;
        parent._needsRecursiveResolve = true;
      }
      object.onAdd(this);
      return clearCache(this);
    };
    Namespace.prototype.remove = function remove(object) {
      if (!(object instanceof ReflectionObject))
        throw TypeError("object must be a ReflectionObject");
      if (object.parent !== this)
        throw Error(object + " is not a member of " + this);
      if (!util.remove(this.nested, object, object.name))
        throw Error(object + " is not a member of " + this);
      if (!Object.keys(this.nested).length)
        this.nested = void 0;
      object.onRemove(this);
      return clearCache(this);
    };
    Namespace.prototype.define = function define2(path2, json) {
      if (util.isString(path2))
        path2 = path2.split(".");
      else if (!Array.isArray(path2))
        throw TypeError("illegal path");
      if (path2 && path2.length && path2[0] === "")
        throw Error("path must be relative");
      if (path2.length > util.recursionLimit)
        throw Error("max depth exceeded");
      var ptr = this;
      while (path2.length > 0) {
        var part = path2.shift();
        if (ptr.nested && ptr.nested[part]) {
          ptr = ptr.nested[part];
          if (!(ptr instanceof Namespace))
            throw Error("path conflicts with non-namespace objects");
        } else
          ptr.add(ptr = new Namespace(part));
      }
      if (json)
        ptr.addJSON(json);
      return ptr;
    };
    Namespace.prototype.resolveAll = function resolveAll() {
      if (!this._needsRecursiveResolve) return this;
      if (this._needsRecursiveFeatureResolution)
        this._resolveFeaturesRecursive(this._edition);
      var nested = this.nestedArray, i = 0;
      this.resolve();
      while (i < nested.length)
        if (nested[i] instanceof Namespace)
          nested[i++].resolveAll();
        else
          nested[i++].resolve();
      this._needsRecursiveResolve = false;
      return this;
    };
    Namespace.prototype._resolveFeaturesRecursive = function _resolveFeaturesRecursive(edition) {
      if (!this._needsRecursiveFeatureResolution) return this;
      this._needsRecursiveFeatureResolution = false;
      edition = this._edition || edition;
      ReflectionObject.prototype._resolveFeaturesRecursive.call(this, edition);
      this.nestedArray.forEach((nested) => {
        nested._resolveFeaturesRecursive(edition);
      });
      return this;
    };
    Namespace.prototype.lookup = function lookup(path2, filterTypes, parentAlreadyChecked) {
      if (typeof filterTypes === "boolean") {
        parentAlreadyChecked = filterTypes;
        filterTypes = void 0;
      } else if (filterTypes && !Array.isArray(filterTypes))
        filterTypes = [filterTypes];
      if (util.isString(path2) && path2.length) {
        if (path2 === ".")
          return this.root;
        path2 = path2.split(".");
      } else if (!path2.length)
        return this;
      var flatPath = path2.join(".");
      if (path2[0] === "")
        return this.root.lookup(path2.slice(1), filterTypes);
      var found = this._lookupImpl(path2, flatPath);
      if (found && (!filterTypes || filterTypes.indexOf(found.constructor) > -1)) {
        return found;
      }
      found = this.root._fullyQualifiedObjects && this.root._fullyQualifiedObjects["." + flatPath];
      if (found && (!filterTypes || filterTypes.indexOf(found.constructor) > -1)) {
        return found;
      }
      if (parentAlreadyChecked)
        return null;
      var current = this;
      while (current.parent) {
        found = current.parent._lookupImpl(path2, flatPath);
        if (found && (!filterTypes || filterTypes.indexOf(found.constructor) > -1)) {
          return found;
        }
        current = current.parent;
      }
      return null;
    };
    Namespace.prototype._lookupImpl = function lookup(path2, flatPath) {
      if (Object.prototype.hasOwnProperty.call(this._lookupCache, flatPath)) {
        return this._lookupCache[flatPath];
      }
      var found = this.get(path2[0]);
      var exact = null;
      if (found) {
        if (path2.length === 1) {
          exact = found;
        } else if (found instanceof Namespace) {
          path2 = path2.slice(1);
          exact = found._lookupImpl(path2, path2.join("."));
        }
      } else {
        for (var i = 0; i < this.nestedArray.length; ++i)
          if (this._nestedArray[i] instanceof Namespace && (found = this._nestedArray[i]._lookupImpl(path2, flatPath))) {
            exact = found;
            break;
          }
      }
      this._lookupCache[flatPath] = exact;
      return exact;
    };
    Namespace.prototype.lookupType = function lookupType(path2) {
      var found = this.lookup(path2, [Type]);
      if (!found)
        throw Error("no such type: " + path2);
      return found;
    };
    Namespace.prototype.lookupEnum = function lookupEnum(path2) {
      var found = this.lookup(path2, [Enum]);
      if (!found)
        throw Error("no such Enum '" + path2 + "' in " + this);
      return found;
    };
    Namespace.prototype.lookupTypeOrEnum = function lookupTypeOrEnum(path2) {
      var found = this.lookup(path2, [Type, Enum]);
      if (!found)
        throw Error("no such Type or Enum '" + path2 + "' in " + this);
      return found;
    };
    Namespace.prototype.lookupService = function lookupService(path2) {
      var found = this.lookup(path2, [Service]);
      if (!found)
        throw Error("no such Service '" + path2 + "' in " + this);
      return found;
    };
    Namespace._configure = function(Type_, Service_, Enum_) {
      Type = Type_;
      Service = Service_;
      Enum = Enum_;
    };
  }
});

// node_modules/protobufjs/src/mapfield.js
var require_mapfield = __commonJS({
  "node_modules/protobufjs/src/mapfield.js"(exports, module) {
    "use strict";
    module.exports = MapField;
    var Field = require_field();
    MapField.prototype = Object.create(Field.prototype, {
      constructor: {
        value: MapField,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    MapField.className = "MapField";
    var types2 = require_types();
    var util = require_util();
    function MapField(name, id, keyType, type, options, comment) {
      Field.call(this, name, id, type, void 0, void 0, options, comment);
      if (!util.isString(keyType))
        throw TypeError("keyType must be a string");
      this.keyType = keyType;
      this.resolvedKeyType = null;
      this.map = true;
    }
    MapField.fromJSON = function fromJSON(name, json) {
      var field = new MapField(name, json.id, json.keyType, json.type, json.options, json.comment);
      if (json.protoName)
        field.protoName = json.protoName;
      if (json.jsonName !== void 0)
        field.jsonName = json.jsonName;
      else if (json.options && json.options.json_name !== void 0)
        field.jsonName = json.options.json_name;
      return field;
    };
    MapField.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "keyType",
        this.keyType,
        "type",
        this.type,
        "id",
        this.id,
        "extend",
        this.extend,
        "protoName",
        this.protoName !== this.name ? this.protoName : void 0,
        "jsonName",
        this.jsonName !== util.jsonName(this.protoName || this.name) ? this.jsonName : void 0,
        "options",
        this.options,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    MapField.prototype.resolve = function resolve6() {
      if (this.resolved)
        return this;
      if (types2.mapKey[this.keyType] === void 0)
        throw Error("invalid key type: " + this.keyType);
      return Field.prototype.resolve.call(this);
    };
    MapField.d = function decorateMapField(fieldId, fieldKeyType, fieldValueType) {
      if (typeof fieldValueType === "function")
        fieldValueType = util.decorateType(fieldValueType).name;
      else if (fieldValueType && typeof fieldValueType === "object")
        fieldValueType = util.decorateEnum(fieldValueType).name;
      return function mapFieldDecorator(prototype, fieldName) {
        util.decorateType(prototype.constructor).add(new MapField(fieldName, fieldId, fieldKeyType, fieldValueType));
      };
    };
  }
});

// node_modules/protobufjs/src/method.js
var require_method = __commonJS({
  "node_modules/protobufjs/src/method.js"(exports, module) {
    "use strict";
    module.exports = Method;
    var ReflectionObject = require_object();
    Method.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: Method,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Method.className = "Method";
    var util = require_util();
    function Method(name, type, requestType, responseType, requestStream, responseStream, options, comment, parsedOptions) {
      if (util.isObject(requestStream)) {
        options = requestStream;
        requestStream = responseStream = void 0;
      } else if (util.isObject(responseStream)) {
        options = responseStream;
        responseStream = void 0;
      }
      if (!(type === void 0 || util.isString(type)))
        throw TypeError("type must be a string");
      if (!util.isString(requestType))
        throw TypeError("requestType must be a string");
      if (!util.isString(responseType))
        throw TypeError("responseType must be a string");
      ReflectionObject.call(this, name, options);
      this.type = type || "rpc";
      this.requestType = requestType;
      this.requestStream = requestStream ? true : void 0;
      this.responseType = responseType;
      this.responseStream = responseStream ? true : void 0;
      this.path = "/" + this.name;
      this.resolvedRequestType = null;
      this.resolvedResponseType = null;
      this.comment = comment;
      this.parsedOptions = parsedOptions;
    }
    Method.fromJSON = function fromJSON(name, json) {
      return new Method(name, json.type, json.requestType, json.responseType, json.requestStream, json.responseStream, json.options, json.comment, json.parsedOptions);
    };
    Method.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "type",
        this.type !== "rpc" && /* istanbul ignore next */
        this.type || void 0,
        "requestType",
        this.requestType,
        "requestStream",
        this.requestStream,
        "responseType",
        this.responseType,
        "responseStream",
        this.responseStream,
        "options",
        this.options,
        "comment",
        keepComments ? this.comment : void 0,
        "parsedOptions",
        this.parsedOptions
      ]);
    };
    Method.prototype.resolve = function resolve6() {
      if (this.resolved)
        return this;
      if (this.parent) {
        var serviceName = this.parent.fullName;
        if (serviceName.charAt(0) === ".")
          serviceName = serviceName.substring(1);
        this.path = "/" + serviceName + "/" + this.name;
      } else
        this.path = "/" + this.name;
      this.resolvedRequestType = this.parent.lookupType(this.requestType);
      this.resolvedResponseType = this.parent.lookupType(this.responseType);
      return ReflectionObject.prototype.resolve.call(this);
    };
  }
});

// node_modules/protobufjs/src/service.js
var require_service2 = __commonJS({
  "node_modules/protobufjs/src/service.js"(exports, module) {
    "use strict";
    module.exports = Service;
    var Namespace = require_namespace();
    Service.prototype = Object.create(Namespace.prototype, {
      constructor: {
        value: Service,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Service.className = "Service";
    var Method = require_method();
    var util = require_util();
    var rpc = require_rpc();
    function Service(name, options) {
      Namespace.call(this, name, options);
      this.methods = {};
      this._methodsArray = null;
    }
    Service.fromJSON = function fromJSON(name, json, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.recursionLimit)
        throw Error("max depth exceeded");
      var service = new Service(name, json.options);
      if (json.methods)
        for (var names = Object.keys(json.methods), i = 0; i < names.length; ++i)
          service.add(Method.fromJSON(names[i], json.methods[names[i]]));
      if (json.nested)
        service.addJSON(json.nested, depth);
      if (json.edition)
        service._edition = json.edition;
      service.comment = json.comment;
      service._defaultEdition = "proto3";
      return service;
    };
    Service.prototype.toJSON = function toJSON(toJSONOptions) {
      var inherited = Namespace.prototype.toJSON.call(this, toJSONOptions);
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "edition",
        this._editionToJSON(),
        "options",
        inherited && inherited.options || void 0,
        "methods",
        Namespace.arrayToJSON(this.methodsArray, toJSONOptions) || /* istanbul ignore next */
        {},
        "nested",
        inherited && inherited.nested || void 0,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    Object.defineProperty(Service.prototype, "methodsArray", {
      get: function() {
        return this._methodsArray || (this._methodsArray = util.toArray(this.methods));
      }
    });
    function clearCache(service) {
      service._methodsArray = null;
      return service;
    }
    Service.prototype.get = function get(name) {
      return Object.prototype.hasOwnProperty.call(this.methods, name) ? this.methods[name] : Namespace.prototype.get.call(this, name);
    };
    Service.prototype.resolveAll = function resolveAll() {
      if (!this._needsRecursiveResolve) return this;
      Namespace.prototype.resolve.call(this);
      var methods = this.methodsArray;
      for (var i = 0; i < methods.length; ++i)
        methods[i].resolve();
      return this;
    };
    Service.prototype._resolveFeaturesRecursive = function _resolveFeaturesRecursive(edition) {
      if (!this._needsRecursiveFeatureResolution) return this;
      edition = this._edition || edition;
      Namespace.prototype._resolveFeaturesRecursive.call(this, edition);
      this.methodsArray.forEach((method) => {
        method._resolveFeaturesRecursive(edition);
      });
      return this;
    };
    Service.prototype.add = function add2(object) {
      if (this.get(object.name))
        throw Error("duplicate name '" + object.name + "' in " + this);
      if (object instanceof Method) {
        if (object.name === "__proto__")
          return this;
        this.methods[object.name] = object;
        object.parent = this;
        return clearCache(this);
      }
      return Namespace.prototype.add.call(this, object);
    };
    Service.prototype.remove = function remove(object) {
      if (object instanceof Method) {
        if (this.methods[object.name] !== object)
          throw Error(object + " is not a member of " + this);
        delete this.methods[object.name];
        object.parent = null;
        return clearCache(this);
      }
      return Namespace.prototype.remove.call(this, object);
    };
    Service.prototype.create = function create(rpcImpl, requestDelimited, responseDelimited) {
      var rpcService = new rpc.Service(rpcImpl, requestDelimited, responseDelimited);
      for (var i = 0, method; i < /* initializes */
      this.methodsArray.length; ++i) {
        var methodName = util.lcFirst((method = this._methodsArray[i]).resolve().name).replace(/[^$\w_]/g, "");
        rpcService[methodName] = /* @__PURE__ */ (function(method2, requestType, responseType) {
          return function rpcMethod(request, callback) {
            return rpc.Service.prototype.rpcCall.call(this, method2, requestType, responseType, request, callback);
          };
        })(method, method.resolvedRequestType.ctor, method.resolvedResponseType.ctor);
      }
      return rpcService;
    };
  }
});

// node_modules/protobufjs/src/message.js
var require_message = __commonJS({
  "node_modules/protobufjs/src/message.js"(exports, module) {
    "use strict";
    module.exports = Message;
    var util = require_minimal();
    function Message(properties) {
      if (properties) {
        for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
          if (properties[keys[i]] != null && keys[i] !== "__proto__")
            this[keys[i]] = properties[keys[i]];
      }
    }
    Message.create = function create(properties) {
      return this.$type.create(properties);
    };
    Message.encode = function encode(message, writer) {
      return this.$type.encode(message, writer);
    };
    Message.encodeDelimited = function encodeDelimited(message, writer) {
      return this.$type.encodeDelimited(message, writer);
    };
    Message.decode = function decode2(reader) {
      return this.$type.decode(reader);
    };
    Message.decodeDelimited = function decodeDelimited(reader) {
      return this.$type.decodeDelimited(reader);
    };
    Message.verify = function verify(message) {
      return this.$type.verify(message);
    };
    Message.fromObject = function fromObject(object) {
      return this.$type.fromObject(object);
    };
    Message.toObject = function toObject(message, options) {
      return this.$type.toObject(message, options);
    };
    Message.prototype.toJSON = function toJSON() {
      return this.$type.toObject(this, util.toJSONOptions);
    };
  }
});

// node_modules/protobufjs/src/decoder.js
var require_decoder = __commonJS({
  "node_modules/protobufjs/src/decoder.js"(exports, module) {
    "use strict";
    module.exports = decoder;
    var Enum = require_enum();
    var types2 = require_types();
    var util = require_util();
    function missing(field) {
      return "missing required '" + field.name + "'";
    }
    function stringMethod(field) {
      return field._features.utf8_validation === "VERIFY" ? "stringVerify" : "string";
    }
    function genPreserveUnknown(gen, ref) {
      return gen("if(!r.discardUnknown){")('util.makeProp(m,"$unknowns",false);')("(m.$unknowns||(m.$unknowns=[])).push(%s)", ref)("}");
    }
    function decoder(mtype) {
      var hasMapField = false, needsValueVar = false, i = 0;
      for (; i < mtype.fieldsArray.length; ++i) {
        var pfield = mtype._fieldsArray[i];
        if (pfield.map)
          hasMapField = true;
        if (pfield.resolvedType instanceof Enum || !pfield.repeated && !pfield.map && !pfield.hasPresence)
          needsValueVar = true;
      }
      var gen = util.codegen(["r", "l", "z", "q", "g"])("if(!(r instanceof Reader))")("r=Reader.create(r)")("if(q===undefined)q=0")("if(q>Reader.recursionLimit)")('throw Error("max depth exceeded")')("var c,m" + (hasMapField ? ",k,v" : needsValueVar ? ",v" : ""))("if(l===undefined)")("c=r.len")("else{")("c=r.pos+l")("if(c>r.len)")('throw RangeError("index out of range")')("l=r.len")("r.len=c")("}")("m=g||new C")("while(r.pos<c){")("var s=r.pos")("var t=r.tag()")("if(t===z){")("z=undefined")("break")("}");
      if (mtype.fieldsArray.length) gen("var u=t&7")("switch(t>>>=3){");
      for (i = 0; i < /* initializes */
      mtype.fieldsArray.length; ++i) {
        var field = mtype._fieldsArray[i].resolve(), type = field.resolvedType instanceof Enum ? "int32" : field.type, ref = "m" + util.safeProp(field.name), closed = field.resolvedType instanceof Enum && field.resolvedType._features.enum_type === "CLOSED";
        if (field.map) {
          gen("case %i:{", field.id)("if(u!==2)")("break");
          if (!closed) gen("if(%s===util.emptyObject)", ref)("%s={}", ref);
          gen("var c2=r.size()+r.pos")("if(c2>r.len)")('throw RangeError("index out of range")')("r.len=c2");
          if (types2.defaults[field.keyType] !== void 0) gen("k=%j", types2.defaults[field.keyType]);
          else gen("k=null");
          if (types2.long[type] !== void 0) gen("v=util.Long?util.Long.fromNumber(0,%j):0", type === "uint64" || type === "fixed64");
          else if (types2.defaults[type] !== void 0) gen("v=%j", types2.defaults[type]);
          else gen("v=null");
          gen("while(r.pos<c2){")("var t2=r.tag()")("u=t2&7")("switch(t2>>>=3){")("case 1:")("if(u!==%i)", types2.mapKey[field.keyType])("break")("k=r.%s()", field.keyType === "string" ? stringMethod(field) : field.keyType)("continue")("case 2:")("if(u!==%i)", types2.basic[type] === void 0 ? 2 : types2.basic[type])("break");
          if (types2.basic[type] === void 0) gen("v=types[%i].decode(r,r.size(),undefined,q+1,v)", i);
          else gen("v=r.%s()", type === "string" ? stringMethod(field) : type);
          gen("continue")("}")("r.skipType(u,q,t2)")("}");
          gen("if(r.pos!==c2)")('throw RangeError("index out of range")')("r.len=c");
          if (closed) {
            gen("if(types[%i].valuesById[v]===undefined){", i);
            genPreserveUnknown(gen, "r.raw(s,r.pos)")("continue")("}")("if(%s===util.emptyObject)", ref)("%s={}", ref);
          }
          var val = types2.basic[type] === void 0 ? "v||new types[" + i + "].ctor" : "v";
          if (types2.long[field.keyType] !== void 0) gen('%s[typeof k==="object"?util.longToHash(k):k]=%s', ref, val);
          else {
            if (field.keyType === "string") gen('if(k==="__proto__")')("util.makeProp(%s,k)", ref);
            gen("%s[k]=%s", ref, val);
          }
        } else if (field.repeated) {
          gen("case %i:", field.id)("{");
          if (types2.packed[type] !== void 0) {
            gen("if(u===2){");
            if (closed) {
              gen("var c2=r.size()+r.pos")("if(c2>r.len)")('throw RangeError("index out of range")')("r.len=c2")("while(r.pos<c2){")("s=r.pos")("v=r.%s()", type)("if(types[%i].valuesById[v]!==undefined){", i)("if(!(%s&&%s.length))", ref, ref)("%s=[]", ref)("%s.push(v)", ref)("}else");
              genPreserveUnknown(gen, "util.rawField(" + field.id + ",0,r.raw(s,r.pos))")("}");
              gen("if(r.pos!==c2)")('throw RangeError("index out of range")')("r.len=c");
            } else gen("if(!(%s&&%s.length))", ref, ref)("%s=[]", ref)("r.%ss(%s)", type, ref);
            gen("continue")("}");
          }
          gen("if(u!==%i)", types2.basic[type] === void 0 ? field.delimited ? 3 : 2 : types2.basic[type])("break");
          if (!closed) gen("if(!(%s&&%s.length))", ref, ref)("%s=[]", ref);
          if (types2.basic[type] === void 0) {
            if (field.delimited) gen("%s.push(types[%i].decode(r,undefined,%i,q+1))", ref, i, field.id * 8 + 4);
            else gen("%s.push(types[%i].decode(r,r.size(),undefined,q+1))", ref, i);
          } else if (closed) {
            gen("v=r.%s()", type)("if(types[%i].valuesById[v]!==undefined){", i)("if(!(%s&&%s.length))", ref, ref)("%s=[]", ref)("%s.push(v)", ref)("}else");
            genPreserveUnknown(gen, "r.raw(s,r.pos)");
          } else gen("%s.push(r.%s())", ref, type === "string" ? stringMethod(field) : type);
        } else if (types2.basic[type] === void 0) {
          gen("case %i:{", field.id)("if(u!==%i)", field.delimited ? 3 : 2)("break");
          if (field.delimited) gen("%s=types[%i].decode(r,undefined,%i,q+1,%s)", ref, i, field.id * 8 + 4, ref);
          else gen("%s=types[%i].decode(r,r.size(),undefined,q+1,%s)", ref, i, ref);
        } else if (field.hasPresence) {
          gen("case %i:{", field.id)("if(u!==%i)", types2.basic[type])("break");
          if (closed) {
            gen("v=r.%s()", type)("if(types[%i].valuesById[v]!==undefined){", i)("%s=v", ref);
            if (field.partOf) gen("m%s=%j", util.safeProp(field.partOf.name), field.name);
            gen("}else");
            genPreserveUnknown(gen, "r.raw(s,r.pos)");
          } else gen("%s=r.%s()", ref, type === "string" ? stringMethod(field) : type);
        } else {
          gen("case %i:{", field.id)("if(u!==%i)", types2.basic[type])("break");
          if (closed) {
            gen("v=r.%s()", type)("if(types[%i].valuesById[v]!==undefined){", i)("if(v!==%j)", field.typeDefault)("%s=v", ref)("else")("delete %s", ref)("}else{");
            genPreserveUnknown(gen, "r.raw(s,r.pos)")("}");
          } else {
            if (field.resolvedType instanceof Enum && field.typeDefault !== 0) gen("if((v=r.%s())!==%j)", type, field.typeDefault);
            else if (type === "string") gen("if((v=r.%s()).length)", stringMethod(field));
            else if (type === "bytes") gen("if((v=r.%s()).length)", type);
            else if (types2.long[type] !== void 0) gen('if(typeof(v=r.%s())==="object"?v.low||v.high:v!==0)', type);
            else if (type === "double" || type === "float") gen("if(!Object.is(v=r.%s(),0))", type);
            else gen("if(v=r.%s())", type);
            gen("%s=v", ref)("else")("delete %s", ref);
          }
        }
        if (field.partOf && !closed) gen("m%s=%j", util.safeProp(field.partOf.name), field.name);
        gen("continue")("}");
      }
      if (i) gen("}");
      gen("r.skipType(%s,q,t)", i ? "u" : "t&7");
      genPreserveUnknown(gen, "r.raw(s,r.pos)")("}")("if(l!==undefined){")("if(r.pos!==c)")('throw RangeError("index out of range")')("r.len=l")("}")("if(z!==undefined)")('throw Error("missing end group")');
      for (i = 0; i < mtype._fieldsArray.length; ++i) {
        var rfield = mtype._fieldsArray[i];
        if (rfield.required) gen("if(!Object.hasOwnProperty.call(m,%j))", rfield.name)("throw util.ProtocolError(%j,{instance:m})", missing(rfield));
      }
      return gen("return m");
    }
  }
});

// node_modules/protobufjs/src/verifier.js
var require_verifier = __commonJS({
  "node_modules/protobufjs/src/verifier.js"(exports, module) {
    "use strict";
    module.exports = verifier;
    var Enum = require_enum();
    var util = require_util();
    function invalid(field, expected) {
      return field.name + ": " + expected + (field.repeated && expected !== "array" ? "[]" : field.map && expected !== "object" ? "{k:" + field.keyType + "}" : "") + " expected";
    }
    function genVerifyValue(gen, field, fieldIndex, ref) {
      var resolvedType = field.resolvedType;
      if (resolvedType) {
        if (resolvedType instanceof Enum) {
          if (resolvedType._features.enum_type === "CLOSED") {
            gen("switch(%s){", ref)("default:")("return%j", invalid(field, "enum value"));
            for (var keys = Object.keys(resolvedType.values), j = 0; j < keys.length; ++j) gen("case %i:", resolvedType.values[keys[j]]);
            gen("break")("}");
          } else gen('if(typeof %s!=="number"||(%s|0)!==%s)', ref, ref, ref)("return%j", invalid(field, "enum value"));
        } else {
          gen("{")("var e=types[%i].verify(%s,q+1);", fieldIndex, ref)("if(e)")("return%j+e", field.name + ".")("}");
        }
      } else {
        switch (field.type) {
          case "int32":
          case "uint32":
          case "sint32":
          case "fixed32":
          case "sfixed32":
            gen("if(!util.isInteger(%s))", ref)("return%j", invalid(field, "integer"));
            break;
          case "int64":
          case "uint64":
          case "sint64":
          case "fixed64":
          case "sfixed64":
            gen("if(!util.isInteger(%s)&&!(%s&&util.isInteger(%s.low)&&util.isInteger(%s.high)))", ref, ref, ref, ref)("return%j", invalid(field, "integer|Long"));
            break;
          case "float":
          case "double":
            gen('if(typeof %s!=="number")', ref)("return%j", invalid(field, "number"));
            break;
          case "bool":
            gen('if(typeof %s!=="boolean")', ref)("return%j", invalid(field, "boolean"));
            break;
          case "string":
            gen("if(!util.isString(%s))", ref)("return%j", invalid(field, "string"));
            break;
          case "bytes":
            gen('if(!(%s&&typeof %s.length==="number"||util.isString(%s)))', ref, ref, ref)("return%j", invalid(field, "buffer"));
            break;
        }
      }
      return gen;
    }
    function genVerifyKey(gen, field, ref) {
      switch (field.keyType) {
        case "int32":
        case "uint32":
        case "sint32":
        case "fixed32":
        case "sfixed32":
          gen("if(!util.key32Re.test(%s))", ref)("return%j", invalid(field, "integer key"));
          break;
        case "int64":
        case "uint64":
        case "sint64":
        case "fixed64":
        case "sfixed64":
          gen("if(!util.key64Re.test(%s))", ref)("return%j", invalid(field, "integer|Long key"));
          break;
        case "bool":
          gen("if(!util.key2Re.test(%s))", ref)("return%j", invalid(field, "boolean key"));
          break;
      }
      return gen;
    }
    function verifier(mtype) {
      var gen = util.codegen(["m", "q"])('if(typeof m!=="object"||m===null)')("return%j", "object expected")("if(q===undefined)q=0")("if(q>util.recursionLimit)")("return%j", "max depth exceeded");
      var oneofs = mtype.oneofsArray, seenFirstField = {};
      if (oneofs.length) gen("var p={}");
      for (var i = 0; i < /* initializes */
      mtype.fieldsArray.length; ++i) {
        var field = mtype._fieldsArray[i].resolve(), ref = "m" + util.safeProp(field.name);
        if (field.optional) gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)){", ref, field.name);
        if (field.map) {
          gen("if(!util.isObject(%s))", ref)("return%j", invalid(field, "object"))("var k=Object.keys(%s)", ref)("for(var i=0;i<k.length;++i){");
          genVerifyKey(gen, field, "k[i]");
          genVerifyValue(gen, field, i, ref + "[k[i]]")("}");
        } else if (field.repeated) {
          gen("if(!Array.isArray(%s))", ref)("return%j", invalid(field, "array"))("for(var i=0;i<%s.length;++i){", ref);
          genVerifyValue(gen, field, i, ref + "[i]")("}");
        } else {
          if (field.partOf) {
            var oneofProp = util.safeProp(field.partOf.name);
            if (seenFirstField[field.partOf.name] === 1) gen("if(p%s===1)", oneofProp)("return%j", field.partOf.name + ": multiple values");
            seenFirstField[field.partOf.name] = 1;
            gen("p%s=1", oneofProp);
          }
          genVerifyValue(gen, field, i, ref);
        }
        if (field.optional) gen("}");
      }
      return gen("return null");
    }
  }
});

// node_modules/protobufjs/src/converter.js
var require_converter = __commonJS({
  "node_modules/protobufjs/src/converter.js"(exports) {
    "use strict";
    var converter = exports;
    var Enum = require_enum();
    var types2 = require_types();
    var util = require_util();
    function genValuePartial_fromObject(gen, field, fieldIndex, prop, dstProp) {
      if (field.resolvedType) {
        if (field.resolvedType instanceof Enum) {
          var dst = dstProp ? "m" + dstProp + "[m" + dstProp + ".length]" : "m" + prop;
          gen("switch(d%s){", prop);
          for (var values = field.resolvedType.values, keys = Object.keys(values), i = 0; i < keys.length; ++i) {
            gen("case%j:", keys[i])("case %i:", values[keys[i]])("%s=%j", dst, values[keys[i]])("break");
          }
          gen("default:");
          if (field.resolvedType._features.enum_type !== "CLOSED") {
            gen('if(typeof d%s==="number"&&(d%s|0)===d%s)', prop, prop, prop)("%s=d%s", dst, prop);
          }
          gen("}");
        } else gen("if(!util.isObject(d%s))", prop)("throw TypeError(%j)", field.fullName + ": object expected")("m%s=types[%i].fromObject(d%s,q+1)", prop, fieldIndex, prop);
      } else {
        var isUnsigned = false;
        switch (field.type) {
          case "double":
          case "float":
            gen("m%s=Number(d%s)", prop, prop);
            break;
          case "uint32":
          case "fixed32":
            gen("m%s=d%s>>>0", prop, prop);
            break;
          case "int32":
          case "sint32":
          case "sfixed32":
            gen("m%s=d%s|0", prop, prop);
            break;
          case "uint64":
          case "fixed64":
            isUnsigned = true;
          // eslint-disable-next-line no-fallthrough
          case "int64":
          case "sint64":
          case "sfixed64":
            gen("if(util.Long)")("m%s=util.Long.fromValue(d%s,%j)", prop, prop, isUnsigned)('else if(typeof d%s==="string")', prop)("m%s=parseInt(d%s,10)", prop, prop)('else if(typeof d%s==="number")', prop)("m%s=d%s", prop, prop)('else if(typeof d%s==="object")', prop)("m%s=new util.LongBits(d%s.low>>>0,d%s.high>>>0).toNumber(%s)", prop, prop, prop, isUnsigned ? "true" : "");
            break;
          case "bytes":
            gen('if(typeof d%s==="string")', prop)("util.base64.decode(d%s,m%s=util.newBuffer(util.base64.length(d%s)),0)", prop, prop, prop)("else if(d%s.length>=0)", prop)("m%s=d%s", prop, prop);
            break;
          case "string":
            gen("m%s=String(d%s)", prop, prop);
            break;
          case "bool":
            gen("m%s=Boolean(d%s)", prop, prop);
            break;
        }
      }
      return gen;
    }
    converter.fromObject = function fromObject(mtype) {
      var fields = mtype.fieldsArray;
      var gen = util.codegen(["d", "q"])("if(d instanceof C)")("return d")("if(!util.isObject(d))")("throw TypeError(%j)", mtype.fullName + ": object expected")("if(q===undefined)q=0")("if(q>util.recursionLimit)")('throw Error("max depth exceeded")');
      if (!fields.length) return gen("return new C");
      gen("var m=new C");
      for (var i = 0; i < fields.length; ++i) {
        var field = fields[i].resolve(), prop = util.safeProp(field.name), implicitPresence = !field.hasPresence && !field.repeated && !field.map && (field.resolvedType instanceof Enum || types2.basic[field.type] !== void 0);
        if (field.map) {
          gen("if(d%s){", prop)("if(!util.isObject(d%s))", prop)("throw TypeError(%j)", field.fullName + ": object expected")("m%s={}", prop)("for(var ks=Object.keys(d%s),i=0;i<ks.length;++i){", prop);
          gen('if(ks[i]==="__proto__")')("util.makeProp(m%s,ks[i])", prop);
          genValuePartial_fromObject(
            gen,
            field,
            /* not sorted */
            i,
            prop + "[ks[i]]"
          )("}")("}");
        } else if (field.repeated) {
          gen("if(d%s){", prop)("if(!Array.isArray(d%s))", prop)("throw TypeError(%j)", field.fullName + ": array expected");
          if (field.resolvedType instanceof Enum) gen("m%s=[]", prop);
          else gen("m%s=Array(d%s.length)", prop, prop);
          gen("for(var i=0;i<d%s.length;++i){", prop);
          genValuePartial_fromObject(
            gen,
            field,
            /* not sorted */
            i,
            prop + "[i]",
            field.resolvedType instanceof Enum ? prop : void 0
          )("}")("}");
        } else {
          if (!(field.resolvedType instanceof Enum)) gen("if(d%s!=null){", prop);
          if (implicitPresence) {
            if (field.resolvedType instanceof Enum) gen('if(d%s!==%j&&(typeof d%s!=="string"||types[%i].values[d%s]!==%j)){', prop, field.typeDefault, prop, i, prop, field.typeDefault);
            else if (field.type === "string") gen('if(typeof d%s!=="string"||d%s.length){', prop, prop);
            else if (field.type === "bytes") gen("if(d%s.length){", prop);
            else if (field.type === "bool") gen("if(d%s){", prop);
            else if (field.type === "double" || field.type === "float") gen("if(!Object.is(Number(d%s),0)){", prop);
            else if (types2.long[field.type] !== void 0) gen('if(typeof d%s==="object"?d%s.low||d%s.high:Number(d%s)!==0){', prop, prop, prop, prop);
            else gen("if(Number(d%s)!==0){", prop);
          }
          genValuePartial_fromObject(
            gen,
            field,
            /* not sorted */
            i,
            prop
          );
          if (implicitPresence) gen("}");
          if (!(field.resolvedType instanceof Enum)) gen("}");
        }
      }
      return gen("return m");
    };
    function genValuePartial_toObject(gen, field, fieldIndex, dstProp, srcProp) {
      if (!srcProp)
        srcProp = dstProp;
      if (field.resolvedType) {
        if (field.resolvedType instanceof Enum) gen("d%s=o.enums===String?(types[%i].values[m%s]===undefined?m%s:types[%i].values[m%s]):m%s", dstProp, fieldIndex, srcProp, srcProp, fieldIndex, srcProp, srcProp);
        else gen("d%s=types[%i].toObject(m%s,o,q+1)", dstProp, fieldIndex, srcProp);
      } else {
        var isUnsigned = false;
        switch (field.type) {
          case "double":
          case "float":
            gen("d%s=o.json&&!isFinite(m%s)?String(m%s):m%s", dstProp, srcProp, srcProp, srcProp);
            break;
          case "uint64":
          case "fixed64":
            isUnsigned = true;
          // eslint-disable-next-line no-fallthrough
          case "int64":
          case "sint64":
          case "sfixed64":
            gen('if(typeof BigInt!=="undefined"&&o.longs===BigInt)')('d%s=typeof m%s==="number"?BigInt(m%s):util.Long.fromBits(m%s.low>>>0,m%s.high>>>0,%j).toBigInt()', dstProp, srcProp, srcProp, srcProp, srcProp, isUnsigned)('else if(typeof m%s==="number")', srcProp)("d%s=o.longs===String?String(m%s):m%s", dstProp, srcProp, srcProp)("else")("d%s=o.longs===String?util.Long.prototype.toString.call(m%s):o.longs===Number?new util.LongBits(m%s.low>>>0,m%s.high>>>0).toNumber(%s):m%s", dstProp, srcProp, srcProp, srcProp, isUnsigned ? "true" : "", srcProp);
            break;
          case "bytes":
            gen("d%s=o.bytes===String?util.base64.encode(m%s,0,m%s.length):o.bytes===Array?Array.prototype.slice.call(m%s):m%s", dstProp, srcProp, srcProp, srcProp, srcProp);
            break;
          default:
            gen("d%s=m%s", dstProp, srcProp);
            break;
        }
      }
      return gen;
    }
    converter.toObject = function toObject(mtype) {
      var fields = mtype.fieldsArray.slice().sort(util.compareFieldsById);
      if (!fields.length)
        return util.codegen()("return {}");
      var gen = util.codegen(["m", "o", "q"])("if(!o)")("o={}")("if(q===undefined)q=0")("if(q>util.recursionLimit)")('throw Error("max depth exceeded")')("var d={}");
      var repeatedFields = [], mapFields = [], normalFields = [], i = 0;
      for (; i < fields.length; ++i)
        if (!fields[i].partOf)
          (fields[i].resolve().repeated ? repeatedFields : fields[i].map ? mapFields : normalFields).push(fields[i]);
      if (repeatedFields.length) {
        gen("if(o.arrays||o.defaults){");
        for (i = 0; i < repeatedFields.length; ++i) gen("d%s=[]", util.safeProp(repeatedFields[i].name));
        gen("}");
      }
      if (mapFields.length) {
        gen("if(o.objects||o.defaults){");
        for (i = 0; i < mapFields.length; ++i) gen("d%s={}", util.safeProp(mapFields[i].name));
        gen("}");
      }
      if (normalFields.length) {
        gen("if(o.defaults){");
        for (i = 0; i < normalFields.length; ++i) {
          var field = normalFields[i], prop = util.safeProp(field.name);
          if (field.resolvedType instanceof Enum) gen("d%s=o.enums===String?%j:%j", prop, field.resolvedType.valuesById[field.typeDefault], field.typeDefault);
          else if (field.long) gen("if(util.Long){")("var n=new util.Long(%i,%i,%j)", field.typeDefault.low, field.typeDefault.high, field.typeDefault.unsigned)('d%s=o.longs===String?n.toString():o.longs===Number?n.toNumber():typeof BigInt!=="undefined"&&o.longs===BigInt?n.toBigInt():n', prop)("}else")('d%s=o.longs===String?%j:typeof BigInt!=="undefined"&&o.longs===BigInt?BigInt(%j):%i', prop, field.typeDefault.toString(), field.typeDefault.toString(), field.typeDefault.toNumber());
          else if (field.bytes) {
            var arrayDefault = Array.prototype.slice.call(field.typeDefault);
            gen("if(o.bytes===String)d%s=%j", prop, util.base64.encode(field.typeDefault, 0, field.typeDefault.length))("else{")("d%s=%j", prop, arrayDefault)("if(o.bytes!==Array)d%s=util.newBuffer(d%s)", prop, prop)("}");
          } else if ((field.type === "double" || field.type === "float") && typeof field.typeDefault === "number" && (!isFinite(field.typeDefault) || Object.is(field.typeDefault, -0))) gen("d%s=%f", prop, field.typeDefault)("if(o.json&&!isFinite(d%s))d%s=String(d%s)", prop, prop, prop);
          else gen("d%s=%j", prop, field.typeDefault);
        }
        gen("}");
      }
      var hasKs2 = false;
      for (i = 0; i < fields.length; ++i) {
        var field = fields[i], index = mtype._fieldsArray.indexOf(field), prop = util.safeProp(field.name);
        if (field.map) {
          if (!hasKs2) {
            hasKs2 = true;
            gen("var ks2");
          }
          gen("if(m%s&&(ks2=Object.keys(m%s)).length){", prop, prop)("d%s={}", prop);
          var longKey = types2.long[field.keyType] !== void 0, srcProp = prop + "[ks2[j]]";
          gen("for(var j=0;j<ks2.length;++j){");
          if (longKey) gen("var k2=util.longFromKey(ks2[j],%j).toString()", field.keyType === "uint64" || field.keyType === "fixed64");
          gen('if(ks2[j]==="__proto__")')("util.makeProp(d%s,ks2[j])", prop);
          genValuePartial_toObject(
            gen,
            field,
            /* sorted */
            index,
            longKey ? prop + "[k2]" : srcProp,
            srcProp
          )("}");
        } else if (field.repeated) {
          gen("if(m%s&&m%s.length){", prop, prop)("d%s=Array(m%s.length)", prop, prop)("for(var j=0;j<m%s.length;++j){", prop);
          genValuePartial_toObject(
            gen,
            field,
            /* sorted */
            index,
            prop + "[j]"
          )("}");
        } else {
          gen("if(m%s!=null&&Object.hasOwnProperty.call(m,%j)){", prop, field.name);
          genValuePartial_toObject(
            gen,
            field,
            /* sorted */
            index,
            prop
          );
          if (field.partOf && !field.partOf.isProto3Optional) gen("if(o.oneofs)")("d%s=%j", util.safeProp(field.partOf.name), field.name);
        }
        gen("}");
      }
      return gen("return d");
    };
  }
});

// node_modules/protobufjs/src/wrappers.js
var require_wrappers = __commonJS({
  "node_modules/protobufjs/src/wrappers.js"(exports) {
    "use strict";
    var wrappers = exports;
    var Message = require_message();
    var util = require_minimal();
    wrappers[".google.protobuf.Any"] = {
      fromObject: function(object, depth) {
        if (depth === void 0)
          depth = 0;
        if (depth > util.recursionLimit)
          throw Error("max depth exceeded");
        if (object && object["@type"]) {
          var name = object["@type"].substring(object["@type"].lastIndexOf("/") + 1);
          var type = this.lookup(name, [this.constructor]);
          if (type) {
            var type_url = object["@type"].charAt(0) === "." ? object["@type"].slice(1) : object["@type"];
            if (type_url.indexOf("/") === -1) {
              type_url = "/" + type_url;
            }
            return this.create({
              type_url,
              value: type.encode(type.fromObject(object, depth + 1)).finish()
            });
          }
        }
        return this.fromObject(object, depth);
      },
      toObject: function(message, options, depth) {
        if (depth === void 0)
          depth = 0;
        if (depth > util.recursionLimit)
          throw Error("max depth exceeded");
        var googleApi = "type.googleapis.com/";
        var prefix = "";
        var name = "";
        if (options && options.json && message.type_url && message.value) {
          name = message.type_url.substring(message.type_url.lastIndexOf("/") + 1);
          prefix = message.type_url.substring(0, message.type_url.lastIndexOf("/") + 1);
          var type = this.lookup(name, [this.constructor]);
          if (type)
            message = type.decode(message.value, void 0, void 0, depth + 1);
        }
        if (!(message instanceof this.ctor) && message instanceof Message) {
          var object = message.$type.toObject(message, options, depth + 1);
          var messageName = message.$type.fullName[0] === "." ? message.$type.fullName.slice(1) : message.$type.fullName;
          if (prefix === "") {
            prefix = googleApi;
          }
          name = prefix + messageName;
          object["@type"] = name;
          return object;
        }
        return this.toObject(message, options, depth);
      }
    };
  }
});

// node_modules/protobufjs/src/type.js
var require_type = __commonJS({
  "node_modules/protobufjs/src/type.js"(exports, module) {
    "use strict";
    module.exports = Type;
    var Namespace = require_namespace();
    Type.prototype = Object.create(Namespace.prototype, {
      constructor: {
        value: Type,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Type.className = "Type";
    var Enum = require_enum();
    var OneOf = require_oneof();
    var Field = require_field();
    var MapField = require_mapfield();
    var Service = require_service2();
    var Message = require_message();
    var Reader = require_reader();
    var Writer = require_writer();
    var util = require_util();
    var encoder = require_encoder();
    var decoder = require_decoder();
    var verifier = require_verifier();
    var converter = require_converter();
    var wrappers = require_wrappers();
    function Type(name, options) {
      name = name.replace(/\W/g, "");
      Namespace.call(this, name, options);
      this.fields = {};
      this.oneofs = void 0;
      this.extensions = void 0;
      this.reserved = void 0;
      this.group = void 0;
      this.visibility = void 0;
      this._fieldsById = null;
      this._fieldsArray = null;
      this._oneofsArray = null;
      this._ctor = null;
      this._fieldsByJsonName = null;
    }
    Object.defineProperties(Type.prototype, {
      /**
       * Message fields by id.
       * @name Type#fieldsById
       * @type {Object.<number,Field>}
       * @readonly
       */
      fieldsById: {
        get: function() {
          if (this._fieldsById)
            return this._fieldsById;
          this._fieldsById = {};
          for (var names = Object.keys(this.fields), i = 0; i < names.length; ++i) {
            var field = this.fields[names[i]], id = field.id;
            if (this._fieldsById[id])
              throw Error("duplicate id " + id + " in " + this);
            this._fieldsById[id] = field;
          }
          return this._fieldsById;
        }
      },
      /**
       * Fields of this message as an array for iteration.
       * @name Type#fieldsArray
       * @type {Field[]}
       * @readonly
       */
      fieldsArray: {
        get: function() {
          return this._fieldsArray || (this._fieldsArray = util.toArray(this.fields));
        }
      },
      /**
       * Oneofs of this message as an array for iteration.
       * @name Type#oneofsArray
       * @type {OneOf[]}
       * @readonly
       */
      oneofsArray: {
        get: function() {
          return this._oneofsArray || (this._oneofsArray = util.toArray(this.oneofs));
        }
      },
      /**
       * The registered constructor, if any registered, otherwise a generic constructor.
       * Assigning a function replaces the internal constructor. If the function does not extend {@link Message} yet, its prototype will be setup accordingly and static methods will be populated. If it already extends {@link Message}, it will just replace the internal constructor.
       * When assigning manually, add the type to its parent namespace/root first if fields reference other reflected types, because constructor setup resolves field defaults.
       * @name Type#ctor
       * @type {Constructor<{}>}
       */
      ctor: {
        get: function() {
          return this._ctor || (this.ctor = Type.generateConstructor(this)());
        },
        set: function(ctor) {
          var prototype = ctor.prototype;
          if (!(prototype instanceof Message)) {
            ctor.prototype = new Message();
            Object.defineProperty(ctor.prototype, "constructor", {
              value: ctor,
              writable: true,
              enumerable: false,
              configurable: true
            });
            util.merge(ctor.prototype, prototype);
          }
          ctor.$type = ctor.prototype.$type = this;
          util.merge(ctor, Message, true);
          this._ctor = ctor;
          delete this.decode;
          delete this.fromObject;
          var i = 0;
          for (var field; i < /* initializes */
          this.fieldsArray.length; ++i) {
            field = this._fieldsArray[i].resolve();
            ctor.prototype[field.name] = field.defaultValue;
          }
          var ctorProperties = {};
          for (i = 0; i < /* initializes */
          this.oneofsArray.length; ++i)
            ctorProperties[this._oneofsArray[i].resolve().name] = {
              get: util.oneOfGetter(this._oneofsArray[i].oneof),
              set: util.oneOfSetter(this._oneofsArray[i].oneof)
            };
          if (i)
            Object.defineProperties(ctor.prototype, ctorProperties);
        }
      }
    });
    Type.generateConstructor = function generateConstructor(mtype) {
      var gen = util.codegen(["p"]);
      for (var i = 0, field; i < mtype.fieldsArray.length; ++i)
        if ((field = mtype._fieldsArray[i]).map) gen("this%s={}", util.safeProp(field.name));
        else if (field.repeated) gen("this%s=[]", util.safeProp(field.name));
      return gen('if(p)for(var ks=Object.keys(p),i=0;i<ks.length;++i)if(p[ks[i]]!=null&&ks[i]!=="__proto__")')("this[ks[i]]=p[ks[i]]");
    };
    function clearCache(type) {
      type._fieldsById = type._fieldsArray = type._oneofsArray = type._fieldsByJsonName = null;
      delete type.encode;
      delete type.decode;
      delete type.verify;
      return type;
    }
    Type.fromJSON = function fromJSON(name, json, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.nestingLimit)
        throw Error("max depth exceeded");
      var type = new Type(name, json.options);
      type.extensions = json.extensions;
      type.reserved = json.reserved;
      var names = Object.keys(json.fields), i = 0;
      for (; i < names.length; ++i)
        type.add(
          (typeof json.fields[names[i]].keyType !== "undefined" ? MapField.fromJSON : Field.fromJSON)(names[i], json.fields[names[i]])
        );
      if (json.oneofs)
        for (names = Object.keys(json.oneofs), i = 0; i < names.length; ++i)
          type.add(OneOf.fromJSON(names[i], json.oneofs[names[i]]));
      if (json.nested)
        for (names = Object.keys(json.nested), i = 0; i < names.length; ++i) {
          var nested = json.nested[names[i]];
          type.add(
            // most to least likely
            (nested.id !== void 0 ? Field.fromJSON : nested.fields !== void 0 ? Type.fromJSON : nested.values !== void 0 ? Enum.fromJSON : nested.methods !== void 0 ? Service.fromJSON : Namespace.fromJSON)(names[i], nested, depth + 1)
          );
        }
      if (json.extensions && json.extensions.length)
        type.extensions = json.extensions;
      if (json.reserved && json.reserved.length)
        type.reserved = json.reserved;
      if (json.group)
        type.group = true;
      if (json.visibility)
        type.visibility = json.visibility;
      if (json.comment)
        type.comment = json.comment;
      if (json.edition)
        type._edition = json.edition;
      type._defaultEdition = "proto3";
      return type;
    };
    Type.prototype.toJSON = function toJSON(toJSONOptions) {
      var inherited = Namespace.prototype.toJSON.call(this, toJSONOptions);
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "edition",
        this._editionToJSON(),
        "options",
        inherited && inherited.options || void 0,
        "oneofs",
        Namespace.arrayToJSON(this.oneofsArray, toJSONOptions),
        "fields",
        Namespace.arrayToJSON(this.fieldsArray.filter(function(obj) {
          return !obj.declaringField;
        }), toJSONOptions) || {},
        "extensions",
        this.extensions && this.extensions.length ? this.extensions : void 0,
        "reserved",
        this.reserved && this.reserved.length ? this.reserved : void 0,
        "group",
        this.group || void 0,
        "visibility",
        this.visibility,
        "nested",
        inherited && inherited.nested || void 0,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    Type.prototype.resolveAll = function resolveAll() {
      if (!this._needsRecursiveResolve) return this;
      Namespace.prototype.resolveAll.call(this);
      var oneofs = this.oneofsArray;
      i = 0;
      while (i < oneofs.length)
        oneofs[i++].resolve();
      var fields = this.fieldsArray, i = 0;
      while (i < fields.length)
        fields[i++].resolve();
      return this;
    };
    Type.prototype._resolveFeaturesRecursive = function _resolveFeaturesRecursive(edition) {
      if (!this._needsRecursiveFeatureResolution) return this;
      edition = this._edition || edition;
      Namespace.prototype._resolveFeaturesRecursive.call(this, edition);
      this.oneofsArray.forEach((oneof) => {
        oneof._resolveFeatures(edition);
      });
      this.fieldsArray.forEach((field) => {
        field._resolveFeatures(edition);
      });
      return this;
    };
    Type.prototype.get = function get(name) {
      if (Object.prototype.hasOwnProperty.call(this.fields, name))
        return this.fields[name];
      if (this.oneofs && Object.prototype.hasOwnProperty.call(this.oneofs, name))
        return this.oneofs[name];
      if (this.nested && Object.prototype.hasOwnProperty.call(this.nested, name))
        return this.nested[name];
      return null;
    };
    Type.prototype.add = function add2(object) {
      if (this.get(object.name))
        throw Error("duplicate name '" + object.name + "' in " + this);
      if (object instanceof Field && object.extend === void 0) {
        if (this._fieldsById ? (
          /* istanbul ignore next */
          this._fieldsById[object.id]
        ) : this.fieldsById[object.id])
          throw Error("duplicate id " + object.id + " in " + this);
        if (this.isReservedId(object.id))
          throw Error("id " + object.id + " is reserved in " + this);
        if (this.isReservedName(object.name) || object.name.charAt(0) === "$")
          throw Error("name '" + object.name + "' is reserved in " + this);
        if (object.name === "__proto__")
          return this;
        if (object.parent)
          object.parent.remove(object);
        this.fields[object.name] = object;
        object.message = this;
        object.onAdd(this);
        return clearCache(this);
      }
      if (object instanceof OneOf) {
        if (object.name.charAt(0) === "$")
          throw Error("name '" + object.name + "' is reserved in " + this);
        if (object.name === "__proto__")
          return this;
        if (!this.oneofs)
          this.oneofs = {};
        this.oneofs[object.name] = object;
        object.onAdd(this);
        return clearCache(this);
      }
      return Namespace.prototype.add.call(this, object);
    };
    Type.prototype.remove = function remove(object) {
      if (object instanceof Field && object.extend === void 0) {
        if (!util.remove(this.fields, object, object.name))
          throw Error(object + " is not a member of " + this);
        object.parent = null;
        object.onRemove(this);
        return clearCache(this);
      }
      if (object instanceof OneOf) {
        if (!util.remove(this.oneofs, object, object.name))
          throw Error(object + " is not a member of " + this);
        object.parent = null;
        object.onRemove(this);
        return clearCache(this);
      }
      return Namespace.prototype.remove.call(this, object);
    };
    Type.prototype.isReservedId = function isReservedId(id) {
      return Namespace.isReservedId(this.reserved, id);
    };
    Type.prototype.isReservedName = function isReservedName(name) {
      return Namespace.isReservedName(this.reserved, name);
    };
    Type.prototype.create = function create(properties) {
      return new this.ctor(properties);
    };
    Type.prototype.setup = function setup() {
      var root = this.root;
      if (root && root._needsRecursiveFeatureResolution) {
        var edition = root._edition || this._edition;
        if (edition)
          root._resolveFeaturesRecursive(edition);
      }
      var fullName = this.fullName, types2 = [];
      for (var i = 0; i < /* initializes */
      this.fieldsArray.length; ++i)
        types2.push(this._fieldsArray[i].resolve().resolvedType);
      this.encode = encoder(this)({
        Writer,
        types: types2,
        util
      });
      this.decode = decoder(this)({
        Reader,
        types: types2,
        util,
        C: this.ctor
      });
      this.verify = verifier(this)({
        types: types2,
        util
      });
      this.fromObject = converter.fromObject(this)({
        types: types2,
        util,
        C: this.ctor
      });
      this.toObject = converter.toObject(this)({
        types: types2,
        util
      });
      var wrapper = wrappers[fullName];
      if (wrapper) {
        var wrapperThis = Object.create(this);
        wrapperThis._ctor = this.ctor;
        wrapperThis.fromObject = this.fromObject;
        this.fromObject = wrapper.fromObject.bind(wrapperThis);
        wrapperThis.toObject = this.toObject;
        this.toObject = wrapper.toObject.bind(wrapperThis);
      }
      return this;
    };
    Type.prototype.encode = function encode_setup(message, writer) {
      return this.setup().encode.apply(this, arguments);
    };
    Type.prototype.encodeDelimited = function encodeDelimited(message, writer) {
      return this.encode(message, (writer || Writer.create()).fork()).ldelim();
    };
    Type.prototype.decode = function decode_setup(reader, length) {
      return this.setup().decode.apply(this, arguments);
    };
    Type.prototype.decodeDelimited = function decodeDelimited(reader) {
      if (!(reader instanceof Reader))
        reader = Reader.create(reader);
      return this.decode(reader, reader.size());
    };
    Type.prototype.verify = function verify_setup(message) {
      return this.setup().verify.apply(this, arguments);
    };
    Type.prototype.fromObject = function fromObject(object) {
      return this.setup().fromObject.apply(this, arguments);
    };
    Type.prototype.toObject = function toObject(message, options) {
      return this.setup().toObject.apply(this, arguments);
    };
    Type.prototype.getTypeUrl = function getTypeUrl(prefix) {
      if (prefix === void 0)
        prefix = "type.googleapis.com";
      var fullName = this.fullName;
      return prefix + "/" + (fullName.charAt(0) === "." ? fullName.substring(1) : fullName);
    };
    Type.d = function decorateType(typeName) {
      return function typeDecorator(target) {
        util.decorateType(target, typeName);
      };
    };
  }
});

// node_modules/protobufjs/src/root.js
var require_root = __commonJS({
  "node_modules/protobufjs/src/root.js"(exports, module) {
    "use strict";
    module.exports = Root;
    var Namespace = require_namespace();
    Root.prototype = Object.create(Namespace.prototype, {
      constructor: {
        value: Root,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Root.className = "Root";
    var Field = require_field();
    var Enum = require_enum();
    var OneOf = require_oneof();
    var util = require_util();
    var Type;
    var parse;
    var common;
    function Root(options) {
      Namespace.call(this, "", options);
      this.deferred = [];
      this.files = [];
      this._edition = "proto2";
      this._fullyQualifiedObjects = {};
    }
    Root.fromJSON = function fromJSON(json, root, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.recursionLimit)
        throw Error("max depth exceeded");
      if (!root)
        root = new Root();
      if (json.options)
        root.setOptions(json.options);
      return root.addJSON(json.nested, depth).resolveAll();
    };
    Root.prototype.resolvePath = util.path.resolve;
    Root.prototype.fetch = util.fetch;
    function SYNC() {
    }
    Root.prototype.load = function load(filename, options, callback) {
      if (typeof options === "function") {
        callback = options;
        options = void 0;
      }
      var self2 = this;
      if (!callback) {
        return util.asPromise(load, self2, filename, options);
      }
      var sync = callback === SYNC;
      function finish(err, root) {
        if (!callback) {
          return;
        }
        if (sync) {
          throw err;
        }
        if (root) {
          root.resolveAll();
        }
        var cb = callback;
        callback = null;
        cb(err, root);
      }
      function getBundledFileName(filename2) {
        var idx = filename2.lastIndexOf("google/protobuf/");
        if (idx > -1) {
          var altname = filename2.substring(idx);
          if (Object.prototype.hasOwnProperty.call(common, altname)) return altname;
        }
        if (Object.prototype.hasOwnProperty.call(common, filename2)) return filename2;
        return null;
      }
      function process2(filename2, source, depth) {
        if (depth === void 0)
          depth = 0;
        try {
          if (depth > util.recursionLimit)
            throw Error("max depth exceeded");
          if (util.isString(source) && source.charAt(0) === "{")
            source = JSON.parse(source);
          if (!util.isString(source))
            self2.setOptions(source.options).addJSON(source.nested);
          else {
            parse.filename = filename2;
            var parsed = parse(source, self2, options), resolved2, i2 = 0;
            if (parsed.imports) {
              for (; i2 < parsed.imports.length; ++i2)
                if (resolved2 = getBundledFileName(parsed.imports[i2]) || self2.resolvePath(filename2, parsed.imports[i2]))
                  fetch(resolved2, false, depth + 1);
            }
            if (parsed.weakImports) {
              for (i2 = 0; i2 < parsed.weakImports.length; ++i2)
                if (resolved2 = getBundledFileName(parsed.weakImports[i2]) || self2.resolvePath(filename2, parsed.weakImports[i2]))
                  fetch(resolved2, true, depth + 1);
            }
          }
        } catch (err) {
          finish(err);
        }
        if (!sync && !queued) {
          finish(null, self2);
        }
      }
      function fetch(filename2, weak, depth) {
        if (depth === void 0)
          depth = 0;
        filename2 = getBundledFileName(filename2) || filename2;
        if (self2.files.indexOf(filename2) > -1) {
          return;
        }
        self2.files.push(filename2);
        if (Object.prototype.hasOwnProperty.call(common, filename2)) {
          if (sync) {
            process2(filename2, common[filename2], depth);
          } else {
            ++queued;
            setTimeout(function() {
              --queued;
              process2(filename2, common[filename2], depth);
            });
          }
          return;
        }
        if (sync) {
          var source;
          try {
            source = util.fs.readFileSync(filename2).toString("utf8");
          } catch (err) {
            if (!weak)
              finish(err);
            return;
          }
          process2(filename2, source, depth);
        } else {
          ++queued;
          self2.fetch(filename2, function(err, source2) {
            --queued;
            if (!callback) {
              return;
            }
            if (err) {
              if (!weak)
                finish(err);
              else if (!queued)
                finish(null, self2);
              return;
            }
            process2(filename2, source2, depth);
          });
        }
      }
      var queued = 0;
      if (util.isString(filename)) {
        filename = [filename];
      }
      for (var i = 0, resolved; i < filename.length; ++i)
        if (resolved = self2.resolvePath("", filename[i]))
          fetch(resolved);
      if (sync) {
        self2.resolveAll();
        return self2;
      }
      if (!queued) {
        finish(null, self2);
      }
      return self2;
    };
    Root.prototype.loadSync = function loadSync(filename, options) {
      if (!util.isNode)
        throw Error("not supported");
      return this.load(filename, options, SYNC);
    };
    Root.prototype.resolveAll = function resolveAll() {
      if (!this._needsRecursiveResolve) return this;
      if (this.deferred.length)
        throw Error("unresolvable extensions: " + this.deferred.map(function(field) {
          return "'extend " + field.extend + "' in " + field.parent.fullName;
        }).join(", "));
      return Namespace.prototype.resolveAll.call(this);
    };
    var exposeRe = /^[A-Z]/;
    function tryHandleExtension(root, field) {
      var extendedType = field.parent.lookup(field.extend);
      if (extendedType) {
        var sisterField = new Field(field.fullName, field.id, field.type, field.rule, void 0, field.options);
        if (extendedType.get(sisterField.name)) {
          return true;
        }
        sisterField.declaringField = field;
        field.extensionField = sisterField;
        extendedType.add(sisterField);
        return true;
      }
      return false;
    }
    Root.prototype._handleAdd = function _handleAdd(object) {
      if (object instanceof Field) {
        if (
          /* an extension field (implies not part of a oneof) */
          object.extend !== void 0 && /* not already handled */
          !object.extensionField
        ) {
          if (!tryHandleExtension(this, object))
            this.deferred.push(object);
        }
      } else if (object instanceof Enum) {
        if (exposeRe.test(object.name))
          object.parent[object.name] = object.values;
      } else if (!(object instanceof OneOf)) {
        if (object instanceof Type)
          for (var i = 0; i < this.deferred.length; )
            if (tryHandleExtension(this, this.deferred[i]))
              this.deferred.splice(i, 1);
            else
              ++i;
        for (var j = 0; j < /* initializes */
        object.nestedArray.length; ++j)
          this._handleAdd(object._nestedArray[j]);
        if (exposeRe.test(object.name))
          object.parent[object.name] = object;
      }
      if (object instanceof Type || object instanceof Enum || object instanceof Field) {
        this._fullyQualifiedObjects[object.fullName] = object;
      }
    };
    Root.prototype._handleRemove = function _handleRemove(object) {
      if (object instanceof Field) {
        if (
          /* an extension field */
          object.extend !== void 0
        ) {
          if (
            /* already handled */
            object.extensionField
          ) {
            object.extensionField.parent.remove(object.extensionField);
            object.extensionField = null;
          } else {
            var index = this.deferred.indexOf(object);
            if (index > -1)
              this.deferred.splice(index, 1);
          }
        }
      } else if (object instanceof Enum) {
        if (exposeRe.test(object.name))
          delete object.parent[object.name];
      } else if (object instanceof Namespace) {
        for (var i = 0; i < /* initializes */
        object.nestedArray.length; ++i)
          this._handleRemove(object._nestedArray[i]);
        if (exposeRe.test(object.name))
          delete object.parent[object.name];
      }
      delete this._fullyQualifiedObjects[object.fullName];
    };
    Root._configure = function(Type_, parse_, common_) {
      Type = Type_;
      parse = parse_;
      common = common_;
    };
  }
});

// node_modules/protobufjs/src/util.js
var require_util = __commonJS({
  "node_modules/protobufjs/src/util.js"(exports, module) {
    "use strict";
    var util = module.exports = require_minimal();
    var roots = require_roots();
    var Type;
    var Enum;
    util.codegen = require_codegen();
    util.fetch = require_fetch();
    util.path = require_path();
    util.patterns = require_patterns();
    var reservedRe = util.patterns.reservedRe;
    util.fs = require_fs();
    util.toArray = function toArray(object) {
      if (object) {
        var keys = Object.keys(object), array = new Array(keys.length), index = 0;
        while (index < keys.length)
          array[index] = object[keys[index++]];
        return array;
      }
      return [];
    };
    util.toObject = function toObject(array) {
      var object = {}, index = 0;
      while (index < array.length) {
        var key = array[index++], val = array[index++];
        if (val !== void 0)
          object[key] = val;
      }
      return object;
    };
    util.remove = function remove(object, value, key) {
      if (!object)
        return false;
      if (key !== void 0 && Object.prototype.hasOwnProperty.call(object, key) && object[key] === value) {
        delete object[key];
        return true;
      }
      for (var names = Object.keys(object), i = 0; i < names.length; ++i)
        if (object[names[i]] === value) {
          delete object[names[i]];
          return true;
        }
      return false;
    };
    util.isReserved = function isReserved(name) {
      return reservedRe.test(name);
    };
    util.safeProp = function safeProp(prop) {
      if (!/^[$\w_]+$/.test(prop) || reservedRe.test(prop))
        return "[" + JSON.stringify(prop) + "]";
      return "." + prop;
    };
    util.ucFirst = function ucFirst(str) {
      return str.charAt(0).toUpperCase() + str.substring(1);
    };
    var camelCaseRe = /_([a-z])/g;
    util.camelCase = function camelCase(str) {
      return str.substring(0, 1) + str.substring(1).replace(camelCaseRe, function($0, $1) {
        return $1.toUpperCase();
      });
    };
    util.jsonName = function jsonName(str) {
      var result = "", upperNext = false, i = 0;
      for (; i < str.length; ++i) {
        var ch = str.charAt(i);
        if (ch === "_")
          upperNext = true;
        else if (upperNext) {
          result += ch.toUpperCase();
          upperNext = false;
        } else
          result += ch;
      }
      return result;
    };
    util.compareFieldsById = function compareFieldsById(a, b) {
      return a.id - b.id;
    };
    util.decorateType = function decorateType(ctor, typeName) {
      if (ctor.$type) {
        if (typeName && ctor.$type.name !== typeName) {
          util.decorateRoot.remove(ctor.$type);
          ctor.$type.name = typeName;
          util.decorateRoot.add(ctor.$type);
        }
        return ctor.$type;
      }
      if (!Type)
        Type = require_type();
      var type = new Type(typeName || ctor.name);
      util.decorateRoot.add(type);
      type.ctor = ctor;
      Object.defineProperty(ctor, "$type", { value: type, enumerable: false });
      Object.defineProperty(ctor.prototype, "$type", { value: type, enumerable: false });
      return type;
    };
    var decorateEnumIndex = 0;
    util.decorateEnum = function decorateEnum(object) {
      if (object.$type)
        return object.$type;
      if (!Enum)
        Enum = require_enum();
      var enm = new Enum("Enum" + decorateEnumIndex++, object);
      util.decorateRoot.add(enm);
      Object.defineProperty(object, "$type", { value: enm, enumerable: false });
      return enm;
    };
    util.setProperty = function setProperty(dst, path2, value, ifNotSet) {
      function setProp(dst2, path3, value2) {
        var part = path3.shift();
        if (util.isUnsafeProperty(part))
          return dst2;
        if (path3.length > 0) {
          dst2[part] = setProp(dst2[part] || {}, path3, value2);
        } else {
          var prevValue = dst2[part];
          if (prevValue && ifNotSet)
            return dst2;
          if (prevValue)
            value2 = [].concat(prevValue).concat(value2);
          dst2[part] = value2;
        }
        return dst2;
      }
      if (typeof dst !== "object")
        throw TypeError("dst must be an object");
      if (!path2)
        throw TypeError("path must be specified");
      path2 = path2.split(".");
      if (path2.length > util.recursionLimit)
        throw Error("max depth exceeded");
      return setProp(dst, path2, value);
    };
    Object.defineProperty(util, "decorateRoot", {
      get: function() {
        return roots["decorated"] || (roots["decorated"] = new (require_root())());
      }
    });
  }
});

// node_modules/protobufjs/src/types.js
var require_types = __commonJS({
  "node_modules/protobufjs/src/types.js"(exports) {
    "use strict";
    var types2 = exports;
    var util = require_util();
    var s = [
      "double",
      // 0
      "float",
      // 1
      "int32",
      // 2
      "uint32",
      // 3
      "sint32",
      // 4
      "fixed32",
      // 5
      "sfixed32",
      // 6
      "int64",
      // 7
      "uint64",
      // 8
      "sint64",
      // 9
      "fixed64",
      // 10
      "sfixed64",
      // 11
      "bool",
      // 12
      "string",
      // 13
      "bytes"
      // 14
    ];
    function bake(values, offset) {
      var i = 0, o = /* @__PURE__ */ Object.create(null);
      offset |= 0;
      while (i < values.length) o[s[i + offset]] = values[i++];
      return o;
    }
    types2.basic = bake([
      /* double   */
      1,
      /* float    */
      5,
      /* int32    */
      0,
      /* uint32   */
      0,
      /* sint32   */
      0,
      /* fixed32  */
      5,
      /* sfixed32 */
      5,
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      1,
      /* sfixed64 */
      1,
      /* bool     */
      0,
      /* string   */
      2,
      /* bytes    */
      2
    ]);
    types2.defaults = bake([
      /* double   */
      0,
      /* float    */
      0,
      /* int32    */
      0,
      /* uint32   */
      0,
      /* sint32   */
      0,
      /* fixed32  */
      0,
      /* sfixed32 */
      0,
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      0,
      /* sfixed64 */
      0,
      /* bool     */
      false,
      /* string   */
      "",
      /* bytes    */
      util.emptyArray,
      /* message  */
      null
    ]);
    types2.long = bake([
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      1,
      /* sfixed64 */
      1
    ], 7);
    types2.mapKey = bake([
      /* int32    */
      0,
      /* uint32   */
      0,
      /* sint32   */
      0,
      /* fixed32  */
      5,
      /* sfixed32 */
      5,
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      1,
      /* sfixed64 */
      1,
      /* bool     */
      0,
      /* string   */
      2
    ], 2);
    types2.packed = bake([
      /* double   */
      1,
      /* float    */
      5,
      /* int32    */
      0,
      /* uint32   */
      0,
      /* sint32   */
      0,
      /* fixed32  */
      5,
      /* sfixed32 */
      5,
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      1,
      /* sfixed64 */
      1,
      /* bool     */
      0
    ]);
  }
});

// node_modules/protobufjs/src/field.js
var require_field = __commonJS({
  "node_modules/protobufjs/src/field.js"(exports, module) {
    "use strict";
    module.exports = Field;
    var ReflectionObject = require_object();
    Field.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: Field,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Field.className = "Field";
    var Enum = require_enum();
    var types2 = require_types();
    var util = require_util();
    var Type;
    var ruleRe = /^(?:required|optional|repeated)$/;
    Field.fromJSON = function fromJSON(name, json) {
      var field = new Field(name, json.id, json.type, json.rule, json.extend, json.options, json.comment);
      if (json.edition)
        field._edition = json.edition;
      if (json.protoName)
        field.protoName = json.protoName;
      if (json.jsonName !== void 0)
        field.jsonName = json.jsonName;
      else if (json.options && json.options.json_name !== void 0)
        field.jsonName = json.options.json_name;
      field._defaultEdition = "proto3";
      return field;
    };
    function Field(name, id, type, rule, extend, options, comment) {
      if (util.isObject(rule)) {
        comment = extend;
        options = rule;
        rule = extend = void 0;
      } else if (util.isObject(extend)) {
        comment = options;
        options = extend;
        extend = void 0;
      }
      ReflectionObject.call(this, name, options);
      if (!util.isInteger(id) || id < 0)
        throw TypeError("id must be a non-negative integer");
      if (!util.isString(type))
        throw TypeError("type must be a string");
      if (rule !== void 0 && !ruleRe.test(rule = rule.toString().toLowerCase()))
        throw TypeError("rule must be a string rule");
      if (extend !== void 0 && !util.isString(extend))
        throw TypeError("extend must be a string");
      this.rule = rule && rule !== "optional" ? rule : void 0;
      this.type = type;
      this.id = id;
      this.extend = extend || void 0;
      this.repeated = rule === "repeated";
      this.map = false;
      this.message = null;
      this.partOf = null;
      this.typeDefault = null;
      this.defaultValue = null;
      this.long = util.Long ? types2.long[type] !== void 0 : (
        /* istanbul ignore next */
        false
      );
      this.bytes = type === "bytes";
      this.resolvedType = null;
      this.extensionField = null;
      this.declaringField = null;
      this.comment = comment;
      this.protoName = void 0;
      this.jsonName = void 0;
    }
    Object.defineProperty(Field.prototype, "required", {
      get: function() {
        return this._features.field_presence === "LEGACY_REQUIRED";
      }
    });
    Object.defineProperty(Field.prototype, "optional", {
      get: function() {
        return !this.required;
      }
    });
    Object.defineProperty(Field.prototype, "delimited", {
      get: function() {
        return this.resolvedType instanceof Type && this._features.message_encoding === "DELIMITED";
      }
    });
    Object.defineProperty(Field.prototype, "packed", {
      get: function() {
        return this._features.repeated_field_encoding === "PACKED";
      }
    });
    Object.defineProperty(Field.prototype, "hasPresence", {
      get: function() {
        if (this.repeated || this.map) {
          return false;
        }
        return this.partOf || // oneofs
        this.declaringField || this.extensionField || // extensions
        this._features.field_presence !== "IMPLICIT";
      }
    });
    Field.prototype.setOption = function setOption(name, value, ifNotSet) {
      return ReflectionObject.prototype.setOption.call(this, name, value, ifNotSet);
    };
    Field.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "edition",
        this._editionToJSON(),
        "rule",
        this.rule !== "optional" && this.rule || void 0,
        "type",
        this.type,
        "id",
        this.id,
        "extend",
        this.extend,
        "protoName",
        this.protoName !== this.name ? this.protoName : void 0,
        "jsonName",
        this.jsonName !== util.jsonName(this.protoName || this.name) ? this.jsonName : void 0,
        "options",
        this.options,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    Field.prototype.resolve = function resolve6() {
      if (this.resolved)
        return this;
      if ((this.typeDefault = types2.defaults[this.type]) === void 0) {
        this.resolvedType = (this.declaringField ? this.declaringField.parent : this.parent).lookupTypeOrEnum(this.type);
        if (this.resolvedType instanceof Type)
          this.typeDefault = null;
        else
          this.typeDefault = this.resolvedType.values[Object.keys(this.resolvedType.values)[0]];
      } else if (this.options && this.options.proto3_optional) {
        this.typeDefault = null;
      }
      if (this.options && this.options["default"] != null) {
        this.typeDefault = this.options["default"];
        if (this.resolvedType instanceof Enum && typeof this.typeDefault === "string")
          this.typeDefault = this.resolvedType.values[this.typeDefault];
      }
      if (this.options) {
        if (this.options.packed !== void 0 && this.resolvedType && !(this.resolvedType instanceof Enum))
          delete this.options.packed;
        if (!Object.keys(this.options).length)
          this.options = void 0;
      }
      if (this.long) {
        var unsigned = this.type === "uint64" || this.type === "fixed64";
        this.typeDefault = typeof this.typeDefault === "string" ? util.Long.fromString(this.typeDefault, unsigned) : util.Long.fromNumber(this.typeDefault, unsigned);
        if (Object.freeze)
          Object.freeze(this.typeDefault);
      } else if (types2.long[this.type] !== void 0 && typeof this.typeDefault === "string") {
        this.typeDefault = parseInt(this.typeDefault, 10);
      } else if (this.bytes && typeof this.typeDefault === "string") {
        var buf;
        if (util.base64.test(this.typeDefault))
          util.base64.decode(this.typeDefault, buf = util.newBuffer(util.base64.length(this.typeDefault)), 0);
        else
          util.utf8.write(this.typeDefault, buf = util.newBuffer(util.utf8.length(this.typeDefault)), 0);
        this.typeDefault = buf;
      }
      if (this.map)
        this.defaultValue = util.emptyObject;
      else if (this.repeated)
        this.defaultValue = util.emptyArray;
      else
        this.defaultValue = this.typeDefault;
      if (this.parent instanceof Type && this.parent._ctor)
        this.parent._ctor.prototype[this.name] = this.defaultValue;
      if (this.protoName === void 0)
        this.protoName = this.name;
      if (this.jsonName === void 0)
        this.jsonName = util.jsonName(this.protoName);
      return ReflectionObject.prototype.resolve.call(this);
    };
    Field.prototype._inferLegacyProtoFeatures = function _inferLegacyProtoFeatures(edition) {
      if (edition !== "proto2" && edition !== "proto3") {
        return {};
      }
      var features = {};
      if (this.rule === "required") {
        features.field_presence = "LEGACY_REQUIRED";
      }
      if (this.parent && types2.defaults[this.type] === void 0) {
        var type = this.parent.get(this.type.split(".").pop());
        if (type && type instanceof Type && type.group) {
          features.message_encoding = "DELIMITED";
        }
      }
      if (this.getOption("packed") === true) {
        features.repeated_field_encoding = "PACKED";
      } else if (this.getOption("packed") === false) {
        features.repeated_field_encoding = "EXPANDED";
      }
      return features;
    };
    Field.prototype._resolveFeatures = function _resolveFeatures(edition) {
      return ReflectionObject.prototype._resolveFeatures.call(this, this._edition || edition);
    };
    Field.d = function decorateField(fieldId, fieldType, fieldRule, defaultValue) {
      if (typeof fieldType === "function")
        fieldType = util.decorateType(fieldType).name;
      else if (fieldType && typeof fieldType === "object")
        fieldType = util.decorateEnum(fieldType).name;
      return function fieldDecorator(prototype, fieldName) {
        util.decorateType(prototype.constructor).add(new Field(fieldName, fieldId, fieldType, fieldRule, { "default": defaultValue }));
      };
    };
    Field._configure = function configure(Type_) {
      Type = Type_;
    };
  }
});

// node_modules/protobufjs/src/oneof.js
var require_oneof = __commonJS({
  "node_modules/protobufjs/src/oneof.js"(exports, module) {
    "use strict";
    module.exports = OneOf;
    var ReflectionObject = require_object();
    OneOf.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: OneOf,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    OneOf.className = "OneOf";
    var Field = require_field();
    var util = require_util();
    function OneOf(name, fieldNames, options, comment) {
      if (!Array.isArray(fieldNames)) {
        options = fieldNames;
        fieldNames = void 0;
      }
      ReflectionObject.call(this, name, options);
      if (!(fieldNames === void 0 || Array.isArray(fieldNames)))
        throw TypeError("fieldNames must be an Array");
      this.oneof = fieldNames || [];
      this.fieldsArray = [];
      this.comment = comment;
    }
    OneOf.fromJSON = function fromJSON(name, json) {
      return new OneOf(name, json.oneof, json.options, json.comment);
    };
    OneOf.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "options",
        this.options,
        "oneof",
        this.oneof,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    function addFieldsToParent(oneof) {
      if (oneof.parent) {
        for (var i = 0; i < oneof.fieldsArray.length; ++i)
          if (!oneof.fieldsArray[i].parent)
            oneof.parent.add(oneof.fieldsArray[i]);
      }
    }
    OneOf.prototype.add = function add2(field) {
      if (!(field instanceof Field))
        throw TypeError("field must be a Field");
      if (field.parent && field.parent !== this.parent)
        field.parent.remove(field);
      this.oneof.push(field.name);
      this.fieldsArray.push(field);
      field.partOf = this;
      addFieldsToParent(this);
      return this;
    };
    OneOf.prototype.remove = function remove(field) {
      if (!(field instanceof Field))
        throw TypeError("field must be a Field");
      var index = this.fieldsArray.indexOf(field);
      if (index < 0)
        throw Error(field + " is not a member of " + this);
      this.fieldsArray.splice(index, 1);
      index = this.oneof.indexOf(field.name);
      if (index > -1)
        this.oneof.splice(index, 1);
      field.partOf = null;
      return this;
    };
    OneOf.prototype.onAdd = function onAdd(parent) {
      ReflectionObject.prototype.onAdd.call(this, parent);
      var self2 = this;
      for (var i = 0; i < this.oneof.length; ++i) {
        var field = parent.get(this.oneof[i]);
        if (field && !field.partOf) {
          field.partOf = self2;
          self2.fieldsArray.push(field);
        }
      }
      addFieldsToParent(this);
    };
    OneOf.prototype.onRemove = function onRemove(parent) {
      for (var i = 0, field; i < this.fieldsArray.length; ++i)
        if ((field = this.fieldsArray[i]).parent)
          field.parent.remove(field);
      ReflectionObject.prototype.onRemove.call(this, parent);
    };
    Object.defineProperty(OneOf.prototype, "isProto3Optional", {
      get: function() {
        if (this.fieldsArray == null || this.fieldsArray.length !== 1) {
          return false;
        }
        var field = this.fieldsArray[0];
        return field.options != null && field.options["proto3_optional"] === true;
      }
    });
    OneOf.d = function decorateOneOf() {
      var fieldNames = new Array(arguments.length), index = 0;
      while (index < arguments.length)
        fieldNames[index] = arguments[index++];
      return function oneOfDecorator(prototype, oneofName) {
        util.decorateType(prototype.constructor).add(new OneOf(oneofName, fieldNames));
        Object.defineProperty(prototype, oneofName, {
          get: util.oneOfGetter(fieldNames),
          set: util.oneOfSetter(fieldNames)
        });
      };
    };
  }
});

// node_modules/protobufjs/src/object.js
var require_object = __commonJS({
  "node_modules/protobufjs/src/object.js"(exports, module) {
    "use strict";
    module.exports = ReflectionObject;
    ReflectionObject.className = "ReflectionObject";
    var OneOf = require_oneof();
    var util = require_util();
    var Root;
    var proto2Defaults = { enum_type: "CLOSED", field_presence: "EXPLICIT", json_format: "LEGACY_BEST_EFFORT", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "EXPANDED", utf8_validation: "NONE", enforce_naming_style: "STYLE_LEGACY", default_symbol_visibility: "EXPORT_ALL" };
    var proto3Defaults = { enum_type: "OPEN", field_presence: "IMPLICIT", json_format: "ALLOW", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "PACKED", utf8_validation: "VERIFY", enforce_naming_style: "STYLE_LEGACY", default_symbol_visibility: "EXPORT_ALL" };
    var editions2023Defaults = { enum_type: "OPEN", field_presence: "EXPLICIT", json_format: "ALLOW", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "PACKED", utf8_validation: "VERIFY", enforce_naming_style: "STYLE_LEGACY", default_symbol_visibility: "EXPORT_ALL" };
    var editions2024Defaults = { enum_type: "OPEN", field_presence: "EXPLICIT", json_format: "ALLOW", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "PACKED", utf8_validation: "VERIFY", enforce_naming_style: "STYLE2024", default_symbol_visibility: "EXPORT_TOP_LEVEL" };
    var editions2026Defaults = { enum_type: "OPEN", field_presence: "EXPLICIT", json_format: "ALLOW", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "PACKED", utf8_validation: "VERIFY", enforce_naming_style: "STYLE2026", default_symbol_visibility: "STRICT", enforce_proto_limits: "PROTO_LIMITS2026" };
    function ReflectionObject(name, options) {
      if (!util.isString(name))
        throw TypeError("name must be a string");
      if (options && !util.isObject(options))
        throw TypeError("options must be an object");
      this.options = options;
      this.parsedOptions = null;
      this.name = name;
      this._edition = null;
      this._defaultEdition = "proto2";
      this._features = {};
      this._featuresResolved = false;
      this.parent = null;
      this.resolved = false;
      this.comment = null;
      this.filename = null;
    }
    Object.defineProperties(ReflectionObject.prototype, {
      /**
       * Reference to the root namespace.
       * @name ReflectionObject#root
       * @type {Root}
       * @readonly
       */
      root: {
        get: function() {
          var ptr = this;
          while (ptr.parent !== null)
            ptr = ptr.parent;
          return ptr;
        }
      },
      /**
       * Full name including leading dot.
       * @name ReflectionObject#fullName
       * @type {string}
       * @readonly
       */
      fullName: {
        get: function() {
          var path2 = [this.name], ptr = this.parent;
          while (ptr) {
            path2.unshift(ptr.name);
            ptr = ptr.parent;
          }
          return path2.join(".");
        }
      }
    });
    ReflectionObject.prototype.toJSON = /* istanbul ignore next */
    function toJSON() {
      throw Error();
    };
    ReflectionObject.prototype.onAdd = function onAdd(parent) {
      if (this.parent && this.parent !== parent)
        this.parent.remove(this);
      this.parent = parent;
      this.resolved = false;
      var root = parent.root;
      if (root instanceof Root)
        root._handleAdd(this);
    };
    ReflectionObject.prototype.onRemove = function onRemove(parent) {
      var root = parent.root;
      if (root instanceof Root)
        root._handleRemove(this);
      this.parent = null;
      this.resolved = false;
    };
    ReflectionObject.prototype.resolve = function resolve6() {
      if (this.resolved)
        return this;
      if (this.root instanceof Root)
        this.resolved = true;
      return this;
    };
    ReflectionObject.prototype._resolveFeaturesRecursive = function _resolveFeaturesRecursive(edition) {
      return this._resolveFeatures(this._edition || edition);
    };
    ReflectionObject.prototype._resolveFeatures = function _resolveFeatures(edition) {
      if (this._featuresResolved) {
        return;
      }
      var defaults = {};
      if (!edition) {
        throw new Error("Unknown edition for " + this.fullName);
      }
      var protoFeatures = util.merge(
        {},
        this.options && this.options.features,
        this._inferLegacyProtoFeatures(edition)
      );
      if (this._edition) {
        if (edition === "proto2") {
          defaults = Object.assign({}, proto2Defaults);
        } else if (edition === "proto3") {
          defaults = Object.assign({}, proto3Defaults);
        } else if (edition === "2023") {
          defaults = Object.assign({}, editions2023Defaults);
        } else if (edition === "2024") {
          defaults = Object.assign({}, editions2024Defaults);
        } else if (edition === "2026") {
          defaults = Object.assign({}, editions2026Defaults);
        } else {
          throw new Error("Unknown edition: " + edition);
        }
        this._features = util.merge(defaults, protoFeatures);
      } else {
        if (this.partOf instanceof OneOf) {
          var lexicalParentFeaturesCopy = util.merge({}, this.partOf._features);
          this._features = util.merge(lexicalParentFeaturesCopy, protoFeatures);
        } else if (this.declaringField) {
        } else if (this.parent) {
          var parentFeaturesCopy = util.merge({}, this.parent._features);
          this._features = util.merge(parentFeaturesCopy, protoFeatures);
        } else {
          throw new Error("Unable to find a parent for " + this.fullName);
        }
      }
      if (this.extensionField) {
        this.extensionField._features = this._features;
      }
      this._featuresResolved = true;
    };
    ReflectionObject.prototype._inferLegacyProtoFeatures = function _inferLegacyProtoFeatures() {
      return {};
    };
    ReflectionObject.prototype.getOption = function getOption(name) {
      if (this.options && Object.prototype.hasOwnProperty.call(this.options, name))
        return this.options[name];
      return void 0;
    };
    ReflectionObject.prototype.setOption = function setOption(name, value, ifNotSet) {
      if (name === "__proto__")
        return this;
      if (!this.options)
        this.options = {};
      if (/^features\./.test(name)) {
        util.setProperty(this.options, name, value, ifNotSet);
      } else {
        var prev = this.getOption(name);
        if (!ifNotSet || prev === void 0) {
          if (prev !== value) this.resolved = false;
          this.options[name] = value;
        }
      }
      return this;
    };
    ReflectionObject.prototype.setParsedOption = function setParsedOption(name, value, propName) {
      if (name === "__proto__")
        return this;
      if (!this.parsedOptions) {
        this.parsedOptions = [];
      }
      var parsedOptions = this.parsedOptions;
      if (propName) {
        var opt = parsedOptions.find(function(opt2) {
          return Object.prototype.hasOwnProperty.call(opt2, name);
        });
        if (opt) {
          var newValue = opt[name];
          util.setProperty(newValue, propName, value);
        } else {
          opt = {};
          opt[name] = util.setProperty({}, propName, value);
          parsedOptions.push(opt);
        }
      } else {
        var newOpt = {};
        newOpt[name] = value;
        parsedOptions.push(newOpt);
      }
      return this;
    };
    ReflectionObject.prototype.setOptions = function setOptions(options, ifNotSet) {
      if (options)
        for (var keys = Object.keys(options), i = 0; i < keys.length; ++i)
          this.setOption(keys[i], options[keys[i]], ifNotSet);
      return this;
    };
    Object.defineProperty(ReflectionObject.prototype, "toString", {
      value: function toString() {
        var className = this.constructor.className, fullName = this.fullName;
        if (fullName.length)
          return className + " " + fullName;
        return className;
      },
      writable: true,
      enumerable: false,
      configurable: true
    });
    ReflectionObject.prototype._editionToJSON = function _editionToJSON() {
      if (!this._edition || this._edition === "proto3") {
        return void 0;
      }
      return this._edition;
    };
    ReflectionObject._configure = function(Root_) {
      Root = Root_;
    };
  }
});

// node_modules/protobufjs/src/enum.js
var require_enum = __commonJS({
  "node_modules/protobufjs/src/enum.js"(exports, module) {
    "use strict";
    module.exports = Enum;
    var ReflectionObject = require_object();
    Enum.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: Enum,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Enum.className = "Enum";
    var Namespace = require_namespace();
    var util = require_util();
    function Enum(name, values, options, comment, comments, valuesOptions) {
      ReflectionObject.call(this, name, options);
      if (values && typeof values !== "object")
        throw TypeError("values must be an object");
      this.valuesById = /* @__PURE__ */ Object.create(null);
      this.values = Object.create(this.valuesById);
      this.comment = comment;
      this.comments = comments || {};
      this.valuesOptions = valuesOptions;
      this._valuesFeatures = {};
      this.reserved = void 0;
      this.visibility = void 0;
      if (values) {
        for (var keys = Object.keys(values), i = 0; i < keys.length; ++i)
          if (keys[i] !== "__proto__" && typeof values[keys[i]] === "number") {
            this.values[keys[i]] = values[keys[i]];
            if (this.valuesById[values[keys[i]]] === void 0)
              this.valuesById[values[keys[i]]] = keys[i];
          }
      }
    }
    Enum.prototype._resolveFeatures = function _resolveFeatures(edition) {
      edition = this._edition || edition;
      ReflectionObject.prototype._resolveFeatures.call(this, edition);
      Object.keys(this.values).forEach((key) => {
        var parentFeaturesCopy = util.merge({}, this._features);
        this._valuesFeatures[key] = util.merge(parentFeaturesCopy, this.valuesOptions && this.valuesOptions[key] && this.valuesOptions[key].features || {});
      });
      return this;
    };
    Enum.fromJSON = function fromJSON(name, json) {
      var enm = new Enum(name, json.values, json.options, json.comment, json.comments, json.valuesOptions);
      enm.reserved = json.reserved;
      if (json.visibility)
        enm.visibility = json.visibility;
      if (json.edition)
        enm._edition = json.edition;
      enm._defaultEdition = "proto3";
      return enm;
    };
    Enum.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "edition",
        this._editionToJSON(),
        "options",
        this.options,
        "valuesOptions",
        this.valuesOptions,
        "values",
        this.values,
        "reserved",
        this.reserved && this.reserved.length ? this.reserved : void 0,
        "visibility",
        this.visibility,
        "comment",
        keepComments ? this.comment : void 0,
        "comments",
        keepComments ? this.comments : void 0
      ]);
    };
    Enum.prototype.add = function add2(name, id, comment, options) {
      if (!util.isString(name))
        throw TypeError("name must be a string");
      if (!util.isInteger(id))
        throw TypeError("id must be an integer");
      if (name === "__proto__")
        return this;
      if (this.values[name] !== void 0)
        throw Error("duplicate name '" + name + "' in " + this);
      if (this.isReservedId(id))
        throw Error("id " + id + " is reserved in " + this);
      if (this.isReservedName(name))
        throw Error("name '" + name + "' is reserved in " + this);
      if (this.valuesById[id] !== void 0) {
        if (!(this.options && this.options.allow_alias))
          throw Error("duplicate id " + id + " in " + this);
        this.values[name] = id;
      } else
        this.valuesById[this.values[name] = id] = name;
      if (options) {
        if (this.valuesOptions === void 0)
          this.valuesOptions = {};
        this.valuesOptions[name] = options || null;
      }
      this.comments[name] = comment || null;
      return this;
    };
    Enum.prototype.remove = function remove(name) {
      if (!util.isString(name))
        throw TypeError("name must be a string");
      var val = this.values[name];
      if (val == null)
        throw Error("name '" + name + "' does not exist in " + this);
      delete this.valuesById[val];
      delete this.values[name];
      delete this.comments[name];
      if (this.valuesOptions)
        delete this.valuesOptions[name];
      return this;
    };
    Enum.prototype.isReservedId = function isReservedId(id) {
      return Namespace.isReservedId(this.reserved, id);
    };
    Enum.prototype.isReservedName = function isReservedName(name) {
      return Namespace.isReservedName(this.reserved, name);
    };
  }
});

// node_modules/protobufjs/src/encoder.js
var require_encoder = __commonJS({
  "node_modules/protobufjs/src/encoder.js"(exports, module) {
    "use strict";
    module.exports = encoder;
    var Enum = require_enum();
    var types2 = require_types();
    var util = require_util();
    function genTypePartial(gen, field, fieldIndex, ref) {
      return field.delimited ? gen("types[%i].encode(%s,w.uint32(%i),q+1).uint32(%i)", fieldIndex, ref, (field.id << 3 | 3) >>> 0, (field.id << 3 | 4) >>> 0) : gen("types[%i].encode(%s,w.uint32(%i).fork(),q+1).ldelim()", fieldIndex, ref, (field.id << 3 | 2) >>> 0);
    }
    function encoder(mtype) {
      var gen = util.codegen(["m", "w", "q"])("if(!w)")("w=Writer.create()")("if(q===undefined)q=0")("if(q>util.recursionLimit)")('throw Error("max depth exceeded")');
      var i, ref;
      var fields = (
        /* initializes */
        mtype.fieldsArray.slice().sort(util.compareFieldsById)
      );
      for (var i = 0; i < fields.length; ++i) {
        var field = fields[i].resolve(), index = mtype._fieldsArray.indexOf(field), type = field.resolvedType instanceof Enum ? "int32" : field.type, wireType = types2.basic[type];
        ref = "m" + util.safeProp(field.name);
        if (field.map) {
          gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)){", ref, field.name)("for(var ks=Object.keys(%s),i=0;i<ks.length;++i){", ref);
          if (field.keyType === "bool") gen("w.uint32(%i).fork().uint32(%i).bool(util.boolFromKey(ks[i]))", (field.id << 3 | 2) >>> 0, 8 | types2.mapKey[field.keyType]);
          else if (types2.long[field.keyType] !== void 0) gen("w.uint32(%i).fork().uint32(%i).%s(util.longFromKey(ks[i],%j))", (field.id << 3 | 2) >>> 0, 8 | types2.mapKey[field.keyType], field.keyType, field.keyType === "uint64" || field.keyType === "fixed64");
          else gen("w.uint32(%i).fork().uint32(%i).%s(ks[i])", (field.id << 3 | 2) >>> 0, 8 | types2.mapKey[field.keyType], field.keyType);
          if (wireType === void 0) gen("types[%i].encode(%s[ks[i]],w.uint32(18).fork(),q+1).ldelim().ldelim()", index, ref);
          else gen(".uint32(%i).%s(%s[ks[i]]).ldelim()", 16 | wireType, type, ref);
          gen("}")("}");
        } else if (field.repeated) {
          gen("if(%s!=null&&%s.length){", ref, ref);
          if (field.packed && types2.packed[type] !== void 0) {
            gen("w.uint32(%i).%ss(%s)", (field.id << 3 | 2) >>> 0, type, ref);
          } else {
            gen("for(var i=0;i<%s.length;++i)", ref);
            if (wireType === void 0)
              genTypePartial(gen, field, index, ref + "[i]");
            else gen("w.uint32(%i).%s(%s[i])", (field.id << 3 | wireType) >>> 0, type, ref);
          }
          gen("}");
        } else {
          if (!field.required)
            if (field.hasPresence || !(field.resolvedType instanceof Enum || types2.basic[type] !== void 0)) gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j))", ref, field.name);
            else if (field.resolvedType instanceof Enum) gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s!==%j)", ref, field.name, ref, field.typeDefault);
            else if (type === "bool") gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s!==false)", ref, field.name, ref);
            else if (type === "string") gen('if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s!=="")', ref, field.name, ref);
            else if (type === "bytes") gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s.length)", ref, field.name, ref);
            else if (type === "double" || type === "float") gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&!Object.is(%s,0))", ref, field.name, ref);
            else if (types2.long[type] !== void 0) gen('if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&(typeof %s==="object"?%s.low||%s.high:%s!==0))', ref, field.name, ref, ref, ref, ref);
            else gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s!==0)", ref, field.name, ref);
          if (wireType === void 0)
            genTypePartial(gen, field, index, ref);
          else gen("w.uint32(%i).%s(%s)", (field.id << 3 | wireType) >>> 0, type, ref);
        }
      }
      return gen('if(m.$unknowns!=null&&Object.hasOwnProperty.call(m,"$unknowns"))')("for(var i=0;i<m.$unknowns.length;++i)")("w.raw(m.$unknowns[i])")("return w");
    }
  }
});

// node_modules/protobufjs/src/index-light.js
var require_index_light = __commonJS({
  "node_modules/protobufjs/src/index-light.js"(exports, module) {
    "use strict";
    exports = module.exports = require_index_minimal();
    exports.build = "light";
    function load(filename, root, callback) {
      if (typeof root === "function") {
        callback = root;
        root = new exports.Root();
      } else if (!root)
        root = new exports.Root();
      return root.load(filename, callback);
    }
    exports.load = load;
    function loadSync(filename, root) {
      if (!root)
        root = new exports.Root();
      return root.loadSync(filename);
    }
    exports.loadSync = loadSync;
    exports.encoder = require_encoder();
    exports.decoder = require_decoder();
    exports.verifier = require_verifier();
    exports.converter = require_converter();
    exports.ReflectionObject = require_object();
    exports.Namespace = require_namespace();
    exports.Root = require_root();
    exports.Enum = require_enum();
    exports.Type = require_type();
    exports.Field = require_field();
    exports.OneOf = require_oneof();
    exports.MapField = require_mapfield();
    exports.Service = require_service2();
    exports.Method = require_method();
    exports.Message = require_message();
    exports.wrappers = require_wrappers();
    exports.types = require_types();
    exports.util = require_util();
    exports.ReflectionObject._configure(exports.Root);
    exports.Namespace._configure(exports.Type, exports.Service, exports.Enum);
    exports.Root._configure(exports.Type, void 0, {});
    exports.Field._configure(exports.Type);
  }
});

// node_modules/protobufjs/src/tokenize.js
var require_tokenize = __commonJS({
  "node_modules/protobufjs/src/tokenize.js"(exports, module) {
    "use strict";
    module.exports = tokenize;
    var delimRe = /[\s{}=;:[\],'"()<>]/g;
    var stringDoubleRe = /(?:"([^"\\]*(?:\\.[^"\\]*)*)")/g;
    var stringSingleRe = /(?:'([^'\\]*(?:\\.[^'\\]*)*)')/g;
    var setCommentRe = /^ *[*/]+ */;
    var setCommentAltRe = /^\s*\*?\/*/;
    var setCommentSplitRe = /\n/g;
    var whitespaceRe = /\s/;
    var unescapeRe = /\\([0-7]{1,3}|[xX][0-9a-fA-F]{1,2}|.?)/g;
    var unescapeMap = {
      "a": "\x07",
      "b": "\b",
      "f": "\f",
      "r": "\r",
      "n": "\n",
      "t": "	",
      "v": "\v",
      "?": "?",
      "'": "'",
      '"': '"'
    };
    function unescape(str) {
      return str.replace(unescapeRe, function($0, $1) {
        var first = $1.charAt(0);
        if (first >= "0" && first <= "7")
          return String.fromCharCode(parseInt($1, 8) & 255);
        if (first === "x" || first === "X")
          return String.fromCharCode(parseInt($1.substring(1), 16));
        switch ($1) {
          case "\\":
          case "":
            return $1;
          default:
            return unescapeMap[$1] || "";
        }
      });
    }
    tokenize.unescape = unescape;
    function tokenize(source, alternateCommentMode) {
      source = source.toString();
      var offset = 0, length = source.length, line = 1, lastCommentLine = 0, comments = {};
      var stack = [];
      var stringDelim = null;
      function illegal(subject) {
        return Error("illegal " + subject + " (line " + line + ")");
      }
      function readString() {
        var re = stringDelim === "'" ? stringSingleRe : stringDoubleRe;
        re.lastIndex = offset - 1;
        var match = re.exec(source);
        if (!match)
          throw illegal("string");
        offset = re.lastIndex;
        push(stringDelim);
        stringDelim = null;
        return unescape(match[1]);
      }
      function charAt(pos) {
        return source.charAt(pos);
      }
      function setComment(start, end, isLeading) {
        var comment = {
          type: source.charAt(start++),
          lineEmpty: false,
          leading: isLeading
        };
        var lookback;
        if (alternateCommentMode) {
          lookback = 2;
        } else {
          lookback = 3;
        }
        var commentOffset = start - lookback, c;
        do {
          if (--commentOffset < 0 || (c = source.charAt(commentOffset)) === "\n") {
            comment.lineEmpty = true;
            break;
          }
        } while (c === " " || c === "	");
        var lines = source.substring(start, end).split(setCommentSplitRe);
        for (var i = 0; i < lines.length; ++i)
          lines[i] = lines[i].replace(alternateCommentMode ? setCommentAltRe : setCommentRe, "").trim();
        comment.text = lines.join("\n").trim();
        comments[line] = comment;
        lastCommentLine = line;
      }
      function isDoubleSlashCommentLine(startOffset) {
        var endOffset = findEndOfLine(startOffset);
        var lineText = source.substring(startOffset, endOffset);
        var isComment = /^\s*\/\//.test(lineText);
        return isComment;
      }
      function findEndOfLine(cursor) {
        var endOffset = cursor;
        while (endOffset < length && charAt(endOffset) !== "\n") {
          endOffset++;
        }
        return endOffset;
      }
      function next() {
        if (stack.length > 0)
          return stack.shift();
        if (stringDelim)
          return readString();
        var repeat, prev, curr, start, isDoc, nextLineIsComment, isLeadingComment = offset === 0;
        do {
          if (offset === length)
            return null;
          repeat = false;
          while (whitespaceRe.test(curr = charAt(offset))) {
            if (curr === "\n") {
              isLeadingComment = true;
              ++line;
            }
            if (++offset === length)
              return null;
          }
          if (charAt(offset) === "/") {
            if (++offset === length) {
              throw illegal("comment");
            }
            if (charAt(offset) === "/") {
              if (!alternateCommentMode) {
                isDoc = charAt(start = offset + 1) === "/";
                while (charAt(++offset) !== "\n") {
                  if (offset === length) {
                    return null;
                  }
                }
                ++offset;
                if (isDoc) {
                  setComment(start, offset - 1, isLeadingComment);
                  isLeadingComment = true;
                }
                ++line;
                repeat = true;
              } else {
                start = offset;
                isDoc = false;
                if (isDoubleSlashCommentLine(offset - 1)) {
                  isDoc = true;
                  do {
                    offset = findEndOfLine(offset);
                    if (offset === length) {
                      break;
                    }
                    offset++;
                    if (!isLeadingComment) {
                      break;
                    }
                    nextLineIsComment = isDoubleSlashCommentLine(offset);
                    if (nextLineIsComment) {
                      line++;
                    }
                  } while (nextLineIsComment);
                } else {
                  offset = Math.min(length, findEndOfLine(offset) + 1);
                }
                if (isDoc) {
                  setComment(start, offset, isLeadingComment);
                  isLeadingComment = true;
                }
                line++;
                repeat = true;
              }
            } else if ((curr = charAt(offset)) === "*") {
              start = offset + 1;
              isDoc = alternateCommentMode || charAt(start) === "*";
              do {
                if (curr === "\n") {
                  ++line;
                }
                if (++offset === length) {
                  throw illegal("comment");
                }
                prev = curr;
                curr = charAt(offset);
              } while (prev !== "*" || curr !== "/");
              ++offset;
              if (isDoc) {
                setComment(start, offset - 2, isLeadingComment);
                isLeadingComment = true;
              }
              repeat = true;
            } else {
              return "/";
            }
          }
        } while (repeat);
        var end = offset;
        delimRe.lastIndex = 0;
        var delim = delimRe.test(charAt(end++));
        if (!delim)
          while (end < length && !delimRe.test(charAt(end)))
            ++end;
        var token = source.substring(offset, offset = end);
        if (token === '"' || token === "'")
          stringDelim = token;
        return token;
      }
      function push(token) {
        stack.push(token);
      }
      function peek() {
        if (!stack.length) {
          var token = next();
          if (token === null)
            return null;
          push(token);
        }
        return stack[0];
      }
      function skip(expected, optional) {
        var actual = peek(), equals = actual === expected;
        if (equals) {
          next();
          return true;
        }
        if (!optional)
          throw illegal("token '" + actual + "', '" + expected + "' expected");
        return false;
      }
      function cmnt(trailingLine) {
        var ret = null;
        var comment;
        if (trailingLine === void 0) {
          comment = comments[line - 1];
          delete comments[line - 1];
          if (comment && (alternateCommentMode || comment.type === "*" || comment.lineEmpty)) {
            ret = comment.leading ? comment.text : null;
          }
        } else {
          if (lastCommentLine < trailingLine) {
            peek();
          }
          comment = comments[trailingLine];
          delete comments[trailingLine];
          if (comment && !comment.lineEmpty && (alternateCommentMode || comment.type === "/")) {
            ret = comment.leading ? null : comment.text;
          }
        }
        return ret;
      }
      return Object.defineProperty({
        next,
        peek,
        push,
        skip,
        cmnt
      }, "line", {
        get: function() {
          return line;
        }
      });
    }
  }
});

// node_modules/protobufjs/src/parse.js
var require_parse = __commonJS({
  "node_modules/protobufjs/src/parse.js"(exports, module) {
    "use strict";
    module.exports = parse;
    parse.filename = null;
    parse.defaults = { keepCase: false };
    var tokenize = require_tokenize();
    var Root = require_root();
    var Type = require_type();
    var Field = require_field();
    var MapField = require_mapfield();
    var OneOf = require_oneof();
    var Enum = require_enum();
    var Service = require_service2();
    var Method = require_method();
    var ReflectionObject = require_object();
    var types2 = require_types();
    var util = require_util();
    var base10Re = /^[1-9][0-9]*$/;
    var base10NegRe = /^-?[1-9][0-9]*$/;
    var base16Re = /^0[x][0-9a-fA-F]+$/;
    var base16NegRe = /^-?0[x][0-9a-fA-F]+$/;
    var base8Re = /^0[0-7]+$/;
    var base8NegRe = /^-?0[0-7]+$/;
    var integerTypeRe = /^(?:u?int|sint|s?fixed)(?:32|64)$/;
    var unsignedTypeRe = /^(?:uint|fixed)(?:32|64)$/;
    var numberRe = util.patterns.numberRe;
    var nameRe = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
    var typeRefRe = util.patterns.typeRefRe;
    var maxFieldId = 536870911;
    var maxEnumId = 2147483647;
    function parse(source, root, options) {
      if (!(root instanceof Root)) {
        options = root;
        root = new Root();
      }
      if (!options)
        options = parse.defaults;
      var preferTrailingComment = options.preferTrailingComment || false;
      var tn = tokenize(source, options.alternateCommentMode || false), next = tn.next, push = tn.push, peek = tn.peek, skip = tn.skip, cmnt = tn.cmnt;
      var head = true, pkg, imports, weakImports, edition = "proto2";
      var ptr = root;
      var topLevelObjects = [];
      var topLevelOptions = {};
      var applyCase = options.keepCase ? function(name) {
        return name;
      } : util.camelCase;
      function resolveFileFeatures() {
        topLevelObjects.forEach((obj) => {
          obj._edition = edition;
          Object.keys(topLevelOptions).forEach((opt) => {
            if (obj.getOption(opt) !== void 0) return;
            obj.setOption(opt, topLevelOptions[opt], true);
          });
        });
      }
      function illegal(token2, name, insideTryCatch) {
        var filename = parse.filename;
        if (!insideTryCatch)
          parse.filename = null;
        return Error("illegal " + (name || "token") + " '" + token2 + "' (" + (filename ? filename + ", " : "") + "line " + tn.line + ")");
      }
      function readString() {
        var values = [], token2;
        do {
          if ((token2 = next()) !== '"' && token2 !== "'")
            throw illegal(token2);
          values.push(next());
          skip(token2);
          token2 = peek();
        } while (token2 === '"' || token2 === "'");
        return values.join("");
      }
      function readValue(acceptTypeRef) {
        var token2 = next();
        switch (token2) {
          case "'":
          case '"':
            push(token2);
            return readString();
          case "true":
          case "TRUE":
            return true;
          case "false":
          case "FALSE":
            return false;
        }
        try {
          return parseNumber(
            token2,
            /* insideTryCatch */
            true
          );
        } catch (e) {
          if (acceptTypeRef && typeRefRe.test(token2))
            return token2;
          throw illegal(token2, "value");
        }
      }
      function readRanges(target, acceptStrings, max2, acceptNegative) {
        var token2, start;
        do {
          if (acceptStrings && ((token2 = peek()) === '"' || token2 === "'")) {
            var str = readString();
            target.push(str);
            if (edition >= 2023) {
              throw illegal(str, "id");
            }
          } else {
            try {
              target.push([start = parseId(next(), acceptNegative, max2), skip("to", true) ? parseId(next(), acceptNegative, max2) : start]);
            } catch (err) {
              if (acceptStrings && typeRefRe.test(token2) && edition >= 2023) {
                target.push(token2);
              } else {
                throw err;
              }
            }
          }
        } while (skip(",", true));
        var dummy = { options: void 0 };
        dummy.setOption = function(name, value) {
          if (this.options === void 0) this.options = {};
          this.options[name] = value;
        };
        ifBlock(
          dummy,
          function parseRange_block(token3) {
            if (token3 === "option") {
              parseOption(dummy, token3);
              skip(";");
            } else
              throw illegal(token3);
          },
          function parseRange_line() {
            parseInlineOptions(dummy);
          }
        );
      }
      function parseNumber(token2, insideTryCatch) {
        var sign = 1;
        if (token2.charAt(0) === "-") {
          sign = -1;
          token2 = token2.substring(1);
        }
        switch (token2) {
          case "inf":
          case "INF":
          case "Inf":
            return sign * Infinity;
          case "nan":
          case "NAN":
          case "Nan":
          case "NaN":
            return NaN;
          case "0":
            return sign * 0;
        }
        if (base10Re.test(token2))
          return sign * parseInt(token2, 10);
        if (base16Re.test(token2))
          return sign * parseInt(token2, 16);
        if (base8Re.test(token2))
          return sign * parseInt(token2, 8);
        if (numberRe.test(token2))
          return sign * parseFloat(token2);
        throw illegal(token2, "number", insideTryCatch);
      }
      function parseInteger(token2, acceptNegative, name) {
        if (token2 === null)
          throw illegal(token2, "end of input");
        if (!acceptNegative && token2.charAt(0) === "-")
          throw illegal(token2, name || "integer");
        if (token2 === "0" || token2 === "-0")
          return 0;
        var value;
        if (base10NegRe.test(token2))
          value = parseInt(token2, 10);
        else if (base16NegRe.test(token2))
          value = parseInt(token2, 16);
        else if (base8NegRe.test(token2))
          value = parseInt(token2, 8);
        else
          throw illegal(token2, name || "integer");
        return value || 0;
      }
      function parseId(token2, acceptNegative, max2) {
        switch (token2) {
          case "max":
          case "MAX":
          case "Max":
            return max2 || maxFieldId;
        }
        return parseInteger(token2, acceptNegative, "id");
      }
      function parsePackage() {
        if (pkg !== void 0)
          throw illegal("package");
        pkg = next();
        if (pkg === null || !typeRefRe.test(pkg))
          throw illegal(pkg, "name");
        ptr = ptr.define(pkg);
        skip(";");
      }
      function parseImport() {
        var token2 = peek();
        var whichImports;
        switch (token2) {
          case "option":
            if (edition < "2024") {
              throw illegal("option");
            }
            next();
            readString();
            skip(";");
            return;
          case "weak":
            whichImports = weakImports || (weakImports = []);
            next();
            break;
          case "public":
            next();
          // eslint-disable-next-line no-fallthrough
          default:
            whichImports = imports || (imports = []);
            break;
        }
        token2 = readString();
        skip(";");
        whichImports.push(token2);
      }
      function parseSyntax() {
        skip("=");
        edition = readString();
        if (edition < 2023)
          throw illegal(edition, "syntax");
        skip(";");
      }
      function parseEdition() {
        skip("=");
        edition = readString();
        const supportedEditions = ["2023", "2024", "2026"];
        if (!supportedEditions.includes(edition))
          throw illegal(edition, "edition");
        skip(";");
      }
      function parseCommon(parent, token2, depth) {
        if (depth === void 0)
          depth = 0;
        switch (token2) {
          case "option":
            parseOption(parent, token2);
            skip(";");
            return true;
          case "message":
            parseType(parent, token2, depth + 1);
            return true;
          case "enum":
            parseEnum(parent, token2);
            return true;
          case "export":
          case "local":
            if (edition < "2024") {
              return false;
            }
            var visibility = token2;
            token2 = next();
            if (token2 === "export" || token2 === "local") {
              return false;
            }
            if (token2 !== "message" && token2 !== "enum") {
              return false;
            }
            (token2 === "message" ? parseType(parent, token2, depth + 1) : parseEnum(parent, token2)).visibility = visibility;
            return true;
          case "service":
            parseService(parent, token2, depth + 1);
            return true;
          case "extend":
            parseExtension(parent, token2, depth);
            return true;
        }
        return false;
      }
      function ifBlock(obj, fnIf, fnElse) {
        var trailingLine = tn.line;
        if (obj) {
          if (typeof obj.comment !== "string") {
            obj.comment = cmnt();
          }
          obj.filename = parse.filename;
        }
        if (skip("{", true)) {
          var token2;
          while ((token2 = next()) !== "}")
            fnIf(token2);
          skip(";", true);
        } else {
          if (fnElse)
            fnElse();
          skip(";");
          if (obj && (typeof obj.comment !== "string" || preferTrailingComment))
            obj.comment = cmnt(trailingLine) || obj.comment;
        }
      }
      function parseType(parent, token2, depth) {
        if (depth === void 0)
          depth = 0;
        if (depth > util.nestingLimit)
          throw Error("max depth exceeded");
        if ((token2 = next()) === null || !nameRe.test(token2))
          throw illegal(token2, "type name");
        var type = new Type(token2);
        ifBlock(type, function parseType_block(token3) {
          if (parseCommon(type, token3, depth))
            return;
          switch (token3) {
            case ";":
              break;
            case "map":
              parseMapField(type, token3);
              break;
            case "required":
              if (edition !== "proto2")
                throw illegal(token3);
            /* eslint-disable no-fallthrough */
            case "repeated":
              parseField(type, token3, void 0, depth + 1);
              break;
            case "optional":
              if (edition === "proto3") {
                parseField(type, "proto3_optional", void 0, depth + 1);
              } else if (edition !== "proto2") {
                throw illegal(token3);
              } else {
                parseField(type, "optional", void 0, depth + 1);
              }
              break;
            case "oneof":
              parseOneOf(type, token3, depth + 1);
              break;
            case "extensions":
              readRanges(type.extensions || (type.extensions = []));
              break;
            case "reserved":
              readRanges(type.reserved || (type.reserved = []), true);
              break;
            default:
              if (edition === "proto2" || !typeRefRe.test(token3)) {
                throw illegal(token3);
              }
              push(token3);
              parseField(type, "optional", void 0, depth + 1);
              break;
          }
        });
        parent.add(type);
        if (parent === ptr) {
          topLevelObjects.push(type);
        }
        return type;
      }
      function parseField(parent, rule, extend, depth) {
        var type = next();
        if (type === null) {
          throw illegal(type, "end of input");
        }
        if (type === "group") {
          parseGroup(parent, rule, extend, depth);
          return;
        }
        while (type.endsWith(".") || (peek() || "").startsWith(".")) {
          var part = next();
          if (part === null) {
            throw illegal(part, "end of input");
          }
          type += part;
        }
        if (!typeRefRe.test(type))
          throw illegal(type, "type");
        var name = next();
        if (name === null) {
          throw illegal(name, "end of input");
        }
        if (!nameRe.test(name))
          throw illegal(name, "name");
        var protoName = name;
        name = applyCase(name);
        skip("=");
        var field = new Field(name, parseId(next()), type, rule === "proto3_optional" ? "optional" : rule, extend);
        if (protoName !== name)
          field.protoName = protoName;
        ifBlock(field, function parseField_block(token2) {
          if (token2 === "option") {
            parseOption(field, token2);
            skip(";");
          } else
            throw illegal(token2);
        }, function parseField_line() {
          parseInlineOptions(field);
        });
        if (rule === "proto3_optional") {
          var oneof = new OneOf("_" + name);
          field.setOption("proto3_optional", true);
          oneof.add(field);
          parent.add(oneof);
        } else {
          parent.add(field);
        }
        if (parent === ptr) {
          topLevelObjects.push(field);
        }
      }
      function parseGroup(parent, rule, extend, depth) {
        if (depth === void 0)
          depth = 0;
        if (depth > util.nestingLimit)
          throw Error("max depth exceeded");
        if (edition >= 2023) {
          throw illegal("group");
        }
        var name = next();
        if (name === null || !nameRe.test(name))
          throw illegal(name, "name");
        var fieldName = util.lcFirst(name);
        if (name === fieldName)
          name = util.ucFirst(name);
        skip("=");
        var id = parseId(next());
        var type = new Type(name);
        type.group = true;
        var field = new Field(fieldName, id, name, rule, extend);
        field.filename = parse.filename;
        ifBlock(type, function parseGroup_block(token2) {
          switch (token2) {
            case ";":
              break;
            case "map":
              parseMapField(type);
              break;
            case "option":
              parseOption(type, token2);
              skip(";");
              break;
            case "required":
            case "repeated":
              parseField(type, token2, void 0, depth + 1);
              break;
            case "optional":
              if (edition === "proto3") {
                parseField(type, "proto3_optional", void 0, depth + 1);
              } else {
                parseField(type, "optional", void 0, depth + 1);
              }
              break;
            case "message":
              parseType(type, token2, depth + 1);
              break;
            case "enum":
              parseEnum(type, token2);
              break;
            case "reserved":
              readRanges(type.reserved || (type.reserved = []), true);
              break;
            case "export":
            case "local":
              if (edition < "2024") {
                throw illegal(token2);
              }
              token2 = next();
              switch (token2) {
                case "message":
                  parseType(type, token2, depth + 1);
                  break;
                case "enum":
                  parseType(type, token2, depth + 1);
                  break;
                default:
                  throw illegal(token2);
              }
              break;
            /* istanbul ignore next */
            default:
              throw illegal(token2);
          }
        });
        parent.add(type).add(field);
        if (parent === ptr) {
          topLevelObjects.push(type);
          topLevelObjects.push(field);
        }
      }
      function parseMapField(parent) {
        skip("<");
        var keyType = next();
        if (types2.mapKey[keyType] === void 0)
          throw illegal(keyType, "type");
        skip(",");
        var valueType = next();
        if (!typeRefRe.test(valueType))
          throw illegal(valueType, "type");
        skip(">");
        var name = next();
        if (name === null || !nameRe.test(name))
          throw illegal(name, "name");
        skip("=");
        var protoName = name;
        name = applyCase(name);
        var field = new MapField(name, parseId(next()), keyType, valueType);
        if (protoName !== name)
          field.protoName = protoName;
        ifBlock(field, function parseMapField_block(token2) {
          if (token2 === "option") {
            parseOption(field, token2);
            skip(";");
          } else
            throw illegal(token2);
        }, function parseMapField_line() {
          parseInlineOptions(field);
        });
        parent.add(field);
      }
      function parseOneOf(parent, token2, depth) {
        if ((token2 = next()) === null || !nameRe.test(token2))
          throw illegal(token2, "name");
        var oneof = new OneOf(applyCase(token2));
        ifBlock(oneof, function parseOneOf_block(token3) {
          if (token3 === "option") {
            parseOption(oneof, token3);
            skip(";");
          } else {
            push(token3);
            parseField(oneof, "optional", void 0, depth);
          }
        });
        parent.add(oneof);
      }
      function parseEnum(parent, token2) {
        if ((token2 = next()) === null || !nameRe.test(token2))
          throw illegal(token2, "name");
        var enm = new Enum(token2), values = [];
        ifBlock(enm, function parseEnum_block(token3) {
          switch (token3) {
            case ";":
              break;
            case "option":
              parseOption(enm, token3);
              skip(";");
              break;
            case "reserved":
              readRanges(enm.reserved || (enm.reserved = []), true, maxEnumId, true);
              if (enm.reserved === void 0) enm.reserved = [];
              break;
            default:
              values.push(parseEnumValue(token3));
          }
        });
        for (var i = 0; i < values.length; ++i)
          enm.add(values[i].name, values[i].id, values[i].comment, values[i].options);
        parent.add(enm);
        if (parent === ptr) {
          topLevelObjects.push(enm);
        }
        return enm;
      }
      function parseEnumValue(token2) {
        if (!nameRe.test(token2))
          throw illegal(token2, "name");
        skip("=");
        var value = parseId(next(), true), dummy = {
          options: void 0
        };
        dummy.getOption = function(name) {
          return this.options[name];
        };
        dummy.setOption = function(name, value2) {
          ReflectionObject.prototype.setOption.call(dummy, name, value2);
        };
        dummy.setParsedOption = function() {
          return void 0;
        };
        ifBlock(dummy, function parseEnumValue_block(token3) {
          if (token3 === "option") {
            parseOption(dummy, token3);
            skip(";");
          } else
            throw illegal(token3);
        }, function parseEnumValue_line() {
          parseInlineOptions(dummy);
        });
        return {
          name: token2,
          id: value,
          comment: dummy.comment,
          options: dummy.parsedOptions || dummy.options
        };
      }
      function parseOption(parent, token2) {
        var option;
        var propName;
        var isOption = true;
        if (token2 === "option") {
          token2 = next();
        }
        while (token2 !== "=") {
          if (token2 === null) {
            throw illegal(token2, "end of input");
          }
          if (token2 === "(") {
            var parensValue = next();
            skip(")");
            token2 = "(" + parensValue + ")";
          }
          if (isOption) {
            isOption = false;
            if (token2.includes(".") && !token2.includes("(")) {
              var tokens = token2.split(".");
              option = tokens[0] + ".";
              token2 = tokens[1];
              continue;
            }
            option = token2;
          } else {
            propName = propName ? propName += token2 : token2;
          }
          token2 = next();
        }
        var name = propName ? option.concat(propName) : option;
        var optionValue = parseOptionValue(parent, name);
        propName = propName && propName[0] === "." ? propName.slice(1) : propName;
        option = option && option[option.length - 1] === "." ? option.slice(0, -1) : option;
        setParsedOption(parent, option, optionValue, propName);
      }
      function parseOptionValue(parent, name, depth) {
        if (depth === void 0)
          depth = 0;
        if (depth > util.recursionLimit)
          throw Error("max depth exceeded");
        if (skip("{", true)) {
          var objectResult = {};
          while (!skip("}", true)) {
            token = next();
            var propName;
            if (token === null)
              throw illegal(token, "end of input");
            if (token === "[") {
              token = next();
              var slash = token === null ? -1 : token.lastIndexOf("/");
              if (token === null || !typeRefRe.test(slash < 0 ? token : token.slice(slash + 1)))
                throw illegal(token, "name");
              propName = "[" + token + "]";
              skip("]");
            } else {
              if (!nameRe.test(token)) {
                throw illegal(token, "name");
              }
              propName = token;
            }
            var value;
            skip(":", true);
            if (peek() === "{") {
              value = parseOptionValue(parent, name + "." + propName, depth + 1);
            } else if (peek() === "[") {
              value = [];
              var lastValue, lastValueIsAggregate;
              if (skip("[", true)) {
                if (!skip("]", true)) {
                  do {
                    lastValueIsAggregate = peek() === "{";
                    lastValue = lastValueIsAggregate ? parseOptionValue(parent, name + "." + propName, depth + 1) : readValue(true);
                    value.push(lastValue);
                  } while (skip(",", true));
                  skip("]");
                  if (typeof lastValue !== "undefined") {
                    if (!lastValueIsAggregate)
                      setOption(parent, name + "." + propName, lastValue);
                  }
                }
              }
            } else {
              value = readValue(true);
              setOption(parent, name + "." + propName, value);
            }
            var prevValue = Object.prototype.hasOwnProperty.call(objectResult, propName) ? objectResult[propName] : void 0;
            if (prevValue)
              value = [].concat(prevValue).concat(value);
            if (propName !== "__proto__")
              objectResult[propName] = value;
            skip(",", true);
            skip(";", true);
          }
          return objectResult;
        }
        var simpleValue = name === "default" && parent instanceof Field && integerTypeRe.test(parent.type) ? parseInteger(next(), !unsignedTypeRe.test(parent.type)) : readValue(true);
        setOption(parent, name, simpleValue);
        return simpleValue;
      }
      function setOption(parent, name, value) {
        if (ptr === parent && /^features\./.test(name)) {
          topLevelOptions[name] = value;
          return;
        }
        if (name === "json_name" && parent instanceof Field) {
          parent.jsonName = value;
        }
        if (parent.setOption)
          parent.setOption(name, value);
      }
      function setParsedOption(parent, name, value, propName) {
        if (parent.setParsedOption)
          parent.setParsedOption(name, value, propName);
      }
      function parseInlineOptions(parent) {
        if (skip("[", true)) {
          do {
            parseOption(parent, "option");
          } while (skip(",", true));
          skip("]");
        }
        return parent;
      }
      function parseService(parent, token2, depth) {
        if (depth === void 0)
          depth = 0;
        if (depth > util.recursionLimit)
          throw Error("max depth exceeded");
        if ((token2 = next()) === null || !nameRe.test(token2))
          throw illegal(token2, "service name");
        var service = new Service(token2);
        ifBlock(service, function parseService_block(token3) {
          if (parseCommon(service, token3, depth)) {
            return;
          }
          if (token3 === ";")
            return;
          if (token3 === "rpc")
            parseMethod(service, token3);
          else
            throw illegal(token3);
        });
        parent.add(service);
        if (parent === ptr) {
          topLevelObjects.push(service);
        }
      }
      function parseMethod(parent, token2) {
        var commentText = cmnt();
        var type = token2;
        if (!nameRe.test(token2 = next()))
          throw illegal(token2, "name");
        var name = token2, requestType, requestStream, responseType, responseStream;
        skip("(");
        if (skip("stream", true))
          requestStream = true;
        if (!typeRefRe.test(token2 = next()))
          throw illegal(token2);
        requestType = token2;
        skip(")");
        skip("returns");
        skip("(");
        if (skip("stream", true))
          responseStream = true;
        if (!typeRefRe.test(token2 = next()))
          throw illegal(token2);
        responseType = token2;
        skip(")");
        var method = new Method(name, type, requestType, responseType, requestStream, responseStream);
        method.comment = commentText;
        ifBlock(method, function parseMethod_block(token3) {
          if (token3 === ";")
            return;
          if (token3 === "option") {
            parseOption(method, token3);
            skip(";");
          } else
            throw illegal(token3);
        });
        parent.add(method);
      }
      function parseExtension(parent, token2, depth) {
        if ((token2 = next()) === null || !typeRefRe.test(token2))
          throw illegal(token2, "reference");
        var reference = token2;
        ifBlock(null, function parseExtension_block(token3) {
          switch (token3) {
            case "required":
            case "repeated":
              parseField(parent, token3, reference, depth + 1);
              break;
            case "optional":
              if (edition === "proto3") {
                parseField(parent, "proto3_optional", reference, depth + 1);
              } else {
                parseField(parent, "optional", reference, depth + 1);
              }
              break;
            default:
              if (edition === "proto2" || !typeRefRe.test(token3))
                throw illegal(token3);
              push(token3);
              parseField(parent, "optional", reference, depth + 1);
              break;
          }
        });
      }
      var token;
      while ((token = next()) !== null) {
        switch (token) {
          case ";":
            break;
          case "package":
            if (!head)
              throw illegal(token);
            parsePackage();
            break;
          case "import":
            parseImport();
            break;
          case "syntax":
            if (!head)
              throw illegal(token);
            parseSyntax();
            break;
          case "edition":
            if (!head)
              throw illegal(token);
            parseEdition();
            break;
          case "option":
            parseOption(ptr, token);
            skip(";", true);
            break;
          default:
            if (parseCommon(ptr, token, 0)) {
              head = false;
              continue;
            }
            throw illegal(token);
        }
      }
      resolveFileFeatures();
      parse.filename = null;
      return {
        "package": pkg,
        "imports": imports,
        weakImports,
        root
      };
    }
  }
});

// node_modules/protobufjs/src/common.js
var require_common = __commonJS({
  "node_modules/protobufjs/src/common.js"(exports, module) {
    "use strict";
    module.exports = common;
    var commonRe = /\/|\./;
    function common(name, json) {
      if (!commonRe.test(name)) {
        name = "google/protobuf/" + name + ".proto";
        json = { nested: { google: { nested: { protobuf: { nested: json } } } } };
      }
      common[name] = json;
    }
    common("any", {
      /**
       * Properties of a google.protobuf.Any message.
       * @interface IAny
       * @type {Object}
       * @property {string} [typeUrl]
       * @property {Uint8Array} [bytes]
       * @memberof common
       */
      Any: {
        fields: {
          type_url: {
            type: "string",
            id: 1
          },
          value: {
            type: "bytes",
            id: 2
          }
        }
      }
    });
    var timeType;
    common("duration", {
      /**
       * Properties of a google.protobuf.Duration message.
       * @interface IDuration
       * @type {Object}
       * @property {number|Long} [seconds]
       * @property {number} [nanos]
       * @memberof common
       */
      Duration: timeType = {
        fields: {
          seconds: {
            type: "int64",
            id: 1
          },
          nanos: {
            type: "int32",
            id: 2
          }
        }
      }
    });
    common("timestamp", {
      /**
       * Properties of a google.protobuf.Timestamp message.
       * @interface ITimestamp
       * @type {Object}
       * @property {number|Long} [seconds]
       * @property {number} [nanos]
       * @memberof common
       */
      Timestamp: timeType
    });
    common("empty", {
      /**
       * Properties of a google.protobuf.Empty message.
       * @interface IEmpty
       * @memberof common
       */
      Empty: {
        fields: {}
      }
    });
    common("struct", {
      /**
       * Properties of a google.protobuf.Struct message.
       * @interface IStruct
       * @type {Object}
       * @property {Object.<string,IValue>} [fields]
       * @memberof common
       */
      Struct: {
        fields: {
          fields: {
            keyType: "string",
            type: "Value",
            id: 1
          }
        }
      },
      /**
       * Properties of a google.protobuf.Value message.
       * @interface IValue
       * @type {Object}
       * @property {string} [kind]
       * @property {0} [nullValue]
       * @property {number} [numberValue]
       * @property {string} [stringValue]
       * @property {boolean} [boolValue]
       * @property {IStruct} [structValue]
       * @property {IListValue} [listValue]
       * @memberof common
       */
      Value: {
        oneofs: {
          kind: {
            oneof: [
              "nullValue",
              "numberValue",
              "stringValue",
              "boolValue",
              "structValue",
              "listValue"
            ]
          }
        },
        fields: {
          nullValue: {
            type: "NullValue",
            id: 1,
            protoName: "null_value"
          },
          numberValue: {
            type: "double",
            id: 2,
            protoName: "number_value"
          },
          stringValue: {
            type: "string",
            id: 3,
            protoName: "string_value"
          },
          boolValue: {
            type: "bool",
            id: 4,
            protoName: "bool_value"
          },
          structValue: {
            type: "Struct",
            id: 5,
            protoName: "struct_value"
          },
          listValue: {
            type: "ListValue",
            id: 6,
            protoName: "list_value"
          }
        }
      },
      NullValue: {
        values: {
          NULL_VALUE: 0
        }
      },
      /**
       * Properties of a google.protobuf.ListValue message.
       * @interface IListValue
       * @type {Object}
       * @property {Array.<IValue>} [values]
       * @memberof common
       */
      ListValue: {
        fields: {
          values: {
            rule: "repeated",
            type: "Value",
            id: 1
          }
        }
      }
    });
    common("wrappers", {
      /**
       * Properties of a google.protobuf.DoubleValue message.
       * @interface IDoubleValue
       * @type {Object}
       * @property {number} [value]
       * @memberof common
       */
      DoubleValue: {
        fields: {
          value: {
            type: "double",
            id: 1
          }
        }
      },
      /**
       * Properties of a google.protobuf.FloatValue message.
       * @interface IFloatValue
       * @type {Object}
       * @property {number} [value]
       * @memberof common
       */
      FloatValue: {
        fields: {
          value: {
            type: "float",
            id: 1
          }
        }
      },
      /**
       * Properties of a google.protobuf.Int64Value message.
       * @interface IInt64Value
       * @type {Object}
       * @property {number|Long} [value]
       * @memberof common
       */
      Int64Value: {
        fields: {
          value: {
            type: "int64",
            id: 1
          }
        }
      },
      /**
       * Properties of a google.protobuf.UInt64Value message.
       * @interface IUInt64Value
       * @type {Object}
       * @property {number|Long} [value]
       * @memberof common
       */
      UInt64Value: {
        fields: {
          value: {
            type: "uint64",
            id: 1
          }
        }
      },
      /**
       * Properties of a google.protobuf.Int32Value message.
       * @interface IInt32Value
       * @type {Object}
       * @property {number} [value]
       * @memberof common
       */
      Int32Value: {
        fields: {
          value: {
            type: "int32",
            id: 1
          }
        }
      },
      /**
       * Properties of a google.protobuf.UInt32Value message.
       * @interface IUInt32Value
       * @type {Object}
       * @property {number} [value]
       * @memberof common
       */
      UInt32Value: {
        fields: {
          value: {
            type: "uint32",
            id: 1
          }
        }
      },
      /**
       * Properties of a google.protobuf.BoolValue message.
       * @interface IBoolValue
       * @type {Object}
       * @property {boolean} [value]
       * @memberof common
       */
      BoolValue: {
        fields: {
          value: {
            type: "bool",
            id: 1
          }
        }
      },
      /**
       * Properties of a google.protobuf.StringValue message.
       * @interface IStringValue
       * @type {Object}
       * @property {string} [value]
       * @memberof common
       */
      StringValue: {
        fields: {
          value: {
            type: "string",
            id: 1
          }
        }
      },
      /**
       * Properties of a google.protobuf.BytesValue message.
       * @interface IBytesValue
       * @type {Object}
       * @property {Uint8Array} [value]
       * @memberof common
       */
      BytesValue: {
        fields: {
          value: {
            type: "bytes",
            id: 1
          }
        }
      }
    });
    common("field_mask", {
      /**
       * Properties of a google.protobuf.FieldMask message.
       * @interface IFieldMask
       * @type {Object}
       * @property {string[]} [paths]
       * @memberof common
       */
      FieldMask: {
        fields: {
          paths: {
            rule: "repeated",
            type: "string",
            id: 1
          }
        }
      }
    });
    common.get = function get(file) {
      return common[file] || null;
    };
  }
});

// node_modules/protobufjs/src/index.js
var require_src = __commonJS({
  "node_modules/protobufjs/src/index.js"(exports, module) {
    "use strict";
    exports = module.exports = require_index_light();
    exports.build = "full";
    exports.tokenize = require_tokenize();
    exports.parse = require_parse();
    exports.common = require_common();
    exports.Root._configure(exports.Type, exports.parse, exports.common);
  }
});

// node_modules/protobufjs/index.js
var require_protobufjs = __commonJS({
  "node_modules/protobufjs/index.js"(exports, module) {
    "use strict";
    module.exports = require_src();
  }
});

// src/config/load.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile as fsReadFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";

// src/config/did-you-mean.ts
function editDistance(a, b) {
  const m = a.length;
  const n = b.length;
  const d = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i];
      const prev = d[i - 1];
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[m][n];
}
function normalise(s) {
  return s.toLowerCase().replace(/[_\s]+/g, "-");
}
function suggest(input, candidates) {
  const norm = normalise(input);
  const exact = candidates.find((c) => normalise(c) === norm);
  if (exact !== void 0) return exact;
  const limit = Math.min(3, Math.max(1, Math.floor(norm.length / 3)));
  let best;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = editDistance(norm, normalise(c));
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return bestDistance <= limit ? best : void 0;
}

// src/config/metrics.ts
var METRICS = {
  "model-size": { kind: "bytes", minimum: false, description: "Bytes of the .onnx file plus its external-data files." },
  parameters: { kind: "count", minimum: false, description: "Weight elements (initializers, Constant nodes, subgraphs)." },
  flops: { kind: "flops", minimum: false, description: "FLOPs per inference call at the configured shapes, 2 per multiply-add." },
  "latency-p50": { kind: "time", minimum: false, description: "Median latency of one inference call." },
  "latency-p95": { kind: "time", minimum: false, description: "95th-percentile latency of one inference call." },
  "latency-p99": { kind: "time", minimum: false, description: "99th-percentile latency of one inference call." },
  "latency-mean": { kind: "time", minimum: false, description: "Mean latency of one inference call." },
  throughput: { kind: "throughput", minimum: true, description: "A MINIMUM: samples per second must stay at or above it." },
  "peak-memory": { kind: "bytes", minimum: false, description: "Peak resident memory of the benchmark." },
  "energy-per-inference": { kind: "energy", minimum: false, description: "Energy of one inference call (whole batch)." },
  "energy-per-sample": { kind: "energy", minimum: false, description: "Energy per sample (per inference call divided by the batch size)." },
  "energy-per-1000-inferences": { kind: "energy", minimum: false, description: "Energy of 1000 inference calls." },
  "energy-per-training-step": { kind: "energy", minimum: false, description: "Energy of one training step (forward, backward, update)." },
  "energy-per-training-sample": { kind: "energy", minimum: false, description: "Energy of one training step divided by the batch size." },
  "training-step-time": { kind: "time", minimum: false, description: "Mean duration of one training step." },
  "training-energy-total": { kind: "energy", minimum: false, description: "Projected energy of the full training run (dataset-size \xD7 epochs)." },
  "carbon-per-inference": { kind: "carbon", minimum: false, description: "CO2-equivalent emissions of one inference call." },
  "carbon-per-1000-inferences": { kind: "carbon", minimum: false, description: "CO2-equivalent emissions of 1000 inference calls." },
  "training-carbon-total": { kind: "carbon", minimum: false, description: "Projected CO2-equivalent emissions of the full training run." }
};
var METRIC_KEYS = Object.keys(METRICS);
function isMetricKey(key) {
  return Object.prototype.hasOwnProperty.call(METRICS, key);
}
function metricKind(metric) {
  return METRICS[metric].kind;
}
function isMinimumMetric(metric) {
  return METRICS[metric].minimum;
}
function metricDescription(metric) {
  return METRICS[metric].description;
}

// src/config/units.ts
var MICRO = ["u", "\xB5", "\u03BC"];
function micro(suffix, factor) {
  return MICRO.map((p, i) => ({ symbol: p + suffix, factor, display: i === 1 }));
}
function carbonUnits(prefix, factor, display) {
  return ["", "CO2e", " CO2e", "CO2eq", " CO2eq", "CO2", " CO2"].map((s, i) => ({
    symbol: prefix + s,
    factor,
    display: display && i === 1
  }));
}
var KINDS = {
  bytes: {
    base: "bytes",
    noun: "a size",
    example: "5 MB",
    plain: true,
    units: [
      { symbol: "B", factor: 1, display: true },
      { symbol: "kB", factor: 1e3, display: true },
      { symbol: "MB", factor: 1e6, display: true },
      { symbol: "GB", factor: 1e9, display: true },
      { symbol: "TB", factor: 1e12, display: true },
      { symbol: "KiB", factor: 1024 },
      { symbol: "MiB", factor: 1024 ** 2 },
      { symbol: "GiB", factor: 1024 ** 3 },
      { symbol: "TiB", factor: 1024 ** 4 }
    ]
  },
  count: {
    base: "a plain count",
    noun: "a count",
    example: "1.5M",
    plain: true,
    units: [
      { symbol: "k", factor: 1e3, display: true, tight: true },
      { symbol: "K", factor: 1e3, tight: true },
      { symbol: "M", factor: 1e6, display: true, tight: true },
      { symbol: "G", factor: 1e9, display: true, tight: true },
      { symbol: "T", factor: 1e12, display: true, tight: true }
    ]
  },
  flops: {
    base: "FLOP",
    noun: "a FLOP count",
    example: "200 MFLOP",
    plain: true,
    units: [
      ...["", "k", "M", "G", "T", "P"].flatMap((p, i) => [
        { symbol: `${p}FLOP`, factor: 1e3 ** i, display: true },
        { symbol: `${p}FLOPs`, factor: 1e3 ** i }
      ]),
      // A bare count suffix is also a FLOP count (`200M`).
      { symbol: "k", factor: 1e3 },
      { symbol: "M", factor: 1e6 },
      { symbol: "G", factor: 1e9 },
      { symbol: "T", factor: 1e12 }
    ]
  },
  energy: {
    base: "joules",
    noun: "an energy",
    example: "2 mJ",
    plain: true,
    units: [
      { symbol: "nJ", factor: 1e-9, display: true },
      ...micro("J", 1e-6),
      { symbol: "mJ", factor: 1e-3, display: true },
      { symbol: "J", factor: 1, display: true },
      { symbol: "kJ", factor: 1e3, display: true },
      { symbol: "MJ", factor: 1e6, display: true },
      { symbol: "mWh", factor: 3.6 },
      { symbol: "Wh", factor: 3600 },
      { symbol: "kWh", factor: 36e5 },
      { symbol: "MWh", factor: 36e8 }
    ]
  },
  time: {
    base: "seconds",
    noun: "a duration",
    example: "5 ms",
    plain: true,
    units: [
      { symbol: "ns", factor: 1e-9, display: true },
      ...micro("s", 1e-6),
      { symbol: "ms", factor: 1e-3, display: true },
      { symbol: "s", factor: 1, display: true },
      { symbol: "min", factor: 60 },
      { symbol: "h", factor: 3600 }
    ]
  },
  percent: {
    base: "a fraction (0.05 = 5%)",
    noun: "a percentage",
    example: "5%",
    plain: true,
    units: [{ symbol: "%", factor: 0.01, display: true, tight: true }]
  },
  throughput: {
    base: "samples per second",
    noun: "a throughput",
    example: "1000 samples/s",
    plain: true,
    units: [
      { symbol: "samples/s", factor: 1, display: true },
      { symbol: "sample/s", factor: 1 },
      { symbol: "/s", factor: 1 },
      { symbol: "k samples/s", factor: 1e3 },
      { symbol: "ksamples/s", factor: 1e3 }
    ]
  },
  carbon: {
    base: "grams CO2e",
    noun: "a carbon mass",
    example: "2 gCO2e",
    plain: true,
    units: [
      ...carbonUnits("\xB5g", 1e-6, true),
      ...carbonUnits("ug", 1e-6, false),
      ...carbonUnits("mg", 1e-3, true),
      ...carbonUnits("g", 1, true),
      ...carbonUnits("kg", 1e3, true),
      ...carbonUnits("t", 1e6, true)
    ]
  },
  power: {
    base: "watts",
    noun: "a power",
    example: "65 W",
    plain: true,
    units: [
      { symbol: "mW", factor: 1e-3, display: true },
      { symbol: "W", factor: 1, display: true },
      { symbol: "kW", factor: 1e3, display: true }
    ]
  },
  "carbon-intensity": {
    base: "gCO2e per kWh",
    noun: "a carbon intensity",
    example: "400 gCO2e/kWh",
    plain: true,
    units: [
      { symbol: "gCO2e/kWh", factor: 1, display: true },
      { symbol: "g/kWh", factor: 1 },
      { symbol: "gCO2/kWh", factor: 1 },
      { symbol: "gCO2eq/kWh", factor: 1 },
      { symbol: "kg/kWh", factor: 1e3 },
      { symbol: "kgCO2e/kWh", factor: 1e3 }
    ]
  }
};
var QUANTITY_KINDS = Object.keys(KINDS);
var NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
var QUANTITY_RE = new RegExp(String.raw`^\s*(-?)(${NUMBER})\s*(.*?)\s*$`);
function describeKind(kind) {
  const info = KINDS[kind];
  return `${info.noun} like \`${info.example}\``;
}
function scale(n, factor) {
  if (factor >= 1) return n * factor;
  return n / Math.round(1 / factor);
}
function findUnit(kind, symbol) {
  const squashed = symbol.replace(/\s+/g, " ");
  return KINDS[kind].units.find((u) => u.symbol === squashed || u.symbol.replace(/ /g, "") === squashed.replace(/ /g, ""));
}
function kindsWithUnit(symbol) {
  return QUANTITY_KINDS.filter((k) => findUnit(k, symbol) !== void 0);
}
function show(text) {
  return typeof text === "number" ? String(text) : JSON.stringify(text).slice(1, -1);
}
function tryParseQuantity(text, kind) {
  const info = KINDS[kind];
  const expected = describeKind(kind);
  const fail2 = (message, example = info.example) => ({ ok: false, problem: { message, expected, example } });
  if (typeof text === "number") {
    if (!Number.isFinite(text)) return fail2(`\`${text}\` is not a finite number`);
    if (text < 0) return fail2(`\`${text}\` is negative; a budget quantity cannot be`);
    if (!info.plain) return fail2(`\`${text}\` has no unit`);
    return { ok: true, value: text };
  }
  if (typeof text !== "string") return fail2(`expected ${expected}`);
  const m = QUANTITY_RE.exec(text);
  if (!m) {
    if (text.trim() === "") return fail2("the quantity is empty");
    return fail2(`\`${show(text)}\` is not a number with a unit`);
  }
  const [, minus, num, unitText] = m;
  if (minus) return fail2(`\`${show(text)}\` is negative; a budget quantity cannot be`);
  const n = Number(num);
  if (!Number.isFinite(n)) return fail2(`\`${show(text)}\` is too large`);
  if (unitText === "") {
    if (!info.plain) return fail2(`\`${show(text)}\` has no unit`);
    return { ok: true, value: n };
  }
  const unit = findUnit(kind, unitText);
  if (unit) return { ok: true, value: scale(n, unit.factor) };
  const others = kindsWithUnit(unitText).filter((k) => k !== kind);
  if (others.length > 0) {
    const other = KINDS[others[0]];
    return fail2(`\`${show(text)}\` is ${other.noun}, not ${info.noun}`, exampleWithNumber(num, kind));
  }
  const hint = unitHint(kind, unitText);
  if (hint) return fail2(`unknown unit \`${show(unitText)}\` in \`${show(text)}\`; ${hint}`, `${num} ${hint.match(/`([^`]+)`/)?.[1] ?? ""}`.trim());
  return fail2(`unknown unit \`${show(unitText)}\` in \`${show(text)}\`; ${info.noun.replace(/^an? /, "")} takes ${displayUnits(kind)}`);
}
function displayUnits(kind) {
  return KINDS[kind].units.filter((u) => u.display).map((u) => `\`${u.symbol}\``).join(", ");
}
function exampleWithNumber(num, kind) {
  const ex = KINDS[kind].example;
  return ex.replace(/^[\d.]+/, num);
}
function unitHint(kind, unitText) {
  if (kind === "bytes" && unitText === "KB") return "write `kB` (1000 bytes) or `KiB` (1024 bytes)";
  const lower = unitText.toLowerCase();
  const sameCase = KINDS[kind].units.filter((u) => u.symbol.toLowerCase() === lower);
  if (sameCase.length === 1) return `did you mean \`${sameCase[0]?.symbol}\`?`;
  const words = {
    bytes: { byte: "B", bytes: "B", kb: "kB", kilobytes: "kB", megabytes: "MB", gigabytes: "GB" },
    energy: { joule: "J", joules: "J", millijoules: "mJ", microjoules: "\xB5J" },
    time: { sec: "s", secs: "s", second: "s", seconds: "s", msec: "ms", milliseconds: "ms", microseconds: "\xB5s" },
    power: { watt: "W", watts: "W" },
    throughput: { "samples/sec": "samples/s", "inferences/s": "samples/s", qps: "samples/s" }
  };
  const w = words[kind]?.[lower];
  return w ? `did you mean \`${w}\`?` : void 0;
}
function trimNumber(n, digits) {
  if (n === 0) return "0";
  if (Math.abs(n) >= 10 ** digits) return String(Math.round(n));
  const s = n.toPrecision(digits);
  const plain = s.includes("e") ? String(Number(s)) : s;
  return plain.includes(".") ? plain.replace(/0+$/, "").replace(/\.$/, "") : plain;
}
function formatQuantity(value, kind, options = {}) {
  const digits = options.digits ?? 3;
  const units = KINDS[kind].units.filter((u) => u.display).sort((a, b) => a.factor - b.factor);
  if (!Number.isFinite(value)) return `${value}`;
  const abs2 = Math.abs(value);
  let unit = units[0];
  if (kind === "count" && abs2 < units[0].factor) return trimNumber(value, digits);
  if (abs2 > 0) {
    for (const u of units) if (abs2 >= u.factor * (1 - 1e-12)) unit = u;
  } else {
    unit = units.find((u) => u.factor === 1) ?? unit;
  }
  let n = value / unit.factor;
  const rounded = Number(trimNumber(n, digits));
  const next = units[units.indexOf(unit) + 1];
  if (next && Math.abs(rounded) * unit.factor >= next.factor) {
    unit = next;
    n = value / unit.factor;
  }
  return `${trimNumber(n, digits)}${unit.tight ? "" : " "}${unit.symbol}`;
}

// src/config/schema.ts
var ENUMS = {
  device: ["cpu", "cuda", "webgpu"],
  energy: ["auto", "rapl", "nvml", "estimate"],
  loss: ["mse", "bce", "bce-logits", "cross-entropy"],
  optimizer: ["sgd", "momentum", "rmsprop", "adam"],
  inconclusive: ["warn", "fail", "pass"],
  level: ["error", "warn"],
  dtype: [
    "float32",
    "float64",
    "float16",
    "bfloat16",
    "int8",
    "uint8",
    "int16",
    "uint16",
    "int32",
    "uint32",
    "int64",
    "uint64",
    "bool",
    "string",
    "int4",
    "uint4",
    "float8e4m3fn",
    "float8e4m3fnuz",
    "float8e5m2",
    "float8e5m2fnuz",
    "float4e2m1",
    "complex64",
    "complex128"
  ]
};
var DEFAULTS = {
  threads: 1,
  device: "cpu",
  energy: "auto",
  advise: false,
  iterations: "auto",
  inferenceWarmup: 10,
  maxTimeS: 10,
  targetRelativeCi: 0.02,
  optimizer: "adam",
  learningRate: 1e-3,
  steps: 50,
  trainingWarmup: 5,
  inconclusive: "warn",
  level: "error"
};
var oneOf = (values) => values.map((v) => `\`${v}\``).join(", ");
function metricDocs(regression) {
  const docs = {};
  for (const m of METRIC_KEYS) {
    const kind = metricKind(m);
    docs[m] = regression ? {
      description: `Allowed ${m === "throughput" ? "drop" : "growth"} of ${m} against the baseline: a percentage, or ${describeKind(kind)}.`,
      example: `${m}: 5%`,
      expected: `a percentage like \`5%\` or ${describeKind(kind)}`
    } : {
      description: `${metricDescription(m)} Written as ${describeKind(kind)}, or \`{ limit: \u2026, level: warn }\`.`,
      example: `${m}: ${exampleFor(kind)}`,
      expected: `${describeKind(kind)}, or \`{ limit: ${exampleFor(kind)}, level: warn }\``
    };
  }
  return docs;
}
function exampleFor(kind) {
  return describeKind(kind).replace(/^.*`(.*)`$/, "$1");
}
var SECTIONS = {
  root: {
    version: { description: "Budget-file format version; always 1.", example: "version: 1", expected: "`1`" },
    models: {
      description: "The ONNX models to benchmark, each with its own budget.",
      example: "models: [{ name: classifier, path: models/classifier.onnx }]",
      expected: "a list of models, each with a `name` and a `path`"
    },
    power: {
      description: "Power-model overrides for the `estimate` energy method: cpu-tdp, idle-watts, max-watts.",
      example: "power: { cpu-tdp: 65 W }",
      expected: "a mapping with `cpu-tdp`, `idle-watts` or `max-watts`"
    },
    carbon: {
      description: "Grid carbon intensity used to turn energy into CO2e: an `intensity` or a `region`.",
      example: "carbon: { region: DE }",
      expected: "a mapping with `intensity` or `region`"
    },
    inconclusive: {
      description: "What a comparison does when runner noise hides the answer: warn (default), fail or pass.",
      example: "inconclusive: warn",
      expected: `one of ${oneOf(ENUMS.inconclusive)}`
    }
  },
  model: {
    name: { description: "A unique name, shown in reports.", example: "name: classifier", expected: "a non-empty text unique in the file" },
    path: {
      description: "The .onnx file, relative to the budget file.",
      example: "path: models/classifier.onnx",
      expected: "the path of an .onnx file, relative to the budget file"
    },
    dims: {
      description: "Values for symbolic dimensions (default 1 each, with a notice).",
      example: "dims: { N: 32 }",
      expected: "a mapping from dimension name to a positive whole number"
    },
    inputs: {
      description: "Explicit input specs by input name: a shape and dtype, a fixed value, or a .npy file.",
      example: "inputs: { x: { shape: [32, 784], dtype: float32 } }",
      expected: "a mapping from input name to `{ shape, dtype }`, `{ value }` or `{ data }`"
    },
    threads: { description: "Intra-op threads. Default 1.", example: "threads: 1", expected: "a positive whole number" },
    device: {
      description: "Execution provider: cpu (default), cuda or webgpu.",
      example: "device: cpu",
      expected: `one of ${oneOf(ENUMS.device)}`
    },
    inference: {
      description: "Inference benchmark settings; `false` skips it. Present by default.",
      example: "inference: { iterations: auto, warmup: 10 }",
      expected: "a mapping with `iterations`, `warmup`, `max-time`, `target-ci`, or `false`"
    },
    energy: {
      description: "Energy meter: auto (default), rapl, nvml or estimate.",
      example: "energy: auto",
      expected: `one of ${oneOf(ENUMS.energy)}`
    },
    training: {
      description: "Benchmark a training step (loss, optimizer, learning rate, steps).",
      example: "training: { loss: bce, optimizer: adam }",
      expected: "a mapping with at least `loss` (or `step-model`)"
    },
    advise: {
      description: "Always show optimisation advice for this model (else only when over budget). Default false.",
      example: "advise: true",
      expected: "`true` or `false`"
    },
    budget: {
      description: "Absolute limits by metric, and `regression:` limits against the baseline.",
      example: "budget: { latency-p95: 5 ms }",
      expected: "a mapping from metric name to a limit"
    }
  },
  input: {
    shape: {
      description: "The shape to synthesise (positive whole numbers).",
      example: "shape: [32, 784]",
      expected: "a list of positive whole numbers"
    },
    dtype: { description: "The element type.", example: "dtype: float32", expected: `one of ${oneOf(ENUMS.dtype)}` },
    value: {
      description: "A fixed value, scalar or nested list, instead of random data.",
      example: "value: 16000",
      expected: "a number, boolean or text, or a rectangular nested list of them"
    },
    data: {
      description: "A .npy file with the input, relative to the budget file.",
      example: "data: inputs/tokens.npy",
      expected: "the path of a .npy file, relative to the budget file"
    }
  },
  inference: {
    iterations: {
      description: "Timed runs: a number, or auto (sample until the 95% CI half-width of the mean is under target-ci, or max-time).",
      example: "iterations: auto",
      expected: "`auto` or a positive whole number"
    },
    warmup: { description: "Untimed runs before timing. Default 10.", example: "warmup: 10", expected: "a whole number, 0 or more" },
    "max-time": {
      description: "Time cap for `iterations: auto`. Default 10 s.",
      example: "max-time: 10 s",
      expected: describeKind("time")
    },
    "target-ci": {
      description: "Relative 95% CI half-width at which `iterations: auto` stops. Default 2%.",
      example: "target-ci: 2%",
      expected: describeKind("percent")
    }
  },
  training: {
    loss: {
      description: "Loss function: mse, bce, bce-logits or cross-entropy.",
      example: "loss: bce",
      expected: `one of ${oneOf(ENUMS.loss)}`
    },
    optimizer: {
      description: "Optimizer: sgd, momentum, rmsprop or adam (default).",
      example: "optimizer: adam",
      expected: `one of ${oneOf(ENUMS.optimizer)}`
    },
    "learning-rate": { description: "Learning rate. Default 0.001.", example: "learning-rate: 0.001", expected: "a positive number" },
    steps: { description: "Timed training steps. Default 50.", example: "steps: 50", expected: "a positive whole number" },
    warmup: { description: "Untimed training steps first. Default 5.", example: "warmup: 5", expected: "a whole number, 0 or more" },
    momentum: { description: "Momentum coefficient (momentum optimizer), in [0, 1). Default 0.9.", example: "momentum: 0.9", expected: "a number from 0 up to (not including) 1" },
    beta1: { description: "Adam first-moment decay, in [0, 1). Default 0.9.", example: "beta1: 0.9", expected: "a number from 0 up to (not including) 1" },
    beta2: { description: "Adam second-moment decay, in [0, 1). Default 0.999.", example: "beta2: 0.999", expected: "a number from 0 up to (not including) 1" },
    rho: { description: "RMSprop decay, in [0, 1). Default 0.9.", example: "rho: 0.9", expected: "a number from 0 up to (not including) 1" },
    epsilon: { description: "Numerical-stability term of adam and rmsprop. Default 1e-8.", example: "epsilon: 1e-8", expected: "a positive number" },
    "dataset-size": {
      description: "Samples in the training set, to project a full run (training-energy-total).",
      example: "dataset-size: 60k",
      expected: "a positive whole count like `60000` or `60k`"
    },
    epochs: { description: "Epochs of the projected full run. Default 1.", example: "epochs: 10", expected: "a positive number" },
    "step-model": {
      description: "Bring your own training step: an .onnx model that does one step, relative to the budget file.",
      example: "step-model: models/train-step.onnx",
      expected: "the path of an .onnx file, relative to the budget file"
    },
    feedback: {
      description: "For step-model: which output feeds which input on the next step (updated weights, optimizer state).",
      example: "feedback: { w_out: w_in }",
      expected: "a mapping from output name to input name"
    }
  },
  power: {
    "cpu-tdp": { description: "The CPU's thermal design power, overriding the detected one.", example: "cpu-tdp: 65 W", expected: describeKind("power") },
    "idle-watts": { description: "Whole-machine power at idle, for the power model.", example: "idle-watts: 20 W", expected: describeKind("power") },
    "max-watts": { description: "Whole-machine power at full load, for the power model.", example: "max-watts: 120 W", expected: describeKind("power") }
  },
  carbon: {
    intensity: {
      description: "Grid carbon intensity in gCO2e per kWh.",
      example: "intensity: 400 gCO2e/kWh",
      expected: describeKind("carbon-intensity")
    },
    region: {
      description: "ISO 3166-1 alpha-2 country code whose average grid intensity to use.",
      example: "region: DE",
      expected: "a two-letter country code in capitals"
    }
  },
  budget: {
    ...metricDocs(false),
    regression: {
      description: "Allowed change against the baseline by metric: a percentage (`5%`) or a quantity in the metric's unit.",
      example: "regression: { energy-per-inference: 5% }",
      expected: "a mapping from metric name to a percentage or a quantity"
    }
  },
  regression: metricDocs(true),
  limit: {
    limit: { description: "The limit, in the metric's unit.", example: "limit: 5 ms", expected: "a quantity in the metric's unit" },
    level: {
      description: "error (default) fails the check; warn only reports.",
      example: "level: warn",
      expected: `one of ${oneOf(ENUMS.level)}`
    }
  }
};
function sectionKeys(section) {
  return Object.keys(SECTIONS[section]);
}

// src/config/load.ts
var MINIMAL_EXAMPLE = "`version: 1` then `models: [{ name: classifier, path: models/classifier.onnx }]`";
async function loadConfig(file, readFile3 = (p) => fsReadFile(p, "utf8")) {
  const abs2 = resolve(file);
  let text;
  try {
    text = await readFile3(abs2);
  } catch (error) {
    const code = error?.code;
    const why = code === "ENOENT" ? "the budget file does not exist" : code === "EISDIR" ? "the budget file is a folder" : `the budget file cannot be read (${error instanceof Error ? error.message : String(error)})`;
    throw new ConfigError([
      {
        file: abs2,
        path: "",
        message: why,
        expected: "a YAML budget file: create `energy-budget.yml` next to your models, or pass `--config FILE`",
        example: MINIMAL_EXAMPLE
      }
    ]);
  }
  return parseConfig(text, abs2);
}
function parseConfig(text, file) {
  const abs2 = resolve(file);
  const dir = dirname(abs2);
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const v = new Validator(abs2, dir, lineCounter, doc);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) v.yamlError(e.code, e.message, e.pos, text);
    throw new ConfigError(v.issues);
  }
  const config = v.root(doc.contents, text);
  if (v.issues.length > 0) throw new ConfigError(sortIssues(v.issues));
  return config;
}
function sortIssues(issues) {
  return issues.map((issue, i) => ({ issue, i })).sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || (a.issue.column ?? 0) - (b.issue.column ?? 0) || a.i - b.i).map((x) => x.issue);
}
var SECTION_LABEL = {
  root: "the top level",
  model: "a model",
  input: "an input spec",
  inference: "`inference`",
  training: "`training`",
  power: "`power`",
  carbon: "`carbon`",
  budget: "`budget` (a metric or `regression`)",
  regression: "`regression` (a metric)",
  limit: "a limit"
};
var NESTED_HINTS = {
  root: [
    ["model", "inside an entry of `models:`"],
    ["budget", "under a model's `budget:`"]
  ],
  model: [
    ["budget", "under `budget:`"],
    ["inference", "under `inference:`"],
    ["training", "under `training:`"],
    ["input", "under `inputs: { <input name>: \u2026 }`"]
  ]
};
function childPath(parent, key) {
  const part = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  if (part.startsWith('"')) return `${parent}[${part}]`;
  return parent ? `${parent}.${part}` : part;
}
function quote(text) {
  return JSON.stringify(text);
}
var Validator = class {
  constructor(file, dir, lineCounter, doc) {
    this.file = file;
    this.dir = dir;
    this.lineCounter = lineCounter;
    this.doc = doc;
  }
  file;
  dir;
  lineCounter;
  doc;
  issues = [];
  /** 1-based line and column of a node. */
  pos(node2) {
    const range = node2?.range;
    if (!range) return {};
    const p = this.lineCounter.linePos(range[0]);
    return { line: p.line, column: p.col };
  }
  add(path2, node2, message, expected, example) {
    this.issues.push({
      file: this.file,
      path: path2,
      ...this.pos(node2),
      message,
      ...expected ? { expected } : {},
      ...example ? { example } : {}
    });
  }
  addFor(entry, doc, message) {
    this.add(entry.path, entry.at, message, doc.expected, doc.example);
  }
  yamlError(code, message, pos, text) {
    const { line, col } = this.lineCounter.linePos(pos[0]);
    let msg = `invalid YAML: ${message.replace(/\s+/g, " ").trim()}`;
    let expected = "valid YAML: `key: value` pairs, nested keys indented with spaces";
    let example = "budget: { latency-p95: 5 ms }";
    if (code === "DUPLICATE_KEY") {
      const key = text.slice(pos[0]).split(/[:\n]/)[0]?.trim() ?? "";
      msg = `duplicate key \`${key}\`; a key may appear once in each mapping`;
      expected = "each key once; merge the two entries";
      example = `${key}: \u2026`;
    } else if (code === "TAB_AS_INDENT") {
      expected = "indentation with spaces (YAML does not allow tabs)";
      example = "  path: models/classifier.onnx";
    }
    this.issues.push({ file: this.file, path: "", line, column: col, message: msg, expected, example });
  }
  resolveNode(node2) {
    let n = node2;
    for (let i = 0; i < 100 && n && (0, import_yaml.isAlias)(n); i++) n = n.resolve(this.doc);
    if (!n) return null;
    if ((0, import_yaml.isScalar)(n) && n.value === null) return null;
    return n;
  }
  /** Words for what a node is: `the text "abc"`, `the number 5`, `a list`. */
  describe(node2) {
    if (node2 === null) return "nothing";
    if ((0, import_yaml.isMap)(node2)) return "a mapping";
    if ((0, import_yaml.isSeq)(node2)) return "a list";
    if ((0, import_yaml.isScalar)(node2)) {
      const v = node2.value;
      if (typeof v === "string") return `the text ${quote(v)}`;
      if (typeof v === "number") return `the number ${node2.source ?? String(v)}`;
      if (typeof v === "boolean") return `\`${v}\``;
    }
    return "an unsupported value";
  }
  /** The entries of a mapping; reports a non-mapping and (for a section) unknown keys. */
  mapping(node2, path2, at, section, doc) {
    if (node2 === null || !(0, import_yaml.isMap)(node2)) {
      this.add(path2, node2 ?? at, `expected a mapping, got ${this.describe(node2)}`, doc?.expected, doc?.example);
      return void 0;
    }
    const entries = [];
    for (const pair of node2.items) {
      const keyNode = pair.key;
      const resolvedKey = this.resolveNode(keyNode);
      if (!resolvedKey || !(0, import_yaml.isScalar)(resolvedKey) || typeof resolvedKey.value === "object") {
        this.add(path2, keyNode ?? node2, `a key must be plain text, got ${this.describe(resolvedKey)}`, "keys like `name` or `latency-p95`", doc?.example);
        continue;
      }
      const key = String(resolvedKey.value);
      const value = this.resolveNode(pair.value);
      const rawValue = pair.value;
      const hasPos = rawValue && rawValue.range && rawValue.range[1] > rawValue.range[0];
      const entry = { key, keyNode, value, at: hasPos ? rawValue : keyNode, path: childPath(path2, key) };
      if (section && !(key in SECTIONS[section])) {
        this.unknownKey(entry, section);
        continue;
      }
      entries.push(entry);
    }
    return entries;
  }
  unknownKey(entry, section) {
    const allowed = sectionKeys(section);
    const metricSection = section === "budget" || section === "regression";
    const expected = `a key of ${SECTION_LABEL[section]}: ${allowed.join(", ")}`;
    if (entry.key === "<<") {
      this.add(entry.path, entry.keyNode, "YAML merge keys (`<<`) are not supported; write the keys out", expected, SECTIONS[section][allowed[0]]?.example);
      return;
    }
    const guess = suggest(entry.key, allowed);
    if (guess) {
      this.add(
        entry.path,
        entry.keyNode,
        `${metricSection ? `\`${entry.key}\` is not a metric` : `unknown key \`${entry.key}\``}; did you mean \`${guess}\`?`,
        expected,
        SECTIONS[section][guess]?.example
      );
      return;
    }
    for (const [other, where] of NESTED_HINTS[section] ?? []) {
      const doc = SECTIONS[other][entry.key];
      if (doc) {
        this.add(entry.path, entry.keyNode, `\`${entry.key}\` does not belong at ${SECTION_LABEL[section]}; put it ${where}`, expected, doc.example);
        return;
      }
    }
    if (section === "regression" && entry.key === "regression") {
      this.add(entry.path, entry.keyNode, "`regression` cannot be nested", expected, SECTIONS.budget.regression?.example);
      return;
    }
    const first = allowed[0];
    this.add(
      entry.path,
      entry.keyNode,
      metricSection ? `\`${entry.key}\` is not a metric` : `unknown key \`${entry.key}\``,
      expected,
      SECTIONS[section][first]?.example
    );
  }
  required(entries, keys, section, path2, node2) {
    let ok = true;
    for (const k of keys) {
      if (!entries.some((e) => e.key === k)) {
        const doc = SECTIONS[section][k];
        this.add(path2, node2, `missing required key \`${k}\``, doc.expected, doc.example);
        ok = false;
      }
    }
    return ok;
  }
  // ---- scalars --------------------------------------------------------------------------
  scalarValue(entry) {
    return entry.value && (0, import_yaml.isScalar)(entry.value) ? entry.value.value : void 0;
  }
  text(entry, doc) {
    const v = this.scalarValue(entry);
    if (typeof v !== "string") {
      this.addFor(entry, doc, `expected text, got ${this.describe(entry.value)}`);
      return void 0;
    }
    if (v.trim() === "") {
      this.addFor(entry, doc, "must not be empty");
      return void 0;
    }
    return v;
  }
  integer(entry, doc, min2) {
    const v = this.scalarValue(entry);
    if (typeof v !== "number" || !Number.isInteger(v)) {
      this.addFor(entry, doc, `expected a whole number, got ${this.describe(entry.value)}`);
      return void 0;
    }
    if (v < min2) {
      this.addFor(entry, doc, `must be at least ${min2}, got ${v}`);
      return void 0;
    }
    return v;
  }
  number(entry, doc, range) {
    const v = this.scalarValue(entry);
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.addFor(entry, doc, `expected a number, got ${this.describe(entry.value)}`);
      return void 0;
    }
    if (range === "positive" && !(v > 0)) {
      this.addFor(entry, doc, `must be greater than 0, got ${v}`);
      return void 0;
    }
    if (range === "unit" && !(v >= 0 && v < 1)) {
      this.addFor(entry, doc, `must be from 0 up to (not including) 1, got ${v}`);
      return void 0;
    }
    return v;
  }
  boolean(entry, doc) {
    const v = this.scalarValue(entry);
    if (typeof v !== "boolean") {
      this.addFor(entry, doc, `expected \`true\` or \`false\`, got ${this.describe(entry.value)}`);
      return void 0;
    }
    return v;
  }
  enumeration(entry, doc, values, what, aliases = {}) {
    const v = this.scalarValue(entry);
    if (typeof v !== "string") {
      this.addFor(entry, doc, `expected ${what}, got ${this.describe(entry.value)}`);
      return void 0;
    }
    if (values.includes(v)) return v;
    const guess = Object.prototype.hasOwnProperty.call(aliases, v.toLowerCase()) ? aliases[v.toLowerCase()] : suggest(v, values);
    this.addFor(entry, doc, `\`${v}\` is not a valid ${what}${guess ? `; did you mean \`${guess}\`?` : ""}`);
    return void 0;
  }
  /** A quantity in base units; `example` is the `key: value` line to show. */
  quantity(entry, kind, doc, positive2 = false) {
    const v = this.scalarValue(entry);
    if (typeof v !== "string" && typeof v !== "number") {
      this.addFor(entry, doc, `expected ${describeKind(kind)}, got ${this.describe(entry.value)}`);
      return void 0;
    }
    const r = tryParseQuantity(v, kind);
    if (!r.ok) {
      this.add(entry.path, entry.at, r.problem.message, doc.expected, `${entry.key}: ${r.problem.example}`);
      return void 0;
    }
    if (positive2 && !(r.value > 0)) {
      this.addFor(entry, doc, `must be greater than 0, got ${typeof v === "string" ? `\`${v}\`` : v}`);
      return void 0;
    }
    return r.value;
  }
  // ---- sections -------------------------------------------------------------------------
  root(node2, source) {
    const config = {
      version: 1,
      file: this.file,
      dir: this.dir,
      models: [],
      power: {},
      inconclusive: DEFAULTS.inconclusive,
      source
    };
    const resolved = this.resolveNode(node2);
    if (resolved === null) {
      this.add("", null, "the budget file is empty", "a mapping with `version: 1` and a `models:` list", MINIMAL_EXAMPLE);
      return config;
    }
    if (!(0, import_yaml.isMap)(resolved)) {
      this.add("", resolved, `the budget file must be a mapping, got ${this.describe(resolved)}`, "a mapping with `version: 1` and a `models:` list", MINIMAL_EXAMPLE);
      return config;
    }
    const entries = this.mapping(resolved, "", null, "root", void 0) ?? [];
    this.required(entries, ["version", "models"], "root", "", resolved);
    for (const e of entries) {
      const doc = SECTIONS.root[e.key];
      switch (e.key) {
        case "version": {
          const v = this.scalarValue(e);
          if (v !== 1) this.addFor(e, doc, `unsupported version: got ${this.describe(e.value)}; this release reads version 1`);
          break;
        }
        case "models":
          config.models = this.models(e, doc);
          break;
        case "power":
          Object.assign(config.power, this.power(e, doc));
          break;
        case "carbon":
          Object.assign(config.power, this.carbon(e, doc));
          break;
        case "inconclusive":
          config.inconclusive = this.enumeration(e, doc, ENUMS.inconclusive, "inconclusive outcome", { error: "fail", warning: "warn", ignore: "pass" }) ?? DEFAULTS.inconclusive;
          break;
      }
    }
    return config;
  }
  models(entry, doc) {
    const node2 = entry.value;
    if (node2 === null || !(0, import_yaml.isSeq)(node2)) {
      this.addFor(entry, doc, `expected a list of models, got ${this.describe(node2)}`);
      return [];
    }
    if (node2.items.length === 0) {
      this.addFor(entry, doc, "the list of models is empty; add at least one");
      return [];
    }
    const models = [];
    const seen = /* @__PURE__ */ new Map();
    node2.items.forEach((item, i) => {
      const path2 = `models[${i}]`;
      const model = this.model(this.resolveNode(item), path2, item ?? node2);
      if (!model) return;
      const prior = model.name ? seen.get(model.name) : void 0;
      if (prior) {
        const nameNode = (0, import_yaml.isMap)(item) ? item.get("name", true) : void 0;
        this.add(
          `${path2}.name`,
          nameNode ?? item,
          `duplicate model name \`${model.name}\`; ${prior.path}${prior.line ? ` (line ${prior.line})` : ""} has it too`,
          "a name unique in the file; reports and baselines match models by name",
          `name: ${model.name}-2`
        );
      } else if (model.name) {
        seen.set(model.name, { path: path2, line: model.line });
      }
      models.push(model);
    });
    return models;
  }
  model(node2, path2, at) {
    const entries = this.mapping(node2, path2, at, "model", {
      description: "",
      expected: "a model: a mapping with at least `name` and `path`",
      example: "- { name: classifier, path: models/classifier.onnx }"
    });
    if (!entries) return void 0;
    this.required(entries, ["name", "path"], "model", path2, node2);
    const model = {
      name: "",
      pathInConfig: "",
      path: "",
      dims: {},
      inputs: {},
      threads: DEFAULTS.threads,
      device: DEFAULTS.device,
      inference: defaultInference(),
      energy: DEFAULTS.energy,
      training: null,
      advise: DEFAULTS.advise,
      budget: []
    };
    const line = this.pos(node2).line;
    if (line !== void 0) model.line = line;
    for (const e of entries) {
      const doc = SECTIONS.model[e.key];
      switch (e.key) {
        case "name":
          model.name = this.text(e, doc) ?? "";
          break;
        case "path": {
          const p = this.text(e, doc);
          if (p !== void 0) {
            model.pathInConfig = p;
            model.path = resolve(this.dir, p);
          }
          break;
        }
        case "dims":
          model.dims = this.dims(e, doc);
          break;
        case "inputs":
          model.inputs = this.inputs(e, doc);
          break;
        case "threads":
          model.threads = this.integer(e, doc, 1) ?? DEFAULTS.threads;
          break;
        case "device":
          model.device = this.enumeration(e, doc, ENUMS.device, "device", { gpu: "cuda", nvidia: "cuda" }) ?? DEFAULTS.device;
          break;
        case "energy":
          model.energy = this.enumeration(e, doc, ENUMS.energy, "energy meter") ?? DEFAULTS.energy;
          break;
        case "inference":
          model.inference = this.inference(e, doc);
          break;
        case "training":
          model.training = this.training(e, doc);
          break;
        case "advise":
          model.advise = this.boolean(e, doc) ?? DEFAULTS.advise;
          break;
        case "budget":
          model.budget = this.budget(e, doc);
          break;
      }
    }
    return model;
  }
  dims(entry, doc) {
    const out2 = {};
    for (const e of this.mapping(entry.value, entry.path, entry.at, null, doc) ?? []) {
      const n = this.integer(e, { ...doc, example: `dims: { ${e.key}: 32 }` }, 1);
      if (n !== void 0) out2[e.key] = n;
    }
    return out2;
  }
  inputs(entry, doc) {
    const out2 = {};
    for (const e of this.mapping(entry.value, entry.path, entry.at, null, doc) ?? []) {
      const spec = this.inputSpec(e);
      if (spec) out2[e.key] = spec;
    }
    return out2;
  }
  inputSpec(entry) {
    const entries = this.mapping(entry.value, entry.path, entry.at, "input", {
      description: "",
      expected: "an input spec: `{ shape, dtype }`, `{ value }` or `{ data }`",
      example: `${entry.key}: { shape: [1, 784], dtype: float32 }`
    });
    if (!entries) return void 0;
    const before = this.issues.length;
    let shape;
    let dtype;
    let value;
    let hasValue = false;
    let data;
    let valueCount;
    let valueEntry;
    for (const e of entries) {
      const doc = SECTIONS.input[e.key];
      switch (e.key) {
        case "shape":
          shape = this.shape(e, doc);
          break;
        case "dtype":
          dtype = this.enumeration(e, doc, ENUMS.dtype, "dtype", DTYPE_ALIASES);
          break;
        case "value": {
          const r = this.fixedValue(e, doc);
          if (r) {
            value = r.value;
            valueCount = r.count;
            hasValue = true;
            valueEntry = e;
          }
          break;
        }
        case "data": {
          const p = this.text(e, doc);
          if (p !== void 0 && !p.toLowerCase().endsWith(".npy")) this.addFor(e, doc, `\`${p}\` is not a .npy file`);
          else if (p !== void 0) data = p;
          break;
        }
      }
    }
    const has = (k) => entries.find((e) => e.key === k);
    const dataEntry = has("data");
    if (dataEntry && has("value")) {
      this.add(entry.path, dataEntry.keyNode, "give either `value` or `data`, not both", "one source per input: a fixed `value` or a `.npy` file in `data`", SECTIONS.input.data?.example);
    }
    if (dataEntry && has("shape")) {
      this.add(entry.path, has("shape")?.keyNode, "a `.npy` file carries its own shape; remove `shape` or `data`", "`data` alone, or `shape` (and `dtype`) to synthesise random data", SECTIONS.input.data?.example);
    }
    if (shape && valueEntry && valueCount !== void 0 && valueCount > 1) {
      const want = shape.reduce((a, b) => a * b, 1);
      if (want !== valueCount) {
        this.add(
          valueEntry.path,
          valueEntry.at,
          `has ${valueCount} elements but shape [${shape.join(", ")}] holds ${want}`,
          "a single value (repeated to fill the shape) or exactly as many elements as the shape holds",
          `value: 0`
        );
      }
    }
    if (this.issues.length > before) return void 0;
    if (data !== void 0) return { kind: "npy", file: resolve(this.dir, data), ...dtype ? { dtype } : {} };
    if (hasValue) return { kind: "value", value, ...shape ? { shape } : {}, ...dtype ? { dtype } : {} };
    return { kind: "random", ...shape ? { shape } : {}, ...dtype ? { dtype } : {} };
  }
  shape(entry, doc) {
    const node2 = entry.value;
    if (node2 === null || !(0, import_yaml.isSeq)(node2)) {
      this.addFor(entry, doc, `expected a list of positive whole numbers, got ${this.describe(node2)}`);
      return void 0;
    }
    const dims = [];
    let ok = true;
    node2.items.forEach((item, i) => {
      const n = this.resolveNode(item);
      const v = n && (0, import_yaml.isScalar)(n) ? n.value : void 0;
      if (typeof v !== "number" || !Number.isInteger(v) || v < 1) {
        this.add(`${entry.path}[${i}]`, item ?? node2, `expected a positive whole number, got ${this.describe(n)}`, doc.expected, doc.example);
        ok = false;
      } else {
        dims.push(v);
      }
    });
    return ok ? dims : void 0;
  }
  /** A scalar or a rectangular nested list of scalars of one type. */
  fixedValue(entry, doc) {
    const types2 = /* @__PURE__ */ new Set();
    let ok = true;
    const walk = (node2, path2, at) => {
      if (node2 !== null && (0, import_yaml.isScalar)(node2) && ["number", "boolean", "string"].includes(typeof node2.value)) {
        types2.add(typeof node2.value);
        return { value: node2.value, dims: [] };
      }
      if (node2 !== null && (0, import_yaml.isSeq)(node2)) {
        const parts = node2.items.map((item, i) => walk(this.resolveNode(item), `${path2}[${i}]`, item ?? node2));
        if (parts.some((p) => p === void 0)) return void 0;
        const first = parts[0]?.dims ?? [];
        for (let i = 1; i < parts.length; i++) {
          if ((parts[i]?.dims ?? []).join(",") !== first.join(",")) {
            this.add(`${path2}[${i}]`, node2.items[i], `the nested list is ragged: this item has shape [${parts[i]?.dims.join(", ")}], the first has [${first.join(", ")}]`, doc.expected, "value: [[1, 2], [3, 4]]");
            ok = false;
            return void 0;
          }
        }
        return { value: parts.map((p) => p?.value), dims: [parts.length, ...first] };
      }
      this.add(path2, node2 ?? at, `expected a number, boolean or text, got ${this.describe(node2)}`, doc.expected, doc.example);
      ok = false;
      return void 0;
    };
    const r = walk(entry.value, entry.path, entry.at);
    if (!r || !ok) return void 0;
    if (types2.size > 1) {
      this.addFor(entry, doc, `mixes ${[...types2].sort().join(" and ")} values; use one type`);
      return void 0;
    }
    return { value: r.value, count: r.dims.reduce((a, b) => a * b, 1) };
  }
  inference(entry, doc) {
    const inference = defaultInference();
    const v = this.scalarValue(entry);
    if (typeof v === "boolean") return v ? inference : null;
    for (const e of this.mapping(entry.value, entry.path, entry.at, "inference", doc) ?? []) {
      const d = SECTIONS.inference[e.key];
      switch (e.key) {
        case "iterations": {
          const it = this.scalarValue(e);
          if (it === "auto") inference.iterations = "auto";
          else if (typeof it === "number") inference.iterations = this.integer(e, d, 1) ?? "auto";
          else this.addFor(e, d, `expected \`auto\` or a positive whole number, got ${this.describe(e.value)}`);
          break;
        }
        case "warmup":
          inference.warmup = this.integer(e, d, 0) ?? DEFAULTS.inferenceWarmup;
          break;
        case "max-time":
          inference.maxTimeS = this.quantity(e, "time", d, true) ?? DEFAULTS.maxTimeS;
          break;
        case "target-ci": {
          const q = this.quantity(e, "percent", d, true);
          if (q !== void 0 && q >= 1) this.addFor(e, d, `must be under 100%, got ${String(this.scalarValue(e))}`);
          else if (q !== void 0) inference.targetRelativeCi = q;
          break;
        }
      }
    }
    return inference;
  }
  training(entry, doc) {
    const entries = this.mapping(entry.value, entry.path, entry.at, "training", doc);
    if (!entries) return null;
    const t = {
      loss: "mse",
      optimizer: DEFAULTS.optimizer,
      learningRate: DEFAULTS.learningRate,
      steps: DEFAULTS.steps,
      warmup: DEFAULTS.trainingWarmup
    };
    const has = (k) => entries.find((e) => e.key === k);
    if (!has("step-model") && !has("loss")) {
      const d = SECTIONS.training.loss;
      this.add(entry.path, entry.value, "missing required key `loss` (needed unless `step-model` is given)", d.expected, d.example);
    }
    const setOptional = (key, value) => {
      if (value !== void 0) t[key] = value;
    };
    for (const e of entries) {
      const d = SECTIONS.training[e.key];
      switch (e.key) {
        case "loss":
          t.loss = this.enumeration(e, d, ENUMS.loss, "loss") ?? t.loss;
          break;
        case "optimizer":
          t.optimizer = this.enumeration(e, d, ENUMS.optimizer, "optimizer") ?? t.optimizer;
          break;
        case "learning-rate":
          t.learningRate = this.number(e, d, "positive") ?? t.learningRate;
          break;
        case "steps":
          t.steps = this.integer(e, d, 1) ?? t.steps;
          break;
        case "warmup":
          t.warmup = this.integer(e, d, 0) ?? t.warmup;
          break;
        case "momentum":
        case "beta1":
        case "beta2":
        case "rho":
          setOptional(e.key, this.number(e, d, "unit"));
          break;
        case "epsilon":
          setOptional("epsilon", this.number(e, d, "positive"));
          break;
        case "epochs":
          setOptional("epochs", this.number(e, d, "positive"));
          break;
        case "dataset-size": {
          const n = this.quantity(e, "count", d, true);
          if (n !== void 0 && !Number.isInteger(n)) this.addFor(e, d, `must be a whole number of samples, got ${n}`);
          else setOptional("datasetSize", n);
          break;
        }
        case "step-model": {
          const p = this.text(e, d);
          if (p !== void 0) t.stepModel = resolve(this.dir, p);
          break;
        }
        case "feedback": {
          const map = {};
          for (const f of this.mapping(e.value, e.path, e.at, null, d) ?? []) {
            const target = this.text(f, { ...d, example: `feedback: { ${f.key}: <input name> }` });
            if (target !== void 0) map[f.key] = target;
          }
          t.feedback = map;
          if (!has("step-model")) {
            this.add(e.path, e.keyNode, "`feedback` only applies with `step-model`", "`feedback` together with `step-model` (a bring-your-own training step)", SECTIONS.training["step-model"]?.example);
          }
          break;
        }
      }
    }
    if (t.datasetSize !== void 0 && t.epochs === void 0) t.epochs = 1;
    return t;
  }
  power(entry, doc) {
    const out2 = {};
    const entries = this.mapping(entry.value, entry.path, entry.at, "power", doc) ?? [];
    for (const e of entries) {
      const d = SECTIONS.power[e.key];
      const w = this.quantity(e, "power", d, true);
      if (w === void 0) continue;
      if (e.key === "cpu-tdp") out2.cpuTdpW = w;
      else if (e.key === "idle-watts") out2.idleW = w;
      else out2.maxW = w;
    }
    if (out2.idleW !== void 0 && out2.maxW !== void 0 && out2.maxW <= out2.idleW) {
      const e = entries.find((x) => x.key === "max-watts");
      this.addFor(e, SECTIONS.power["max-watts"], `must be greater than idle-watts (${out2.idleW} W), got ${out2.maxW} W`);
    }
    return out2;
  }
  carbon(entry, doc) {
    const out2 = {};
    const entries = this.mapping(entry.value, entry.path, entry.at, "carbon", doc) ?? [];
    for (const e of entries) {
      const d = SECTIONS.carbon[e.key];
      if (e.key === "intensity") {
        const g = this.quantity(e, "carbon-intensity", d);
        if (g !== void 0) out2.carbonIntensityGPerKWh = g;
      } else {
        const r = this.text(e, d);
        if (r !== void 0 && !/^[A-Z]{2}$/.test(r)) {
          this.addFor(e, d, `\`${r}\` is not a two-letter country code${/^[a-z]{2}$/.test(r) ? `; did you mean \`${r.toUpperCase()}\`?` : ""}`);
        } else if (r !== void 0) {
          out2.region = r;
        }
      }
    }
    const intensity = entries.find((e) => e.key === "intensity");
    if (intensity && entries.some((e) => e.key === "region")) {
      this.add(entry.path, intensity.keyNode, "give either `intensity` or `region`, not both", doc.expected, SECTIONS.carbon.intensity?.example);
    }
    return out2;
  }
  budget(entry, doc) {
    const limits = [];
    for (const e of this.mapping(entry.value, entry.path, entry.at, "budget", doc) ?? []) {
      if (e.key === "regression") {
        const rdoc = SECTIONS.budget.regression;
        for (const r of this.mapping(e.value, e.path, e.at, "regression", rdoc) ?? []) {
          const limit = this.limit(r, r.key, true);
          if (limit) limits.push(limit);
        }
      } else if (isMetricKey(e.key)) {
        const limit = this.limit(e, e.key, false);
        if (limit) limits.push(limit);
      }
    }
    return limits;
  }
  /** One limit: `5 ms`, or `{ limit: 5 ms, level: warn }`; regression limits may be percentages. */
  limit(entry, metric, regression) {
    const doc = SECTIONS[regression ? "regression" : "budget"][metric];
    let level = DEFAULTS.level;
    let valueEntry = entry;
    if (entry.value !== null && (0, import_yaml.isMap)(entry.value)) {
      const entries = this.mapping(entry.value, entry.path, entry.at, "limit", doc) ?? [];
      const before = this.issues.length;
      this.required(entries, ["limit"], "limit", entry.path, entry.value);
      const levelEntry = entries.find((e) => e.key === "level");
      if (levelEntry) level = this.enumeration(levelEntry, SECTIONS.limit.level, ENUMS.level, "level", { warning: "warn", fail: "error" }) ?? level;
      const limitEntry = entries.find((e) => e.key === "limit");
      if (!limitEntry || this.issues.length > before) return void 0;
      valueEntry = limitEntry;
    }
    const raw = this.scalarValue(valueEntry);
    const kind = metricKind(metric);
    const relative3 = regression && typeof raw === "string" && raw.trim().endsWith("%");
    const valueDoc = { ...doc, example: valueEntry === entry ? doc.example : `limit: ${doc.example.split(": ")[1]}` };
    const value = this.quantity(valueEntry, relative3 ? "percent" : kind, valueDoc);
    if (value === void 0) return void 0;
    return {
      metric,
      kind: regression ? "regression" : "absolute",
      limit: value,
      relative: relative3,
      level,
      ...this.pos(entry.keyNode),
      path: entry.path
    };
  }
};
var DTYPE_ALIASES = {
  float: "float32",
  double: "float64",
  half: "float16",
  long: "int64",
  int: "int32",
  boolean: "bool",
  f32: "float32",
  f16: "float16",
  i64: "int64",
  i32: "int32"
};
function defaultInference() {
  return {
    iterations: DEFAULTS.iterations,
    warmup: DEFAULTS.inferenceWarmup,
    maxTimeS: DEFAULTS.maxTimeS,
    targetRelativeCi: DEFAULTS.targetRelativeCi
  };
}

// src/bench/ort.ts
import * as ort from "onnxruntime-node";
function sessionOptions(opts) {
  return {
    executionProviders: [opts.device ?? "cpu"],
    intraOpNumThreads: opts.threads,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
    logSeverityLevel: 3
  };
}
async function createSession(model, opts) {
  const options = sessionOptions(opts);
  let session;
  try {
    session = typeof model === "string" ? await ort.InferenceSession.create(model, options) : await ort.InferenceSession.create(model, options);
  } catch (error) {
    throw describeLoadError(error, opts.name ?? (typeof model === "string" ? model : "the model"));
  }
  return wrapSession(session);
}
function wrapSession(session) {
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    // Passed straight through: the timed loop should measure onnxruntime, not a wrapper.
    run: (feeds) => session.run(feeds),
    release: () => session.release()
  };
}
function ortVersion() {
  return ort.env.versions.node ?? ort.env.versions.common;
}
function describeLoadError(error, name) {
  const raw = error instanceof Error ? error.message : String(error);
  const msg = raw.replace(/^\[ONNXRuntimeError\] : \d+ : [A-Z_]+ : /, "").trim();
  const model = name.startsWith('"') ? `model ${name}` : `model "${name}"`;
  let text;
  let m;
  if (/File doesn't exist|No such file/i.test(msg)) {
    text = `${model}: the file does not exist. Check the path (relative to the budget file's folder).`;
  } else if (/protobuf parsing failed/i.test(msg)) {
    text = `${model}: onnxruntime cannot parse the file as an ONNX model (protobuf parsing failed). Check that it is an .onnx file and not, for example, a PyTorch checkpoint or a Git LFS pointer (run git lfs pull).`;
  } else if (m = /No Op registered for (\S+) with domain_version of (\d+)/.exec(msg)) {
    const node2 = /In Node, \("([^"]*)", ([^,]+), "([^"]*)"/.exec(msg);
    const domain = node2?.[3] ? ` in domain "${node2[3]}"` : "";
    text = `${model}: op ${m[1]}${domain} (opset ${m[2]})${node2 ? ` at node "${node2[1]}"` : ""} is not an op onnxruntime ${ortVersion()} knows. Re-export the model with standard ONNX ops or a supported opset. (onnxruntime: ${msg})`;
  } else if (m = /([\w.]*):(\w+)\((-?\d+)\) is not a registered function\/op/.exec(msg)) {
    text = `${model}: op ${m[2]}${m[1] ? ` in domain "${m[1]}"` : ""} is not an op onnxruntime ${ortVersion()} knows (no kernel or function is registered for it). Re-export the model with standard ONNX ops, or use a build of onnxruntime that has this custom op. (onnxruntime: ${msg})`;
  } else if (m = /Could not find an implementation for (\S+?)\((\d+)\) node with name '([^']*)'/.exec(msg)) {
    text = `${model}: onnxruntime's CPU execution provider has no kernel for op ${m[1]} (opset ${m[2]}) at node "${m[3]}" with these input types. Re-export the model with other types or ops for that node.`;
  } else if (m = /of operator \(([^)]*)\) in node \(([^)]*)\)/.exec(msg)) {
    const detail = msg.replace(/^This is an invalid model\.\s*/, "");
    text = `${model}: onnxruntime rejects node "${m[2]}" (op ${m[1]}) as invalid: ${detail}`;
  } else if (m = /In Node, \("([^"]*)", ([^,]+),/.exec(msg)) {
    const detail = msg.replace(/^This is an invalid model\.\s*/, "");
    text = `${model}: onnxruntime rejects node "${m[1]}" (op ${m[2].trim()}) as invalid: ${detail}`;
  } else {
    text = `${model}: onnxruntime cannot load it: ${msg}`;
  }
  return new InputError("MODEL_INVALID", text.replace(/\s*\n\s*/g, " "), { cause: error });
}

// src/model/load.ts
import { closeSync as closeSync2, openSync as openSync2, readFileSync, readSync as readSync2 } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { dirname as dirname2, isAbsolute, relative, resolve as resolve3, sep } from "node:path";

// src/model/onnx.ts
var import_protobufjs = __toESM(require_protobufjs(), 1);

// src/model/onnx-schema.ts
var ONNX_PROTO_SCHEMA = `
syntax = "proto2";
package onnx;

message AttributeProto {
  enum AttributeType {
    UNDEFINED = 0; FLOAT = 1; INT = 2; STRING = 3; TENSOR = 4; GRAPH = 5; SPARSE_TENSOR = 11;
    TYPE_PROTO = 13; FLOATS = 6; INTS = 7; STRINGS = 8; TENSORS = 9; GRAPHS = 10;
    SPARSE_TENSORS = 12; TYPE_PROTOS = 14;
  }
  optional string name = 1;
  optional string ref_attr_name = 21;
  optional string doc_string = 13;
  optional AttributeType type = 20;
  optional float f = 2;
  optional int64 i = 3;
  optional bytes s = 4;
  optional TensorProto t = 5;
  optional GraphProto g = 6;
  optional SparseTensorProto sparse_tensor = 22;
  optional TypeProto tp = 14;
  repeated float floats = 7;
  repeated int64 ints = 8;
  repeated bytes strings = 9;
  repeated TensorProto tensors = 10;
  repeated GraphProto graphs = 11;
  repeated SparseTensorProto sparse_tensors = 23;
  repeated TypeProto type_protos = 15;
}

message ValueInfoProto {
  optional string name = 1;
  optional TypeProto type = 2;
  optional string doc_string = 3;
  repeated StringStringEntryProto metadata_props = 4;
}

message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  optional string name = 3;
  optional string op_type = 4;
  optional string domain = 7;
  optional string overload = 8;
  repeated AttributeProto attribute = 5;
  optional string doc_string = 6;
  repeated StringStringEntryProto metadata_props = 9;
}

message ModelProto {
  optional int64 ir_version = 1;
  repeated OperatorSetIdProto opset_import = 8;
  optional string producer_name = 2;
  optional string producer_version = 3;
  optional string domain = 4;
  optional int64 model_version = 5;
  optional string doc_string = 6;
  optional GraphProto graph = 7;
  repeated StringStringEntryProto metadata_props = 14;
  repeated FunctionProto functions = 25;
}

message StringStringEntryProto {
  optional string key = 1;
  optional string value = 2;
}

message GraphProto {
  repeated NodeProto node = 1;
  optional string name = 2;
  repeated TensorProto initializer = 5;
  repeated SparseTensorProto sparse_initializer = 15;
  optional string doc_string = 10;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
  repeated ValueInfoProto value_info = 13;
  repeated StringStringEntryProto metadata_props = 16;
}

message TensorProto {
  enum DataType {
    UNDEFINED = 0; FLOAT = 1; UINT8 = 2; INT8 = 3; UINT16 = 4; INT16 = 5; INT32 = 6; INT64 = 7;
    STRING = 8; BOOL = 9; FLOAT16 = 10; DOUBLE = 11; UINT32 = 12; UINT64 = 13; COMPLEX64 = 14;
    COMPLEX128 = 15; BFLOAT16 = 16; FLOAT8E4M3FN = 17; FLOAT8E4M3FNUZ = 18; FLOAT8E5M2 = 19;
    FLOAT8E5M2FNUZ = 20; UINT4 = 21; INT4 = 22; FLOAT4E2M1 = 23;
  }
  repeated int64 dims = 1;
  optional int32 data_type = 2;
  message Segment {
    optional int64 begin = 1;
    optional int64 end = 2;
  }
  optional Segment segment = 3;
  repeated float float_data = 4 [packed = true];
  repeated int32 int32_data = 5 [packed = true];
  repeated bytes string_data = 6;
  repeated int64 int64_data = 7 [packed = true];
  optional string name = 8;
  optional string doc_string = 12;
  optional bytes raw_data = 9;
  repeated StringStringEntryProto external_data = 13;
  enum DataLocation { DEFAULT = 0; EXTERNAL = 1; }
  optional DataLocation data_location = 14;
  repeated double double_data = 10 [packed = true];
  repeated uint64 uint64_data = 11 [packed = true];
  repeated StringStringEntryProto metadata_props = 16;
}

message SparseTensorProto {
  optional TensorProto values = 1;
  optional TensorProto indices = 2;
  repeated int64 dims = 3;
}

message TensorShapeProto {
  message Dimension {
    oneof value {
      int64 dim_value = 1;
      string dim_param = 2;
    }
    optional string denotation = 3;
  }
  repeated Dimension dim = 1;
}

message TypeProto {
  message Tensor {
    optional int32 elem_type = 1;
    optional TensorShapeProto shape = 2;
  }
  message Sequence { optional TypeProto elem_type = 1; }
  message Map {
    optional int32 key_type = 1;
    optional TypeProto value_type = 2;
  }
  message Optional { optional TypeProto elem_type = 1; }
  message SparseTensor {
    optional int32 elem_type = 1;
    optional TensorShapeProto shape = 2;
  }
  oneof value {
    Tensor tensor_type = 1;
    Sequence sequence_type = 4;
    Map map_type = 5;
    Optional optional_type = 9;
    SparseTensor sparse_tensor_type = 8;
  }
  optional string denotation = 6;
}

message OperatorSetIdProto {
  optional string domain = 1;
  optional int64 version = 2;
}

message FunctionProto {
  optional string name = 1;
  repeated string input = 4;
  repeated string output = 5;
  repeated string attribute = 6;
  repeated AttributeProto attribute_proto = 11;
  repeated NodeProto node = 7;
  optional string doc_string = 8;
  repeated OperatorSetIdProto opset_import = 9;
  optional string domain = 10;
  optional string overload = 13;
  repeated ValueInfoProto value_info = 12;
  repeated StringStringEntryProto metadata_props = 14;
}
`;

// src/model/onnx.ts
var DataType = {
  UNDEFINED: 0,
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  UINT16: 4,
  INT16: 5,
  INT32: 6,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11,
  UINT32: 12,
  UINT64: 13,
  COMPLEX64: 14,
  COMPLEX128: 15,
  BFLOAT16: 16,
  FLOAT8E4M3FN: 17,
  FLOAT8E4M3FNUZ: 18,
  FLOAT8E5M2: 19,
  FLOAT8E5M2FNUZ: 20,
  UINT4: 21,
  INT4: 22,
  FLOAT4E2M1: 23
};
var AttributeType = {
  UNDEFINED: 0,
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  GRAPH: 5,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
  TENSORS: 9,
  GRAPHS: 10,
  SPARSE_TENSOR: 11,
  SPARSE_TENSORS: 12,
  TYPE_PROTO: 13,
  TYPE_PROTOS: 14
};
var cached;
function types() {
  if (!cached) {
    import_protobufjs.default.util.Long = void 0;
    import_protobufjs.default.configure();
    const root = import_protobufjs.default.parse(ONNX_PROTO_SCHEMA, { keepCase: false }).root;
    root.resolveAll();
    cached = { model: root.lookupType("onnx.ModelProto"), tensor: root.lookupType("onnx.TensorProto"), root };
  }
  return cached;
}
function decodeModel(bytes) {
  return types().model.decode(bytes);
}
function encodeModel(model) {
  const t = types().model;
  return t.encode(t.fromObject(model)).finish();
}
function onnxMessageType(name) {
  return types().root.lookupType(`onnx.${name}`);
}

// src/model/stream.ts
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { basename, resolve as resolve2 } from "node:path";
var ScanError = class extends Error {
  constructor(message, offset) {
    super(`${message} at byte ${offset}`);
    this.offset = offset;
    this.name = "ScanError";
  }
  offset;
};
var MIB = 1 << 20;
var CONTAINERS = /* @__PURE__ */ new Set([
  "ModelProto",
  "GraphProto",
  "NodeProto",
  "AttributeProto",
  "FunctionProto",
  "SparseTensorProto",
  "TensorProto"
]);
var PAYLOAD_FIELDS = /* @__PURE__ */ new Map([
  [9, { field: "raw_data", dtypes: null }],
  [4, { field: "float_data", dtypes: /* @__PURE__ */ new Set([DataType.FLOAT, DataType.COMPLEX64]) }],
  [10, { field: "double_data", dtypes: /* @__PURE__ */ new Set([DataType.DOUBLE, DataType.COMPLEX128]) }]
]);
var FileWindow = class {
  constructor(fd, size, windowBytes) {
    this.fd = fd;
    this.size = size;
    this.buf = new Uint8Array(Math.max(64, windowBytes));
  }
  fd;
  size;
  buf;
  start = 0;
  end = 0;
  /** Makes [offset, offset + n) available; n may exceed the window only via copy(). */
  ensure(offset, n) {
    if (offset >= this.start && offset + n <= this.end) return;
    const want = Math.min(this.buf.length, this.size - offset);
    let got = 0;
    while (got < want) {
      const r = readSync(this.fd, this.buf, got, want - got, offset + got);
      if (r <= 0) break;
      got += r;
    }
    this.start = offset;
    this.end = offset + got;
  }
  /** Reads a varint at `offset` (up to 2^53: enough for lengths and tags). */
  varint(offset, limit) {
    this.ensure(offset, Math.min(10, limit - offset));
    let value = 0;
    let scale2 = 1;
    for (let i = 0; i < 10; i++) {
      const at = offset + i;
      if (at >= limit || at >= this.end) throw new ScanError("truncated varint", offset);
      const b = this.buf[at - this.start];
      value += (b & 127) * scale2;
      if ((b & 128) === 0) return { value, next: at + 1 };
      scale2 *= 128;
    }
    throw new ScanError("varint longer than 10 bytes", offset);
  }
  /** A fresh copy of [offset, offset + length) (protobufjs keeps views into what it decodes). */
  copy(offset, length) {
    const out2 = new Uint8Array(length);
    if (length <= this.buf.length) {
      this.ensure(offset, length);
      if (offset + length > this.end) throw new ScanError(`message runs past the end of the file (${this.size} bytes)`, offset);
      out2.set(this.buf.subarray(offset - this.start, offset - this.start + length));
      return out2;
    }
    let got = 0;
    while (got < length) {
      const r = readSync(this.fd, out2, got, length - got, offset + got);
      if (r <= 0) throw new ScanError(`message runs past the end of the file (${this.size} bytes)`, offset);
      got += r;
    }
    return out2;
  }
};
function concat(win, parts) {
  let n = 0;
  for (const [s, e] of parts) n += e - s;
  const out2 = new Uint8Array(n);
  let at = 0;
  for (const [s, e] of parts) {
    out2.set(win.copy(s, e - s), at);
    at += e - s;
  }
  return out2;
}
function decode(type, bytes, offset) {
  try {
    return type.decode(bytes);
  } catch (error) {
    throw new ScanError(`${type.name} cannot be decoded (${error.message})`, offset);
  }
}
function scanMessage(st, typeName, start, end) {
  const type = onnxMessageType(typeName);
  if (end - start <= st.inlineBytes || !CONTAINERS.has(typeName)) return decode(type, st.win.copy(start, end - start), start);
  const small = [];
  const order = /* @__PURE__ */ new Map();
  const large = [];
  const payloads = [];
  let pos = start;
  while (pos < end) {
    const tagStart = pos;
    const tag = st.win.varint(pos, end);
    pos = tag.next;
    const id = Math.floor(tag.value / 8);
    const wire = tag.value % 8;
    let kind = "S";
    if (wire === 0) pos = st.win.varint(pos, end).next;
    else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else if (wire === 2) {
      const len = st.win.varint(pos, end);
      const dataStart = len.next;
      pos = dataStart + len.value;
      if (pos > end) throw new ScanError(`field ${id} of ${typeName} runs past the end of its message`, tagStart);
      const field = type.fieldsById[id];
      const sub2 = field?.resolvedType;
      if (typeName === "TensorProto" && PAYLOAD_FIELDS.has(id)) {
        payloads.push({ id, tag: tagStart, start: dataStart, end: pos });
        continue;
      }
      if (sub2 && "fieldsById" in sub2 && CONTAINERS.has(sub2.name) && len.value > st.inlineBytes) {
        kind = large.length;
        large.push(scanMessage(st, sub2.name, dataStart, pos));
      }
    } else {
      throw new ScanError(`unsupported protobuf wire type ${wire} (field ${id} of ${typeName})`, tagStart);
    }
    if (pos > end) throw new ScanError(`field ${id} of ${typeName} runs past the end of its message`, tagStart);
    if (kind === "S") small.push([tagStart, pos]);
    let list = order.get(id);
    if (!list) order.set(id, list = []);
    list.push(kind);
  }
  let obj = decode(type, concat(st.win, small), start);
  if (typeName === "TensorProto" && payloads.length > 0) {
    const p = payloads[0];
    const info = PAYLOAD_FIELDS.get(p.id);
    const dataType = Number(obj.dataType ?? 0);
    const lazy = payloads.length === 1 && p.end - p.start > st.inlineBytes && p.end > p.start && (info.dtypes === null || info.dtypes.has(dataType)) && Number(obj.dataLocation ?? 0) !== 1;
    if (!lazy) {
      obj = decode(type, concat(st.win, [...small, ...payloads.map((q) => [q.tag, q.end])].sort((a, b) => a[0] - b[0])), start);
    } else {
      const length = p.end - p.start;
      obj.dataLocation = 1;
      obj.externalData = [
        ...obj.externalData ?? [],
        { key: "location", value: st.location },
        { key: "offset", value: String(p.start) },
        { key: "length", value: String(length) }
      ];
      st.payloads.set(obj, { file: st.file, offset: p.start, length, field: info.field });
      st.count++;
      st.total += length;
      st.largest = Math.max(st.largest, length);
    }
  }
  if (large.length === 0) return obj;
  for (const [id, list] of order) {
    if (!list.some((k) => k !== "S")) continue;
    const field = type.fieldsById[id];
    if (field.repeated) {
      const decoded = obj[field.name] ?? [];
      let si = 0;
      obj[field.name] = list.map((k) => k === "S" ? decoded[si++] : large[k]);
    } else {
      const last = [...list].reverse().find((k) => k !== "S");
      obj[field.name] = large[last];
    }
  }
  return obj;
}
function scanModelFile(path2, opts = {}) {
  const file = resolve2(path2);
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const st = {
      win: new FileWindow(fd, size, opts.windowBytes ?? 4 * MIB),
      inlineBytes: Math.max(0, opts.inlineBytes ?? MIB),
      file,
      location: basename(file),
      payloads: /* @__PURE__ */ new WeakMap(),
      count: 0,
      total: 0,
      largest: 0
    };
    const proto = scanMessage(st, "ModelProto", 0, size);
    return { proto, payloads: st.payloads, payloadCount: st.count, payloadBytes: st.total, largestPayloadBytes: st.largest, fileBytes: size };
  } finally {
    closeSync(fd);
  }
}

// src/model/load.ts
var STREAM_THRESHOLD_BYTES = 1024 * 1024 * 1024;
function own(obj, key) {
  return Object.prototype.hasOwnProperty.call(obj, key);
}
function isExternal(t) {
  return own(t, "dataLocation") && t.dataLocation === 1;
}
function externalEntries(t) {
  const out2 = {};
  for (const e of t.externalData ?? []) if (e.key) out2[e.key] = e.value ?? "";
  return out2;
}
function resolveExternalRef(t, modelPath, root, label2) {
  const e = externalEntries(t);
  const name = t.name || "(unnamed)";
  const location = e.location;
  if (!location) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label2}: tensor "${name}" is marked as external data but has no "location" entry, so its weights cannot be found. Expected external_data to contain location (a file name relative to the model's folder), optionally offset and length. Re-save the model with onnx.save_model(model, path, save_as_external_data=True).`
    );
  }
  const file = resolve3(dirname2(modelPath), location);
  const rel = relative(root, file);
  if (isAbsolute(location) || rel === "" || rel.startsWith("..") || isAbsolute(rel)) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label2}: tensor "${name}" points to external data at "${location}", which is outside the allowed folder ${root}. Expected a location relative to the model's folder that does not leave it (no absolute paths, no "../"): ONNX requires this and it keeps a model from reading arbitrary files. Move the data file next to the model and re-save it with a relative location.`
    );
  }
  const num = (key) => {
    const v = e[key];
    if (v === void 0 || v === "") return void 0;
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new InputError(
        "MODEL_INVALID",
        `Model ${label2}: tensor "${name}" has external_data ${key} = "${v}", expected a non-negative integer number of bytes. Re-save the model with the onnx Python package to rewrite its external-data entries.`
      );
    }
    return n;
  };
  const offset = num("offset") ?? 0;
  const length = num("length");
  return { file, offset, ...length !== void 0 ? { length } : {} };
}
function forEachTensor(graph, visit) {
  if (!graph) return;
  for (const t of graph.initializer ?? []) visit(t);
  for (const s of graph.sparseInitializer ?? []) {
    if (s.values) visit(s.values);
    if (s.indices) visit(s.indices);
  }
  for (const n of graph.node ?? []) {
    for (const a of n.attribute ?? []) {
      if (a.t) visit(a.t);
      for (const t of a.tensors ?? []) visit(t);
      if (a.sparseTensor?.values) visit(a.sparseTensor.values);
      if (a.sparseTensor?.indices) visit(a.sparseTensor.indices);
      if (a.g) forEachTensor(a.g, visit);
      for (const g of a.graphs ?? []) forEachTensor(g, visit);
    }
  }
}
function looksLikeText(bytes) {
  const head = bytes.subarray(0, 256);
  let printable = 0;
  for (const b of head) if (b === 9 || b === 10 || b === 13 || b >= 32 && b < 127) printable++;
  return printable / head.length > 0.95;
}
function notOnnx(label2, detail, bytes, cause) {
  const text = new TextDecoder().decode(bytes.subarray(0, 200));
  let hint = "Check that the path points to the exported .onnx file (not a PyTorch .pt/.pth, TensorFlow or ZIP file) and that the file was copied completely.";
  if (text.startsWith("version https://git-lfs")) {
    hint = "The file is a Git LFS pointer, not the model: run `git lfs pull` (or enable `lfs: true` on actions/checkout).";
  } else if (looksLikeText(bytes)) {
    hint = `The file is text (it starts with "${text.slice(0, 40).replace(/\s+/g, " ")}"), not a binary ONNX protobuf; point the path at the .onnx file itself.`;
  }
  return new InputError(
    "MODEL_INVALID",
    `Model ${label2} is not a valid ONNX file: ${detail}. Expected a binary onnx.ModelProto with a graph and an opset_import. ${hint}`,
    cause === void 0 ? void 0 : { cause }
  );
}
async function loadModel(path2, opts = {}) {
  const abs2 = resolve3(path2);
  const label2 = opts.label ? `"${opts.label}" (${path2})` : path2;
  let info;
  try {
    info = await stat(abs2);
  } catch (error) {
    const code = error.code;
    throw new InputError(
      "MODEL_INVALID",
      code === "ENOENT" ? `Model ${label2} does not exist (looked for ${abs2}). Expected an .onnx file; check the model's path (relative to the budget file's folder) and that the file is committed or generated before the run.` : `Model ${label2} cannot be read (${code ?? String(error)}, at ${abs2}). Expected a readable .onnx file; check its permissions.`,
      { cause: error }
    );
  }
  if (info.isDirectory()) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label2} is a directory (${abs2}), expected an .onnx file. Point the path at the model file inside it, e.g. ${path2.replace(/\/$/, "")}/model.onnx.`
    );
  }
  if (info.size === 0) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label2} is an empty file (0 bytes at ${abs2}), expected an ONNX model. Re-export or re-download it; an interrupted export or an unfetched Git LFS object often leaves an empty file.`
    );
  }
  const streamed = opts.stream === true || (opts.stream ?? "auto") === "auto" && info.size > (opts.streamThresholdBytes ?? STREAM_THRESHOLD_BYTES);
  let bytes;
  let proto;
  let payloads;
  if (streamed) {
    bytes = readHead(abs2, 256);
    try {
      const scanned = scanModelFile(abs2, opts.scan);
      proto = scanned.proto;
      payloads = scanned.payloads;
    } catch (error) {
      throw notOnnx(label2, `the protobuf cannot be decoded (${error.message}; the file may be truncated or another format)`, bytes, error);
    }
  } else {
    bytes = new Uint8Array(await readFile(abs2));
    try {
      proto = decodeModel(bytes);
    } catch (error) {
      throw notOnnx(label2, `the protobuf cannot be decoded (${error.message}; the file may be truncated or another format)`, bytes, error);
    }
  }
  const hasGraph = own(proto, "graph") && proto.graph !== void 0;
  const opsets = proto.opsetImport ?? [];
  if (!hasGraph && opsets.length === 0 && !proto.irVersion) {
    throw notOnnx(label2, "it decodes to a protobuf message with no ONNX fields (no ir_version, graph or opset_import)", bytes);
  }
  if (!hasGraph) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label2} has no graph (ModelProto.graph is missing), so there is nothing to run or measure. Expected an ONNX model with a graph; the file may be truncated or only a fragment (e.g. a TensorProto or a training-info message). Re-export the model.`
    );
  }
  const defaultOpset2 = opsets.find((o) => !o.domain || o.domain === "ai.onnx");
  if (!defaultOpset2) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label2} declares no opset for the default ONNX domain (opset_import is ${opsets.length === 0 ? "empty" : `only ${opsets.map((o) => o.domain).join(", ")}`}), so its operators cannot be interpreted. Expected opset_import to contain { domain: "", version: N }; re-export with an explicit opset (torch.onnx.export(..., opset_version=17)).`
    );
  }
  const root = resolve3(opts.allowedRoot ?? dirname2(abs2));
  const refs = [];
  forEachTensor(proto.graph, (t) => {
    if (isExternal(t) && !payloads?.has(t)) refs.push({ ref: resolveExternalRef(t, abs2, root, label2), tensor: t.name || "(unnamed)" });
  });
  const sizes = /* @__PURE__ */ new Map();
  for (const { ref, tensor } of refs) {
    let size = sizes.get(ref.file);
    if (size === void 0) {
      try {
        const s = await stat(ref.file);
        if (!s.isFile()) throw Object.assign(new Error("not a file"), { code: "EISDIR" });
        size = s.size;
      } catch (error) {
        throw new InputError(
          "MODEL_INVALID",
          `Model ${label2}: the external-data file for tensor "${tensor}" is missing: expected ${ref.file.split(sep).join("/")} next to the model (location "${relative(dirname2(abs2), ref.file)}"). Copy the data file together with the .onnx file (they must stay in the same folder), or re-save the model with the weights inside it.`,
          { cause: error }
        );
      }
      sizes.set(ref.file, size);
    }
    const end = ref.offset + (ref.length ?? 0);
    if (end > size || ref.offset > size) {
      throw new InputError(
        "MODEL_INVALID",
        `Model ${label2}: tensor "${tensor}" expects bytes ${ref.offset}..${end} of external-data file ${ref.file}, but the file has only ${size} bytes. The data file is truncated or belongs to another version of the model; re-save the model and its data together.`
      );
    }
  }
  const loaded = {
    path: abs2,
    bytes,
    proto,
    fileBytes: info.size,
    externalFiles: [...sizes].map(([file, b]) => ({ path: file, bytes: b }))
  };
  if (!payloads) return loaded;
  loaded.payloads = payloads;
  let whole;
  Object.defineProperty(loaded, "bytes", {
    enumerable: false,
    configurable: true,
    get: () => whole ??= new Uint8Array(readFileSync(abs2)),
    set: (value) => {
      whole = value;
    }
  });
  return loaded;
}
function readHead(path2, n) {
  const fd = openSync2(path2, "r");
  try {
    const buf = new Uint8Array(n);
    const got = readSync2(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync2(fd);
  }
}

// src/model/analyze.ts
import { closeSync as closeSync3, openSync as openSync3, readSync as readSync3 } from "node:fs";

// src/model/dtypes.ts
var ROWS = [
  { code: 1, name: "float32", bytes: 4, zero: "float" },
  { code: 2, name: "uint8", bytes: 1, zero: "int" },
  { code: 3, name: "int8", bytes: 1, zero: "int" },
  { code: 4, name: "uint16", bytes: 2, zero: "int" },
  { code: 5, name: "int16", bytes: 2, zero: "int" },
  { code: 6, name: "int32", bytes: 4, zero: "int" },
  { code: 7, name: "int64", bytes: 8, zero: "int" },
  { code: 8, name: "string", bytes: 0, zero: "int" },
  { code: 9, name: "bool", bytes: 1, zero: "int" },
  { code: 10, name: "float16", bytes: 2, zero: "float" },
  { code: 11, name: "float64", bytes: 8, zero: "float" },
  { code: 12, name: "uint32", bytes: 4, zero: "int" },
  { code: 13, name: "uint64", bytes: 8, zero: "int" },
  // complex64 is two float32s (real, imaginary), complex128 two float64s.
  { code: 14, name: "complex64", bytes: 8, zero: "float" },
  { code: 15, name: "complex128", bytes: 16, zero: "float" },
  { code: 16, name: "bfloat16", bytes: 2, zero: "float" },
  { code: 17, name: "float8e4m3fn", bytes: 1, zero: "float" },
  // The FNUZ float8 variants have no negative zero: 0x80 encodes NaN (onnx/docs/Float8.md).
  { code: 18, name: "float8e4m3fnuz", bytes: 1, zero: "fnuz" },
  { code: 19, name: "float8e5m2", bytes: 1, zero: "float" },
  { code: 20, name: "float8e5m2fnuz", bytes: 1, zero: "fnuz" },
  { code: 21, name: "uint4", bytes: 0.5, zero: "int" },
  { code: 22, name: "int4", bytes: 0.5, zero: "int" },
  { code: 23, name: "float4e2m1", bytes: 0.5, zero: "float" }
];
var BY_CODE = new Map(ROWS.map((r) => [r.code, r]));
var BY_NAME = new Map(ROWS.map((r) => [r.name, r]));
var DTYPE_NAMES = ROWS.map((r) => r.name);
function dtypeNameOrUndefined(code) {
  return BY_CODE.get(code)?.name;
}
function dtypeBytes(name) {
  const row = BY_NAME.get(name);
  if (!row) throw new Error(`Unknown tensor dtype "${name}" (expected one of ${DTYPE_NAMES.join(", ")}).`);
  return row.bytes;
}
function zeroKind(code) {
  return BY_CODE.get(code)?.zero;
}

// src/model/analyze.ts
var CHUNK_BYTES = 1 << 20;
var fsExternalReader = (file, offset, length, onChunk) => {
  const fd = openSync3(file, "r");
  try {
    const buf = new Uint8Array(Math.min(CHUNK_BYTES, Math.max(length, 1)));
    let done = 0;
    while (done < length) {
      const n = readSync3(fd, buf, 0, Math.min(buf.length, length - done), offset + done);
      if (n <= 0) break;
      onChunk(buf.subarray(0, n));
      done += n;
    }
  } finally {
    closeSync3(fd);
  }
};
function own2(obj, key) {
  return Object.prototype.hasOwnProperty.call(obj, key);
}
function product(dims) {
  let p = 1;
  for (const d of dims) p *= d;
  return p;
}
var ZeroCounter = class {
  constructor(code, elements) {
    this.code = code;
    this.elements = elements;
  }
  code;
  elements;
  zeros = 0;
  seen = 0;
  carry = new Uint8Array(0);
  push(chunk) {
    const kind = zeroKind(this.code);
    const size = dtypeBytes(dtypeNameOrUndefined(this.code) ?? "string");
    if (!kind || size === 0 || this.seen >= this.elements) return;
    let data = chunk;
    if (this.carry.length > 0) {
      data = new Uint8Array(this.carry.length + chunk.length);
      data.set(this.carry);
      data.set(chunk, this.carry.length);
    }
    if (size === 0.5) {
      const mask = kind === "float" ? 7 : 15;
      for (let i = 0; i < data.length && this.seen < this.elements; i++) {
        if ((data[i] & mask) === 0) this.zeros++;
        this.seen++;
        if (this.seen < this.elements) {
          if ((data[i] >> 4 & mask) === 0) this.zeros++;
          this.seen++;
        }
      }
      this.carry = new Uint8Array(0);
      return;
    }
    const complex = this.code === DataType.COMPLEX64 || this.code === DataType.COMPLEX128;
    const part = complex ? size / 2 : size;
    const whole = Math.min(Math.floor(data.length / size), this.elements - this.seen) * size;
    let body = data.subarray(0, whole);
    if (body.byteOffset % 8 !== 0) body = body.slice();
    const signMask = kind === "float" ? 127 : 255;
    const words = part === 8 ? new Uint32Array(body.buffer, body.byteOffset, body.length / 4) : part === 4 ? new Uint32Array(body.buffer, body.byteOffset, body.length / 4) : part === 2 ? new Uint16Array(body.buffer, body.byteOffset, body.length / 2) : body;
    const topMask = part === 4 ? signMask << 24 | 16777215 : part === 2 ? signMask << 8 | 255 : signMask;
    const perElement = size / (part === 8 ? 4 : part);
    let zeros2 = 0;
    if (perElement === 1 && part !== 8) {
      for (let w = 0; w < words.length; w++) if ((words[w] & topMask) === 0) zeros2++;
      this.zeros += zeros2;
      this.seen += whole / size;
      this.carry = data.slice(whole);
      return;
    }
    for (let e = 0; e < words.length; e += perElement) {
      let zero = true;
      if (part === 8) {
        for (let w = e; w < e + perElement; w += 2) {
          if (words[w] !== 0 || (words[w + 1] & (signMask << 24 | 16777215)) !== 0) zero = false;
        }
      } else {
        for (let w = e; w < e + perElement; w++) if ((words[w] & topMask) !== 0) zero = false;
      }
      if (zero) zeros2++;
    }
    this.zeros += zeros2;
    this.seen += whole / size;
    this.carry = data.slice(whole);
  }
};
function zerosInNumbers(values, code, elements) {
  let zeros2 = 0;
  const n = Math.min(values.length, elements);
  const bits16 = code === DataType.FLOAT16 || code === DataType.BFLOAT16;
  const float8 = code === DataType.FLOAT8E4M3FN || code === DataType.FLOAT8E5M2;
  const nibbles = code === DataType.INT4 || code === DataType.UINT4 || code === DataType.FLOAT4E2M1;
  if (nibbles) {
    const mask = code === DataType.FLOAT4E2M1 ? 7 : 15;
    let seen = 0;
    for (const v of values) {
      for (const nib of [v & 15, v >> 4 & 15]) {
        if (seen >= elements) break;
        if ((nib & mask) === 0) zeros2++;
        seen++;
      }
    }
    return zeros2;
  }
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (bits16 ? (v & 32767) === 0 : float8 ? (v & 127) === 0 : v === 0) zeros2++;
  }
  return zeros2;
}
function tensorStats(t, ctx) {
  const code = t.dataType ?? 0;
  const dtype = dtypeNameOrUndefined(code);
  if (!dtype) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${ctx.label}: weight tensor "${t.name || "(unnamed)"}" has element type code ${code}, which onnx.proto does not define (expected 1..23). The file may be corrupt or written by a newer ONNX version; re-export it with a released exporter.`
    );
  }
  const elements = product(t.dims ?? []);
  const size = dtypeBytes(dtype);
  if (isExternal(t)) {
    const ref = resolveExternalRef(t, ctx.modelPath, ctx.root, ctx.label);
    const fileSize = ctx.fileSizes.get(ref.file) ?? 0;
    const length = ref.length ?? Math.max(0, fileSize - ref.offset);
    const counter = new ZeroCounter(code, elements);
    if (dtype !== "string") ctx.read(ref.file, ref.offset, length, (c) => counter.push(c));
    return { dtype, elements, bytes: length, zeros: counter.zeros };
  }
  if (dtype === "string") {
    const bytes = (t.stringData ?? []).reduce((s, b) => s + b.length, 0);
    return { dtype, elements, bytes, zeros: 0 };
  }
  if (t.rawData && t.rawData.length > 0) {
    const counter = new ZeroCounter(code, elements);
    counter.push(t.rawData);
    return { dtype, elements, bytes: t.rawData.length, zeros: counter.zeros };
  }
  const field = t.floatData?.length ? t.floatData : t.int32Data?.length ? t.int32Data : t.int64Data?.length ? t.int64Data : t.doubleData?.length ? t.doubleData : t.uint64Data?.length ? t.uint64Data : [];
  let zeros2;
  if (code === DataType.COMPLEX64 || code === DataType.COMPLEX128) {
    zeros2 = 0;
    for (let i = 0; i + 1 < field.length && i / 2 < elements; i += 2) if (field[i] === 0 && field[i + 1] === 0) zeros2++;
  } else {
    zeros2 = zerosInNumbers(field, code, elements);
  }
  return { dtype, elements, bytes: Math.ceil(elements * size), zeros: zeros2 };
}
function constantStats(a, tensor, sparse) {
  switch (a.name) {
    case "value":
      return a.t ? [tensor(a.t)] : [];
    case "sparse_value":
      return a.sparseTensor ? sparse(a.sparseTensor) : [];
    case "value_float":
      return [{ dtype: "float32", elements: 1, bytes: 4, zeros: a.f === 0 ? 1 : 0 }];
    case "value_floats": {
      const v = a.floats ?? [];
      return [{ dtype: "float32", elements: v.length, bytes: 4 * v.length, zeros: v.filter((x) => x === 0).length }];
    }
    case "value_int":
      return [{ dtype: "int64", elements: 1, bytes: 8, zeros: a.i === 0 ? 1 : 0 }];
    case "value_ints": {
      const v = a.ints ?? [];
      return [{ dtype: "int64", elements: v.length, bytes: 8 * v.length, zeros: v.filter((x) => x === 0).length }];
    }
    case "value_string":
      return [{ dtype: "string", elements: 1, bytes: a.s?.length ?? 0, zeros: 0 }];
    case "value_strings": {
      const v = a.strings ?? [];
      return [{ dtype: "string", elements: v.length, bytes: v.reduce((s, b) => s + b.length, 0), zeros: 0 }];
    }
    default:
      return [];
  }
}
function subgraphsOf(n) {
  const out2 = [];
  for (const a of n.attribute ?? []) {
    if (a.g && own2(a, "g")) out2.push(a.g);
    for (const g of a.graphs ?? []) out2.push(g);
  }
  return out2;
}
function opKey(n) {
  const domain = n.domain ?? "";
  const op = n.opType || "(no op_type)";
  return domain === "" || domain === "ai.onnx" ? op : `${domain}.${op}`;
}
function dimOf(d) {
  if (own2(d, "dimValue")) return d.dimValue ?? null;
  if (own2(d, "dimParam") && d.dimParam) return d.dimParam;
  return null;
}
function tensorInfoOf(v, label2, role) {
  const name = v.name ?? "";
  let type = v.type;
  let kind = "tensor";
  for (let depth = 0; type && depth < 8; depth++) {
    if (own2(type, "sequenceType") && type.sequenceType) {
      kind = "sequence";
      type = type.sequenceType.elemType;
    } else if (own2(type, "optionalType") && type.optionalType) {
      if (kind === "tensor") kind = "optional";
      type = type.optionalType.elemType;
    } else if (own2(type, "mapType") && type.mapType) {
      kind = "map";
      type = type.mapType.valueType;
    } else break;
  }
  const tensorType = type && own2(type, "sparseTensorType") ? type.sparseTensorType : type?.tensorType;
  if (type && own2(type, "sparseTensorType") && kind === "tensor") kind = "sparse";
  const dtype = dtypeNameOrUndefined(tensorType?.elemType ?? 0);
  if (!tensorType || !dtype) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label2}: graph ${role} "${name}" declares no ${tensorType ? "known " : ""}tensor element type${tensorType?.elemType ? ` (code ${tensorType.elemType})` : ""}, so data for it cannot be made or checked. Expected type.tensor_type.elem_type to be an ONNX element type (e.g. 1 = float32); re-export the model with typed ${role}s.`
    );
  }
  const shape = tensorType.shape && own2(tensorType, "shape") ? (tensorType.shape.dim ?? []).map(dimOf) : null;
  return { name, dtype, shape, ...kind !== "tensor" ? { kind } : {} };
}
function analyzeModel(loaded, opts = {}) {
  const proto = loaded.proto;
  const graph = proto.graph ?? {};
  const label2 = opts.label ?? loaded.path;
  const fileSizes = new Map(loaded.externalFiles.map((f) => [f.path, f.bytes]));
  const ctx = {
    modelPath: loaded.path,
    // loadModel already checked the locations against its allowed root; any folder works here.
    root: "/",
    label: label2,
    read: opts.readExternal ?? fsExternalReader,
    fileSizes
  };
  const tensor = (t) => tensorStats(t, ctx);
  const sparse = (s) => {
    const values = s.values ? tensor(s.values) : { dtype: "float32", elements: 0, bytes: 0, zeros: 0 };
    const dense = product(s.dims ?? []);
    const out2 = [{ dtype: values.dtype, elements: dense, bytes: values.bytes, zeros: values.zeros + Math.max(0, dense - values.elements) }];
    if (s.indices) out2.push({ ...tensor(s.indices), elements: 0, zeros: 0 });
    return out2;
  };
  const weights = [];
  const ops = {};
  const visitNodes = (nodes, countOps) => {
    for (const n of nodes) {
      if (countOps) ops[opKey(n)] = (ops[opKey(n)] ?? 0) + 1;
      if (n.opType === "Constant" && !n.domain) {
        for (const a of n.attribute ?? []) weights.push(...constantStats(a, tensor, sparse));
      }
      for (const g of subgraphsOf(n)) visitGraph(g, countOps);
    }
  };
  const visitGraph = (g, countOps) => {
    for (const t of g.initializer ?? []) weights.push(tensor(t));
    for (const s of g.sparseInitializer ?? []) weights.push(...sparse(s));
    visitNodes(g.node ?? [], countOps);
  };
  visitGraph(graph, true);
  for (const f of proto.functions ?? []) visitNodes(f.node ?? [], false);
  const bytesByDtype = {};
  let parameters = 0;
  let zeros2 = 0;
  for (const w of weights) {
    parameters += w.elements;
    zeros2 += w.zeros;
    if (w.bytes > 0) bytesByDtype[w.dtype] = (bytesByDtype[w.dtype] ?? 0) + w.bytes;
  }
  const weightNames = /* @__PURE__ */ new Set([
    ...(graph.initializer ?? []).map((t) => t.name ?? ""),
    ...(graph.sparseInitializer ?? []).map((s) => s.values?.name ?? "")
  ]);
  const inputs = [];
  const weightInputs = [];
  for (const v of graph.input ?? []) {
    if (weightNames.has(v.name ?? "")) weightInputs.push(v.name ?? "");
    else inputs.push(tensorInfoOf(v, label2, "input"));
  }
  const outputs = (graph.output ?? []).map((v) => tensorInfoOf(v, label2, "output"));
  const opset = (proto.opsetImport ?? []).find((o) => !o.domain || o.domain === "ai.onnx")?.version ?? 0;
  const producer = [proto.producerName, proto.producerVersion].filter((s) => s).join(" ");
  return {
    path: loaded.path,
    size: {
      bytes: loaded.fileBytes + loaded.externalFiles.reduce((s, f) => s + f.bytes, 0),
      parameters,
      bytesByDtype,
      sparsity: parameters > 0 ? zeros2 / parameters : 0
    },
    opset,
    irVersion: proto.irVersion ?? 0,
    producer,
    ops,
    inputs,
    outputs,
    weightInputs
  };
}

// src/model/shapes.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { dirname as dirname3, resolve as resolve4 } from "node:path";
async function createOrtShapeSession(bytes) {
  const ort5 = await import("onnxruntime-node");
  return ort5.InferenceSession.create(bytes, {
    graphOptimizationLevel: "disabled",
    intraOpNumThreads: 1,
    executionProviders: ["cpu"]
  });
}
var NON_TENSOR_OPS = /* @__PURE__ */ new Set([
  "SequenceConstruct",
  "SequenceEmpty",
  "SequenceInsert",
  "SequenceErase",
  "SplitToSequence",
  "SequenceMap",
  "Optional"
]);
var PASS_THROUGH_OPS = /* @__PURE__ */ new Set(["Identity", "OptionalGetElement", "If", "Loop", "Scan"]);
function own3(obj, key) {
  return Object.prototype.hasOwnProperty.call(obj, key);
}
function isTensorType(t) {
  return !t || own3(t, "tensorType") || !own3(t, "sequenceType") && !own3(t, "optionalType") && !own3(t, "mapType") && !own3(t, "sparseTensorType");
}
function nonTensorValues(graph) {
  const out2 = /* @__PURE__ */ new Set();
  for (const v of [...graph.input ?? [], ...graph.valueInfo ?? [], ...graph.output ?? []]) {
    if (v.name && !isTensorType(v.type)) out2.add(v.name);
  }
  for (const n of graph.node ?? []) {
    const subOutputs = (n.attribute ?? []).flatMap((a) => [a.g, ...a.graphs ?? []]).filter((g) => !!g).flatMap((g) => g.output ?? []);
    const nonTensorSub = subOutputs.some((v) => !isTensorType(v.type));
    const fromNonTensor = (n.input ?? []).some((i) => out2.has(i));
    if (NON_TENSOR_OPS.has(n.opType ?? "") || PASS_THROUGH_OPS.has(n.opType ?? "") && (fromNonTensor || nonTensorSub)) {
      for (const o of n.output ?? []) if (o) out2.add(o);
    }
  }
  return out2;
}
function inlineTensor(t, modelDir) {
  if (!isExternal(t)) return t;
  const e = externalEntries(t);
  const data = readFileSync2(resolve4(modelDir, e.location ?? ""));
  const offset = Number(e.offset ?? 0);
  const length = e.length !== void 0 && e.length !== "" ? Number(e.length) : data.length - offset;
  const { externalData: _e, dataLocation: _l, ...rest } = t;
  return { ...rest, rawData: new Uint8Array(data.buffer, data.byteOffset + offset, length) };
}
function inlineGraph(g, modelDir) {
  return {
    ...g,
    initializer: (g.initializer ?? []).map((t) => inlineTensor(t, modelDir)),
    sparseInitializer: (g.sparseInitializer ?? []).map((s) => ({
      ...s,
      ...s.values ? { values: inlineTensor(s.values, modelDir) } : {},
      ...s.indices ? { indices: inlineTensor(s.indices, modelDir) } : {}
    })),
    node: (g.node ?? []).map((n) => ({
      ...n,
      attribute: (n.attribute ?? []).map((a) => ({
        ...a,
        ...a.t ? { t: inlineTensor(a.t, modelDir) } : {},
        ...a.g ? { g: inlineGraph(a.g, modelDir) } : {},
        ...a.graphs?.length ? { graphs: a.graphs.map((s) => inlineGraph(s, modelDir)) } : {}
      }))
    }))
  };
}
function hasExternal(g) {
  if (!g) return false;
  if ((g.initializer ?? []).some(isExternal)) return true;
  if ((g.sparseInitializer ?? []).some((s) => s.values && isExternal(s.values) || s.indices && isExternal(s.indices))) return true;
  return (g.node ?? []).some((n) => (n.attribute ?? []).some((a) => a.t && isExternal(a.t) || hasExternal(a.g) || (a.graphs ?? []).some(hasExternal)));
}
function withExtraOutputs(loaded, names) {
  const proto = loaded.proto;
  let graph = proto.graph ?? {};
  if (hasExternal(graph)) graph = inlineGraph(graph, dirname3(loaded.path));
  const extra = names.map((name) => ({ name }));
  return { ...proto, graph: { ...graph, output: [...graph.output ?? [], ...extra] } };
}
function initializerDims(graph) {
  const out2 = /* @__PURE__ */ new Map();
  for (const t of graph.initializer ?? []) if (t.name) out2.set(t.name, [...t.dims ?? []]);
  for (const s of graph.sparseInitializer ?? []) if (s.values?.name) out2.set(s.values.name, [...s.dims ?? []]);
  for (const n of graph.node ?? []) {
    if (n.opType !== "Constant" || n.domain) continue;
    const a = (n.attribute ?? [])[0];
    const name = n.output?.[0];
    if (!a || !name) continue;
    if (a.name === "value" && a.t) out2.set(name, [...a.t.dims ?? []]);
    else if (a.name === "sparse_value" && a.sparseTensor) out2.set(name, [...a.sparseTensor.dims ?? []]);
    else if (a.name === "value_floats") out2.set(name, [a.floats?.length ?? 0]);
    else if (a.name === "value_ints") out2.set(name, [a.ints?.length ?? 0]);
    else if (a.name === "value_strings") out2.set(name, [a.strings?.length ?? 0]);
    else if (a.name === "value_float" || a.name === "value_int" || a.name === "value_string") out2.set(name, []);
  }
  return out2;
}
function dimsOf(v) {
  if (!v || typeof v !== "object" || !("dims" in v)) return void 0;
  const dims = v.dims;
  return Array.isArray(dims) && dims.every((d) => typeof d === "number") ? [...dims] : void 0;
}
function staticShapes(proto, inputShapes) {
  const graph = proto.graph ?? {};
  const out2 = initializerDims(graph);
  const symbols = /* @__PURE__ */ new Map();
  for (const v of graph.input ?? []) {
    const given = v.name ? inputShapes[v.name] : void 0;
    const dims = v.type?.tensorType?.shape?.dim ?? [];
    if (!given || given.length !== dims.length) continue;
    dims.forEach((d, i) => {
      if (own3(d, "dimParam") && d.dimParam && !symbols.has(d.dimParam)) symbols.set(d.dimParam, given[i]);
    });
  }
  for (const v of [...graph.input ?? [], ...graph.valueInfo ?? [], ...graph.output ?? []]) {
    if (!v.name || out2.has(v.name)) continue;
    const tt = v.type?.tensorType;
    if (!tt || !own3(tt, "shape")) continue;
    const dims = (tt.shape?.dim ?? []).map((d) => own3(d, "dimValue") ? d.dimValue : own3(d, "dimParam") && d.dimParam ? symbols.get(d.dimParam) : void 0);
    if (dims.every((d) => typeof d === "number")) out2.set(v.name, dims);
  }
  for (const [name, shape] of Object.entries(inputShapes)) out2.set(name, [...shape]);
  return out2;
}
async function resolveShapes(loaded, feeds, createSession2 = createOrtShapeSession) {
  const graph = loaded.proto.graph ?? {};
  const inputShapes = Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, [...t.dims]]));
  const shapes = staticShapes(loaded.proto, inputShapes);
  const skip = nonTensorValues(graph);
  const existing = /* @__PURE__ */ new Set([
    ...(graph.output ?? []).map((v) => v.name ?? ""),
    ...(graph.input ?? []).map((v) => v.name ?? ""),
    ...initializerDims(graph).keys()
  ]);
  const wanted = [];
  const seen = /* @__PURE__ */ new Set();
  const consider = (n, list) => {
    for (const o of n.output ?? []) {
      if (o && !existing.has(o) && !skip.has(o) && !seen.has(o)) {
        seen.add(o);
        list.push(o);
      }
    }
  };
  for (const n of graph.node ?? []) consider(n, wanted);
  const attempt = async (names) => {
    const session = await createSession2(encodeModel(withExtraOutputs(loaded, names)));
    try {
      return await session.run(feeds);
    } finally {
      await session.release();
    }
  };
  let results;
  try {
    results = await attempt(wanted);
  } catch (first) {
    if (wanted.length === 0) throw first;
    results = await attempt([]);
  }
  for (const [name, value] of Object.entries(results)) {
    const dims = dimsOf(value);
    if (dims) shapes.set(name, dims);
  }
  return shapes;
}

// src/model/flops.ts
function numel(shape) {
  let p = 1;
  for (const d of shape) p *= d;
  return p;
}
function attrOf(n, name) {
  return (n.attribute ?? []).find((a) => a.name === name);
}
function intAttr(n, name, dflt) {
  const a = attrOf(n, name);
  return a && Object.prototype.hasOwnProperty.call(a, "i") ? a.i ?? dflt : dflt;
}
var ELEMENTWISE = /* @__PURE__ */ new Set([
  "Add",
  "Sub",
  "Mul",
  "Div",
  "Pow",
  "Mod",
  "Sqrt",
  "Reciprocal",
  "Neg",
  "Abs",
  "Exp",
  "Log",
  "Floor",
  "Ceil",
  "Round",
  "Sign",
  "Erf",
  "Sin",
  "Cos",
  "Tan",
  "Asin",
  "Acos",
  "Atan",
  "Sinh",
  "Cosh",
  "Asinh",
  "Acosh",
  "Atanh",
  "Relu",
  "LeakyRelu",
  "PRelu",
  "Elu",
  "Selu",
  "Celu",
  "Sigmoid",
  "HardSigmoid",
  "HardSwish",
  "Tanh",
  "Softplus",
  "Softsign",
  "ThresholdedRelu",
  "Gelu",
  "Mish",
  "Clip",
  "Where",
  "Equal",
  "Greater",
  "Less",
  "GreaterOrEqual",
  "LessOrEqual",
  "And",
  "Or",
  "Xor",
  "Not",
  "BitShift",
  "BitwiseAnd",
  "BitwiseOr",
  "BitwiseXor",
  "BitwiseNot",
  "IsNaN",
  "IsInf",
  "Shrink",
  "CumSum"
]);
var VARIADIC = /* @__PURE__ */ new Set(["Sum", "Max", "Min", "Mean"]);
var QUANTIZE = /* @__PURE__ */ new Set(["QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear"]);
var REDUCE_1 = /* @__PURE__ */ new Set(["ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1", "ArgMax", "ArgMin", "ReduceLogSum"]);
var REDUCE_2 = /* @__PURE__ */ new Set(["ReduceSumSquare", "ReduceL2", "ReduceLogSumExp"]);
var SOFTMAX = /* @__PURE__ */ new Set(["Softmax", "LogSoftmax", "Hardmax"]);
var NORMALIZE = /* @__PURE__ */ new Set(["LayerNormalization", "InstanceNormalization", "GroupNormalization", "MeanVarianceNormalization", "LpNormalization"]);
var POOL = /* @__PURE__ */ new Set(["MaxPool", "AveragePool", "LpPool"]);
var GLOBAL_POOL = /* @__PURE__ */ new Set(["GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool"]);
var FREE = /* @__PURE__ */ new Set([
  "Reshape",
  "Flatten",
  "Squeeze",
  "Unsqueeze",
  "Transpose",
  "Concat",
  "Split",
  "Slice",
  "Gather",
  "GatherElements",
  "GatherND",
  "Scatter",
  "ScatterElements",
  "ScatterND",
  "Identity",
  "Shape",
  "Size",
  "Constant",
  "ConstantOfShape",
  "Cast",
  "CastLike",
  "Expand",
  "Tile",
  "Pad",
  "Dropout",
  "Range",
  "DepthToSpace",
  "SpaceToDepth",
  "OneHot",
  "EyeLike",
  "Trilu",
  "ReverseSequence",
  "Compress",
  "NonZero",
  "SequenceConstruct",
  "SequenceEmpty",
  "SequenceInsert",
  "SequenceErase",
  "SequenceAt",
  "SequenceLength",
  "SplitToSequence",
  "ConcatFromSequence",
  "Optional",
  "OptionalHasElement",
  "OptionalGetElement"
]);
var RECURRENT_GATES = {
  RNN: { gates: 1, elementwise: 2 },
  GRU: { gates: 3, elementwise: 11 },
  LSTM: { gates: 4, elementwise: 13 }
};
function nodeFlops(n, shapes) {
  if (n.domain && n.domain !== "ai.onnx") return void 0;
  const op = n.opType ?? "";
  const inputs = n.input ?? [];
  const shapeIn = (i) => inputs[i] ? shapes.get(inputs[i]) : void 0;
  const present = (i) => !!inputs[i];
  const out2 = n.output?.[0] ? shapes.get(n.output[0]) : void 0;
  if (FREE.has(op)) return 0;
  switch (op) {
    case "Conv":
    case "ConvInteger":
    case "QLinearConv": {
      const wIndex = op === "QLinearConv" ? 3 : 1;
      const w = shapeIn(wIndex);
      if (!out2 || !w || w[0] === 0) return void 0;
      const macs = numel(out2) * numel(w) / w[0];
      const bias = op === "Conv" ? present(2) : op === "QLinearConv" ? present(8) : false;
      return 2 * macs + (bias ? numel(out2) : 0);
    }
    case "ConvTranspose": {
      const x = shapeIn(0);
      const w = shapeIn(1);
      if (!x || !w || !out2 || w[0] === 0) return void 0;
      return 2 * (numel(x) * numel(w) / w[0]) + (present(2) ? numel(out2) : 0);
    }
    case "Gemm": {
      const a = shapeIn(0);
      if (!a || !out2 || a.length !== 2) return void 0;
      const k = intAttr(n, "transA", 0) ? a[0] : a[1];
      return 2 * numel(out2) * k + (present(2) ? numel(out2) : 0);
    }
    case "MatMul":
    case "MatMulInteger":
    case "QLinearMatMul": {
      const a = shapeIn(0);
      if (!a || !out2 || a.length === 0) return void 0;
      return 2 * numel(out2) * a[a.length - 1];
    }
    case "RNN":
    case "GRU":
    case "LSTM": {
      const x = shapeIn(0);
      const w = shapeIn(1);
      if (!x || !w || x.length !== 3 || w.length !== 3) return void 0;
      const { gates, elementwise } = RECURRENT_GATES[op];
      const layout = intAttr(n, "layout", 0);
      const steps = layout ? x[1] : x[0];
      const batch = layout ? x[0] : x[1];
      const inputSize = x[2];
      const directions = w[0];
      const hidden = intAttr(n, "hidden_size", w[1] / gates);
      const perStep = 2 * gates * hidden * (inputSize + hidden) + (present(3) ? 2 * gates * hidden : 0) + elementwise * hidden;
      return steps * batch * directions * perStep;
    }
    case "BatchNormalization":
      return out2 ? 2 * numel(out2) : void 0;
    default:
      break;
  }
  if (ELEMENTWISE.has(op)) return out2 ? numel(out2) : void 0;
  if (VARIADIC.has(op)) return out2 ? numel(out2) * (Math.max(inputs.length, 1) - 1 + (op === "Mean" ? 1 : 0)) : void 0;
  if (QUANTIZE.has(op)) return out2 ? 2 * numel(out2) : void 0;
  if (SOFTMAX.has(op)) return out2 ? 5 * numel(out2) : void 0;
  if (NORMALIZE.has(op)) return out2 ? 7 * numel(out2) : void 0;
  if (REDUCE_1.has(op) || REDUCE_2.has(op)) {
    const x = shapeIn(0);
    return x ? numel(x) * (REDUCE_2.has(op) ? 2 : 1) : void 0;
  }
  if (POOL.has(op)) {
    const k = attrOf(n, "kernel_shape")?.ints ?? [];
    return out2 && k.length > 0 ? numel(out2) * numel(k) : void 0;
  }
  if (GLOBAL_POOL.has(op)) {
    const x = shapeIn(0);
    return x ? numel(x) : void 0;
  }
  return void 0;
}
function weightShapes(graph) {
  const out2 = /* @__PURE__ */ new Map();
  for (const t of graph.initializer ?? []) if (t.name) out2.set(t.name, [...t.dims ?? []]);
  for (const s of graph.sparseInitializer ?? []) if (s.values?.name) out2.set(s.values.name, [...s.dims ?? []]);
  return out2;
}
function computeFlops(proto, shapes) {
  const graph = proto.graph ?? {};
  const weights = weightShapes(graph);
  const all = new Map([...weights, ...shapes]);
  const byOp = {};
  const uncounted = /* @__PURE__ */ new Set();
  let total = 0;
  for (const n of graph.node ?? []) {
    const f = nodeFlops(n, all);
    if (f === void 0) {
      uncounted.add(opKey(n));
      continue;
    }
    if (f > 0) {
      const key = opKey(n);
      byOp[key] = (byOp[key] ?? 0) + f;
      total += f;
    }
  }
  return { total, byOp, uncounted: [...uncounted].sort() };
}

// src/bench/inputs.ts
import path from "node:path";
import * as ort2 from "onnxruntime-node";

// src/util/random.ts
var { imul, sqrt, log, sin, cos, floor, PI } = Math;
function createRng(seed) {
  let a = seed >>> 0;
  let spare;
  const next = () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = imul(t ^ t >>> 15, t | 1);
    t ^= t + imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
  return {
    next,
    normal() {
      if (spare !== void 0) {
        const s = spare;
        spare = void 0;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = sqrt(-2 * log(u));
      spare = r * sin(2 * PI * v);
      return r * cos(2 * PI * v);
    },
    int(lo, hi) {
      return lo + floor(next() * (hi - lo + 1));
    }
  };
}
function seedFrom(text, base = 0) {
  let h = (2166136261 ^ base) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = imul(h, 16777619) >>> 0;
  }
  return h;
}

// src/bench/npy.ts
var MAGIC = [147, 78, 85, 77, 80, 89];
var NUMERIC = {
  f4: { dtype: "float32", itemBytes: 4, make: (b) => new Float32Array(b) },
  f8: { dtype: "float64", itemBytes: 8, make: (b) => new Float64Array(b) },
  f2: { dtype: "float16", itemBytes: 2, make: (b) => new Uint16Array(b) },
  i1: { dtype: "int8", itemBytes: 1, make: (b) => new Int8Array(b) },
  u1: { dtype: "uint8", itemBytes: 1, make: (b) => new Uint8Array(b) },
  i2: { dtype: "int16", itemBytes: 2, make: (b) => new Int16Array(b) },
  u2: { dtype: "uint16", itemBytes: 2, make: (b) => new Uint16Array(b) },
  i4: { dtype: "int32", itemBytes: 4, make: (b) => new Int32Array(b) },
  u4: { dtype: "uint32", itemBytes: 4, make: (b) => new Uint32Array(b) },
  i8: { dtype: "int64", itemBytes: 8, make: (b) => new BigInt64Array(b) },
  u8: { dtype: "uint64", itemBytes: 8, make: (b) => new BigUint64Array(b) },
  b1: { dtype: "bool", itemBytes: 1, make: (b) => new Uint8Array(b) }
};
var DESCR_OF = {
  float32: "<f4",
  float64: "<f8",
  float16: "<f2",
  int8: "|i1",
  uint8: "|u1",
  int16: "<i2",
  uint16: "<u2",
  int32: "<i4",
  uint32: "<u4",
  int64: "<i8",
  uint64: "<u8",
  bool: "|b1"
};
function fail(file, what) {
  throw new InputError("INPUT_INVALID", `${file}: ${what}`);
}
function headerField(header, key, valuePattern) {
  const m = new RegExp(`['"]${key}['"]\\s*:\\s*(${valuePattern})`).exec(header);
  return m ? m[1] : null;
}
function parseNpy(bytes, file) {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    fail(file, 'is not a NumPy .npy file (it does not start with the magic "\\x93NUMPY"); write it with numpy.save().');
  }
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let headerLen;
  let headerStart;
  if (major === 1) {
    headerLen = view.getUint16(8, true);
    headerStart = 10;
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) fail(file, "is truncated inside the .npy preamble.");
    headerLen = view.getUint32(8, true);
    headerStart = 12;
  } else {
    fail(file, `uses .npy format version ${major}.${bytes[7]}; versions 1.0, 2.0 and 3.0 are supported.`);
  }
  const dataStart = headerStart + headerLen;
  if (dataStart > bytes.length) fail(file, "is truncated inside the .npy header.");
  const header = new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(bytes.subarray(headerStart, dataStart));
  const descr = headerField(header, "descr", `'[^']*'|"[^"]*"|\\[`);
  if (descr === null) fail(file, `has no 'descr' in its .npy header (${header.trim()}).`);
  if (descr === "[") fail(file, "holds a structured (record) array; save a plain numeric array instead.");
  const code = descr.slice(1, -1);
  const fortran = headerField(header, "fortran_order", "True|False");
  if (fortran === null) fail(file, `has no 'fortran_order' in its .npy header (${header.trim()}).`);
  if (fortran === "True") {
    fail(file, "is stored in Fortran (column-major) order; save it in C order, e.g. numpy.save(f, numpy.ascontiguousarray(a)).");
  }
  const shapeText = headerField(header, "shape", "\\([^)]*\\)");
  if (shapeText === null) fail(file, `has no 'shape' in its .npy header (${header.trim()}).`);
  const shape = shapeText.slice(1, -1).split(",").map((s) => s.trim()).filter((s) => s.length > 0).map((s) => {
    const n = Number(s.replace(/L$/, ""));
    if (!Number.isSafeInteger(n) || n < 0) fail(file, `has an invalid shape ${shapeText} in its .npy header.`);
    return n;
  });
  let count2 = 1;
  for (const d of shape) count2 *= d;
  const order = code[0];
  const kind = code.slice(1);
  if (order === ">") {
    fail(file, `holds big-endian data ('${code}'); convert it with a.astype(a.dtype.newbyteorder('<')) before numpy.save().`);
  }
  if (kind === "O" || code === "O") {
    fail(file, "holds Python objects (dtype object), which cannot be read without Python; save a numeric or string array.");
  }
  if (order !== "<" && order !== "|" && order !== "=") fail(file, `has an unsupported dtype '${code}'.`);
  const body = bytes.subarray(dataStart);
  const str = /^([US])(\d+)$/.exec(kind);
  if (str) {
    const width = Number(str[2]);
    const itemBytes = str[1] === "U" ? 4 * width : width;
    checkLength(file, body.length, count2, itemBytes);
    const out2 = new Array(count2);
    const dv = new DataView(body.buffer, body.byteOffset, body.byteLength);
    for (let i = 0; i < count2; i++) {
      let s = "";
      for (let j = 0; j < width; j++) {
        const c = str[1] === "U" ? dv.getUint32(i * itemBytes + 4 * j, true) : body[i * itemBytes + j];
        if (c === 0) break;
        s += String.fromCodePoint(c);
      }
      out2[i] = s;
    }
    return { dtype: "string", shape, data: out2 };
  }
  const numeric = NUMERIC[kind];
  if (!numeric) {
    fail(file, `has dtype '${code}', which is not supported; use one of ${Object.values(DESCR_OF).join(" ")} (or <U/|S strings).`);
  }
  if (numeric.itemBytes > 1 && order === "|") fail(file, `has dtype '${code}' without a byte order.`);
  checkLength(file, body.length, count2, numeric.itemBytes);
  const copy = new Uint8Array(count2 * numeric.itemBytes);
  copy.set(body);
  return { dtype: numeric.dtype, shape, data: numeric.make(copy.buffer) };
}
function checkLength(file, have, count2, itemBytes) {
  const want = count2 * itemBytes;
  if (have < want) fail(file, `is truncated: its header promises ${count2} elements (${want} bytes) but only ${have} bytes follow.`);
  if (have > want) fail(file, `has ${have - want} bytes after the ${count2} elements its header promises; the file is corrupt.`);
}

// src/bench/inputs.ts
var DEFAULT_MAX_INPUT_BYTES = 1024 ** 3;
var FEEDABLE = {
  float32: 4,
  float64: 8,
  float16: 2,
  int8: 1,
  uint8: 1,
  int16: 2,
  uint16: 2,
  int32: 4,
  uint32: 4,
  int64: 8,
  uint64: 8,
  bool: 1,
  // A string element is a JS string; 16 bytes is a floor (pointer plus a short string) for the cap.
  string: 16
};
var INT_RANGE = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  uint64: [0, Number.MAX_SAFE_INTEGER]
};
async function synthesizeInputs(inputs, opts) {
  const ctx = new Context(opts);
  const known = new Set(inputs.map((i) => i.name));
  for (const name of Object.keys(opts.specs)) {
    if (!known.has(name)) {
      const list = inputs.length ? inputs.map((i) => `"${i.name}"`).join(", ") : "none";
      const guess = closest(name, [...known]);
      ctx.fail(
        name,
        `model "${opts.modelName}" has no input "${name}"; its inputs are ${list}.` + (guess ? ` Did you mean "${guess}"?` : "") + " Rename or remove the entry."
      );
    }
  }
  for (const [dim, size] of Object.entries(opts.dims)) {
    if (!Number.isSafeInteger(size) || size < 0) {
      ctx.failField(`dims.${dim}`, `dims: ${dim} is ${size}; a dim size must be a non-negative integer.`);
    }
  }
  for (const info of inputs) {
    if (info.kind !== void 0 && info.kind !== "optional") {
      ctx.fail(
        info.name,
        `model "${opts.modelName}" input "${info.name}" is a ${info.kind} of ${info.dtype}, and onnxruntime-node can only feed tensors. Wrap the model so that this input is a tensor.`
      );
    }
  }
  const explicit = /* @__PURE__ */ new Map();
  for (const info of inputs) {
    const spec = opts.specs[info.name];
    if (!spec) continue;
    explicit.set(info.name, await ctx.explicitInput(info, spec));
  }
  const feeds = {};
  const shapes = {};
  for (const info of inputs) {
    const ex = explicit.get(info.name);
    if (ex) {
      feeds[info.name] = ex.make();
      shapes[info.name] = ex.shape;
      continue;
    }
    const shape = ctx.resolveDeclared(info);
    ctx.checkFeedable(info.name, info.dtype);
    ctx.checkCap(info.name, info.dtype, shape);
    feeds[info.name] = new ort2.Tensor(info.dtype, randomData(info.dtype, count(shape), ctx.rngFor(info.name)), shape);
    shapes[info.name] = shape;
  }
  const used = new Set(inputs.flatMap((i) => (i.shape ?? []).filter((d) => typeof d === "string")));
  for (const dim of Object.keys(opts.dims)) {
    if (!used.has(dim)) {
      const guess = closest(dim, [...used]);
      ctx.notices.push(
        `model "${opts.modelName}": dims: ${dim} is not a dim of any input` + (used.size ? ` (the inputs use ${[...used].join(", ")})` : " (the inputs have no symbolic dims)") + (guess ? `; did you mean ${guess}?` : "")
      );
    }
  }
  let batchSize = 1;
  const first = inputs[0];
  if (first?.shape && first.shape.length > 0 && typeof first.shape[0] !== "number") {
    batchSize = shapes[first.name][0];
  }
  return { feeds, shapes, batchSize, notices: ctx.notices };
}
var Context = class {
  constructor(opts) {
    this.opts = opts;
  }
  opts;
  notices = [];
  /** Symbolic dim sizes taken from explicit inputs. */
  bound = /* @__PURE__ */ new Map();
  field(rest) {
    return this.opts.modelIndex === void 0 ? rest : `models[${this.opts.modelIndex}].${rest}`;
  }
  failField(rest, message) {
    throw new InputError("INPUT_INVALID", `${this.opts.configFile ?? "budget file"}: ${this.field(rest)}: ${message}`);
  }
  fail(input, message) {
    return this.failField(`inputs.${input}`, message);
  }
  rngFor(input) {
    return createRng(seedFrom(`${this.opts.modelName}/${input}`, this.opts.seed));
  }
  checkFeedable(input, dtype) {
    if (FEEDABLE[dtype] === void 0) {
      this.fail(
        input,
        `model "${this.opts.modelName}" input "${input}" has dtype ${dtype}, which onnxruntime-node cannot build from JavaScript (it feeds ${Object.keys(FEEDABLE).join(", ")}). Wrap the model so that this input is one of those and Cast inside it.`
      );
    }
  }
  /** Fails unless the tensor fits under the cap; computed in floating point so it cannot wrap. */
  checkCap(input, dtype, shape) {
    const cap = this.opts.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
    const bytes = shape.reduce((acc, d) => acc * d, FEEDABLE[dtype] ?? 8);
    if (!(bytes <= cap)) {
      this.fail(
        input,
        `model "${this.opts.modelName}" input "${input}" would take ${formatBytes(bytes)} at shape [${shape.join(", ")}] (${dtype}), over the ${formatBytes(cap)} limit for a synthesised input. Use smaller sizes in dims: or inputs.${input}.shape.`
      );
    }
  }
  /** The declared shape with symbolic and unknown dims made concrete (notices for defaults). */
  resolveDeclared(info) {
    if (info.shape === null) {
      this.fail(
        info.name,
        `model "${this.opts.modelName}" declares no shape for input "${info.name}", so its rank is unknown. Give one, e.g. inputs: { ${info.name}: { shape: [1, 3] } }.`
      );
    }
    return info.shape.map((d, axis) => {
      if (typeof d === "number") return d;
      if (d === null) {
        this.notices.push(
          `model "${this.opts.modelName}": input "${info.name}" dim ${axis} has no size or name in the model, using 1 (set ${this.field(`inputs.${info.name}.shape`)} to choose)`
        );
        return 1;
      }
      const size = this.opts.dims[d] ?? this.bound.get(d);
      if (size !== void 0) return size;
      this.notices.push(`model "${this.opts.modelName}": input "${info.name}" dim "${d}" not set in dims:, using 1`);
      return 1;
    });
  }
  /** Checks a concrete shape against the declared one and binds symbolic dims. */
  checkShape(info, shape, source) {
    for (const d of shape) {
      if (!Number.isSafeInteger(d) || d < 0) {
        this.fail(info.name, `${source} has shape [${shape.join(", ")}]; every dim must be a non-negative integer.`);
      }
    }
    const declared = info.shape;
    if (declared === null) return;
    const want = `[${declared.map(showDim).join(", ")}]`;
    if (declared.length !== shape.length) {
      this.fail(
        info.name,
        `${source} has rank ${shape.length} (shape [${shape.join(", ")}]) but model "${this.opts.modelName}" declares input "${info.name}" with rank ${declared.length}, shape ${want}. Give a shape with ${declared.length} dims.`
      );
    }
    declared.forEach((d, axis) => {
      if (typeof d === "number" && d !== shape[axis]) {
        this.fail(
          info.name,
          `${source} has ${shape[axis]} in dim ${axis} (shape [${shape.join(", ")}]) but model "${this.opts.modelName}" fixes that dim of input "${info.name}" at ${d} (shape ${want}).`
        );
      }
      if (typeof d === "string") {
        const set = this.opts.dims[d];
        if (set !== void 0 && set !== shape[axis]) {
          this.fail(
            info.name,
            `${source} has ${shape[axis]} in dim ${axis}, the model's dim "${d}", but dims: sets ${d} to ${set}. Make them agree or drop ${d} from dims:.`
          );
        }
        if (!this.bound.has(d)) this.bound.set(d, shape[axis]);
      }
    });
  }
  checkDtype(info, dtype, source) {
    if (dtype !== void 0 && dtype !== info.dtype) {
      this.fail(
        info.name,
        `${source} is ${dtype} but model "${this.opts.modelName}" takes ${info.dtype} for input "${info.name}". Use ${info.dtype} (onnxruntime does not convert input types).`
      );
    }
  }
  async explicitInput(info, spec) {
    const dtype = info.dtype;
    if (spec.kind === "npy") {
      const file = path.resolve(this.opts.configFile ? path.dirname(this.opts.configFile) : "", spec.file);
      let bytes;
      try {
        bytes = await this.opts.readFile(file);
      } catch (error) {
        const why = error.code === "ENOENT" ? "does not exist" : `cannot be read (${error.message})`;
        return this.fail(info.name, `the data file ${file} ${why}. Paths are relative to the budget file's folder.`);
      }
      let arr;
      try {
        arr = parseNpy(bytes, file);
      } catch (error) {
        return this.fail(info.name, error.message);
      }
      this.checkDtype(info, spec.dtype, "the dtype given");
      this.checkDtype(info, arr.dtype, `the data in ${file}`);
      this.checkFeedable(info.name, dtype);
      this.checkShape(info, arr.shape, `the data in ${file}`);
      return { shape: arr.shape, make: () => new ort2.Tensor(dtype, arr.data, arr.shape) };
    }
    this.checkDtype(info, spec.dtype, "the dtype given");
    this.checkFeedable(info.name, dtype);
    if (spec.kind === "random") {
      const shape2 = spec.shape ? [...spec.shape] : this.resolveDeclared(info);
      if (spec.shape) this.checkShape(info, shape2, `the shape given`);
      this.checkCap(info.name, dtype, shape2);
      return { shape: shape2, make: () => new ort2.Tensor(dtype, randomData(dtype, count(shape2), this.rngFor(info.name)), shape2) };
    }
    const nested = flatten(spec.value, (msg) => this.fail(info.name, msg));
    let shape = nested.shape;
    let flat = nested.flat;
    if (shape.length === 0 && (spec.shape || info.shape !== null && info.shape.length > 0)) {
      shape = spec.shape ? [...spec.shape] : this.resolveDeclared(info);
      this.checkShape(info, shape, spec.shape ? "the shape given" : "the value");
      this.checkCap(info.name, dtype, shape);
      const n = count(shape);
      const one = toData(dtype, flat, (msg) => this.fail(info.name, msg));
      return { shape, make: () => new ort2.Tensor(dtype, fill(dtype, one, n), shape) };
    }
    if (spec.shape) {
      if (count(spec.shape) !== flat.length) {
        this.fail(info.name, `the value has ${flat.length} elements but the shape given, [${spec.shape.join(", ")}], holds ${count(spec.shape)}.`);
      }
      shape = [...spec.shape];
    }
    this.checkShape(info, shape, spec.shape ? "the shape given" : "the value");
    flat = flat.slice();
    const data = toData(dtype, flat, (msg) => this.fail(info.name, msg));
    return { shape, make: () => new ort2.Tensor(dtype, data, shape) };
  }
};
function showDim(d) {
  return d === null ? "?" : String(d);
}
function count(shape) {
  return shape.reduce((a, b) => a * b, 1);
}
function formatBytes(bytes) {
  if (!Number.isFinite(bytes) || bytes >= 1024 ** 5) return `more than 1 PiB`;
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let i = 0;
  let v = bytes;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} bytes` : `${v.toFixed(1)} ${units[i]}`;
}
function flatten(value, fail2) {
  if (!Array.isArray(value)) return { shape: [], flat: [value] };
  const shape = [];
  let probe = value;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0];
  }
  const flat = [];
  const walk = (v, depth, where) => {
    if (depth === shape.length) {
      if (Array.isArray(v)) fail2(`the value is ragged: ${where} is a list where a number was expected (shape [${shape.join(", ")}] from the first elements).`);
      flat.push(v);
      return;
    }
    if (!Array.isArray(v)) fail2(`the value is ragged: ${where} is ${JSON.stringify(v)} where a list of ${shape[depth]} was expected.`);
    if (v.length !== shape[depth]) {
      fail2(`the value is ragged: ${where} has ${v.length} elements where ${shape[depth]} were expected (shape [${shape.join(", ")}] from the first elements).`);
    }
    v.forEach((x, i) => walk(x, depth + 1, `${where}[${i}]`));
  };
  walk(value, 0, "value");
  return { shape, flat };
}
function toData(dtype, flat, fail2) {
  const bad = (i, want) => fail2(`element ${i} of the value, ${JSON.stringify(flat[i]) ?? String(flat[i])}, is not ${want} (the input is ${dtype}).`);
  const n = flat.length;
  switch (dtype) {
    case "float32":
    case "float64":
    case "float16": {
      const out2 = dtype === "float32" ? new Float32Array(n) : dtype === "float64" ? new Float64Array(n) : new Uint16Array(n);
      flat.forEach((x, i) => {
        if (typeof x !== "number") bad(i, "a number");
        out2[i] = dtype === "float16" ? float32ToHalfBits(x) : x;
      });
      return out2;
    }
    case "bool": {
      const out2 = new Uint8Array(n);
      flat.forEach((x, i) => {
        if (x === true || x === 1) out2[i] = 1;
        else if (x === false || x === 0) out2[i] = 0;
        else bad(i, "true, false, 1 or 0");
      });
      return out2;
    }
    case "string":
      return flat.map((x, i) => typeof x === "string" ? x : bad(i, "a string"));
    default: {
      const range = INT_RANGE[dtype];
      if (!range) return fail2(`inputs of dtype ${dtype} cannot be given as a value.`);
      const out2 = makeIntArray(dtype, n);
      flat.forEach((x, i) => {
        const v = x;
        if (typeof v === "bigint") {
          if (!(out2 instanceof BigInt64Array || out2 instanceof BigUint64Array)) bad(i, `an integer in ${range[0]}..${range[1]}`);
          out2[i] = v;
          return;
        }
        if (typeof v !== "number" || !Number.isInteger(v) || v < range[0] || v > range[1]) bad(i, `an integer in ${range[0]}..${range[1]}`);
        if (out2 instanceof BigInt64Array || out2 instanceof BigUint64Array) out2[i] = BigInt(v);
        else out2[i] = v;
      });
      return out2;
    }
  }
}
function makeIntArray(dtype, n) {
  switch (dtype) {
    case "int8":
      return new Int8Array(n);
    case "uint8":
      return new Uint8Array(n);
    case "int16":
      return new Int16Array(n);
    case "uint16":
      return new Uint16Array(n);
    case "int32":
      return new Int32Array(n);
    case "uint32":
      return new Uint32Array(n);
    case "int64":
      return new BigInt64Array(n);
    case "uint64":
      return new BigUint64Array(n);
    default:
      throw new Error(`not an integer dtype: ${dtype}`);
  }
}
function fill(dtype, one, n) {
  if (dtype === "string") return new Array(n).fill(one[0]);
  const ctor = one.constructor;
  const out2 = new ctor(n);
  out2.fill(one[0]);
  return out2;
}
var WORD_CHARS = "abcdefghijklmnopqrstuvwxyz";
function randomData(dtype, n, rng) {
  switch (dtype) {
    case "float32": {
      const out2 = new Float32Array(n);
      for (let i = 0; i < n; i++) out2[i] = rng.normal();
      return out2;
    }
    case "float64": {
      const out2 = new Float64Array(n);
      for (let i = 0; i < n; i++) out2[i] = rng.normal();
      return out2;
    }
    case "float16": {
      const out2 = new Uint16Array(n);
      for (let i = 0; i < n; i++) out2[i] = float32ToHalfBits(rng.normal());
      return out2;
    }
    case "bool": {
      const out2 = new Uint8Array(n);
      for (let i = 0; i < n; i++) out2[i] = rng.next() < 0.5 ? 1 : 0;
      return out2;
    }
    case "string": {
      const out2 = new Array(n);
      for (let i = 0; i < n; i++) {
        let s = "";
        const len = rng.int(1, 8);
        for (let j = 0; j < len; j++) s += WORD_CHARS[rng.int(0, 25)];
        out2[i] = s;
      }
      return out2;
    }
    case "int64":
    case "uint64": {
      const out2 = dtype === "int64" ? new BigInt64Array(n) : new BigUint64Array(n);
      for (let i = 0; i < n; i++) out2[i] = BigInt(rng.int(0, 9));
      return out2;
    }
    default: {
      const out2 = makeIntArray(dtype, n);
      for (let i = 0; i < n; i++) out2[i] = rng.int(0, 9);
      return out2;
    }
  }
}
var f32 = new Float32Array(1);
var u32 = new Uint32Array(f32.buffer);
function float32ToHalfBits(value) {
  f32[0] = value;
  const x = u32[0];
  const sign = x >>> 16 & 32768;
  const exp2 = x >>> 23 & 255;
  let mant = x & 8388607;
  if (exp2 === 255) return sign | 31744 | (mant ? 512 : 0);
  const e = exp2 - 127 + 15;
  if (e >= 31) return sign | 31744;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 8388608;
    const shift = 14 - e;
    const half = 1 << shift - 1;
    const rest2 = mant & (1 << shift) - 1;
    let m = mant >>> shift;
    if (rest2 > half || rest2 === half && m & 1) m++;
    return sign | m;
  }
  let h = sign | e << 10 | mant >>> 13;
  const rest = mant & 8191;
  if (rest > 4096 || rest === 4096 && h & 1) h++;
  return h;
}
function distance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
function closest(name, candidates) {
  let best;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = c.toLowerCase() === name.toLowerCase() ? 0 : distance(name, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== void 0 && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : void 0;
}

// src/bench/latency.ts
function percentile(sorted, p) {
  const n = sorted.length;
  if (n === 0) throw new RangeError("percentile of an empty sample");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile p must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}
function mean(xs, n = xs.length) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i];
  return sum / n;
}
function stdev(xs, n = xs.length) {
  if (n === 0) return NaN;
  if (n === 1) return 0;
  const m = mean(xs, n);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i] - m) ** 2;
  return Math.sqrt(ss / (n - 1));
}
function lnGamma(x) {
  let shift = 0;
  while (x < 10) {
    shift += Math.log(x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
}
function incompleteBeta(x, a, b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const tiny = 1e-300;
  let f = 1;
  let c = 1;
  let d = 1 - (a + b) * x / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  f = d;
  for (let m = 1; m <= 1e3; m++) {
    const m2 = 2 * m;
    let num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    f *= d * c;
    num = -((a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return front * f / a;
}
function tCdf(t, df) {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}
function tQuantile(p, df) {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile p must be in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`tQuantile df must be positive, got ${df}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  if (df >= 1e3 && df !== Infinity) {
    const z = tQuantile(p, Infinity);
    const z3 = z ** 3;
    return z + (z3 + z) / (4 * df) + (5 * z ** 5 + 16 * z3 + 3 * z) / (96 * df * df);
  }
  const cdf = df === Infinity ? normalCdf : (t) => tCdf(t, df);
  let lo = 0;
  let hi = 1;
  while (cdf(hi) < p) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
function normalCdf(x) {
  return 0.5 * (1 + Math.sign(x) * erf(Math.abs(x) / Math.SQRT2));
}
function erf(x) {
  if (x < 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 100; n++) {
      term *= -x * x / n;
      const add2 = term / (2 * n + 1);
      sum += add2;
      if (Math.abs(add2) < 1e-17 * Math.abs(sum)) break;
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }
  let f = x;
  for (let k = 60; k >= 1; k--) f = x + k / 2 / f;
  return 1 - Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}
function relativeCiHalfWidth(xs, n = xs.length, confidence = 0.95) {
  if (n < 2) return Infinity;
  const m = mean(xs, n);
  const s = stdev(xs, n);
  if (s === 0) return 0;
  if (m === 0) return Infinity;
  return tQuantile((1 + confidence) / 2, n - 1) * s / Math.sqrt(n) / Math.abs(m);
}

// src/bench/runner.ts
var RSS_EVERY_NS = 50000000n;
async function runInferenceBenchmark(session, feeds, cfg, deps) {
  const clock = deps.clockNs;
  const rss = deps.rssBytes ?? (() => process.memoryUsage.rss());
  const maxRss = deps.maxRssBytes ?? (() => process.resourceUsage().maxRSS * 1024);
  const label2 = deps.label ?? "the model";
  const auto = cfg.iterations === "auto";
  if (!auto && !(Number.isInteger(cfg.iterations) && cfg.iterations >= 1)) {
    throw new RangeError(`iterations must be a positive integer or 'auto', got ${cfg.iterations}`);
  }
  const minSamples = Math.max(2, deps.minSamples ?? 10);
  const maxRuns = auto ? deps.maxRuns ?? 1e6 : cfg.iterations;
  let phase = "warm-up";
  let last = {};
  let lat = new Float64Array(auto ? Math.min(maxRuns, 1024) : maxRuns);
  let n = 0;
  let stopReason = "iterations";
  let energy;
  let peakRss = 0;
  let startNs = 0n;
  let endNs = 0n;
  let maxRssBefore = 0;
  try {
    for (let i = 0; i < cfg.warmup; i++) last = await session.run(feeds);
    maxRssBefore = maxRss();
    peakRss = rss();
    phase = "meter";
    const token = deps.meter ? await deps.meter.begin() : void 0;
    phase = "the timed runs";
    startNs = clock();
    let nextRssNs = startNs + RSS_EVERY_NS;
    if (!auto) {
      for (; n < maxRuns; n++) {
        const t0 = clock();
        last = await session.run(feeds);
        const t1 = clock();
        lat[n] = Number(t1 - t0) / 1e6;
        if (t1 >= nextRssNs) {
          const r2 = rss();
          if (r2 > peakRss) peakRss = r2;
          nextRssNs = t1 + RSS_EVERY_NS;
        }
      }
    } else {
      const deadlineNs = Number.isFinite(cfg.maxTimeS) ? startNs + BigInt(Math.round(cfg.maxTimeS * 1e9)) : 2n ** 63n;
      let nextCheck = minSamples;
      for (; ; ) {
        const t0 = clock();
        last = await session.run(feeds);
        const t1 = clock();
        lat[n++] = Number(t1 - t0) / 1e6;
        if (t1 >= nextRssNs) {
          const r2 = rss();
          if (r2 > peakRss) peakRss = r2;
          nextRssNs = t1 + RSS_EVERY_NS;
        }
        if (n >= nextCheck) {
          if (relativeCiHalfWidth(lat, n) <= cfg.targetRelativeCi) {
            stopReason = "converged";
            break;
          }
          nextCheck = n + Math.max(minSamples, Math.ceil(n / 10));
        }
        if (t1 >= deadlineNs) {
          stopReason = "time-cap";
          break;
        }
        if (n >= maxRuns) {
          stopReason = "max-runs";
          break;
        }
        if (n === lat.length) {
          const bigger = new Float64Array(Math.min(maxRuns, lat.length * 2));
          bigger.set(lat);
          lat = bigger;
        }
      }
    }
    endNs = clock();
    phase = "meter";
    if (deps.meter && token) energy = await deps.meter.end(token);
  } catch (error) {
    if (error instanceof EnergyBudgetError) throw error;
    const msg = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, " ");
    if (phase === "meter") throw new EnvironmentError(`${label2}: the energy meter failed: ${msg}`, { cause: error });
    throw new InputError(
      "INPUT_INVALID",
      `${label2}: onnxruntime failed during ${phase}: ${msg}. Check the input shapes and values given by dims: and inputs:.`,
      { cause: error }
    );
  }
  const r = rss();
  if (r > peakRss) peakRss = r;
  const maxRssAfter = maxRss();
  const peakMemoryBytes = maxRssAfter > maxRssBefore ? Math.max(maxRssAfter, peakRss) : peakRss;
  const windowNs = endNs - startNs;
  if (windowNs <= 0n) {
    throw new EnvironmentError(
      `${label2}: the timed window of ${n} run(s) lasted ${windowNs} ns, so no throughput can be computed; the clock did not advance.`
    );
  }
  const timedWindowS = Number(windowNs) / 1e9;
  const latenciesMs = lat.subarray(0, n);
  const sorted = Float64Array.from(latenciesMs).sort();
  const ci = relativeCiHalfWidth(latenciesMs, n);
  return {
    batchSize: cfg.batchSize,
    runs: n,
    warmup: cfg.warmup,
    latenciesMs,
    latencyMs: {
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      p99: percentile(sorted, 0.99),
      mean: mean(latenciesMs),
      min: sorted[0],
      max: sorted[n - 1],
      stdev: stdev(latenciesMs)
    },
    throughput: cfg.batchSize * n / timedWindowS,
    inferencesPerSecond: n / timedWindowS,
    timedWindowS,
    ...Number.isFinite(ci) ? { relativeCi95: ci } : {},
    stopReason,
    peakMemoryBytes,
    ...energy ? { energy } : {},
    nonFinite: countNonFinite(last)
  };
}
function countNonFinite(outputs) {
  const counts = {};
  for (const [name, t] of Object.entries(outputs)) {
    if (t.type !== "float32" && t.type !== "float64" && t.type !== "float16") continue;
    const data = t.data;
    let bad = 0;
    if (t.type === "float16" && data instanceof Uint16Array) {
      for (let i = 0; i < data.length; i++) if ((data[i] & 31744) === 31744) bad++;
    } else {
      for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) bad++;
    }
    counts[name] = bad;
  }
  return counts;
}

// src/energy/open.ts
import { availableParallelism } from "node:os";

// src/energy/adapters.ts
import { readFileSync as readFileSync3, readdirSync } from "node:fs";
var nodeFs = {
  readFile: (path2) => {
    try {
      return Promise.resolve(readFileSync3(path2, "utf8"));
    } catch (error) {
      return Promise.reject(error);
    }
  },
  readdir: (path2) => {
    try {
      return Promise.resolve(readdirSync(path2));
    } catch (error) {
      return Promise.reject(error);
    }
  }
};
var realTicker = {
  every(intervalMs, fn) {
    const handle = setInterval(fn, intervalMs);
    handle.unref?.();
    return { stop: () => clearInterval(handle) };
  }
};
var realClockNs = () => process.hrtime.bigint();
function secondsBetween(startNs, endNs) {
  return Number(endNs - startNs) / 1e9;
}
function errorCode(error) {
  const code = error?.code;
  return typeof code === "string" ? code : void 0;
}

// src/energy/combined.ts
var CombinedMeter = class {
  constructor(parts) {
    this.parts = parts;
    if (parts.length === 0) throw new Error("CombinedMeter needs at least one meter.");
    this.method = parts.map((p) => p.method).join("+");
    this.description = parts.map((p) => p.description).join("; ");
  }
  parts;
  method;
  description;
  modelledIdleW;
  /** Begins every part. */
  async begin() {
    const tokens = [];
    for (const p of this.parts) tokens.push(await p.begin());
    const token = { startedAt: tokens[0].startedAt, parts: tokens };
    return token;
  }
  /** Ends every part (in reverse order, so the window of the first part encloses the others). */
  async end(token) {
    const tokens = token.parts;
    const windows = new Array(this.parts.length);
    for (let i = this.parts.length - 1; i >= 0; i--) windows[i] = await this.parts[i].end(tokens[i]);
    return combineWindows(windows);
  }
  /** Closes every part, even when one fails. */
  async close() {
    const results = await Promise.allSettled(this.parts.map((p) => p.close()));
    const failed = results.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
  }
};
function combineWindows(windows) {
  if (windows.length === 1) return windows[0];
  const domainsJ = {};
  for (const w of windows) {
    for (const [k, v] of Object.entries(w.domainsJ)) {
      let key = k;
      for (let n = 2; key in domainsJ; n++) key = `${k}#${n}`;
      domainsJ[key] = v;
    }
  }
  const allIdle = windows.every((w) => w.idleW !== void 0);
  const allUnc = windows.every((w) => w.uncertaintyJ !== void 0);
  const energyJ = windows.reduce((a, w) => a + w.energyJ, 0);
  const idleW = allIdle ? windows.reduce((a, w) => a + (w.idleW ?? 0), 0) : void 0;
  const durationS = Math.max(...windows.map((w) => w.durationS));
  return {
    energyJ,
    domainsJ,
    durationS,
    method: windows.map((w) => w.method).join("+"),
    estimated: windows.some((w) => w.estimated === true || w.method.includes("estimate")),
    idleW,
    idleMeasured: allIdle ? windows.every((w) => w.idleMeasured === true) : void 0,
    attributableJ: allIdle ? windows.reduce((a, w) => a + (w.attributableJ ?? 0), 0) : void 0,
    // Independent parts: one-sigma errors add in quadrature.
    uncertaintyJ: allUnc ? Math.sqrt(windows.reduce((a, w) => a + (w.uncertaintyJ ?? 0) ** 2, 0)) : void 0,
    notes: windows.flatMap((w) => w.notes),
    estimate: windows.find((w) => w.estimate)?.estimate,
    parts: windows
  };
}

// src/energy/cpu.ts
import { join } from "node:path";
function parseCpuInfo(text) {
  const first = /* @__PURE__ */ new Map();
  let logicalCpus = 0;
  for (const line of text.split("\n")) {
    const i = line.indexOf(":");
    if (i < 0) continue;
    const key = line.slice(0, i).trim();
    const value = line.slice(i + 1).trim();
    if (key === "processor") logicalCpus++;
    if (!first.has(key)) first.set(key, value);
  }
  const int = (key) => {
    const v = first.get(key);
    if (v === void 0 || !/^\d+$/.test(v)) return void 0;
    return Number(v);
  };
  return {
    modelName: first.get("model name") ?? first.get("Model") ?? "unknown",
    vendor: first.get("vendor_id"),
    family: int("cpu family"),
    model: int("model"),
    stepping: int("stepping"),
    armImplementer: first.get("CPU implementer"),
    armPart: first.get("CPU part"),
    logicalCpus
  };
}
var USER_HZ = 100;
function parseProcStat(text) {
  let agg = null;
  let cpus = 0;
  for (const line of text.split("\n")) {
    if (line.startsWith("cpu ")) {
      agg = line.trim().split(/\s+/).slice(1).map(Number);
    } else if (/^cpu\d+\s/.test(line)) {
      cpus++;
    }
  }
  if (!agg || agg.length < 4 || agg.some((v) => !Number.isFinite(v))) return null;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = agg;
  const busyTicks = user + nice + system + irq + softirq;
  return { busyTicks, totalTicks: busyTicks + idle + iowait + steal, cpus };
}
async function readCpuInfo(procRoot, fs = nodeFs) {
  try {
    return parseCpuInfo(await fs.readFile(join(procRoot, "cpuinfo")));
  } catch {
    return null;
  }
}
async function readCpuTimes(procRoot, fs = nodeFs) {
  try {
    return parseProcStat(await fs.readFile(join(procRoot, "stat")));
  } catch {
    return null;
  }
}

// data/power-models.json
var power_models_default = {
  $comment: "Power models for the 'estimate' meter (src/energy/power-model.ts, docs/energy.md). Each row cites its source and year. Rows are looked up by CPU model name first (modelNameRules, regular expressions in order), then by CPUID vendor/family/model/stepping from /proc/cpuinfo (cpuidRules), then by Arm CPU part (armRules); a rule whose row is null names the microarchitecture but has no published figures, and the default row is used.",
  defaultRow: "ccf-aws-average",
  rows: {
    "ccf-sandy-bridge": {
      kind: "per-vcpu-linear",
      label: "Intel Sandy Bridge (CCF)",
      minWattsPerVcpu: 2.17,
      maxWattsPerVcpu: 8.58,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2021
    },
    "ccf-ivy-bridge": {
      kind: "per-vcpu-linear",
      label: "Intel Ivy Bridge (CCF)",
      minWattsPerVcpu: 3.04,
      maxWattsPerVcpu: 8.25,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2021
    },
    "ccf-haswell": {
      kind: "per-vcpu-linear",
      label: "Intel Haswell (CCF)",
      minWattsPerVcpu: 1,
      maxWattsPerVcpu: 4.74,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2022
    },
    "ccf-broadwell": {
      kind: "per-vcpu-linear",
      label: "Intel Broadwell (CCF)",
      minWattsPerVcpu: 0.71,
      maxWattsPerVcpu: 3.69,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2021
    },
    "ccf-skylake": {
      kind: "per-vcpu-linear",
      label: "Intel Skylake (CCF)",
      minWattsPerVcpu: 0.65,
      maxWattsPerVcpu: 4.26,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2021
    },
    "ccf-cascade-lake": {
      kind: "per-vcpu-linear",
      label: "Intel Cascade Lake (CCF)",
      minWattsPerVcpu: 0.64,
      maxWattsPerVcpu: 3.97,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2021
    },
    "ccf-coffee-lake": {
      kind: "per-vcpu-linear",
      label: "Intel Coffee Lake (CCF)",
      minWattsPerVcpu: 1.14,
      maxWattsPerVcpu: 5.42,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2021
    },
    "ccf-epyc-1st-gen": {
      kind: "per-vcpu-linear",
      label: "AMD EPYC 1st Gen / Naples (CCF)",
      minWattsPerVcpu: 0.82,
      maxWattsPerVcpu: 2.55,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2021
    },
    "ccf-epyc-2nd-gen": {
      kind: "per-vcpu-linear",
      label: "AMD EPYC 2nd Gen / Rome (CCF)",
      minWattsPerVcpu: 0.47,
      maxWattsPerVcpu: 1.69,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2021
    },
    "ccf-epyc-3rd-gen": {
      kind: "per-vcpu-linear",
      label: "AMD EPYC 3rd Gen / Milan (CCF)",
      minWattsPerVcpu: 0.45,
      maxWattsPerVcpu: 2.02,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2022
    },
    "ccf-graviton2": {
      kind: "per-vcpu-linear",
      label: "AWS Graviton2 (CCF uses the AMD EPYC 2nd Gen figures)",
      minWattsPerVcpu: 0.47,
      maxWattsPerVcpu: 1.69,
      relativeUncertainty: 0.3,
      source: "Cloud Carbon Footprint (Thoughtworks), per-microarchitecture min/max watts per vCPU derived from SPECpower_ssj2008 results: packages/core/src/compute/ComputeProcessorTypes.ts (min_watts_avg/max_watts_avg) and https://www.cloudcarbonfootprint.org/docs/methodology (Appendix II; coefficients from github.com/cloud-carbon-footprint/cloud-carbon-coefficients)",
      year: 2021,
      note: "CCF: no reliable public figures for Graviton2, so the lowest microarchitecture (EPYC 2nd Gen) is applied."
    },
    "ccf-aws-average": {
      kind: "per-vcpu-linear",
      label: "CCF average over AWS microarchitectures (default for unknown CPUs)",
      minWattsPerVcpu: 0.74,
      maxWattsPerVcpu: 3.5,
      relativeUncertainty: 0.5,
      source: "Cloud Carbon Footprint methodology, Appendix I (AWS: average minimum watts 0.74, average maximum watts 3.5 per vCPU), https://www.cloudcarbonfootprint.org/docs/methodology",
      year: 2022,
      note: "Used when the CPU is unknown or its microarchitecture has no published per-vCPU figures: it is the mean over the microarchitectures of the largest cloud, i.e. the best prior for an unidentified cloud VM; its uncertainty is set higher (\xB150%)."
    },
    "eco-ci-github-epyc-7763-4vcpu": {
      kind: "vm-curve",
      label: "Eco-CI curve for GitHub-hosted 4-vCPU AMD EPYC 7763 runners",
      vcpus: 4,
      curvePercentWatts: [
        [
          0,
          1.7586
        ],
        [
          5,
          3.4427
        ],
        [
          10,
          3.6172
        ],
        [
          15,
          3.7917
        ],
        [
          20,
          3.9247
        ],
        [
          25,
          4.0576
        ],
        [
          30,
          4.2363
        ],
        [
          35,
          4.415
        ],
        [
          40,
          4.6585
        ],
        [
          45,
          4.902
        ],
        [
          50,
          5.1641
        ],
        [
          55,
          5.4261
        ],
        [
          60,
          5.6988
        ],
        [
          65,
          5.9715
        ],
        [
          70,
          6.2882
        ],
        [
          75,
          6.605
        ],
        [
          80,
          6.9693
        ],
        [
          85,
          7.3335
        ],
        [
          90,
          7.7566
        ],
        [
          95,
          8.1796
        ],
        [
          100,
          8.1796
        ]
      ],
      relativeUncertainty: 0.3,
      source: "Green Coding Solutions, Eco-CI energy estimation: machine-power-data/github_EPYC_7763_4_CPU_shared.sh (watts of the 4-vCPU VM share by CPU utilisation, from their SPECpower-trained cloud-energy model), https://github.com/green-coding-solutions/eco-ci-energy-estimation",
      year: 2024,
      note: "Points every 5% of utilisation; Eco-CI's own table interpolates linearly between them. Scaled by vCPUs/4 for other runner sizes on the same CPU."
    },
    "boavizta-tdp-curve": {
      kind: "tdp-curve",
      label: "CPU power as a fraction of TDP by load (Boavizta, after Teads)",
      curvePercentFraction: [
        [
          0,
          0.12
        ],
        [
          10,
          0.32
        ],
        [
          50,
          0.75
        ],
        [
          100,
          1.02
        ]
      ],
      relativeUncertainty: 0.4,
      source: "Boavizta API documentation, 'CPU: model adaptation from TDP' (0% \u2192 12%, 10% \u2192 32%, 50% \u2192 75%, 100% \u2192 102% of TDP), after Teads Engineering, 'Building an AWS EC2 carbon emissions dataset' (B. Davy, 2021); https://doc.api.boavizta.org/Explanations/components/cpu/",
      year: 2021,
      note: "Used when the budget file sets the CPU's TDP. Counts the CPU package only, not memory, disks or fans."
    }
  },
  modelNameRules: [
    {
      pattern: "AMD EPYC 7763\\b",
      microarchitecture: "Zen 3 (EPYC 3rd Gen, Milan)",
      row: "eco-ci-github-epyc-7763-4vcpu"
    },
    {
      pattern: "AMD EPYC 7[0-9A-Z]{2}1\\b",
      microarchitecture: "Zen (EPYC 1st Gen, Naples)",
      row: "ccf-epyc-1st-gen"
    },
    {
      pattern: "AMD EPYC 7[0-9A-Z]{2}2\\b",
      microarchitecture: "Zen 2 (EPYC 2nd Gen, Rome)",
      row: "ccf-epyc-2nd-gen"
    },
    {
      pattern: "AMD EPYC 7[0-9A-Z]{2}3\\b",
      microarchitecture: "Zen 3 (EPYC 3rd Gen, Milan)",
      row: "ccf-epyc-3rd-gen"
    },
    {
      pattern: "AMD EPYC 9[0-9A-Z]{2}4\\b",
      microarchitecture: "Zen 4 (EPYC 4th Gen, Genoa)",
      row: null
    },
    {
      pattern: "Xeon.*E[357]-\\d{4}[A-Z]?L? v2\\b",
      microarchitecture: "Ivy Bridge",
      row: "ccf-ivy-bridge"
    },
    {
      pattern: "Xeon.*E[357]-\\d{4}[A-Z]?L? v3\\b",
      microarchitecture: "Haswell",
      row: "ccf-haswell"
    },
    {
      pattern: "Xeon.*E[357]-\\d{4}[A-Z]?L? v4\\b",
      microarchitecture: "Broadwell",
      row: "ccf-broadwell"
    },
    {
      pattern: "Xeon.*E5-\\d{4}[A-Z]?L?( 0)?( @|$)",
      microarchitecture: "Sandy Bridge",
      row: "ccf-sandy-bridge"
    },
    {
      pattern: "Xeon.*(Platinum|Gold|Silver|Bronze) \\d1\\d\\d",
      microarchitecture: "Skylake-SP",
      row: "ccf-skylake"
    },
    {
      pattern: "Xeon.*(Platinum|Gold|Silver|Bronze) \\d2\\d\\d",
      microarchitecture: "Cascade Lake",
      row: "ccf-cascade-lake"
    },
    {
      pattern: "Xeon.*(Platinum|Gold|Silver|Bronze) \\d3\\d\\d",
      microarchitecture: "Ice Lake",
      row: null
    },
    {
      pattern: "Xeon.*(Platinum|Gold|Silver|Bronze) \\d4\\d\\d",
      microarchitecture: "Sapphire Rapids",
      row: null
    },
    {
      pattern: "Xeon.*(Platinum|Gold|Silver|Bronze) \\d5\\d\\d",
      microarchitecture: "Emerald Rapids",
      row: null
    },
    {
      pattern: "Core\\(TM\\) i[3579]-[89]\\d{3}",
      microarchitecture: "Coffee Lake",
      row: "ccf-coffee-lake"
    }
  ],
  cpuidRules: [
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        42,
        45
      ],
      microarchitecture: "Sandy Bridge",
      row: "ccf-sandy-bridge"
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        58,
        62
      ],
      microarchitecture: "Ivy Bridge",
      row: "ccf-ivy-bridge"
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        60,
        63,
        69,
        70
      ],
      microarchitecture: "Haswell",
      row: "ccf-haswell"
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        61,
        71,
        79,
        86
      ],
      microarchitecture: "Broadwell",
      row: "ccf-broadwell"
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        85
      ],
      steppings: [
        0,
        1,
        2,
        3,
        4
      ],
      microarchitecture: "Skylake-SP",
      row: "ccf-skylake"
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        85
      ],
      steppings: [
        5,
        6,
        7
      ],
      microarchitecture: "Cascade Lake",
      row: "ccf-cascade-lake"
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        85
      ],
      steppings: [
        10,
        11
      ],
      microarchitecture: "Cooper Lake",
      row: null
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        78,
        94
      ],
      microarchitecture: "Skylake",
      row: "ccf-skylake"
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        158
      ],
      steppings: [
        10,
        11,
        12,
        13
      ],
      microarchitecture: "Coffee Lake",
      row: "ccf-coffee-lake"
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        106,
        108,
        125,
        126
      ],
      microarchitecture: "Ice Lake",
      row: null
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        143
      ],
      microarchitecture: "Sapphire Rapids",
      row: null
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        207
      ],
      microarchitecture: "Emerald Rapids",
      row: null
    },
    {
      vendor: "GenuineIntel",
      family: 6,
      models: [
        173,
        174
      ],
      microarchitecture: "Granite Rapids",
      row: null
    },
    {
      vendor: "AuthenticAMD",
      family: 23,
      models: [
        1
      ],
      microarchitecture: "Zen (EPYC 1st Gen, Naples)",
      row: "ccf-epyc-1st-gen"
    },
    {
      vendor: "AuthenticAMD",
      family: 23,
      models: [
        49
      ],
      microarchitecture: "Zen 2 (EPYC 2nd Gen, Rome)",
      row: "ccf-epyc-2nd-gen"
    },
    {
      vendor: "AuthenticAMD",
      family: 25,
      models: [
        1
      ],
      microarchitecture: "Zen 3 (EPYC 3rd Gen, Milan)",
      row: "ccf-epyc-3rd-gen"
    },
    {
      vendor: "AuthenticAMD",
      family: 25,
      models: [
        17
      ],
      microarchitecture: "Zen 4 (EPYC 4th Gen, Genoa)",
      row: null
    }
  ],
  armRules: [
    {
      cpuPart: "0xd0c",
      implementer: "0x41",
      microarchitecture: "Arm Neoverse N1 (e.g. AWS Graviton2)",
      row: "ccf-graviton2"
    }
  ]
};

// src/energy/power-model.ts
var POWER_MODELS = power_models_default;
function interpolateCurve(curve, percent) {
  if (curve.length === 0) return 0;
  if (percent <= curve[0][0]) return curve[0][1];
  for (let i = 1; i < curve.length; i++) {
    const [x1, y1] = curve[i];
    if (percent <= x1) {
      const [x0, y0] = curve[i - 1];
      return y0 + (percent - x0) / (x1 - x0) * (y1 - y0);
    }
  }
  return curve[curve.length - 1][1];
}
function vmPowerW(model, u, vcpus) {
  const util = Math.min(1, Math.max(0, u));
  switch (model.kind) {
    case "per-vcpu-linear":
      return vcpus * (model.minWattsPerVcpu + util * (model.maxWattsPerVcpu - model.minWattsPerVcpu));
    case "vm-curve":
      return interpolateCurve(model.curvePercentWatts, util * 100) * vcpus / model.vcpus;
    case "tdp-curve":
      if (model.tdpW === void 0) throw new InputError("ARGUMENT_INVALID", "The TDP power model needs a TDP in watts.");
      return model.tdpW * interpolateCurve(model.curvePercentFraction, util * 100);
    case "vm-linear":
      return model.idleW + util * (model.maxW - model.idleW);
  }
}
function describeModel(model) {
  switch (model.kind) {
    case "per-vcpu-linear":
      return `${model.minWattsPerVcpu}\u2013${model.maxWattsPerVcpu} W per vCPU (idle\u2013full load)`;
    case "vm-curve": {
      const first = model.curvePercentWatts[0][1];
      const last = model.curvePercentWatts[model.curvePercentWatts.length - 1][1];
      return `${first.toFixed(2)}\u2013${last.toFixed(2)} W for ${model.vcpus} vCPUs (idle\u2013full load curve)`;
    }
    case "tdp-curve":
      return `${model.curvePercentFraction.map(([p, f]) => `${p}%\u2192${Math.round(f * 100)}%`).join(", ")} of ${model.tdpW ?? "?"} W TDP`;
    case "vm-linear":
      return `${model.idleW}\u2013${model.maxW} W for the whole machine (idle\u2013full load)`;
  }
}
function cpuSignature(cpu) {
  if (cpu.vendor && cpu.family !== void 0 && cpu.model !== void 0) {
    return `${cpu.vendor} family ${cpu.family} model ${cpu.model}${cpu.stepping !== void 0 ? ` stepping ${cpu.stepping}` : ""}`;
  }
  if (cpu.armPart) return `Arm implementer ${cpu.armImplementer ?? "?"} part ${cpu.armPart}`;
  return "no CPUID signature";
}
function identifyCpu(cpu, data = POWER_MODELS) {
  for (const rule of data.modelNameRules) {
    if (new RegExp(rule.pattern).test(cpu.modelName)) return { microarchitecture: rule.microarchitecture, row: rule.row, by: "model name" };
  }
  for (const rule of data.cpuidRules) {
    if (cpu.vendor === rule.vendor && cpu.family === rule.family && cpu.model !== void 0 && rule.models.includes(cpu.model) && (!rule.steppings || cpu.stepping !== void 0 && rule.steppings.includes(cpu.stepping))) {
      return { microarchitecture: rule.microarchitecture, row: rule.row, by: "CPUID" };
    }
  }
  for (const rule of data.armRules) {
    if (cpu.armPart?.toLowerCase() === rule.cpuPart && cpu.armImplementer?.toLowerCase() === rule.implementer) {
      return { microarchitecture: rule.microarchitecture, row: rule.row, by: "Arm CPU part" };
    }
  }
  return null;
}
function positive(value, field) {
  if (value === void 0) return void 0;
  if (!Number.isFinite(value) || value <= 0) {
    throw new InputError(
      "CONFIG_INVALID",
      `The budget file's power setting ${field} is ${value}; expected a positive number of watts, e.g. ${field === "cpuTdpW" ? "65" : "20"}.`
    );
  }
  return value;
}
function resolvePowerModel(cpu, power, data = POWER_MODELS) {
  const cpuModel = cpu?.modelName ?? "unknown";
  const idleW = positive(power.idleW, "idleW");
  const maxW = positive(power.maxW, "maxW");
  const tdpW = positive(power.cpuTdpW, "cpuTdpW");
  const notes = [];
  const ident = cpu ? identifyCpu(cpu, data) : null;
  const detected = cpu ? `Detected CPU: ${cpuModel} (${cpuSignature(cpu)}${ident ? ` \u2192 ${ident.microarchitecture}, by ${ident.by}` : ", microarchitecture not recognised"}).` : "CPU model unknown (/proc/cpuinfo unreadable).";
  notes.push(detected);
  if (idleW !== void 0 || maxW !== void 0) {
    if (idleW === void 0 || maxW === void 0) {
      throw new InputError(
        "CONFIG_INVALID",
        `The budget file sets ${idleW === void 0 ? "maxW" : "idleW"} but not ${idleW === void 0 ? "idleW" : "maxW"}; the power model needs both the idle and the full-load watts of the whole machine (e.g. idleW: 20, maxW: 90).`
      );
    }
    if (maxW < idleW) {
      throw new InputError("CONFIG_INVALID", `The budget file's maxW (${maxW} W) is below idleW (${idleW} W); full-load power must be at least idle power.`);
    }
    const model2 = { kind: "vm-linear", idleW, maxW };
    notes.push(`Power model: the budget file's watts, ${describeModel(model2)}.`);
    return { rowId: "budget-file", label: `budget file: ${describeModel(model2)}`, model: model2, relativeUncertainty: 0.2, cpuModel, microarchitecture: ident?.microarchitecture, notes };
  }
  if (tdpW !== void 0) {
    const row2 = data.rows["boavizta-tdp-curve"];
    const model2 = { ...row2, kind: "tdp-curve", tdpW };
    notes.push(`Power model: boavizta-tdp-curve with the budget file's TDP of ${tdpW} W: ${describeModel(model2)} (${row2.source}, ${row2.year}); counts the CPU package only.`);
    return {
      rowId: "boavizta-tdp-curve",
      label: `${row2.label}: ${describeModel(model2)} (${row2.year})`,
      model: model2,
      relativeUncertainty: row2.relativeUncertainty,
      cpuModel,
      microarchitecture: ident?.microarchitecture,
      notes
    };
  }
  let rowId = data.defaultRow;
  if (ident?.row) {
    rowId = ident.row;
  } else if (ident) {
    notes.push(`No published per-vCPU power figures for ${ident.microarchitecture} in the bundled data; using the default row ${data.defaultRow}.`);
  } else {
    notes.push(`CPU not recognised; using the default row ${data.defaultRow}.`);
  }
  const row = data.rows[rowId];
  if (!row) throw new InputError("ARGUMENT_INVALID", `data/power-models.json has no row "${rowId}" (internal data error).`);
  const { label: label2, relativeUncertainty, source, year } = row;
  const model = row;
  notes.push(`Power model: ${rowId} \u2014 ${label2}: ${describeModel(model)} (${source}, ${year}); assumed uncertainty \xB1${Math.round(relativeUncertainty * 100)}%.`);
  return {
    rowId,
    label: `${label2}: ${describeModel(model)} (${year})`,
    model,
    relativeUncertainty,
    cpuModel,
    microarchitecture: ident?.microarchitecture,
    notes
  };
}

// src/energy/estimate.ts
function processCpuTimeUs() {
  const u = process.cpuUsage();
  return u.user + u.system;
}
var EstimateMeter = class {
  constructor(options) {
    this.options = options;
    this.procRoot = options.procRoot ?? "/proc";
    this.fs = options.fs ?? nodeFs;
    this.clockNs = options.clockNs ?? realClockNs;
    this.cpuTimeUs = options.cpuTimeUs ?? processCpuTimeUs;
    this.modelledIdleW = vmPowerW(options.model.model, 0, options.vcpus);
    this.description = `Estimate (not measured): this process's share of a ${options.vcpus}-vCPU machine, CPU ${options.model.cpuModel}, power model ${options.model.label}`;
  }
  options;
  method = "estimate";
  description;
  modelledIdleW;
  procRoot;
  fs;
  clockNs;
  cpuTimeUs;
  open = /* @__PURE__ */ new Map();
  nextId = 1;
  /** Marks the start: clock, process CPU time, /proc/stat. */
  async begin() {
    const stat2 = await readCpuTimes(this.procRoot, this.fs);
    const id = this.nextId++;
    this.open.set(id, { id, ns: this.clockNs(), cpuUs: this.cpuTimeUs(), stat: stat2 });
    const token = { startedAt: Date.now(), id };
    return token;
  }
  /** Computes the estimate for the window (see the module comment for the formula). */
  async end(token) {
    const start = this.open.get(token.id);
    if (!start) throw new Error("Estimate window ended twice or never begun (internal error).");
    this.open.delete(start.id);
    const endNs = this.clockNs();
    const endCpuUs = this.cpuTimeUs();
    const endStat = await readCpuTimes(this.procRoot, this.fs);
    return estimateWindow({
      model: this.options.model,
      vcpus: this.options.vcpus,
      durationS: secondsBetween(start.ns, endNs),
      processCpuS: Math.max(0, endCpuUs - start.cpuUs) / 1e6,
      statStart: start.stat,
      statEnd: endStat
    });
  }
  /** Nothing to release. */
  async close() {
    this.open.clear();
  }
};
function estimateWindow(input) {
  const { model, vcpus, durationS, processCpuS } = input;
  const notes = [...model.notes];
  let utilisation;
  let busyCpuS;
  if (input.statStart && input.statEnd && input.statEnd.totalTicks > input.statStart.totalTicks) {
    const busyTicks = Math.max(0, input.statEnd.busyTicks - input.statStart.busyTicks);
    const totalTicks = input.statEnd.totalTicks - input.statStart.totalTicks;
    busyCpuS = Math.max(busyTicks / USER_HZ, processCpuS);
    utilisation = Math.min(1, Math.max(busyTicks / totalTicks, durationS > 0 ? processCpuS / (vcpus * durationS) : 0));
  } else {
    busyCpuS = processCpuS;
    utilisation = durationS > 0 ? Math.min(1, processCpuS / (vcpus * durationS)) : 0;
    notes.push("Machine utilisation unavailable (/proc/stat unreadable or window too short); assumed this process was the only load.");
  }
  const share = busyCpuS > 0 ? Math.min(1, processCpuS / busyCpuS) : 0;
  const idleW = vmPowerW(model.model, 0, vcpus);
  const powerW = vmPowerW(model.model, utilisation, vcpus);
  const dynamicJ = (powerW - idleW) * durationS * share;
  const energyJ = idleW * durationS + dynamicJ;
  notes.push(
    `Estimate: ${vcpus} vCPUs at ${(utilisation * 100).toFixed(1)}% utilisation \u2192 ${powerW.toFixed(3)} W modelled for the machine (idle ${idleW.toFixed(3)} W); this process used ${processCpuS.toFixed(3)} CPU-s of ${busyCpuS.toFixed(3)} busy CPU-s (share ${(share * 100).toFixed(1)}%); counted: idle power for the window plus the process's share of the dynamic power.`
  );
  return {
    energyJ,
    domainsJ: { "cpu-vm-share": energyJ },
    durationS,
    method: "estimate",
    estimated: true,
    idleW,
    idleMeasured: false,
    attributableJ: Math.max(0, dynamicJ),
    uncertaintyJ: energyJ * model.relativeUncertainty,
    notes,
    estimate: {
      cpuModel: model.cpuModel,
      microarchitecture: model.microarchitecture,
      powerModelRow: model.rowId,
      powerModelLabel: model.label,
      vcpus,
      utilisation,
      processCpuS,
      busyCpuS,
      vmPowerW: powerW,
      vmIdleW: idleW,
      vmEnergyJ: powerW * durationS,
      relativeUncertainty: model.relativeUncertainty
    }
  };
}

// src/energy/nvidia-smi.ts
import { spawn as nodeSpawn } from "node:child_process";

// src/energy/integrate.ts
var PowerTrace = class {
  tNs = [];
  w = [];
  /** Number of samples held. */
  get length() {
    return this.tNs.length;
  }
  /** Time of the newest sample, or null. */
  get lastNs() {
    return this.tNs.length ? this.tNs[this.tNs.length - 1] : null;
  }
  /** Adds a sample; one older than the newest is ignored (clocks are monotonic). */
  add(tNs, watts) {
    const last = this.lastNs;
    if (last !== null && tNs < last) return;
    this.tNs.push(tNs);
    this.w.push(watts);
  }
  /** Power at time t, watts: linear between samples, constant outside them. */
  powerAt(tNs) {
    const n = this.tNs.length;
    if (n === 0) return 0;
    if (tNs <= this.tNs[0]) return this.w[0];
    if (tNs >= this.tNs[n - 1]) return this.w[n - 1];
    let i = 1;
    while (this.tNs[i] < tNs) i++;
    const t0 = this.tNs[i - 1];
    const t1 = this.tNs[i];
    const f = Number(tNs - t0) / Number(t1 - t0);
    return this.w[i - 1] + f * (this.w[i] - this.w[i - 1]);
  }
  /** Energy between two times, joules (trapezoid rule over the samples inside). */
  integrate(fromNs, toNs) {
    if (toNs <= fromNs || this.tNs.length === 0) return 0;
    const points = [[fromNs, this.powerAt(fromNs)]];
    for (let i = 0; i < this.tNs.length; i++) {
      if (this.tNs[i] > fromNs && this.tNs[i] < toNs) points.push([this.tNs[i], this.w[i]]);
    }
    points.push([toNs, this.powerAt(toNs)]);
    let joules = 0;
    for (let i = 1; i < points.length; i++) {
      const dt = Number(points[i][0] - points[i - 1][0]) / 1e9;
      joules += (points[i][1] + points[i - 1][1]) / 2 * dt;
    }
    return joules;
  }
  /** Drops samples older than `beforeNs`, keeping one so `powerAt` stays defined there. */
  prune(beforeNs) {
    let k = 0;
    while (k + 1 < this.tNs.length && this.tNs[k + 1] <= beforeNs) k++;
    if (k > 0) {
      this.tNs.splice(0, k);
      this.w.splice(0, k);
    }
  }
};

// src/energy/nvml.ts
var NvmlError = class extends Error {
  constructor(status, call, message) {
    super(`${call} failed: ${message} (NVML status ${status})`);
    this.status = status;
    this.call = call;
    this.name = "NvmlError";
  }
  status;
  call;
};
async function loadNvml(libPath = "libnvidia-ml.so.1") {
  let koffi;
  try {
    koffi = (await import("koffi")).default;
  } catch (error) {
    return { error: `the koffi FFI module could not be loaded (${error.message})` };
  }
  let lib;
  try {
    lib = koffi.load(libPath);
  } catch {
    return { error: `${libPath} not found (no NVIDIA driver on this machine)` };
  }
  try {
    try {
      koffi.pointer("nvmlDevice_t", koffi.opaque());
    } catch {
    }
    const fns = {
      init: lib.func("int nvmlInit_v2()"),
      shutdown: lib.func("int nvmlShutdown()"),
      errorString: lib.func("const char *nvmlErrorString(int result)"),
      count: lib.func("int nvmlDeviceGetCount_v2(_Out_ unsigned int *count)"),
      byIndex: lib.func("int nvmlDeviceGetHandleByIndex_v2(unsigned int index, _Out_ nvmlDevice_t *device)"),
      byUuid: lib.func("int nvmlDeviceGetHandleByUUID(const char *uuid, _Out_ nvmlDevice_t *device)"),
      name: lib.func("int nvmlDeviceGetName(nvmlDevice_t device, _Out_ uint8_t *name, unsigned int length)"),
      energy: lib.func("int nvmlDeviceGetTotalEnergyConsumption(nvmlDevice_t device, _Out_ unsigned long long *energy)"),
      power: lib.func("int nvmlDeviceGetPowerUsage(nvmlDevice_t device, _Out_ unsigned int *power)")
    };
    const check = (status, call) => {
      if (status !== 0) throw new NvmlError(status, call, String(fns.errorString(status)));
    };
    const nvml = {
      init: () => check(fns.init(), "nvmlInit_v2"),
      shutdown: () => check(fns.shutdown(), "nvmlShutdown"),
      deviceCount: () => {
        const out2 = [0];
        check(fns.count(out2), "nvmlDeviceGetCount_v2");
        return Number(out2[0]);
      },
      handleByIndex: (index) => {
        const out2 = [null];
        check(fns.byIndex(index, out2), "nvmlDeviceGetHandleByIndex_v2");
        return out2[0];
      },
      handleByUuid: (uuid) => {
        const out2 = [null];
        check(fns.byUuid(uuid, out2), "nvmlDeviceGetHandleByUUID");
        return out2[0];
      },
      deviceName: (handle) => {
        const buf = Buffer.alloc(96);
        check(fns.name(handle, buf, buf.length), "nvmlDeviceGetName");
        const end = buf.indexOf(0);
        return buf.subarray(0, end < 0 ? buf.length : end).toString("utf8");
      },
      totalEnergyMj: (handle) => {
        const out2 = [0];
        check(fns.energy(handle, out2), "nvmlDeviceGetTotalEnergyConsumption");
        return Number(out2[0]);
      },
      powerUsageMw: (handle) => {
        const out2 = [0];
        check(fns.power(handle, out2), "nvmlDeviceGetPowerUsage");
        return Number(out2[0]);
      }
    };
    return { nvml };
  } catch (error) {
    return { error: `${libPath} lacks an expected NVML function (${error.message}); the driver may be too old` };
  }
}
function parseCudaVisibleDevices(value) {
  if (value === void 0) return { devices: null, notes: [] };
  const notes = [];
  const devices = [];
  const tokens = value.split(",").map((t) => t.trim()).filter((t) => t !== "");
  for (const token of tokens) {
    if (/^\d+$/.test(token)) devices.push({ index: Number(token) });
    else if (/^(GPU|MIG)-[0-9A-Za-z/-]+$/.test(token)) devices.push({ uuid: token });
    else {
      notes.push(`CUDA_VISIBLE_DEVICES entry "${token}" is not an index or UUID; CUDA ignores it and the entries after it.`);
      break;
    }
  }
  return { devices, notes };
}
var NVML_RELATIVE_UNCERTAINTY = 0.05;
function openNvmlMeter(options) {
  const { nvml } = options;
  const notes = [];
  try {
    nvml.init();
  } catch (error) {
    return { ok: false, message: `NVML could not start: ${error.message}.`, notes };
  }
  const fail2 = (message) => {
    try {
      nvml.shutdown();
    } catch {
    }
    return { ok: false, message, notes };
  };
  const visible = parseCudaVisibleDevices(options.env.CUDA_VISIBLE_DEVICES);
  notes.push(...visible.notes);
  const gpus = [];
  try {
    const count2 = nvml.deviceCount();
    const wanted = visible.devices ?? Array.from({ length: count2 }, (_, index) => ({ index }));
    if (visible.devices && options.env.CUDA_DEVICE_ORDER !== "PCI_BUS_ID" && visible.devices.some((d) => "index" in d)) {
      notes.push("CUDA_VISIBLE_DEVICES indices are read as NVML (PCI bus) indices; set CUDA_DEVICE_ORDER=PCI_BUS_ID so CUDA numbers devices the same way.");
    }
    wanted.forEach((d, ordinal) => {
      if ("index" in d && d.index >= count2) {
        notes.push(`CUDA_VISIBLE_DEVICES names GPU ${d.index} but NVML sees ${count2}; skipped.`);
        return;
      }
      const handle = "index" in d ? nvml.handleByIndex(d.index) : nvml.handleByUuid(d.uuid);
      let name = "NVIDIA GPU";
      try {
        name = nvml.deviceName(handle);
      } catch {
      }
      gpus.push({ key: `gpu-${ordinal}`, label: `${name} (${"index" in d ? `NVML index ${d.index}` : d.uuid})`, handle });
    });
  } catch (error) {
    return fail2(`NVML could not list the GPUs: ${error.message}.`);
  }
  if (gpus.length === 0) {
    return fail2(
      options.env.CUDA_VISIBLE_DEVICES !== void 0 ? `No NVIDIA GPU is visible (CUDA_VISIBLE_DEVICES="${options.env.CUDA_VISIBLE_DEVICES}").` : "NVML reports no NVIDIA GPU on this machine."
    );
  }
  let counter = true;
  for (const g of gpus) {
    try {
      nvml.totalEnergyMj(g.handle);
    } catch (error) {
      counter = false;
      notes.push(`${g.label}: no energy counter (${error.message}; it needs a Volta or newer GPU); power is sampled instead.`);
      break;
    }
  }
  if (!counter) {
    for (const g of gpus) {
      try {
        nvml.powerUsageMw(g.handle);
      } catch (error) {
        return fail2(`${g.label}: NVML reports neither energy nor power (${error.message}).`);
      }
    }
  }
  return { ok: true, meter: new NvmlMeter(options, gpus, counter ? "counter" : "power"), notes };
}
var NvmlMeter = class {
  constructor(options, gpus, mode) {
    this.gpus = gpus;
    this.mode = mode;
    this.nvml = options.nvml;
    this.ticker = options.ticker ?? realTicker;
    this.clockNs = options.clockNs ?? realClockNs;
    this.intervalMs = options.sampleIntervalMs ?? 100;
    this.traces = gpus.map(() => new PowerTrace());
    this.description = `NVML ${mode === "counter" ? "energy counter" : `power sampled every ${this.intervalMs} ms`}: ` + gpus.map((g) => `${g.key} ${g.label}`).join(", ");
  }
  gpus;
  mode;
  method = "nvml";
  description;
  nvml;
  ticker;
  clockNs;
  traces;
  open = /* @__PURE__ */ new Map();
  nextId = 1;
  timer = null;
  sampleError = null;
  intervalMs;
  /** Takes one power sample of every GPU (power mode); tests call it to drive samples. */
  sample() {
    const t = this.clockNs();
    this.gpus.forEach((g, i) => {
      try {
        this.traces[i].add(t, this.nvml.powerUsageMw(g.handle) / 1e3);
      } catch (error) {
        this.sampleError ??= error;
      }
    });
  }
  readCounters() {
    return this.gpus.map((g) => this.nvml.totalEnergyMj(g.handle));
  }
  wrap(error) {
    return new EnvironmentError(`Reading NVIDIA GPU energy failed during the measurement: ${error.message ?? String(error)}.`, {
      cause: error,
      code: "METER_UNAVAILABLE"
    });
  }
  /** Starts a window. @throws EnvironmentError when NVML fails. */
  async begin() {
    const id = this.nextId++;
    try {
      if (this.mode === "counter") {
        const startMj = this.readCounters();
        this.open.set(id, { startNs: this.clockNs(), startMj });
      } else {
        this.sample();
        const startNs = this.clockNs();
        this.open.set(id, { startNs, startMj: [] });
        this.timer ??= this.ticker.every(this.intervalMs, () => this.sample());
      }
    } catch (error) {
      throw this.wrap(error);
    }
    const token = { startedAt: Date.now(), id };
    return token;
  }
  /** Ends a window: joules per GPU. @throws EnvironmentError when NVML failed. */
  async end(token) {
    const w = this.open.get(token.id);
    if (!w) throw new EnvironmentError("NVML window ended twice or never begun (internal error).");
    this.open.delete(token.id);
    const domainsJ = {};
    const notes = [];
    let endNs;
    try {
      if (this.mode === "counter") {
        const endMj = this.readCounters();
        endNs = this.clockNs();
        this.gpus.forEach((g, i) => {
          domainsJ[g.key] = Math.max(0, endMj[i] - w.startMj[i]) / 1e3;
        });
      } else {
        this.sample();
        endNs = this.clockNs();
        if (this.open.size === 0) {
          this.timer?.stop();
          this.timer = null;
        }
        if (this.sampleError !== null) {
          const error = this.sampleError;
          this.sampleError = null;
          throw error;
        }
        this.gpus.forEach((g, i) => {
          domainsJ[g.key] = this.traces[i].integrate(w.startNs, endNs);
          if (this.open.size === 0) this.traces[i].prune(endNs);
        });
        notes.push(`GPU power sampled every ${this.intervalMs} ms and integrated (trapezoid rule); NVML power readings are averaged by the driver, so short windows are smoothed.`);
      }
    } catch (error) {
      throw this.wrap(error);
    }
    const energyJ = Object.values(domainsJ).reduce((a, b) => a + b, 0);
    return {
      energyJ,
      domainsJ,
      durationS: secondsBetween(w.startNs, endNs),
      method: "nvml",
      estimated: false,
      uncertaintyJ: energyJ * NVML_RELATIVE_UNCERTAINTY,
      notes
    };
  }
  /** Stops sampling and shuts NVML down. */
  async close() {
    this.timer?.stop();
    this.timer = null;
    this.open.clear();
    try {
      this.nvml.shutdown();
    } catch {
    }
  }
};

// src/energy/nvidia-smi.ts
function parseSmiLine(line) {
  const text = line.trim();
  if (text === "") return null;
  const m = /^(\d+)\s*,\s*(.+)$/.exec(text);
  if (!m) return { kind: "garbage", text };
  const value = m[2].trim();
  if (/^\d+(\.\d+)?$/.test(value)) return { kind: "sample", index: Number(m[1]), watts: Number(value) };
  if (/^\[.*\]$/.test(value) || /^N\/A$/i.test(value)) return { kind: "unsupported", index: Number(m[1]), value };
  return { kind: "garbage", text };
}
var NvidiaSmiMeter = class {
  constructor(child, clockNs, loopMs, staleAfterMs) {
    this.child = child;
    this.clockNs = clockNs;
    this.loopMs = loopMs;
    this.staleAfterMs = staleAfterMs;
    this.description = `nvidia-smi power.draw sampled every ${loopMs} ms and integrated`;
  }
  child;
  clockNs;
  loopMs;
  staleAfterMs;
  method = "nvidia-smi";
  description;
  traces = /* @__PURE__ */ new Map();
  open = /* @__PURE__ */ new Map();
  nextId = 1;
  broken = null;
  exited = false;
  samples = 0;
  waiters = [];
  /** Records a sample (called by the line reader). */
  addSample(index, watts, tNs) {
    let trace = this.traces.get(index);
    if (!trace) {
      trace = new PowerTrace();
      this.traces.set(index, trace);
    }
    trace.add(tNs, watts);
    this.samples++;
    this.waiters = this.waiters.filter((w) => {
      if (this.samples >= w.n) w.resolve();
      return this.samples < w.n;
    });
  }
  /** Marks the stream unusable: later windows fail with this reason. */
  markBroken(reason) {
    this.broken ??= reason;
  }
  /** Marks the child as gone. */
  markExited() {
    this.exited = true;
  }
  /** Resolves once `n` samples have arrived in total (for tests and warm-up). */
  waitForSamples(n) {
    if (this.samples >= n) return Promise.resolve();
    return new Promise((resolve6) => this.waiters.push({ n, resolve: resolve6 }));
  }
  checkAlive(nowNs) {
    if (this.broken) throw new EnvironmentError(`nvidia-smi stopped giving usable readings: ${this.broken}`, { code: "METER_UNAVAILABLE" });
    let newest = null;
    for (const t of this.traces.values()) if (t.lastNs !== null && (newest === null || t.lastNs > newest)) newest = t.lastNs;
    if (this.exited || newest === null || secondsBetween(newest, nowNs) * 1e3 > this.staleAfterMs) {
      throw new EnvironmentError(
        `nvidia-smi ${this.exited ? "exited" : "stopped reporting"} during the measurement (last reading ${newest === null ? "never" : `${secondsBetween(newest, nowNs).toFixed(1)} s ago`}); the GPU energy of this window is unknown.`,
        { code: "METER_UNAVAILABLE" }
      );
    }
  }
  /** Starts a window. @throws EnvironmentError when nvidia-smi is gone. */
  async begin() {
    const now = this.clockNs();
    this.checkAlive(now);
    const id = this.nextId++;
    this.open.set(id, now);
    const token = { startedAt: Date.now(), id };
    return token;
  }
  /** Ends a window: joules per GPU. @throws EnvironmentError when readings stopped. */
  async end(token) {
    const startNs = this.open.get(token.id);
    if (startNs === void 0) throw new EnvironmentError("nvidia-smi window ended twice or never begun (internal error).");
    this.open.delete(token.id);
    const endNs = this.clockNs();
    this.checkAlive(endNs);
    const domainsJ = {};
    let energyJ = 0;
    for (const [index, trace] of [...this.traces.entries()].sort((a, b) => a[0] - b[0])) {
      const j = trace.integrate(startNs, endNs);
      domainsJ[`gpu-${index}`] = j;
      energyJ += j;
      if (this.open.size === 0) trace.prune(endNs);
    }
    return {
      energyJ,
      domainsJ,
      durationS: secondsBetween(startNs, endNs),
      method: "nvidia-smi",
      estimated: false,
      // nvidia-smi reads the same NVML power sensor (±5% documented accuracy).
      uncertaintyJ: energyJ * 0.05,
      notes: [`GPU power sampled by nvidia-smi every ${this.loopMs} ms, timestamped on arrival and integrated (trapezoid rule).`]
    };
  }
  /** Stops nvidia-smi: SIGTERM, then SIGKILL after 500 ms; never waits more than 1 s. */
  async close() {
    this.open.clear();
    await stopChild(this.child);
  }
};
function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve6) => {
    const done = () => {
      clearTimeout(hard);
      clearTimeout(giveUp);
      resolve6();
    };
    child.once("exit", done);
    child.kill("SIGTERM");
    const hard = setTimeout(() => child.kill("SIGKILL"), 500);
    const giveUp = setTimeout(done, 1e3);
    hard.unref?.();
    giveUp.unref?.();
  });
}
function openNvidiaSmiMeter(options) {
  const spawn = options.spawn ?? nodeSpawn;
  const clockNs = options.clockNs ?? realClockNs;
  const loopMs = options.loopMs ?? 100;
  const startTimeoutMs = options.startTimeoutMs ?? 5e3;
  const notes = [];
  const visible = parseCudaVisibleDevices(options.env.CUDA_VISIBLE_DEVICES);
  notes.push(...visible.notes);
  if (visible.devices && visible.devices.length === 0) {
    return Promise.resolve({ ok: false, message: `No NVIDIA GPU is visible (CUDA_VISIBLE_DEVICES="${options.env.CUDA_VISIBLE_DEVICES}").`, notes });
  }
  const args = ["--query-gpu=index,power.draw", "--format=csv,noheader,nounits", `--loop-ms=${loopMs}`];
  if (visible.devices) args.push(`--id=${visible.devices.map((d) => "index" in d ? String(d.index) : d.uuid).join(",")}`);
  return new Promise((resolve6) => {
    let settled = false;
    let child;
    try {
      child = spawn("nvidia-smi", args, { env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      resolve6({ ok: false, message: `nvidia-smi could not be started: ${error.message}.`, notes });
      return;
    }
    const meter = new NvidiaSmiMeter(child, clockNs, loopMs, options.staleAfterMs ?? 3e3);
    let stderr = "";
    const settle = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!result.ok) void stopChild(child);
      resolve6(result);
    };
    const timer = setTimeout(() => {
      settle({ ok: false, message: `nvidia-smi gave no power reading within ${(startTimeoutMs / 1e3).toFixed(1)} s; stopped it.`, notes });
    }, startTimeoutMs);
    timer.unref?.();
    child.on("error", (error) => {
      meter.markExited();
      settle({
        ok: false,
        message: error.code === "ENOENT" ? "nvidia-smi not found on PATH (no NVIDIA driver tools on this machine)." : `nvidia-smi could not be started: ${error.message}.`,
        notes
      });
    });
    child.on("exit", () => meter.markExited());
    child.on("close", (code, signal) => {
      meter.markExited();
      const tail = stderr.trim().split("\n").slice(-2).join(" ").slice(0, 300);
      settle({ ok: false, message: `nvidia-smi exited (${signal ?? `code ${code}`}) before giving a power reading${tail ? `: ${tail}` : ""}.`, notes });
    });
    child.stderr?.on("data", (chunk) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-4e3);
    });
    let pending = "";
    child.stdout?.on("data", (chunk) => {
      pending += chunk.toString("utf8");
      let nl;
      while ((nl = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        const parsed = parseSmiLine(line);
        if (!parsed) continue;
        if (parsed.kind === "sample") {
          meter.addSample(parsed.index, parsed.watts, clockNs());
          options.onSample?.(parsed.index, parsed.watts);
          settle({ ok: true, meter, notes });
        } else {
          const reason = parsed.kind === "unsupported" ? `GPU ${parsed.index} reports power.draw as "${parsed.value}" (not supported on this GPU or driver)` : `unexpected output "${parsed.text.slice(0, 80)}"`;
          meter.markBroken(reason);
          settle({ ok: false, message: `nvidia-smi is unusable: ${reason}.`, notes });
        }
      }
      if (pending.length > 1e4) {
        meter.markBroken("an overlong line without a newline");
        settle({ ok: false, message: "nvidia-smi is unusable: it printed an overlong line without a newline.", notes });
        pending = "";
      }
    });
  });
}

// src/energy/rapl.ts
import { join as join2 } from "node:path";
var RAPL_MAX_POWER_W = { package: 500, dram: 200, psys: 1e3 };
var RAPL_QUANTUM_J = 2 ** -14;
var ZONE_RE = /^([a-z][a-z-]*rapl[a-z-]*):(\d+)(?::(\d+))?$/;
async function readTrim(fs, path2) {
  return (await fs.readFile(path2)).trim();
}
async function readUj(fs, path2) {
  const text = await readTrim(fs, path2);
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new EnvironmentError(`${path2} does not hold a counter in \xB5J (read "${text.slice(0, 40)}").`, {
      code: "METER_UNAVAILABLE"
    });
  }
  return value;
}
function raplPermissionHelp(files) {
  const shown = files.slice(0, 4).join(" ") + (files.length > 4 ? " \u2026" : "");
  return `RAPL energy counters exist but are readable only by root (${shown}); Linux restricted energy_uj to root after CVE-2020-8694. To measure on a self-hosted runner, grant read access once per boot with \`sudo chmod o+r /sys/class/powercap/intel-rapl:*/energy_uj /sys/class/powercap/intel-rapl:*/intel-rapl:*/energy_uj\`, or for one user with \`sudo setfacl -m u:RUNNER_USER:r <file>\`, or persistently with a udev rule in /etc/udev/rules.d/99-powercap.rules: \`SUBSYSTEM=="powercap", ACTION=="add", RUN+="/bin/chmod o+r /sys%p/energy_uj"\`. Only do this on machines you trust: fine-grained energy readings can leak secrets through a power side channel.`;
}
async function probeRapl(sysfsRoot, fs = nodeFs) {
  const base = join2(sysfsRoot, "class", "powercap");
  const notes = [];
  let names;
  try {
    names = await fs.readdir(base);
  } catch (error) {
    if (errorCode(error) === "EACCES") {
      return { ok: false, reason: "permission", message: raplPermissionHelp([base]), notes };
    }
    return {
      ok: false,
      reason: "absent",
      message: `No RAPL counters: ${base} does not exist (virtual machines such as GitHub-hosted runners do not expose them).`,
      notes
    };
  }
  const zones = [];
  for (const zone of names.sort()) {
    const m = ZONE_RE.exec(zone);
    if (!m) continue;
    const dir = join2(base, zone);
    let name;
    try {
      name = await readTrim(fs, join2(dir, "name"));
    } catch {
      continue;
    }
    zones.push({ zone, type: m[1], index: Number(m[2]), sub: m[3] === void 0 ? null : Number(m[3]), name, dir });
  }
  const picked = [];
  const psys = [];
  for (const entry of zones) {
    const pkgMatch = /^package-(\d+)$/.exec(entry.name);
    if (entry.sub === null) {
      if (pkgMatch) picked.push({ entry, key: entry.name, kind: "package" });
      else if (entry.name === "psys") psys.push(entry);
      else if (entry.name === "dram") picked.push({ entry, key: `dram-${entry.index}`, kind: "dram" });
      else notes.push(`RAPL zone ${entry.zone} (${entry.name}) is not counted.`);
    } else if (entry.name === "dram") {
      const parent = zones.find((z) => z.type === entry.type && z.index === entry.index && z.sub === null);
      const parentPkg = parent ? /^package-(\d+)$/.exec(parent.name) : null;
      picked.push({ entry, key: `dram-${parentPkg ? parentPkg[1] : entry.index}`, kind: "dram" });
    } else {
      notes.push(`RAPL subzone ${entry.zone} (${entry.name}) is inside its package and not counted again.`);
    }
  }
  const deduped = [];
  for (const p of picked) {
    const isMmio = p.entry.type.endsWith("-mmio");
    const twin = picked.find((q) => q !== p && q.key === p.key && !q.entry.type.endsWith("-mmio"));
    if (isMmio && twin) {
      notes.push(`RAPL zone ${p.entry.zone} duplicates ${twin.entry.zone} (${p.key}); counted once.`);
      continue;
    }
    if (deduped.some((q) => q.key === p.key)) continue;
    deduped.push(p);
  }
  if (deduped.length === 0 && psys.length > 0) {
    const z = psys[0];
    deduped.push({ entry: z, key: "psys", kind: "psys" });
    notes.push(`RAPL reports only the platform domain psys (${z.zone}); it covers the whole SoC, not just the CPU.`);
  } else if (psys.length > 0) {
    notes.push("RAPL psys (whole platform) is not counted: it includes the packages already counted.");
  }
  if (deduped.length === 0) {
    return { ok: false, reason: "absent", message: `No RAPL package or DRAM domains under ${base}.`, notes };
  }
  const domains = [];
  const denied = [];
  for (const { entry, key, kind } of deduped) {
    const energyFile = join2(entry.dir, "energy_uj");
    try {
      await readUj(fs, energyFile);
    } catch (error) {
      if (errorCode(error) === "EACCES" || errorCode(error) === "EPERM") {
        denied.push(energyFile);
        continue;
      }
      notes.push(`RAPL ${key}: ${energyFile} is unreadable (${errorCode(error) ?? String(error)}); not counted.`);
      continue;
    }
    let maxRangeUj;
    try {
      maxRangeUj = await readUj(fs, join2(entry.dir, "max_energy_range_uj"));
    } catch {
      maxRangeUj = 2 ** 32;
      notes.push(`RAPL ${key}: max_energy_range_uj is unreadable; assuming 2^32 \xB5J for wrap-around.`);
    }
    domains.push({ key, kind, zone: entry.zone, dir: entry.dir, maxRangeUj });
  }
  if (denied.length > 0) {
    return { ok: false, reason: "permission", message: raplPermissionHelp(denied), notes };
  }
  if (domains.length === 0) {
    return { ok: false, reason: "absent", message: `No readable RAPL counters under ${base}.`, notes };
  }
  return { ok: true, domains, notes };
}
function raplSampleIntervalMs(domains, maxPowerW = RAPL_MAX_POWER_W) {
  let minWrapS = Infinity;
  for (const d of domains) minWrapS = Math.min(minWrapS, d.maxRangeUj / 1e6 / maxPowerW[d.kind]);
  if (!Number.isFinite(minWrapS)) return 6e4;
  return Math.max(10, Math.min(6e4, Math.floor(minWrapS * 1e3 / 4)));
}
var RaplMeter = class {
  constructor(domains, options = {}) {
    this.domains = domains;
    this.fs = options.fs ?? nodeFs;
    this.ticker = options.ticker ?? realTicker;
    this.clockNs = options.clockNs ?? realClockNs;
    this.sampleIntervalMs = options.sampleIntervalMs ?? raplSampleIntervalMs(domains);
    this.lastUj = domains.map(() => null);
    this.accumUj = domains.map(() => 0);
    this.wraps = domains.map(() => 0);
    this.description = `RAPL ${domains.map((d) => d.key).join(" + ")} (powercap)`;
  }
  domains;
  method = "rapl";
  description;
  /** How often counters are read while a window is open, ms. */
  sampleIntervalMs;
  fs;
  ticker;
  clockNs;
  lastUj;
  accumUj;
  wraps;
  open = /* @__PURE__ */ new Map();
  nextId = 1;
  timer = null;
  queue = Promise.resolve();
  sampleError = null;
  /**
   * Reads every counter once and adds the increase since the last reading, correcting a wrap.
   * Readings are serialised so that an overlapping timer tick cannot apply an older value after
   * a newer one (which would look like a wrap). Tests call this to drive samples.
   */
  sample() {
    this.queue = this.queue.catch(() => void 0).then(() => this.readAll());
    return this.queue;
  }
  async readAll() {
    for (let i = 0; i < this.domains.length; i++) {
      const d = this.domains[i];
      let value;
      try {
        value = await readUj(this.fs, join2(d.dir, "energy_uj"));
      } catch (error) {
        this.sampleError ??= error;
        continue;
      }
      const prev = this.lastUj[i];
      if (prev !== null) {
        if (value >= prev) {
          this.accumUj[i] += value - prev;
        } else {
          this.accumUj[i] += d.maxRangeUj - prev + value;
          this.wraps[i] += 1;
        }
      }
      this.lastUj[i] = value;
    }
  }
  failIfSampleError() {
    if (this.sampleError === null) return;
    const error = this.sampleError;
    this.sampleError = null;
    throw new EnvironmentError(
      `Reading a RAPL counter failed during the measurement (${errorCode(error) ?? String(error)}); the energy of this window is unknown.`,
      { cause: error, code: "METER_UNAVAILABLE" }
    );
  }
  /** Starts a window and, if it is the first open one, the wrap-guard timer. */
  async begin() {
    await this.sample();
    this.failIfSampleError();
    const id = this.nextId++;
    this.open.set(id, { startNs: this.clockNs(), accumAtStartUj: [...this.accumUj], wrapsAtStart: [...this.wraps] });
    if (this.timer === null) {
      this.timer = this.ticker.every(this.sampleIntervalMs, () => {
        void this.sample();
      });
    }
    const token = { startedAt: Date.now(), id };
    return token;
  }
  /** Ends a window: joules per domain since `begin`. @throws EnvironmentError on a failed read. */
  async end(token) {
    const w = this.open.get(token.id);
    if (!w) throw new EnvironmentError("RAPL window ended twice or never begun (internal error).");
    await this.sample();
    const endNs = this.clockNs();
    this.open.delete(token.id);
    if (this.open.size === 0 && this.timer) {
      this.timer.stop();
      this.timer = null;
    }
    this.failIfSampleError();
    const domainsJ = {};
    const notes = [];
    let energyJ = 0;
    this.domains.forEach((d, i) => {
      const j = (this.accumUj[i] - w.accumAtStartUj[i]) / 1e6;
      domainsJ[d.key] = j;
      energyJ += j;
      const wraps = this.wraps[i] - w.wrapsAtStart[i];
      if (wraps > 0) notes.push(`RAPL ${d.key} counter wrapped ${wraps}\xD7 in this window; corrected with max_energy_range_uj.`);
    });
    return {
      energyJ,
      domainsJ,
      durationS: secondsBetween(w.startNs, endNs),
      method: "rapl",
      estimated: false,
      uncertaintyJ: 2 * RAPL_QUANTUM_J * this.domains.length,
      notes
    };
  }
  /** Stops the timer. */
  async close() {
    this.timer?.stop();
    this.timer = null;
    this.open.clear();
    await this.queue;
  }
};

// src/energy/open.ts
var CHOICES = ["auto", "rapl", "nvml", "estimate"];
function sysfsRootFrom(env2) {
  const v = env2.ENERGY_BUDGET_SYSFS;
  return v !== void 0 && v.trim() !== "" ? v : "/sys";
}
async function openEstimate(options, notices) {
  const procRoot = options.procRoot ?? "/proc";
  const fs = options.fs ?? nodeFs;
  const cpu = await readCpuInfo(procRoot, fs);
  const stat2 = await readCpuTimes(procRoot, fs);
  const vcpus = options.vcpus ?? (stat2?.cpus || cpu?.logicalCpus || availableParallelism());
  const model = resolvePowerModel(cpu, options.power);
  notices.push(...model.notes);
  return new EstimateMeter({
    model,
    vcpus,
    procRoot,
    fs,
    clockNs: options.clockNs,
    cpuTimeUs: options.cpuTimeUs
  });
}
async function openGpu(options) {
  const notes = [];
  let nvmlReason;
  let nvml = options.nvml;
  if (nvml === void 0) {
    const loaded = await loadNvml();
    if ("nvml" in loaded) nvml = loaded.nvml;
    else nvmlReason = `NVML unavailable: ${loaded.error}`;
  }
  if (nvml) {
    const r = openNvmlMeter({ nvml, env: options.env, ticker: options.ticker, clockNs: options.clockNs });
    if (r.ok) return r;
    notes.push(...r.notes);
    nvmlReason = r.message;
  } else {
    nvmlReason ??= "NVML unavailable: libnvidia-ml.so.1 not found";
  }
  const smi = await openNvidiaSmiMeter({
    env: options.env,
    spawn: options.spawn,
    clockNs: options.clockNs,
    startTimeoutMs: options.smiStartTimeoutMs
  });
  if (smi.ok) return { ok: true, meter: smi.meter, notes: [...notes, nvmlReason + "; using nvidia-smi instead.", ...smi.notes] };
  return { ok: false, message: `${nvmlReason}; ${smi.message}`, notes: [...notes, ...smi.notes] };
}
async function openMeter(choice, options) {
  if (!CHOICES.includes(choice)) {
    throw new InputError("CONFIG_INVALID", `Unknown energy meter "${String(choice)}"; expected one of ${CHOICES.join(", ")} (e.g. energy: auto).`);
  }
  const notices = [];
  const sysfsRoot = options.sysfsRoot ?? sysfsRootFrom(options.env);
  const fs = options.fs ?? nodeFs;
  const device = options.device ?? "cpu";
  if (choice === "estimate") {
    const meter = await openEstimate(options, notices);
    return { meter, meters: [meter], notices };
  }
  if (choice === "nvml") {
    const gpu2 = await openGpu(options);
    if (!gpu2.ok) {
      throw new EnvironmentError(
        `The budget file asks for energy: nvml, but no NVIDIA GPU energy reading is available here: ${gpu2.message} Run on a machine with an NVIDIA driver (libnvidia-ml.so.1 or nvidia-smi), or set energy: auto (CPU counters or a labelled estimate) for this model.`,
        { code: "METER_UNAVAILABLE" }
      );
    }
    notices.push(...gpu2.notes);
    return { meter: gpu2.meter, meters: [gpu2.meter], notices };
  }
  const probe = await probeRapl(sysfsRoot, fs);
  let cpuMeter;
  if (probe.ok) {
    cpuMeter = new RaplMeter(probe.domains, { fs, ticker: options.ticker, clockNs: options.clockNs });
    notices.push(...probe.notes);
  } else if (choice === "rapl") {
    throw new EnvironmentError(
      `The budget file asks for energy: rapl, but ${probe.message} ` + (probe.reason === "permission" ? "" : "RAPL needs bare-metal Linux on an Intel or AMD CPU (or ENERGY_BUDGET_SYSFS pointing at the host sysfs). ") + "Alternatively set energy: auto, which uses a labelled estimate where no counter is readable.",
      { code: "METER_UNAVAILABLE" }
    );
  } else {
    notices.push(...probe.notes);
    notices.push(
      probe.reason === "permission" ? `${probe.message} Using a power-model estimate meanwhile.` : `${probe.message} Using a power-model estimate (labelled "estimate").`
    );
    cpuMeter = await openEstimate({ ...options, fs }, notices);
  }
  if (choice === "rapl" || device === "cpu") {
    return { meter: cpuMeter, meters: [cpuMeter], notices };
  }
  const gpu = await openGpu(options);
  if (!gpu.ok) {
    notices.push(...gpu.notes);
    notices.push(`GPU energy is not measured (${device}): ${gpu.message}`);
    return { meter: cpuMeter, meters: [cpuMeter], notices };
  }
  notices.push(...gpu.notes);
  const meters = [cpuMeter, gpu.meter];
  return { meter: new CombinedMeter(meters), meters, notices };
}

// src/energy/carbon.ts
import { availableParallelism as availableParallelism2 } from "node:os";

// data/carbon-intensity.json
var carbon_intensity_default = {
  $comment: "Grid carbon intensity, gCO2e per kWh (src/energy/carbon.ts, docs/energy.md). 'lifecycle' figures include upstream emissions (fuel supply, plant construction); 'combustion' figures count direct emissions only and are lower for fossil-heavy grids. Codes are ISO 3166-1 alpha-2, plus US eGRID NERC regions. Annual averages: the real intensity varies by hour.",
  world: {
    gPerKWh: 480,
    basis: "lifecycle",
    source: "Ember, Global Electricity Review 2024 (8 May 2024): the CO2 intensity of global power generation reached a record low of 480 gCO2/kWh in 2023",
    year: 2023
  },
  regions: {
    AR: {
      name: "Argentina",
      gPerKWh: 354,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    AT: {
      name: "Austria",
      gPerKWh: 111,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    AU: {
      name: "Australia",
      gPerKWh: 549,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    BA: {
      name: "Bosnia and Herzegovina",
      gPerKWh: 600,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    BD: {
      name: "Bangladesh",
      gPerKWh: 691,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    BE: {
      name: "Belgium",
      gPerKWh: 138,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    BG: {
      name: "Bulgaria",
      gPerKWh: 335,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    BH: {
      name: "Bahrain",
      gPerKWh: 505.9,
      basis: "combustion",
      source: "carbonfootprint.com, 'Country specific electricity grid greenhouse gas emission factors' (2022, for 2021 electricity), as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    BO: {
      name: "Bolivia",
      gPerKWh: 532,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    BR: {
      name: "Brazil",
      gPerKWh: 98,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CA: {
      name: "Canada",
      gPerKWh: 170,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CL: {
      name: "Chile",
      gPerKWh: 291,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CN: {
      name: "China",
      gPerKWh: 582,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CO: {
      name: "Colombia",
      gPerKWh: 260,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CR: {
      name: "Costa Rica",
      gPerKWh: 53,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CY: {
      name: "Cyprus",
      gPerKWh: 534,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    CZ: {
      name: "Czechia",
      gPerKWh: 450,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    DE: {
      name: "Germany",
      gPerKWh: 381,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    DK: {
      name: "Denmark",
      gPerKWh: 152,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    EC: {
      name: "Ecuador",
      gPerKWh: 150,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    EE: {
      name: "Estonia",
      gPerKWh: 417,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    EG: {
      name: "Egypt",
      gPerKWh: 570,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    FI: {
      name: "Finland",
      gPerKWh: 79,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    FR: {
      name: "France",
      gPerKWh: 56,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    GB: {
      name: "United Kingdom",
      gPerKWh: 225,
      basis: "combustion",
      source: "European Environment Agency, CO2 emission intensity of electricity generation, as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    GE: {
      name: "Georgia",
      gPerKWh: 168,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    GR: {
      name: "Greece",
      gPerKWh: 337,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    HK: {
      name: "Hong Kong",
      gPerKWh: 710,
      basis: "combustion",
      source: "carbonfootprint.com, 'Country specific electricity grid greenhouse gas emission factors' (2022, for 2021 electricity), as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    HR: {
      name: "Croatia",
      gPerKWh: 205,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    HU: {
      name: "Hungary",
      gPerKWh: 204,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    IE: {
      name: "Ireland",
      gPerKWh: 291,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    IN: {
      name: "India",
      gPerKWh: 713,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    IR: {
      name: "Iran",
      gPerKWh: 655,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    IT: {
      name: "Italy",
      gPerKWh: 213.4,
      basis: "combustion",
      source: "European Environment Agency, CO2 emission intensity of electricity generation, as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    JP: {
      name: "Japan",
      gPerKWh: 465.8,
      basis: "combustion",
      source: "carbonfootprint.com, 'Country specific electricity grid greenhouse gas emission factors' (2022, for 2021 electricity), as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    KR: {
      name: "South Korea",
      gPerKWh: 415.6,
      basis: "combustion",
      source: "carbonfootprint.com, 'Country specific electricity grid greenhouse gas emission factors' (2022, for 2021 electricity), as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    NO: {
      name: "Norway",
      gPerKWh: 30,
      basis: "lifecycle",
      source: "Ember, 'Electricity generation emission intensity in selected countries worldwide in 2023' (as published by Statista, 3 July 2024)",
      year: 2023
    },
    SE: {
      name: "Sweden",
      gPerKWh: 8.8,
      basis: "combustion",
      source: "European Environment Agency, CO2 emission intensity of electricity generation, as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    SG: {
      name: "Singapore",
      gPerKWh: 408,
      basis: "combustion",
      source: "carbonfootprint.com, 'Country specific electricity grid greenhouse gas emission factors' (2022, for 2021 electricity), as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    },
    SV: {
      name: "El Salvador",
      gPerKWh: 271,
      basis: "lifecycle",
      source: "Ember and Energy Institute via Our World in Data, 'Carbon intensity of electricity generation' (lifecycle gCO2e/kWh), data year 2023: https://ourworldindata.org/grapher/carbon-intensity-electricity",
      year: 2023
    },
    "US-RFC": {
      name: "United States, RFC region (mid-Atlantic/Midwest)",
      gPerKWh: 410.608,
      basis: "combustion",
      source: "US EPA eGRID2020 NERC-region emission factors, as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2020
    },
    "US-SERC": {
      name: "United States, SERC region (south-east)",
      gPerKWh: 379.069,
      basis: "combustion",
      source: "US EPA eGRID2020 NERC-region emission factors, as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2020
    },
    "US-WECC": {
      name: "United States, WECC region (west)",
      gPerKWh: 322.167,
      basis: "combustion",
      source: "US EPA eGRID2020 NERC-region emission factors, as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2020
    },
    ZA: {
      name: "South Africa",
      gPerKWh: 900.6,
      basis: "combustion",
      source: "carbonfootprint.com, 'Country specific electricity grid greenhouse gas emission factors' (2022, for 2021 electricity), as tabulated in the Cloud Carbon Footprint methodology, Appendix V; direct (combustion) emissions",
      year: 2021
    }
  }
};

// data/embodied.json
var embodied_default = {
  $comment: "Embodied (manufacturing) emissions of the server a workload runs on, amortised linearly over its lifetime and shared by vCPU (src/energy/carbon.ts, docs/energy.md). Formula from the Green Software Foundation SCI specification as used by Cloud Carbon Footprint: M = TE \xD7 (time reserved / expected lifespan) \xD7 (vCPUs reserved / vCPUs of the host).",
  server: {
    baseKgCO2e: {
      value: 1e3,
      source: "Cloud Carbon Footprint, cloud-carbon-coefficients ccfcoef/constants.py BASE_MANUFACTURING_EMISSIONS: a mono-socket, low-DRAM, no-local-storage commodity rack server, after Teads Engineering (B. Davy, 'Building an AWS EC2 carbon emissions dataset', 2021) and the Dell PowerEdge R740 life-cycle assessment",
      year: 2021
    },
    perAdditionalCpuKgCO2e: {
      value: 100,
      source: "Cloud Carbon Footprint, ccfcoef/constants.py CPU_MANUFACTURING_EMISSIONS (after Teads, 2021)",
      year: 2021
    },
    dramKgCO2ePerGb: {
      value: 1.388,
      source: "Cloud Carbon Footprint, ccfcoef/constants.py: 533 kgCO2e for 384 GB of DIMMs (Dell PowerEdge R740 LCA) = 1.388 kg per GB, counted above the 16 GB included in the base server",
      year: 2021
    },
    dramIncludedGb: {
      value: 16,
      source: "Cloud Carbon Footprint, ccfcoef/constants.py DRAM_THRESHOLD",
      year: 2021
    },
    lifespanYears: {
      value: 4,
      source: "Cloud Carbon Footprint embodied-emissions methodology (4 years, as chosen by Teads from the Dell PowerEdge R740 LCA), https://www.cloudcarbonfootprint.org/docs/embodied-emissions",
      year: 2021
    }
  },
  defaultHost: {
    sockets: 2,
    dramGb: 384,
    vcpus: 96,
    note: "A dual-socket cloud host with 384 GB DRAM and 96 vCPUs, the size of the largest instance of a general-purpose family (e.g. AWS m5.24xlarge: 96 vCPUs, 384 GiB), which is what CCF divides by. TE = 1000 + 100 \xD7 (2 \u2212 1) + 1.388 \xD7 (384 \u2212 16) = 1610.8 kgCO2e."
  }
};

// src/energy/carbon.ts
var CARBON_INTENSITY = carbon_intensity_default;
var EMBODIED = embodied_default;
var J_PER_KWH = 36e5;
var SECONDS_PER_YEAR = 365.25 * 24 * 3600;
function resolveIntensity(settings, env2, data = CARBON_INTENSITY) {
  const notes = [];
  if (settings.carbonIntensityGPerKWh !== void 0) {
    const v = settings.carbonIntensityGPerKWh;
    if (!Number.isFinite(v) || v < 0) {
      throw new InputError("CONFIG_INVALID", `The budget file's carbon intensity is ${v}; expected gCO2e per kWh as a number \u2265 0, e.g. 350.`);
    }
    return { gPerKWh: v, source: "budget file", estimated: false, notes };
  }
  const fromEnv = env2.ENERGY_BUDGET_CARBON_INTENSITY;
  if (fromEnv !== void 0 && fromEnv.trim() !== "") {
    const v = Number(fromEnv);
    if (!Number.isFinite(v) || v < 0) {
      throw new InputError("ARGUMENT_INVALID", `ENERGY_BUDGET_CARBON_INTENSITY is "${fromEnv}"; expected gCO2e per kWh as a number \u2265 0, e.g. 350.`);
    }
    return { gPerKWh: v, source: "ENERGY_BUDGET_CARBON_INTENSITY", estimated: false, notes };
  }
  if (settings.region !== void 0) {
    const code = settings.region.trim().toUpperCase();
    const row = data.regions[code];
    if (row) {
      return { gPerKWh: row.gPerKWh, source: `${row.name}: ${row.source} (${row.basis}, ${row.year})`, estimated: true, notes };
    }
    notes.push(
      `Region "${settings.region}" is not in data/carbon-intensity.json (known: ${Object.keys(data.regions).join(", ")}); used the world average. Set the grid intensity in gCO2e/kWh in the budget file to use your grid's figure.`
    );
  }
  const w = data.world;
  return { gPerKWh: w.gPerKWh, source: `world average: ${w.source} (${w.basis}, ${w.year})`, estimated: true, notes };
}
function hostEmbodiedKg(host = EMBODIED.defaultHost, data = EMBODIED) {
  const s = data.server;
  return s.baseKgCO2e.value + s.perAdditionalCpuKgCO2e.value * Math.max(0, host.sockets - 1) + s.dramKgCO2ePerGb.value * Math.max(0, host.dramGb - s.dramIncludedGb.value);
}
function carbonFor(input) {
  const intensity = resolveIntensity(input.settings, input.env);
  const vcpus = input.vcpus ?? availableParallelism2();
  const host = EMBODIED.defaultHost;
  const lifespanS = EMBODIED.server.lifespanYears.value * SECONDS_PER_YEAR;
  const hostKg = hostEmbodiedKg(host);
  const operationalG = input.energyJ / J_PER_KWH * intensity.gPerKWh;
  const embodiedG = hostKg * 1e3 * (input.durationS / lifespanS) * Math.min(1, vcpus / host.vcpus);
  return {
    operationalG,
    embodiedG,
    totalG: operationalG + embodiedG,
    intensityGPerKWh: intensity.gPerKWh,
    intensitySource: intensity.source,
    embodiedSource: `${hostKg.toFixed(0)} kgCO2e for a ${host.sockets}-socket, ${host.dramGb} GB, ${host.vcpus}-vCPU host (Cloud Carbon Footprint / Teads model, ${EMBODIED.server.baseKgCO2e.year}), amortised over ${EMBODIED.server.lifespanYears.value} years, ${vcpus} of ${host.vcpus} vCPUs`,
    estimated: { energy: input.energyEstimated ?? false, intensity: intensity.estimated, embodied: true },
    notes: intensity.notes
  };
}

// src/compare/stats.ts
var { abs, exp, log: log2, sqrt: sqrt2, floor: floor2, min, max, SQRT2 } = Math;
function mean2(values) {
  if (values.length === 0) throw new RangeError("mean of an empty sample");
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
function variance(values) {
  if (values.length < 2) throw new RangeError(`variance needs at least 2 values, got ${values.length}`);
  const m = mean2(values);
  let ss = 0;
  let comp = 0;
  for (const v of values) {
    ss += (v - m) ** 2;
    comp += v - m;
  }
  return (ss - comp * comp / values.length) / (values.length - 1);
}
function quantileSorted(sorted, p) {
  if (sorted.length === 0) throw new RangeError("quantile of an empty sample");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile p must be in [0, 1], got ${p}`);
  const h = (sorted.length - 1) * p;
  const lo = floor2(h);
  const hi = min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
function quantile(values, p) {
  return quantileSorted([...values].sort((a, b) => a - b), p);
}
function median(values) {
  return quantile(values, 0.5);
}
function logGamma(x) {
  const cof = [76.18009172947146, -86.50532032941678, 24.01409824083091, -1.231739572450155, 0.001208650973866179, -5395239384953e-18];
  let y = x;
  let tmp = x + 5.5;
  tmp -= (x + 0.5) * log2(tmp);
  let ser = 1.000000000190015;
  for (const c of cof) ser += c / ++y;
  return -tmp + log2(2.5066282746310007 * ser / x);
}
function betaContinuedFraction(a, b, x) {
  const maxIterations = 500;
  const eps = 1e-15;
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - qab * x / qap;
  if (abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (abs(del - 1) < eps) break;
  }
  return h;
}
function incompleteBeta2(x, a, b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const bt = exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * log2(x) + b * log2(1 - x));
  if (x < (a + 1) / (a + b + 2)) return bt * betaContinuedFraction(a, b, x) / a;
  return 1 - bt * betaContinuedFraction(b, a, 1 - x) / b;
}
function erfc(x) {
  const z = abs(x);
  const t = 1 / (1 + 0.5 * z);
  const ans = t * exp(
    -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
  );
  return x >= 0 ? ans : 2 - ans;
}
function normalCdf2(x) {
  return 0.5 * erfc(-x / SQRT2);
}
function studentTCdf(t, df) {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  if (df > 1e7) return normalCdf2(t);
  const tail = 0.5 * incompleteBeta2(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}
function invertCdf(cdf, p) {
  let lo = -1;
  let hi = 1;
  while (cdf(lo) > p) lo *= 2;
  while (cdf(hi) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * max(1, abs(lo)); i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
var tQuantileCache = /* @__PURE__ */ new Map();
function studentTQuantile(p, df) {
  if (!(p > 0 && p < 1)) throw new RangeError(`t quantile p must be in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  const key = `${p}:${df}`;
  const cached2 = tQuantileCache.get(key);
  if (cached2 !== void 0) return cached2;
  const q = invertCdf((t) => studentTCdf(t, df), p);
  if (tQuantileCache.size > 1e4) tQuantileCache.clear();
  tQuantileCache.set(key, q);
  return q;
}

// src/compare/sequential.ts
var POCOCK = {
  "0.05": [1.96, 2.178, 2.289, 2.361, 2.413, 2.453, 2.485, 2.512, 2.535, 2.555],
  "0.01": [2.576, 2.772, 2.873, 2.939, 2.986, 3.023, 3.053, 3.078, 3.099, 3.117]
};
function roundStatistic(samples, statistic) {
  if (statistic === "median") return median(samples);
  if (statistic === "mean") return mean2(samples);
  return quantile(samples, statistic.percentile / 100);
}
function validate(options) {
  const o = {
    alpha: 0.05,
    maxLooks: 5,
    roundsPerLook: 6,
    minSamplesPerArm: 1,
    statistic: "median",
    improvementThreshold: options.threshold,
    spending: "bonferroni",
    direction: "higher-is-worse",
    ...options
  };
  if (!(o.threshold >= 0 && Number.isFinite(o.threshold))) throw new RangeError(`threshold must be a finite fraction \u2265 0 (0.02 for 2%), got ${o.threshold}`);
  if (!(o.improvementThreshold >= 0)) throw new RangeError(`improvementThreshold must be \u2265 0, got ${o.improvementThreshold}`);
  if (!(o.alpha > 0 && o.alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${o.alpha}`);
  if (!Number.isInteger(o.maxLooks) || o.maxLooks < 1) throw new RangeError(`maxLooks must be an integer \u2265 1, got ${o.maxLooks}`);
  if (!Number.isInteger(o.roundsPerLook) || o.roundsPerLook < 3) throw new RangeError(`roundsPerLook must be an integer \u2265 3 (a t interval needs spread), got ${o.roundsPerLook}`);
  if (!Number.isInteger(o.minSamplesPerArm) || o.minSamplesPerArm < 1) throw new RangeError(`minSamplesPerArm must be an integer \u2265 1, got ${o.minSamplesPerArm}`);
  if (typeof o.statistic === "object" && !(o.statistic.percentile >= 0 && o.statistic.percentile <= 100)) {
    throw new RangeError(`statistic.percentile must be in [0, 100], got ${o.statistic.percentile}`);
  }
  if (o.spending === "pocock") {
    const table = POCOCK[String(o.alpha)];
    if (!table || o.maxLooks > table.length) {
      throw new RangeError(`Pocock constants are tabulated for alpha 0.05 and 0.01 and up to 10 looks; use spending 'bonferroni' for alpha ${o.alpha} with ${o.maxLooks} looks`);
    }
  }
  return o;
}
function lookAlpha(options, look, final) {
  const { alpha, maxLooks, spending } = options;
  if (spending === "bonferroni") {
    return final ? alpha - (look - 1) * alpha / maxLooks : alpha / maxLooks;
  }
  const k = final ? look : maxLooks;
  const c = POCOCK[String(alpha)][k - 1];
  return 2 * (1 - normalCdf2(c));
}
function statusForVerdict(verdict, level, inconclusive) {
  switch (verdict) {
    case "pass":
    case "improvement":
      return "pass";
    case "regression":
      return level === "error" ? "fail" : "warn";
    case "inconclusive":
      if (inconclusive === "pass") return "pass";
      if (inconclusive === "fail") return level === "error" ? "fail" : "warn";
      return "inconclusive";
  }
}
function classifyInterval(ci, threshold, improvementThreshold = threshold, direction = "higher-is-worse") {
  const [lo, hi] = direction === "higher-is-worse" ? ci : [-ci[1], -ci[0]];
  if (lo > threshold) return "regression";
  if (hi < -improvementThreshold) return "improvement";
  if (hi <= threshold) return "pass";
  return "inconclusive";
}
function createSequentialComparison(options) {
  const o = validate(options);
  const logRatios = [];
  const history = [];
  let roundsAtLastLook = 0;
  let decision = "continue";
  let done = false;
  const tInterval = (level) => {
    const n = logRatios.length;
    const m = mean2(logRatios);
    const se = Math.sqrt(variance(logRatios) / n);
    const c = studentTQuantile(1 - (1 - level) / 2, n - 1);
    return { estimate: Math.exp(m) - 1, ci: [Math.exp(m - c * se) - 1, Math.exp(m + c * se) - 1], criticalValue: c };
  };
  const look = (final) => {
    const n = logRatios.length;
    const number = history.length + 1;
    const alpha = lookAlpha(o, number, final);
    const { estimate, ci, criticalValue } = tInterval(1 - alpha);
    let d = classifyInterval(ci, o.threshold, o.improvementThreshold, o.direction);
    if (d === "inconclusive") d = final || number >= o.maxLooks ? "inconclusive" : "continue";
    history.push({ look: number, rounds: n, alpha, criticalValue, estimate, ci, decision: d });
    roundsAtLastLook = n;
    decision = d;
    if (d !== "continue") done = true;
  };
  const state = () => {
    const last = history[history.length - 1];
    const enough = logRatios.length >= 2;
    return {
      decision,
      estimate: enough ? Math.exp(mean2(logRatios)) - 1 : null,
      changeCi95: last ? last.ci : null,
      unadjustedCi95: enough ? tInterval(0.95).ci : null,
      rounds: logRatios.length,
      looks: history.length,
      done,
      history: [...history]
    };
  };
  return {
    options: o,
    maxRounds: o.maxLooks * o.roundsPerLook,
    addRound(baseSamples, headSamples) {
      if (done) throw new Error(`the sequential comparison already ended (${decision}); start a new one`);
      for (const [arm, xs] of [
        ["base", baseSamples],
        ["head", headSamples]
      ]) {
        if (xs.length < o.minSamplesPerArm) throw new RangeError(`a round needs at least ${o.minSamplesPerArm} ${arm} samples, got ${xs.length}`);
        if (!xs.every((x) => x > 0 && Number.isFinite(x))) throw new RangeError(`${arm} samples must be finite and > 0 (a ratio is taken)`);
      }
      logRatios.push(Math.log(roundStatistic(headSamples, o.statistic)) - Math.log(roundStatistic(baseSamples, o.statistic)));
      if (logRatios.length - roundsAtLastLook >= o.roundsPerLook) look(false);
      if (!done && history.length >= o.maxLooks) done = true;
      return state();
    },
    finish() {
      if (!done) {
        if (logRatios.length > roundsAtLastLook && logRatios.length >= 2) {
          look(true);
        } else {
          decision = "inconclusive";
          done = true;
        }
      }
      return state();
    },
    state
  };
}

// src/model/builder.ts
function attr(name, value) {
  if (typeof value === "number") {
    return Number.isInteger(value) ? { name, type: AttributeType.INT, i: value } : { name, type: AttributeType.FLOAT, f: value };
  }
  if (typeof value === "string") return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  if ("f" in value) return { name, type: AttributeType.FLOAT, f: value.f };
  if ("i" in value) return { name, type: AttributeType.INT, i: value.i };
  if ("s" in value) return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value.s) };
  if ("floats" in value) return { name, type: AttributeType.FLOATS, floats: value.floats };
  if ("ints" in value) return { name, type: AttributeType.INTS, ints: value.ints };
  if ("t" in value) return { name, type: AttributeType.TENSOR, t: value.t };
  return { name, type: AttributeType.GRAPH, g: value.g };
}
function node(opType, inputs, outputs, attrs = {}, name, domain) {
  return {
    opType,
    input: inputs,
    output: outputs,
    name: name ?? outputs[0],
    ...domain ? { domain } : {},
    attribute: Object.entries(attrs).map(([k, v]) => attr(k, v))
  };
}
function bytesOf(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
function rawTensor(name, dims, dataType, data) {
  return { name, dims, dataType, rawData: bytesOf(data) };
}
function valueInfo(name, elemType, dims) {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        ...dims ? { shape: { dim: dims.map((d) => typeof d === "number" ? { dimValue: d } : { dimParam: d }) } } : {}
      }
    }
  };
}

// src/train/attrs.ts
function findAttr(node2, name) {
  return (node2.attribute ?? []).find((a) => a.name === name);
}
function attrInt(node2, name, fallback) {
  const a = findAttr(node2, name);
  return a?.i !== void 0 && a.i !== null ? Number(a.i) : fallback;
}
function attrFloat(node2, name, fallback) {
  const a = findAttr(node2, name);
  return a?.f !== void 0 && a.f !== null ? a.f : fallback;
}
function attrInts(node2, name, fallback) {
  const a = findAttr(node2, name);
  return a?.ints && a.ints.length > 0 ? a.ints.map(Number) : fallback;
}
function attrString(node2, name, fallback) {
  const a = findAttr(node2, name);
  return a?.s && a.s.length > 0 ? new TextDecoder().decode(a.s) : fallback;
}
function withoutAttrs(node2, names) {
  return { ...node2, attribute: (node2.attribute ?? []).filter((a) => !names.includes(a.name ?? "")) };
}

// src/train/shapes.ts
var unknownCounter = 0;
function unknownDim() {
  unknownCounter += 1;
  return `?${unknownCounter}`;
}
function isStatic(shape) {
  return shape !== void 0 && shape.every((d) => typeof d === "number");
}
function staticSize(shape) {
  return isStatic(shape) ? shape.reduce((a, b) => a * b, 1) : void 0;
}
function broadcastShapes(a, b) {
  if (!a || !b) return void 0;
  const r = Math.max(a.length, b.length);
  const out2 = [];
  for (let i = 0; i < r; i++) {
    const da = a[a.length - r + i] ?? 1;
    const db = b[b.length - r + i] ?? 1;
    if (da === 1) out2.push(db);
    else if (db === 1) out2.push(da);
    else if (da === db) out2.push(da);
    else if (typeof da === "number") out2.push(da);
    else if (typeof db === "number") out2.push(db);
    else out2.push(unknownDim());
  }
  return out2;
}
function mulDims(ds) {
  return ds.every((d) => typeof d === "number") ? ds.reduce((a, b) => a * b, 1) : unknownDim();
}
function normAxis(axis, rank) {
  return axis < 0 ? axis + rank : axis;
}
function resolvePads(node2, spatialIn, kernel, strides, dilations) {
  const k = spatialIn.length;
  const autoPad = attrString(node2, "auto_pad", "NOTSET");
  if (autoPad === "NOTSET") {
    const pads = attrInts(node2, "pads", new Array(2 * k).fill(0));
    return pads;
  }
  if (autoPad === "VALID") return new Array(2 * k).fill(0);
  if (!spatialIn.every((d) => typeof d === "number")) return void 0;
  const begin = [];
  const end = [];
  for (let i = 0; i < k; i++) {
    const inDim = spatialIn[i];
    const out2 = Math.ceil(inDim / strides[i]);
    const total = Math.max(0, (out2 - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - inDim);
    const small = Math.floor(total / 2);
    const large = total - small;
    begin.push(autoPad === "SAME_UPPER" ? small : large);
    end.push(autoPad === "SAME_UPPER" ? large : small);
  }
  return [...begin, ...end];
}
function windowGeometry(node2, spatialIn, kernelFromWeight) {
  const k = spatialIn.length;
  let kernel = attrInts(node2, "kernel_shape", []);
  if (kernel.length === 0) {
    if (!kernelFromWeight || !kernelFromWeight.every((d) => typeof d === "number")) return void 0;
    kernel = kernelFromWeight;
  }
  const strides = attrInts(node2, "strides", new Array(k).fill(1));
  const dilations = attrInts(node2, "dilations", new Array(k).fill(1));
  const pads = resolvePads(node2, spatialIn, kernel, strides, dilations);
  return { kernel, strides, dilations, pads, ceilMode: attrInt(node2, "ceil_mode", 0) === 1 };
}
function windowOutput(spatialIn, g) {
  return spatialIn.map((d, i) => {
    if (typeof d !== "number" || !g.pads) return unknownDim();
    const span = (g.kernel[i] - 1) * g.dilations[i] + 1;
    const num = d + g.pads[i] + g.pads[i + spatialIn.length] - span;
    const out2 = (g.ceilMode ? Math.ceil(num / g.strides[i]) : Math.floor(num / g.strides[i])) + 1;
    if (g.ceilMode && (out2 - 1) * g.strides[i] >= d + g.pads[i]) return out2 - 1;
    return out2;
  });
}
function inferNode(node2, shapeOf, intsOf) {
  const ins = (node2.input ?? []).map((n) => n ? shapeOf(n) : void 0);
  const x = ins[0];
  const nOut = (node2.output ?? []).length;
  const same = () => new Array(nOut).fill(x);
  switch (node2.opType) {
    case "Add":
    case "Sub":
    case "Mul":
    case "Div":
    case "Pow":
    case "Equal":
    case "Greater":
    case "Less":
    case "GreaterOrEqual":
    case "LessOrEqual":
    case "And":
    case "Or":
    case "PRelu":
      return [broadcastShapes(ins[0], ins[1])];
    case "Sum":
    case "Max":
    case "Min":
    case "Mean":
    case "Where":
      return [ins.slice(1).reduce((a, b) => broadcastShapes(a, b), ins[0])];
    case "Relu":
    case "LeakyRelu":
    case "Sigmoid":
    case "Tanh":
    case "Softmax":
    case "LogSoftmax":
    case "Identity":
    case "Neg":
    case "Exp":
    case "Log":
    case "Sqrt":
    case "Abs":
    case "Cast":
    case "Erf":
    case "Clip":
    case "Elu":
    case "Selu":
    case "HardSigmoid":
    case "Softplus":
    case "Gelu":
    case "Reciprocal":
    case "Sign":
    case "Floor":
    case "Ceil":
    case "Not":
    case "HardSwish":
    case "CastLike":
      return same();
    case "Dropout":
      return [x, x];
    case "BatchNormalization": {
      const c = x && x.length > 1 ? [x[1]] : void 0;
      return [x, c, c, c, c].slice(0, nOut);
    }
    case "Gemm": {
      const a = ins[0];
      const b = ins[1];
      const m = a && a.length === 2 ? a[attrInt(node2, "transA", 0) ? 1 : 0] : unknownDim();
      const n = b && b.length === 2 ? b[attrInt(node2, "transB", 0) ? 0 : 1] : unknownDim();
      return [[m, n]];
    }
    case "MatMul": {
      const a = ins[0];
      const b = ins[1];
      if (!a || !b) return [void 0];
      const a2 = a.length === 1 ? [1, a[0]] : a;
      const b2 = b.length === 1 ? [b[0], 1] : b;
      const batch = broadcastShapes(a2.slice(0, -2), b2.slice(0, -2)) ?? [];
      const out2 = [...batch, a2[a2.length - 2], b2[b2.length - 1]];
      if (a.length === 1) out2.splice(out2.length - 2, 1);
      if (b.length === 1) out2.splice(out2.length - 1, 1);
      return [out2];
    }
    case "Reshape": {
      const target = intsOf(node2.input?.[1] ?? "");
      if (!target) {
        const s = ins[1];
        return [s && s.length === 1 && typeof s[0] === "number" ? Array.from({ length: s[0] }, () => unknownDim()) : void 0];
      }
      const allowZero = attrInt(node2, "allowzero", 0) === 1;
      const out2 = target.map((v, i) => v === 0 && !allowZero ? x?.[i] ?? unknownDim() : v);
      const minus = out2.indexOf(-1);
      if (minus >= 0) {
        const total = staticSize(x);
        const rest = out2.filter((_, i) => i !== minus);
        out2[minus] = total !== void 0 && rest.every((d) => typeof d === "number") ? total / rest.reduce((a, b) => a * b, 1) : unknownDim();
      }
      return [out2];
    }
    case "Flatten": {
      if (!x) return [void 0];
      const axis = normAxis(attrInt(node2, "axis", 1), x.length);
      return [[mulDims(x.slice(0, axis)), mulDims(x.slice(axis))]];
    }
    case "Transpose": {
      if (!x) return [void 0];
      const perm = attrInts(node2, "perm", x.map((_, i) => x.length - 1 - i));
      return [perm.map((p) => x[p])];
    }
    case "Concat": {
      if (ins.some((s) => !s)) return [void 0];
      const r = ins[0].length;
      const axis = normAxis(attrInt(node2, "axis", 0), r);
      const out2 = [...ins[0]];
      out2[axis] = mulDimsSum(ins.map((s) => s[axis]));
      return [out2];
    }
    case "Conv":
    case "MaxPool":
    case "AveragePool":
    case "LpPool": {
      if (!x || x.length < 3) return new Array(nOut).fill(void 0);
      const w = node2.opType === "Conv" ? ins[1] : void 0;
      const g = windowGeometry(node2, x.slice(2), w ? w.slice(2) : void 0);
      if (!g) return new Array(nOut).fill(void 0);
      const channels = node2.opType === "Conv" ? w ? w[0] : unknownDim() : x[1];
      const out2 = [x[0], channels, ...windowOutput(x.slice(2), g)];
      return new Array(nOut).fill(out2);
    }
    case "GlobalAveragePool":
    case "GlobalMaxPool":
      return [x ? [x[0], x[1], ...x.slice(2).map(() => 1)] : void 0];
    case "ReduceSum":
    case "ReduceMean":
    case "ReduceMax":
    case "ReduceMin":
    case "ReduceProd":
    case "ReduceL2":
    case "ReduceL1":
    case "ReduceLogSumExp":
    case "ReduceSumSquare": {
      if (!x) return [void 0];
      const fromInput = node2.input && node2.input.length > 1 && node2.input[1] ? intsOf(node2.input[1]) : void 0;
      if (node2.input && node2.input.length > 1 && node2.input[1] && !fromInput) return [void 0];
      const listed = fromInput ?? attrInts(node2, "axes", []);
      const noop = attrInt(node2, "noop_with_empty_axes", 0) === 1;
      const axes = (listed.length ? listed : noop ? [] : x.map((_, i) => i)).map((a) => normAxis(a, x.length));
      const keep = attrInt(node2, "keepdims", 1) === 1;
      return [keep ? x.map((d, i) => axes.includes(i) ? 1 : d) : x.filter((_, i) => !axes.includes(i))];
    }
    case "Shape":
      return [x ? [x.length] : void 0];
    case "Size":
      return [[]];
    case "Constant":
      return [void 0];
    case "Unsqueeze":
    case "Squeeze": {
      const axes = node2.input && node2.input.length > 1 ? intsOf(node2.input[1]) : attrInts(node2, "axes", []);
      if (!x || !axes) return [void 0];
      if (node2.opType === "Unsqueeze") {
        const r = x.length + axes.length;
        const norm2 = axes.map((a) => normAxis(a, r));
        const out2 = [];
        let j = 0;
        for (let i = 0; i < r; i++) out2.push(norm2.includes(i) ? 1 : x[j++]);
        return [out2];
      }
      const norm = axes.length ? axes.map((a) => normAxis(a, x.length)) : x.map((d, i) => d === 1 ? i : -1).filter((i) => i >= 0);
      return [x.filter((_, i) => !norm.includes(i))];
    }
    default:
      return new Array(nOut).fill(void 0);
  }
}
function mulDimsSum(ds) {
  return ds.every((d) => typeof d === "number") ? ds.reduce((a, b) => a + b, 0) : unknownDim();
}

// src/train/graph.ts
var GraphEmitter = class {
  /**
   * @param floatType element type of every float the graph computes (float32 or float64)
   * @param opset default-domain opset of the graph written
   * @param taken names already used by the source graph (tensors and nodes)
   */
  constructor(floatType, opset, taken) {
    this.floatType = floatType;
    this.opset = opset;
    this.taken = taken;
  }
  floatType;
  opset;
  taken;
  nodes = [];
  initializers = [];
  shapes = /* @__PURE__ */ new Map();
  constInts = /* @__PURE__ */ new Map();
  constFloats = /* @__PURE__ */ new Map();
  cache = /* @__PURE__ */ new Map();
  counter = 0;
  /** A fresh tensor/node name `train/<hint>_<n>`. */
  fresh(hint) {
    for (; ; ) {
      this.counter += 1;
      const name = `train/${hint}_${this.counter}`;
      if (!this.taken.has(name)) {
        this.taken.add(name);
        return name;
      }
    }
  }
  /** Reserves an exact name (e.g. a graph output) and returns it, or a variant if taken. */
  reserve(name) {
    if (!this.taken.has(name)) {
      this.taken.add(name);
      return name;
    }
    return this.fresh(name.replace(/^train\//, ""));
  }
  /** Appends a node as is (forward nodes of the source graph). */
  push(node2) {
    this.nodes.push(node2);
  }
  /** Appends an op with fresh output names; returns the outputs. */
  op(opType, inputs, attrs = {}, outputs = 1, hint) {
    const base = hint ?? opType.toLowerCase();
    const outs = Array.from({ length: outputs }, () => this.fresh(base));
    this.nodes.push({
      opType,
      input: inputs,
      output: outs,
      name: outs[0],
      attribute: Object.entries(attrs).map(([k, v]) => attr(k, v))
    });
    return outs;
  }
  /** Appends a single-output op; returns its output. */
  one(opType, inputs, attrs = {}, hint) {
    return this.op(opType, inputs, attrs, 1, hint)[0];
  }
  /** Appends an op writing to a given output name. */
  to(output, opType, inputs, attrs = {}) {
    this.nodes.push({ opType, input: inputs, output: [output], name: this.fresh(`${opType.toLowerCase()}_node`), attribute: Object.entries(attrs).map(([k, v]) => attr(k, v)) });
    return output;
  }
  /** A float tensor filled with `value`, shaped like `like` (static constant shape when known). */
  filled(value, like) {
    const s = this.shapeOf(like);
    const shape = isStatic(s) ? this.ints(s) : this.shapeTensor(like);
    const data = this.floatType === DataType.DOUBLE ? Float64Array.from([value]) : Float32Array.from([value]);
    return this.one("ConstantOfShape", [shape], { value: { t: rawTensor("value", [1], this.floatType, data) } }, "filled");
  }
  /** A scalar constant of the graph's float type (cached by value). */
  scalar(value) {
    return this.floatConst([], [value]);
  }
  /** A float constant of the graph's float type with the given dims (cached by value). */
  floatConst(dims, values) {
    const key = `f:${dims.join(",")}:${values.join(",")}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const name = this.fresh("const");
    const data = this.floatType === DataType.DOUBLE ? Float64Array.from(values) : Float32Array.from(values);
    this.initializers.push(rawTensor(name, dims, this.floatType, data));
    this.shapes.set(name, dims);
    this.cache.set(key, name);
    return name;
  }
  /** A 1-D int64 constant (cached by value), e.g. axes or a Reshape target. */
  ints(values, dims = [values.length]) {
    const key = `i:${dims.join(",")}:${values.join(",")}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const name = this.fresh("ints");
    this.initializers.push(rawTensor(name, dims, DataType.INT64, BigInt64Array.from(values.map((v) => BigInt(v)))));
    this.shapes.set(name, dims);
    this.constInts.set(name, values);
    this.cache.set(key, name);
    return name;
  }
  /** Records the build-time shape of a tensor. */
  setShape(name, shape) {
    this.shapes.set(name, shape);
  }
  /** Build-time shape of a tensor, if known. */
  shapeOf(name) {
    return this.shapes.get(name);
  }
  /** Records known integer values of a tensor (shape constants). */
  setInts(name, values) {
    this.constInts.set(name, values);
  }
  /** Records known float values of a small tensor (e.g. Dropout's ratio). */
  setFloats(name, values) {
    this.constFloats.set(name, values);
  }
  /** Known float values of a small tensor, if any. */
  floatsOf(name) {
    return this.constFloats.get(name);
  }
  /** A boolean scalar constant. */
  bool(value) {
    const key = `b:${value}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const name = this.fresh("bool");
    this.initializers.push(rawTensor(name, [], DataType.BOOL, Uint8Array.from([value ? 1 : 0])));
    this.shapes.set(name, []);
    this.cache.set(key, name);
    return name;
  }
  /** Creates (without appending) a node writing fresh outputs; returns the node. */
  detached(opType, inputs, outputs, attrs = {}) {
    return { opType, input: inputs, output: outputs, name: this.fresh(`${opType.toLowerCase()}_node`), attribute: Object.entries(attrs).map(([k, v]) => attr(k, v)) };
  }
  /** Known integer values of a tensor, if any. */
  intsOf(name) {
    return this.constInts.get(name);
  }
  /** Run-time shape of a tensor (one Shape op per tensor, cached). */
  shapeTensor(x) {
    const key = `shape:${x}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const s = this.one("Shape", [x], {}, "shape");
    this.cache.set(key, s);
    return s;
  }
  /** ReduceSum over `axes` (all axes when undefined). */
  reduceSum(x, axes, keepdims) {
    if (this.opset >= 13) {
      return this.one("ReduceSum", axes ? [x, this.ints(axes)] : [x], { keepdims: keepdims ? 1 : 0 }, "sum");
    }
    return this.one("ReduceSum", [x], { keepdims: keepdims ? 1 : 0, ...axes ? { axes } : {} }, "sum");
  }
  /** ReduceMean over `axes` (all axes when undefined). */
  reduceMean(x, axes, keepdims) {
    if (this.opset >= 18) {
      return this.one("ReduceMean", axes ? [x, this.ints(axes)] : [x], { keepdims: keepdims ? 1 : 0 }, "mean");
    }
    return this.one("ReduceMean", [x], { keepdims: keepdims ? 1 : 0, ...axes ? { axes } : {} }, "mean");
  }
  /** Reshape to a static shape (a constant) or to another tensor's run-time shape. */
  reshapeTo(x, target) {
    const shape = typeof target === "string" ? this.shapeTensor(target) : this.ints(target);
    return this.one("Reshape", [x, shape], {}, "reshape");
  }
  /** Reshape `x` to the shape of `like`: static when known, else at run time. */
  reshapeLike(x, like) {
    const s = this.shapeOf(like);
    return isStatic(s) ? this.reshapeTo(x, s) : this.reshapeTo(x, like);
  }
  /** Number of elements of `x` as a float scalar: a constant when known, else Size + Cast. */
  floatSize(x, shape) {
    if (isStatic(shape)) return this.scalar(shape.reduce((a, b) => a * b, 1));
    return this.one("Cast", [this.one("Size", [x])], { to: this.floatType }, "count");
  }
  /**
   * Sums `dy` (shaped like `dyShape`, the broadcast result) down to the shape of `target`:
   * the gradient of multidirectional broadcasting. Axes are chosen at build time when the
   * shapes decide them, else at run time from Shape ops.
   */
  sumTo(dy, dyShape, target) {
    const tShape = this.shapeOf(target);
    if (dyShape && tShape) {
      const axes = staticReduceAxes(dyShape, tShape);
      if (axes) {
        if (axes.length === 0) return dyShape.length === tShape.length ? dy : this.reshapeLike(dy, target);
        const lead = dyShape.length - tShape.length;
        const onlyLeading = axes.every((a) => a < lead);
        const reduced = this.reduceSum(dy, axes, !onlyLeading);
        return onlyLeading || lead === 0 ? reduced : this.reshapeLike(reduced, target);
      }
    }
    return this.sumToRuntime(dy, dyShape, target, tShape);
  }
  sumToRuntime(dy, dyShape, target, tShape) {
    const sx = this.shapeTensor(target);
    let padded = sx;
    if (dyShape && tShape) {
      const lead = dyShape.length - tShape.length;
      if (lead > 0) padded = this.one("Concat", [this.ints(new Array(lead).fill(1)), sx], { axis: 0 }, "padded_shape");
    } else {
      const lead = this.one("Sub", [this.one("Size", [this.shapeTensor(dy)]), this.one("Size", [sx])], {}, "lead");
      const ones = this.one(
        "ConstantOfShape",
        [this.one("Reshape", [lead, this.ints([1])])],
        { value: { t: rawTensor("one", [1], DataType.INT64, BigInt64Array.from([1n])) } },
        "ones"
      );
      padded = this.one("Concat", [ones, sx], { axis: 0 }, "padded_shape");
    }
    const mask = this.one("Equal", [padded, this.ints([1], [])], {}, "bcast_mask");
    const axes = this.one("Reshape", [this.one("NonZero", [mask]), this.ints([-1])], {}, "bcast_axes");
    const reduced = this.opset >= 13 ? this.one("ReduceSum", [dy, axes], { keepdims: 1, noop_with_empty_axes: 1 }, "sum") : dy;
    return this.one("Reshape", [reduced, sx], {}, "sum_to");
  }
};
function staticReduceAxes(dy, t) {
  const lead = dy.length - t.length;
  if (lead < 0) return void 0;
  const axes = [];
  for (let i = 0; i < dy.length; i++) {
    if (i < lead) {
      axes.push(i);
      continue;
    }
    const dt = t[i - lead];
    const dd = dy[i];
    if (dt === dd) continue;
    if (dt === 1) {
      axes.push(i);
      continue;
    }
    return void 0;
  }
  return axes;
}
function pruneGraph(nodes, initializers, keep) {
  const needed = new Set(keep);
  const kept = [];
  for (let k = nodes.length - 1; k >= 0; k--) {
    const n = nodes[k];
    if (!(n.output ?? []).some((o) => o && needed.has(o))) continue;
    kept.push(n);
    for (const x of n.input ?? []) if (x) needed.add(x);
  }
  kept.reverse();
  return { nodes: kept, initializers: initializers.filter((t) => needed.has(t.name ?? "")) };
}

// src/train/grad-ops.ts
var inp = (node2, i) => node2.input?.[i] ?? "";
var out = (node2, i) => node2.output?.[i] ?? "";
var hasInput = (node2, i) => !!node2.input?.[i];
function bcast(em, node2, g, i) {
  return em.sumTo(g, em.shapeOf(out(node2, 0)), inp(node2, i));
}
function rankOf(em, name) {
  return em.shapeOf(name)?.length;
}
function swapLastTwo(rank) {
  const perm = Array.from({ length: rank }, (_, i) => i);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return perm;
}
function unsqueeze(em, x, axes) {
  return em.one("Unsqueeze", [x, em.ints(axes)], {}, "unsqueeze");
}
function squeeze(em, x, axes) {
  return em.one("Squeeze", [x, em.ints(axes)], {}, "squeeze");
}
var gemm = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const alpha = attrFloat(node2, "alpha", 1);
    const beta = attrFloat(node2, "beta", 1);
    const tA = attrInt(node2, "transA", 0);
    const tB = attrInt(node2, "transB", 0);
    const a = inp(node2, 0);
    const b = inp(node2, 1);
    const scale2 = alpha !== 1 ? { alpha: { f: alpha } } : {};
    const dA = need[0] ? tA ? em.one("Gemm", [b, dY], { ...scale2, transA: tB, transB: 1 }, "grad_gemm_a") : em.one("Gemm", [dY, b], { ...scale2, transA: 0, transB: tB ? 0 : 1 }, "grad_gemm_a") : void 0;
    const dB = need[1] ? tB ? em.one("Gemm", [dY, a], { ...scale2, transA: 1, transB: tA }, "grad_gemm_b") : em.one("Gemm", [a, dY], { ...scale2, transA: tA ? 0 : 1, transB: 0 }, "grad_gemm_b") : void 0;
    let dC;
    if (need[2] && hasInput(node2, 2)) {
      dC = bcast(em, node2, dY, 2);
      if (beta !== 1) dC = em.one("Mul", [dC, em.scalar(beta)]);
    }
    return [dA, dB, dC];
  }
};
var matmul = {
  check(node2, em) {
    if (rankOf(em, inp(node2, 0)) === void 0 || rankOf(em, inp(node2, 1)) === void 0) {
      return "the ranks of its inputs are not known when the graph is built (declare input shapes, or pass batchShapes)";
    }
    return void 0;
  },
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const a = inp(node2, 0);
    const b = inp(node2, 1);
    const ra = rankOf(em, a);
    const rb = rankOf(em, b);
    const yAxes = [...ra === 1 ? [-2] : [], ...rb === 1 ? [-1] : []];
    const dY2 = yAxes.length ? unsqueeze(em, dY, yAxes) : dY;
    const a2 = ra === 1 ? unsqueeze(em, a, [0]) : a;
    const b2 = rb === 1 ? unsqueeze(em, b, [-1]) : b;
    const ra2 = Math.max(ra, 2);
    const rb2 = Math.max(rb, 2);
    const sa = em.shapeOf(a);
    const sb = em.shapeOf(b);
    const sa2 = ra === 1 ? [1, ...sa] : sa;
    const sb2 = rb === 1 ? [...sb, 1] : sb;
    const batch = broadcastShapes(sa2.slice(0, -2), sb2.slice(0, -2)) ?? [];
    let dA;
    let dB;
    if (need[0]) {
      let g = em.one("MatMul", [dY2, em.one("Transpose", [b2], { perm: swapLastTwo(rb2) }, "bT")], {}, "grad_matmul_a");
      let gShape = [...batch, sa2[sa2.length - 2], sa2[sa2.length - 1]];
      if (ra === 1) {
        g = squeeze(em, g, [-2]);
        gShape = [...batch, sa2[sa2.length - 1]];
      }
      dA = em.sumTo(g, gShape, a);
    }
    if (need[1]) {
      let g = em.one("MatMul", [em.one("Transpose", [a2], { perm: swapLastTwo(ra2) }, "aT"), dY2], {}, "grad_matmul_b");
      let gShape = [...batch, sb2[sb2.length - 2], sb2[sb2.length - 1]];
      if (rb === 1) {
        g = squeeze(em, g, [-1]);
        gShape = [...batch, sb2[sb2.length - 2]];
      }
      dB = em.sumTo(g, gShape, b);
    }
    return [dA, dB];
  }
};
var add = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    return [need[0] ? bcast(em, node2, dY, 0) : void 0, need[1] ? bcast(em, node2, dY, 1) : void 0];
  }
};
var sub = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    return [need[0] ? bcast(em, node2, dY, 0) : void 0, need[1] ? em.one("Neg", [bcast(em, node2, dY, 1)]) : void 0];
  }
};
var mul = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const yShape = em.shapeOf(out(node2, 0));
    return [
      need[0] ? em.sumTo(em.one("Mul", [dY, inp(node2, 1)]), yShape, inp(node2, 0)) : void 0,
      need[1] ? em.sumTo(em.one("Mul", [dY, inp(node2, 0)]), yShape, inp(node2, 1)) : void 0
    ];
  }
};
var div = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const yShape = em.shapeOf(out(node2, 0));
    const t = em.one("Div", [dY, inp(node2, 1)]);
    return [
      need[0] ? em.sumTo(t, yShape, inp(node2, 0)) : void 0,
      need[1] ? em.one("Neg", [em.sumTo(em.one("Mul", [t, out(node2, 0)]), yShape, inp(node2, 1))]) : void 0
    ];
  }
};
var relu = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    return [em.one("Where", [em.one("Greater", [out(node2, 0), em.scalar(0)]), dY, em.scalar(0)], {}, "grad_relu")];
  }
};
var leakyRelu = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const alpha = attrFloat(node2, "alpha", 0.01);
    const slope = em.one("Where", [em.one("Greater", [inp(node2, 0), em.scalar(0)]), em.scalar(1), em.scalar(alpha)]);
    return [em.one("Mul", [dY, slope], {}, "grad_leaky_relu")];
  }
};
var sigmoid = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const y = out(node2, 0);
    return [em.one("Mul", [dY, em.one("Mul", [y, em.one("Sub", [em.scalar(1), y])])], {}, "grad_sigmoid")];
  }
};
var tanh = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const y = out(node2, 0);
    return [em.one("Mul", [dY, em.one("Sub", [em.scalar(1), em.one("Mul", [y, y])])], {}, "grad_tanh")];
  }
};
var softmax = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const y = out(node2, 0);
    const axis = attrInt(node2, "axis", -1);
    const p = em.one("Mul", [dY, y]);
    const s = em.reduceSum(p, [axis], true);
    return [em.one("Sub", [p, em.one("Mul", [y, s])], {}, "grad_softmax")];
  }
};
var logSoftmax = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const axis = attrInt(node2, "axis", -1);
    const s = em.reduceSum(dY, [axis], true);
    return [em.one("Sub", [dY, em.one("Mul", [em.one("Exp", [out(node2, 0)]), s])], {}, "grad_log_softmax")];
  }
};
var reshapeLike = {
  differentiable: () => [0],
  backward(em, node2, [dY]) {
    if (!dY) return [];
    return [em.reshapeLike(dY, inp(node2, 0))];
  }
};
var identity = {
  backward(_em, _node, [dY]) {
    return [dY];
  }
};
var cast = {
  backward(em, _node, [dY]) {
    return dY ? [em.one("Cast", [dY], { to: em.floatType })] : [];
  }
};
var neg = {
  backward(em, _node, [dY]) {
    return dY ? [em.one("Neg", [dY])] : [];
  }
};
var transpose = {
  check(node2, em) {
    return attrInts(node2, "perm", []).length === 0 && rankOf(em, inp(node2, 0)) === void 0 ? "it has no perm attribute and the rank of its input is not known when the graph is built" : void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const rank = rankOf(em, inp(node2, 0)) ?? attrInts(node2, "perm", []).length;
    const perm = attrInts(node2, "perm", Array.from({ length: rank }, (_, i) => rank - 1 - i));
    const inverse = new Array(perm.length);
    perm.forEach((p, i) => {
      inverse[p] = i;
    });
    return [em.one("Transpose", [dY], { perm: inverse }, "grad_transpose")];
  }
};
var dropout = {
  differentiable: () => [0],
  forward(em, node2) {
    const ratio = hasInput(node2, 1) ? inp(node2, 1) : em.scalar(0.5);
    const mask = node2.output?.[1] || em.fresh("dropout_mask");
    em.push({ ...withoutAttrs(node2, []), input: [inp(node2, 0), ratio, em.bool(true)], output: [out(node2, 0), mask] });
    return { saved: { mask, ratio } };
  },
  backward(em, _node, [dY], _need, saved) {
    if (!dY) return [];
    const ratioName = saved.ratio;
    const known = em.floatsOf(ratioName);
    const scale2 = known && known.length === 1 ? em.scalar(1 / (1 - known[0])) : em.one("Div", [em.scalar(1), em.one("Sub", [em.scalar(1), em.one("Cast", [ratioName], { to: em.floatType })])]);
    const m = em.one("Cast", [saved.mask], { to: em.floatType }, "mask_float");
    return [em.one("Mul", [em.one("Mul", [dY, m]), scale2], {}, "grad_dropout")];
  }
};
var concat2 = {
  check(node2, em) {
    const axis = attrInt(node2, "axis", 0);
    return axis < 0 && rankOf(em, out(node2, 0)) === void 0 ? "its axis is negative and the rank of its output is not known" : void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const rank = rankOf(em, out(node2, 0));
    const axis = rank !== void 0 ? normAxis(attrInt(node2, "axis", 0), rank) : attrInt(node2, "axis", 0);
    const inputs = node2.input ?? [];
    const sizes = inputs.map((x) => em.shapeOf(x)?.[axis]);
    const split = sizes.every((d) => typeof d === "number") ? em.ints(sizes) : em.one("Concat", inputs.map((x) => em.one("Shape", [x], { start: axis, end: axis + 1 })), { axis: 0 }, "split_sizes");
    if (inputs.length === 1) return [dY];
    return em.op("Split", [dY, split], { axis }, inputs.length, "grad_concat");
  }
};
function transposeGeometry(g, inSpatial, outSpatial) {
  const k = inSpatial.length;
  const pads = g.pads;
  const begin = pads.slice(0, k);
  const end = [];
  const outputPadding = [];
  for (let i = 0; i < k; i++) {
    const full = g.strides[i] * (outSpatial[i] - 1) + (g.kernel[i] - 1) * g.dilations[i] + 1;
    const diff = inSpatial[i] + begin[i] - full;
    if (diff >= 0) {
      outputPadding.push(diff);
      end.push(0);
    } else {
      outputPadding.push(0);
      end.push(-diff);
    }
  }
  return { pads: [...begin, ...end], outputPadding };
}
function staticSpatial(em, x) {
  const s = em.shapeOf(x);
  if (!s || s.length < 3) return void 0;
  const spatial = s.slice(2);
  return spatial.every((d) => typeof d === "number") ? { shape: s, spatial } : void 0;
}
var conv = {
  check(node2, em) {
    if (attrInt(node2, "group", 1) !== 1) return `group = ${attrInt(node2, "group", 1)} (only group = 1 has a gradient here)`;
    const x = staticSpatial(em, inp(node2, 0));
    if (!x) return "the spatial dims of its input are not known when the graph is built (pass batchShapes, or declare them in the model)";
    const w = em.shapeOf(inp(node2, 1));
    if (!isStatic(w)) return "the shape of its weight is not known when the graph is built";
    if (x.spatial.length !== 2) return `it is a ${x.spatial.length}-D convolution (gradients cover 2-D Conv)`;
    return void 0;
  },
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const w = inp(node2, 1);
    const { spatial } = staticSpatial(em, x);
    const wShape = em.shapeOf(w);
    const g = windowGeometry(node2, spatial, wShape.slice(2));
    const ySpatial = windowOutput(spatial, g);
    const k = spatial.length;
    let dX;
    let dW;
    let dB;
    if (need[0]) {
      const t = transposeGeometry(g, spatial, ySpatial);
      dX = em.one("ConvTranspose", [dY, w], {
        kernel_shape: g.kernel,
        strides: g.strides,
        dilations: g.dilations,
        pads: t.pads,
        output_padding: t.outputPadding
      }, "grad_conv_x");
    }
    if (need[1]) {
      const perm = [1, 0, ...Array.from({ length: k }, (_, i) => i + 2)];
      const xT = em.one("Transpose", [x], { perm }, "xT");
      const dYT = em.one("Transpose", [dY], { perm }, "dyT");
      const pads = g.pads;
      let c = em.one("Conv", [xT, dYT], { strides: g.dilations, dilations: g.strides, pads, kernel_shape: ySpatial }, "grad_conv_w");
      const got = spatial.map((h, i) => Math.floor((h + pads[i] + pads[i + k] - (ySpatial[i] - 1) * g.strides[i] - 1) / g.dilations[i]) + 1);
      if (got.some((v, i) => v !== g.kernel[i])) {
        const axes = Array.from({ length: k }, (_, i) => i + 2);
        c = em.one("Slice", [c, em.ints(new Array(k).fill(0)), em.ints(g.kernel), em.ints(axes)], {}, "slice_kernel");
      }
      dW = em.one("Transpose", [c], { perm }, "grad_conv_w");
    }
    if (need[2] && hasInput(node2, 2)) {
      dB = em.reduceSum(dY, [0, ...Array.from({ length: k }, (_, i) => i + 2)], false);
    }
    return [dX, dW, dB];
  }
};
var maxPool = {
  check(node2, em) {
    if (attrInt(node2, "storage_order", 0) !== 0) return "storage_order = 1 (column-major indices)";
    if (rankOf(em, inp(node2, 0)) === void 0) return "the rank of its input is not known when the graph is built";
    return void 0;
  },
  forward(em, node2) {
    const indices = node2.output?.[1] || em.fresh("maxpool_indices");
    em.push({ ...node2, output: [out(node2, 0), indices] });
    return { saved: { indices } };
  },
  backward(em, node2, [dY], _need, saved) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const xShape = em.shapeOf(x);
    const total = isStatic(xShape) ? em.ints([xShape.reduce((a, b) => a * b, 1)]) : em.one("Reshape", [em.one("Size", [x]), em.ints([1])]);
    const data = em.floatType === DataType.DOUBLE ? Float64Array.from([0]) : Float32Array.from([0]);
    const zeros2 = em.one("ConstantOfShape", [total], { value: { t: rawTensor("value", [1], em.floatType, data) } }, "zeros");
    const flat = em.one("ScatterElements", [
      zeros2,
      em.one("Reshape", [saved.indices, em.ints([-1])]),
      em.one("Reshape", [dY, em.ints([-1])])
    ], { axis: 0, reduction: "add" }, "grad_maxpool_flat");
    return [em.reshapeLike(flat, x)];
  }
};
function poolDivisors1d(h, outLen, k, s, d, pb, pe, includePad) {
  const res = [];
  for (let o = 0; o < outLen; o++) {
    const start = o * s - pb;
    if (includePad) {
      const end = Math.min(start + (k - 1) * d + 1, h + pe);
      res.push(d === 1 ? end - start : Math.floor((end - start - 1) / d) + 1);
    } else {
      let c = 0;
      for (let j = 0; j < k; j++) {
        const p = start + j * d;
        if (p >= 0 && p < h) c++;
      }
      res.push(c);
    }
  }
  return res;
}
var averagePool = {
  check(node2, em) {
    const x = staticSpatial(em, inp(node2, 0));
    if (!x) return "the spatial dims of its input are not known when the graph is built (pass batchShapes)";
    if (typeof x.shape[1] !== "number") return "its channel count is not known when the graph is built";
    return void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const { shape, spatial } = staticSpatial(em, x);
    const channels = shape[1];
    const g = windowGeometry(node2, spatial);
    const ySpatial = windowOutput(spatial, g);
    const k = spatial.length;
    const includePad = attrInt(node2, "count_include_pad", 0) === 1;
    const pads = g.pads;
    const per = spatial.map((h, i) => poolDivisors1d(h, ySpatial[i], g.kernel[i], g.strides[i], g.dilations[i], pads[i], pads[i + k], includePad));
    let divisors = [1];
    for (const axis of per) divisors = divisors.flatMap((a) => axis.map((b) => a * b));
    const uniform = divisors.every((v) => v === divisors[0]);
    const kernelSize = g.kernel.reduce((a, b) => a * b, 1);
    const weight = em.floatConst([channels, 1, ...g.kernel], new Array(channels * kernelSize).fill(uniform ? 1 / divisors[0] : 1));
    const scaled = uniform ? dY : em.one("Mul", [dY, em.floatConst(ySpatial, divisors.map((v) => 1 / v))]);
    const t = transposeGeometry(g, spatial, ySpatial);
    return [em.one("ConvTranspose", [scaled, weight], {
      group: channels,
      kernel_shape: g.kernel,
      strides: g.strides,
      dilations: g.dilations,
      pads: t.pads,
      output_padding: t.outputPadding
    }, "grad_avgpool")];
  }
};
var globalAveragePool = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const s = em.shapeOf(x);
    const spatial = s?.slice(2);
    const count2 = spatial && spatial.every((d) => typeof d === "number") ? em.scalar(spatial.reduce((a, b) => a * b, 1)) : em.one("Div", [em.floatSize(x, s), em.floatSize(out(node2, 0), em.shapeOf(out(node2, 0)))], {}, "pool_count");
    const shape = isStatic(s) ? em.ints(s) : em.shapeTensor(x);
    return [em.one("Expand", [em.one("Div", [dY, count2]), shape], {}, "grad_global_avgpool")];
  }
};
var batchNorm = {
  differentiable: () => [0, 1, 2],
  check(node2, em) {
    if (rankOf(em, inp(node2, 0)) === void 0) return "the rank of its input is not known when the graph is built";
    if ((node2.output ?? []).slice(1).some(Boolean)) return "it has outputs besides Y (running or saved statistics); export the model in inference mode";
    if (attrInt(node2, "spatial", 1) !== 1) return "spatial = 0 (per-activation statistics, opset < 9)";
    return void 0;
  },
  forward(em, node2) {
    const x = inp(node2, 0);
    const rank = rankOf(em, x);
    const xShape = em.shapeOf(x);
    const axes = [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2)];
    const eps = attrFloat(node2, "epsilon", 1e-5);
    const momentum = attrFloat(node2, "momentum", 0.9);
    const paramShape = [-1, ...new Array(rank - 2).fill(1)];
    const asParam = (p) => rank > 2 ? em.one("Reshape", [p, em.ints(paramShape)], {}, "bn_param") : p;
    const mu = em.reduceMean(x, axes, true);
    const xc = em.one("Sub", [x, mu], {}, "bn_centered");
    const variance2 = em.reduceMean(em.one("Mul", [xc, xc]), axes, true);
    const invStd = em.one("Reciprocal", [em.one("Sqrt", [em.one("Add", [variance2, em.scalar(eps)])])], {}, "bn_inv_std");
    const xhat = em.one("Mul", [xc, invStd], {}, "bn_xhat");
    const gamma = asParam(inp(node2, 1));
    em.to(out(node2, 0), "Add", [em.one("Mul", [xhat, gamma]), asParam(inp(node2, 2))]);
    for (const t of [xc, xhat]) em.setShape(t, xShape);
    const statShape = xShape.map((d, i) => axes.includes(i) ? 1 : d);
    for (const t of [mu, variance2, invStd]) em.setShape(t, statShape);
    const updates = {};
    const flat = (t) => em.one("Reshape", [t, em.ints([-1])]);
    for (const [slot, stat2] of [[3, mu], [4, variance2]]) {
      const running = inp(node2, slot);
      if (!running) continue;
      updates[running] = em.one("Add", [
        em.one("Mul", [running, em.scalar(momentum)]),
        em.one("Mul", [flat(stat2), em.scalar(1 - momentum)])
      ], {}, "bn_running");
    }
    return { saved: { xhat, invStd, gamma }, stateUpdates: updates };
  },
  backward(em, node2, [dY], need, saved) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const rank = rankOf(em, x);
    const axes = [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2)];
    const xhat = saved.xhat;
    const sumDy = em.reduceSum(dY, axes, true);
    const dyXhat = em.one("Mul", [dY, xhat]);
    const sumDyXhat = em.reduceSum(dyXhat, axes, true);
    const flat = (t) => em.one("Reshape", [t, em.ints([-1])]);
    let dX;
    if (need[0]) {
      const xShape = em.shapeOf(x);
      const statShape = xShape?.map((d, i) => axes.includes(i) ? 1 : d);
      const invCount = em.one("Div", [em.floatSize(sumDy, statShape), em.floatSize(x, xShape)], {}, "bn_inv_count");
      const centered = em.one("Sub", [
        em.one("Sub", [dY, em.one("Mul", [sumDy, invCount])]),
        em.one("Mul", [xhat, em.one("Mul", [sumDyXhat, invCount])])
      ]);
      dX = em.one("Mul", [centered, em.one("Mul", [saved.gamma, saved.invStd])], {}, "grad_bn_x");
    }
    return [dX, need[1] ? flat(sumDyXhat) : void 0, need[2] ? flat(sumDy) : void 0];
  }
};
function reduceAxes(node2, em) {
  if (hasInput(node2, 1)) return em.intsOf(inp(node2, 1)) ?? "dynamic";
  const a = attrInts(node2, "axes", []);
  if (a.length) return a;
  return attrInt(node2, "noop_with_empty_axes", 0) ? [] : void 0;
}
function reduceRule(mean3) {
  return {
    differentiable: () => [0],
    check(node2, em) {
      const axes = reduceAxes(node2, em);
      if (axes === "dynamic") return "its axes are computed at run time (the gradient needs them when the graph is built)";
      if (rankOf(em, inp(node2, 0)) === void 0) return "the rank of its input is not known when the graph is built";
      return void 0;
    },
    backward(em, node2, [dY]) {
      if (!dY) return [];
      const x = inp(node2, 0);
      const rank = rankOf(em, x);
      const given = reduceAxes(node2, em);
      const axes = (given ?? Array.from({ length: rank }, (_, i) => i)).map((a) => normAxis(a, rank));
      let g = attrInt(node2, "keepdims", 1) || axes.length === 0 ? dY : unsqueeze(em, dY, [...axes].sort((a, b) => a - b));
      if (mean3) {
        const xs2 = em.shapeOf(x);
        const reduced = axes.map((a) => xs2[a]);
        const count2 = reduced.every((d) => typeof d === "number") ? em.scalar(reduced.reduce((a, b) => a * b, 1)) : em.one("Div", [em.floatSize(x, xs2), em.floatSize(out(node2, 0), em.shapeOf(out(node2, 0)))], {}, "reduce_count");
        g = em.one("Div", [g, count2]);
      }
      const xs = em.shapeOf(x);
      return [em.one("Expand", [g, isStatic(xs) ? em.ints(xs) : em.shapeTensor(x)], {}, mean3 ? "grad_reduce_mean" : "grad_reduce_sum")];
    }
  };
}
var NO_GRADIENT_OPS = /* @__PURE__ */ new Set([
  "Shape",
  "Size",
  "NonZero",
  "ArgMax",
  "ArgMin",
  "Equal",
  "Greater",
  "Less",
  "GreaterOrEqual",
  "LessOrEqual",
  "Not",
  "And",
  "Or",
  "Xor",
  "IsNaN",
  "IsInf",
  "Sign",
  "Floor",
  "Ceil",
  "Round",
  "Range",
  "ConstantOfShape",
  "EyeLike",
  "RandomNormal",
  "RandomUniform",
  "RandomNormalLike",
  "RandomUniformLike",
  "Bernoulli",
  "Multinomial",
  "Constant"
]);
var GRAD_RULES = {
  Gemm: gemm,
  MatMul: matmul,
  Add: add,
  Sub: sub,
  Mul: mul,
  Div: div,
  Relu: relu,
  LeakyRelu: leakyRelu,
  Sigmoid: sigmoid,
  Tanh: tanh,
  Softmax: softmax,
  LogSoftmax: logSoftmax,
  Reshape: reshapeLike,
  Flatten: reshapeLike,
  Squeeze: reshapeLike,
  Unsqueeze: reshapeLike,
  Transpose: transpose,
  Identity: identity,
  Cast: cast,
  Neg: neg,
  Dropout: dropout,
  Concat: concat2,
  Conv: conv,
  MaxPool: maxPool,
  AveragePool: averagePool,
  GlobalAveragePool: globalAveragePool,
  BatchNormalization: batchNorm,
  ReduceSum: reduceRule(false),
  ReduceMean: reduceRule(true)
};
function supportedOps() {
  return Object.keys(GRAD_RULES).sort();
}
function describeNode(node2) {
  return node2.name ? `"${node2.name}"` : `(unnamed, output "${out(node2, 0)}")`;
}

// src/train/opset.ts
var MIN_SOURCE_OPSET = 7;
function upgradeNode(em, node2, from, rankOf2) {
  if (node2.domain && node2.domain !== "ai.onnx") return [node2];
  const op = node2.opType ?? "";
  const x = node2.input?.[0] ?? "";
  const y = node2.output?.[0] ?? "";
  if ((op === "Softmax" || op === "LogSoftmax" || op === "Hardmax") && from < 13) {
    const axis = attrInt(node2, "axis", 1);
    const rank = rankOf2(x);
    if (axis === -1 || rank !== void 0 && normAxis(axis, rank) === rank - 1) {
      return [{ ...withoutAttrs(node2, ["axis"]), attribute: [...withoutAttrs(node2, ["axis"]).attribute ?? [], { name: "axis", type: 2, i: -1 }] }];
    }
    if (rank === void 0) return `${op} (opset ${from}) with axis ${axis} on an input of unknown rank`;
    const flat = em.fresh("flat");
    const normed = em.fresh("normed");
    const shape = em.fresh("shape");
    return [
      em.detached("Shape", [x], [shape]),
      em.detached("Flatten", [x], [flat], { axis: normAxis(axis, rank) }),
      em.detached(op, [flat], [normed], { axis: 1 }),
      em.detached("Reshape", [normed, shape], [y])
    ];
  }
  if (op === "Dropout" && from < 12) {
    const ratio = em.scalar(attrFloat(node2, "ratio", 0.5));
    em.setFloats(ratio, [attrFloat(node2, "ratio", 0.5)]);
    return [{ ...withoutAttrs(node2, ["ratio", "is_test"]), input: [x, ratio] }];
  }
  if ((op === "Squeeze" || op === "Unsqueeze" || op === "ReduceSum") && from < 13) {
    const axes = findAttr(node2, "axes") ? attrInts(node2, "axes", []) : void 0;
    const stripped = withoutAttrs(node2, ["axes"]);
    return [{ ...stripped, input: axes ? [x, em.ints(axes)] : [x] }];
  }
  if (op === "Split" && from < 13) {
    const split = findAttr(node2, "split") ? attrInts(node2, "split", []) : void 0;
    return [{ ...withoutAttrs(node2, ["split"]), input: split ? [x, em.ints(split)] : [x] }];
  }
  if (op === "Clip" && from < 11) {
    const min2 = findAttr(node2, "min") ? em.scalar(attrFloat(node2, "min", 0)) : "";
    const max2 = findAttr(node2, "max") ? em.scalar(attrFloat(node2, "max", 0)) : "";
    return [{ ...withoutAttrs(node2, ["min", "max"]), input: [x, min2, max2] }];
  }
  if (op === "Pad" && from < 11) {
    const pads = attrInts(node2, "pads", []);
    const value = attrFloat(node2, "value", 0);
    return [{ ...withoutAttrs(node2, ["pads", "value"]), input: [x, em.ints(pads), em.scalar(value)] }];
  }
  if (op === "Slice" && from < 10) {
    const starts = attrInts(node2, "starts", []);
    const ends = attrInts(node2, "ends", []);
    const axes = findAttr(node2, "axes") ? attrInts(node2, "axes", []) : void 0;
    return [{ ...withoutAttrs(node2, ["starts", "ends", "axes"]), input: [x, em.ints(starts), em.ints(ends), ...axes ? [em.ints(axes)] : []] }];
  }
  return [node2];
}

// src/train/tensor-data.ts
function sizeOf(dims) {
  return dims.reduce((a, b) => a * b, 1);
}
function copyBytes(raw) {
  const out2 = new ArrayBuffer(raw.byteLength);
  new Uint8Array(out2).set(raw);
  return out2;
}
function readTensor(t) {
  const dims = (t.dims ?? []).map(Number);
  const n = sizeOf(dims);
  const raw = t.rawData && t.rawData.byteLength > 0 ? copyBytes(t.rawData) : void 0;
  if (t.dataLocation === 1 && !raw) {
    throw new InputError(
      "MODEL_INVALID",
      `Initializer "${t.name}" keeps its values in an external data file that was not loaded; load the model with its external data (the .onnx file's folder must contain the data file) before building a training step.`
    );
  }
  switch (t.dataType) {
    case DataType.FLOAT:
      return { dtype: "float32", dims, data: raw ? new Float32Array(raw) : Float32Array.from(t.floatData ?? new Array(n).fill(0)) };
    case DataType.DOUBLE:
      return { dtype: "float64", dims, data: raw ? new Float64Array(raw) : Float64Array.from(t.doubleData ?? new Array(n).fill(0)) };
    case DataType.INT64:
      return { dtype: "int64", dims, data: raw ? new BigInt64Array(raw) : BigInt64Array.from((t.int64Data ?? []).map((v) => BigInt(v))) };
    case DataType.INT32:
      return { dtype: "int32", dims, data: raw ? new Int32Array(raw) : Int32Array.from(t.int32Data ?? []) };
    case DataType.BOOL:
      return { dtype: "bool", dims, data: raw ? new Uint8Array(raw) : Uint8Array.from(t.int32Data ?? []) };
    default:
      throw new InputError(
        "MODEL_INVALID",
        `Initializer "${t.name}" has ONNX element type ${t.dataType}; the training step reads float32, float64, int64, int32 and bool initializers. Convert the model's weights to float32 (e.g. onnxconverter-common's float16 \u2192 float32 conversion) before training.`
      );
  }
}
function readInts(t) {
  const d = readTensor(t);
  if (d.dtype !== "int64" && d.dtype !== "int32") return [];
  return Array.from(d.data, (v) => Number(v));
}
function zeros(dtype, dims) {
  const n = sizeOf(dims);
  return { dtype, dims, data: dtype === "float32" ? new Float32Array(n) : new Float64Array(n) };
}

// src/train/autodiff.ts
var TRAINING_OPSET = 17;
var MAX_SOURCE_OPSET = 23;
function modelLabel(proto) {
  return proto.graph?.name ? `model graph "${proto.graph.name}"` : "the model";
}
function sortNodes(nodes, available) {
  const produced = new Set(available);
  const pending = [...nodes];
  const sorted = [];
  while (pending.length) {
    const i = pending.findIndex((n2) => (n2.input ?? []).every((x) => !x || produced.has(x)));
    if (i < 0) {
      sorted.push(...pending);
      break;
    }
    const [n] = pending.splice(i, 1);
    sorted.push(n);
    for (const o of n.output ?? []) if (o) produced.add(o);
  }
  return sorted;
}
function prepareGraph(proto, opts = {}) {
  const graph = proto.graph;
  if (!graph) throw new InputError("MODEL_INVALID", "The model has no graph; a training step needs an inference model with a graph. Re-export the model.");
  const defaultOpset2 = (proto.opsetImport ?? []).find((o) => !o.domain || o.domain === "ai.onnx");
  const sourceOpset = Number(defaultOpset2?.version ?? 0);
  if (sourceOpset < MIN_SOURCE_OPSET || sourceOpset > MAX_SOURCE_OPSET) {
    throw new InputError(
      "MODEL_INVALID",
      `${modelLabel(proto)} imports default-domain opset ${sourceOpset || "(none)"}; the training step handles opsets ${MIN_SOURCE_OPSET}\u2013${MAX_SOURCE_OPSET}. Re-export the model with opset 13 or newer, e.g. torch.onnx.export(..., opset_version=17).`
    );
  }
  const opset = Math.max(TRAINING_OPSET, sourceOpset);
  const initializers = /* @__PURE__ */ new Map();
  for (const t of graph.initializer ?? []) if (t.name) initializers.set(t.name, t);
  const inputs = (graph.input ?? []).filter((v) => v.name && !initializers.has(v.name));
  const outputs = graph.output ?? [];
  const firstOut = outputs[0]?.type?.tensorType?.elemType;
  const floatType = firstOut === DataType.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
  if (firstOut !== void 0 && firstOut !== DataType.FLOAT && firstOut !== DataType.DOUBLE) {
    throw new InputError(
      "MODEL_INVALID",
      `${modelLabel(proto)}: output "${outputs[0]?.name}" has ONNX element type ${firstOut}; the training step computes in float32 or float64. Convert the model to float32 before training.`
    );
  }
  const taken = /* @__PURE__ */ new Set();
  for (const n of graph.node ?? []) {
    for (const x of [...n.input ?? [], ...n.output ?? []]) if (x) taken.add(x);
    if (n.name) taken.add(n.name);
  }
  for (const name of initializers.keys()) taken.add(name);
  for (const v of [...inputs, ...outputs]) if (v.name) taken.add(v.name);
  const em = new GraphEmitter(floatType, opset, taken);
  for (const [name, t] of initializers) {
    em.setShape(name, (t.dims ?? []).map(Number));
    if (t.dataType === DataType.INT64 || t.dataType === DataType.INT32) em.setInts(name, readInts(t));
    else if ((t.dataType === DataType.FLOAT || t.dataType === DataType.DOUBLE) && (t.dims ?? []).reduce((a, b) => a * Number(b), 1) <= 4) {
      em.setFloats(name, Array.from(readTensor(t).data, Number));
    }
  }
  for (const v of inputs) {
    const name = v.name;
    const given = opts.batchShapes?.[name];
    const dims = v.type?.tensorType?.shape?.dim;
    const shape = given ? [...given] : dims ? dims.map((d) => d.dimValue !== void 0 && d.dimValue !== null && Number(d.dimValue) > 0 ? Number(d.dimValue) : d.dimParam ? opts.dims?.[d.dimParam] ?? d.dimParam : unknownDim()) : void 0;
    em.setShape(name, shape);
  }
  const sorted = sortNodes(graph.node ?? [], /* @__PURE__ */ new Set([...initializers.keys(), ...inputs.map((v) => v.name)]));
  const nodes = [];
  const problems = [];
  for (const original of sorted) {
    const upgraded = sourceOpset < 13 ? upgradeNode(em, original, sourceOpset, (n) => em.shapeOf(n)?.length) : [original];
    if (typeof upgraded === "string") {
      problems.push(`${describeNode(original)}: ${upgraded}`);
      continue;
    }
    for (const n of upgraded) {
      nodes.push(n);
      if (n.opType === "Constant" && (!n.domain || n.domain === "ai.onnx")) {
        const value = (n.attribute ?? []).find((a) => a.name === "value")?.t;
        if (value) {
          em.setShape(n.output?.[0] ?? "", (value.dims ?? []).map(Number));
          if (value.dataType === DataType.INT64 || value.dataType === DataType.INT32) em.setInts(n.output?.[0] ?? "", readInts(value));
          else if (value.dataType === DataType.FLOAT || value.dataType === DataType.DOUBLE) em.setFloats(n.output?.[0] ?? "", Array.from(readTensor(value).data, Number));
        }
        continue;
      }
      const shapes = inferNode(n, (x) => em.shapeOf(x), (x) => em.intsOf(x));
      (n.output ?? []).forEach((o, i) => {
        if (o) em.setShape(o, shapes[i]);
      });
    }
  }
  if (problems.length) {
    throw new InputError(
      "MODEL_INVALID",
      `${modelLabel(proto)} (opset ${sourceOpset}) has nodes that cannot be brought to opset ${opset} for training:
  ${problems.join("\n  ")}
Re-export the model with opset 13 or newer.`
    );
  }
  return {
    sourceOpset,
    opset,
    floatType,
    em,
    nodes,
    initializers,
    inputs,
    outputs,
    otherOpsets: (proto.opsetImport ?? []).filter((o) => o.domain && o.domain !== "ai.onnx"),
    irVersion: Math.max(Number(proto.irVersion ?? 8), 8),
    graphName: graph.name ?? "model"
  };
}
function differentiableSlots(node2) {
  const rule = GRAD_RULES[node2.opType ?? ""];
  const all = (node2.input ?? []).map((_, i) => i);
  return rule?.differentiable ? rule.differentiable(node2) : all;
}
function isDefaultDomain(node2) {
  return !node2.domain || node2.domain === "ai.onnx";
}
var TRAINING_MODE_OPS = /* @__PURE__ */ new Set(["Dropout", "BatchNormalization"]);
var Differentiator = class {
  /**
   * @param prep the prepared graph
   * @param wrt tensors to differentiate with respect to (initializers or inputs)
   * @param targets tensors whose gradients will be seeded (the loss's inputs)
   */
  constructor(prep, wrt, targets) {
    this.prep = prep;
    const nodes = prep.nodes;
    for (const w of wrt) this.requires.add(w);
    for (const n of nodes) {
      if (!isDefaultDomain(n) || !NO_GRADIENT_OPS.has(n.opType ?? "")) {
        const slots = differentiableSlots(n);
        if (slots.some((i) => this.requires.has(n.input?.[i] ?? ""))) {
          const outs = GRAD_RULES[n.opType ?? ""] && isDefaultDomain(n) ? [n.output?.[0] ?? ""] : n.output ?? [];
          for (const o of outs) if (o) this.requires.add(o);
        }
      }
    }
    for (const t of targets) this.useful.add(t);
    this.onPath = new Array(nodes.length).fill(false);
    for (let k = nodes.length - 1; k >= 0; k--) {
      const n = nodes[k];
      if (!(n.output ?? []).some((o) => o && this.useful.has(o) && this.requires.has(o))) continue;
      const slots = differentiableSlots(n).filter((i) => this.requires.has(n.input?.[i] ?? ""));
      if (!slots.length) continue;
      this.onPath[k] = true;
      for (const i of slots) this.useful.add(n.input?.[i] ?? "");
    }
    this.trainable = wrt.filter((w) => this.useful.has(w));
    const unsupported = [];
    nodes.forEach((n, k) => {
      if (!this.onPath[k]) return;
      const rule = isDefaultDomain(n) ? GRAD_RULES[n.opType ?? ""] : void 0;
      const op = `${n.domain && n.domain !== "ai.onnx" ? `${n.domain}.` : ""}${n.opType}`;
      if (!rule) unsupported.push(`${op} node ${describeNode(n)}: no gradient for this op type`);
      else {
        const why = rule.check?.(n, prep.em);
        if (why) unsupported.push(`${op} node ${describeNode(n)}: ${why}`);
      }
    });
    if (unsupported.length) {
      throw new InputError(
        "UNSUPPORTED_OP",
        `Cannot build a training step for ${prep.graphName}: ${unsupported.length === 1 ? "one node" : `${unsupported.length} nodes`} between the trainable parameters and the loss cannot be differentiated:
  ${unsupported.join("\n  ")}
What you can do: freeze the parameters before these nodes (training.freeze: list their initializer names, so no gradient has to pass through them); replace the op with supported ones when exporting; or bring your own training-step model (training.step-model with its feedback mapping). Ops with gradients: ${supportedOps().join(", ")}.`
      );
    }
  }
  prep;
  /** The `wrt` tensors the targets depend on, in the order given. */
  trainable;
  requires = /* @__PURE__ */ new Set();
  useful = /* @__PURE__ */ new Set();
  onPath;
  saved = /* @__PURE__ */ new Map();
  /** Whether node k of the prepared graph lies between the parameters and the targets. */
  isOnPath(k) {
    return this.onPath[k];
  }
  /**
   * Emits the forward pass (training mode for Dropout and BatchNormalization).
   * Returns state updates: state tensor name → tensor holding its new value.
   */
  emitForward() {
    const em = this.prep.em;
    const updates = {};
    this.prep.nodes.forEach((n, k) => {
      const rule = isDefaultDomain(n) ? GRAD_RULES[n.opType ?? ""] : void 0;
      if (rule?.forward && (this.onPath[k] || TRAINING_MODE_OPS.has(n.opType ?? ""))) {
        const res = rule.forward(em, n) ?? {};
        this.saved.set(k, res);
        for (const [state, value] of Object.entries(res.stateUpdates ?? {})) if (!(state in updates)) updates[state] = value;
      } else {
        em.push(n);
      }
    });
    return updates;
  }
  /**
   * Emits the backward pass from the given seeds (tensor → name of its gradient) and returns
   * the gradient of every trainable tensor.
   */
  emitBackward(seeds) {
    const em = this.prep.em;
    const contributions = /* @__PURE__ */ new Map();
    const addGrad = (t, g) => {
      const list = contributions.get(t);
      if (list) list.push(g);
      else contributions.set(t, [g]);
    };
    const materialise = (t) => {
      const list = contributions.get(t);
      if (!list || list.length === 0) return void 0;
      if (list.length === 1) return list[0];
      const sum = em.one("Sum", list, {}, "grad_sum");
      em.setShape(sum, em.shapeOf(t));
      contributions.set(t, [sum]);
      return sum;
    };
    for (const [t, g] of Object.entries(seeds)) addGrad(t, g);
    const nodes = this.prep.nodes;
    for (let k = nodes.length - 1; k >= 0; k--) {
      if (!this.onPath[k]) continue;
      const n = nodes[k];
      const dOut = (n.output ?? []).map((o) => o ? materialise(o) : void 0);
      if (dOut.every((g) => g === void 0)) continue;
      const slots = new Set(differentiableSlots(n));
      const need = (n.input ?? []).map((x, i) => !!x && slots.has(i) && this.requires.has(x) && this.useful.has(x));
      const rule = GRAD_RULES[n.opType ?? ""];
      const grads = rule.backward(em, n, dOut, need, this.saved.get(k)?.saved ?? {});
      grads.forEach((g, i) => {
        const x = n.input?.[i];
        if (g && x && need[i]) {
          if (em.shapeOf(g) === void 0) em.setShape(g, em.shapeOf(x));
          addGrad(x, g);
        }
      });
    }
    const result = /* @__PURE__ */ new Map();
    for (const w of this.trainable) {
      const g = materialise(w);
      if (g) result.set(w, g);
    }
    return result;
  }
};
function outputInfo(em, name, elemType, shapeOf = name) {
  const s = em.shapeOf(shapeOf);
  return valueInfo(name, elemType, s ? s.map((d) => typeof d === "number" ? d : d.startsWith("?") ? `unk_${d.slice(1)}` : d) : void 0);
}

// src/train/losses.ts
var BCE_EPSILON = 1e-7;
function labelSpec(loss, floatDType, predShape) {
  if (loss === "cross-entropy") {
    return { dtype: "int64", shape: predShape ? predShape.filter((_, i) => i !== 1) : void 0 };
  }
  return { dtype: floatDType, shape: predShape };
}
function emitLoss(em, kind, pred, labels) {
  const predShape = em.shapeOf(pred);
  const floatDType = em.floatType === 11 ? "float64" : "float32";
  const spec = labelSpec(kind, floatDType, predShape);
  em.setShape(labels, spec.shape);
  const n = em.floatSize(pred, predShape);
  switch (kind) {
    case "mse": {
      const diff = em.one("Sub", [pred, labels], {}, "mse_diff");
      const loss = em.reduceMean(em.one("Mul", [diff, diff]), void 0, false);
      const dPrediction = em.one("Mul", [diff, em.one("Div", [em.scalar(2), n])], {}, "grad_mse");
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    case "bce": {
      const p = em.one("Clip", [pred, em.scalar(BCE_EPSILON), em.scalar(1 - BCE_EPSILON)], {}, "bce_p");
      const oneMinusP = em.one("Sub", [em.scalar(1), p]);
      const oneMinusT = em.one("Sub", [em.scalar(1), labels]);
      const ll = em.one("Add", [em.one("Mul", [labels, em.one("Log", [p])]), em.one("Mul", [oneMinusT, em.one("Log", [oneMinusP])])]);
      const loss = em.one("Neg", [em.reduceMean(ll, void 0, false)], {}, "bce_loss");
      const dPrediction = em.one("Div", [
        em.one("Sub", [p, labels]),
        em.one("Mul", [em.one("Mul", [p, oneMinusP]), n])
      ], {}, "grad_bce");
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    case "bce-logits": {
      const softplus = em.one("Log", [em.one("Add", [em.scalar(1), em.one("Exp", [em.one("Neg", [em.one("Abs", [pred])])])])]);
      const per = em.one("Add", [em.one("Sub", [em.one("Relu", [pred]), em.one("Mul", [pred, labels])]), softplus]);
      const loss = em.reduceMean(per, void 0, false);
      const dPrediction = em.one("Div", [em.one("Sub", [em.one("Sigmoid", [pred]), labels]), n], {}, "grad_bce_logits");
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    case "cross-entropy": {
      const classes = predShape?.[1];
      if (!predShape || predShape.length < 2 || typeof classes !== "number") {
        throw new InputError(
          "INPUT_INVALID",
          `cross-entropy needs logits shaped [N, C, ...] with a known class count C; the model output "${pred}" has shape ${predShape ? `[${predShape.join(", ")}]` : "unknown"}. Use loss mse or bce for other outputs, or declare the output's shape.`
        );
      }
      const [loss, logProb] = em.op("SoftmaxCrossEntropyLoss", [pred, labels], { reduction: "mean" }, 2, "ce");
      const rank = predShape.length;
      const classIds = em.ints(Array.from({ length: classes }, (_, i) => i), [1, classes, ...new Array(rank - 2).fill(1)]);
      const onehot = em.one("Cast", [em.one("Equal", [em.one("Unsqueeze", [labels, em.ints([1])]), classIds])], { to: em.floatType }, "onehot");
      const count2 = em.floatSize(labels, spec.shape);
      const dPrediction = em.one("Div", [em.one("Sub", [em.one("Exp", [logProb]), onehot]), count2], {}, "grad_cross_entropy");
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    default:
      throw new InputError("INPUT_INVALID", `Unknown loss "${String(kind)}"; expected mse, bce, bce-logits or cross-entropy.`);
  }
}
function synthesizeLabels(loss, dtype, shape, seed, classes) {
  if (!isStatic(shape)) {
    throw new InputError(
      "INPUT_INVALID",
      `Cannot synthesise labels for an output of shape ${shape ? `[${shape.join(", ")}]` : "unknown"}; give the batch size (dims: { N: 32 }) or explicit input shapes.`
    );
  }
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  if (loss === "cross-entropy") {
    const c = classes ?? 2;
    return { dtype: "int64", dims: shape, data: BigInt64Array.from({ length: n }, () => BigInt(rng.int(0, c - 1))) };
  }
  const values = Array.from({ length: n }, () => loss === "mse" ? rng.normal() : rng.next() < 0.5 ? 0 : 1);
  return dtype === "float64" ? { dtype, dims: shape, data: Float64Array.from(values) } : { dtype: "float32", dims: shape, data: Float32Array.from(values) };
}

// src/train/optimizers.ts
var OPTIMIZER_DEFAULTS = { momentum: 0.9, rho: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
function checkCoefficient(name, value, lo, hi, loOpen, hiOpen) {
  const ok = Number.isFinite(value) && (loOpen ? value > lo : value >= lo) && (hiOpen ? value < hi : value <= hi);
  if (!ok) {
    throw new InputError(
      "INPUT_INVALID",
      `training.${name} is ${value}; expected a number in ${loOpen ? "(" : "["}${lo}, ${hi}${hiOpen ? ")" : "]"}.`
    );
  }
}
function emitOptimizer(em, kind, params, opts, names) {
  const lr = opts.learningRate;
  checkCoefficient("learning-rate", lr, 0, Infinity, true, true);
  const newParameters = {};
  const state = [];
  const stateFor = (p, slot) => {
    const input = names.state(p.name, slot);
    em.setShape(input, p.dims);
    const output = names.newValue(input);
    state.push({ input, output, dims: p.dims });
    return { input, write: (op, inputs) => em.to(output, op, inputs) };
  };
  const writeParam = (p, op, inputs) => {
    newParameters[p.name] = em.to(names.newValue(p.name), op, inputs);
  };
  switch (kind) {
    case "sgd":
      for (const p of params) writeParam(p, "Sub", [p.name, em.one("Mul", [p.grad, em.scalar(lr)])]);
      break;
    case "momentum": {
      const mu = opts.momentum ?? OPTIMIZER_DEFAULTS.momentum;
      checkCoefficient("momentum", mu, 0, 1, false, true);
      for (const p of params) {
        const v = stateFor(p, "velocity");
        const vNew = v.write("Add", [em.one("Mul", [v.input, em.scalar(mu)]), p.grad]);
        writeParam(p, "Sub", [p.name, em.one("Mul", [vNew, em.scalar(lr)])]);
      }
      break;
    }
    case "rmsprop": {
      const rho = opts.rho ?? OPTIMIZER_DEFAULTS.rho;
      const eps = opts.epsilon ?? OPTIMIZER_DEFAULTS.epsilon;
      checkCoefficient("rho", rho, 0, 1, false, true);
      checkCoefficient("epsilon", eps, 0, Infinity, true, true);
      for (const p of params) {
        const s = stateFor(p, "square_avg");
        const sNew = s.write("Add", [
          em.one("Mul", [s.input, em.scalar(rho)]),
          em.one("Mul", [em.one("Mul", [p.grad, p.grad]), em.scalar(1 - rho)])
        ]);
        const step = em.one("Div", [em.one("Mul", [p.grad, em.scalar(lr)]), em.one("Add", [em.one("Sqrt", [sNew]), em.scalar(eps)])]);
        writeParam(p, "Sub", [p.name, step]);
      }
      break;
    }
    case "adam": {
      const b1 = opts.beta1 ?? OPTIMIZER_DEFAULTS.beta1;
      const b2 = opts.beta2 ?? OPTIMIZER_DEFAULTS.beta2;
      const eps = opts.epsilon ?? OPTIMIZER_DEFAULTS.epsilon;
      checkCoefficient("beta1", b1, 0, 1, false, true);
      checkCoefficient("beta2", b2, 0, 1, false, true);
      checkCoefficient("epsilon", eps, 0, Infinity, true, true);
      const stepIn = names.state("", "step");
      em.setShape(stepIn, []);
      const stepOut = names.newValue(stepIn);
      state.push({ input: stepIn, output: stepOut, dims: [] });
      const t = em.to(stepOut, "Add", [stepIn, em.scalar(1)]);
      const sqrtC2 = em.one("Sqrt", [em.one("Div", [em.scalar(1 - b2), em.one("Sub", [em.scalar(1), em.one("Pow", [em.scalar(b2), t])])])], {}, "adam_sqrt_c2");
      const a = em.one("Div", [em.scalar(lr * (1 - b1)), em.one("Mul", [em.one("Sub", [em.scalar(1), em.one("Pow", [em.scalar(b1), t])]), sqrtC2])], {}, "adam_step_size");
      const e = em.one("Div", [em.scalar(eps), sqrtC2], {}, "adam_eps");
      for (const p of params) {
        const m = stateFor(p, "m");
        const v = stateFor(p, "v");
        const mNew = m.write("Add", [em.one("Mul", [m.input, em.scalar(b1)]), p.grad]);
        const vNew = v.write("Add", [em.one("Mul", [v.input, em.scalar(b2)]), em.one("Mul", [p.grad, p.grad])]);
        const ratio = em.one("Div", [mNew, em.one("Add", [em.one("Sqrt", [vNew]), e])]);
        writeParam(p, "Sub", [p.name, em.one("Mul", [ratio, a])]);
      }
      break;
    }
    default:
      throw new InputError("INPUT_INVALID", `Unknown optimizer "${String(kind)}"; expected sgd, momentum, rmsprop or adam.`);
  }
  return { newParameters, state };
}

// src/train/index.ts
function isFrozen(name, patterns) {
  return patterns.some((p) => p.endsWith("*") ? name.startsWith(p.slice(0, -1)) : name === p);
}
function buildTrainingStep(proto, opts) {
  const prep = prepareGraph(proto, opts);
  const em = prep.em;
  const notes = [];
  const floatDType = prep.floatType === DataType.DOUBLE ? "float64" : "float32";
  const outputName = opts.output ?? prep.outputs[0]?.name;
  if (!outputName || !prep.outputs.some((o) => o.name === outputName)) {
    throw new InputError(
      "INPUT_INVALID",
      `The model has no output named "${outputName ?? ""}" to compute the loss on; its outputs are ${prep.outputs.map((o) => `"${o.name}"`).join(", ") || "(none)"}.`
    );
  }
  let pred = outputName;
  if (opts.loss === "cross-entropy") {
    const producer = prep.nodes.find((n) => n.output?.[0] === outputName);
    const rank = em.shapeOf(outputName)?.length;
    if (producer?.opType === "Softmax" && rank !== void 0 && normAxis(attrInt(producer, "axis", -1), rank) === 1) {
      pred = producer.input?.[0] ?? pred;
      notes.push(`cross-entropy is computed on the input of the final Softmax node "${producer.name ?? ""}" (the logits), not on its probabilities.`);
    }
  }
  const candidates = [];
  const frozen = [];
  for (const [name, t] of prep.initializers) {
    if (t.dataType !== DataType.FLOAT && t.dataType !== DataType.DOUBLE) continue;
    if (t.dataType !== prep.floatType || isFrozen(name, opts.freeze ?? [])) frozen.push(name);
    else candidates.push(name);
  }
  const diff = new Differentiator(prep, candidates, [pred]);
  const parameterNames = diff.trainable;
  for (const c of candidates) if (!parameterNames.includes(c)) frozen.push(c);
  if (parameterNames.length === 0) {
    throw new InputError(
      "INPUT_INVALID",
      `The model has no trainable parameters on the way to output "${outputName}": no float initializer reaches it${opts.freeze?.length ? ` (frozen: ${opts.freeze.join(", ")})` : ""}. Unfreeze some parameters, or check that the weights are initializers and not Constant nodes.`
    );
  }
  const stateUpdates = diff.emitForward();
  const labelInput = em.reserve("labels");
  const loss = emitLoss(em, opts.loss, pred, labelInput);
  const lossOutput = em.reserve("loss");
  em.to(lossOutput, "Identity", [loss.loss]);
  em.setShape(lossOutput, []);
  const grads = diff.emitBackward({ [pred]: loss.dPrediction });
  const paramDims = (name) => (prep.initializers.get(name).dims ?? []).map(Number);
  const opt = emitOptimizer(em, opts.optimizer, parameterNames.map((name) => ({ name, grad: grads.get(name), dims: paramDims(name) })), opts, {
    state: (param, slot) => em.reserve(param ? `train/state/${param}/${slot}` : `train/state/${slot}`),
    newValue: (name) => em.reserve(`train/new/${name.replace(/^train\/state\//, "state/")}`)
  });
  const feedback = {};
  const initialState = {};
  const outputs = [valueInfo(lossOutput, prep.floatType, [])];
  const stepInputs = [];
  for (const p of parameterNames) {
    const out2 = opt.newParameters[p];
    feedback[out2] = p;
    initialState[p] = readTensor(prep.initializers.get(p));
    stepInputs.push(valueInfo(p, prep.floatType, paramDims(p)));
    outputs.push(valueInfo(out2, prep.floatType, paramDims(p)));
  }
  const stateInputs = [];
  for (const s of opt.state) {
    feedback[s.output] = s.input;
    initialState[s.input] = zeros(floatDType, s.dims);
    stateInputs.push(s.input);
    stepInputs.push(valueInfo(s.input, prep.floatType, s.dims));
    outputs.push(valueInfo(s.output, prep.floatType, s.dims));
  }
  const runningStats = Object.keys(stateUpdates).filter((n) => prep.initializers.has(n));
  for (const name of runningStats) {
    const out2 = em.reserve(`train/new/${name}`);
    em.to(out2, "Identity", [stateUpdates[name]]);
    feedback[out2] = name;
    initialState[name] = readTensor(prep.initializers.get(name));
    stateInputs.push(name);
    stepInputs.push(valueInfo(name, prep.floatType, paramDims(name)));
    outputs.push(valueInfo(out2, prep.floatType, paramDims(name)));
  }
  const asInputs = /* @__PURE__ */ new Set([...parameterNames, ...runningStats]);
  const batchInputs = prep.inputs.map((v) => ({
    name: v.name,
    elemType: v.type?.tensorType?.elemType ?? prep.floatType,
    shape: em.shapeOf(v.name)
  }));
  const labelInfo = outputInfo(em, labelInput, loss.labelDType === "int64" ? DataType.INT64 : prep.floatType);
  const classes = opts.loss === "cross-entropy" ? em.shapeOf(pred)?.[1] : void 0;
  const pruned = pruneGraph(em.nodes, [...[...prep.initializers.values()].filter((t) => !asInputs.has(t.name ?? "")), ...em.initializers], outputs.map((o) => o.name));
  const model = {
    irVersion: prep.irVersion,
    producerName: "energy-budget",
    docString: `Training step (${opts.loss} loss, ${opts.optimizer}) built by energy-budget from ${prep.graphName}.`,
    opsetImport: [{ domain: "", version: prep.opset }, ...prep.otherOpsets],
    graph: {
      name: `${prep.graphName}_training_step`,
      node: pruned.nodes,
      initializer: pruned.initializers,
      input: [...batchInputs.map((b) => outputInfo(em, b.name, b.elemType)), labelInfo, ...stepInputs],
      output: outputs
    }
  };
  return {
    model,
    feedback,
    parameterNames,
    stateInputs,
    initialState,
    batchInputs,
    labelInput,
    label: { dtype: loss.labelDType, shape: loss.labelShape, ...typeof classes === "number" ? { classes } : {} },
    lossOutput,
    frozen,
    notes
  };
}
var JOULES_PER_KWH = 36e5;
function projectTraining(p) {
  const bad = [["batchSize", p.batchSize], ["datasetSize", p.datasetSize], ["epochs", p.epochs]].filter(([, v]) => !(Number.isFinite(v) && v > 0));
  if (bad.length || !(p.joulesPerStep >= 0) || !(p.carbonIntensityGPerKWh >= 0)) {
    throw new InputError(
      "INPUT_INVALID",
      `Cannot project the training run: ${[...bad.map(([k, v]) => `${k} = ${v}`), ...!(p.joulesPerStep >= 0) ? [`joulesPerStep = ${p.joulesPerStep}`] : [], ...!(p.carbonIntensityGPerKWh >= 0) ? [`carbon intensity = ${p.carbonIntensityGPerKWh}`] : []].join(", ")}; expected positive sizes and non-negative energy and intensity (e.g. dataset-size: 60000, epochs: 10).`
    );
  }
  const steps = Math.ceil(p.datasetSize / p.batchSize) * p.epochs;
  const joules = steps * p.joulesPerStep;
  const kWh = joules / JOULES_PER_KWH;
  return { datasetSize: p.datasetSize, epochs: p.epochs, steps, joules, kWh, gCO2e: kWh * p.carbonIntensityGPerKWh };
}

// src/train/runner.ts
import * as ort3 from "onnxruntime-node";
function describe(t) {
  return `${t.type}[${t.dims.join(", ")}]`;
}
function allocLike(t) {
  const n = t.size;
  switch (t.type) {
    case "float32":
      return new ort3.Tensor("float32", new Float32Array(n), t.dims);
    case "float64":
      return new ort3.Tensor("float64", new Float64Array(n), t.dims);
    case "int64":
      return new ort3.Tensor("int64", new BigInt64Array(n), t.dims);
    case "int32":
      return new ort3.Tensor("int32", new Int32Array(n), t.dims);
    case "bool":
      return new ort3.Tensor("bool", new Uint8Array(n), t.dims);
    case "float16":
      return new ort3.Tensor("float16", new Uint16Array(n), t.dims);
    default:
      throw new InputError("INPUT_INVALID", `A training-step output of type ${t.type} cannot be fed back; expected numeric tensors.`);
  }
}
function scalarOf(v, name) {
  const t = v;
  if (!t || t.size < 1) throw new InputError("INPUT_INVALID", `The training step's loss output "${name}" is empty; expected a scalar loss.`);
  return Number(t.data[0]);
}
function validateFeedback(session, initialFeeds, feedback, lossOutput) {
  const problems = [];
  for (const [o, i] of Object.entries(feedback)) {
    if (!session.outputNames.includes(o)) problems.push(`feedback output "${o}" is not an output of the step model (outputs: ${session.outputNames.join(", ")})`);
    if (!session.inputNames.includes(i)) problems.push(`feedback input "${i}" (for output "${o}") is not an input of the step model (inputs: ${session.inputNames.join(", ")})`);
  }
  const targets = Object.values(feedback);
  const dup = targets.filter((t, k) => targets.indexOf(t) !== k);
  if (dup.length) problems.push(`inputs fed by more than one output: ${[...new Set(dup)].join(", ")}`);
  const missing = session.inputNames.filter((n) => !(n in initialFeeds));
  if (missing.length) problems.push(`no initial value for inputs ${missing.join(", ")}`);
  let loss = lossOutput;
  if (!loss) {
    const free = session.outputNames.filter((o) => !(o in feedback));
    loss = session.outputNames.includes("loss") ? "loss" : free.length === 1 ? free[0] : void 0;
    if (!loss) problems.push(`cannot tell which output is the loss (outputs not fed back: ${free.join(", ") || "none"}); name it (training.loss-output)`);
  } else if (!session.outputNames.includes(loss)) {
    problems.push(`loss output "${loss}" is not an output of the step model`);
  }
  if (problems.length) {
    throw new InputError(
      "INPUT_INVALID",
      `The training step's output \u2192 input mapping does not fit the model:
  ${problems.join("\n  ")}
The mapping names, for each output that is next step's input (new weights, optimizer state), the input it replaces, e.g. feedback: { "fc1.weight.new": "fc1.weight" }.`
    );
  }
  return loss;
}
async function runTrainingBenchmark(session, initialFeeds, feedback, cfg, deps) {
  if (!(Number.isInteger(cfg.steps) && cfg.steps >= 1) || !(Number.isInteger(cfg.warmup) && cfg.warmup >= 0)) {
    throw new InputError("INPUT_INVALID", `training steps must be an integer >= 1 and warmup >= 0 (got steps ${cfg.steps}, warmup ${cfg.warmup}).`);
  }
  const lossName = validateFeedback(session, initialFeeds, feedback, cfg.lossOutput);
  const fedOutputs = Object.keys(feedback);
  const feeds = { ...initialFeeds };
  const losses = [];
  const notes = [];
  const first = await session.run(feeds);
  losses.push(scalarOf(first[lossName], lossName));
  for (const o of fedOutputs) {
    const produced = first[o];
    const target = initialFeeds[feedback[o]];
    if (produced.type !== target.type || produced.dims.join(",") !== target.dims.join(",")) {
      throw new InputError(
        "INPUT_INVALID",
        `Output "${o}" is ${describe(produced)} but feeds input "${feedback[o]}", which is ${describe(target)}; an output fed back must match its input's type and shape.`
      );
    }
  }
  let current = {};
  for (const o of fedOutputs) current[feedback[o]] = first[o];
  let preallocated = cfg.preallocate ?? true;
  let spare = {};
  const lossTensor = first[lossName];
  let lossBuffer;
  if (preallocated && (lossTensor.type === "float32" || lossTensor.type === "float64")) {
    for (const o of fedOutputs) spare[feedback[o]] = allocLike(first[o]);
    lossBuffer = allocLike(lossTensor);
  } else {
    preallocated = false;
  }
  const step = async () => {
    const stepFeeds = { ...feeds, ...current };
    if (preallocated && lossBuffer) {
      const fetches = {};
      for (const o of fedOutputs) fetches[o] = spare[feedback[o]];
      fetches[lossName] = lossBuffer;
      lossBuffer.data[0] = Number.NaN;
      let res2;
      try {
        res2 = await session.run(stepFeeds, fetches);
      } catch (e) {
        preallocated = false;
        notes.push(`outputs could not be written into preallocated tensors (${e instanceof Error ? e.message.split("\n")[0] : String(e)}); each step's outputs were taken as returned instead`);
        return step();
      }
      const written = scalarOf(lossBuffer, lossName);
      if (!Number.isNaN(written)) {
        const next3 = spare;
        spare = current;
        current = next3;
        return written;
      }
      const returned = scalarOf(res2[lossName], lossName);
      if (!Number.isNaN(returned)) {
        preallocated = false;
        notes.push("the session did not write into preallocated output tensors; each step's outputs were taken as returned instead");
      }
      const next2 = {};
      for (const o of fedOutputs) next2[feedback[o]] = res2[o];
      current = next2;
      return returned;
    }
    const res = await session.run(stepFeeds);
    const next = {};
    for (const o of fedOutputs) next[feedback[o]] = res[o];
    current = next;
    return scalarOf(res[lossName], lossName);
  };
  for (let i = 1; i < cfg.warmup; i++) losses.push(await step());
  const stepMs = [];
  const token = deps.meter ? await deps.meter.begin() : void 0;
  const start = deps.clockNs();
  for (let i = 0; i < cfg.steps; i++) {
    const t0 = deps.clockNs();
    losses.push(await step());
    stepMs.push(Number(deps.clockNs() - t0) / 1e6);
  }
  const totalMs = Number(deps.clockNs() - start) / 1e6;
  const energy = deps.meter && token ? await deps.meter.end(token) : void 0;
  return {
    steps: cfg.steps,
    warmup: cfg.warmup,
    stepMs,
    lossFirst: losses[0],
    lossLast: losses[losses.length - 1],
    losses,
    totalMs,
    ...energy ? { energy } : {},
    preallocated,
    notes
  };
}
function toOrtTensor(d) {
  return new ort3.Tensor(d.dtype, d.data, d.dims);
}

// src/measure-training.ts
async function builtStep(cfg, prepared) {
  const t = cfg.training;
  const step = buildTrainingStep(prepared.loaded.proto, {
    loss: t.loss,
    optimizer: t.optimizer,
    learningRate: t.learningRate,
    momentum: t.momentum,
    rho: t.rho,
    beta1: t.beta1,
    beta2: t.beta2,
    epsilon: t.epsilon,
    batchShapes: prepared.inputs.shapes,
    dims: cfg.dims
  });
  const feeds = {};
  for (const b of step.batchInputs) feeds[b.name] = prepared.inputs.feeds[b.name];
  const labels = synthesizeLabels(t.loss, step.label.dtype, step.label.shape, seedFrom(`${cfg.name}/labels`), step.label.classes);
  feeds[step.labelInput] = toOrtTensor(labels);
  for (const [name, data] of Object.entries(step.initialState)) feeds[name] = toOrtTensor(data);
  return { bytes: encodeModel(step.model), feeds, feedback: step.feedback, lossOutput: step.lossOutput, batchSize: prepared.inputs.batchSize, notes: step.notes };
}
async function ownStep(cfg, ctx) {
  const t = cfg.training;
  const label2 = `"${cfg.name}" training step-model (${t.stepModel})`;
  const loaded = await loadModel(t.stepModel, { label: label2 });
  const analysis = analyzeModel(loaded, { label: label2 });
  const inputs = await synthesizeInputs(analysis.inputs, {
    modelName: cfg.name,
    configFile: ctx.config.file,
    dims: cfg.dims,
    specs: cfg.inputs,
    seed: seedFrom(`${cfg.name}/step`),
    readFile: ctx.readFile
  });
  return { bytes: loaded.bytes, feeds: inputs.feeds, feedback: t.feedback ?? {}, batchSize: inputs.batchSize, notes: inputs.notices };
}
async function measureTraining(cfg, prepared, meter, ctx) {
  const t = cfg.training;
  const plan = t.stepModel ? await ownStep(cfg, ctx) : await builtStep(cfg, prepared);
  const session = await createSession(plan.bytes, { threads: cfg.threads, name: `"${cfg.name}" training step` });
  let result;
  try {
    result = await runTrainingBenchmark(session, plan.feeds, plan.feedback, { steps: t.steps, warmup: t.warmup, lossOutput: plan.lossOutput }, { clockNs: ctx.clockNs, meter });
  } finally {
    await session.release();
  }
  const sorted = Float64Array.from(result.stepMs).sort();
  const report = {
    steps: result.steps,
    batchSize: plan.batchSize,
    stepMs: { p50: percentile(sorted, 0.5), mean: mean(sorted), p95: percentile(sorted, 0.95) },
    samplesPerSecond: plan.batchSize * result.steps / (result.totalMs / 1e3),
    lossFirst: result.lossFirst,
    lossLast: result.lossLast,
    loss: t.stepModel ? void 0 : t.loss,
    optimizer: t.stepModel ? void 0 : t.optimizer
  };
  if (result.energy) {
    const w = result.energy;
    const estimated = w.estimated === true || w.method.includes("estimate");
    const perStep = w.energyJ / result.steps;
    report.energy = {
      joulesPerStep: perStep,
      joulesPerSample: perStep / plan.batchSize,
      method: w.method,
      estimated,
      description: `${estimated ? "ESTIMATE: " : ""}${meter.description}`
    };
    if (t.datasetSize) {
      const intensity = carbonFor({ energyJ: 0, durationS: 0, settings: ctx.config.power, env: ctx.env }).intensityGPerKWh;
      const p = projectTraining({ joulesPerStep: perStep, batchSize: plan.batchSize, datasetSize: t.datasetSize, epochs: t.epochs ?? 1, carbonIntensityGPerKWh: intensity });
      report.projection = { datasetSize: p.datasetSize, epochs: p.epochs, joules: p.joules, kWh: p.kWh, gCO2e: p.gCO2e };
    }
  }
  const notes = [...plan.notes, ...result.notes];
  if (notes.length) (prepared.report.notices ??= []).push(...notes.map((n) => `training: ${n}`));
  return report;
}

// src/optimize/advisor.ts
import { gzipSync } from "node:zlib";

// src/optimize/fidelity.ts
var RELATIVE_ERROR_FLOOR = 1e-3;
function toNumbers(data) {
  const out2 = new Float64Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (typeof v === "number") out2[i] = v;
    else if (typeof v === "bigint") out2[i] = Number(v);
    else if (typeof v === "boolean") out2[i] = v ? 1 : 0;
    else return null;
  }
  return out2;
}
function argmax(v, start, width) {
  let best = start;
  for (let i = start + 1; i < start + width; i++) if (v[i] > v[best]) best = i;
  return best - start;
}
function accumulate(acc, reference, variant) {
  const a = toNumbers(reference.data);
  const b = toNumbers(variant.data);
  if (!a || !b || a.length !== b.length) {
    acc.comparable = false;
    return;
  }
  let maxRef = 0;
  for (const v of a) if (Number.isFinite(v) && Math.abs(v) > maxRef) maxRef = Math.abs(v);
  const floor3 = Math.max(RELATIVE_ERROR_FLOOR * maxRef, Number.MIN_VALUE);
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) continue;
    if (!Number.isFinite(b[i])) {
      acc.newNonFinite++;
      acc.maxAbsError = Infinity;
      acc.maxRelError = Infinity;
      continue;
    }
    const err = Math.abs(a[i] - b[i]);
    if (err > acc.maxAbsError) acc.maxAbsError = err;
    const rel = err / Math.max(Math.abs(a[i]), floor3);
    if (rel > acc.maxRelError) acc.maxRelError = rel;
  }
  const isFloat = reference.type.startsWith("float") || reference.type === "bfloat16";
  if (!isFloat || reference.dims.length !== 2 || a.length === 0) {
    acc.classifier = false;
    return;
  }
  const width = reference.dims[reference.dims.length - 1];
  const rows = a.length / width;
  if (width > 1) {
    if (acc.kind === "threshold-0.5") acc.classifier = false;
    acc.kind = "argmax";
    for (let r = 0; r < rows; r++) if (argmax(a, r * width, width) === argmax(b, r * width, width)) acc.agree++;
    acc.rows += rows;
  } else {
    let probability = true;
    for (const v of a) if (!(v >= 0 && v <= 1)) probability = false;
    if (!probability || acc.kind === "argmax") {
      acc.classifier = false;
      return;
    }
    acc.kind = "threshold-0.5";
    for (let r = 0; r < rows; r++) if (a[r] >= 0.5 === b[r] >= 0.5) acc.agree++;
    acc.rows += rows;
  }
}
function compareOutputs(reference, variant) {
  if (reference.length !== variant.length) throw new Error(`compared ${reference.length} reference batches with ${variant.length} variant batches`);
  const accs = /* @__PURE__ */ new Map();
  reference.forEach((refBatch, k) => {
    for (const [name, ref] of Object.entries(refBatch)) {
      const v = variant[k][name];
      if (!v) throw new Error(`the variant has no output named ${name}`);
      let acc = accs.get(name);
      if (!acc) {
        acc = { name, maxAbsError: 0, maxRelError: 0, agree: 0, rows: 0, kind: null, classifier: true, newNonFinite: 0, comparable: true };
        accs.set(name, acc);
      }
      accumulate(acc, ref, v);
    }
  });
  const outputs = [...accs.values()].map((acc) => {
    const classifier = acc.comparable && acc.classifier && acc.kind !== null && acc.rows > 0;
    return {
      name: acc.name,
      maxAbsError: acc.comparable ? acc.maxAbsError : Number.NaN,
      maxRelError: acc.comparable ? acc.maxRelError : Number.NaN,
      top1Agreement: classifier ? acc.agree / acc.rows : null,
      agreementKind: classifier ? acc.kind : null,
      rows: classifier ? acc.rows : 0,
      newNonFinite: acc.newNonFinite
    };
  });
  const agreements = outputs.map((o) => o.top1Agreement).filter((x) => x !== null);
  return {
    batches: reference.length,
    maxAbsError: Math.max(0, ...outputs.map((o) => o.maxAbsError)),
    maxRelError: Math.max(0, ...outputs.map((o) => o.maxRelError)),
    top1Agreement: agreements.length > 0 ? Math.min(...agreements) : null,
    outputs
  };
}
async function runAll(bytes, batches, createSession2) {
  const session = await createSession2(bytes);
  try {
    const out2 = [];
    for (const feeds of batches) out2.push(await session.run(feeds));
    return out2;
  } finally {
    await session.release();
  }
}
async function measureFidelity(originalBytes, variantBytes, batches, createSession2) {
  const reference = await runAll(originalBytes, batches, createSession2);
  const variant = await runAll(variantBytes, batches, createSession2);
  return compareOutputs(reference, variant);
}

// src/optimize/session.ts
import * as ort4 from "onnxruntime-node";
var ortSessionFactory = async (modelBytes) => {
  const session = await ort4.InferenceSession.create(modelBytes, {
    executionProviders: ["cpu"],
    intraOpNumThreads: 1,
    graphOptimizationLevel: "all"
  });
  return {
    async run(feeds) {
      const out2 = await session.run(feeds);
      return Object.fromEntries(
        Object.entries(out2).map(([k, t]) => [k, { type: t.type, dims: t.dims, data: t.data }])
      );
    },
    release: () => session.release()
  };
};

// src/optimize/opset.ts
var BREAKING_CHANGES = {
  // Attributes moved to inputs.
  Slice: [10],
  // starts/ends/axes attributes → inputs
  TopK: [10],
  // k attribute → input
  Clip: [11],
  // min/max attributes → inputs
  Pad: [11],
  // pads/value attributes → inputs
  Resize: [11],
  // roi input added before scales
  Split: [13, 18],
  // split attribute → input; num_outputs added
  Squeeze: [13],
  // axes attribute → input
  Unsqueeze: [13],
  // axes attribute → input
  ReduceSum: [13],
  // axes attribute → input
  ReduceMean: [18],
  ReduceMax: [18],
  ReduceMin: [18],
  ReduceProd: [18],
  ReduceL1: [18],
  ReduceL2: [18],
  ReduceLogSum: [18],
  ReduceLogSumExp: [18],
  ReduceSumSquare: [18],
  // Meaning changed: before 13 these coerced the input to 2-D at `axis` (default 1); from 13
  // they work along one axis (default −1).
  Softmax: [13],
  LogSoftmax: [13],
  Hardmax: [13],
  // Removed or deprecated.
  Upsample: [10],
  // deprecated in favour of Resize
  Scatter: [11],
  // deprecated in favour of ScatterElements
  // Attributes removed.
  BatchNormalization: [9],
  // `spatial` removed
  Dropout: [12],
  // `ratio` attribute → input (handled below: it does nothing at inference)
  Scan: [9]
  // batch dimension removed
};
function defaultOpset(model) {
  const entry = (model.opsetImport ?? []).find((o) => !o.domain || o.domain === "ai.onnx");
  return entry?.version ?? 1;
}
function allNodes(nodes, out2 = []) {
  for (const n of nodes ?? []) {
    out2.push(n);
    for (const a of n.attribute ?? []) {
      if (a.g) allNodes(a.g.node, out2);
      for (const g of a.graphs ?? []) allNodes(g.node, out2);
    }
  }
  return out2;
}
function irVersionFor(opset) {
  if (opset >= 21) return 10;
  if (opset >= 19) return 9;
  if (opset >= 12) return 7;
  if (opset >= 11) return 6;
  if (opset >= 10) return 5;
  return 3;
}
function raiseOpset(model, minimum, why) {
  const current = defaultOpset(model);
  if (current >= minimum) return model;
  if (current < 7) {
    throw new InputError(
      "UNSUPPORTED_OP",
      `The model uses opset ${current}; ${why} needs opset ${minimum}, and energy-budget only raises opsets from 7 up. Re-export the model at opset 13 or later (torch.onnx.export(..., opset_version=13)) and try again.`
    );
  }
  const nodes = allNodes(model.graph?.node);
  const blocked = [];
  for (const n of nodes) {
    if (n.domain && n.domain !== "ai.onnx") continue;
    const op = n.opType ?? "";
    const changes = (BREAKING_CHANGES[op] ?? []).filter((v) => v > current && v <= minimum);
    if (changes.length === 0) continue;
    if (op === "Dropout") continue;
    blocked.push(`${n.name || "(unnamed)"} (${op}, changed at opset ${changes.join(", ")})`);
  }
  if (blocked.length > 0) {
    const shown = blocked.slice(0, 5).join("; ") + (blocked.length > 5 ? `; and ${blocked.length - 5} more` : "");
    throw new InputError(
      "UNSUPPORTED_OP",
      `${why} needs opset ${minimum}, but the model uses opset ${current} and these nodes changed meaning in between: ${shown}. Re-export the model at opset ${minimum} or later (torch.onnx.export(..., opset_version=${minimum})) and try again.`
    );
  }
  const stripDropout = (list) => list?.map(
    (n) => n.opType === "Dropout" && (!n.domain || n.domain === "ai.onnx") ? { ...n, attribute: (n.attribute ?? []).filter((a) => a.name !== "ratio" && a.name !== "is_test") } : n
  );
  const opsetImport = (model.opsetImport ?? []).filter((o) => o.domain && o.domain !== "ai.onnx");
  return {
    ...model,
    irVersion: Math.max(model.irVersion ?? 3, irVersionFor(minimum)),
    opsetImport: [{ domain: "", version: minimum }, ...opsetImport],
    graph: model.graph ? { ...model.graph, node: stripDropout(model.graph.node) } : model.graph
  };
}

// src/optimize/tensors.ts
function elementCount(dims) {
  return dims.reduce((a, b) => a * b, 1);
}
function isExternal2(t) {
  return t.dataLocation === 1 || (t.externalData?.length ?? 0) > 0;
}
function readFloat32(t) {
  if ((t.dataType ?? 0) !== DataType.FLOAT) throw new Error(`tensor ${t.name ?? "?"} is not float32`);
  if (isExternal2(t)) throw new Error(`tensor ${t.name ?? "?"} stores its data in an external file`);
  const n = elementCount(t.dims ?? []);
  let out2;
  if (t.rawData && t.rawData.byteLength > 0) {
    const copy = new Uint8Array(t.rawData.byteLength);
    copy.set(t.rawData);
    out2 = new Float32Array(copy.buffer);
  } else {
    out2 = Float32Array.from(t.floatData ?? []);
  }
  if (out2.length !== n) {
    throw new Error(`tensor ${t.name ?? "?"} has ${out2.length} values but its dims [${(t.dims ?? []).join(", ")}] need ${n}`);
  }
  return out2;
}
function bytesOf2(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
function tensorFrom(name, dims, dataType, data) {
  return { name, dims, dataType, rawData: bytesOf2(data) };
}
var f32Scratch = new Float32Array(1);
var u32Scratch = new Uint32Array(f32Scratch.buffer);
function float16Bits(value) {
  f32Scratch[0] = value;
  const x = u32Scratch[0];
  const sign = x >>> 16 & 32768;
  const exp2 = x >>> 23 & 255;
  let mant = x & 8388607;
  if (exp2 === 255) return sign | 31744 | (mant ? 512 : 0);
  const e = exp2 - 127 + 15;
  if (e >= 31) return sign | 31744;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 8388608;
    const shift = 14 - e;
    let half2 = mant >>> shift;
    const rest2 = mant & (1 << shift) - 1;
    const halfway = 1 << shift - 1;
    if (rest2 > halfway || rest2 === halfway && (half2 & 1) === 1) half2++;
    return sign | half2;
  }
  let half = e << 10 | mant >>> 13;
  const rest = mant & 8191;
  if (rest > 4096 || rest === 4096 && (half & 1) === 1) half++;
  return sign | half;
}
function toFloat16(values) {
  const out2 = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out2[i] = float16Bits(values[i]);
  return out2;
}
var FLOAT16_MAX = 65504;
function quantizePerChannel(values, dims, axis) {
  const channels = dims[axis];
  const inner = elementCount(dims.slice(axis + 1));
  const maxAbs = new Float64Array(channels);
  for (let i = 0; i < values.length; i++) {
    const c = Math.floor(i / inner) % channels;
    const a = Math.abs(values[i]);
    if (a > maxAbs[c]) maxAbs[c] = a;
  }
  const scales = new Float32Array(channels);
  for (let c = 0; c < channels; c++) scales[c] = maxAbs[c] > 0 ? Math.fround(maxAbs[c] / 127) : 1;
  const q = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const c = Math.floor(i / inner) % channels;
    const v = Math.round(values[i] / scales[c]);
    q[i] = v > 127 ? 127 : v < -127 ? -127 : v;
  }
  return { values: q, scales, axis };
}
function transpose2d(values, rows, cols) {
  const out2 = new Float32Array(values.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out2[c * rows + r] = values[r * cols + c];
  return out2;
}
function smallestMagnitudes(arrays, count2) {
  const masks = arrays.map((a) => new Uint8Array(a.length));
  if (count2 <= 0) return masks;
  const total = arrays.reduce((s, a) => s + a.length, 0);
  const mags = new Float32Array(total);
  let o = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) mags[o++] = Math.abs(a[i]);
  mags.sort();
  const threshold = mags[Math.min(count2, total) - 1];
  let below = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) if (Math.abs(a[i]) < threshold) below++;
  let tiesLeft = Math.min(count2, total) - below;
  arrays.forEach((a, k) => {
    const m = masks[k];
    for (let i = 0; i < a.length; i++) {
      const v = Math.abs(a[i]);
      if (v < threshold) m[i] = 1;
      else if (v === threshold && tiesLeft > 0) {
        m[i] = 1;
        tiesLeft--;
      }
    }
  });
  return masks;
}

// src/optimize/variants.ts
var DEFAULT_SPARSITY = 0.5;
var FP16_MIN_ELEMENTS = 16;
function attrInt2(n, name, fallback) {
  const a = (n.attribute ?? []).find((x) => x.name === name);
  return a?.i ?? fallback;
}
function attrFloat2(n, name, fallback) {
  const a = (n.attribute ?? []).find((x) => x.name === name);
  return a?.f ?? fallback;
}
function isDefaultDomain2(n) {
  return !n.domain || n.domain === "ai.onnx";
}
function weightSlot(use, rank) {
  const { node: n, input } = use;
  if (!isDefaultDomain2(n) || input !== 1) return null;
  switch (n.opType) {
    case "Conv":
      return rank >= 3 ? { op: "Conv", axis: 0 } : null;
    case "Gemm":
      return rank === 2 ? { op: "Gemm", axis: attrInt2(n, "transB", 0) ? 0 : 1 } : null;
    case "MatMul":
      return rank >= 2 ? { op: "MatMul", axis: rank - 1 } : null;
    default:
      return null;
  }
}
function indexGraph(model) {
  const graph = model.graph;
  if (!graph) throw new InputError("MODEL_INVALID", "The model has no graph (ModelProto.graph is empty); it is not a usable ONNX model.");
  const initializers = new Map((graph.initializer ?? []).map((t) => [t.name ?? "", t]));
  const uses = /* @__PURE__ */ new Map();
  const names = /* @__PURE__ */ new Set();
  for (const n of graph.node ?? []) {
    (n.input ?? []).forEach((name, input) => {
      if (!name) return;
      names.add(name);
      const list = uses.get(name) ?? [];
      list.push({ node: n, input });
      uses.set(name, list);
    });
    for (const o of n.output ?? []) names.add(o);
    if (n.name) names.add(n.name);
  }
  const bodyUse = (n, sub2) => {
    for (const inner of sub2.node ?? []) {
      for (const name of inner.input ?? []) {
        if (!name) continue;
        const list = uses.get(name) ?? [];
        list.push({ node: { opType: `${n.opType ?? "?"} body` }, input: -1 });
        uses.set(name, list);
      }
      for (const a of inner.attribute ?? []) for (const g of [...a.g ? [a.g] : [], ...a.graphs ?? []]) bodyUse(n, g);
    }
  };
  for (const n of graph.node ?? []) for (const a of n.attribute ?? []) for (const g of [...a.g ? [a.g] : [], ...a.graphs ?? []]) bodyUse(n, g);
  for (const o of graph.output ?? []) {
    const name = o.name ?? "";
    names.add(name);
    const list = uses.get(name) ?? [];
    list.push({ node: { opType: "(graph output)" }, input: -1 });
    uses.set(name, list);
  }
  for (const t of graph.initializer ?? []) names.add(t.name ?? "");
  for (const i of graph.input ?? []) names.add(i.name ?? "");
  return { graph, initializers, uses, graphInputs: new Set((graph.input ?? []).map((i) => i.name ?? "")), names };
}
function nameMaker(used) {
  return (base) => {
    let name = base;
    for (let k = 1; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    return name;
  };
}
function weightCandidates(ix, notes) {
  const out2 = [];
  for (const [name, tensor] of ix.initializers) {
    const uses = ix.uses.get(name) ?? [];
    const dims = (tensor.dims ?? []).map(Number);
    const slots = uses.map((u) => weightSlot(u, dims.length));
    if (!slots.some((s) => s)) continue;
    if ((tensor.dataType ?? 0) !== DataType.FLOAT) {
      notes.push(`${name}: left as is, stored as data type ${tensor.dataType}, not float32.`);
      continue;
    }
    if (isExternal2(tensor)) {
      notes.push(`${name}: left as is, its data is in an external file.`);
      continue;
    }
    if (slots.some((s) => !s)) {
      const other = uses.filter((_, k) => !slots[k]).map((u) => u.node.opType).join(", ");
      notes.push(`${name}: left as is, it also feeds ${other}.`);
      continue;
    }
    out2.push({ tensor, name, dims, slots, uses });
  }
  return out2;
}
function withGraph(model, ix, change) {
  const g = ix.graph;
  const graph = {
    ...g,
    node: change.nodes,
    initializer: [...(g.initializer ?? []).filter((t) => !change.removed.has(t.name ?? "")), ...change.initializers],
    input: (g.input ?? []).filter((i) => !change.removed.has(i.name ?? "")),
    valueInfo: (g.valueInfo ?? []).filter((v) => !change.removed.has(v.name ?? ""))
  };
  return { ...model, graph };
}
var pct = (x) => `${(x * 100).toFixed(1).replace(/\.0$/, "")}%`;
function int8WeightsVariant(model) {
  const notes = [];
  const ix = indexGraph(model);
  const fresh = nameMaker(ix.names);
  const dq = [];
  const added = [];
  const removed = /* @__PURE__ */ new Set();
  const weights = [];
  for (const c of weightCandidates(ix, notes)) {
    const axes = new Set(c.slots.map((s) => s.axis));
    if (axes.size > 1) {
      notes.push(`${c.name}: left as is, its consumers need different channel axes.`);
      continue;
    }
    const axis = c.slots[0].axis;
    const q = quantizePerChannel(readFloat32(c.tensor), c.dims, axis);
    const qName = fresh(`${c.name}_quantized`);
    const sName = fresh(`${c.name}_scale`);
    const zName = fresh(`${c.name}_zero_point`);
    added.push(
      tensorFrom(qName, c.dims, DataType.INT8, q.values),
      tensorFrom(sName, [q.scales.length], DataType.FLOAT, q.scales),
      tensorFrom(zName, [q.scales.length], DataType.INT8, new Int8Array(q.scales.length))
    );
    dq.push(node("DequantizeLinear", [qName, sName, zName], [c.name], { axis }, fresh(`${c.name}_DequantizeLinear`)));
    removed.add(c.name);
    weights.push({ name: c.name, ops: [...new Set(c.slots.map((s) => s.op))], elements: elementCount(c.dims), storage: `int8 per-channel (axis ${axis})` });
  }
  if (weights.length === 0) {
    return { variant: "int8-weights", label: "int8 weights", model, weights, notes: ["No Conv, Gemm or MatMul weight is a float32 initializer; nothing to quantise.", ...notes], opset: defaultOpset(model) };
  }
  const rewritten = withGraph(model, ix, { nodes: [...dq, ...ix.graph.node ?? []], initializers: added, removed });
  const before = defaultOpset(model);
  const out2 = raiseOpset(rewritten, 13, "Per-channel DequantizeLinear (the axis attribute)");
  if (defaultOpset(out2) !== before) notes.push(`Opset raised from ${before} to ${defaultOpset(out2)} for per-channel DequantizeLinear.`);
  notes.push(
    "The arithmetic stays float32: onnxruntime does not constant-fold DequantizeLinear, so every run dequantises the weights first; the file shrinks about 4\xD7, latency can rise slightly."
  );
  return { variant: "int8-weights", label: "int8 weights", model: out2, weights, notes, opset: defaultOpset(out2) };
}
function int8DynamicVariant(model) {
  const notes = [];
  const ix = indexGraph(model);
  const fresh = nameMaker(ix.names);
  const candidates = new Map(weightCandidates(ix, notes).map((c) => [c.name, c]));
  const added = [];
  const removed = /* @__PURE__ */ new Set();
  const weights = [];
  const nodes = [];
  const quantized = /* @__PURE__ */ new Map();
  const quantizeActivation = (x) => {
    let hit = quantized.get(x);
    if (!hit) {
      hit = { q: fresh(`${x}_quantized`), scale: fresh(`${x}_scale`), zero: fresh(`${x}_zero_point`) };
      nodes.push(node("DynamicQuantizeLinear", [x], [hit.q, hit.scale, hit.zero], {}, fresh(`${x}_DynamicQuantizeLinear`)));
      quantized.set(x, hit);
    }
    return hit;
  };
  for (const n of ix.graph.node ?? []) {
    const op = n.opType ?? "";
    const x = n.input?.[0] ?? "";
    const w = n.input?.[1] ?? "";
    const c = candidates.get(w);
    const y = n.output?.[0] ?? "";
    const eligible = isDefaultDomain2(n) && c !== void 0 && x !== "" && !ix.initializers.has(x) && c.uses.length === 1 && (op === "MatMul" && c.dims.length === 2 || op === "Gemm" && attrInt2(n, "transA", 0) === 0 || op === "Conv" && (n.input?.[2] === void 0 || n.input[2] === "" || ix.initializers.has(n.input[2])));
    if (!eligible) {
      if (c && c.uses.length > 1 && ["MatMul", "Gemm", "Conv"].includes(op)) notes.push(`${w}: left float32, it is shared by ${c.uses.length} nodes.`);
      else if (c && op === "Gemm") notes.push(`${n.name || y}: Gemm with transA = 1 left float32.`);
      else if (c && op === "MatMul") notes.push(`${n.name || y}: MatMul with a ${c.dims.length}-D weight left float32.`);
      else if (c && op === "Conv") notes.push(`${n.name || y}: Conv whose bias is computed at run time left float32.`);
      nodes.push(n);
      continue;
    }
    const values = readFloat32(c.tensor);
    let matrix = values;
    let wDims = c.dims;
    if (op === "Gemm" && attrInt2(n, "transB", 0)) {
      matrix = transpose2d(values, c.dims[0], c.dims[1]);
      wDims = [c.dims[1], c.dims[0]];
    }
    const axis = op === "Conv" ? 0 : 1;
    const qw = quantizePerChannel(matrix, wDims, axis);
    const alpha = op === "Gemm" ? attrFloat2(n, "alpha", 1) : 1;
    const scales = alpha === 1 ? qw.scales : qw.scales.map((s) => s * alpha);
    const scaleDims = op === "Conv" ? [wDims[0], ...wDims.slice(2).map(() => 1)] : [wDims[1]];
    const qName = fresh(`${w}_quantized`);
    const sName = fresh(`${w}_scale`);
    const zName = fresh(`${w}_zero_point`);
    added.push(
      tensorFrom(qName, wDims, DataType.INT8, qw.values),
      tensorFrom(sName, scaleDims, DataType.FLOAT, scales),
      // A scalar zero point: onnxruntime's ConvInteger accepts only per-tensor zero points,
      // and symmetric quantisation makes it 0 for every channel anyway.
      tensorFrom(zName, [], DataType.INT8, new Int8Array(1))
    );
    removed.add(w);
    weights.push({ name: w, ops: [op], elements: elementCount(c.dims), storage: `int8 per-channel (axis ${axis}), activations uint8 at run time` });
    const a = quantizeActivation(x);
    const base = n.name || y;
    const yInt = fresh(`${y}_int32`);
    const yFloat = fresh(`${y}_int32_float`);
    const scale2 = fresh(`${y}_rescale`);
    if (op === "Conv") {
      const attrs = (n.attribute ?? []).filter((at) => ["auto_pad", "dilations", "group", "kernel_shape", "pads", "strides"].includes(at.name ?? ""));
      nodes.push({ opType: "ConvInteger", input: [a.q, qName, a.zero, zName], output: [yInt], name: fresh(`${base}_ConvInteger`), attribute: attrs });
    } else {
      nodes.push(node("MatMulInteger", [a.q, qName, a.zero, zName], [yInt], {}, fresh(`${base}_MatMulInteger`)));
    }
    nodes.push(node("Cast", [yInt], [yFloat], { to: DataType.FLOAT }, fresh(`${base}_Cast`)));
    nodes.push(node("Mul", [a.scale, sName], [scale2], {}, fresh(`${base}_scale_Mul`)));
    let bias;
    if (op === "Conv" && n.input?.[2]) {
      const b = ix.initializers.get(n.input[2]);
      if (b) {
        const bName = fresh(`${n.input[2]}_channels`);
        added.push({ ...b, name: bName, dims: scaleDims });
        bias = bName;
      }
    } else if (op === "Gemm" && n.input?.[2]) {
      const beta = attrFloat2(n, "beta", 1);
      const cName = n.input[2];
      const cInit = ix.initializers.get(cName);
      if (beta === 1) bias = cName;
      else if (cInit && (cInit.dataType ?? 0) === DataType.FLOAT && !isExternal2(cInit)) {
        bias = fresh(`${cName}_beta`);
        added.push(tensorFrom(bias, (cInit.dims ?? []).map(Number), DataType.FLOAT, readFloat32(cInit).map((v) => v * beta)));
      } else {
        const betaName = fresh(`${base}_beta`);
        added.push(tensorFrom(betaName, [], DataType.FLOAT, Float32Array.of(beta)));
        bias = fresh(`${cName}_times_beta`);
        nodes.push(node("Mul", [cName, betaName], [bias], {}, fresh(`${base}_beta_Mul`)));
      }
    }
    if (bias) {
      const scaled = fresh(`${y}_scaled`);
      nodes.push(node("Mul", [yFloat, scale2], [scaled], {}, fresh(`${base}_Mul`)));
      nodes.push(node("Add", [scaled, bias], [y], {}, fresh(`${base}_bias_Add`)));
    } else {
      nodes.push(node("Mul", [yFloat, scale2], [y], {}, fresh(`${base}_Mul`)));
    }
  }
  const stillUsed = new Set(nodes.flatMap((n) => n.input ?? []));
  for (const o of ix.graph.output ?? []) stillUsed.add(o.name ?? "");
  for (const t of ix.graph.initializer ?? []) {
    const name = t.name ?? "";
    if ((ix.uses.get(name)?.length ?? 0) > 0 && !stillUsed.has(name)) removed.add(name);
  }
  if (weights.length === 0) {
    return { variant: "int8-dynamic", label: "dynamic int8", model, weights, notes: ["No MatMul, Gemm or Conv with a float32 initializer weight to quantise.", ...notes], opset: defaultOpset(model) };
  }
  const before = defaultOpset(model);
  const out2 = raiseOpset(withGraph(model, ix, { nodes, initializers: added, removed }), 11, "DynamicQuantizeLinear");
  if (defaultOpset(out2) !== before) notes.push(`Opset raised from ${before} to ${defaultOpset(out2)} for DynamicQuantizeLinear.`);
  notes.push(
    "uint8 activations \xD7 int8 weights: on x86 CPUs without VNNI, onnxruntime multiplies these with VPMADDUBSW, whose 16-bit sums can saturate (onnxruntime quantization docs); the fidelity figures show whether it matters for this model."
  );
  return { variant: "int8-dynamic", label: "dynamic int8", model: out2, weights, notes, opset: defaultOpset(out2) };
}
function fp16Variant(model) {
  const notes = [];
  const ix = indexGraph(model);
  const fresh = nameMaker(ix.names);
  const casts = [];
  const added = [];
  const removed = /* @__PURE__ */ new Set();
  const weights = [];
  let small = 0;
  for (const [name, t] of ix.initializers) {
    if ((t.dataType ?? 0) !== DataType.FLOAT || isExternal2(t)) continue;
    const dims = (t.dims ?? []).map(Number);
    const n = elementCount(dims);
    if (n < FP16_MIN_ELEMENTS) {
      small++;
      continue;
    }
    if ((ix.uses.get(name) ?? []).some((u) => u.input < 0)) {
      notes.push(`${name}: left float32, it is also a graph output.`);
      continue;
    }
    const values = readFloat32(t);
    let maxAbs = 0;
    for (const v of values) if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
    if (maxAbs > FLOAT16_MAX) {
      notes.push(`${name}: left float32, it holds ${maxAbs.toExponential(2)}, beyond float16's \xB165504.`);
      continue;
    }
    const hName = fresh(`${name}_fp16`);
    added.push(tensorFrom(hName, dims, DataType.FLOAT16, toFloat16(values)));
    casts.push(node("Cast", [hName], [name], { to: DataType.FLOAT }, fresh(`${name}_Cast`)));
    removed.add(name);
    const ops = [...new Set((ix.uses.get(name) ?? []).map((u) => u.node.opType ?? ""))];
    weights.push({ name, ops, elements: n, storage: "float16" });
  }
  if (small > 0) notes.push(`${small} float32 initializer(s) under ${FP16_MIN_ELEMENTS} elements left float32 (scalars, epsilons, shape-like constants).`);
  if (weights.length === 0) {
    return { variant: "fp16", label: "fp16 weights", model, weights, notes: ["No float32 initializer to convert.", ...notes], opset: defaultOpset(model) };
  }
  const out2 = raiseOpset(withGraph(model, ix, { nodes: [...casts, ...ix.graph.node ?? []], initializers: added, removed }), 6, "Cast");
  notes.push("Weights are stored as float16 and cast back to float32, so every op still computes in float32; the file halves, the arithmetic does not change.");
  return { variant: "fp16", label: "fp16 weights", model: out2, weights, notes, opset: defaultOpset(out2) };
}
function pruneVariant(model, sparsity = DEFAULT_SPARSITY, scope = "per-tensor") {
  if (!(sparsity >= 0 && sparsity < 1)) {
    throw new InputError("ARGUMENT_INVALID", `The pruning sparsity must be a fraction from 0 up to (not including) 1, such as 0.5; got ${sparsity}.`);
  }
  const notes = [];
  const ix = indexGraph(model);
  const label2 = `pruned ${pct(sparsity)}`;
  const candidates = weightCandidates(ix, notes);
  if (candidates.length === 0) {
    return { variant: "prune", label: label2, model, weights: [], notes: ["No Conv, Gemm or MatMul weight is a float32 initializer; nothing to prune.", ...notes], opset: defaultOpset(model), sparsity: 0 };
  }
  const values = candidates.map((c) => readFloat32(c.tensor));
  const masks = scope === "global" ? smallestMagnitudes(values, Math.round(sparsity * values.reduce((s, v) => s + v.length, 0))) : values.map((v) => smallestMagnitudes([v], Math.round(sparsity * v.length))[0]);
  const replaced = /* @__PURE__ */ new Map();
  const weights = [];
  let zeros2 = 0;
  let total = 0;
  candidates.forEach((c, k) => {
    const v = values[k];
    const m = masks[k];
    let z = 0;
    for (let i = 0; i < v.length; i++) {
      if (m[i]) v[i] = 0;
      if (v[i] === 0) z++;
    }
    zeros2 += z;
    total += v.length;
    replaced.set(c.name, tensorFrom(c.name, c.dims, DataType.FLOAT, v));
    weights.push({ name: c.name, ops: [...new Set(c.slots.map((s) => s.op))], elements: v.length, storage: `pruned ${pct(z / v.length)}` });
  });
  notes.push(
    "Pruned weights are still stored and multiplied densely: onnxruntime's CPU kernels do the same work on zeros, so latency and energy do not drop, and the file keeps its size; the saving shows only once the file is compressed (gzip size)."
  );
  const graph = { ...ix.graph, initializer: (ix.graph.initializer ?? []).map((t) => replaced.get(t.name ?? "") ?? t) };
  return { variant: "prune", label: label2, model: { ...model, graph }, weights, notes, opset: defaultOpset(model), sparsity: total ? zeros2 / total : 0 };
}
function buildVariant(model, variant, options = {}) {
  switch (variant) {
    case "int8-weights":
      return int8WeightsVariant(model);
    case "int8-dynamic":
      return int8DynamicVariant(model);
    case "fp16":
      return fp16Variant(model);
    case "prune":
      return pruneVariant(model, options.sparsity ?? DEFAULT_SPARSITY, options.pruneScope ?? "per-tensor");
  }
}

// src/optimize/types.ts
var VARIANT_IDS = ["int8-weights", "int8-dynamic", "fp16", "prune"];

// src/optimize/advisor.ts
var GZIP_LEVEL = 9;
function gzipSize(bytes) {
  return gzipSync(bytes, { level: GZIP_LEVEL }).length;
}
function figures(m, gzipBytes) {
  const out2 = { sizeBytes: m.sizeBytes, gzipBytes, flops: m.flops, latencyMs: { p50: m.latencyMs.p50, mean: m.latencyMs.mean } };
  if (m.energyJPerInference !== void 0) {
    const method = m.energyMethod ?? "unknown";
    out2.energy = { joulesPerInference: m.energyJPerInference, method, estimated: m.energyEstimated ?? /estimat/i.test(method) };
  }
  return out2;
}
function percentChange(before, after) {
  if (before === 0) return after === 0 ? 0 : Infinity;
  return (after - before) / before * 100;
}
function deltas(o, v) {
  const d = {
    sizePct: percentChange(o.sizeBytes, v.sizeBytes),
    gzipPct: percentChange(o.gzipBytes, v.gzipBytes),
    flopsPct: percentChange(o.flops, v.flops),
    latencyP50Pct: percentChange(o.latencyMs.p50, v.latencyMs.p50),
    latencyMeanPct: percentChange(o.latencyMs.mean, v.latencyMs.mean)
  };
  if (o.energy && v.energy) d.energyPct = percentChange(o.energy.joulesPerInference, v.energy.joulesPerInference);
  return d;
}
function formatPercent(pct2) {
  if (!Number.isFinite(pct2)) return pct2 > 0 ? "+\u221E%" : "n/a";
  const digits = Math.abs(pct2) < 10 ? 1 : 0;
  const text = Math.abs(pct2).toFixed(digits).replace(/\.0$/, "");
  if (text === "0") return "\xB10%";
  return `${pct2 < 0 ? "\u2212" : "+"}${text}%`;
}
function formatShare(x) {
  const p = x * 100;
  return p === 100 ? "100%" : `${p.toFixed(1)}%`;
}
function summarizeAdvice(a) {
  if (a.status !== "ok" || !a.deltas || !a.figures) {
    return `${a.label}: ${a.status === "failed" ? "failed" : "not applicable"}${a.reason ? ` (${a.reason})` : ""}`;
  }
  const d = a.deltas;
  const parts = [`${formatPercent(d.sizePct)} size`];
  if (a.variant === "prune") parts[0] += ` (${formatPercent(d.gzipPct)} gzipped)`;
  if (d.energyPct !== void 0 && a.figures.energy) {
    const e = a.figures.energy;
    parts.push(`${formatPercent(d.energyPct)} energy per inference (${e.estimated && !/estimat/i.test(e.method) ? `${e.method}, estimated` : e.method})`);
  }
  parts.push(`${formatPercent(d.latencyP50Pct)} latency p50`);
  const f = a.fidelity;
  if (f) {
    if (f.top1Agreement !== null) parts.push(`top-1 agreement ${formatShare(f.top1Agreement)}`);
    parts.push(`max abs error ${Number.isFinite(f.maxAbsError) ? f.maxAbsError.toPrecision(2) : "non-finite"}`);
  }
  return `${a.label}: ${parts.join(", ")}`;
}
function withSummary(a) {
  return { ...a, summary: summarizeAdvice(a) };
}
function describe2(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0].slice(0, 400);
}
async function adviseModel(loaded, options) {
  const batches = Array.isArray(options.feeds) ? options.feeds : [options.feeds];
  const createSession2 = options.createSession ?? ortSessionFactory;
  const originalMeasurement = options.originalMeasurement ?? await options.measure(loaded.bytes, { variant: "original" });
  const original = figures(originalMeasurement, gzipSize(loaded.bytes));
  const advice = [];
  for (const variant of options.variants ?? VARIANT_IDS) {
    let label2 = variant;
    let notes = [];
    try {
      const built = buildVariant(loaded.proto, variant, options.variantOptions);
      label2 = built.label;
      notes = built.notes;
      if (built.weights.length === 0) {
        advice.push(withSummary({ variant, label: label2, status: "not-applicable", reason: notes[0], notes, weights: [] }));
        continue;
      }
      const bytes = encodeModel(built.model);
      const fidelity = await measureFidelity(loaded.bytes, bytes, batches, createSession2);
      const measured = figures(await options.measure(bytes, { variant }), gzipSize(bytes));
      advice.push(
        withSummary({
          variant,
          label: label2,
          status: "ok",
          figures: measured,
          original,
          deltas: deltas(original, measured),
          fidelity,
          weights: built.weights,
          notes
        })
      );
    } catch (error) {
      const notApplicable = error instanceof EnergyBudgetError && error.code === "UNSUPPORTED_OP";
      advice.push(withSummary({ variant, label: label2, status: notApplicable ? "not-applicable" : "failed", reason: describe2(error), notes }));
    }
  }
  return advice;
}

// src/measure.ts
function label(cfg) {
  return `"${cfg.name}" (${cfg.pathInConfig})`;
}
async function prepareModel(cfg, path2, ctx) {
  const modelIndex = ctx.config.models.indexOf(cfg);
  const loaded = await loadModel(path2, { label: label(cfg) });
  const analysis = analyzeModel(loaded, { label: label(cfg) });
  const inputs = await synthesizeInputs(analysis.inputs, {
    modelName: cfg.name,
    modelIndex: modelIndex >= 0 ? modelIndex : void 0,
    configFile: ctx.config.file,
    dims: cfg.dims,
    specs: cfg.inputs,
    seed: seedFrom(cfg.name),
    readFile: ctx.readFile
  });
  const shapes = await resolveShapes(loaded, inputs.feeds, (bytes) => createSession(bytes, { threads: cfg.threads, name: label(cfg) }));
  const flops = computeFlops(loaded.proto, shapes);
  const notices = [...inputs.notices];
  if (flops.uncounted.length) {
    notices.push(`FLOPs do not include these op types (see docs/flops.md): ${flops.uncounted.join(", ")}`);
  }
  const report = {
    name: cfg.name,
    path: cfg.pathInConfig,
    size: { ...analysis.size },
    flops: flops.total,
    opset: analysis.opset,
    ops: analysis.ops,
    inputs: analysis.inputs,
    outputs: analysis.outputs,
    budgets: [],
    notices
  };
  return { loaded, inputs, report };
}
async function withMeter(cfg, ctx, use) {
  const { meter, notices } = await openMeter(cfg.energy, {
    sysfsRoot: ctx.sysfsRoot,
    procRoot: ctx.procRoot,
    env: ctx.env,
    power: ctx.config.power,
    device: cfg.device
  });
  const shown = ctx.shown ??= /* @__PURE__ */ new Set();
  for (const n of notices) {
    if (!shown.has(n)) ctx.logger.warn(n);
    shown.add(n);
  }
  try {
    return await use(meter);
  } finally {
    await meter.close();
  }
}
function energyReport(window2, calls, batch, description, ctx) {
  const perCall = window2.energyJ / calls;
  const estimated = window2.estimated === true || window2.method.includes("estimate");
  const sigma = window2.uncertaintyJ !== void 0 ? window2.uncertaintyJ / calls : void 0;
  const carbon = carbonFor({ energyJ: perCall, durationS: window2.durationS / calls, settings: ctx.config.power, env: ctx.env, energyEstimated: estimated });
  return {
    joulesPerInference: perCall,
    joulesPerSample: perCall / batch,
    joulesPer1000Inferences: perCall * 1e3,
    method: window2.method,
    estimated,
    // One window: the interval is the meter's own stated uncertainty (±1.96σ), not run-to-run spread.
    ...sigma !== void 0 ? { ci95: [Math.max(0, perCall - 1.96 * sigma), perCall + 1.96 * sigma] } : {},
    ...window2.attributableJ !== void 0 ? { attributableJoulesPerInference: window2.attributableJ / calls } : {},
    description: estimated ? `ESTIMATE: ${description}` : description,
    carbon,
    notes: window2.notes
  };
}
async function runInference(cfg, prepared, session, meter, ctx) {
  const inference = cfg.inference;
  const batch = prepared.inputs.batchSize;
  const result = await runInferenceBenchmark(session, prepared.inputs.feeds, { ...inference, batchSize: batch }, { clockNs: ctx.clockNs, meter });
  const report = {
    batchSize: batch,
    runs: result.runs,
    warmup: inference.warmup,
    threads: cfg.threads,
    latencyMs: result.latencyMs,
    throughput: result.throughput,
    relativeCi95: result.relativeCi95,
    peakMemoryBytes: result.peakMemoryBytes,
    nonFinite: result.nonFinite
  };
  if (result.energy) report.energy = energyReport(result.energy, result.runs, batch, meter.description, ctx);
  const bad = Object.entries(result.nonFinite ?? {}).filter(([, n]) => n > 0);
  if (bad.length) {
    (prepared.report.notices ??= []).push(
      `outputs contain NaN or Inf values (${bad.map(([k, n]) => `${k}: ${n}`).join(", ")}); the figures were measured on them and are reported as they are`
    );
  }
  return report;
}
async function measureModel(cfg, path2, ctx) {
  const prepared = await prepareModel(cfg, path2, ctx);
  await withMeter(cfg, ctx, async (meter) => {
    if (cfg.inference) {
      ctx.logger.progress(`  ${cfg.name}: inference benchmark (${cfg.inference.iterations === "auto" ? "auto" : `${cfg.inference.iterations} runs`})`);
      const session = await createSession(prepared.loaded.bytes, { threads: cfg.threads, name: label(cfg) });
      try {
        prepared.report.inference = await runInference(cfg, prepared, session, meter, ctx);
      } finally {
        await session.release();
      }
    }
    if (cfg.training) {
      ctx.logger.progress(`  ${cfg.name}: training step (${cfg.training.steps} steps, ${cfg.training.optimizer})`);
      prepared.report.training = await measureTraining(cfg, prepared, meter, ctx);
    }
  });
  return prepared.report;
}
function metricValues(m) {
  const v = {
    "model-size": m.size.bytes,
    parameters: m.size.parameters,
    flops: m.flops
  };
  const inf = m.inference;
  if (inf) {
    v["latency-p50"] = inf.latencyMs.p50 / 1e3;
    v["latency-p95"] = inf.latencyMs.p95 / 1e3;
    v["latency-p99"] = inf.latencyMs.p99 / 1e3;
    v["latency-mean"] = inf.latencyMs.mean / 1e3;
    v.throughput = inf.throughput;
    if (inf.peakMemoryBytes !== void 0) v["peak-memory"] = inf.peakMemoryBytes;
    if (inf.energy) {
      v["energy-per-inference"] = inf.energy.joulesPerInference;
      v["energy-per-sample"] = inf.energy.joulesPerSample;
      v["energy-per-1000-inferences"] = inf.energy.joulesPerInference * 1e3;
      if (inf.energy.carbon) {
        v["carbon-per-inference"] = inf.energy.carbon.totalG;
        v["carbon-per-1000-inferences"] = inf.energy.carbon.totalG * 1e3;
      }
    }
  }
  const t = m.training;
  if (t) {
    v["training-step-time"] = t.stepMs.mean / 1e3;
    if (t.energy) {
      v["energy-per-training-step"] = t.energy.joulesPerStep;
      v["energy-per-training-sample"] = t.energy.joulesPerSample;
    }
    if (t.projection) {
      v["training-energy-total"] = t.projection.joules;
      v["training-carbon-total"] = t.projection.gCO2e;
    }
  }
  return v;
}
var LATENCY_METRICS = ["latency-p50", "latency-p95", "latency-p99", "latency-mean", "throughput"];
var ENERGY_METRICS = ["energy-per-inference", "energy-per-sample", "energy-per-1000-inferences"];
async function compareWithBase(cfg, basePath, head, ctx, opts = {}) {
  const base = await measureModel(cfg, basePath, ctx);
  const comparisons = {};
  if (!cfg.inference || !head.inference || !base.inference) return { base, comparisons };
  const noisy = cfg.budget.filter((b) => b.kind === "regression" && b.relative && (LATENCY_METRICS.includes(b.metric) || ENERGY_METRICS.includes(b.metric)));
  if (!noisy.length) return { base, comparisons };
  const threshold = opts.threshold ?? Math.min(...noisy.map((b) => b.limit));
  ctx.logger.progress(`  ${cfg.name}: comparing base and head in alternating rounds (threshold ${(threshold * 100).toFixed(1)}%)`);
  const headPrep = await prepareModel(cfg, cfg.path, ctx);
  const basePrep = await prepareModel(cfg, basePath, ctx);
  const meanMs = Math.max(1e-3, head.inference.latencyMs.mean);
  const callsPerRound = Math.max(5, Math.min(5e3, Math.round((opts.roundArmS ?? 0.25) * 1e3 / meanMs)));
  const warmup = Math.min(cfg.inference.warmup, 20);
  const latency = createSequentialComparison({ threshold, statistic: "median" });
  const energy = createSequentialComparison({ threshold, statistic: "mean" });
  const p95 = createSequentialComparison({ threshold, statistic: { percentile: 95 } });
  const deadline = ctx.clockNs() + BigInt(Math.round((opts.maxTimeS ?? 30) * 1e9));
  await withMeter(cfg, ctx, async (meter) => {
    for (let round = 0; round < latency.maxRounds; round++) {
      const arms = round % 2 === 0 ? [basePrep, headPrep] : [headPrep, basePrep];
      const samples = /* @__PURE__ */ new Map();
      for (const arm of arms) {
        const session = await createSession(arm.loaded.bytes, { threads: cfg.threads, name: label(cfg) });
        try {
          const r = await runInferenceBenchmark(session, arm.inputs.feeds, { iterations: callsPerRound, warmup, maxTimeS: 60, targetRelativeCi: 0, batchSize: arm.inputs.batchSize }, { clockNs: ctx.clockNs, meter, label: cfg.name });
          samples.set(arm, { lat: Array.from(r.latenciesMs), energyJ: r.energy ? r.energy.energyJ / r.runs : NaN });
        } finally {
          await session.release();
        }
      }
      const b = samples.get(basePrep);
      const h = samples.get(headPrep);
      const ls = latency.addRound(b.lat, h.lat);
      const ps = p95.state().done ? p95.state() : p95.addRound(b.lat, h.lat);
      const es = Number.isFinite(b.energyJ) && Number.isFinite(h.energyJ) && b.energyJ > 0 && h.energyJ > 0 && !energy.state().done ? energy.addRound([b.energyJ], [h.energyJ]) : energy.state();
      if (ls.done && es.done && ps.done || ctx.clockNs() > deadline) break;
    }
  });
  const finishAll = (s) => s.state().done ? s.state() : s.finish();
  const toResult = (state, method) => state.changeCi95 && state.estimate !== null ? { verdict: state.decision === "continue" ? "inconclusive" : state.decision, estimate: state.estimate, changeCi95: state.changeCi95, method, rounds: state.rounds, threshold } : null;
  const lat = toResult(finishAll(latency), "per-round medians, paired rounds with fresh sessions");
  const tail = toResult(finishAll(p95), "per-round 95th percentiles, paired rounds with fresh sessions");
  const en = toResult(finishAll(energy), "per-round energy per call, paired rounds");
  for (const m of ["latency-p50", "latency-mean", "throughput"]) if (lat) comparisons[m] = m === "throughput" ? invert(lat) : lat;
  for (const m of ["latency-p95", "latency-p99"]) if (tail) comparisons[m] = tail;
  for (const m of ENERGY_METRICS) if (en) comparisons[m] = en;
  return { base, comparisons };
}
function invert(r) {
  const inv = (x) => 1 / (1 + x) - 1;
  const verdict = r.verdict === "regression" ? "regression" : r.verdict === "improvement" ? "improvement" : r.verdict;
  return { ...r, verdict, estimate: inv(r.estimate), changeCi95: [inv(r.changeCi95[1]), inv(r.changeCi95[0])] };
}
async function adviseForModel(cfg, head, ctx) {
  const prepared = await prepareModel(cfg, cfg.path, ctx);
  const batch = prepared.inputs.batchSize;
  return withMeter(cfg, ctx, async (meter) => {
    const measure = async (bytes) => {
      const loaded = { ...prepared.loaded, bytes, proto: decodeModel(bytes), fileBytes: bytes.length, externalFiles: [] };
      const shapes = await resolveShapes(loaded, prepared.inputs.feeds, (b) => createSession(b, { threads: cfg.threads, name: label(cfg) }));
      const session = await createSession(bytes, { threads: cfg.threads, name: `${label(cfg)} variant` });
      try {
        const r = await runInferenceBenchmark(
          session,
          prepared.inputs.feeds,
          { iterations: "auto", warmup: Math.min(cfg.inference?.warmup ?? 10, 10), maxTimeS: 3, targetRelativeCi: 0.02, batchSize: batch },
          { clockNs: ctx.clockNs, meter, label: cfg.name }
        );
        const e = r.energy;
        return {
          sizeBytes: bytes.length,
          flops: computeFlops(loaded.proto, shapes).total,
          latencyMs: { p50: r.latencyMs.p50, mean: r.latencyMs.mean },
          ...e ? { energyJPerInference: e.energyJ / r.runs, energyMethod: e.method, energyEstimated: e.estimated === true || e.method.includes("estimate") } : {}
        };
      } finally {
        await session.release();
      }
    };
    const original = prepared.loaded.externalFiles.length ? void 0 : await measure(prepared.loaded.bytes);
    ctx.logger.progress(`  ${cfg.name}: measuring int8, fp16 and pruned variants`);
    return adviseModel(prepared.loaded, { feeds: prepared.inputs.feeds, measure, originalMeasurement: original ?? toMeasurement(head) });
  });
}
function toMeasurement(m) {
  return {
    sizeBytes: m.size.bytes,
    flops: m.flops,
    latencyMs: { p50: m.inference?.latencyMs.p50 ?? NaN, mean: m.inference?.latencyMs.mean ?? NaN },
    ...m.inference?.energy ? { energyJPerInference: m.inference.energy.joulesPerInference, energyMethod: m.inference.energy.method, energyEstimated: m.inference.energy.estimated } : {}
  };
}

// src/isolate/workspace.ts
import { existsSync, realpathSync } from "node:fs";
import { readFile as readFile2, realpath } from "node:fs/promises";
import { dirname as dirname4, isAbsolute as isAbsolute2, relative as relative2, resolve as resolve5 } from "node:path";
function isInside(root, child) {
  const rel = relative2(root, child);
  return rel === "" || !rel.startsWith("..") && !isAbsolute2(rel);
}
function real(p) {
  try {
    return realpathSync(p);
  } catch {
    return resolve5(p);
  }
}
function findWorkspaceRoot(configFile, env2) {
  if (env2.ENERGY_BUDGET_WORKSPACE) return real(resolve5(env2.ENERGY_BUDGET_WORKSPACE));
  const file = real(resolve5(configFile));
  if (env2.GITHUB_WORKSPACE) {
    const ws = real(resolve5(env2.GITHUB_WORKSPACE));
    if (isInside(ws, file)) return ws;
  }
  for (let dir = dirname4(file); ; dir = dirname4(dir)) {
    if (existsSync(resolve5(dir, ".git"))) return dir;
    if (dirname4(dir) === dir) break;
  }
  return dirname4(file);
}
async function assertInsideWorkspace(path2, workspaceRoot, what) {
  let target;
  try {
    target = await realpath(path2);
  } catch {
    target = resolve5(path2);
  }
  if (!isInside(workspaceRoot, target)) {
    const viaLink = target !== resolve5(path2) ? ` (it is a symbolic link, or inside one, that resolves to ${target})` : "";
    throw new InputError(
      "PATH_OUTSIDE_WORKSPACE",
      `${what} is ${path2}${viaLink}, which is outside the workspace ${workspaceRoot}. Paths in the budget file must stay inside the repository so that a pull request cannot make the job read other files on the runner. Move the file into the repository and give its path relative to the budget file (symbolic links must point inside the repository too), or set ENERGY_BUDGET_WORKSPACE to a folder that contains it.`
    );
  }
  return target;
}
function confinedReadFile(workspaceRoot) {
  return async (path2) => {
    const target = await assertInsideWorkspace(path2, workspaceRoot, "An input data file");
    return readFile2(target);
  };
}

// src/isolate/protocol.ts
function serializeError(error) {
  if (error instanceof EnergyBudgetError) {
    return {
      ours: true,
      name: error.name,
      code: error.code,
      exitCode: error.exitCode,
      message: error.message,
      ...error instanceof ConfigError ? { issues: error.issues } : {}
    };
  }
  if (error instanceof Error) return { ours: false, name: error.name, message: error.message, stack: error.stack };
  return { ours: false, name: "Error", message: String(error) };
}
function deserializeError(e) {
  if (e.ours && e.code && e.exitCode) {
    if (e.issues) return new ConfigError(e.issues);
    const error2 = new EnergyBudgetError(e.code, e.message, e.exitCode);
    error2.name = e.name;
    return error2;
  }
  const error = new Error(e.message);
  error.name = e.name;
  if (e.stack) error.stack = e.stack;
  return error;
}

export {
  require_dist,
  isMetricKey,
  metricKind,
  isMinimumMetric,
  tryParseQuantity,
  formatQuantity,
  loadConfig,
  parseConfig,
  ortVersion,
  statusForVerdict,
  classifyInterval,
  decodeModel,
  measureModel,
  metricValues,
  compareWithBase,
  adviseForModel,
  serializeError,
  deserializeError,
  findWorkspaceRoot,
  assertInsideWorkspace,
  confinedReadFile
};
