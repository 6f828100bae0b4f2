// Node ESM resolve hook: tfjs-core's ESM files import each other without file extensions (fine for
// bundlers, not for Node). core/tf.ts imports one of them (register_all_gradients), so the CLI adds
// the missing ".js" (or "/index.js") for relative imports inside tfjs-core's dist folder.
// The copies share their registries through globalThis, so gradients reach the CJS engine too.
export async function resolve(specifier, context, next) {
  const inside = context.parentURL?.includes('/@tensorflow/tfjs-core/dist/');
  const bare = specifier === '@tensorflow/tfjs-core/dist/register_all_gradients';
  if ((inside && specifier.startsWith('.') && !specifier.endsWith('.js')) || bare) {
    for (const suffix of ['.js', '/index.js']) {
      try {
        return await next(specifier + suffix, context);
      } catch {
        // try the next form
      }
    }
  }
  return next(specifier, context);
}
