/** @module Lets a wide table scroll sideways on a phone, as a named region that keyboard users can focus and scroll. */
import type { ReactNode } from 'react';

export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll it by keyboard (WCAG 2.1.1).
    <section className="scroll-region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
