/**
 * Generates the JSON Schema of the report (`--json`) from the report's own TypeScript types
 * (`Report` in src/report/types.ts), with the TypeScript compiler's type checker, so the schema
 * cannot drift from the types: __tests__/report/report-schema.test.ts regenerates it and
 * compares it with the committed files. Run from the repository root:
 *
 *   node scripts/run-ts.mjs scripts/generate-report-schema.ts
 *
 * It writes schema/report.schema.json (for other tools) and src/report/schema.generated.ts
 * (the same object, which `merge` and `--baseline` validate against at run time).
 * JSDoc comments become descriptions; optional properties are not required; objects allow
 * additional properties, so a report from a newer version with more fields still validates;
 * numbers may be null, as JSON.stringify writes NaN and ±Infinity (a figure not measured).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';

type Json = Record<string, unknown>;

/** The schema object, generated from `Report` in `typesFile`. */
export function buildReportSchema(typesFile = resolve('src/report/types.ts')): Json {
  const program = ts.createProgram([typesFile], {
    strict: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(typesFile);
  if (!source) throw new Error(`cannot read ${typesFile}`);
  const report = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Report',
  );
  if (!report) throw new Error(`no interface Report in ${typesFile}`);

  const definitions: Record<string, Json> = {};
  const inProgress = new Set<string>();

  const describe = (symbol: ts.Symbol | undefined): string | undefined => {
    if (!symbol) return undefined;
    const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).replace(/\s+/g, ' ').trim();
    return text || undefined;
  };

  /** A named interface or type alias worth a definition of its own (not an anonymous or library type). */
  const namedOf = (type: ts.Type): string | undefined => {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (!symbol || type.aliasTypeArguments?.length) return undefined;
    const decl = symbol.declarations?.[0];
    if (!decl || decl.getSourceFile().isDeclarationFile) return undefined;
    if (!(ts.isInterfaceDeclaration(decl) || (ts.isTypeAliasDeclaration(decl) && !(type.flags & ts.TypeFlags.Union))))
      return undefined;
    return symbol.getName();
  };

  const objectSchema = (type: ts.Type, at: ts.Node): Json => {
    const properties: Record<string, Json> = {};
    const required: string[] = [];
    for (const prop of checker.getPropertiesOfType(type)) {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      const propType = checker.getTypeOfSymbolAtLocation(prop, decl ?? at);
      const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0;
      // An optional property's type carries `undefined` (dropped by the union case below); `null`
      // stays, so `commit?: string | null` accepts the null written outside git.
      const schema = toSchema(propType, decl ?? at);
      const description = describe(prop);
      properties[prop.getName()] = description ? { description, ...schema } : schema;
      if (!optional) required.push(prop.getName());
    }
    const index = type.getStringIndexType();
    return {
      type: 'object',
      ...(Object.keys(properties).length ? { properties } : {}),
      ...(required.length ? { required } : {}),
      ...(index ? { additionalProperties: toSchema(index, at) } : {}),
    };
  };

  const toSchema = (type: ts.Type, at: ts.Node): Json => {
    if (type.flags & ts.TypeFlags.Any || type.flags & ts.TypeFlags.Unknown) return {};
    if (type.flags & ts.TypeFlags.Null) return { type: 'null' };
    if (type.isStringLiteral()) return { const: type.value };
    if (type.isNumberLiteral()) return { const: type.value };
    if (type.flags & ts.TypeFlags.BooleanLiteral) return { const: checker.typeToString(type) === 'true' };
    if (type.flags & ts.TypeFlags.StringLike) return { type: 'string' };
    // JSON has no NaN or Infinity: JSON.stringify writes them as null (a metric not measured).
    if (type.flags & ts.TypeFlags.NumberLike) return { type: ['number', 'null'] };
    if (type.flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (type.isUnion()) {
      const parts = type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined));
      // `MetricKey | string` is a string; `true | false` is a boolean.
      if (parts.some((t) => t.flags & ts.TypeFlags.String) && parts.every((t) => t.flags & ts.TypeFlags.StringLike))
        return { type: 'string' };
      if (parts.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' };
      if (parts.every((t) => t.isStringLiteral())) return { enum: parts.map((t) => (t as ts.StringLiteralType).value) };
      const schemas = parts.map((t) => toSchema(t, at));
      return schemas.length === 1 ? schemas[0] : { anyOf: schemas };
    }
    if (checker.isTupleType(type)) {
      const items = checker.getTypeArguments(type as ts.TypeReference).map((t) => toSchema(t, at));
      return { type: 'array', items, minItems: items.length, maxItems: items.length };
    }
    if (checker.isArrayType(type))
      return { type: 'array', items: toSchema(checker.getTypeArguments(type as ts.TypeReference)[0], at) };
    if (type.flags & ts.TypeFlags.Object) {
      const name = namedOf(type);
      if (!name) return objectSchema(type, at);
      if (!definitions[name] && !inProgress.has(name)) {
        inProgress.add(name);
        definitions[name] = objectSchema(type, at);
        inProgress.delete(name);
      }
      return { $ref: `#/definitions/${name}` };
    }
    throw new Error(`the report schema generator does not handle the type ${checker.typeToString(type)}`);
  };

  const root = objectSchema(checker.getTypeAtLocation(report.name), report);
  const sorted = Object.fromEntries(
    Object.keys(definitions)
      .sort()
      .map((k) => [k, definitions[k]]),
  );
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/energy-budget/energy-budget/schema/report.schema.json',
    title: 'energy-budget report (--json)',
    description:
      'The JSON report of `energy-budget run --json`, schemaVersion 1 (docs/contract.md). Generated from src/report/types.ts by scripts/generate-report-schema.ts; do not edit.',
    ...root,
    definitions: sorted,
  };
}

/** The text of the committed schema file. */
export function reportSchemaJson(schema: Json): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** The text of the generated TypeScript module holding the same schema. */
export function reportSchemaModule(schema: Json): string {
  return (
    '// Generated by scripts/generate-report-schema.ts from src/report/types.ts; do not edit.\n' +
    '// The same object as schema/report.schema.json, for validating reports at run time.\n' +
    `/** JSON Schema (draft-07) of the report. */\nexport const REPORT_SCHEMA: Record<string, unknown> = ${JSON.stringify(schema, null, 2)};\n`
  );
}

if (process.argv[1] && /generate-report-schema\.m?[jt]s$/.test(resolve(process.argv[1]))) {
  const schema = buildReportSchema();
  writeFileSync(resolve('schema/report.schema.json'), reportSchemaJson(schema));
  writeFileSync(resolve('src/report/schema.generated.ts'), reportSchemaModule(schema));
  console.log('wrote schema/report.schema.json and src/report/schema.generated.ts');
}
