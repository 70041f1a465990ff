/** Writes `count` news articles into `out` (emptied first), in folders of a thousand; returns `out`. */
export function makeCorpus(options: { data: string; count: number; out: string; seed?: number; sample?: string }): string;
