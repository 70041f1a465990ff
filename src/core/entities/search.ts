import type { Entity } from './entity';

/** Lower case, without accents: "Nguyễn" is found by "nguyen". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * A search of entities by name, as typed in a view's search box: every word of the query must begin a word of
 * the entity's name or of one of the ways it is written ("kim" finds Kim Jong Un, "un" finds him and the United
 * Nations, "jong kim" finds him too). Case and accents aside. An empty query finds everything.
 */
export function entitySearch(query: string): (entity: Entity) => boolean {
  const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (!words.length) return () => true;
  return entity => {
    const written = [entity.name, ...entity.forms.keys()].map(form => ` ${fold(form).replace(/[^\p{L}\p{N}]+/gu, ' ')}`);
    return words.every(word => written.some(form => form.includes(` ${word}`)));
  };
}
