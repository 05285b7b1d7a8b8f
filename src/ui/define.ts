const warned = new Set<string>();

/**
 * Registers a custom element once. A tag that is already taken (shequ-kit loaded twice by a
 * CMS plugin, two versions on one page) keeps its first definition: we warn once per tag and
 * never throw, so the rest of the page keeps working.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing !== ctor && !warned.has(tag)) {
    warned.add(tag);
    console.warn(
      `[shequ-kit] <${tag}> is already defined by another copy of the library; keeping that one.`,
    );
  }
}
