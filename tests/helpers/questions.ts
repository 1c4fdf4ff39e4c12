import { postJson, type TestCore } from './core';

/** Four viewers asking the same (one near-duplicate group): a road on Tole bi, in different words. */
export const ROAD_GROUP = [
  'Когда отремонтируют дорогу на улице Толе би возле дома 45? Там огромные ямы',
  'Когда наконец отремонтируют дорогу на Толе би у дома 45, ямы огромные',
  'Улица Толе би дом 45: когда отремонтируют дорогу, сплошные ямы',
  'Когда отремонтируют дорогу на Толе би 45? Ямы огромные, машины ломаются',
] as const;

/** Sends a question through the public form (district Almaly) and returns the id it was stored under. */
export async function askedId(core: Pick<TestCore, 'url' | 'db'>, name: string, text: string): Promise<number> {
  const { json } = await postJson(`${core.url}/api/questions`, { name, text, district: 'almaly' });
  return (core.db.prepare('SELECT id FROM question WHERE reference = ?').get(json.value.reference) as { id: number }).id;
}
