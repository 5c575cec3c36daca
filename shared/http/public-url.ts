/** The absolute URL of `path` on our configured public origin; request headers never decide it. */
export function publicUrl(origin: string, path: string): string {
  return new URL(path, origin).toString();
}
