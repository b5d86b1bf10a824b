/**
 * What compiled code a Chromium heap snapshot holds (`npm run bench -- --heap-snapshots DIR`):
 * regular expressions' machine code, by pattern (V8 compiles a pattern on its second run, once
 * per string width, and keeps the code as long as the RegExp lives), and the code compiled from
 * one script (bytecode, JIT code, feedback). On an article these, not the data the extension
 * keeps, are most of its extra heap.
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export interface CompiledCode {
  /** Bytes of machine code and bytecode per regular expression source. */
  patterns: Map<string, number>;
  /** Bytes of code compiled from the script whose URL starts with the prefix asked for. */
  script: number;
}

/** How far up its retainers a code object's owner (a RegExp or a function) is looked for. */
const OWNER_DEPTH = 5;

export function compiledCode(file: string, scriptPrefix: string): CompiledCode {
  const { snapshot, nodes, edges, strings } = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const { node_fields, node_types, edge_fields, edge_types } = snapshot.meta;
  const [NF, EF] = [node_fields.length, edge_fields.length];
  const [TYPE, NAME, SIZE, EDGES] = ['type', 'name', 'self_size', 'edge_count'].map((f) =>
    node_fields.indexOf(f),
  ) as [number, number, number, number];
  const [EDGE_TYPE, EDGE_NAME, TO] = ['type', 'name_or_index', 'to_node'].map((f) =>
    edge_fields.indexOf(f),
  ) as [number, number, number];
  const count = nodes.length / NF;
  const type = (i: number) => node_types[0][nodes[i * NF + TYPE]!]!;
  const name = (i: number) => strings[nodes[i * NF + NAME]!]!;
  const named = new Set(
    ['context', 'property', 'internal', 'shortcut'].map((t) => edge_types[0].indexOf(t)),
  );
  const weak = edge_types[0].indexOf('weak');

  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += nodes[i * NF + EDGES]! * EF;
  }
  firstEdge[count] = edges.length;
  const retainers: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < count; i++) {
    for (let e = firstEdge[i]!; e < firstEdge[i + 1]!; e += EF) {
      if (edges[e + EDGE_TYPE] !== weak) retainers[edges[e + TO]! / NF]!.push(i);
    }
  }
  const edgeTo = (i: number, edgeName: string): number | undefined => {
    for (let e = firstEdge[i]!; e < firstEdge[i + 1]!; e += EF) {
      if (named.has(edges[e + EDGE_TYPE]!) && strings[edges[e + EDGE_NAME]!] === edgeName) {
        return edges[e + TO]! / NF;
      }
    }
    return undefined;
  };
  const isFunctionInfo = (i: number) =>
    type(i) === 'code' && name(i).startsWith('system / SharedFunctionInfo');
  const scriptUrl = (functionInfo: number): string => {
    const script = edgeTo(functionInfo, 'script');
    const url = script === undefined ? undefined : edgeTo(script, 'name');
    return url === undefined ? '' : name(url);
  };
  /** The RegExp source or the script URL a code object was compiled from, if found. */
  const ownerOf = (start: number): { pattern: string } | { script: string } | null => {
    const seen = new Set([start]);
    let frontier = [start];
    for (let depth = 0; depth < OWNER_DEPTH; depth++) {
      const next: number[] = [];
      for (const at of frontier) {
        for (const by of retainers[at]!) {
          if (seen.has(by)) continue;
          seen.add(by);
          if (type(by) === 'regexp') return { pattern: name(by) };
          if (isFunctionInfo(by)) return { script: scriptUrl(by) };
          const shared = type(by) === 'closure' ? edgeTo(by, 'shared') : undefined;
          if (shared !== undefined) return { script: scriptUrl(shared) };
          next.push(by);
        }
      }
      frontier = next;
    }
    return null;
  };

  const patterns = new Map<string, number>();
  let script = 0;
  for (let i = 0; i < count; i++) {
    if (type(i) !== 'code') continue;
    const size = nodes[i * NF + SIZE]!;
    const owner = isFunctionInfo(i) ? { script: scriptUrl(i) } : ownerOf(i);
    if (owner && 'pattern' in owner) {
      patterns.set(owner.pattern, (patterns.get(owner.pattern) ?? 0) + size);
    } else if (owner?.script.startsWith(scriptPrefix)) {
      script += size;
    }
  }
  return { patterns, script };
}
