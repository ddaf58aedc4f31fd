/**
 * Reading node attributes with their ONNX defaults.
 */
import type { AttributeProto, NodeProto } from './onnx.js';

/** The attribute named `name`, if present. */
export function findAttr(node: NodeProto, name: string): AttributeProto | undefined {
  return (node.attribute ?? []).find((a) => a.name === name);
}

/** An INT attribute, or `fallback` when absent. */
export function attrInt(node: NodeProto, name: string, fallback: number): number {
  const a = findAttr(node, name);
  return a?.i !== undefined && a.i !== null ? Number(a.i) : fallback;
}

/** A FLOAT attribute, or `fallback` when absent. */
export function attrFloat(node: NodeProto, name: string, fallback: number): number {
  const a = findAttr(node, name);
  return a?.f !== undefined && a.f !== null ? a.f : fallback;
}

/** An INTS attribute, or `fallback` when absent or empty. */
export function attrInts(node: NodeProto, name: string, fallback: number[]): number[] {
  const a = findAttr(node, name);
  return a?.ints && a.ints.length > 0 ? a.ints.map(Number) : fallback;
}

/** A STRING attribute decoded as UTF-8, or `fallback` when absent. */
export function attrString(node: NodeProto, name: string, fallback: string): string {
  const a = findAttr(node, name);
  return a?.s && a.s.length > 0 ? new TextDecoder().decode(a.s) : fallback;
}

/** A copy of the node without the named attributes. */
export function withoutAttrs(node: NodeProto, names: string[]): NodeProto {
  return { ...node, attribute: (node.attribute ?? []).filter((a) => !names.includes(a.name ?? '')) };
}

/** Whether a node is in the default (ai.onnx) domain. */
export function isDefaultDomain(node: NodeProto): boolean {
  return !node.domain || node.domain === 'ai.onnx';
}
