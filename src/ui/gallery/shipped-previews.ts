// The shipped previews' manifest (public/gallery/manifest.json), fetched once per page. A missing or
// unreadable manifest (a build without previews, an old offline cache) reads as empty: every card
// then renders live, as before previews were shipped.
import { parseManifest, PREVIEW_MANIFEST, type PreviewManifest } from '../../state/gallery-previews';

let manifest: Promise<PreviewManifest> | null = null;

export function shippedPreviews(): Promise<PreviewManifest> {
  manifest ??= fetch(new URL(PREVIEW_MANIFEST, document.baseURI), { cache: 'no-cache' })
    .then((r) => (r.ok ? r.json() : null))
    .then(parseManifest, () => parseManifest(null));
  return manifest;
}
