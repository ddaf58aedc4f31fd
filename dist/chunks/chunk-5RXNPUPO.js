import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);

// src/runtime/pinned.ts
var TOOL_CACHE_NAME = "energy-budget-onnxruntime";
var PINNED_ONNXRUNTIME = {
  version: "1.30.0",
  packages: [
    {
      name: "onnxruntime-node",
      version: "1.30.0",
      integrity: "sha512-twhs1C2C/BFkz1yc5OY0KIU2GUq6DURO7hD4bx5Q2Qy3nAMJwRXW8xU3NVczE29VA9lolLOYepoD8fjTGOfIqw=="
    },
    {
      name: "onnxruntime-common",
      version: "1.30.0",
      integrity: "sha512-7fdVWjAID1dVhH/G8qK3APARunV4VkBFoCQAP7qp4Wkab0mrorvmc+sqiT+mKXOzDqdjN5j+/Z9nb4gzNPWcyA=="
    }
  ]
};
function tarballUrl(registry, pkg) {
  const base = pkg.name.includes("/") ? pkg.name.split("/")[1] : pkg.name;
  return `${registry.replace(/\/+$/, "")}/${pkg.name}/-/${base}-${pkg.version}.tgz`;
}

export {
  TOOL_CACHE_NAME,
  PINNED_ONNXRUNTIME,
  tarballUrl
};
