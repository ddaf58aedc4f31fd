import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  InferenceSession,
  Tensor,
  env
} from "./chunk-QP55FGLM.js";
import {
  EnergyBudgetError,
  InputError,
  InternalError,
  errnoCode,
  messageOf
} from "./chunk-TKWDDEDX.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-DSY7S6TO.js";

// node_modules/protobufjs/src/util/aspromise.js
var require_aspromise = __commonJS({
  "node_modules/protobufjs/src/util/aspromise.js"(exports, module) {
    "use strict";
    module.exports = asPromise;
    function asPromise(fn, ctx) {
      var params = new Array(arguments.length - 1), offset = 0, index = 2, pending = true;
      while (index < arguments.length)
        params[offset++] = arguments[index++];
      return new Promise(function executor(resolve3, reject) {
        params[offset] = function callback(err) {
          if (pending) {
            pending = false;
            if (err)
              reject(err);
            else {
              var params2 = new Array(arguments.length - 1), offset2 = 0;
              while (offset2 < params2.length)
                params2[offset2++] = arguments[offset2];
              resolve3.apply(null, params2);
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
var require_float = __commonJS({
  "node_modules/protobufjs/src/util/float.js"(exports, module) {
    "use strict";
    module.exports = factory(factory);
    function factory(exports2) {
      if (typeof Float32Array !== "undefined") (function() {
        var f32 = new Float32Array([-0]), f8b = new Uint8Array(f32.buffer), le = f8b[3] === 128;
        function writeFloat_f32_cpy(val, buf, pos) {
          f32[0] = val;
          buf[pos] = f8b[0];
          buf[pos + 1] = f8b[1];
          buf[pos + 2] = f8b[2];
          buf[pos + 3] = f8b[3];
        }
        function writeFloat_f32_rev(val, buf, pos) {
          f32[0] = val;
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
          return f32[0];
        }
        function readFloat_f32_rev(buf, pos) {
          f8b[3] = buf[pos];
          f8b[2] = buf[pos + 1];
          f8b[1] = buf[pos + 2];
          f8b[0] = buf[pos + 3];
          return f32[0];
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
    function pool(alloc, slice3, size) {
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
        var buf = slice3.call(slab, offset, offset += size2);
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
    util.float = require_float();
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
        var Buffer = util.global.Buffer;
        return Buffer.prototype.utf8Write || util.isNode ? Buffer : (
          /* istanbul ignore next */
          null
        );
      } catch (e) {
        return null;
      }
    })();
    util.newBuffer = function newBuffer(sizeOrArray) {
      var Buffer = util.Buffer;
      return typeof sizeOrArray === "number" ? Buffer ? Buffer.allocUnsafe(sizeOrArray) : new Uint8Array(sizeOrArray) : Buffer ? Buffer.from(sizeOrArray) : new Uint8Array(sizeOrArray);
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
    var isAbsolute2 = (
      /**
       * Tests if the specified path is absolute.
       * @param {string} path Path to test
       * @returns {boolean} `true` if path is absolute
       */
      path2.isAbsolute = function isAbsolute3(path3) {
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
        var parts = path3.split("/"), absolute = isAbsolute2(path3), prefix = "";
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
    path2.resolve = function resolve3(originPath, includePath, alreadyNormalized) {
      var resolvedUrl = resolveUrl(originPath, includePath);
      if (resolvedUrl)
        return resolvedUrl;
      if (!alreadyNormalized)
        includePath = normalize(includePath);
      if (isAbsolute2(includePath))
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
    MapField.prototype.resolve = function resolve3() {
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
    Method.prototype.resolve = function resolve3() {
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
    Field.prototype.resolve = function resolve3() {
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
    ReflectionObject.prototype.resolve = function resolve3() {
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
      function readRanges(target, acceptStrings, max, acceptNegative) {
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
              target.push([start = parseId(next(), acceptNegative, max), skip("to", true) ? parseId(next(), acceptNegative, max) : start]);
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
      function parseId(token2, acceptNegative, max) {
        switch (token2) {
          case "max":
          case "MAX":
          case "Max":
            return max || maxFieldId;
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
    Object.assign(import_protobufjs.default.util, { Long: void 0 });
    import_protobufjs.default.configure();
    const root = import_protobufjs.default.parse(ONNX_PROTO_SCHEMA, { keepCase: false }).root;
    root.resolveAll();
    cached = { model: root.lookupType("onnx.ModelProto"), tensor: root.lookupType("onnx.TensorProto"), root };
  }
  return cached;
}
function isOnnxMessage(value, name) {
  return value instanceof import_protobufjs.default.Message && value.$type.fullName === `.onnx.${name}`;
}
function isModelProto(value) {
  return isOnnxMessage(value, "ModelProto");
}
function decodeModel(bytes) {
  const message = types().model.decode(bytes);
  if (!isModelProto(message)) throw new Error("protobufjs did not decode an onnx.ModelProto (internal error).");
  return message;
}
function encodeModel(model) {
  const t = types().model;
  return t.encode(t.fromObject(model)).finish();
}
function onnxMessageType(name) {
  return types().root.lookupType(`onnx.${name}`);
}

// src/model/load.ts
import { closeSync as closeSync2, openSync as openSync2, readFileSync, readSync as readSync2 } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve as resolve2, sep } from "node:path";

// src/model/stream.ts
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { basename, resolve } from "node:path";
var ScanError = class extends InternalError {
  constructor(message, offset) {
    super("MODEL_INVALID", `${message} at byte ${offset}`);
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
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const at = offset + i;
      if (at >= limit || at >= this.end) throw new ScanError("truncated varint", offset);
      const b = this.buf[at - this.start];
      value += (b & 127) * scale;
      if ((b & 128) === 0) return { value, next: at + 1 };
      scale *= 128;
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
    throw new ScanError(`${type.name} cannot be decoded (${messageOf(error)})`, offset);
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
      obj = decode(
        type,
        concat(
          st.win,
          [...small, ...payloads.map((q) => [q.tag, q.end])].sort((a, b) => a[0] - b[0])
        ),
        start
      );
    } else {
      const length = p.end - p.start;
      obj.dataLocation = 1;
      obj.externalData = [
        ...Array.isArray(obj.externalData) ? obj.externalData : [],
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
      const value = obj[field.name];
      const decoded = Array.isArray(value) ? value : [];
      let si = 0;
      obj[field.name] = list.map((k) => k === "S" ? decoded[si++] : large[k]);
    } else {
      const last = [...list].reverse().find((k) => k !== "S");
      if (last !== void 0) obj[field.name] = large[last];
    }
  }
  return obj;
}
function scanModelFile(path2, opts = {}) {
  const file = resolve(path2);
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
    if (!isModelProto(proto)) throw new ScanError("the file does not decode as an onnx.ModelProto", 0);
    return {
      proto,
      payloads: st.payloads,
      payloadCount: st.count,
      payloadBytes: st.total,
      largestPayloadBytes: st.largest,
      fileBytes: size
    };
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
  const file = resolve2(dirname(modelPath), location);
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
  const abs2 = resolve2(path2);
  const label2 = opts.label ? `"${opts.label}" (${path2})` : path2;
  let info;
  try {
    info = await stat(abs2);
  } catch (error) {
    const code = errnoCode(error);
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
  const bytes = streamed ? readHead(abs2, 256) : new Uint8Array(await readFile(abs2));
  let proto;
  let payloads;
  try {
    if (streamed) {
      const scanned = scanModelFile(abs2, opts.scan);
      proto = scanned.proto;
      payloads = scanned.payloads;
    } else {
      proto = decodeModel(bytes);
    }
  } catch (error) {
    throw notOnnx(
      label2,
      `the protobuf cannot be decoded (${messageOf(error)}; the file may be truncated or another format)`,
      bytes,
      error
    );
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
  const root = resolve2(opts.allowedRoot ?? dirname(abs2));
  const refs = [];
  forEachTensor(proto.graph, (t) => {
    if (isExternal(t) && !payloads?.has(t))
      refs.push({ ref: resolveExternalRef(t, abs2, root, label2), tensor: t.name || "(unnamed)" });
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
          `Model ${label2}: the external-data file for tensor "${tensor}" is missing: expected ${ref.file.split(sep).join("/")} next to the model (location "${relative(dirname(abs2), ref.file)}"). Copy the data file together with the .onnx file (they must stay in the same folder), or re-save the model with the weights inside it.`,
          { cause: error }
        );
      }
      const realFile = await realpath(ref.file);
      const realRoot = await realpath(root).catch(() => root);
      const rel = relative(realRoot, realFile);
      if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) {
        throw new InputError(
          "MODEL_INVALID",
          `Model ${label2}: the external-data file for tensor "${tensor}" (${relative(dirname(abs2), ref.file)}) is a symbolic link that resolves to ${realFile}, outside the allowed folder ${realRoot}. External data must be a real file next to the model, so that a model cannot make the job read other files on the runner. Replace the link with the data file itself.`
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
function dtypeName(code) {
  const row = BY_CODE.get(code);
  if (!row) throw new Error(`Unknown ONNX element type code ${code} (onnx.proto defines 1..23).`);
  return row.name;
}
function dtypeBytes(name) {
  const row = BY_NAME.get(name);
  if (!row) throw new Error(`Unknown tensor dtype "${name}" (expected one of ${DTYPE_NAMES.join(", ")}).`);
  return row.bytes;
}
function zeroKind(code) {
  return BY_CODE.get(code)?.zero;
}

// src/model/weight-stats.ts
import { closeSync as closeSync3, openSync as openSync3, readSync as readSync3 } from "node:fs";
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
    if (body.byteOffset % 8 !== 0) body = new Uint8Array(body);
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
  const name = t.name || "(unnamed)";
  const dimsText = `[${(t.dims ?? []).join(", ")}]`;
  if (!(t.dims ?? []).every((d) => Number.isSafeInteger(d) && d >= 0) || !Number.isSafeInteger(elements)) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${ctx.label}: weight tensor "${name}" has dims ${dimsText}, expected non-negative integers whose product (the element count) is below 2^53. The file is corrupt or was crafted; re-export the model.`
    );
  }
  const mismatch = (stored, expected, unit) => new InputError(
    "MODEL_INVALID",
    `Model ${ctx.label}: weight tensor "${name}" declares dims ${dimsText} (${elements} ${dtype} elements, ${expected} ${unit}) but stores ${stored} ${unit}. Expected the stored data to match the dims; the file is truncated, corrupt or crafted. Re-export the model.`
  );
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
    const expected = Math.ceil(elements * size);
    if (t.rawData.length !== expected) throw mismatch(t.rawData.length, expected, "bytes");
    const counter = new ZeroCounter(code, elements);
    counter.push(t.rawData);
    return { dtype, elements, bytes: t.rawData.length, zeros: counter.zeros };
  }
  const field = t.floatData?.length ? t.floatData : t.int32Data?.length ? t.int32Data : t.int64Data?.length ? t.int64Data : t.doubleData?.length ? t.doubleData : t.uint64Data?.length ? t.uint64Data : [];
  const perElement = code === DataType.COMPLEX64 || code === DataType.COMPLEX128 ? 2 : 1;
  if (field.length > 0 && size >= 1 && field.length !== elements * perElement)
    throw mismatch(field.length, elements * perElement, "values");
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

// src/model/analyze.ts
function subgraphsOf(n) {
  const out2 = [];
  for (const a of n.attribute ?? []) {
    if (a.g && own2(a, "g")) out2.push(a.g);
    for (const g of a.graphs ?? []) out2.push(g);
  }
  return out2;
}
function subgraphReads(nodes) {
  const out2 = [];
  const visit = (holder, list) => {
    for (const m of list) {
      for (const name of m.input ?? []) if (name) out2.push({ name, holder });
      for (const g of subgraphsOf(m)) visit(holder, g.node ?? []);
    }
  };
  for (const n of nodes) for (const g of subgraphsOf(n)) visit(n, g.node ?? []);
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
    const out2 = [
      { dtype: values.dtype, elements: dense, bytes: values.bytes, zeros: values.zeros + Math.max(0, dense - values.elements) }
    ];
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
  if (outputs.length === 0) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label2} declares no graph outputs, so running it computes nothing and there is nothing to measure. Expected graph.output to list at least one tensor; the file may be truncated or the export incomplete. Re-export the model.`
    );
  }
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

// src/bench/inputs.ts
import path from "node:path";

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
    fail(
      file,
      `has dtype '${code}', which is not supported; use one of ${Object.values(DESCR_OF).join(" ")} (or <U/|S strings).`
    );
  }
  if (numeric.itemBytes > 1 && order === "|") fail(file, `has dtype '${code}' without a byte order.`);
  checkLength(file, body.length, count2, numeric.itemBytes);
  const copy = new Uint8Array(count2 * numeric.itemBytes);
  copy.set(body);
  return { dtype: numeric.dtype, shape, data: numeric.make(copy.buffer) };
}
function checkLength(file, have, count2, itemBytes) {
  const want = count2 * itemBytes;
  if (have < want)
    fail(file, `is truncated: its header promises ${count2} elements (${want} bytes) but only ${have} bytes follow.`);
  if (have > want) fail(file, `has ${have - want} bytes after the ${count2} elements its header promises; the file is corrupt.`);
}

// src/util/float16.ts
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
function float16Value(bits) {
  const sign = bits & 32768 ? -1 : 1;
  const e = bits >>> 10 & 31;
  const m = bits & 1023;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m ? Number.NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}
function float16BitsOf(data) {
  if (data instanceof Uint16Array) return data;
  return new Uint16Array(data.buffer, data.byteOffset, data.byteLength >>> 1);
}
function float16ValuesOf(data) {
  const bits = float16BitsOf(data);
  const out2 = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out2[i] = float16Value(bits[i]);
  return out2;
}

// src/util/ort-tensor.ts
function makeTensor(type, data, dims) {
  if (!isTensorData(data)) throw new Error(`tensor data of type ${type} must be a typed array or an array of strings`);
  const t = new Tensor(type, data, dims);
  return type === "float16" ? nativeFloat16(t) : t;
}
function isTensorData(data) {
  if (Array.isArray(data)) return data.every((x) => typeof x === "string");
  return data instanceof Float32Array || data instanceof Float64Array || data instanceof Int8Array || data instanceof Uint8Array || data instanceof Int16Array || data instanceof Uint16Array || data instanceof Int32Array || data instanceof Uint32Array || data instanceof BigInt64Array || data instanceof BigUint64Array;
}
function dataBytes(data) {
  return ArrayBuffer.isView(data) ? data.byteLength : 0;
}
function float32Data(t, what) {
  if (t.data instanceof Float32Array) return t.data;
  throw new Error(`${what} holds ${t.type}, not float32`);
}
function nativeFloat16(t) {
  if (t.type !== "float16" || t.location !== "cpu") return t;
  const data = t.data;
  if (data instanceof Uint16Array || !ArrayBuffer.isView(data)) return t;
  const bits = float16BitsOf(data);
  Reflect.set(t, "cpuData", bits);
  if (t.data !== bits) {
    throw new Error(
      `onnxruntime-common ${env.versions.common} keeps float16 tensor data where energy-budget cannot store it as a Uint16Array, which onnxruntime-node's native binding needs; run on Node 22 or report this at the energy-budget repository.`
    );
  }
  return t;
}

// src/bench/input-data.ts
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
function flatten(value, fail2) {
  if (!Array.isArray(value)) return { shape: [], flat: [value] };
  const shape = [];
  let probe = value;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0];
  }
  const flat = [];
  const walk = (v, depth, where2) => {
    if (depth === shape.length) {
      if (Array.isArray(v))
        fail2(
          `the value is ragged: ${where2} is a list where a number was expected (shape [${shape.join(", ")}] from the first elements).`
        );
      flat.push(v);
      return;
    }
    if (!Array.isArray(v))
      fail2(`the value is ragged: ${where2} is ${JSON.stringify(v)} where a list of ${shape[depth]} was expected.`);
    if (v.length !== shape[depth]) {
      fail2(
        `the value is ragged: ${where2} has ${v.length} elements where ${shape[depth]} were expected (shape [${shape.join(", ")}] from the first elements).`
      );
    }
    v.forEach((x, i) => walk(x, depth + 1, `${where2}[${i}]`));
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
        const v = typeof x === "number" ? x : bad(i, "a number");
        out2[i] = dtype === "float16" ? float32ToHalfBits(v) : v;
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
      const out2 = dtype === "int64" ? new BigInt64Array(n) : dtype === "uint64" ? new BigUint64Array(n) : makeIntArray(dtype, n);
      const want = `an integer in ${range[0]}..${range[1]}`;
      flat.forEach((x, i) => {
        if (typeof x === "bigint") {
          if (out2 instanceof BigInt64Array || out2 instanceof BigUint64Array) out2[i] = x;
          else bad(i, want);
          return;
        }
        const v = typeof x === "number" && Number.isInteger(x) && x >= range[0] && x <= range[1] ? x : bad(i, want);
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
    default:
      throw new Error(`not an integer dtype stored as numbers: ${dtype}`);
  }
}
function fill(one, n) {
  if (Array.isArray(one)) return new Array(n).fill(one[0]);
  if (one instanceof Float32Array) return new Float32Array(n).fill(one[0]);
  if (one instanceof Float64Array) return new Float64Array(n).fill(one[0]);
  if (one instanceof Int8Array) return new Int8Array(n).fill(one[0]);
  if (one instanceof Uint8Array) return new Uint8Array(n).fill(one[0]);
  if (one instanceof Int16Array) return new Int16Array(n).fill(one[0]);
  if (one instanceof Uint16Array) return new Uint16Array(n).fill(one[0]);
  if (one instanceof Int32Array) return new Int32Array(n).fill(one[0]);
  if (one instanceof Uint32Array) return new Uint32Array(n).fill(one[0]);
  if (one instanceof BigInt64Array) return new BigInt64Array(n).fill(one[0]);
  return new BigUint64Array(n).fill(one[0]);
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
var float32ToHalfBits = float16Bits;

// src/config/did-you-mean.ts
function editDistance(a, b) {
  const m = a.length;
  const n = b.length;
  const d = Array.from(
    { length: m + 1 },
    (_, i) => Array.from({ length: n + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0)
  );
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

// src/bench/inputs.ts
var DEFAULT_MAX_INPUT_BYTES = 1024 ** 3;
function isFeedable(dtype) {
  return FEEDABLE[dtype] !== void 0;
}
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
async function synthesizeInputs(inputs, opts) {
  const ctx = new Context(opts);
  const known = new Set(inputs.map((i) => i.name));
  for (const name of Object.keys(opts.specs)) {
    if (!known.has(name)) {
      const list = inputs.length ? inputs.map((i) => `"${i.name}"`).join(", ") : "none";
      const guess = suggest(name, [...known]);
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
    const ortType = ctx.feedable(info.name, info.dtype);
    ctx.checkCap(info.name, info.dtype, shape);
    feeds[info.name] = makeTensor(ortType, randomData(info.dtype, count(shape), ctx.rngFor(info.name)), shape);
    shapes[info.name] = shape;
  }
  const used = new Set(inputs.flatMap((i) => (i.shape ?? []).filter((d) => typeof d === "string")));
  for (const dim of Object.keys(opts.dims)) {
    if (!used.has(dim)) {
      const guess = suggest(dim, [...used]);
      ctx.notices.push(
        `model "${opts.modelName}": dims: ${dim} is not a dim of any input` + (used.size ? ` (the inputs use ${[...used].join(", ")})` : " (the inputs have no symbolic dims)") + (guess ? `; did you mean ${guess}?` : "")
      );
    }
  }
  return { feeds, shapes, batchSize: batchSizeOf(inputs, shapes, opts.notBatch), notices: ctx.notices };
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
  /** The dtype as onnxruntime-node's tensor type. @throws InputError when it cannot be built from JavaScript. */
  feedable(input, dtype) {
    if (isFeedable(dtype)) return dtype;
    return this.fail(
      input,
      `model "${this.opts.modelName}" input "${input}" has dtype ${dtype}, which onnxruntime-node cannot build from JavaScript (it feeds ${Object.keys(FEEDABLE).join(", ")}). Wrap the model so that this input is one of those and Cast inside it.`
    );
  }
  /** Fails unless the tensor fits under the cap; computed in floating point so it cannot wrap. */
  checkCap(input, dtype, shape) {
    const cap = this.opts.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
    const bad = shape.find((d) => !Number.isSafeInteger(d) || d < 0);
    if (bad !== void 0) {
      this.fail(
        input,
        `model "${this.opts.modelName}" input "${input}" has shape [${shape.join(", ")}], and ${bad} is not a valid size (expected non-negative integers below 2^53; onnx.proto requires dim_value >= 0). Give the shape explicitly with inputs.${input}.shape, or fix the model's input declaration.`
      );
    }
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
        const why = errnoCode(error) === "ENOENT" ? "does not exist" : `cannot be read (${messageOf(error)})`;
        return this.fail(info.name, `the data file ${file} ${why}. Paths are relative to the budget file's folder.`);
      }
      let arr;
      try {
        arr = parseNpy(bytes, file);
      } catch (error) {
        return this.fail(info.name, messageOf(error));
      }
      this.checkDtype(info, spec.dtype, "the dtype given");
      this.checkDtype(info, arr.dtype, `the data in ${file}`);
      const ortType2 = this.feedable(info.name, dtype);
      this.checkShape(info, arr.shape, `the data in ${file}`);
      return { shape: arr.shape, make: () => makeTensor(ortType2, arr.data, arr.shape) };
    }
    this.checkDtype(info, spec.dtype, "the dtype given");
    const ortType = this.feedable(info.name, dtype);
    if (spec.kind === "random") {
      const shape2 = spec.shape ? [...spec.shape] : this.resolveDeclared(info);
      if (spec.shape) this.checkShape(info, shape2, `the shape given`);
      this.checkCap(info.name, dtype, shape2);
      return {
        shape: shape2,
        make: () => makeTensor(ortType, randomData(dtype, count(shape2), this.rngFor(info.name)), shape2)
      };
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
      return { shape, make: () => makeTensor(ortType, fill(one, n), shape) };
    }
    if (spec.shape) {
      if (count(spec.shape) !== flat.length) {
        this.fail(
          info.name,
          `the value has ${flat.length} elements but the shape given, [${spec.shape.join(", ")}], holds ${count(spec.shape)}.`
        );
      }
      shape = [...spec.shape];
    }
    this.checkShape(info, shape, spec.shape ? "the shape given" : "the value");
    flat = flat.slice();
    const data = toData(dtype, flat, (msg) => this.fail(info.name, msg));
    return { shape, make: () => makeTensor(ortType, data, shape) };
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
function batchSizeOf(inputs, shapes, notBatch = []) {
  const candidates = inputs.filter((i) => !notBatch.includes(i.name));
  const first = candidates[0];
  if (first?.shape && first.shape.length > 0 && typeof first.shape[0] !== "number") return shapes[first.name]?.[0] ?? 1;
  return 1;
}

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
  const floor2 = Math.max(RELATIVE_ERROR_FLOOR * maxRef, Number.MIN_VALUE);
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
    const rel = err / Math.max(Math.abs(a[i]), floor2);
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
  if (reference.length !== variant.length)
    throw new Error(`compared ${reference.length} reference batches with ${variant.length} variant batches`);
  const accs = /* @__PURE__ */ new Map();
  reference.forEach((refBatch, k) => {
    for (const [name, ref] of Object.entries(refBatch)) {
      const v = variant[k][name];
      if (!v) throw new Error(`the variant has no output named ${name}`);
      let acc = accs.get(name);
      if (!acc) {
        acc = {
          name,
          maxAbsError: 0,
          maxRelError: 0,
          agree: 0,
          rows: 0,
          kind: null,
          classifier: true,
          newNonFinite: 0,
          comparable: true
        };
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
async function runAll(bytes, batches, createSession) {
  const session = await createSession(bytes);
  try {
    const out2 = [];
    for (const feeds of batches) out2.push(await session.run(feeds));
    return out2;
  } finally {
    await session.release();
  }
}
async function measureFidelity(originalBytes, variantBytes, batches, createSession) {
  const reference = await runAll(originalBytes, batches, createSession);
  const variant = await runAll(variantBytes, batches, createSession);
  return compareOutputs(reference, variant);
}

// src/model/shapes.ts
import { dirname as dirname2 } from "node:path";
import { isTypedArray } from "node:util/types";
async function createOrtShapeSession(bytes, opts = {}) {
  const ort = await import("./ort-bundle-U55FKEUE.js");
  return ort.InferenceSession.create(bytes, {
    ...externalDataOptions(opts.externalDataFolder),
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
function withExtraOutputs(loaded, names) {
  const proto = loaded.proto;
  const graph = proto.graph ?? {};
  const extra = names.map((name) => ({ name }));
  return { ...proto, graph: { ...graph, output: [...graph.output ?? [], ...extra] } };
}
function externalDataFolder(loaded) {
  let any = false;
  forEachTensor(loaded.proto.graph, (t) => {
    if (isExternal(t)) any = true;
  });
  return any ? dirname2(loaded.path) : void 0;
}
function externalDataOptions(folder) {
  return folder ? { extra: { session: { model_external_initializers_file_folder_path: folder } } } : {};
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
    const dims = (tt.shape?.dim ?? []).map(
      (d) => own3(d, "dimValue") ? d.dimValue : own3(d, "dimParam") && d.dimParam ? symbols.get(d.dimParam) : void 0
    );
    if (dims.every((d) => typeof d === "number")) out2.set(v.name, dims);
  }
  for (const [name, shape] of Object.entries(inputShapes)) out2.set(name, [...shape]);
  return out2;
}
async function resolveShapes(loaded, feeds, createSession = createOrtShapeSession) {
  return (await resolveShapesAndValues(loaded, feeds, createSession)).shapes;
}
function smallValues(v) {
  if (!v || typeof v !== "object" || !("data" in v)) return void 0;
  const data = v.data;
  const arr = Array.isArray(data) || isTypedArray(data) ? data : void 0;
  if (!arr) return void 0;
  if (arr.length > 64) return void 0;
  const out2 = [];
  for (let i = 0; i < arr.length; i++) {
    const x = arr[i];
    if (typeof x === "number") out2.push(x);
    else if (typeof x === "bigint") out2.push(Number(x));
    else if (typeof x === "boolean") out2.push(x ? 1 : 0);
    else return void 0;
  }
  return out2;
}
function staticValue(graph, name) {
  const fromTensor = (t) => {
    if (!t) return void 0;
    if (t.int64Data?.length) return t.int64Data.map((x) => Number(x));
    if (t.int32Data?.length) return [...t.int32Data];
    const raw = t.rawData;
    if (!raw || raw.length > 512) return void 0;
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    if (t.dataType === 7) return Array.from({ length: raw.length / 8 }, (_, i) => Number(view.getBigInt64(i * 8, true)));
    if (t.dataType === 6) return Array.from({ length: raw.length / 4 }, (_, i) => view.getInt32(i * 4, true));
    if (t.dataType === 9) return Array.from(raw, (b) => b ? 1 : 0);
    return void 0;
  };
  const init = (graph.initializer ?? []).find((t) => t.name === name);
  if (init) return fromTensor(init);
  for (const n of graph.node ?? []) {
    if (n.opType !== "Constant" || n.domain || n.output?.[0] !== name) continue;
    const a = (n.attribute ?? [])[0];
    if (a?.name === "value") return fromTensor(a.t ?? void 0);
    if (a?.name === "value_int") return [Number(a.i ?? 0)];
    if (a?.name === "value_ints") return (a.ints ?? []).map((x) => Number(x));
  }
  return void 0;
}
async function resolveShapesAndValues(loaded, feeds, createSession = createOrtShapeSession, valueNames = []) {
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
  const folder = externalDataFolder(loaded);
  const attempt = async (names) => {
    const session = await createSession(encodeModel(withExtraOutputs(loaded, names)), { externalDataFolder: folder });
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
  const values = /* @__PURE__ */ new Map();
  for (const name of valueNames) {
    const v = name in feeds ? smallValues(feeds[name]) : staticValue(graph, name) ?? smallValues(results[name]);
    if (v) values.set(name, v);
  }
  return { shapes, values };
}

// src/optimize/session.ts
var ortSessionFactory = (modelBytes) => ortSessionIn(modelBytes);
function ortSessionFactoryIn(externalDataFolder2) {
  return (modelBytes) => ortSessionIn(modelBytes, externalDataFolder2);
}
async function ortSessionIn(modelBytes, externalDataFolder2) {
  const session = await InferenceSession.create(modelBytes, {
    executionProviders: ["cpu"],
    intraOpNumThreads: 1,
    graphOptimizationLevel: "all",
    ...externalDataOptions(externalDataFolder2)
  });
  return {
    async run(feeds) {
      const out2 = await session.run(feeds);
      return Object.fromEntries(
        Object.entries(out2).map(([k, t]) => {
          const data = t.data;
          return [
            k,
            {
              type: t.type,
              dims: t.dims,
              // float16 as numbers, not bit patterns: the comparison subtracts them.
              data: t.type === "float16" && ArrayBuffer.isView(data) ? float16ValuesOf(data) : data
            }
          ];
        })
      );
    },
    release: () => session.release()
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
function int64Tensor(name, dims, data) {
  const arr = data instanceof BigInt64Array ? data : BigInt64Array.from(data.map((x) => BigInt(x)));
  return { name, dims, dataType: DataType.INT64, rawData: bytesOf(arr) };
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

// src/model/attrs.ts
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
function isDefaultDomain(node2) {
  return !node2.domain || node2.domain === "ai.onnx";
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
function toFloat16(values) {
  const out2 = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out2[i] = float16Bits(values[i]);
  return out2;
}
var FLOAT16_MAX = 65504;
function quantizePerChannel(values, dims, axis, qmax = 127) {
  const channels = dims[axis];
  const inner = elementCount(dims.slice(axis + 1));
  const maxAbs = new Float64Array(channels);
  for (let i = 0; i < values.length; i++) {
    const c = Math.floor(i / inner) % channels;
    const a = Math.abs(values[i]);
    if (a > maxAbs[c]) maxAbs[c] = a;
  }
  const scales = new Float32Array(channels);
  for (let c = 0; c < channels; c++) scales[c] = maxAbs[c] > 0 ? Math.fround(maxAbs[c] / qmax) : 1;
  const q = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const c = Math.floor(i / inner) % channels;
    const v = Math.round(values[i] / scales[c]);
    q[i] = v > qmax ? qmax : v < -qmax ? -qmax : v;
  }
  return { values: q, scales, axis };
}
var REDUCED_INT8_MAX = 63;
function transpose2d(values, rows, cols) {
  const out2 = new Float32Array(values.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out2[c * rows + r] = values[r * cols + c];
  return out2;
}
function smallestMagnitudes(arrays, count2) {
  const masks = arrays.map((a) => new Uint8Array(a.length));
  if (count2 <= 0) return masks;
  const total2 = arrays.reduce((s, a) => s + a.length, 0);
  const mags = new Float32Array(total2);
  let o = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) mags[o++] = Math.abs(a[i]);
  mags.sort();
  const threshold = mags[Math.min(count2, total2) - 1];
  let below = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) if (Math.abs(a[i]) < threshold) below++;
  let tiesLeft = Math.min(count2, total2) - below;
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

// src/optimize/graph-index.ts
function weightSlot(use, rank) {
  const { node: n, input } = use;
  if (!isDefaultDomain(n) || input !== 1) return null;
  switch (n.opType) {
    case "Conv":
      return rank >= 3 ? { op: "Conv", axis: 0 } : null;
    case "Gemm":
      return rank === 2 ? { op: "Gemm", axis: attrInt(n, "transB", 0) ? 0 : 1 } : null;
    case "MatMul":
      return rank >= 2 ? { op: "MatMul", axis: rank - 1 } : null;
    default:
      return null;
  }
}
function indexGraph(model) {
  const graph = model.graph;
  if (!graph)
    throw new InputError("MODEL_INVALID", "The model has no graph (ModelProto.graph is empty); it is not a usable ONNX model.");
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
  for (const { name, holder } of subgraphReads(graph.node ?? [])) {
    const list = uses.get(name) ?? [];
    list.push({ node: { opType: `${holder.opType ?? "?"} body` }, input: -1 });
    uses.set(name, list);
  }
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
    const weightSlots = slots.filter((s) => s !== null);
    if (weightSlots.length === 0) continue;
    if ((tensor.dataType ?? 0) !== DataType.FLOAT) {
      notes.push(`${name}: left as is, stored as data type ${tensor.dataType}, not float32.`);
      continue;
    }
    if (isExternal2(tensor)) {
      notes.push(`${name}: left as is, its data is in an external file.`);
      continue;
    }
    if (weightSlots.length < slots.length) {
      const other = uses.filter((_, k) => !slots[k]).map((u) => u.node.opType).join(", ");
      notes.push(`${name}: left as is, it also feeds ${other}.`);
      continue;
    }
    out2.push({ tensor, name, dims, slots: weightSlots, uses });
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

// src/optimize/int8-dynamic.ts
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
    const eligible = isDefaultDomain(n) && c !== void 0 && x !== "" && !ix.initializers.has(x) && c.uses.length === 1 && (op === "MatMul" && c.dims.length === 2 || op === "Gemm" && attrInt(n, "transA", 0) === 0 || op === "Conv" && (n.input?.[2] === void 0 || n.input[2] === "" || ix.initializers.has(n.input[2])));
    if (!eligible) {
      if (c && c.uses.length > 1 && ["MatMul", "Gemm", "Conv"].includes(op))
        notes.push(`${w}: left float32, it is shared by ${c.uses.length} nodes.`);
      else if (c && op === "Gemm") notes.push(`${n.name || y}: Gemm with transA = 1 left float32.`);
      else if (c && op === "MatMul") notes.push(`${n.name || y}: MatMul with a ${c.dims.length}-D weight left float32.`);
      else if (c && op === "Conv") notes.push(`${n.name || y}: Conv whose bias is computed at run time left float32.`);
      nodes.push(n);
      continue;
    }
    const values = readFloat32(c.tensor);
    let matrix = values;
    let wDims = c.dims;
    if (op === "Gemm" && attrInt(n, "transB", 0)) {
      matrix = transpose2d(values, c.dims[0], c.dims[1]);
      wDims = [c.dims[1], c.dims[0]];
    }
    const axis = op === "Conv" ? 0 : 1;
    const qw = quantizePerChannel(matrix, wDims, axis, REDUCED_INT8_MAX);
    const alpha = op === "Gemm" ? attrFloat(n, "alpha", 1) : 1;
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
    weights.push({
      name: w,
      ops: [op],
      elements: elementCount(c.dims),
      storage: `int8 per-channel (axis ${axis}), activations uint8 at run time`
    });
    const a = quantizeActivation(x);
    const base = n.name || y;
    const yInt = fresh(`${y}_int32`);
    const yFloat = fresh(`${y}_int32_float`);
    const scale = fresh(`${y}_rescale`);
    if (op === "Conv") {
      const attrs = (n.attribute ?? []).filter(
        (at) => ["auto_pad", "dilations", "group", "kernel_shape", "pads", "strides"].includes(at.name ?? "")
      );
      nodes.push({
        opType: "ConvInteger",
        input: [a.q, qName, a.zero, zName],
        output: [yInt],
        name: fresh(`${base}_ConvInteger`),
        attribute: attrs
      });
    } else {
      nodes.push(node("MatMulInteger", [a.q, qName, a.zero, zName], [yInt], {}, fresh(`${base}_MatMulInteger`)));
    }
    nodes.push(node("Cast", [yInt], [yFloat], { to: DataType.FLOAT }, fresh(`${base}_Cast`)));
    nodes.push(node("Mul", [a.scale, sName], [scale], {}, fresh(`${base}_scale_Mul`)));
    let bias;
    if (op === "Conv" && n.input?.[2]) {
      const b = ix.initializers.get(n.input[2]);
      if (b) {
        const bName = fresh(`${n.input[2]}_channels`);
        added.push({ ...b, name: bName, dims: scaleDims });
        bias = bName;
      }
    } else if (op === "Gemm" && n.input?.[2]) {
      const beta = attrFloat(n, "beta", 1);
      const cName = n.input[2];
      const cInit = ix.initializers.get(cName);
      if (beta === 1) bias = cName;
      else if (cInit && (cInit.dataType ?? 0) === DataType.FLOAT && !isExternal2(cInit)) {
        bias = fresh(`${cName}_beta`);
        added.push(
          tensorFrom(
            bias,
            (cInit.dims ?? []).map(Number),
            DataType.FLOAT,
            readFloat32(cInit).map((v) => v * beta)
          )
        );
      } else {
        const betaName = fresh(`${base}_beta`);
        added.push(tensorFrom(betaName, [], DataType.FLOAT, Float32Array.of(beta)));
        bias = fresh(`${cName}_times_beta`);
        nodes.push(node("Mul", [cName, betaName], [bias], {}, fresh(`${base}_beta_Mul`)));
      }
    }
    if (bias) {
      const scaled = fresh(`${y}_scaled`);
      nodes.push(node("Mul", [yFloat, scale], [scaled], {}, fresh(`${base}_Mul`)));
      nodes.push(node("Add", [scaled, bias], [y], {}, fresh(`${base}_bias_Add`)));
    } else {
      nodes.push(node("Mul", [yFloat, scale], [y], {}, fresh(`${base}_Mul`)));
    }
  }
  const stillUsed = new Set(nodes.flatMap((n) => n.input ?? []));
  for (const o of ix.graph.output ?? []) stillUsed.add(o.name ?? "");
  for (const t of ix.graph.initializer ?? []) {
    const name = t.name ?? "";
    if ((ix.uses.get(name)?.length ?? 0) > 0 && !stillUsed.has(name)) removed.add(name);
  }
  if (weights.length === 0) {
    return {
      variant: "int8-dynamic",
      label: "dynamic int8",
      model,
      weights,
      notes: ["No MatMul, Gemm or Conv with a float32 initializer weight to quantise.", ...notes],
      opset: defaultOpset(model)
    };
  }
  const before = defaultOpset(model);
  const out2 = raiseOpset(withGraph(model, ix, { nodes, initializers: added, removed }), 11, "DynamicQuantizeLinear");
  if (defaultOpset(out2) !== before) notes.push(`Opset raised from ${before} to ${defaultOpset(out2)} for DynamicQuantizeLinear.`);
  notes.push(
    "uint8 activations \xD7 int8 weights: on x86 CPUs without VNNI, onnxruntime multiplies these with VPMADDUBSW, whose 16-bit sums can saturate (onnxruntime quantization docs); the fidelity figures show whether it matters for this model."
  );
  return { variant: "int8-dynamic", label: "dynamic int8", model: out2, weights, notes, opset: defaultOpset(out2) };
}

// src/optimize/variants.ts
var DEFAULT_SPARSITY = 0.5;
var FP16_MIN_ELEMENTS = 16;
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
    weights.push({
      name: c.name,
      ops: [...new Set(c.slots.map((s) => s.op))],
      elements: elementCount(c.dims),
      storage: `int8 per-channel (axis ${axis})`
    });
  }
  if (weights.length === 0) {
    return {
      variant: "int8-weights",
      label: "int8 weights",
      model,
      weights,
      notes: ["No Conv, Gemm or MatMul weight is a float32 initializer; nothing to quantise.", ...notes],
      opset: defaultOpset(model)
    };
  }
  const rewritten = withGraph(model, ix, { nodes: [...dq, ...ix.graph.node ?? []], initializers: added, removed });
  const before = defaultOpset(model);
  const out2 = raiseOpset(rewritten, 13, "Per-channel DequantizeLinear (the axis attribute)");
  if (defaultOpset(out2) !== before)
    notes.push(`Opset raised from ${before} to ${defaultOpset(out2)} for per-channel DequantizeLinear.`);
  notes.push(
    "The arithmetic stays float32: onnxruntime does not constant-fold DequantizeLinear, so every run dequantises the weights first; the file shrinks about 4\xD7, latency can rise slightly."
  );
  return { variant: "int8-weights", label: "int8 weights", model: out2, weights, notes, opset: defaultOpset(out2) };
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
  if (small > 0)
    notes.push(
      `${small} float32 initializer(s) under ${FP16_MIN_ELEMENTS} elements left float32 (scalars, epsilons, shape-like constants).`
    );
  if (weights.length === 0) {
    return {
      variant: "fp16",
      label: "fp16 weights",
      model,
      weights,
      notes: ["No float32 initializer to convert.", ...notes],
      opset: defaultOpset(model)
    };
  }
  const out2 = raiseOpset(
    withGraph(model, ix, { nodes: [...casts, ...ix.graph.node ?? []], initializers: added, removed }),
    6,
    "Cast"
  );
  notes.push(
    "Weights are stored as float16 and cast back to float32, so every op still computes in float32; the file halves, the arithmetic does not change."
  );
  return { variant: "fp16", label: "fp16 weights", model: out2, weights, notes, opset: defaultOpset(out2) };
}
function pruneVariant(model, sparsity = DEFAULT_SPARSITY, scope = "per-tensor") {
  if (!(sparsity >= 0 && sparsity < 1)) {
    throw new InputError(
      "ARGUMENT_INVALID",
      `The pruning sparsity must be a fraction from 0 up to (not including) 1, such as 0.5; got ${sparsity}.`
    );
  }
  const notes = [];
  const ix = indexGraph(model);
  const label2 = `pruned ${pct(sparsity)}`;
  const candidates = weightCandidates(ix, notes);
  if (candidates.length === 0) {
    return {
      variant: "prune",
      label: label2,
      model,
      weights: [],
      notes: ["No Conv, Gemm or MatMul weight is a float32 initializer; nothing to prune.", ...notes],
      opset: defaultOpset(model),
      sparsity: 0
    };
  }
  const values = candidates.map((c) => readFloat32(c.tensor));
  const masks = scope === "global" ? smallestMagnitudes(values, Math.round(sparsity * values.reduce((s, v) => s + v.length, 0))) : values.map((v) => smallestMagnitudes([v], Math.round(sparsity * v.length))[0]);
  const replaced = /* @__PURE__ */ new Map();
  const weights = [];
  let zeros2 = 0;
  let total2 = 0;
  candidates.forEach((c, k) => {
    const v = values[k];
    const m = masks[k];
    let z = 0;
    for (let i = 0; i < v.length; i++) {
      if (m[i]) v[i] = 0;
      if (v[i] === 0) z++;
    }
    zeros2 += z;
    total2 += v.length;
    replaced.set(c.name, tensorFrom(c.name, c.dims, DataType.FLOAT, v));
    weights.push({
      name: c.name,
      ops: [...new Set(c.slots.map((s) => s.op))],
      elements: v.length,
      storage: `pruned ${pct(z / v.length)}`
    });
  });
  notes.push(
    "Pruned weights are still stored and multiplied densely: onnxruntime's CPU kernels do the same work on zeros, so latency and energy do not drop, and the file keeps its size; the saving shows only once the file is compressed (gzip size)."
  );
  const graph = {
    ...ix.graph,
    initializer: (ix.graph.initializer ?? []).map((t) => replaced.get(t.name ?? "") ?? t)
  };
  return {
    variant: "prune",
    label: label2,
    model: { ...model, graph },
    weights,
    notes,
    opset: defaultOpset(model),
    sparsity: total2 ? zeros2 / total2 : 0
  };
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

// src/optimize/advisor.ts
import { gzipSync } from "node:zlib";

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
function resolvePads(node2, spatialIn, kernel, strides2, dilations) {
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
    const out2 = Math.ceil(inDim / strides2[i]);
    const total2 = Math.max(0, (out2 - 1) * strides2[i] + (kernel[i] - 1) * dilations[i] + 1 - inDim);
    const small = Math.floor(total2 / 2);
    const large = total2 - small;
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
  const strides2 = attrInts(node2, "strides", new Array(k).fill(1));
  const dilations = attrInts(node2, "dilations", new Array(k).fill(1));
  const pads = resolvePads(node2, spatialIn, kernel, strides2, dilations);
  return { kernel, strides: strides2, dilations, pads, ceilMode: attrInt(node2, "ceil_mode", 0) === 1 };
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
function inferNode(node2, shapeOf, intsOf, floatsOf = () => void 0) {
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
    case "InstanceNormalization":
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
        const total2 = staticSize(x);
        const rest = out2.filter((_, i) => i !== minus);
        out2[minus] = total2 !== void 0 && rest.every((d) => typeof d === "number") ? total2 / rest.reduce((a, b) => a * b, 1) : unknownDim();
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
      const perm = attrInts(
        node2,
        "perm",
        x.map((_, i) => x.length - 1 - i)
      );
      return [perm.map((p) => x[p])];
    }
    case "Concat": {
      const known = ins.filter((s) => s !== void 0);
      if (!x || known.length !== ins.length) return [void 0];
      const axis = normAxis(attrInt(node2, "axis", 0), x.length);
      const out2 = [...x];
      out2[axis] = mulDimsSum(known.map((s) => s[axis]));
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
    case "ConvTranspose":
      return [convTransposeOutput(node2, x, ins[1])];
    case "Resize": {
      const sizes = node2.input?.[3] ? intsOf(node2.input[3]) : void 0;
      const scales = !node2.input?.[3] && node2.input?.[2] ? floatsOf(node2.input[2]) : void 0;
      if (!x) return [void 0];
      if (sizes?.length === x.length) return [sizes];
      if (scales?.length !== x.length) return [x.map(() => unknownDim())];
      return [x.map((d, i) => typeof d === "number" ? Math.floor(Math.fround(d * Math.fround(scales[i]))) : unknownDim())];
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
    case "Tile": {
      const reps = intsOf(node2.input?.[1] ?? "");
      if (!x || !reps || reps.length !== x.length) return [x ? x.map(() => unknownDim()) : void 0];
      return [x.map((d, i) => typeof d === "number" ? d * reps[i] : reps[i] === 1 ? d : unknownDim())];
    }
    case "Einsum": {
      const text = attrString(node2, "equation", "").replace(/\s+/g, "");
      const arrow = text.indexOf("->");
      if (arrow < 0 || text.includes("...")) return [void 0];
      const specs = text.slice(0, arrow).split(",");
      const dimOf2 = /* @__PURE__ */ new Map();
      specs.forEach(
        (spec, k) => [...spec].forEach((c, j) => {
          const d = ins[k]?.[j];
          if (d !== void 0 && (!dimOf2.has(c) || typeof dimOf2.get(c) !== "number" || d !== 1)) dimOf2.set(c, d);
        })
      );
      return [[...text.slice(arrow + 2)].map((c) => dimOf2.get(c) ?? unknownDim())];
    }
    case "ConstantOfShape": {
      const dims = intsOf(node2.input?.[0] ?? "");
      if (dims) return [dims];
      return [x && x.length === 1 && typeof x[0] === "number" ? Array.from({ length: x[0] }, () => unknownDim()) : void 0];
    }
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
    case "Expand": {
      const target = intsOf(node2.input?.[1] ?? "");
      if (target) return [broadcastShapes(x, target)];
      const s = ins[1];
      if (!x || !s || s.length !== 1 || typeof s[0] !== "number") return [void 0];
      return [Array.from({ length: Math.max(x.length, s[0]) }, () => unknownDim())];
    }
    case "Slice": {
      if (!x) return [void 0];
      const get = (i) => node2.input?.[i] ? intsOf(node2.input[i]) : void 0;
      const starts = get(1);
      const ends = get(2);
      const axes = (node2.input?.[3] ? get(3) : starts?.map((_, i) => i))?.map((a) => normAxis(a, x.length));
      const steps = node2.input?.[4] ? get(4) : starts?.map(() => 1);
      if (!axes) return [x.map(() => unknownDim())];
      const res = [...x];
      axes.forEach((a, i) => {
        const dim = x[a];
        const st = starts?.[i];
        const en = ends?.[i];
        const sp = steps?.[i];
        if (typeof dim !== "number" || st === void 0 || en === void 0 || sp === void 0 || sp === 0) {
          res[a] = unknownDim();
          return;
        }
        const norm = (v) => v < 0 ? v + dim : v;
        const lo = sp > 0 ? 0 : -1;
        const hi = sp > 0 ? dim : dim - 1;
        const b = Math.min(Math.max(norm(st), lo), hi);
        const e = Math.min(Math.max(norm(en), lo), hi);
        res[a] = Math.max(0, Math.ceil((e - b) / sp));
      });
      return [res];
    }
    case "Split": {
      if (!x) return new Array(nOut).fill(void 0);
      const axis = normAxis(attrInt(node2, "axis", 0), x.length);
      const sizes = node2.input?.[1] ? intsOf(node2.input[1]) : void 0;
      const dim = x[axis];
      return Array.from({ length: nOut }, (_, i) => {
        const o = [...x];
        o[axis] = sizes?.[i] ?? (typeof dim === "number" && !node2.input?.[1] && dim % nOut === 0 ? dim / nOut : unknownDim());
        return o;
      });
    }
    case "Pad": {
      const pads = node2.input?.[1] ? intsOf(node2.input[1]) : void 0;
      if (!x) return [void 0];
      if (!pads || pads.length !== 2 * x.length || node2.input?.[3]) return [x.map(() => unknownDim())];
      return [x.map((d, i) => typeof d === "number" ? d + pads[i] + pads[i + x.length] : unknownDim())];
    }
    case "Gather": {
      const idx = ins[1];
      if (!x || !idx) return [void 0];
      const axis = normAxis(attrInt(node2, "axis", 0), x.length);
      return [[...x.slice(0, axis), ...idx, ...x.slice(axis + 1)]];
    }
    case "LayerNormalization": {
      if (!x) return new Array(nOut).fill(void 0);
      const axis = normAxis(attrInt(node2, "axis", -1), x.length);
      const stat2 = x.map((d, i) => i < axis ? d : 1);
      return [x, stat2, stat2].slice(0, nOut);
    }
    default:
      return new Array(nOut).fill(void 0);
  }
}
function convTransposeOutput(node2, x, w) {
  if (!x || x.length < 3) return void 0;
  const k = x.length - 2;
  const channels = w && typeof w[1] === "number" ? w[1] * attrInt(node2, "group", 1) : unknownDim();
  const given = attrInts(node2, "output_shape", []);
  if (given.length === k) return [x[0], channels, ...given];
  const kernel = attrInts(node2, "kernel_shape", w?.slice(2).filter((d) => typeof d === "number") ?? []);
  const autoPad = attrString(node2, "auto_pad", "NOTSET");
  if (kernel.length !== k || autoPad !== "NOTSET" && autoPad !== "VALID")
    return [x[0], channels, ...x.slice(2).map(() => unknownDim())];
  const strides2 = attrInts(node2, "strides", new Array(k).fill(1));
  const dilations = attrInts(node2, "dilations", new Array(k).fill(1));
  const extra = attrInts(node2, "output_padding", new Array(k).fill(0));
  const pads = autoPad === "VALID" ? new Array(2 * k).fill(0) : attrInts(node2, "pads", new Array(2 * k).fill(0));
  const spatial = x.slice(2).map(
    (d, i) => typeof d === "number" ? strides2[i] * (d - 1) + extra[i] + (kernel[i] - 1) * dilations[i] + 1 - pads[i] - pads[i + k] : unknownDim()
  );
  return [x[0], channels, ...spatial];
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
  /** Older gradient formulations to build instead of the defaults (A/B benches, tests). */
  formulations = {};
  /** Outputs of Gemms that compute a Conv kernel's gradient as [M, C·k…] (its Reshape to the
   *  kernel follows): SGD may fold its update into such a Gemm (optimizers.ts). */
  kernelGradGemms = /* @__PURE__ */ new Set();
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
    this.nodes.push({
      opType,
      input: inputs,
      output: [output],
      name: this.fresh(`${opType.toLowerCase()}_node`),
      attribute: Object.entries(attrs).map(([k, v]) => attr(k, v))
    });
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
    return {
      opType,
      input: inputs,
      output: outputs,
      name: this.fresh(`${opType.toLowerCase()}_node`),
      attribute: Object.entries(attrs).map(([k, v]) => attr(k, v))
    };
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

// src/train/grad-rule.ts
function established(value, what) {
  if (value === void 0) throw new Error(`internal: ${what} is unknown although the rule's check passed`);
  return value;
}
function knownRank(em, name) {
  return established(em.shapeOf(name)?.length, `the rank of ${name}`);
}
function knownShape(em, name) {
  return established(em.shapeOf(name), `the shape of ${name}`);
}
function staticDims(dims, what) {
  return dims.map((d) => typeof d === "number" ? d : established(void 0, `${what} (dim ${String(d)})`));
}
function savedName(saved, key) {
  const v = saved[key];
  return typeof v === "string" ? v : established(void 0, `the saved tensor ${key}`);
}
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

// src/train/grad-ops-elementwise.ts
function unaryRule(grad) {
  return {
    differentiable: () => [0],
    backward(em, node2, [dY]) {
      return dY ? [grad(em, node2, dY)] : [];
    }
  };
}
var sqrt2 = unaryRule(
  (em, node2, dY) => (
    // Y = √X: dX = dY / (2Y).
    em.one("Div", [em.one("Mul", [dY, em.scalar(0.5)]), out(node2, 0)])
  )
);
var reciprocal = unaryRule((em, node2, dY) => {
  const y = out(node2, 0);
  return em.one("Neg", [em.one("Mul", [dY, em.one("Mul", [y, y])])]);
});
var exp = unaryRule((em, node2, dY) => em.one("Mul", [dY, out(node2, 0)]));
var log2 = unaryRule((em, node2, dY) => em.one("Div", [dY, inp(node2, 0)]));
var abs = unaryRule(
  (em, node2, dY) => (
    // d|x|/dx = sign(x) (0 at 0, as PyTorch).
    em.one("Mul", [dY, em.one("Sign", [inp(node2, 0)])])
  )
);
var erf = unaryRule((em, node2, dY) => {
  const x = inp(node2, 0);
  const e = em.one("Exp", [em.one("Neg", [em.one("Mul", [x, x])])]);
  return em.one("Mul", [dY, em.one("Mul", [e, em.scalar(2 / Math.sqrt(Math.PI))])]);
});
var hardSigmoid = unaryRule((em, node2, dY) => {
  const alpha = attrFloat(node2, "alpha", 0.2);
  const y = out(node2, 0);
  const inside = em.one("And", [em.one("Greater", [y, em.scalar(0)]), em.one("Less", [y, em.scalar(1)])]);
  return em.one("Where", [inside, em.one("Mul", [dY, em.scalar(alpha)]), em.scalar(0)]);
});
var hardSwish = unaryRule((em, node2, dY) => {
  const x = inp(node2, 0);
  const mid = em.one("Mul", [dY, em.one("Add", [em.one("Mul", [x, em.scalar(1 / 3)]), em.scalar(0.5)])]);
  const upper = em.one("Where", [em.one("Greater", [x, em.scalar(3)]), dY, mid]);
  return em.one("Where", [em.one("Less", [x, em.scalar(-3)]), em.scalar(0), upper]);
});
var clip = {
  differentiable: () => [0],
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const conds = [];
    if (hasInput(node2, 1)) conds.push(em.one("GreaterOrEqual", [x, inp(node2, 1)]));
    if (hasInput(node2, 2)) conds.push(em.one("LessOrEqual", [x, inp(node2, 2)]));
    if (conds.length === 0) return [dY];
    const mask = conds.length === 2 ? em.one("And", conds) : conds[0];
    return [em.one("Where", [mask, dY, em.scalar(0)], {}, "grad_clip")];
  }
};
var pow = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const a = inp(node2, 0);
    const b = inp(node2, 1);
    const y = out(node2, 0);
    const yShape = em.shapeOf(y);
    let dA;
    let dB;
    if (need[0]) {
      const known = em.floatsOf(b);
      let local;
      if (known && known.length === 1) {
        const p = known[0];
        local = p === 2 ? em.one("Mul", [a, em.scalar(2)]) : p === 1 ? em.filled(1, a) : em.one("Mul", [em.one("Pow", [a, em.scalar(p - 1)]), em.scalar(p)]);
      } else {
        const bf = em.one("Cast", [b], { to: em.floatType });
        local = em.one("Mul", [bf, em.one("Pow", [a, em.one("Sub", [bf, em.scalar(1)])])]);
      }
      dA = em.sumTo(em.one("Mul", [dY, local]), yShape, a);
    }
    if (need[1]) {
      dB = em.sumTo(em.one("Mul", [dY, em.one("Mul", [y, em.one("Log", [a])])]), yShape, b);
    }
    return [dA, dB];
  }
};
var gelu = unaryRule((em, node2, dY) => {
  const x = inp(node2, 0);
  if (attrString(node2, "approximate", "none") === "tanh") {
    const k = Math.sqrt(2 / Math.PI);
    const x2 = em.one("Mul", [x, x]);
    const u = em.one("Mul", [
      em.one("Mul", [x, em.one("Add", [em.one("Mul", [x2, em.scalar(0.044715)]), em.scalar(1)])]),
      em.scalar(k)
    ]);
    const t = em.one("Tanh", [u]);
    const du = em.one("Mul", [em.one("Add", [em.one("Mul", [x2, em.scalar(3 * 0.044715)]), em.scalar(1)]), em.scalar(k)]);
    const left = em.one("Mul", [em.one("Add", [t, em.scalar(1)]), em.scalar(0.5)]);
    const right = em.one("Mul", [
      em.one("Mul", [em.one("Mul", [x, em.scalar(0.5)]), em.one("Sub", [em.scalar(1), em.one("Mul", [t, t])])]),
      du
    ]);
    return em.one("Mul", [dY, em.one("Add", [left, right])]);
  }
  const cdf = em.one("Mul", [
    em.one("Add", [em.one("Erf", [em.one("Mul", [x, em.scalar(Math.SQRT1_2)])]), em.scalar(1)]),
    em.scalar(0.5)
  ]);
  const pdf = em.one("Mul", [
    em.one("Exp", [em.one("Mul", [em.one("Mul", [x, x]), em.scalar(-0.5)])]),
    em.scalar(1 / Math.sqrt(2 * Math.PI))
  ]);
  return em.one("Mul", [dY, em.one("Add", [cdf, em.one("Mul", [x, pdf])])]);
});
var ELEMENTWISE_GRAD_RULES = {
  Sqrt: sqrt2,
  Reciprocal: reciprocal,
  Exp: exp,
  Log: log2,
  Abs: abs,
  Erf: erf,
  HardSigmoid: hardSigmoid,
  HardSwish: hardSwish,
  Clip: clip,
  Pow: pow,
  Gelu: gelu
};

// src/train/grad-ops-reduce.ts
function reduceAxes(node2, em) {
  if (hasInput(node2, 1)) return em.intsOf(inp(node2, 1)) ?? "dynamic";
  const a = attrInts(node2, "axes", []);
  if (a.length) return a;
  return attrInt(node2, "noop_with_empty_axes", 0) ? [] : void 0;
}
function checkReduce(node2, em) {
  const axes = reduceAxes(node2, em);
  if (axes === "dynamic") return "its axes are computed at run time (the gradient needs them when the graph is built)";
  const rank = rankOf(em, inp(node2, 0));
  if (rank === void 0) return "the rank of its input is not known when the graph is built";
  if (axes?.some((a) => !Number.isInteger(a) || a < -rank || a >= rank))
    return `axes [${axes.join(", ")}] do not fit an input of rank ${rank}`;
  return void 0;
}
function knownReduceAxes(node2, em, rank) {
  const found = reduceAxes(node2, em);
  const given = found === "dynamic" ? established(void 0, `the axes of ${node2.name ?? "a Reduce node"}`) : found;
  return (given ?? Array.from({ length: rank }, (_, i) => i)).map((a) => normAxis(a, rank));
}
function reduceRule(mean) {
  return {
    differentiable: () => [0],
    check: checkReduce,
    backward(em, node2, [dY]) {
      if (!dY) return [];
      const x = inp(node2, 0);
      const rank = knownRank(em, x);
      const axes = knownReduceAxes(node2, em, rank);
      let g = attrInt(node2, "keepdims", 1) || axes.length === 0 ? dY : unsqueeze(
        em,
        dY,
        [...axes].sort((a, b) => a - b)
      );
      if (mean) {
        const xs2 = knownShape(em, x);
        const reduced = axes.map((a) => xs2[a]);
        const count2 = reduced.every((d) => typeof d === "number") ? em.scalar(reduced.reduce((a, b) => a * b, 1)) : em.one("Div", [em.floatSize(x, xs2), em.floatSize(out(node2, 0), em.shapeOf(out(node2, 0)))], {}, "reduce_count");
        g = em.one("Div", [g, count2]);
      }
      const xs = em.shapeOf(x);
      return [
        em.one("Expand", [g, isStatic(xs) ? em.ints(xs) : em.shapeTensor(x)], {}, mean ? "grad_reduce_mean" : "grad_reduce_sum")
      ];
    }
  };
}

// src/train/window-grad.ts
function transposeGeometry(g, inSpatial, outSpatial) {
  const k = inSpatial.length;
  const pads = established(g.pads, "the pads");
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
function kernelOffsets(kernel) {
  let offsets = [[]];
  for (const size of kernel) offsets = offsets.flatMap((o) => Array.from({ length: size }, (_, j) => [...o, j]));
  return offsets;
}

// src/train/conv-grad-x.ts
var CONV_TRANSPOSE_MAX_RATIO = 50;
var CONV_TRANSPOSE_MAX_WEIGHTS = 1 << 18;
function useConvTranspose(c, f = {}) {
  if (c.group !== 1) return true;
  const K = c.g.kernel.reduce((a, b) => a * b, 1);
  const Y = c.ySpatial.reduce((a, b) => a * b, 1);
  if (!f.col2imPads) return c.wShape[0] * K <= CONV_TRANSPOSE_MAX_RATIO * Y;
  const weights = c.wShape.reduce((a, b) => a * b, 1);
  return weights <= CONV_TRANSPOSE_MAX_WEIGHTS || c.wShape[0] * K <= 30 * Y;
}
function convTransposeDx(em, dY, w, c, name = "grad_conv_x") {
  const t = transposeGeometry(c.g, c.spatial, c.ySpatial);
  return em.one(
    "ConvTranspose",
    [dY, w],
    {
      ...c.group !== 1 ? { group: c.group } : {},
      kernel_shape: c.g.kernel,
      strides: c.g.strides,
      dilations: c.g.dilations,
      pads: t.pads,
      output_padding: t.outputPadding
    },
    name
  );
}
function gemmCol2imDx(em, w, dYMatrix, c) {
  const dcols = em.one("Gemm", [em.reshapeTo(w, [c.wShape[0], -1]), dYMatrix()], { transA: 1 }, "grad_conv_cols");
  return col2imOp(em, dcols, c) ?? col2imPads(em, dcols, c);
}
function col2imOp(em, dcols, c) {
  const { spatial, ySpatial, wShape, g } = c;
  if (em.opset < 18 || em.formulations.col2imPads || spatial.length > 2 && g.dilations.some((d) => d !== 1)) return void 0;
  const pads = established(g.pads, "the pads");
  const rows = wShape[1] * g.kernel.reduce((a, b) => a * b, 1);
  const Y = ySpatial.reduce((a, b) => a * b, 1);
  const perImage = em.one("Transpose", [em.reshapeTo(dcols, [rows, -1, Y])], { perm: [1, 0, 2] }, "col2im_cols");
  if (spatial.length === 1) {
    const image = em.one(
      "Col2Im",
      [perImage, em.ints([1, ...spatial]), em.ints([1, ...g.kernel])],
      { strides: [1, ...g.strides], dilations: [1, ...g.dilations], pads: [0, pads[0], 0, pads[1]] },
      "col2im"
    );
    return em.reshapeTo(image, [0, wShape[1], ...spatial]);
  }
  return em.one(
    "Col2Im",
    [perImage, em.ints(spatial), em.ints(g.kernel)],
    { strides: g.strides, dilations: g.dilations, pads },
    "col2im"
  );
}
function col2imPads(em, dcols, c) {
  const { spatial, ySpatial, wShape, g } = c;
  const k = spatial.length;
  const K = g.kernel.reduce((a, b) => a * b, 1);
  const perm = [1, 0, ...Array.from({ length: k }, (_, i) => i + 2)];
  const pads = established(g.pads, "the pads");
  const paddedSpatial = spatial.map((h, a) => h + pads[a] + pads[a + k]);
  const offsets = kernelOffsets(g.kernel);
  let byOffset = em.reshapeTo(dcols, [wShape[1], K, -1, ...ySpatial]);
  let span = ySpatial;
  if (g.strides.some((v) => v !== 1)) {
    const inter = em.reshapeTo(byOffset, [wShape[1], K, -1, ...ySpatial.flatMap((y) => [y, 1])]);
    const endPads = [0, 0, 0, ...g.strides.flatMap((st) => [0, st - 1])];
    const spread = em.one(
      "Pad",
      [inter, em.ints([...new Array(3 + 2 * k).fill(0), ...endPads]), em.scalar(0)],
      {},
      "col2im_stride"
    );
    span = ySpatial.map((y, a) => (y - 1) * g.strides[a] + 1);
    byOffset = em.one(
      "Slice",
      [
        em.reshapeTo(spread, [wShape[1], K, -1, ...ySpatial.map((y, a) => y * g.strides[a])]),
        em.ints(new Array(k).fill(0)),
        em.ints(span),
        em.ints(Array.from({ length: k }, (_, i) => i + 3))
      ],
      {},
      "col2im_stride"
    );
  }
  const parts = K === 1 ? [byOffset] : em.op("Split", [byOffset], { axis: 1, ...em.opset >= 18 ? { num_outputs: K } : {} }, K, "col2im");
  const placed = parts.map((part, i) => {
    const begin = offsets[i].map((j, a) => j * g.dilations[a]);
    const end = begin.map((b, a) => paddedSpatial[a] - b - span[a]);
    if (begin.every((v) => v === 0) && end.every((v) => v === 0)) return part;
    return em.one("Pad", [part, em.ints([0, 0, 0, ...begin, 0, 0, 0, ...end]), em.scalar(0)], {}, "col2im");
  });
  const summed = placed.length === 1 ? placed[0] : em.one("Sum", placed, {}, "col2im_sum");
  const image = em.one("Transpose", [em.reshapeTo(summed, [wShape[1], -1, ...paddedSpatial])], { perm }, "dx_padded");
  return pads.some((v) => v !== 0) ? em.one(
    "Slice",
    [
      image,
      em.ints(pads.slice(0, k)),
      em.ints(spatial.map((h, a) => h + pads[a])),
      em.ints(Array.from({ length: k }, (_, i) => i + 2))
    ],
    {},
    "grad_conv_x"
  ) : image;
}

// src/train/grad-ops-conv.ts
var conv = {
  check(node2, em) {
    const x = staticSpatial(em, inp(node2, 0));
    if (!x)
      return "the spatial dims of its input are not known when the graph is built (give the model inputs' shapes in the budget file: `inputs: { x: { shape: [...] } }` or `dims:`)";
    const w = em.shapeOf(inp(node2, 1));
    if (!isStatic(w)) return "the shape of its weight is not known when the graph is built";
    return void 0;
  },
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const w = inp(node2, 1);
    const { spatial } = established(staticSpatial(em, x), `the spatial shape of ${x}`);
    const wShape = staticDims(knownShape(em, w), `the shape of ${w}`);
    const g = established(windowGeometry(node2, spatial, wShape.slice(2)), "the window geometry");
    const ySpatial = staticDims(windowOutput(spatial, g), "the output size");
    const k = spatial.length;
    const group = attrInt(node2, "group", 1);
    let dX;
    let dW;
    let dB;
    const perm = [1, 0, ...Array.from({ length: k }, (_, i) => i + 2)];
    let dYm;
    const dYMatrix = () => dYm ??= em.reshapeTo(em.one("Transpose", [dY], { perm }, "dyT"), [wShape[0], -1]);
    if (need[0]) {
      const geometry = { spatial, ySpatial, wShape, group, g };
      dX = useConvTranspose(geometry, em.formulations) ? convTransposeDx(em, dY, w, geometry) : gemmCol2imDx(em, w, dYMatrix, geometry);
    }
    if (need[1] && group === 1) {
      const pads = established(g.pads, "the pads");
      const padded = pads.some((v) => v !== 0) ? em.one("Pad", [x, em.ints([0, 0, ...pads.slice(0, k), 0, 0, ...pads.slice(k)]), em.scalar(0)], {}, "x_padded") : x;
      const xT = em.one("Transpose", [padded], { perm }, "xT");
      const axes = em.ints(Array.from({ length: k }, (_, i) => i + 2));
      const steps = em.ints(g.strides);
      const offsets = kernelOffsets(g.kernel);
      const cols = offsets.map((o) => {
        const starts = o.map((j, a) => j * g.dilations[a]);
        const ends = starts.map((st, a) => st + (ySpatial[a] - 1) * g.strides[a] + 1);
        return g.kernel.every((v) => v === 1) && g.strides.every((v) => v === 1) ? xT : em.one("Slice", [xT, em.ints(starts), em.ints(ends), axes, steps], {}, "im2col");
      });
      const stacked = cols.length === 1 ? cols[0] : em.one("Concat", cols, { axis: 1 }, "im2col");
      const colMat = em.reshapeTo(stacked, [wShape[1] * offsets.length, -1]);
      const kernelGrad = em.one("Gemm", [dYMatrix(), colMat], { transB: 1 }, "grad_conv_w_gemm");
      em.kernelGradGemms.add(kernelGrad);
      dW = em.reshapeTo(kernelGrad, wShape);
    } else if (need[1]) {
      const cPer = wShape[1];
      const split2 = em.one("Reshape", [x, em.ints([0, group, cPer, ...spatial])], {}, "x_groups");
      const moved = em.one("Transpose", [split2], { perm: [2, 1, 0, ...Array.from({ length: k }, (_, i) => i + 3)] });
      const xT = em.one("Reshape", [moved, em.ints([cPer, -1, ...spatial])], {}, "xT");
      const dYT = em.one("Transpose", [dY], { perm }, "dyT");
      const pads = established(g.pads, "the pads");
      let c = em.one(
        "Conv",
        [xT, dYT],
        { strides: g.dilations, dilations: g.strides, pads, kernel_shape: ySpatial, group },
        "grad_conv_w"
      );
      const got = spatial.map(
        (h, i) => Math.floor((h + pads[i] + pads[i + k] - (ySpatial[i] - 1) * g.strides[i] - 1) / g.dilations[i]) + 1
      );
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
var batchNorm = {
  differentiable: () => [0, 1, 2],
  check(node2, em) {
    if (rankOf(em, inp(node2, 0)) === void 0) return "the rank of its input is not known when the graph is built";
    if ((node2.output ?? []).slice(1).some(Boolean))
      return "it has outputs besides Y (running or saved statistics); export the model in inference mode";
    if (attrInt(node2, "spatial", 1) !== 1) return "spatial = 0 (per-activation statistics, opset < 9)";
    return void 0;
  },
  forward(em, node2) {
    const x = inp(node2, 0);
    const rank = knownRank(em, x);
    const xShape = knownShape(em, x);
    const axes = [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2)];
    const eps = attrFloat(node2, "epsilon", 1e-5);
    const momentum = attrFloat(node2, "momentum", 0.9);
    const paramShape = [-1, ...new Array(rank - 2).fill(1)];
    const asParam = (p) => rank > 2 ? em.one("Reshape", [p, em.ints(paramShape)], {}, "bn_param") : p;
    const mu = em.reduceMean(x, axes, true);
    const xc = em.one("Sub", [x, mu], {}, "bn_centered");
    const variance = em.reduceMean(em.one("Mul", [xc, xc]), axes, true);
    const invStd = em.one("Reciprocal", [em.one("Sqrt", [em.one("Add", [variance, em.scalar(eps)])])], {}, "bn_inv_std");
    const xhat = em.one("Mul", [xc, invStd], {}, "bn_xhat");
    const gamma = asParam(inp(node2, 1));
    em.to(out(node2, 0), "Add", [em.one("Mul", [xhat, gamma]), asParam(inp(node2, 2))]);
    for (const t of [xc, xhat]) em.setShape(t, xShape);
    const statShape = xShape.map((d, i) => axes.includes(i) ? 1 : d);
    for (const t of [mu, variance, invStd]) em.setShape(t, statShape);
    const updates = {};
    const flat = (t) => em.one("Reshape", [t, em.ints([-1])]);
    for (const [slot, stat2] of [
      [3, mu],
      [4, variance]
    ]) {
      const running = inp(node2, slot);
      if (!running) continue;
      updates[running] = em.one(
        "Add",
        [em.one("Mul", [running, em.scalar(momentum)]), em.one("Mul", [flat(stat2), em.scalar(1 - momentum)])],
        {},
        "bn_running"
      );
    }
    return { saved: { xhat, invStd, gamma }, stateUpdates: updates };
  },
  backward(em, node2, [dY], need, saved) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const rank = knownRank(em, x);
    const axes = [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2)];
    const xhat = savedName(saved, "xhat");
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
      dX = em.one("Mul", [centered, em.one("Mul", [savedName(saved, "gamma"), savedName(saved, "invStd")])], {}, "grad_bn_x");
    }
    return [dX, need[1] ? flat(sumDyXhat) : void 0, need[2] ? flat(sumDy) : void 0];
  }
};

// src/train/grad-ops-spatial.ts
function separableBackward(em, dY, inDims, axes, map) {
  const r = inDims.length;
  let g = dY;
  for (const a of axes) {
    const n = inDims[a];
    const eye = em.one("EyeLike", [em.one("ConstantOfShape", [em.ints([n, n])])], { dtype: em.floatType }, "eye");
    if (a === r - 1) {
      g = em.one("MatMul", [g, map(eye, 0, a)], {}, "grad_separable");
    } else if (a === r - 2) {
      g = em.one("MatMul", [map(eye, 1, a), g], {}, "grad_separable");
    } else {
      const perm = Array.from({ length: r }, (_, i) => i === a ? r - 1 : i === r - 1 ? a : i);
      const moved = em.one("Transpose", [g], { perm });
      g = em.one("Transpose", [em.one("MatMul", [moved, map(eye, 0, a)])], { perm }, "grad_separable");
    }
  }
  return g;
}
function float32Const(em, values) {
  const name = em.fresh("scales");
  em.initializers.push(rawTensor(name, [values.length], DataType.FLOAT, Float32Array.from(values)));
  return name;
}
var pad = {
  differentiable: () => [0],
  check(node2, em) {
    const mode = attrString(node2, "mode", "constant");
    if (!["constant", "reflect", "edge", "wrap"].includes(mode)) return `mode = ${mode} is not an ONNX Pad mode`;
    if (hasInput(node2, 3)) return "it pads selected axes only (the axes input of opset 18)";
    const pads = em.intsOf(inp(node2, 1));
    if (!pads) return "its pads are computed at run time (the gradient needs them when the graph is built)";
    if (pads.some((v) => v < 0)) return "it crops (negative pads)";
    if (mode !== "constant" && !isStatic(em.shapeOf(inp(node2, 0))))
      return `the shape of its input is not known when the graph is built (needed for ${mode} padding)`;
    return void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const pads = established(em.intsOf(inp(node2, 1)), "the pads");
    const r = pads.length / 2;
    const axes = Array.from({ length: r }, (_, i) => i).filter((i) => pads[i] !== 0 || pads[i + r] !== 0);
    if (axes.length === 0) return [dY];
    const mode = attrString(node2, "mode", "constant");
    if (mode !== "constant") {
      const dims = staticDims(knownShape(em, inp(node2, 0)), "the shape of the padded input");
      const map = (eye, along, a) => {
        const p = [0, 0, 0, 0];
        p[along] = pads[a];
        p[along + 2] = pads[a + r];
        return em.one("Pad", [eye, em.ints(p)], { mode }, "pad_map");
      };
      return [separableBackward(em, dY, dims, axes, map)];
    }
    return [
      em.one(
        "Slice",
        [
          dY,
          em.ints(axes.map((a) => pads[a])),
          em.ints(axes.map((a) => pads[a + r] > 0 ? -pads[a + r] : Number.MAX_SAFE_INTEGER)),
          em.ints(axes)
        ],
        {},
        "grad_pad"
      )
    ];
  }
};
function resizeTarget(node2) {
  if (hasInput(node2, 3)) return { sizes: inp(node2, 3) };
  return hasInput(node2, 2) ? { scales: inp(node2, 2) } : void 0;
}
var resize = {
  differentiable: () => [0],
  check(node2, em) {
    const mode = attrString(node2, "mode", "nearest");
    if (mode !== "nearest" && mode !== "linear")
      return `mode = ${mode} (nearest and linear have gradients here; export with mode nearest or (bi)linear)`;
    const coords = attrString(node2, "coordinate_transformation_mode", "half_pixel");
    if (coords === "tf_crop_and_resize")
      return "coordinate_transformation_mode = tf_crop_and_resize (its extrapolation value is not a linear map of the input)";
    if (attrInt(node2, "antialias", 0) !== 0)
      return "antialias = 1 (downscaling with an antialiasing filter has no gradient here)";
    if (attrInt(node2, "exclude_outside", 0) !== 0) return "exclude_outside = 1";
    if (findAttr(node2, "axes")) return "it resizes selected axes only (the axes attribute of opset 18)";
    if (attrString(node2, "keep_aspect_ratio_policy", "stretch") !== "stretch")
      return "keep_aspect_ratio_policy is not stretch (the sizes it computes are not known when the graph is built)";
    if (!resizeTarget(node2)) return "it has neither scales nor sizes";
    if (!isStatic(em.shapeOf(inp(node2, 0))))
      return "the shape of its input is not known when the graph is built (give the model inputs' shapes in the budget file)";
    return void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const dims = staticDims(knownShape(em, inp(node2, 0)), "the shape of the resized input");
    const target = established(resizeTarget(node2), "the scales or sizes");
    const sizes = "sizes" in target ? em.intsOf(target.sizes) : void 0;
    const scales = "scales" in target ? em.floatsOf(target.scales) : void 0;
    const axes = dims.map((_, a) => a).filter((a) => sizes ? sizes[a] !== dims[a] : scales ? scales[a] !== 1 : true);
    const attrs = node2.attribute ?? [];
    const map = (eye, along, a) => {
      const n = dims[a];
      let arg;
      if ("sizes" in target) {
        const size = sizes ? em.ints([sizes[a]]) : em.one("Slice", [target.sizes, em.ints([a]), em.ints([a + 1])]);
        arg = em.one("Concat", along === 0 ? [size, em.ints([n])] : [em.ints([n]), size], { axis: 0 });
      } else if (scales) {
        arg = float32Const(em, along === 0 ? [scales[a], 1] : [1, scales[a]]);
      } else {
        const scale = em.one("Slice", [target.scales, em.ints([a]), em.ints([a + 1])]);
        const one = float32Const(em, [1]);
        arg = em.one("Concat", along === 0 ? [scale, one] : [one, scale], { axis: 0 });
      }
      const output = em.fresh("resize_map");
      em.push({
        opType: "Resize",
        input: "sizes" in target ? [eye, "", "", arg] : [eye, "", arg],
        output: [output],
        name: output,
        attribute: attrs
      });
      return output;
    };
    return [separableBackward(em, dY, dims, axes, map)];
  }
};
function transposeConvGeometry(node2, em) {
  const xs = em.shapeOf(inp(node2, 0));
  const ws = em.shapeOf(inp(node2, 1));
  if (!isStatic(xs) || xs.length < 3)
    return "the spatial dims of its input are not known when the graph is built (give the model inputs' shapes in the budget file)";
  if (!isStatic(ws)) return "the shape of its weight is not known when the graph is built";
  const k = xs.length - 2;
  const autoPad = attrString(node2, "auto_pad", "NOTSET");
  if (autoPad !== "NOTSET" && autoPad !== "VALID") return `auto_pad = ${autoPad} (export with explicit pads)`;
  if (findAttr(node2, "output_shape")) return "it sets output_shape (export with explicit pads and output_padding)";
  const strides2 = attrInts(node2, "strides", new Array(k).fill(1));
  const outputPadding = attrInts(node2, "output_padding", new Array(k).fill(0));
  if (outputPadding.some((p, i) => p >= strides2[i]))
    return `output_padding [${outputPadding.join(", ")}] is not smaller than the strides [${strides2.join(", ")}]`;
  return {
    spatial: xs.slice(2),
    kernel: attrInts(node2, "kernel_shape", ws.slice(2)),
    strides: strides2,
    dilations: attrInts(node2, "dilations", new Array(k).fill(1)),
    pads: autoPad === "VALID" ? new Array(2 * k).fill(0) : attrInts(node2, "pads", new Array(2 * k).fill(0))
  };
}
var convTranspose = {
  check(node2, em) {
    const g = transposeConvGeometry(node2, em);
    return typeof g === "string" ? g : void 0;
  },
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const g = transposeConvGeometry(node2, em);
    if (typeof g === "string") return established(void 0, `the ConvTranspose geometry (${g})`);
    const group = attrInt(node2, "group", 1);
    const attrs = {
      kernel_shape: g.kernel,
      strides: g.strides,
      dilations: g.dilations,
      pads: g.pads,
      ...group !== 1 ? { group } : {}
    };
    if (em.shapeOf(dY) === void 0) em.setShape(dY, em.shapeOf(out(node2, 0)));
    const dX = need[0] ? em.one("Conv", [dY, inp(node2, 1)], attrs, "grad_convt_x") : void 0;
    let dW;
    if (need[1]) {
      const asConv = {
        opType: "Conv",
        input: [dY, inp(node2, 1)],
        output: [inp(node2, 0)],
        attribute: Object.entries(attrs).map(([name, v]) => attr(name, v))
      };
      dW = conv.backward(em, asConv, [inp(node2, 0)], [false, true, false], {})[1];
    }
    const k = g.spatial.length;
    const dB = need[2] && hasInput(node2, 2) ? em.reduceSum(dY, [0, ...Array.from({ length: k }, (_, i) => i + 2)], false) : void 0;
    return [dX, dW, dB];
  }
};
var instanceNorm = {
  check(node2, em) {
    const r = rankOf(em, inp(node2, 0));
    if (r === void 0) return "the rank of its input is not known when the graph is built";
    return r < 3 ? `its input has rank ${r} (N, C and at least one spatial axis expected)` : void 0;
  },
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const r = knownRank(em, x);
    const spatial = Array.from({ length: r - 2 }, (_, i) => i + 2);
    const mean = em.reduceMean(x, spatial, true);
    const centered = em.one("Sub", [x, mean]);
    const variance = em.reduceMean(em.one("Mul", [centered, centered]), spatial, true);
    const eps = em.scalar(attrFloat(node2, "epsilon", 1e-5));
    const invStd = em.one("Reciprocal", [em.one("Sqrt", [em.one("Add", [variance, eps])])], {}, "in_inv_std");
    const xhat = em.one("Mul", [centered, invStd], {}, "in_xhat");
    let dX;
    if (need[0]) {
      const gamma = em.one("Unsqueeze", [inp(node2, 1), em.ints(spatial.map((a) => a - 1))]);
      const dxhat = em.one("Mul", [dY, gamma]);
      const m1 = em.reduceMean(dxhat, spatial, true);
      const m2 = em.reduceMean(em.one("Mul", [dxhat, xhat]), spatial, true);
      const centeredGrad = em.one("Sub", [em.one("Sub", [dxhat, m1]), em.one("Mul", [xhat, m2])]);
      dX = em.one("Mul", [centeredGrad, invStd], {}, "grad_in_x");
    }
    const sumAxes = [0, ...spatial];
    const dScale = need[1] ? em.reduceSum(em.one("Mul", [dY, xhat]), sumAxes, false) : void 0;
    const dBias = need[2] ? em.reduceSum(dY, sumAxes, false) : void 0;
    return [dX, dScale, dBias];
  }
};
var SPATIAL_GRAD_RULES = {
  Pad: pad,
  Resize: resize,
  ConvTranspose: convTranspose,
  InstanceNormalization: instanceNorm
};

// src/train/grad-ops-more.ts
var where = {
  differentiable: () => [1, 2],
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const c = inp(node2, 0);
    const yShape = em.shapeOf(out(node2, 0));
    const zero = em.scalar(0);
    return [
      void 0,
      need[1] ? em.sumTo(em.one("Where", [c, dY, zero]), yShape, inp(node2, 1)) : void 0,
      need[2] ? em.sumTo(em.one("Where", [c, zero, dY]), yShape, inp(node2, 2)) : void 0
    ];
  }
};
var expand = {
  differentiable: () => [0],
  backward(em, node2, [dY]) {
    if (!dY) return [];
    return [em.sumTo(dY, em.shapeOf(out(node2, 0)), inp(node2, 0))];
  }
};
function slicePads(em, node2) {
  const s = em.shapeOf(inp(node2, 0));
  if (!isStatic(s)) return void 0;
  const starts = em.intsOf(inp(node2, 1));
  const ends = em.intsOf(inp(node2, 2));
  const axes = hasInput(node2, 3) ? em.intsOf(inp(node2, 3)) : starts?.map((_, i) => i);
  const steps = hasInput(node2, 4) ? em.intsOf(inp(node2, 4)) : starts?.map(() => 1);
  if (!starts || !ends || !axes || !steps || steps.some((v) => v !== 1)) return void 0;
  const r = s.length;
  const pads = new Array(2 * r).fill(0);
  for (let i = 0; i < axes.length; i++) {
    const a = normAxis(axes[i], r);
    const dim = s[a];
    const clamp = (v) => Math.min(Math.max(v < 0 ? v + dim : v, 0), dim);
    const st = clamp(starts[i]);
    const en = Math.max(clamp(ends[i]), st);
    pads[a] = st;
    pads[a + r] = dim - en;
  }
  return pads;
}
var slice = {
  differentiable: () => [0],
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const pads = slicePads(em, node2);
    if (pads) {
      return [em.one("Pad", [dY, em.ints(pads), em.scalar(0)], {}, "grad_slice")];
    }
    const size = em.one("Size", [x]);
    const positions = em.one("Reshape", [em.one("Range", [em.ints([0], []), size, em.ints([1], [])]), em.shapeTensor(x)]);
    const picked = em.one("Slice", [positions, ...(node2.input ?? []).slice(1)]);
    const data = em.floatType === DataType.DOUBLE ? Float64Array.from([0]) : Float32Array.from([0]);
    const zeros2 = em.one("ConstantOfShape", [em.one("Reshape", [size, em.ints([1])])], {
      value: { t: rawTensor("value", [1], em.floatType, data) }
    });
    const flat = em.one(
      "ScatterElements",
      [zeros2, em.one("Reshape", [picked, em.ints([-1])]), em.one("Reshape", [dY, em.ints([-1])])],
      { axis: 0 },
      "grad_slice_flat"
    );
    return [em.one("Reshape", [flat, em.shapeTensor(x)], {}, "grad_slice")];
  }
};
var split = {
  differentiable: () => [0],
  multiOutput: true,
  backward(em, node2, dOut) {
    const parts = (node2.output ?? []).map((o, i) => dOut[i] ?? em.filled(0, o));
    return [em.one("Concat", parts, { axis: attrInt(node2, "axis", 0) }, "grad_split")];
  }
};
var gather = {
  differentiable: () => [0],
  check(node2, em) {
    if (rankOf(em, inp(node2, 0)) === void 0) return "the rank of its data input is not known";
    if (attrInt(node2, "axis", 0) !== 0 && rankOf(em, inp(node2, 1)) === void 0)
      return "it gathers along an axis other than 0 and the rank of its indices is not known";
    return void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const data = inp(node2, 0);
    const r = knownRank(em, data);
    const axis = normAxis(attrInt(node2, "axis", 0), r);
    const q = rankOf(em, inp(node2, 1));
    let idx = em.one("Cast", [inp(node2, 1)], { to: DataType.INT64 });
    const dim = em.one("Shape", [data], { start: axis, end: axis + 1 });
    idx = em.one("Where", [em.one("Less", [idx, em.ints([0], [])]), em.one("Add", [idx, dim]), idx]);
    const zeros2 = em.filled(0, data);
    const unsq = em.one("Unsqueeze", [idx, em.ints([-1])]);
    if (axis === 0) {
      return [em.one("ScatterND", [zeros2, unsq, dY], { reduction: "add" }, "grad_gather")];
    }
    const qr = established(q, "the rank of the indices");
    const perm = [axis, ...Array.from({ length: r }, (_, i) => i).filter((i) => i !== axis)];
    const inverse = perm.map((_, i) => perm.indexOf(i));
    const dyPerm = [
      ...Array.from({ length: qr }, (_, i) => axis + i),
      ...Array.from({ length: axis }, (_, i) => i),
      ...Array.from({ length: r - axis - 1 }, (_, i) => axis + qr + i)
    ];
    const scattered = em.one(
      "ScatterND",
      [em.one("Transpose", [zeros2], { perm }), unsq, em.one("Transpose", [dY], { perm: dyPerm })],
      { reduction: "add" }
    );
    return [em.one("Transpose", [scattered], { perm: inverse }, "grad_gather")];
  }
};
var layerNorm = {
  differentiable: () => [0, 1, 2],
  check(node2, em) {
    if (rankOf(em, inp(node2, 0)) === void 0) return "the rank of its input is not known";
    return void 0;
  },
  forward(em, node2) {
    const mean = node2.output?.[1] || em.fresh("ln_mean");
    const invStd = node2.output?.[2] || em.fresh("ln_inv_std");
    em.push({ ...node2, output: [out(node2, 0), mean, invStd] });
    if (em.floatType === DataType.DOUBLE) {
      return {
        saved: { mean: em.one("Cast", [mean], { to: em.floatType }), invStd: em.one("Cast", [invStd], { to: em.floatType }) }
      };
    }
    return { saved: { mean, invStd } };
  },
  backward(em, node2, [dY], need, saved) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const r = knownRank(em, x);
    const axis = normAxis(attrInt(node2, "axis", -1), r);
    const norm = Array.from({ length: r - axis }, (_, i) => axis + i);
    const lead = Array.from({ length: axis }, (_, i) => i);
    const xhat = em.one("Mul", [em.one("Sub", [x, savedName(saved, "mean")]), savedName(saved, "invStd")], {}, "ln_xhat");
    const xShape = em.shapeOf(x);
    em.setShape(xhat, xShape);
    const sumLead = (t) => lead.length ? em.reduceSum(t, lead, false) : t;
    let dX;
    if (need[0]) {
      const dxhat = em.one("Mul", [dY, inp(node2, 1)]);
      const m1 = em.reduceMean(dxhat, norm, true);
      const m2 = em.reduceMean(em.one("Mul", [dxhat, xhat]), norm, true);
      const centered = em.one("Sub", [em.one("Sub", [dxhat, m1]), em.one("Mul", [xhat, m2])]);
      dX = em.one("Mul", [centered, savedName(saved, "invStd")], {}, "grad_ln_x");
    }
    const dScale = need[1] ? em.sumTo(sumLead(em.one("Mul", [dY, xhat])), xShape?.slice(axis), inp(node2, 1)) : void 0;
    const dBias = need[2] && hasInput(node2, 2) ? em.sumTo(sumLead(dY), xShape?.slice(axis), inp(node2, 2)) : void 0;
    return [dX, dScale, dBias];
  }
};
function parseEinsum(node2) {
  const eq = attrString(node2, "equation", "").replace(/\s+/g, "");
  const arrow = eq.indexOf("->");
  if (arrow < 0) return `equation "${eq}" has no explicit output ("->")`;
  if (eq.includes("...")) return `equation "${eq}" uses an ellipsis`;
  const inputs = eq.slice(0, arrow).split(",");
  const output = eq.slice(arrow + 2);
  const letters = /^[A-Za-z]*$/;
  if (![...inputs, output].every((t) => letters.test(t))) return `equation "${eq}" is not understood`;
  if ([...inputs, output].some((t) => new Set(t).size !== t.length))
    return `equation "${eq}" repeats a subscript within one operand (a diagonal)`;
  return { inputs, output };
}
var einsum = {
  check(node2, em) {
    const p = parseEinsum(node2);
    if (typeof p === "string") return p;
    if (p.inputs.length > 2) return `${p.inputs.length} operands (one or two have gradients here)`;
    if (p.inputs.length !== (node2.input ?? []).length)
      return `the equation names ${p.inputs.length} operands for ${(node2.input ?? []).length} inputs`;
    for (const [k, spec] of p.inputs.entries()) {
      const r = rankOf(em, inp(node2, k));
      if (r !== void 0 && r !== spec.length) return `operand ${k} has rank ${r} but subscripts "${spec}"`;
    }
    for (const [k, spec] of p.inputs.entries()) {
      const others = /* @__PURE__ */ new Set([...p.output, ...p.inputs[1 - k] ?? ""]);
      const alone = [...spec].filter((c) => !others.has(c));
      if (alone.length) return `subscript ${alone.join(", ")} of operand ${k} is summed away in that operand alone`;
    }
    return void 0;
  },
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const parsed = parseEinsum(node2);
    if (typeof parsed === "string") return established(void 0, `the equation (${parsed})`);
    const { inputs, output } = parsed;
    if (inputs.length === 1) return [em.one("Einsum", [dY], { equation: `${output}->${inputs[0]}` }, "grad_einsum")];
    const [a, b] = inputs;
    return [
      need[0] ? em.one("Einsum", [dY, inp(node2, 1)], { equation: `${output},${b}->${a}` }, "grad_einsum") : void 0,
      need[1] ? em.one("Einsum", [inp(node2, 0), dY], { equation: `${a},${output}->${b}` }, "grad_einsum") : void 0
    ];
  }
};
var reduceExtreme = {
  differentiable: () => [0],
  check: checkReduce,
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const rank = knownRank(em, x);
    const axes = knownReduceAxes(node2, em, rank).sort((p, q) => p - q);
    const keep = attrInt(node2, "keepdims", 1) !== 0 || axes.length === 0;
    const y = keep ? out(node2, 0) : em.one("Unsqueeze", [out(node2, 0), em.ints(axes)]);
    const g = keep ? dY : em.one("Unsqueeze", [dY, em.ints(axes)]);
    const mask = em.one("Cast", [em.one("Equal", [x, y])], { to: em.floatType });
    const count2 = axes.length ? em.one("ReduceSum", [mask, em.ints(axes)], { keepdims: 1 }) : em.scalar(1);
    return [em.one("Mul", [mask, em.one("Div", [g, count2])], {}, "grad_reduce_extreme")];
  }
};
var tile = {
  differentiable: () => [0],
  check(node2, em) {
    const reps = em.intsOf(inp(node2, 1));
    if (!reps) return "its repeats are computed at run time (the gradient needs them when the graph is built)";
    const dims = em.shapeOf(inp(node2, 0));
    if (!isStatic(dims)) return "its input's shape is not known when the graph is built";
    if (reps.length !== dims.length || reps.some((r) => !Number.isInteger(r) || r < 1))
      return `repeats [${reps.join(", ")}] do not fit an input of rank ${dims.length}`;
    return void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const reps = established(em.intsOf(inp(node2, 1)), "the repeats");
    const dims = staticDims(knownShape(em, inp(node2, 0)), "the shape of the input");
    if (reps.every((r) => r === 1)) return [dY];
    const view = em.one("Reshape", [dY, em.ints(dims.flatMap((d, i) => [reps[i], d]))]);
    return [em.one("ReduceSum", [view, em.ints(dims.map((_, i) => 2 * i))], { keepdims: 0 }, "grad_tile")];
  }
};
var MORE_GRAD_RULES = {
  ...ELEMENTWISE_GRAD_RULES,
  ...SPATIAL_GRAD_RULES,
  Where: where,
  Expand: expand,
  Slice: slice,
  Split: split,
  Gather: gather,
  LayerNormalization: layerNorm,
  Einsum: einsum,
  ReduceMax: reduceExtreme,
  ReduceMin: reduceExtreme,
  Tile: tile
};

// src/train/grad-ops-pool.ts
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
    const total2 = isStatic(xShape) ? em.ints([xShape.reduce((a, b) => a * b, 1)]) : em.one("Reshape", [em.one("Size", [x]), em.ints([1])]);
    const data = em.floatType === DataType.DOUBLE ? Float64Array.from([0]) : Float32Array.from([0]);
    const zeros2 = em.one("ConstantOfShape", [total2], { value: { t: rawTensor("value", [1], em.floatType, data) } }, "zeros");
    const flat = em.one(
      "ScatterElements",
      [zeros2, em.one("Reshape", [savedName(saved, "indices"), em.ints([-1])]), em.one("Reshape", [dY, em.ints([-1])])],
      { axis: 0, reduction: "add" },
      "grad_maxpool_flat"
    );
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
    if (!x)
      return "the spatial dims of its input are not known when the graph is built (give the model inputs' shapes in the budget file: `inputs: { x: { shape: [...] } }` or `dims:`)";
    if (typeof x.shape[1] !== "number") return "its channel count is not known when the graph is built";
    return void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const { shape, spatial } = established(staticSpatial(em, x), `the spatial shape of ${x}`);
    const c1 = shape[1];
    const channels = established(typeof c1 === "number" ? c1 : void 0, `the channel count of ${x}`);
    const g = established(windowGeometry(node2, spatial), "the window geometry");
    const ySpatial = staticDims(windowOutput(spatial, g), "the output size");
    const k = spatial.length;
    const includePad = attrInt(node2, "count_include_pad", 0) === 1;
    const pads = established(g.pads, "the pads");
    const per = spatial.map(
      (h, i) => poolDivisors1d(h, ySpatial[i], g.kernel[i], g.strides[i], g.dilations[i], pads[i], pads[i + k], includePad)
    );
    let divisors = [1];
    for (const axis of per) divisors = divisors.flatMap((a) => axis.map((b) => a * b));
    const uniform = divisors.every((v) => v === divisors[0]);
    const kernelSize = g.kernel.reduce((a, b) => a * b, 1);
    const weight = em.floatConst(
      [channels, 1, ...g.kernel],
      new Array(channels * kernelSize).fill(uniform ? 1 / divisors[0] : 1)
    );
    const scaled = uniform ? dY : em.one("Mul", [
      dY,
      em.floatConst(
        ySpatial,
        divisors.map((v) => 1 / v)
      )
    ]);
    const geometry = { spatial, ySpatial, wShape: [channels, 1, ...g.kernel], group: channels, g };
    return [convTransposeDx(em, scaled, weight, geometry, "grad_avgpool")];
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

// src/train/grad-ops.ts
var gemm = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const alpha = attrFloat(node2, "alpha", 1);
    const beta = attrFloat(node2, "beta", 1);
    const tA = attrInt(node2, "transA", 0);
    const tB = attrInt(node2, "transB", 0);
    const a = inp(node2, 0);
    const b = inp(node2, 1);
    const scale = alpha !== 1 ? { alpha: { f: alpha } } : {};
    const dA = need[0] ? tA ? em.one("Gemm", [b, dY], { ...scale, transA: tB, transB: 1 }, "grad_gemm_a") : em.one("Gemm", [dY, b], { ...scale, transA: 0, transB: tB ? 0 : 1 }, "grad_gemm_a") : void 0;
    const dB = need[1] ? tB ? em.one("Gemm", [dY, a], { ...scale, transA: 1, transB: tA }, "grad_gemm_b") : em.one("Gemm", [a, dY], { ...scale, transA: tA ? 0 : 1, transB: 0 }, "grad_gemm_b") : void 0;
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
      return "the ranks of its inputs are not known when the graph is built (give the model inputs' shapes in the budget file: `inputs: { x: { shape: [...] } }` or `dims:`)";
    }
    return void 0;
  },
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const a = inp(node2, 0);
    const b = inp(node2, 1);
    const ra = knownRank(em, a);
    const rb = knownRank(em, b);
    const yAxes = [...ra === 1 ? [-2] : [], ...rb === 1 ? [-1] : []];
    const dY2 = yAxes.length ? unsqueeze(em, dY, yAxes) : dY;
    const a2 = ra === 1 ? unsqueeze(em, a, [0]) : a;
    const b2 = rb === 1 ? unsqueeze(em, b, [-1]) : b;
    const ra2 = Math.max(ra, 2);
    const rb2 = Math.max(rb, 2);
    const sa = knownShape(em, a);
    const sb = knownShape(em, b);
    const sa2 = ra === 1 ? [1, ...sa] : sa;
    const sb2 = rb === 1 ? [...sb, 1] : sb;
    const batch = broadcastShapes(sa2.slice(0, -2), sb2.slice(0, -2)) ?? [];
    let dA;
    let dB;
    const kDim = sa[ra - 1];
    const nDim = rb === 2 ? sb[1] : void 0;
    if (ra >= 2 && rb === 2 && typeof kDim === "number" && typeof nDim === "number") {
      const rows = (t, width) => ra === 2 ? t : em.reshapeTo(t, [-1, width]);
      if (need[0]) {
        const g = em.one("Gemm", [rows(dY, nDim), b], { transB: 1 }, "grad_matmul_a");
        dA = ra === 2 ? g : em.reshapeLike(g, a);
      }
      if (need[1]) dB = em.one("Gemm", [rows(a, kDim), rows(dY, nDim)], { transA: 1 }, "grad_matmul_b");
      return [dA, dB];
    }
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
    if (em.formulations.reluWhere) {
      return [em.one("Where", [em.one("Greater", [out(node2, 0), em.scalar(0)]), dY, em.scalar(0)], {}, "grad_relu")];
    }
    const mask = em.one(
      "Cast",
      [em.one("Cast", [out(node2, 0)], { to: DataType.BOOL }, "relu_nonzero")],
      { to: em.floatType },
      "relu_mask"
    );
    return [em.one("Mul", [dY, mask], {}, "grad_relu")];
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
    const perm = attrInts(
      node2,
      "perm",
      Array.from({ length: rank }, (_, i) => rank - 1 - i)
    );
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
    const ratioName = savedName(saved, "ratio");
    const known = em.floatsOf(ratioName);
    const scale = known && known.length === 1 ? em.scalar(1 / (1 - known[0])) : em.one("Div", [em.scalar(1), em.one("Sub", [em.scalar(1), em.one("Cast", [ratioName], { to: em.floatType })])]);
    const m = em.one("Cast", [savedName(saved, "mask")], { to: em.floatType }, "mask_float");
    return [em.one("Mul", [em.one("Mul", [dY, m]), scale], {}, "grad_dropout")];
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
    const split2 = sizes.every((d) => typeof d === "number") ? em.ints(sizes) : em.one(
      "Concat",
      inputs.map((x) => em.one("Shape", [x], { start: axis, end: axis + 1 })),
      { axis: 0 },
      "split_sizes"
    );
    if (inputs.length === 1) return [dY];
    return em.op("Split", [dY, split2], { axis }, inputs.length, "grad_concat");
  }
};
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
  ReduceMean: reduceRule(true),
  ...MORE_GRAD_RULES
};
function supportedOps() {
  return Object.keys(GRAD_RULES).sort();
}
function describeNode(node2) {
  return node2.name ? `"${node2.name}"` : `(unnamed, output "${out(node2, 0)}")`;
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
      return {
        dtype: "float32",
        dims,
        data: raw ? new Float32Array(raw) : Float32Array.from(t.floatData ?? new Array(n).fill(0))
      };
    case DataType.DOUBLE:
      return {
        dtype: "float64",
        dims,
        data: raw ? new Float64Array(raw) : Float64Array.from(t.doubleData ?? new Array(n).fill(0))
      };
    case DataType.INT64:
      return {
        dtype: "int64",
        dims,
        data: raw ? new BigInt64Array(raw) : BigInt64Array.from((t.int64Data ?? []).map((v) => BigInt(v)))
      };
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
  const { data } = readTensor(t);
  if (data instanceof BigInt64Array) return Array.from(data, (v) => Number(v));
  return data instanceof Int32Array ? Array.from(data) : [];
}
function readFloats(t) {
  const { data } = readTensor(t);
  return data instanceof Float32Array || data instanceof Float64Array ? Array.from(data) : [];
}
function zeros(dtype, dims) {
  const n = sizeOf(dims);
  return { dtype, dims, data: dtype === "float32" ? new Float32Array(n) : new Float64Array(n) };
}

// src/train/fold-ints.ts
var MAX_ELEMENTS = 64;
function strides(dims) {
  const out2 = new Array(dims.length).fill(1);
  for (let i = dims.length - 2; i >= 0; i--) out2[i] = out2[i + 1] * dims[i + 1];
  return out2;
}
function pick(values, dims, perAxis) {
  const st = strides(dims);
  let offsets = [0];
  perAxis.forEach((list, a) => {
    offsets = offsets.flatMap((o) => list.map((i) => o + i * st[a]));
  });
  return offsets.map((o) => values[o]);
}
function slice2(node2, values, dims, ints) {
  const starts = ints(1);
  const ends = ints(2);
  if (!starts || !ends) return void 0;
  const axes = node2.input?.[3] ? ints(3) : starts.map((_, i) => i);
  const steps = node2.input?.[4] ? ints(4) : starts.map(() => 1);
  if (!axes || !steps || steps.some((s) => s === 0)) return void 0;
  const perAxis = dims.map((d) => Array.from({ length: d }, (_, i) => i));
  axes.forEach((axis, k) => {
    const a = normAxis(axis, dims.length);
    const d = dims[a];
    const step = steps[k];
    const clamp = (v, lo, hi) => Math.min(Math.max(v < 0 ? v + d : v, lo), hi);
    const list = [];
    if (step > 0) for (let i = clamp(starts[k], 0, d); i < clamp(ends[k], 0, d); i += step) list.push(i);
    else for (let i = clamp(starts[k], -1, d - 1); i > clamp(ends[k], -1, d - 1); i += step) list.push(i);
    perAxis[a] = list;
  });
  return pick(values, dims, perAxis);
}
function elementwise(op, a, b) {
  if (a.length !== b.length && a.length !== 1 && b.length !== 1) return void 0;
  const n = Math.max(a.length, b.length);
  const f = {
    Add: (x, y) => x + y,
    Sub: (x, y) => x - y,
    Mul: (x, y) => x * y,
    Div: (x, y) => Math.trunc(x / y)
  };
  return Array.from({ length: n }, (_, i) => f[op](a[a.length === 1 ? 0 : i], b[b.length === 1 ? 0 : i]));
}
function foldInts(node2, intsOf, shapeOf) {
  const ins = node2.input ?? [];
  const ints = (i) => ins[i] ? intsOf(ins[i]) : void 0;
  const x = ints(0);
  const dims = ins[0] ? shapeOf(ins[0]) : void 0;
  let result;
  switch (node2.opType) {
    case "Shape": {
      if (!isStatic(dims)) return void 0;
      const r = dims.length;
      const start = normAxis(attrInt(node2, "start", 0), r);
      const end = findAttr(node2, "end") ? normAxis(attrInt(node2, "end", r), r) : r;
      result = dims.slice(Math.max(0, start), Math.min(r, end));
      break;
    }
    case "Identity":
    case "Reshape":
    case "Squeeze":
    case "Unsqueeze":
    case "Flatten":
      result = x;
      break;
    case "Cast": {
      const to = attrInt(node2, "to", 0);
      result = to === DataType.INT64 || to === DataType.INT32 ? x : void 0;
      break;
    }
    case "Add":
    case "Sub":
    case "Mul":
    case "Div": {
      const y = ints(1);
      result = x && y ? elementwise(node2.opType, x, y) : void 0;
      break;
    }
    case "Gather": {
      const idx = ints(1);
      if (!x || !idx || !dims || dims.length !== 1) return void 0;
      result = idx.map((i) => x[i < 0 ? i + x.length : i]);
      break;
    }
    case "Concat": {
      const parts = ins.map((_, i) => ints(i));
      if (normAxis(attrInt(node2, "axis", 0), dims?.length ?? 1) !== 0 || parts.some((p) => !p)) return void 0;
      result = parts.flatMap((p) => p ?? []);
      break;
    }
    case "ConstantOfShape": {
      const t = findAttr(node2, "value")?.t;
      if (!x || !t || t.dataType !== DataType.INT64 && t.dataType !== DataType.INT32) return void 0;
      const n = x.reduce((a, b) => a * b, 1);
      result = n <= MAX_ELEMENTS ? new Array(n).fill(readInts(t)[0] ?? 0) : void 0;
      break;
    }
    case "Slice":
      result = x && isStatic(dims) ? slice2(node2, x, dims, ints) : void 0;
      break;
    case "Transpose": {
      if (!x || !isStatic(dims)) return void 0;
      const perm = attrInts(
        node2,
        "perm",
        dims.map((_, i) => dims.length - 1 - i)
      );
      const st = strides(dims);
      const outDims = perm.map((p) => dims[p]);
      let offsets = [0];
      outDims.forEach((d, a) => {
        offsets = offsets.flatMap((o) => Array.from({ length: d }, (_, i) => o + i * st[perm[a]]));
      });
      result = offsets.map((o) => x[o]);
      break;
    }
    default:
      return void 0;
  }
  return result && result.length <= MAX_ELEMENTS && result.every(Number.isSafeInteger) ? result : void 0;
}

// src/train/opset.ts
var MIN_SOURCE_OPSET = 7;
var REDUCE_18 = /* @__PURE__ */ new Set([
  "ReduceMean",
  "ReduceMax",
  "ReduceMin",
  "ReduceProd",
  "ReduceL1",
  "ReduceL2",
  "ReduceLogSum",
  "ReduceLogSumExp",
  "ReduceSumSquare"
]);
function upgradeNode(em, node2, from, rankOf2) {
  if (node2.domain && node2.domain !== "ai.onnx") return [node2];
  const op = node2.opType ?? "";
  const x = node2.input?.[0] ?? "";
  const y = node2.output?.[0] ?? "";
  if ((op === "Softmax" || op === "LogSoftmax" || op === "Hardmax") && from < 13) {
    const axis = attrInt(node2, "axis", 1);
    const rank = rankOf2(x);
    if (axis === -1 || rank !== void 0 && normAxis(axis, rank) === rank - 1) {
      return [
        {
          ...withoutAttrs(node2, ["axis"]),
          attribute: [...withoutAttrs(node2, ["axis"]).attribute ?? [], { name: "axis", type: 2, i: -1 }]
        }
      ];
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
  if ((op === "Squeeze" || op === "Unsqueeze" || op === "ReduceSum") && from < 13 || REDUCE_18.has(op) && from < 18) {
    const axes = findAttr(node2, "axes") ? attrInts(node2, "axes", []) : void 0;
    const stripped = withoutAttrs(node2, ["axes"]);
    return [{ ...stripped, input: axes ? [x, em.ints(axes)] : [x] }];
  }
  if (op === "Split" && from < 18) {
    const stripped = withoutAttrs(node2, ["split"]);
    const sizes = from < 13 && findAttr(node2, "split") ? em.ints(attrInts(node2, "split", [])) : node2.input?.[1];
    if (sizes) return [{ ...stripped, input: [x, sizes] }];
    return [
      { ...stripped, input: [x], attribute: [...stripped.attribute ?? [], attr("num_outputs", node2.output?.length ?? 1)] }
    ];
  }
  if (op === "Clip" && from < 11) {
    const min = findAttr(node2, "min") ? em.scalar(attrFloat(node2, "min", 0)) : "";
    const max = findAttr(node2, "max") ? em.scalar(attrFloat(node2, "max", 0)) : "";
    return [{ ...withoutAttrs(node2, ["min", "max"]), input: [x, min, max] }];
  }
  if (op === "Pad" && from < 11) {
    const pads = attrInts(node2, "pads", []);
    const value = attrFloat(node2, "value", 0);
    return [{ ...withoutAttrs(node2, ["pads", "value"]), input: [x, em.ints(pads), em.scalar(value)] }];
  }
  if (op === "Upsample" || op === "Resize" && from < 11) return upgradeResize(em, node2, from);
  if (op === "Slice" && from < 10) {
    const starts = attrInts(node2, "starts", []);
    const ends = attrInts(node2, "ends", []);
    const axes = findAttr(node2, "axes") ? attrInts(node2, "axes", []) : void 0;
    return [
      {
        ...withoutAttrs(node2, ["starts", "ends", "axes"]),
        input: [x, em.ints(starts), em.ints(ends), ...axes ? [em.ints(axes)] : []]
      }
    ];
  }
  return [node2];
}
function upgradeResize(em, node2, from) {
  const given = findAttr(node2, "scales")?.floats;
  let scales = node2.input?.[1] ?? "";
  if (given?.length) {
    scales = em.fresh("scales");
    em.initializers.push(rawTensor(scales, [given.length], DataType.FLOAT, Float32Array.from(given)));
    em.setShape(scales, [given.length]);
    em.setFloats(scales, given);
  }
  const known = em.floatsOf(scales);
  const mode = attrString(node2, "mode", "nearest") === "nearest" ? "nearest" : "linear";
  if (mode === "nearest" && (!known || known.some((v) => v < 1)))
    return `${node2.opType} (opset ${from}) in nearest mode with ${known ? "a scale below 1" : "scales computed at run time"} (its rounding has no Resize-13 equivalent); re-export with opset 11 or newer`;
  const attributes = [attr("mode", mode), attr("coordinate_transformation_mode", "asymmetric")];
  if (mode === "nearest") attributes.push(attr("nearest_mode", "floor"));
  return [
    { opType: "Resize", name: node2.name, input: [node2.input?.[0] ?? "", "", scales], output: node2.output, attribute: attributes }
  ];
}

// src/train/recurrent.ts
var RECURRENT_OPS = /* @__PURE__ */ new Set(["LSTM", "GRU", "RNN"]);
var GATES = { LSTM: 4, GRU: 3, RNN: 1 };
var DEFAULT_ACTIVATIONS = {
  LSTM: ["Sigmoid", "Tanh", "Tanh"],
  GRU: ["Sigmoid", "Tanh"],
  RNN: ["Tanh"]
};
var ACTIVATIONS = { sigmoid: "Sigmoid", tanh: "Tanh", relu: "Relu" };
function expandRecurrent(em, node2) {
  const kind = node2.opType ?? "";
  const gates = GATES[kind];
  if (!gates) return `${kind} is not a recurrent op`;
  const input = (i) => node2.input?.[i] ?? "";
  const layout = attrInt(node2, "layout", 0);
  const direction = attrString(node2, "direction", "forward");
  if (!["forward", "reverse", "bidirectional"].includes(direction)) return `direction "${direction}" is not an ONNX direction`;
  const dirs = direction === "bidirectional" ? 2 : 1;
  if (findAttr(node2, "clip")) return `clip ${attrFloat(node2, "clip", 0)} is not supported (export without clipping)`;
  if (attrInt(node2, "input_forget", 0) !== 0) return "input_forget = 1 is not supported";
  if (input(4))
    return "a sequence_lens input is not supported (per-example lengths are run-time values); export with equal lengths";
  const actAttr = findAttr(node2, "activations");
  const actNames = actAttr?.strings?.length ? actAttr.strings.map((s) => typeof s === "string" ? s : new TextDecoder().decode(s)) : [];
  const perDir = DEFAULT_ACTIVATIONS[kind].length;
  const acts = [];
  for (let d = 0; d < dirs; d++) {
    const names = actNames.length ? actNames.slice(d * perDir, (d + 1) * perDir) : DEFAULT_ACTIVATIONS[kind];
    const mapped = names.map((n) => ACTIVATIONS[n.toLowerCase()]);
    if (names.length !== perDir || mapped.some((m) => !m))
      return `activations ${names.join(", ")} are not supported (Sigmoid, Tanh and Relu are)`;
    acts.push(mapped);
  }
  if (findAttr(node2, "activation_alpha") || findAttr(node2, "activation_beta"))
    return "activation_alpha / activation_beta are not supported";
  const x = input(0);
  const xShape = em.shapeOf(x);
  const seq = xShape?.[layout ? 1 : 0];
  if (typeof seq !== "number") return "the sequence length is not known when the graph is built";
  const rShape = em.shapeOf(input(2));
  const hidden = attrInt(node2, "hidden_size", typeof rShape?.[2] === "number" ? rShape[2] : 0);
  if (!hidden) return "hidden_size is not known";
  const linearBeforeReset = attrInt(node2, "linear_before_reset", 0) !== 0;
  const nodes = [];
  const op = (type, inputs, attrs = {}) => {
    const o = em.fresh(`${kind.toLowerCase()}_${type.toLowerCase()}`);
    nodes.push(em.detached(type, inputs, [o], attrs));
    return o;
  };
  const opN = (type, inputs, n, attrs = {}) => {
    const outs = Array.from({ length: n }, () => em.fresh(`${kind.toLowerCase()}_${type.toLowerCase()}`));
    nodes.push(em.detached(type, inputs, outs, attrs));
    return outs;
  };
  const slice3 = (t, start, end, axis) => op("Slice", [t, em.ints([start]), em.ints([end]), em.ints([axis])]);
  const split2 = (t, sizes, axis) => sizes.length === 1 ? [t] : opN("Split", [t, em.ints(sizes)], sizes.length, { axis });
  const pick2 = (t, d) => op("Squeeze", [dirs === 1 ? t : slice3(t, d, d + 1, 0), em.ints([0])]);
  const act = (name, t) => op(name, [t]);
  const xs = layout ? op("Transpose", [x], { perm: [1, 0, 2] }) : x;
  let zeros2;
  const zeroState = () => {
    if (zeros2) return zeros2;
    const batch = xShape?.[layout ? 0 : 1];
    const shape = typeof batch === "number" ? em.ints([batch, hidden]) : op("Concat", [slice3(op("Shape", [x]), layout ? 0 : 1, layout ? 1 : 2, 0), em.ints([hidden])], { axis: 0 });
    const data = em.floatType === DataType.DOUBLE ? Float64Array.from([0]) : Float32Array.from([0]);
    const o = em.fresh(`${kind.toLowerCase()}_zeros`);
    nodes.push({
      ...em.detached("ConstantOfShape", [shape], [o]),
      attribute: [{ name: "value", type: 4, t: rawTensor("value", [1], em.floatType, data) }]
    });
    zeros2 = o;
    return o;
  };
  const ys = [];
  const lastH = [];
  const lastC = [];
  const gh = gates * hidden;
  const h4 = (n) => Array.from({ length: n }, () => hidden);
  for (let d = 0; d < dirs; d++) {
    const [f, g, hAct] = acts[d];
    let xw = op("MatMul", [xs, op("Transpose", [pick2(input(1), d)], { perm: [1, 0] })]);
    const rT = op("Transpose", [pick2(input(2), d)], { perm: [1, 0] });
    let rb;
    if (input(3)) {
      const b = pick2(input(3), d);
      const wb = slice3(b, 0, gh, 0);
      rb = slice3(b, gh, 2 * gh, 0);
      xw = op("Add", [xw, kind === "GRU" && linearBeforeReset ? wb : op("Add", [wb, rb])]);
    }
    const steps = seq === 1 ? [xw] : split2(
      xw,
      Array.from({ length: seq }, () => 1),
      0
    );
    const xt = steps.map((s) => op("Squeeze", [s, em.ints([0])]));
    let h = input(5) ? pick2(input(5), d) : zeroState();
    let c = kind === "LSTM" ? input(6) ? pick2(input(6), d) : zeroState() : "";
    let peep;
    if (kind === "LSTM" && input(7)) peep = split2(pick2(input(7), d), h4(3), 0);
    let rzrT = "";
    let rhT = "";
    if (kind === "GRU" && !linearBeforeReset) {
      rzrT = slice3(rT, 0, 2 * hidden, 1);
      rhT = slice3(rT, 2 * hidden, 3 * hidden, 1);
    }
    const reverse = direction === "reverse" || d === 1;
    const hs = new Array(seq);
    for (let k = 0; k < seq; k++) {
      const t = reverse ? seq - 1 - k : k;
      if (kind === "LSTM") {
        const [gi0, go0, gf0, gc] = split2(op("Add", [xt[t], op("MatMul", [h, rT])]), h4(4), 1);
        let gi = gi0;
        let gf = gf0;
        let go = go0;
        if (peep) {
          gi = op("Add", [gi, op("Mul", [peep[0], c])]);
          gf = op("Add", [gf, op("Mul", [peep[2], c])]);
        }
        const ig = act(f, gi);
        const fg = act(f, gf);
        const cc = act(g, gc);
        c = op("Add", [op("Mul", [fg, c]), op("Mul", [ig, cc])]);
        if (peep) go = op("Add", [go, op("Mul", [peep[1], c])]);
        h = op("Mul", [act(f, go), act(hAct, c)]);
      } else if (kind === "GRU") {
        const [xz, xr, xh] = split2(xt[t], h4(3), 1);
        let z;
        let candidate;
        if (linearBeforeReset) {
          let hr = op("MatMul", [h, rT]);
          if (rb) hr = op("Add", [hr, rb]);
          const [rz, rr, rh] = split2(hr, h4(3), 1);
          z = act(f, op("Add", [xz, rz]));
          const r = act(f, op("Add", [xr, rr]));
          candidate = act(g, op("Add", [xh, op("Mul", [r, rh])]));
        } else {
          const [rz, rr] = split2(op("MatMul", [h, rzrT]), h4(2), 1);
          z = act(f, op("Add", [xz, rz]));
          const r = act(f, op("Add", [xr, rr]));
          candidate = act(g, op("Add", [xh, op("MatMul", [op("Mul", [r, h]), rhT])]));
        }
        h = op("Add", [candidate, op("Mul", [z, op("Sub", [h, candidate])])]);
      } else {
        h = act(f, op("Add", [xt[t], op("MatMul", [h, rT])]));
      }
      hs[t] = h;
    }
    const framed = hs.map((ht) => op("Unsqueeze", [ht, em.ints([0, 1])]));
    ys.push(seq === 1 ? framed[0] : op("Concat", framed, { axis: 0 }));
    lastH.push(op("Unsqueeze", [h, em.ints([0])]));
    if (kind === "LSTM") lastC.push(op("Unsqueeze", [c, em.ints([0])]));
  }
  const join = (parts, axis) => parts.length === 1 ? parts[0] : op("Concat", parts, { axis });
  const results = [join(ys, 1), join(lastH, 0), kind === "LSTM" ? join(lastC, 0) : ""];
  const perms = [
    [2, 0, 1, 3],
    [1, 0, 2],
    [1, 0, 2]
  ];
  (node2.output ?? []).forEach((name, i) => {
    if (!name || !results[i]) return;
    nodes.push(
      layout ? em.detached("Transpose", [results[i]], [name], { perm: perms[i] }) : em.detached("Identity", [results[i]], [name])
    );
  });
  return nodes;
}

// src/train/prepare.ts
var TRAINING_OPSET = 18;
var MAX_SOURCE_OPSET = 23;
var WEIGHT_SLOTS = {
  Conv: [1, 2],
  ConvTranspose: [1, 2],
  Gemm: [0, 1, 2],
  MatMul: [0, 1],
  BatchNormalization: [1, 2, 3, 4],
  LayerNormalization: [1, 2],
  InstanceNormalization: [1, 2],
  PRelu: [1]
};
var LINEAR_OPS = /* @__PURE__ */ new Set(["Conv", "ConvTranspose", "Gemm", "MatMul"]);
function constantWeights(nodes) {
  const producer = /* @__PURE__ */ new Map();
  for (const n of nodes) for (const o of n.output ?? []) if (o) producer.set(o, n);
  const weightLike = /* @__PURE__ */ new Set();
  for (const n of nodes) {
    if (!isDefaultDomain(n)) continue;
    const op = n.opType ?? "";
    const ins = n.input ?? [];
    for (const i of WEIGHT_SLOTS[op] ?? []) if (ins[i]) weightLike.add(ins[i]);
    if ((op === "Add" || op === "Mul") && ins.length === 2) {
      ins.forEach((x, i) => {
        const other = producer.get(ins[1 - i]);
        if (other && LINEAR_OPS.has(other.opType ?? "")) weightLike.add(x);
      });
    }
  }
  const out2 = /* @__PURE__ */ new Map();
  for (const n of nodes) {
    const name = n.output?.[0];
    if (n.opType !== "Constant" || !isDefaultDomain(n) || !name || !weightLike.has(name)) continue;
    const value = findAttr(n, "value")?.t;
    if (value && (value.dataType === DataType.FLOAT || value.dataType === DataType.DOUBLE)) out2.set(name, value);
  }
  return out2;
}
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
  if (!graph)
    throw new InputError(
      "MODEL_INVALID",
      "The model has no graph; a training step needs an inference model with a graph. Re-export the model."
    );
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
  const weightConstants = constantWeights(graph.node ?? []);
  for (const [name, t] of weightConstants) initializers.set(name, { ...t, name });
  const graphNodes = (graph.node ?? []).filter((n) => !(n.opType === "Constant" && weightConstants.has(n.output?.[0] ?? "")));
  const inputs = (graph.input ?? []).filter((v) => v.name && !initializers.has(v.name));
  const outputs = graph.output ?? [];
  const declared = outputs[0]?.type?.tensorType?.elemType || void 0;
  const firstOut = declared ?? [...initializers.values()].find((t) => t.dataType === DataType.FLOAT || t.dataType === DataType.DOUBLE)?.dataType;
  const floatType = firstOut === DataType.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
  if (firstOut !== void 0 && firstOut !== DataType.FLOAT && firstOut !== DataType.DOUBLE) {
    throw new InputError(
      "MODEL_INVALID",
      `${modelLabel(proto)}: output "${outputs[0]?.name}" has ONNX element type ${firstOut}; the training step computes in float32 or float64. Convert the model to float32 before training.`
    );
  }
  const taken = /* @__PURE__ */ new Set();
  for (const n of graphNodes) {
    for (const x of [...n.input ?? [], ...n.output ?? []]) if (x) taken.add(x);
    if (n.name) taken.add(n.name);
  }
  for (const name of initializers.keys()) taken.add(name);
  for (const v of [...inputs, ...outputs]) if (v.name) taken.add(v.name);
  const em = new GraphEmitter(floatType, opset, taken);
  em.formulations = opts.formulations ?? {};
  for (const [name, t] of initializers) {
    em.setShape(name, (t.dims ?? []).map(Number));
    if (t.dataType === DataType.INT64 || t.dataType === DataType.INT32) em.setInts(name, readInts(t));
    else if ((t.dataType === DataType.FLOAT || t.dataType === DataType.DOUBLE) && (t.dims ?? []).reduce((a, b) => a * Number(b), 1) <= 8) {
      em.setFloats(name, readFloats(t));
    }
  }
  for (const v of inputs) {
    const name = v.name ?? "";
    const given = opts.batchShapes?.[name];
    const dims = v.type?.tensorType?.shape?.dim;
    const shape = given ? [...given] : dims ? dims.map(
      (d) => d.dimValue !== void 0 && d.dimValue !== null && Number(d.dimValue) > 0 ? Number(d.dimValue) : d.dimParam ? opts.dims?.[d.dimParam] ?? d.dimParam : unknownDim()
    ) : void 0;
    em.setShape(name, shape);
  }
  const sorted = sortNodes(graphNodes, /* @__PURE__ */ new Set([...initializers.keys(), ...inputs.map((v) => v.name ?? "")]));
  const nodes = [];
  const problems = [];
  const recurrentReasons = /* @__PURE__ */ new Map();
  for (const original of sorted) {
    const upgraded = sourceOpset < TRAINING_OPSET ? upgradeNode(em, original, sourceOpset, (n) => em.shapeOf(n)?.length) : [original];
    if (typeof upgraded === "string") {
      problems.push(`${describeNode(original)}: ${upgraded}`);
      continue;
    }
    const expanded = [];
    for (const n of upgraded) {
      const unrolled = RECURRENT_OPS.has(n.opType ?? "") && isDefaultDomain(n) ? expandRecurrent(em, n) : [n];
      if (typeof unrolled === "string") {
        recurrentReasons.set(n, unrolled);
        expanded.push(n);
      } else expanded.push(...unrolled);
    }
    for (const n of expanded) {
      nodes.push(n);
      if (n.opType === "Constant" && isDefaultDomain(n)) {
        const value = findAttr(n, "value")?.t;
        if (value) {
          em.setShape(n.output?.[0] ?? "", (value.dims ?? []).map(Number));
          if (value.dataType === DataType.INT64 || value.dataType === DataType.INT32)
            em.setInts(n.output?.[0] ?? "", readInts(value));
          else if (value.dataType === DataType.FLOAT || value.dataType === DataType.DOUBLE)
            em.setFloats(n.output?.[0] ?? "", readFloats(value));
        }
        continue;
      }
      const shapes = inferNode(
        n,
        (x) => em.shapeOf(x),
        (x) => em.intsOf(x),
        (x) => em.floatsOf(x)
      );
      (n.output ?? []).forEach((o, i) => {
        if (!o) return;
        const known = opts.knownShapes?.get(o);
        const inferred = shapes[i];
        em.setShape(o, known && !isStatic(inferred) && (!inferred || inferred.length === known.length) ? [...known] : inferred);
      });
      const first = n.output?.[0];
      const folded = first && isDefaultDomain(n) && !em.intsOf(first) ? foldInts(
        n,
        (x) => em.intsOf(x),
        (x) => em.shapeOf(x)
      ) : void 0;
      if (first && folded) em.setInts(first, folded);
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
    weightConstants: [...weightConstants.keys()],
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
    graphName: graph.name ?? "model",
    recurrentReasons
  };
}

// src/train/autodiff.ts
function differentiableSlots(node2) {
  const rule = GRAD_RULES[node2.opType ?? ""];
  const all = (node2.input ?? []).map((_, i) => i);
  return rule?.differentiable ? rule.differentiable(node2) : all;
}
var RECURRENT_HINT = "LSTM/GRU/RNN train unrolled over a sequence length known when the step is built, with Sigmoid/Tanh/Relu activations, no clip and no sequence_lens; otherwise export the recurrence unrolled into standard ops, e.g. trace a Python loop over nn.LSTMCell/nn.GRUCell steps for a fixed sequence length";
var OP_HINTS = {
  Loop: "control flow is not differentiated; unroll the loop when exporting",
  Scan: "control flow is not differentiated; unroll the scan when exporting",
  If: "control flow is not differentiated; export one branch (trace with fixed conditions)"
};
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
          const rule = isDefaultDomain(n) ? GRAD_RULES[n.opType ?? ""] : void 0;
          const outs = rule && !rule.multiOutput ? [n.output?.[0] ?? ""] : n.output ?? [];
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
      const notUnrolled = prep.recurrentReasons.get(n);
      if (notUnrolled)
        unsupported.push(`${op} node ${describeNode(n)}: cannot be unrolled for training: ${notUnrolled} (${RECURRENT_HINT})`);
      else if (!rule)
        unsupported.push(
          `${op} node ${describeNode(n)}: no gradient for this op type${OP_HINTS[op] ? ` (${OP_HINTS[op]})` : ""}`
        );
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
  return valueInfo(
    name,
    elemType,
    s ? s.map((d) => typeof d === "number" ? d : d.startsWith("?") ? `unk_${d.slice(1)}` : d) : void 0
  );
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
      const ll = em.one("Add", [
        em.one("Mul", [labels, em.one("Log", [p])]),
        em.one("Mul", [oneMinusT, em.one("Log", [oneMinusP])])
      ]);
      const loss = em.one("Neg", [em.reduceMean(ll, void 0, false)], {}, "bce_loss");
      const dPrediction = em.one(
        "Div",
        [em.one("Sub", [p, labels]), em.one("Mul", [em.one("Mul", [p, oneMinusP]), n])],
        {},
        "grad_bce"
      );
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
      const classIds = em.ints(
        Array.from({ length: classes }, (_, i) => i),
        [1, classes, ...new Array(rank - 2).fill(1)]
      );
      const onehot = em.one(
        "Cast",
        [em.one("Equal", [em.one("Unsqueeze", [labels, em.ints([1])]), classIds])],
        { to: em.floatType },
        "onehot"
      );
      const count2 = em.floatSize(labels, spec.shape);
      const dPrediction = em.one("Div", [em.one("Sub", [em.one("Exp", [logProb]), onehot]), count2], {}, "grad_cross_entropy");
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    case "soft-cross-entropy": {
      const classCount = predShape?.[1];
      if (!predShape || predShape.length < 2 || typeof classCount !== "number") {
        throw new InputError(
          "INPUT_INVALID",
          `soft-cross-entropy needs logits shaped [N, C, ...] with a known class count C; the output "${pred}" has shape ${predShape ? `[${predShape.join(", ")}]` : "unknown"}.`
        );
      }
      const logProb = em.one("LogSoftmax", [pred], { axis: 1 }, "soft_ce_logp");
      const rows = em.one("Div", [n, em.scalar(classCount)], {}, "soft_ce_rows");
      const sum = em.reduceSum(em.one("Mul", [labels, logProb]), void 0, false);
      const loss = em.one("Neg", [em.one("Div", [sum, rows])], {}, "soft_ce_loss");
      const dPrediction = em.one("Div", [em.one("Sub", [em.one("Exp", [logProb]), labels]), rows], {}, "grad_soft_ce");
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
var FLAT_MAX_ELEMENTS = 65536;
var AXPY = { alpha: { f: 1 }, beta: { f: 1 } };
var OPTIMIZER_DEFAULTS = { momentum: 0.9, rho: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
function gradientGemm(em, p) {
  const producer = (t) => em.nodes.find((n) => (n.output ?? []).includes(t));
  const uses = (t) => em.nodes.reduce((k, n) => k + (n.input ?? []).filter((x) => x === t).length, 0);
  let node2 = producer(p.grad);
  let viaReshape = false;
  if (node2?.opType === "Reshape") {
    const inner = node2.input?.[0] ?? "";
    if (!em.kernelGradGemms.has(inner) || uses(inner) !== 1) return void 0;
    node2 = producer(inner);
    viaReshape = true;
  }
  if (node2?.opType !== "Gemm" || node2.input?.[2] || uses(p.grad) !== 0) return void 0;
  if (!viaReshape && p.dims.length !== 2) return void 0;
  return { gemm: node2, viaReshape };
}
function fuseSgdIntoGemm(em, p, { gemm: gemm2, viaReshape }, lr, output, stored) {
  const alpha = attrFloat(gemm2, "alpha", 1);
  const attrs = {
    alpha: { f: -lr * alpha },
    beta: { f: 1 },
    transA: attrInt(gemm2, "transA", 0),
    transB: attrInt(gemm2, "transB", 0)
  };
  const [a, b] = [gemm2.input?.[0] ?? "", gemm2.input?.[1] ?? ""];
  if (!viaReshape || stored) return em.to(output, "Gemm", [a, b, p.name], attrs);
  const updated = em.one("Gemm", [a, b, em.reshapeTo(p.name, [p.dims[0], -1])], attrs, "sgd_gemm");
  return em.to(output, "Reshape", [updated, em.ints(p.dims)]);
}
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
  const storageDims = {};
  const storable = (p) => !em.formulations.modelLayout && !p.modelLayout;
  const stateFor = (p, slot) => {
    const input = names.state(p.name, slot);
    em.setShape(input, p.dims);
    const output = names.newValue(input);
    state.push({ input, output, dims: p.dims });
    return { input, write: (op, inputs, attrs = {}) => em.to(output, op, inputs, attrs) };
  };
  const writeParam = (p, op, inputs, attrs = {}) => {
    newParameters[p.name] = em.to(names.newValue(p.name), op, inputs, attrs);
  };
  let delta = (p) => p.grad;
  let adamRow;
  switch (kind) {
    case "sgd":
      delta = (p) => em.one("Mul", [p.grad, em.scalar(lr)]);
      break;
    case "momentum": {
      const mu = opts.momentum ?? OPTIMIZER_DEFAULTS.momentum;
      checkCoefficient("momentum", mu, 0, 1, false, true);
      delta = (p) => {
        const v = stateFor(p, "velocity");
        const vNew = v.write("Add", [em.one("Mul", [v.input, em.scalar(mu)]), p.grad]);
        return em.one("Mul", [vNew, em.scalar(lr)]);
      };
      break;
    }
    case "rmsprop": {
      const rho = opts.rho ?? OPTIMIZER_DEFAULTS.rho;
      const eps = opts.epsilon ?? OPTIMIZER_DEFAULTS.epsilon;
      checkCoefficient("rho", rho, 0, 1, false, true);
      checkCoefficient("epsilon", eps, 0, Infinity, true, true);
      delta = (p) => {
        const s = stateFor(p, "square_avg");
        const sNew = s.write("Add", [
          em.one("Mul", [s.input, em.scalar(rho)]),
          em.one("Mul", [em.one("Mul", [p.grad, p.grad]), em.scalar(1 - rho)])
        ]);
        return em.one("Div", [em.one("Mul", [p.grad, em.scalar(lr)]), em.one("Add", [em.one("Sqrt", [sNew]), em.scalar(eps)])]);
      };
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
      const sqrtC2 = em.one(
        "Sqrt",
        [em.one("Div", [em.scalar(1 - b2), em.one("Sub", [em.scalar(1), em.one("Pow", [em.scalar(b2), t])])])],
        {},
        "adam_sqrt_c2"
      );
      const negA = em.one(
        "Div",
        [
          em.floatConst([1, 1], [-lr * (1 - b1)]),
          em.one("Mul", [em.one("Sub", [em.scalar(1), em.one("Pow", [em.scalar(b1), t])]), sqrtC2])
        ],
        {},
        "adam_step_size"
      );
      const e = em.one("Div", [em.scalar(eps), sqrtC2], {}, "adam_eps");
      const b1Row = em.floatConst([1, 1], [b1]);
      const b2Row = em.floatConst([1, 1], [b2]);
      adamRow = (p) => {
        const m = stateFor(p, "m");
        const v = stateFor(p, "v");
        const mNew = m.write("Gemm", [b1Row, m.input, p.grad], AXPY);
        const vNew = v.write("Gemm", [b2Row, v.input, em.one("Mul", [p.grad, p.grad])], AXPY);
        return { coef: negA, x: em.one("Div", [mNew, em.one("Add", [em.one("Sqrt", [vNew]), e])], {}, "adam_ratio") };
      };
      break;
    }
    default:
      throw new InputError("INPUT_INVALID", `Unknown optimizer "${String(kind)}"; expected sgd, momentum, rmsprop or adam.`);
  }
  const size = (p) => p.dims.reduce((x, y) => x * y, 1);
  const flatMax = opts.flatMaxElements ?? FLAT_MAX_ELEMENTS;
  const small = kind === "sgd" ? [] : params.filter((p) => size(p) < flatMax);
  const flat = small.length > 1 ? small : [];
  for (const p of params) {
    if (flat.includes(p)) continue;
    const fused = kind === "sgd" ? gradientGemm(em, p) : void 0;
    if (fused) {
      const stored = fused.viaReshape && storable(p);
      if (stored) storageDims[p.name] = [p.dims[0], size(p) / p.dims[0]];
      newParameters[p.name] = fuseSgdIntoGemm(em, p, fused, lr, names.newValue(p.name), stored);
    } else if (adamRow) {
      const row = [1, size(p)];
      const { coef, x } = adamRow({ name: p.name, grad: em.reshapeTo(p.grad, row), dims: row });
      const isRow = p.dims.length === 2 && p.dims[0] === 1;
      if (isRow || storable(p)) {
        if (!isRow) storageDims[p.name] = row;
        writeParam(p, "Gemm", [coef, x, p.name], AXPY);
      } else {
        const updated = em.one("Gemm", [coef, x, em.reshapeTo(p.name, row)], AXPY, "adam_update");
        writeParam(p, "Reshape", [updated, em.ints(p.dims)]);
      }
    } else {
      writeParam(p, "Sub", [p.name, delta(p)]);
    }
  }
  if (flat.length) {
    const sizes = flat.map(size);
    const total2 = sizes.reduce((x, y) => x + y, 0);
    const flatGrad = em.one(
      "Concat",
      flat.map((p) => em.reshapeTo(p.grad, adamRow ? [1, -1] : [-1])),
      { axis: adamRow ? 1 : 0 },
      "flat_grad"
    );
    if (adamRow) {
      const { coef, x } = adamRow({ name: "", grad: flatGrad, dims: [1, total2] });
      const pieces = em.op("Split", [em.one("Mul", [x, coef]), em.ints(sizes)], { axis: 1 }, flat.length, "delta");
      flat.forEach((p, i) => writeParam(p, "Add", [p.name, em.reshapeTo(pieces[i], p.dims)]));
    } else {
      const flatDelta = delta({ name: "", grad: flatGrad, dims: [total2] });
      const pieces = em.op("Split", [flatDelta, em.ints(sizes)], { axis: 0 }, flat.length, "delta");
      flat.forEach((p, i) => writeParam(p, "Sub", [p.name, em.reshapeTo(pieces[i], p.dims)]));
    }
  }
  return { newParameters, state, storageDims };
}

// src/train/storage.ts
function viewStoredParameters(em, storageDims, modelDims, until) {
  const views = /* @__PURE__ */ new Map();
  const reshapes = [];
  for (const [name, dims] of Object.entries(storageDims)) {
    const view = em.reserve(`train/param/${name}`);
    views.set(name, view);
    em.setShape(view, modelDims(name));
    em.setShape(name, dims);
    reshapes.push(em.detached("Reshape", [name, em.ints(modelDims(name))], [view]));
  }
  if (views.size === 0) return;
  for (let k = 0; k < until; k++) {
    const n = em.nodes[k];
    if ((n.input ?? []).some((x) => views.has(x))) em.nodes[k] = { ...n, input: (n.input ?? []).map((x) => views.get(x) ?? x) };
  }
  em.nodes.unshift(...reshapes);
}

// src/util/map-value.ts
function mapValue(map, key, what) {
  const value = map.get(key);
  if (value === void 0) throw new Error(`internal: ${what} ${String(key)} is missing`);
  return value;
}

// src/train/loop.ts
function rename(nodes, map) {
  const r = (x) => map.get(x) ?? x;
  return nodes.map((n) => ({ ...n, input: (n.input ?? []).map(r), output: (n.output ?? []).map(r) }));
}
function loopTrainingStep(step, steps) {
  if (!(Number.isInteger(steps) && steps >= 1)) {
    throw new InputError("INPUT_INVALID", `steps per call must be an integer >= 1 (got ${steps}).`);
  }
  const graph = step.model.graph ?? {};
  const outputs = graph.output ?? [];
  const carried = Object.entries(step.feedback);
  const infoOf = (name, list) => {
    const info = list.find((v) => v.name === name);
    if (!info)
      throw new InputError("INPUT_INVALID", `The training step has no input or output "${name}" to carry through the Loop.`);
    return info;
  };
  const bodyIn = new Map(carried.map(([, input]) => [input, `loop/in/${input}`]));
  const bodyNodes = rename(graph.node ?? [], bodyIn);
  const body = {
    name: "training_step_body",
    node: [...bodyNodes, { opType: "Identity", input: ["loop/cond_in"], output: ["loop/cond_out"], name: "loop/cond" }],
    input: [
      valueInfo("loop/iteration", DataType.INT64, []),
      valueInfo("loop/cond_in", DataType.BOOL, []),
      ...carried.map(([, input]) => ({ ...infoOf(input, graph.input ?? []), name: bodyIn.get(input) }))
    ],
    output: [
      valueInfo("loop/cond_out", DataType.BOOL, []),
      ...carried.map(([out2]) => infoOf(out2, outputs)),
      infoOf(step.lossOutput, outputs)
    ]
  };
  const finalName = (out2) => `loop/final/${out2}`;
  const lossOutput = "losses";
  const lossType = infoOf(step.lossOutput, outputs).type?.tensorType?.elemType ?? DataType.FLOAT;
  const loopNode = {
    opType: "Loop",
    name: "training_steps",
    input: ["loop/trip_count", "loop/cond", ...carried.map(([, input]) => input)],
    output: [...carried.map(([out2]) => finalName(out2)), lossOutput],
    attribute: [{ name: "body", type: 5, g: body }]
  };
  const model = {
    ...step.model,
    docString: `${step.model.docString ?? ""} ${steps} steps per call (ONNX Loop).`.trim(),
    graph: {
      name: `${graph.name ?? "model"}_loop`,
      node: [loopNode],
      initializer: [
        ...graph.initializer ?? [],
        int64Tensor("loop/trip_count", [], [steps]),
        rawTensor("loop/cond", [], DataType.BOOL, Uint8Array.from([1]))
      ],
      input: graph.input,
      output: [
        ...carried.map(([out2]) => ({ ...infoOf(out2, outputs), name: finalName(out2) })),
        valueInfo(lossOutput, lossType, [steps])
      ]
    }
  };
  const feedback = {};
  for (const [out2, input] of carried) feedback[finalName(out2)] = input;
  return { model, feedback, lossOutput, stepsPerCall: steps };
}

// src/train/index.ts
function isFrozen(name, patterns) {
  return patterns.some((p) => p.endsWith("*") ? name.startsWith(p.slice(0, -1)) : name === p);
}
function unmatchedFreeze(patterns, names) {
  const problems = [];
  for (const p of patterns) {
    if (names.some((n) => isFrozen(n, [p]))) continue;
    const asPrefix = !p.endsWith("*") && names.some((n) => n.startsWith(p));
    const close = asPrefix ? `${p}*` : suggest(p.endsWith("*") ? p.slice(0, -1) : p, names);
    problems.push(
      `"${p}" matches no initializer${close !== void 0 ? `; did you mean "${close}"${asPrefix ? " (a prefix needs its *)" : ""}?` : ""}`
    );
  }
  if (problems.length === 0) return;
  const shown = names.slice(0, 12).join(", ");
  throw new InputError(
    "INPUT_INVALID",
    `training.freeze: ${problems.join("; ")}. Entries are initializer names, or prefixes ending in * (the model's initializers: ${shown}${names.length > 12 ? `, \u2026 ${names.length - 12} more` : ""}).`
  );
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
      notes.push(
        `cross-entropy is computed on the input of the final Softmax node "${producer.name ?? ""}" (the logits), not on its probabilities.`
      );
    }
  }
  const candidates = [];
  const frozen = [];
  for (const [name, t] of prep.initializers) {
    if (t.dataType !== DataType.FLOAT && t.dataType !== DataType.DOUBLE) continue;
    if (t.dataType !== prep.floatType || isFrozen(name, opts.freeze ?? [])) frozen.push(name);
    else candidates.push(name);
  }
  unmatchedFreeze(opts.freeze ?? [], [...prep.initializers.keys()]);
  const diff = new Differentiator(prep, candidates, [pred]);
  const parameterNames = diff.trainable;
  const fromConstants = prep.weightConstants.filter((n) => parameterNames.includes(n));
  if (fromConstants.length) {
    notes.push(
      `${fromConstants.length} weight tensor${fromConstants.length === 1 ? "" : "s"} stored in Constant nodes (an old exporter's layout) ${fromConstants.length === 1 ? "is" : "are"} trained as parameters, named by the Constant's output (${fromConstants.slice(0, 3).join(", ")}${fromConstants.length > 3 ? ", \u2026" : ""}); list them under training.freeze to keep them fixed.`
    );
  }
  for (const c of candidates) if (!parameterNames.includes(c)) frozen.push(c);
  if (parameterNames.length === 0) {
    throw new InputError(
      "INPUT_INVALID",
      `The model has no trainable parameters on the way to output "${outputName}": no float initializer reaches it${opts.freeze?.length ? ` (frozen: ${opts.freeze.join(", ")})` : ""}. Unfreeze some parameters, or check that the weights are initializers (or float Constant nodes feeding Conv/Gemm/MatMul/normalisation inputs).`
    );
  }
  const stateUpdates = diff.emitForward();
  const labelInput = em.reserve("labels");
  const loss = emitLoss(em, opts.loss, pred, labelInput);
  const lossOutput = em.reserve("loss");
  em.to(lossOutput, "Identity", [loss.loss]);
  em.setShape(lossOutput, []);
  const grads = diff.emitBackward({ [pred]: loss.dPrediction });
  const paramDims = (name) => (mapValue(prep.initializers, name, "the initializer").dims ?? []).map(Number);
  const inSubgraphs = new Set(subgraphReads(em.nodes).map((r) => r.name));
  const optimizerStart = em.nodes.length;
  const opt = emitOptimizer(
    em,
    opts.optimizer,
    parameterNames.map((name) => ({
      name,
      grad: mapValue(grads, name, "the gradient of"),
      dims: paramDims(name),
      ...inSubgraphs.has(name) ? { modelLayout: true } : {}
    })),
    opts,
    {
      state: (param, slot) => em.reserve(param ? `train/state/${param}/${slot}` : `train/state/${slot}`),
      newValue: (name) => em.reserve(`train/new/${name.replace(/^train\/state\//, "state/")}`)
    }
  );
  viewStoredParameters(em, opt.storageDims, paramDims, optimizerStart);
  const storedDims = (name) => opt.storageDims[name] ?? paramDims(name);
  const feedback = {};
  const parameterDims = {};
  const initialState = {};
  const outputs = [valueInfo(lossOutput, prep.floatType, [])];
  const stepInputs = [];
  for (const p of parameterNames) {
    const out2 = opt.newParameters[p];
    feedback[out2] = p;
    parameterDims[p] = paramDims(p);
    initialState[p] = { ...readTensor(mapValue(prep.initializers, p, "the initializer")), dims: storedDims(p) };
    stepInputs.push(valueInfo(p, prep.floatType, storedDims(p)));
    outputs.push(valueInfo(out2, prep.floatType, storedDims(p)));
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
    initialState[name] = readTensor(mapValue(prep.initializers, name, "the initializer"));
    stateInputs.push(name);
    stepInputs.push(valueInfo(name, prep.floatType, paramDims(name)));
    outputs.push(valueInfo(out2, prep.floatType, paramDims(name)));
  }
  const asInputs = /* @__PURE__ */ new Set([...parameterNames, ...runningStats]);
  const batchInputs = prep.inputs.map((v) => ({
    name: v.name ?? "",
    elemType: v.type?.tensorType?.elemType ?? prep.floatType,
    shape: em.shapeOf(v.name ?? "")
  }));
  const labelInfo = outputInfo(em, labelInput, loss.labelDType === "int64" ? DataType.INT64 : prep.floatType);
  const classes = opts.loss === "cross-entropy" ? em.shapeOf(pred)?.[1] : void 0;
  const pruned = pruneGraph(
    em.nodes,
    [...[...prep.initializers.values()].filter((t) => !asInputs.has(t.name ?? "")), ...em.initializers],
    outputs.map((o) => o.name ?? "")
  );
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
    parameterDims,
    stateInputs,
    initialState,
    batchInputs,
    labelInput,
    label: { dtype: loss.labelDType, shape: loss.labelShape, ...typeof classes === "number" ? { classes } : {} },
    lossOutput,
    // Running statistics are updated every step (state), so they are not "kept fixed".
    frozen: frozen.filter((n) => !runningStats.includes(n)),
    notes
  };
}
var JOULES_PER_KWH = 36e5;
function projectTraining(p) {
  const bad = [
    ["batchSize", p.batchSize],
    ["datasetSize", p.datasetSize],
    ["epochs", p.epochs]
  ].filter(([, v]) => !(Number.isFinite(v) && v > 0));
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
function describe(t) {
  return `${t.type}[${t.dims.join(", ")}]`;
}
function allocLike(t) {
  const n = t.size;
  switch (t.type) {
    case "float32":
      return new Tensor("float32", new Float32Array(n), t.dims);
    case "float64":
      return new Tensor("float64", new Float64Array(n), t.dims);
    case "int64":
      return new Tensor("int64", new BigInt64Array(n), t.dims);
    case "int32":
      return new Tensor("int32", new Int32Array(n), t.dims);
    case "bool":
      return new Tensor("bool", new Uint8Array(n), t.dims);
    case "float16":
      return makeTensor("float16", new Uint16Array(n), t.dims);
    default:
      throw new InputError(
        "INPUT_INVALID",
        `A training-step output of type ${t.type} cannot be fed back; expected numeric tensors.`
      );
  }
}
function lossesOf(t, name, count2) {
  if (!t || t.size !== count2) {
    throw new InputError(
      "INPUT_INVALID",
      `The training step's loss output "${name}" has ${t?.size ?? 0} elements; expected ${count2 === 1 ? "a scalar loss" : `${count2} (one loss per step of a call)`}.`
    );
  }
  const data = t.data;
  return Array.from(data, Number);
}
function validateFeedback(session, initialFeeds, feedback, lossOutput) {
  const problems = [];
  for (const [o, i] of Object.entries(feedback)) {
    if (!session.outputNames.includes(o))
      problems.push(`feedback output "${o}" is not an output of the step model (outputs: ${session.outputNames.join(", ")})`);
    if (!session.inputNames.includes(i))
      problems.push(
        `feedback input "${i}" (for output "${o}") is not an input of the step model (inputs: ${session.inputNames.join(", ")})`
      );
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
    if (!loss)
      problems.push(
        `cannot tell which output is the loss (outputs not fed back: ${free.join(", ") || "none"}); name it (training.loss-output)`
      );
  } else if (!session.outputNames.includes(loss)) {
    problems.push(`loss output "${loss}" is not an output of the step model`);
  }
  if (problems.length || loss === void 0) {
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
  const perCall = cfg.stepsPerCall ?? 1;
  if (!(Number.isInteger(cfg.steps) && cfg.steps >= 1) || !(Number.isInteger(cfg.warmup) && cfg.warmup >= 0) || !(Number.isInteger(perCall) && perCall >= 1)) {
    throw new InputError(
      "INPUT_INVALID",
      `training steps must be an integer >= 1, warmup >= 0 and steps per call >= 1 (got steps ${cfg.steps}, warmup ${cfg.warmup}, steps per call ${perCall}).`
    );
  }
  const lossName = validateFeedback(session, initialFeeds, feedback, cfg.lossOutput);
  const fedOutputs = Object.keys(feedback);
  const feeds = { ...initialFeeds };
  const losses = [];
  const notes = [];
  const first = await session.run(feeds);
  losses.push(...lossesOf(first[lossName], lossName, perCall));
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
  for (const o of fedOutputs) current[feedback[o]] = nativeFloat16(first[o]);
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
      const sentinel = lossBuffer.data;
      if (sentinel instanceof Float32Array || sentinel instanceof Float64Array) sentinel.fill(Number.NaN);
      let res2;
      try {
        res2 = await session.run(stepFeeds, fetches);
      } catch (e) {
        preallocated = false;
        notes.push(
          `outputs could not be written into preallocated tensors (${messageOf(e).split("\n")[0]}); each step's outputs were taken as returned instead`
        );
        return step();
      }
      const written = lossesOf(lossBuffer, lossName, perCall);
      if (!Number.isNaN(written[0])) {
        const next3 = spare;
        spare = current;
        current = next3;
        return written;
      }
      const returned = lossesOf(res2[lossName], lossName, perCall);
      if (!Number.isNaN(returned[0])) {
        preallocated = false;
        notes.push(
          "the session did not write into preallocated output tensors; each step's outputs were taken as returned instead"
        );
      }
      const next2 = {};
      for (const o of fedOutputs) next2[feedback[o]] = nativeFloat16(res2[o]);
      current = next2;
      return returned;
    }
    const res = await session.run(stepFeeds);
    const next = {};
    for (const o of fedOutputs) next[feedback[o]] = nativeFloat16(res[o]);
    current = next;
    return lossesOf(res[lossName], lossName, perCall);
  };
  for (let done = perCall; done < cfg.warmup; done += perCall) losses.push(...await step());
  const stepMs = [];
  const calls = Math.ceil(cfg.steps / perCall);
  const token = deps.meter ? await deps.meter.begin() : void 0;
  const start = deps.clockNs();
  for (let i = 0; i < calls; i++) {
    const t0 = deps.clockNs();
    losses.push(...await step());
    const perStep = Number(deps.clockNs() - t0) / 1e6 / perCall;
    for (let k = 0; k < perCall; k++) stepMs.push(perStep);
  }
  const totalMs = Number(deps.clockNs() - start) / 1e6;
  const energy = deps.meter && token ? await deps.meter.end(token) : void 0;
  return {
    steps: calls * perCall,
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
  return makeTensor(d.dtype, d.data, d.dims);
}

// src/optimize/distill.ts
var SQUASH = /* @__PURE__ */ new Set(["Sigmoid", "Softmax"]);
function distillTarget(model) {
  const graph = model.graph ?? {};
  const output = graph.output?.[0]?.name ?? "";
  const producer = (graph.node ?? []).find((n) => n.output?.[0] === output);
  if (producer && SQUASH.has(producer.opType ?? "") && !producer.domain && producer.input?.[0]) {
    return { target: producer.input[0], output, squash: producer.opType };
  }
  return { target: output, output };
}
function withOutputs(model, names, dims) {
  const g = model.graph ?? {};
  const outputs = names.map((n) => dims ? valueInfo(n, DataType.FLOAT, dims) : { name: n });
  return { ...model, graph: { ...g, output: outputs } };
}
async function runTeacher(teacher, target, batches) {
  const session = await InferenceSession.create(encodeModel(withOutputs(teacher, [target])), {
    executionProviders: ["cpu"],
    intraOpNumThreads: 1
  });
  try {
    const out2 = [];
    for (const feeds of batches) out2.push((await session.run(feeds))[target]);
    return out2;
  } finally {
    await session.release();
  }
}
function soften(t, temperature, classes) {
  const v = float32Data(t, "the teacher's output");
  const out2 = new Float32Array(v.length);
  if (classes === 1) {
    for (let i = 0; i < v.length; i++) out2[i] = 1 / (1 + Math.exp(-v[i] / temperature));
  } else {
    const rows = v.length / classes;
    for (let r = 0; r < rows; r++) {
      let max = -Infinity;
      for (let c = 0; c < classes; c++) max = Math.max(max, v[r * classes + c] / temperature);
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += out2[r * classes + c] = Math.exp(v[r * classes + c] / temperature - max);
      for (let c = 0; c < classes; c++) out2[r * classes + c] /= sum;
    }
  }
  return new Tensor("float32", out2, t.dims);
}
async function distill(teacher, student, options) {
  const clock = options.clockNs ?? (() => process.hrtime.bigint());
  const start = clock();
  const loss = options.loss ?? "mse";
  const temperature = options.temperature ?? 2;
  const { target, squash } = distillTarget(student);
  const teacherTarget = distillTarget(teacher).target;
  const targets = await runTeacher(teacher, teacherTarget, options.batches);
  const dims = [...targets[0].dims];
  const classes = dims.length >= 2 ? dims[1] : 1;
  const notes = [];
  let trainable = withOutputs(student, [target], dims);
  let pred = target;
  let stepLoss = "mse";
  let lossDescription = `MSE on ${squash ? `the logits "${target}" before the final ${squash}` : `the output "${target}"`}`;
  if (loss === "kl") {
    if (dims.length !== 2) {
      notes.push(`KL needs [rows, classes] logits; "${target}" has shape [${dims.join(", ")}], so MSE was used instead.`);
    } else {
      pred = `${target}_over_temperature`;
      const g2 = trainable.graph ?? {};
      const tName = `${target}_temperature`;
      trainable = {
        ...trainable,
        graph: {
          ...g2,
          node: [...g2.node ?? [], { opType: "Div", input: [target, tName], output: [pred], name: pred }],
          initializer: [...g2.initializer ?? [], tensorFrom(tName, [], DataType.FLOAT, Float32Array.of(temperature))],
          output: [valueInfo(pred, DataType.FLOAT, dims)]
        }
      };
      stepLoss = classes === 1 ? "bce-logits" : "soft-cross-entropy";
      lossDescription = `KL divergence at temperature ${temperature} on ${classes === 1 ? "the sigmoid of" : "the softmax of"} "${target}"`;
    }
  }
  const labels = stepLoss === "mse" ? targets : targets.map((t) => soften(t, temperature, classes));
  const batchShapes = Object.fromEntries(Object.entries(options.batches[0]).map(([k, t]) => [k, [...t.dims]]));
  const step = buildTrainingStep(trainable, {
    loss: stepLoss,
    optimizer: "adam",
    learningRate: options.learningRate ?? 1e-3,
    batchShapes,
    output: pred,
    ...options.freeze?.length ? { freeze: options.freeze } : {}
  });
  const session = await InferenceSession.create(encodeModel(step.model), {
    executionProviders: ["cpu"],
    intraOpNumThreads: 1
  });
  const state = {};
  for (const [name, d] of Object.entries(step.initialState)) state[name] = toOrtTensor(d);
  let lossFirst = NaN;
  let lossLast = NaN;
  const stepsStart = clock();
  try {
    for (let s = 0; s < options.steps; s++) {
      const k = s % options.batches.length;
      const out2 = await session.run({ ...options.batches[k], [step.labelInput]: labels[k], ...state });
      for (const [o, i] of Object.entries(step.feedback)) state[i] = out2[o];
      const l = Number(out2[step.lossOutput].data[0]);
      if (s === 0) lossFirst = l;
      lossLast = l;
    }
  } finally {
    await session.release();
  }
  const stepsS = Number(clock() - stepsStart) / 1e9;
  const trained = /* @__PURE__ */ new Map();
  for (const name of [...step.parameterNames, ...step.stateInputs]) {
    const t = state[name];
    if (!t || !(t.data instanceof Float32Array)) continue;
    trained.set(name, tensorFrom(name, step.parameterDims[name] ?? [...t.dims], DataType.FLOAT, Float32Array.from(t.data)));
  }
  const g = student.graph ?? {};
  const model = {
    ...student,
    graph: { ...g, initializer: (g.initializer ?? []).map((t) => trained.get(t.name ?? "") ?? t) }
  };
  notes.push(...step.notes);
  return {
    model,
    steps: options.steps,
    target,
    lossDescription,
    lossFirst,
    lossLast,
    durationS: Number(clock() - start) / 1e9,
    stepsS,
    notes
  };
}

// src/optimize/channel-groups.ts
function total(segs) {
  return segs.reduce((s, x) => s + x.n * x.inner, 0);
}
var Groups = class {
  parent = [];
  size = [];
  producers = [];
  lock = [];
  add(n, producer) {
    const id = this.parent.length;
    this.parent.push(id);
    this.size.push(n);
    this.producers.push(producer ? [producer] : []);
    this.lock.push(void 0);
    return id;
  }
  find(g) {
    while (this.parent[g] !== g) {
      this.parent[g] = this.parent[this.parent[g]];
      g = this.parent[g];
    }
    return g;
  }
  union(a, b) {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    this.parent[rb] = ra;
    this.producers[ra].push(...this.producers[rb]);
    this.lock[ra] ??= this.lock[rb];
  }
  /** Locks the groups of the segments (first reason wins; applied to roots at the end too). */
  lockSegs(segs, reason) {
    for (const s of segs) this.lock[s.group] ??= reason;
  }
};
function dimsOf2(t) {
  return (t.dims ?? []).map(Number);
}
function gather2(values, dims, dim, keep) {
  const outer = dims.slice(0, dim).reduce((a, b) => a * b, 1);
  const inner = dims.slice(dim + 1).reduce((a, b) => a * b, 1);
  const n = dims[dim];
  const out2 = new Float32Array(outer * keep.length * inner);
  let o = 0;
  for (let a = 0; a < outer; a++) {
    for (const k of keep) {
      const src = (a * n + k) * inner;
      out2.set(values.subarray(src, src + inner), o);
      o += inner;
    }
  }
  return out2;
}

// src/optimize/channel-trace.ts
var UNARY = /* @__PURE__ */ new Set([
  "Relu",
  "LeakyRelu",
  "Sigmoid",
  "Tanh",
  "HardSigmoid",
  "HardSwish",
  "Elu",
  "Selu",
  "Celu",
  "Softplus",
  "Softsign",
  "Gelu",
  "Erf",
  "Exp",
  "Log",
  "Abs",
  "Neg",
  "Sqrt",
  "Reciprocal",
  "Identity",
  "Dropout",
  "Clip",
  "Mish",
  "Floor",
  "Ceil",
  "Round",
  "Sin",
  "Cos",
  "ThresholdedRelu",
  "Shrink"
]);
var POOLS = /* @__PURE__ */ new Set(["MaxPool", "AveragePool", "LpPool", "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool"]);
var ELEMENTWISE = /* @__PURE__ */ new Set(["Add", "Sub", "Mul", "Div", "Max", "Min", "Sum", "Mean", "PRelu", "Pow"]);
function label(n) {
  return `${n.name || n.output?.[0] || "?"} (${n.opType ?? "?"})`;
}
function traceChannels(graph, shapes) {
  const inits = new Map((graph.initializer ?? []).map((t) => [t.name ?? "", t]));
  const uses = /* @__PURE__ */ new Map();
  for (const n of graph.node ?? []) for (const i of n.input ?? []) if (i) uses.set(i, (uses.get(i) ?? 0) + 1);
  const declaredRank = /* @__PURE__ */ new Map();
  for (const v of [...graph.input ?? [], ...graph.valueInfo ?? [], ...graph.output ?? []]) {
    const dims = v.type?.tensorType?.shape?.dim;
    if (v.name && dims) declaredRank.set(v.name, dims.length);
  }
  const rankOf2 = (name, desc) => desc?.rank ?? shapes?.get(name)?.length ?? declaredRank.get(name) ?? (inits.has(name) ? dimsOf2(mapValue(inits, name, "the initializer")).length : void 0);
  const groups = new Groups();
  const descs = /* @__PURE__ */ new Map();
  const edits = /* @__PURE__ */ new Map();
  const conflicts = [];
  const edit = (tensor, dim, segs, why) => {
    const t = inits.get(tensor);
    if (!t || (t.dataType ?? 0) !== DataType.FLOAT || isExternal2(t)) {
      groups.lockSegs(segs, `${why}: ${tensor} is not a float32 initializer stored in the file`);
      return false;
    }
    if ((uses.get(tensor) ?? 0) > 1) {
      groups.lockSegs(segs, `${why}: ${tensor} is shared by several nodes`);
      return false;
    }
    if (dimsOf2(t)[dim] !== total(segs)) {
      groups.lockSegs(segs, `${why}: ${tensor} has ${dimsOf2(t)[dim]} entries on axis ${dim}, not ${total(segs)}`);
      return false;
    }
    const m = edits.get(tensor) ?? /* @__PURE__ */ new Map();
    if (m.has(dim)) conflicts.push(tensor);
    m.set(dim, segs);
    edits.set(tensor, m);
    return true;
  };
  const lockInputs = (n, why) => {
    for (const i of n.input ?? []) {
      const d = descs.get(i);
      if (d) groups.lockSegs(d.segs, why);
    }
  };
  const produce = (n, weight, dim, axis, rank) => {
    const out2 = n.output?.[0] ?? "";
    const t = mapValue(inits, weight, "the initializer");
    const channels = dimsOf2(t)[dim];
    const g = groups.add(channels, { op: n.opType ?? "", node: n.name || out2, output: out2, weight, dim });
    const segs = [{ group: g, n: channels, inner: 1 }];
    edit(weight, dim, segs, `${label(n)}'s weight`);
    descs.set(out2, { axis, rank, segs });
  };
  for (const n of graph.node ?? []) {
    const op = isDefaultDomain(n) ? n.opType ?? "" : `${n.domain}.${n.opType ?? ""}`;
    const ins = n.input ?? [];
    const out2 = n.output?.[0] ?? "";
    const x = descs.get(ins[0] ?? "");
    const hasSubgraph = (n.attribute ?? []).some((a) => a.g || (a.graphs?.length ?? 0) > 0);
    if (hasSubgraph) {
      lockInputs(n, `${label(n)} reads them`);
      continue;
    }
    switch (op) {
      case "Conv": {
        const w = inits.get(ins[1] ?? "");
        const group = attrInt(n, "group", 1);
        if (x && (x.axis !== 1 || group !== 1 || x.segs.some((s) => s.inner !== 1))) {
          groups.lockSegs(x.segs, `${label(n)} reads them${group !== 1 ? ` (grouped convolution, group = ${group})` : ""}`);
        } else if (x && w) edit(ins[1], 1, x.segs, `${label(n)} reads them`);
        else if (x) groups.lockSegs(x.segs, `${label(n)} reads them with a weight computed at run time`);
        if (!w || (w.dataType ?? 0) !== DataType.FLOAT || dimsOf2(w).length < 3) break;
        produce(n, ins[1], 0, 1, dimsOf2(w).length);
        if (ins[2]) edit(ins[2], 0, mapValue(descs, out2, "the channel descriptor of").segs, `${label(n)}'s bias`);
        break;
      }
      case "Gemm": {
        const w = inits.get(ins[1] ?? "");
        const transB = attrInt(n, "transB", 0) === 1;
        const fine = w && (w.dataType ?? 0) === DataType.FLOAT && dimsOf2(w).length === 2;
        if (x) {
          if (attrInt(n, "transA", 0) !== 0 || x.axis !== 1) groups.lockSegs(x.segs, `${label(n)} reads them transposed`);
          else if (!fine) groups.lockSegs(x.segs, `${label(n)} reads them with a weight computed at run time`);
          else edit(ins[1], transB ? 1 : 0, x.segs, `${label(n)} reads them`);
        }
        if (!fine) break;
        produce(n, ins[1], transB ? 0 : 1, 1, 2);
        const c = ins[2] ? inits.get(ins[2]) : void 0;
        const segs = mapValue(descs, out2, "the channel descriptor of").segs;
        if (ins[2] && c) {
          const cd = dimsOf2(c);
          if (cd.length > 0 && cd[cd.length - 1] === total(segs)) edit(ins[2], cd.length - 1, segs, `${label(n)}'s bias`);
          else if (cd.length > 0 && cd[cd.length - 1] !== 1)
            groups.lockSegs(segs, `${label(n)}'s bias has shape [${cd.join(", ")}]`);
        } else if (ins[2]) groups.lockSegs(segs, `${label(n)}'s bias is computed at run time`);
        break;
      }
      case "MatMul": {
        const w = inits.get(ins[1] ?? "");
        const fine = w && (w.dataType ?? 0) === DataType.FLOAT && dimsOf2(w).length === 2;
        const rank = rankOf2(ins[0], x);
        if (x) {
          if (!fine) groups.lockSegs(x.segs, `${label(n)} reads them with a weight computed at run time`);
          else if (x.axis !== x.rank - 1) groups.lockSegs(x.segs, `${label(n)} reads them on another axis`);
          else edit(ins[1], 0, x.segs, `${label(n)} reads them`);
        }
        if (!fine || rank === void 0 || rank < 2) break;
        produce(n, ins[1], 1, rank - 1, rank);
        break;
      }
      case "BatchNormalization": {
        if (!x) break;
        if (x.axis !== 1 || (n.output?.length ?? 1) > 1) {
          groups.lockSegs(x.segs, `${label(n)} reads them in training mode or on another axis`);
          break;
        }
        let ok = true;
        for (let i = 1; i <= 4; i++) ok = edit(ins[i] ?? "", 0, x.segs, `${label(n)}'s parameters`) && ok;
        if (ok) descs.set(out2, x);
        break;
      }
      case "Flatten": {
        if (!x) break;
        const shape = shapes?.get(ins[0]);
        const axis = attrInt(n, "axis", 1);
        if (axis !== 1 || x.axis !== 1 || !shape) {
          groups.lockSegs(x.segs, `${label(n)} reads them${shape ? "" : " (its input shape is not known)"}`);
          break;
        }
        const spatial = shape.slice(2).reduce((a, b) => a * b, 1);
        descs.set(out2, { axis: 1, rank: 2, segs: x.segs.map((s) => ({ ...s, inner: s.inner * spatial })) });
        break;
      }
      case "Concat": {
        const present = ins.map((i) => descs.get(i));
        const first = present.find((d) => d !== void 0);
        if (!first) break;
        const axis = attrInt(n, "axis", 0);
        const normAxis2 = axis < 0 ? axis + first.rank : axis;
        if (normAxis2 === first.axis) {
          const segs = [];
          let ok = true;
          ins.forEach((i, k) => {
            const d = present[k];
            if (d) {
              if (d.axis !== first.axis) ok = false;
              segs.push(...d.segs);
              return;
            }
            const c = shapes?.get(i)?.[normAxis2] ?? (inits.has(i) ? dimsOf2(mapValue(inits, i, "the initializer"))[normAxis2] : void 0);
            if (c === void 0) {
              ok = false;
              return;
            }
            const g = groups.add(c);
            groups.lock[g] = `${i} is not made by a prunable layer`;
            segs.push({ group: g, n: c, inner: 1 });
          });
          if (!ok) {
            lockInputs(n, `${label(n)} joins them with inputs of unknown width`);
            break;
          }
          descs.set(out2, { ...first, segs });
        } else {
          lockInputs(n, `${label(n)} concatenates them on another axis`);
        }
        break;
      }
      default: {
        if (UNARY.has(op) || POOLS.has(op)) {
          if (!x) break;
          if (POOLS.has(op) && x.axis !== 1) {
            groups.lockSegs(x.segs, `${label(n)} pools them on another axis`);
            break;
          }
          if ((n.output?.length ?? 1) > 1 && n.output?.slice(1).some((o) => o && uses.has(o))) {
            groups.lockSegs(x.segs, `${label(n)}'s second output reads them`);
            break;
          }
          const extra = ins.slice(1).filter((i) => i && descs.has(i));
          for (const e of extra)
            groups.lockSegs(mapValue(descs, e, "the channel descriptor of").segs, `${label(n)} reads them as a parameter`);
          descs.set(out2, x);
          break;
        }
        if (ELEMENTWISE.has(op)) {
          elementwise2(n);
          break;
        }
        lockInputs(n, `${label(n)} reads them`);
      }
    }
  }
  function elementwise2(n) {
    const ins = n.input ?? [];
    const out2 = n.output?.[0] ?? "";
    const withDesc = ins.map((i) => descs.get(i));
    const first = withDesc.find(Boolean);
    if (!first) return;
    const outRank = Math.max(...ins.map((i, k) => rankOf2(i, withDesc[k]) ?? 0), first.rank);
    const fromEnd = first.rank - first.axis;
    const outAxis = outRank - fromEnd;
    let ok = true;
    ins.forEach((i, k) => {
      const d = withDesc[k];
      if (d) {
        const same = d.rank - d.axis === fromEnd && d.segs.length === first.segs.length && d.segs.every((s, j) => s.n === first.segs[j].n && s.inner === first.segs[j].inner);
        if (!same) ok = false;
        return;
      }
      const dims = inits.has(i) ? dimsOf2(mapValue(inits, i, "the initializer")) : shapes?.get(i);
      if (!dims) {
        ok = false;
        return;
      }
      const at = dims.length - fromEnd;
      if (at < 0 || dims[at] === 1) return;
      if (inits.has(i) && dims[at] === total(first.segs)) {
        if (!edit(i, at, first.segs, `${label(n)}'s per-channel ${i}`)) ok = false;
        return;
      }
      ok = false;
    });
    if (!ok) {
      lockInputs(n, `${label(n)} combines them with values that cannot be sliced`);
      return;
    }
    for (const d of withDesc) if (d && d !== first) d.segs.forEach((s, j) => groups.union(first.segs[j].group, s.group));
    descs.set(out2, { axis: outAxis, rank: outRank, segs: first.segs });
  }
  for (const o of graph.output ?? []) {
    const d = descs.get(o.name ?? "");
    if (d) groups.lockSegs(d.segs, `they reach the graph output ${o.name ?? ""}`);
  }
  for (const t of conflicts) {
    for (const segs of edits.get(t)?.values() ?? []) groups.lockSegs(segs, `${t} would be sliced twice`);
  }
  return { inits, groups, edits, conflicts };
}

// src/optimize/structured.ts
function pruneStructured(model, options) {
  const graph = model.graph;
  if (!graph) throw new Error("the model has no graph");
  const ratio = options.ratio;
  if (!(ratio >= 0 && ratio < 1)) throw new Error(`structured pruning ratio ${ratio} is not in [0, 1)`);
  const { inits, groups, edits, conflicts } = traceChannels(graph, options.shapes);
  for (let g = 0; g < groups.parent.length; g++) {
    const r = groups.find(g);
    if (groups.lock[g] && !groups.lock[r]) groups.lock[r] = groups.lock[g];
  }
  const order = /* @__PURE__ */ new Map();
  (graph.node ?? []).forEach((n, i) => order.set(n.output?.[0] ?? "", i));
  const kept = /* @__PURE__ */ new Map();
  const report = [];
  for (let g = 0; g < groups.parent.length; g++) {
    if (groups.find(g) !== g) continue;
    const n = groups.size[g];
    const all = Array.from({ length: n }, (_, i) => i);
    const producers = groups.producers[g];
    if (producers.length === 0) {
      kept.set(g, all);
      continue;
    }
    producers.sort((a, b) => (order.get(a.output) ?? 0) - (order.get(b.output) ?? 0));
    const layers = producers.map((p) => p.node);
    const reason = groups.lock[g];
    const conv2 = producers.every((p) => p.op === "Conv");
    const multiple = conv2 ? Math.max(1, Math.floor(options.convChannelMultiple ?? 1)) : 1;
    const wanted = Math.max(1, n - Math.round(ratio * n));
    const keepCount = multiple > 1 && n >= multiple ? Math.min(n, Math.max(multiple, Math.round(wanted / multiple) * multiple)) : multiple > 1 ? n : wanted;
    if (reason || keepCount === n) {
      kept.set(g, all);
      report.push({ layers, channels: n, kept: n, ...reason ? { lockedBecause: reason } : {} });
      continue;
    }
    const score = new Float64Array(n);
    for (const p of producers) {
      const measured = options.activationImportance?.get(p.output);
      let s;
      if (measured && measured.length === n) s = measured;
      else {
        const t = mapValue(inits, p.weight, "the initializer");
        const dims = dimsOf2(t);
        const values = readFloat32(t);
        const inner = dims.slice(p.dim + 1).reduce((a, b) => a * b, 1);
        s = new Float64Array(n);
        for (let i = 0; i < values.length; i++) s[Math.floor(i / inner) % n] += values[i] * values[i];
        for (let c = 0; c < n; c++) s[c] = Math.sqrt(s[c]);
      }
      const mean = s.reduce((a, b) => a + b, 0) / n || 1;
      for (let c = 0; c < n; c++) score[c] += s[c] / mean;
    }
    if (options.outgoingWeights) {
      const out2 = outgoingNorms(g, n);
      if (out2) for (let c = 0; c < n; c++) score[c] *= out2[c];
    }
    const ranked = all.slice().sort((a, b) => score[b] - score[a] || a - b);
    kept.set(
      g,
      ranked.slice(0, keepCount).sort((a, b) => a - b)
    );
    report.push({ layers, channels: n, kept: keepCount });
  }
  function outgoingNorms(g, n) {
    const own4 = new Set(groups.producers[g].map((p) => `${p.weight}#${p.dim}`));
    let found = false;
    const total2 = new Float64Array(n);
    for (const [name, byDim] of edits) {
      const t = mapValue(inits, name, "the initializer");
      const dims = dimsOf2(t);
      if (dims.length < 2) continue;
      for (const [dim, segs] of byDim) {
        if (own4.has(`${name}#${dim}`)) continue;
        const inner = dims.slice(dim + 1).reduce((a, b) => a * b, 1);
        const values = readFloat32(t);
        const perIndex = new Float64Array(dims[dim]);
        for (let i = 0; i < values.length; i++) perIndex[Math.floor(i / inner) % dims[dim]] += values[i] * values[i];
        const s = new Float64Array(n);
        let offset = 0;
        let hit = false;
        for (const seg of segs) {
          if (groups.find(seg.group) === g) {
            hit = true;
            for (let c = 0; c < seg.n; c++) for (let j = 0; j < seg.inner; j++) s[c] += perIndex[offset + c * seg.inner + j];
          }
          offset += seg.n * seg.inner;
        }
        if (!hit) continue;
        found = true;
        for (let c = 0; c < n; c++) s[c] = Math.sqrt(s[c]);
        const mean = s.reduce((a, b) => a + b, 0) / n || 1;
        for (let c = 0; c < n; c++) total2[c] += s[c] / mean;
      }
    }
    return found ? total2 : void 0;
  }
  const indices = (segs) => {
    const out2 = [];
    let offset = 0;
    for (const s of segs) {
      for (const c of kept.get(groups.find(s.group)) ?? []) for (let j = 0; j < s.inner; j++) out2.push(offset + c * s.inner + j);
      offset += s.n * s.inner;
    }
    return out2;
  };
  const replaced = /* @__PURE__ */ new Map();
  const tensors = [];
  for (const [name, byDim] of edits) {
    if (conflicts.includes(name)) continue;
    const t = mapValue(inits, name, "the initializer");
    let dims = dimsOf2(t);
    const before = dims.slice();
    let values = readFloat32(t);
    for (const [dim, segs] of byDim) {
      const keep = indices(segs);
      if (keep.length === dims[dim]) continue;
      values = gather2(values, dims, dim, keep);
      dims = dims.map((d, i) => i === dim ? keep.length : d);
    }
    if (dims.every((d, i) => d === before[i])) continue;
    replaced.set(name, tensorFrom(name, dims, DataType.FLOAT, values));
    tensors.push({ name, before, after: dims });
  }
  const count2 = (list) => list.filter((t) => (t.dataType ?? 0) === DataType.FLOAT).reduce((s, t) => s + dimsOf2(t).reduce((a, b) => a * b, 1), 0);
  const initializer = (graph.initializer ?? []).map((t) => replaced.get(t.name ?? "") ?? t);
  const outputs = new Set((graph.output ?? []).map((o) => o.name ?? ""));
  const newGraph = {
    ...graph,
    initializer,
    // Shapes of intermediate values changed: value_info is optional, so it is dropped rather than kept stale.
    valueInfo: (graph.valueInfo ?? []).filter((v) => outputs.has(v.name ?? "")),
    // Old exporters list initializers among the inputs too: their dims follow.
    input: (graph.input ?? []).map((v) => {
      const r = replaced.get(v.name ?? "");
      if (!r || !v.type?.tensorType) return v;
      const dim = (r.dims ?? []).map((d) => ({ dimValue: Number(d) }));
      return { ...v, type: { ...v.type, tensorType: { ...v.type.tensorType, shape: { dim } } } };
    })
  };
  const notes = [];
  const locked = report.filter((g) => g.lockedBecause);
  for (const g of locked) notes.push(`${g.layers.join(", ")}: kept all ${g.channels} channels, ${g.lockedBecause}.`);
  return {
    model: { ...model, graph: newGraph },
    groups: report,
    tensors,
    parametersBefore: count2(graph.initializer ?? []),
    parametersAfter: count2(initializer),
    notes
  };
}

// src/optimize/reduce.ts
var DEFAULT_CONV_CHANNEL_MULTIPLE = 8;
var TRAIN_INPUT_BYTES = 256 * 1024 * 1024;
function trainBatchCount(steps, batchBytes) {
  return Math.max(1, Math.min(Math.max(steps, 1), Math.floor(TRAIN_INPUT_BYTES / Math.max(1, batchBytes))));
}
function feedsBytes(feeds) {
  return Object.values(feeds).reduce((s, t) => s + dataBytes(t.data), 0);
}
async function activationImportance(model, batches) {
  const graph = model.graph ?? {};
  const layers = (graph.node ?? []).filter((n) => ["Conv", "Gemm", "MatMul"].includes(n.opType ?? "") && !n.domain);
  const names = [...new Set(layers.map((n) => n.output?.[0] ?? "").filter(Boolean))];
  const outputs = new Set((graph.output ?? []).map((o) => o.name ?? ""));
  const extra = {
    ...model,
    graph: { ...graph, output: [...graph.output ?? [], ...names.filter((n) => !outputs.has(n)).map((name) => ({ name }))] }
  };
  const session = await InferenceSession.create(encodeModel(extra), { executionProviders: ["cpu"], intraOpNumThreads: 1 });
  const sums = /* @__PURE__ */ new Map();
  try {
    for (const feeds of batches) {
      const out2 = await session.run(feeds);
      for (const n of layers) {
        const name = n.output?.[0] ?? "";
        const t = out2[name];
        if (!t || !(t.data instanceof Float32Array) || t.dims.length < 2) continue;
        const axis = n.opType === "MatMul" ? t.dims.length - 1 : 1;
        const channels = t.dims[axis];
        const inner = t.dims.slice(axis + 1).reduce((a, b) => a * b, 1);
        const s = sums.get(name) ?? new Float64Array(channels);
        const v = t.data;
        for (let i = 0; i < v.length; i++) s[Math.floor(i / inner) % channels] += Math.abs(v[i]);
        sums.set(name, s);
      }
    }
  } finally {
    await session.release();
  }
  return sums;
}
async function buildReduced(model, options) {
  const bytes = encodeModel(model);
  const loaded = { path: "model.onnx", bytes, proto: decodeModel(bytes), fileBytes: bytes.length, externalFiles: [] };
  const shapes = await resolveShapes(loaded, options.train[0]);
  const importance = options.importance ?? "activation";
  const prune = pruneStructured(model, {
    ratio: options.ratio,
    shapes,
    convChannelMultiple: options.convChannelMultiple ?? DEFAULT_CONV_CHANNEL_MULTIPLE,
    outgoingWeights: options.outgoingWeights ?? true,
    ...importance === "activation" ? { activationImportance: await activationImportance(model, options.train) } : {}
  });
  const pruned = prune.groups.filter((g) => g.kept < g.channels);
  if (pruned.length === 0) {
    const why = prune.groups.length ? prune.groups.map((g) => `${g.layers.join(", ")}: ${g.lockedBecause ?? `${g.channels} channel(s), none to remove at this ratio`}`).join("; ") : "it has no Conv, Gemm or MatMul layer with a float32 weight initializer";
    throw new InputError("UNSUPPORTED_OP", `Structured pruning cannot remove any channel: ${why}.`);
  }
  const notes = [...prune.notes];
  if (options.steps <= 0) return { model: prune.model, prune, importance, notes };
  const fineTune = await distill(model, prune.model, {
    steps: options.steps,
    batches: options.train,
    ...options.loss ? { loss: options.loss } : {},
    ...options.temperature !== void 0 ? { temperature: options.temperature } : {},
    ...options.learningRate !== void 0 ? { learningRate: options.learningRate } : {},
    ...options.clockNs ? { clockNs: options.clockNs } : {},
    ...options.freeze ? { freeze: options.freeze } : {}
  });
  notes.push(...fineTune.notes);
  return { model: fineTune.model, prune, fineTune, importance, notes };
}
function npyBatches(array, input, batchSize, file, heldOutShare = 0.25) {
  const sample = array.shape.slice(1);
  const data = array.data;
  if (array.dtype !== "float32" || !(data instanceof Float32Array)) {
    throw new InputError(
      "INPUT_INVALID",
      `${file}: expected float32 samples for input "${input.name}", got ${array.dtype}. Save it with np.save(path, x.astype(np.float32)).`
    );
  }
  if (sample.length !== input.sampleDims.length || sample.some((d, i) => d !== input.sampleDims[i])) {
    throw new InputError(
      "INPUT_INVALID",
      `${file}: each sample of input "${input.name}" must be [${input.sampleDims.join(", ")}] (the array [rows, ${input.sampleDims.join(", ")}]); got [${array.shape.join(", ")}].`
    );
  }
  const rows = array.shape[0] ?? 0;
  const batches = Math.floor(rows / batchSize);
  if (batches < 2) {
    throw new InputError(
      "INPUT_INVALID",
      `${file}: ${rows} rows make fewer than two batches of ${batchSize}; give at least ${2 * batchSize} rows (some train, some are held out).`
    );
  }
  const per = sample.reduce((a, b) => a * b, 1) * batchSize;
  const all = [];
  for (let b = 0; b < batches; b++) {
    all.push({ [input.name]: new Tensor("float32", data.slice(b * per, (b + 1) * per), [batchSize, ...sample]) });
  }
  const held = Math.max(1, Math.round(batches * heldOutShare));
  return { train: all.slice(0, batches - held), heldOut: all.slice(batches - held) };
}

// src/optimize/types.ts
var VARIANT_IDS = ["int8-weights", "int8-dynamic", "fp16", "prune"];
var REDUCE_VARIANT_IDS = ["prune-structured", "distill"];
var ADVICE_VARIANT_IDS = [...VARIANT_IDS, ...REDUCE_VARIANT_IDS];

// src/optimize/advisor.ts
var GZIP_LEVEL = 9;
function gzipSize(bytes) {
  return gzipSync(bytes, { level: GZIP_LEVEL }).length;
}
function figures(m, gzipBytes) {
  const out2 = {
    sizeBytes: m.sizeBytes,
    gzipBytes,
    flops: m.flops,
    latencyMs: { p50: m.latencyMs.p50, mean: m.latencyMs.mean }
  };
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
function measuredChange(ci) {
  if (ci[0] > 0) return "cost";
  if (ci[1] < 0) return "saving";
  return "no measurable change";
}
function withComparison(d, c) {
  const pct2 = (ci) => [ci[0] * 100, ci[1] * 100];
  const out2 = { ...d };
  if (c.latencyP50) {
    out2.latencyP50Pct = c.latencyP50.estimate * 100;
    out2.latencyP50PctCi95 = pct2(c.latencyP50.changeCi95);
    out2.latencyP50Change = measuredChange(c.latencyP50.changeCi95);
  }
  if (c.latencyMean) {
    out2.latencyMeanPct = c.latencyMean.estimate * 100;
    out2.latencyMeanPctCi95 = pct2(c.latencyMean.changeCi95);
    out2.latencyMeanChange = measuredChange(c.latencyMean.changeCi95);
  }
  if (c.energy && out2.energyPct !== void 0) {
    out2.energyPct = c.energy.estimate * 100;
    out2.energyPctCi95 = pct2(c.energy.changeCi95);
    out2.energyChange = measuredChange(c.energy.changeCi95);
  } else if (c.latencyP50 || c.latencyMean) {
    delete out2.energyPct;
  }
  const method = c.latencyMean?.method ?? c.latencyP50?.method ?? c.energy?.method;
  if (method) out2.comparison = method;
  return out2;
}
function formatMeasuredChange(pct2, ci, change, extra) {
  const tail = extra ? `; ${extra}` : "";
  if (!ci) return `${formatPercent(pct2)} (single runs, no interval${tail})`;
  const interval = `95% CI ${formatPercent(ci[0])} \u2026 ${formatPercent(ci[1])}`;
  const verdict = change ?? measuredChange([ci[0] / 100, ci[1] / 100]);
  if (verdict === "no measurable change") return `no measurable change (${interval}${tail})`;
  return `${formatPercent(pct2)} (${verdict}, ${interval}${tail})`;
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
  if (a.structure)
    parts.push(`${formatPercent(percentChange(a.structure.parametersBefore, a.structure.parametersAfter))} parameters`);
  if (d.flopsPct !== 0 && a.structure) parts.push(`${formatPercent(d.flopsPct)} FLOPs`);
  if (d.energyPct !== void 0 && a.figures.energy) {
    const e = a.figures.energy;
    parts.push(
      `energy per inference ${formatMeasuredChange(
        d.energyPct,
        d.energyPctCi95,
        d.energyChange,
        e.estimated ? `estimated with a power model (${e.method}), not measured` : `measured, ${e.method}`
      )}`
    );
  }
  parts.push(`latency p50 ${formatMeasuredChange(d.latencyP50Pct, d.latencyP50PctCi95, d.latencyP50Change)}`);
  const f = a.fidelity;
  if (f) {
    if (f.top1Agreement !== null) parts.push(`top-1 agreement ${formatShare(f.top1Agreement)}`);
    parts.push(`max abs error ${Number.isFinite(f.maxAbsError) ? f.maxAbsError.toPrecision(2) : "non-finite"}`);
    if (a.fineTune) parts[parts.length - 1] += ` (held out: ${a.fineTune.heldOut})`;
  }
  const t = a.fineTune;
  if (t) {
    const e = t.energy ? `, ${formatJoules(t.energy.joules)} ${t.energy.estimated ? `estimated with a power model (${t.energy.method}), not measured` : `measured, ${t.energy.method}`}` : "";
    parts.push(`fine-tuning cost ${t.steps} steps, ${t.durationS.toPrecision(2)} s${e}, on ${t.inputs}`);
  }
  return `${a.label}: ${parts.join(", ")}`;
}
function formatJoules(j) {
  return j >= 1 ? `${j.toPrecision(3)} J` : `${(j * 1e3).toPrecision(3)} mJ`;
}
function withSummary(a) {
  return { ...a, summary: summarizeAdvice(a) };
}
function describe2(error) {
  const text = messageOf(error);
  return text.split("\n")[0].slice(0, 400);
}
function isFeedsList(feeds) {
  return Array.isArray(feeds);
}
async function adviseModel(loaded, options) {
  const batches = isFeedsList(options.feeds) ? options.feeds : [options.feeds];
  const createSession = options.createSession ?? ortSessionFactory;
  const originalMeasurement = options.originalMeasurement ?? await options.measure(loaded.bytes, { variant: "original" });
  const original = figures(originalMeasurement, loaded.gzipBytes ?? gzipSize(loaded.bytes));
  const advice = [];
  for (const variant of options.variants ?? (options.trainFeeds?.length ? ADVICE_VARIANT_IDS : VARIANT_IDS)) {
    if (variant === "prune-structured" || variant === "distill") {
      advice.push(await adviseReduced(loaded, variant, original, options.heldOutFeeds ?? batches, createSession, options));
      continue;
    }
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
      const encoded = options.encode ? await options.encode(built.model) : { bytes: encodeModel(built.model) };
      const bytes = encoded.bytes;
      if (encoded.note) notes = [...notes, encoded.note];
      const fidelity = await measureFidelity(loaded.bytes, bytes, batches, createSession);
      const measured = figures(await options.measure(bytes, { variant }), encoded.gzipBytes ?? gzipSize(bytes));
      const pointDeltas = deltas(original, measured);
      advice.push(
        withSummary({
          variant,
          label: label2,
          status: "ok",
          figures: measured,
          original,
          deltas: options.compare ? withComparison(pointDeltas, await options.compare(bytes, { variant })) : pointDeltas,
          fidelity,
          weights: built.weights,
          notes
        })
      );
    } catch (error) {
      const notApplicable = error instanceof EnergyBudgetError && error.code === "UNSUPPORTED_OP";
      advice.push(
        withSummary({ variant, label: label2, status: notApplicable ? "not-applicable" : "failed", reason: describe2(error), notes })
      );
    }
  }
  return advice;
}
var DEFAULT_FINE_TUNE_STEPS = 300;
var DEFAULT_PRUNE_RATIO = 0.3;
var DEFAULT_DISTILL_WIDTH = 0.5;
function reduceLabel(variant, o = {}) {
  const steps = o.steps ?? DEFAULT_FINE_TUNE_STEPS;
  const tuned = steps > 0 ? ` + ${steps} fine-tuning steps` : "";
  if (variant === "distill") return `distilled student, width \xD7${o.distillWidth ?? DEFAULT_DISTILL_WIDTH}${tuned}`;
  return `structured pruning ${Math.round((o.pruneRatio ?? DEFAULT_PRUNE_RATIO) * 100)}%${tuned}`;
}
async function adviseReduced(loaded, variant, original, heldOut, createSession, options) {
  const o = options.reduceOptions ?? {};
  const label2 = reduceLabel(variant, o);
  const train = options.trainFeeds;
  if (!train?.length) {
    return withSummary({ variant, label: label2, status: "not-applicable", reason: "no training inputs were given", notes: [] });
  }
  const steps = o.steps ?? DEFAULT_FINE_TUNE_STEPS;
  const ratio = variant === "distill" ? 1 - (o.distillWidth ?? DEFAULT_DISTILL_WIDTH) : o.pruneRatio ?? DEFAULT_PRUNE_RATIO;
  const loss = o.loss ?? (variant === "distill" ? "kl" : "mse");
  try {
    const work = () => buildReduced(loaded.proto, {
      ratio,
      steps,
      loss,
      ...o.temperature !== void 0 ? { temperature: o.temperature } : {},
      train
    });
    const windowed = options.meterWindow ? await options.meterWindow(work) : { result: await work() };
    const reduced = windowed.result;
    const bytes = encodeModel(reduced.model);
    const fidelity = await measureFidelity(loaded.bytes, bytes, heldOut, createSession);
    const measured = figures(await options.measure(bytes, { variant }), gzipSize(bytes));
    const pointDeltas = deltas(original, measured);
    const ft = reduced.fineTune;
    const notes = [...reduced.notes];
    notes.push(
      "Channels and neurons are removed, so every runtime does less work; outputs change, so check the fidelity on your own data before adopting it."
    );
    return withSummary({
      variant,
      label: label2,
      status: "ok",
      figures: measured,
      original,
      deltas: options.compare ? withComparison(pointDeltas, await options.compare(bytes, { variant })) : pointDeltas,
      fidelity,
      structure: {
        ratio,
        importance: reduced.importance,
        parametersBefore: reduced.prune.parametersBefore,
        parametersAfter: reduced.prune.parametersAfter,
        groups: reduced.prune.groups
      },
      ...ft ? {
        fineTune: {
          steps: ft.steps,
          durationS: ft.durationS,
          loss: ft.lossDescription,
          lossFirst: ft.lossFirst,
          lossLast: ft.lossLast,
          inputs: options.trainSource ?? `${train.length} input batch(es)`,
          heldOut: (options.heldOutFeeds ? options.heldOutSource : options.feedsSource) ?? "the benchmark inputs",
          ...windowed.energy ? { energy: windowed.energy } : {}
        }
      } : {},
      notes
    });
  } catch (error) {
    const notApplicable = error instanceof EnergyBudgetError && (error.code === "UNSUPPORTED_OP" || error.code === "INPUT_INVALID");
    return withSummary({
      variant,
      label: label2,
      status: notApplicable ? "not-applicable" : "failed",
      reason: describe2(error),
      notes: []
    });
  }
}

export {
  suggest,
  DataType,
  decodeModel,
  encodeModel,
  isExternal,
  externalEntries,
  resolveExternalRef,
  forEachTensor,
  loadModel,
  externalDataFolder,
  externalDataOptions,
  staticShapes,
  resolveShapesAndValues,
  dtypeName,
  dtypeBytes,
  fsExternalReader,
  opKey,
  analyzeModel,
  findAttr,
  attrInt,
  node,
  int64Tensor,
  rawTensor,
  seedFrom,
  parseNpy,
  float16BitsOf,
  dataBytes,
  synthesizeInputs,
  synthesizeLabels,
  loopTrainingStep,
  buildTrainingStep,
  projectTraining,
  runTrainingBenchmark,
  toOrtTensor,
  measureFidelity,
  ortSessionFactory,
  ortSessionFactoryIn,
  buildVariant,
  DEFAULT_CONV_CHANNEL_MULTIPLE,
  trainBatchCount,
  feedsBytes,
  buildReduced,
  npyBatches,
  VARIANT_IDS,
  ADVICE_VARIANT_IDS,
  GZIP_LEVEL,
  gzipSize,
  percentChange,
  formatPercent,
  adviseModel,
  DEFAULT_FINE_TUNE_STEPS,
  reduceLabel
};
