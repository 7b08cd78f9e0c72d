'use client';

import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * A box that scrolls sideways when its content is wider, and shows it: shadows at the edge where more content lies
 * (backgrounds that move with the scroll position), and a keyboard stop with a name while, and only while, there is
 * something to scroll to (WCAG "scrollable region focusable"). The e2e layout check requires both.
 */
export function ScrollArea({ label, children, className = '' }: { label?: string; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the label is given only together with role=region
    <div
      ref={ref}
      role={scrolls ? 'region' : undefined}
      aria-label={scrolls ? label : undefined}
      tabIndex={scrolls ? 0 : undefined}
      data-scroll-area=""
      className={`scroll-shadows overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700 ${className}`}
    >
      {children}
    </div>
  );
}
