import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);

// src/errors.ts
var ExitCode = { OK: 0, BUDGET_EXCEEDED: 1, INVALID_INPUT: 2, INTERNAL: 3 };
var EnergyBudgetError = class extends Error {
  code;
  exitCode;
  constructor(code, message, exitCode, options) {
    super(message, options);
    this.name = "EnergyBudgetError";
    this.code = code;
    this.exitCode = exitCode;
  }
};
function formatConfigIssue(issue) {
  const pos = issue.line ? `${issue.file}:${issue.line}:${issue.column ?? 1}` : issue.file;
  let text = `${pos}: ${issue.path ? `${issue.path}: ` : ""}${issue.message}`;
  if (issue.expected) text += `
    expected: ${issue.expected}`;
  if (issue.example) text += `
    example:  ${issue.example}`;
  return text;
}
var ConfigError = class extends EnergyBudgetError {
  issues;
  constructor(issues) {
    super(
      "CONFIG_INVALID",
      `${issues.length === 1 ? "The budget file has a problem" : `The budget file has ${issues.length} problems`}:
` + issues.map((i) => `  ${formatConfigIssue(i).replace(/\n/g, "\n  ")}`).join("\n"),
      2
    );
    this.name = "ConfigError";
    this.issues = issues;
  }
};
var InputError = class extends EnergyBudgetError {
  constructor(code, message, options) {
    super(code, message, 2, options);
    this.name = "InputError";
  }
};
var EnvironmentError = class extends EnergyBudgetError {
  constructor(message, options) {
    super(options?.code ?? "ENVIRONMENT", message, 3, options);
    this.name = "EnvironmentError";
  }
};
var InternalError = class extends EnergyBudgetError {
  constructor(code, message, options) {
    super(code, message, 3, options);
    this.name = "InternalError";
  }
};
function isUserFacing(error) {
  return error instanceof EnergyBudgetError && !(error instanceof InternalError);
}
function limitErrorOf(model, doing, error) {
  const text = messageOf(error).replace(/\s*\n\s*/g, " ");
  const code = errnoCode(error);
  let what;
  if (code === "ERR_FS_FILE_TOO_LARGE" || /greater than 2 GiB|File size .* is greater than|exceeds? (the )?2 ?GiB/i.test(text))
    what = "a file or protobuf message past 2 GiB (the most Node.js reads into one buffer and protobuf encodes)";
  else if (error instanceof RangeError && /allocation failed|Invalid array length|Invalid typed array length/i.test(text))
    what = "a buffer larger than Node.js can allocate";
  else if (/bad_alloc|Failed to allocate memory|out of memory|ENOMEM|Cannot allocate memory/i.test(text))
    what = "the memory the machine could give";
  if (!what) return void 0;
  return new EnvironmentError(
    `Model ${model}: ${doing} exceeded ${what}: ${text}. The model itself is not at fault. Keep weights in external data (onnx.save_model(..., save_as_external_data=True)), use smaller dims, or a runner with more memory (docs/large-models.md).`,
    { code: "LIMIT_EXCEEDED", cause: error }
  );
}
function exitCodeOf(error) {
  return error instanceof EnergyBudgetError ? error.exitCode : 3;
}
function messageOf(error) {
  return typeof error === "object" && error !== null && "message" in error && typeof error.message === "string" ? error.message : String(error);
}
function errnoCode(error) {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : void 0;
}

export {
  ExitCode,
  EnergyBudgetError,
  ConfigError,
  InputError,
  EnvironmentError,
  InternalError,
  isUserFacing,
  limitErrorOf,
  exitCodeOf,
  messageOf,
  errnoCode
};
