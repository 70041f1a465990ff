// schema.org ClaimReview (JSON-LD, https://schema.org/ClaimReview), the markup fact checks are published with:
// one per claim the user rated. The claim's words are `claimReviewed`; who made it is the Claim's author; the
// verdict is the review's rating, in the user's words (`alternateName`); where the claim appears is the
// article with an RFC 5147 fragment (`#char=start,end`, in code points) that gives its place.
import type { CorpusView } from '../corpus';
import type { Annotation } from '../annotations/model';
import { CodePointOffsets } from '../text/codePoints';

export const SCHEMA_CONTEXT = 'https://schema.org';

/** The RFC 5147 fragment of a stretch of a plain-text article (`#char=12,40`). */
export function charFragment(offsets: CodePointOffsets, start: number, end: number): string {
  return `#char=${offsets.toPoints(start)},${offsets.toPoints(end)}`;
}

/** A person or an organisation, as schema.org types them, for a claimant (an entity id or a name). */
function claimantLd(view: CorpusView, claimant: string): object {
  const entity = view.entities.get(claimant);
  return { '@type': entity?.type === 'ORG' ? 'Organization' : 'Person', name: entity?.name ?? claimant };
}

function claimReview(view: CorpusView, a: Annotation, appearance: string, text: string, published: string | null): object {
  return {
    '@context': SCHEMA_CONTEXT,
    '@type': 'ClaimReview',
    claimReviewed: text,
    ...(a.updated || a.created ? { datePublished: (a.updated || a.created).slice(0, 10) } : {}),
    ...(a.author ? { author: { '@type': 'Person', name: a.author } } : {}),
    ...(a.note ? { reviewBody: a.note } : {}),
    reviewRating: { '@type': 'Rating', alternateName: a.rating },
    itemReviewed: {
      '@type': 'Claim',
      ...(a.links.claimant ? { author: claimantLd(view, a.links.claimant) } : {}),
      ...(published ? { datePublished: published } : {}),
      appearance: { '@type': 'CreativeWork', url: appearance },
    },
  };
}

/**
 * The rated claims of the corpus, as a JSON list of ClaimReview objects (each one complete, to be put in the
 * page of its fact check). Claims without a rating, and those not placed for sure in their article, are left out.
 */
export function exportClaimReview(view: CorpusView, relative: (path: string) => string = p => p): string {
  const reviews: object[] = [];
  for (const [path, article] of view.articles) {
    let offsets: CodePointOffsets | undefined;
    for (const p of article.annotations) {
      const a = p.annotation;
      if (a.kind !== 'claim' || !a.rating || !p.span || (p.status !== 'anchored' && p.status !== 'moved')) continue;
      offsets ??= new CodePointOffsets(article.text);
      const url = `${encodeURI(relative(path))}${charFragment(offsets, p.span.start, p.span.end)}`;
      reviews.push(claimReview(view, a, url, article.text.slice(p.span.start, p.span.end), article.analysis.published?.value ?? null));
    }
  }
  return JSON.stringify(reviews, null, 2) + '\n';
}
