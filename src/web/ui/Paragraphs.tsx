/** @module Content text may hold several paragraphs separated by blank lines; render each as its own <p>. */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        // Paragraph order is fixed for a given text, so the index is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above.
        <p key={index} className={className}>
          {paragraph}
        </p>
      ))}
    </>
  );
}
