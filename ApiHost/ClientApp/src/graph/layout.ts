import type { Associations } from '../api/types';

export interface Placed {
  x: number[];
  y: number[];
  z: number[];
}

/**
 * Positions for the graph: the centre at the origin and each node on the sphere whose radius is its distance in
 * hops, spread by the golden angle so nodes at one distance do not overlap.
 */
export function place(graph: Associations): Placed {
  const placed: Placed = { x: [], y: [], z: [] };
  const golden = Math.PI * (3 - Math.sqrt(5));
  graph.nodes.forEach((node, i) => {
    const count = Math.max(graph.nodes.length - 1, 1);
    const y = 1 - (2 * (i + 0.5)) / count;
    const ring = Math.sqrt(Math.max(1 - y * y, 0));
    const angle = golden * i;
    const r = node.distance;
    placed.x.push(r * ring * Math.cos(angle));
    placed.y.push(r * y);
    placed.z.push(r * ring * Math.sin(angle));
  });
  return placed;
}

/** Candidate centres for "follow the topic": the message's runs of letters (NFKC, lower case), longest first. */
export function topicCandidates(text: string, max = 3): string[] {
  const runs = text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [];
  return [...new Set(runs)].sort((a, b) => b.length - a.length).slice(0, max);
}
