import { describe, expect, it } from 'vitest';
import { ADMINISTRATOR, INSTRUCTOR, KARATE_EDGES, KARATE_FACTION, KARATE_NODES, karateDegrees } from './karate';

describe("Zachary's karate club", () => {
  it('has 34 nodes and 78 distinct undirected edges, no self-loops', () => {
    expect(KARATE_NODES).toBe(34);
    expect(KARATE_EDGES.length).toBe(78);
    const seen = new Set<string>();
    for (const [a, b] of KARATE_EDGES) {
      expect(a).not.toBe(b);
      expect(Math.min(a, b)).toBeGreaterThanOrEqual(0);
      expect(Math.max(a, b)).toBeLessThan(34);
      const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it('degrees match networkx: instructor 16, administrator 17, every member has a friend, 156 edge ends', () => {
    const deg = karateDegrees();
    expect(deg[INSTRUCTOR]).toBe(16);
    expect(deg[ADMINISTRATOR]).toBe(17);
    expect(deg[32]).toBe(12);
    expect(Math.min(...deg)).toBe(1);
    expect(deg.reduce((a, b) => a + b, 0)).toBe(156);
  });

  it('the two factions have 17 members each; the leaders sit on opposite sides', () => {
    expect(KARATE_FACTION.length).toBe(34);
    expect(KARATE_FACTION.filter((f) => f === 0).length).toBe(17);
    expect(KARATE_FACTION.filter((f) => f === 1).length).toBe(17);
    expect(KARATE_FACTION[INSTRUCTOR]).toBe(0);
    expect(KARATE_FACTION[ADMINISTRATOR]).toBe(1);
    // networkx's docstring examples: node 5 is 'Mr. Hi', node 9 is 'Officer'.
    expect(KARATE_FACTION[5]).toBe(0);
    expect(KARATE_FACTION[9]).toBe(1);
  });
});
