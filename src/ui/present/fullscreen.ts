// Full screen for the whole page (plots and run bar together). Browsers refuse it without a user
// gesture, in some iframes and on iPhones; the caller shows the returned sentence instead.
export async function toggleFullscreen(doc: Document = document): Promise<string | null> {
  try {
    if (doc.fullscreenElement) {
      await doc.exitFullscreen();
      return null;
    }
    if (!doc.fullscreenEnabled || !doc.documentElement.requestFullscreen) {
      return 'Full screen is not available on this page; use the browser’s own (F11, or View → Enter Full Screen).';
    }
    await doc.documentElement.requestFullscreen();
    return null;
  } catch {
    return 'The browser refused full screen; use its own (F11, or View → Enter Full Screen).';
  }
}
