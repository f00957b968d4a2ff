/**
 * Zachary's karate club (W. W. Zachary, "An Information Flow Model for Conflict and Fission in Small
 * Groups", Journal of Anthropological Research 33, 452–473, 1977): 34 members, 78 friendships.
 * Typed in from networkx 3.6.1's `karate_club_graph()` (0-based node ids; networkx node k is the
 * paper's member k + 1) and its node attribute 'club', the side each member joined after the split:
 * 'Mr. Hi' (the instructor, node 0) or 'Officer' (the administrator, node 33).
 */

export const KARATE_NODES = 34;

/** The instructor ("Mr. Hi") and the club's administrator (the "Officer"). */
export const INSTRUCTOR = 0;
export const ADMINISTRATOR = 33;

export const FACTION_NAMES = ['Mr. Hi', 'Officer'] as const;

/** The 78 undirected friendships [a, b] with a < b, sorted. */
export const KARATE_EDGES: readonly (readonly [number, number])[] = [
  [0, 1], [0, 2], [0, 3], [0, 4], [0, 5], [0, 6], [0, 7], [0, 8], [0, 10], [0, 11],
  [0, 12], [0, 13], [0, 17], [0, 19], [0, 21], [0, 31], [1, 2], [1, 3], [1, 7], [1, 13],
  [1, 17], [1, 19], [1, 21], [1, 30], [2, 3], [2, 7], [2, 8], [2, 9], [2, 13], [2, 27],
  [2, 28], [2, 32], [3, 7], [3, 12], [3, 13], [4, 6], [4, 10], [5, 6], [5, 10], [5, 16],
  [6, 16], [8, 30], [8, 32], [8, 33], [9, 33], [13, 33], [14, 32], [14, 33], [15, 32], [15, 33],
  [18, 32], [18, 33], [19, 33], [20, 32], [20, 33], [22, 32], [22, 33], [23, 25], [23, 27], [23, 29],
  [23, 32], [23, 33], [24, 25], [24, 27], [24, 31], [25, 31], [26, 29], [26, 33], [27, 33], [28, 31],
  [28, 33], [29, 32], [29, 33], [30, 32], [30, 33], [31, 32], [31, 33], [32, 33],
];

/** Faction after the split, per node: 0 = 'Mr. Hi', 1 = 'Officer' (networkx's 'club' attribute). */
export const KARATE_FACTION: readonly number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

/** Node degrees (number of friends), from the edge list. */
export function karateDegrees(): number[] {
  const deg = new Array<number>(KARATE_NODES).fill(0);
  for (const [a, b] of KARATE_EDGES) {
    deg[a]++;
    deg[b]++;
  }
  return deg;
}
